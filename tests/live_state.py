"""The IaC side of the live comparison tests: the owners of one resource from a Terraform state
written as `(type, attributes)` pairs, and resources as provider v5 records them."""

from __future__ import annotations

from typing import Any

import orjson

from bot.drift.findings import AttributeChange
from bot.drift.live import LIVE_TYPES, compare
from bot.iac.index import DesiredResource, build_index
from bot.iac.terraform import parse_state

ACCOUNT = "111122223333"
REGION = "us-east-1"


def owners(
    resource_type: str, resource_id: str, *resources: tuple[str, dict[str, Any]]
) -> list[DesiredResource]:
    """The owners of one resource, from a Terraform state holding `(type, attributes)` pairs."""
    state = {
        "version": 4,
        "terraform_version": "1.9.5",
        "resources": [
            {
                "mode": "managed",
                "type": tf_type,
                "name": f"r{i}",
                "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
                "instances": [{"schema_version": 0, "attributes": attrs}],
            }
            for i, (tf_type, attrs) in enumerate(resources)
        ],
    }
    index = build_index([parse_state(orjson.dumps(state), "test.tfstate")])
    return index.owners(resource_type, resource_id)


def check(
    resource_type: str, found: list[DesiredResource], raw: dict[str, Any]
) -> list[AttributeChange]:
    """The changes between what the owners `found` say and a live read `raw`."""
    spec = LIVE_TYPES.get(resource_type)
    desired = spec.desired(found)
    assert desired is not None
    return compare(desired, spec.actual(raw))


def change(path: str, expected: Any, actual: Any) -> AttributeChange:
    return AttributeChange(path=path, expected=expected, actual=actual)


def bucket_log_policy(bucket: str) -> dict[str, Any]:
    """A bucket policy that lets S3 server access logging write into `bucket`."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "Logs",
                "Effect": "Allow",
                "Principal": {"Service": "logging.s3.amazonaws.com"},
                "Action": "s3:PutObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }


def public_access_block(bucket: str) -> tuple[str, dict[str, Any]]:
    """`aws_s3_bucket_public_access_block` blocking every kind of public access to `bucket`."""
    return (
        "aws_s3_bucket_public_access_block",
        {
            "bucket": bucket,
            "id": bucket,
            "block_public_acls": True,
            "block_public_policy": True,
            "ignore_public_acls": True,
            "restrict_public_buckets": True,
        },
    )


def security_group(
    group_id: str, *, account: str = ACCOUNT, vpc_id: str = "vpc-1", **over: Any
) -> dict[str, Any]:
    """`aws_security_group` `web`: SSH from 10.0.0.0/8 in, everything out (AWS's default
    egress rule, which Terraform records), tagged Name=web; `over` replaces attributes."""
    attrs = {
        "arn": f"arn:aws:ec2:{REGION}:{account}:security-group/{group_id}",
        "id": group_id,
        "name": "web",
        "description": "Web",
        "owner_id": account,
        "vpc_id": vpc_id,
        "tags": {"Name": "web"},
        "tags_all": {"Name": "web"},
        "revoke_rules_on_delete": False,
        "name_prefix": "",
        "ingress": [
            {
                "cidr_blocks": ["10.0.0.0/8"],
                "description": "ssh",
                "from_port": 22,
                "ipv6_cidr_blocks": [],
                "prefix_list_ids": [],
                "protocol": "tcp",
                "security_groups": [],
                "self": False,
                "to_port": 22,
            }
        ],
        "egress": [
            {
                "cidr_blocks": ["0.0.0.0/0"],
                "description": "",
                "from_port": 0,
                "ipv6_cidr_blocks": [],
                "prefix_list_ids": [],
                "protocol": "-1",
                "security_groups": [],
                "self": False,
                "to_port": 0,
            }
        ],
    }
    return attrs | over
