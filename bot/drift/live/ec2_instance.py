"""AWS::EC2::Instance: type, security groups, IAM instance profile and tags, from `aws_instance`
against `DescribeInstances`.

Security groups are compared by id (`vpc_security_group_ids`, which provider v5 records for
every instance); a state that records only group names leaves them unmanaged. The instance
profile is compared by name (Terraform records the name, AWS answers the ARN).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.drift.live.compare import LIVE_TYPES, Attrs, LiveType
from bot.drift.live.normalize import (
    UNMANAGED,
    blocks,
    desired_tags,
    first_attrs,
    name_from_arn,
    string_set,
    tag_map,
    text,
)
from bot.iac.index import DesiredResource

RESOURCE_TYPE = "AWS::EC2::Instance"
INSTANCE = "aws_instance"


def project_desired(owners: Sequence[DesiredResource]) -> Attrs | None:
    instance = first_attrs(owners, INSTANCE)
    if instance is None:
        return None
    groups = string_set(instance.get("vpc_security_group_ids"))
    return {
        "instance_type": text(instance.get("instance_type")),
        "vpc_security_group_ids": groups or UNMANAGED,
        "iam_instance_profile": name_from_arn(instance.get("iam_instance_profile")),
        "tags": desired_tags(instance),
    }


def project_actual(raw: Mapping[str, Any]) -> Attrs:
    """`raw`: one Instances item of DescribeInstances."""
    profile = raw.get("IamInstanceProfile") or {}
    return {
        "instance_type": text(raw.get("InstanceType")),
        "vpc_security_group_ids": string_set(
            g.get("GroupId") for g in blocks(raw.get("SecurityGroups"))
        ),
        "iam_instance_profile": name_from_arn(profile.get("Arn")),
        "tags": tag_map(raw.get("Tags")),
    }


IAC_TYPES = (INSTANCE,)
LIVE_TYPES.add(RESOURCE_TYPE, LiveType(RESOURCE_TYPE, project_desired, project_actual, IAC_TYPES))
