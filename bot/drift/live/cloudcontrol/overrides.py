"""Where the generic rule cannot pair a Terraform type with its Cloud Control type. Pure.

- RENAMES: Terraform attribute → the property (path, `/`-separated) it pairs with, where the
  names differ (`visibility_timeout_seconds` ↔ `VisibilityTimeout`); `""` means never compare
  it (the shapes differ and a facet below compares it instead).
- CUSTOM: facets whose shapes differ, per Cloud Control type: security group rules (one
  Terraform block with N CIDRs is N CloudFormation entries), a role's inline and attached
  policies, a listener's certificate and default actions, a bucket's versioning, public access
  block and default encryption. Each reuses the hand-written projection of that facet
  (`bot/drift/live/<type>.py`) on both sides, so both paths judge it alike.
Names checked against the CloudFormation schemas (cfn-lint's bundle) and the Terraform AWS
provider's arguments (see tf_arguments.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.drift.live import elbv2_listener, iam_role, s3_bucket, security_group
from bot.drift.live.normalize import (
    UNMANAGED,
    blocks,
    flag,
    is_unmanaged,
    normalize_policy,
    string_set,
    text,
)
from bot.iac.index import DesiredResource

RENAMES: dict[str, dict[str, str]] = {
    "aws_sqs_queue": {
        "visibility_timeout_seconds": "VisibilityTimeout",
        "message_retention_seconds": "MessageRetentionPeriod",
        "max_message_size": "MaximumMessageSize",
        "receive_wait_time_seconds": "ReceiveMessageWaitTimeSeconds",
    },
    "aws_kms_key": {
        "is_enabled": "Enabled",
        "customer_master_key_spec": "KeySpec",
        "policy": "KeyPolicy",
    },
    "aws_iam_role": {
        "assume_role_policy": "AssumeRolePolicyDocument",
        "inline_policy": "",
        "managed_policy_arns": "",
    },
    "aws_iam_user": {"permissions_boundary": "PermissionsBoundary"},
    "aws_db_instance": {
        "vpc_security_group_ids": "VPCSecurityGroups",
        "parameter_group_name": "DBParameterGroupName",
        "option_group_name": "OptionGroupName",
    },
    "aws_instance": {"vpc_security_group_ids": "SecurityGroupIds"},
    "aws_security_group": {"ingress": "", "egress": ""},
    "aws_default_security_group": {"ingress": "", "egress": ""},
    "aws_lb_listener": {"default_action": "", "certificate_arn": ""},
    "aws_alb_listener": {"default_action": "", "certificate_arn": ""},
    "aws_s3_bucket": {"versioning": "", "server_side_encryption_configuration": ""},
    "aws_s3_bucket_server_side_encryption_configuration": {"rule": ""},
    "aws_ecr_repository_policy": {"policy": "RepositoryPolicyText"},
    "aws_ecr_lifecycle_policy": {"policy": "LifecyclePolicy/LifecyclePolicyText"},
    "aws_cloudwatch_log_group": {"kms_key_id": "KmsKeyId"},
    "aws_sns_topic": {"kms_master_key_id": "KmsMasterKeyId"},
    "aws_backup_vault_policy": {"policy": "AccessPolicy"},
    "aws_cloudwatch_event_rule": {"event_pattern": "EventPattern", "is_enabled": ""},
}

# A child resource (`aws_sqs_queue_redrive_policy`) pairs only these attributes with its
# parent's properties: the facet of the parent it manages. Its other attributes (a stage's
# `description`, an alias's `name`) belong to the child itself, not to the parent.
CHILD_FACETS: dict[str, tuple[str, ...]] = {
    "aws_api_gateway_rest_api_policy": ("policy",),
    "aws_backup_vault_policy": ("policy",),
    "aws_cloudwatch_event_bus_policy": ("policy",),
    "aws_ecr_lifecycle_policy": ("policy",),
    "aws_ecr_repository_policy": ("policy",),
    "aws_ecs_cluster_capacity_providers": (
        "capacity_providers",
        "default_capacity_provider_strategy",
    ),
    "aws_efs_backup_policy": ("backup_policy",),
    "aws_efs_file_system_policy": ("policy",),
    "aws_kms_key_policy": ("policy",),
    "aws_opensearch_domain_policy": ("access_policies",),
    "aws_s3_bucket_object_lock_configuration": ("object_lock_enabled",),
    "aws_s3_bucket_versioning": ("versioning_configuration",),
    "aws_sqs_queue_redrive_allow_policy": ("redrive_allow_policy",),
    "aws_sqs_queue_redrive_policy": ("redrive_policy",),
    "aws_vpc_peering_connection_accepter": ("tags", "tags_all"),
    "aws_ec2_transit_gateway_vpc_attachment_accepter": ("tags", "tags_all"),
}


@dataclass(frozen=True)
class Custom:
    """A facet compared through its own projections.

    Attributes:
        path: the change's path (`ingress`).
        tf_types: the Terraform types that manage it (any one of them among the owners).
        desired: the owners → the normalised facet, or UNMANAGED.
        actual: the live properties → the normalised facet.
    """

    path: str
    tf_types: tuple[str, ...]
    desired: Callable[[Sequence[DesiredResource]], Any]
    actual: Callable[[Mapping[str, Any]], Any]


def _facet(project: Callable[[Sequence[DesiredResource]], Any], key: str) -> Callable[..., Any]:
    """One key of a hand-written projection of the state (UNMANAGED when it has none)."""

    def desired(owners: Sequence[DesiredResource]) -> Any:
        projected = project(owners)
        return UNMANAGED if projected is None else projected.get(key, UNMANAGED)

    return desired


# Security groups: CloudFormation's one-source entries, as DescribeSecurityGroups' permissions.
_SOURCES = (
    ("IpRanges", "CidrIp", "CidrIp"),
    ("Ipv6Ranges", "CidrIpv6", "CidrIpv6"),
    ("PrefixListIds", "PrefixListId", "SourcePrefixListId"),
    ("PrefixListIds", "PrefixListId", "DestinationPrefixListId"),
    ("UserIdGroupPairs", "GroupId", "SourceSecurityGroupId"),
    ("UserIdGroupPairs", "GroupId", "DestinationSecurityGroupId"),
)


def _permissions(entries: object) -> list[dict[str, Any]]:
    out = []
    for entry in blocks(entries):
        permission: dict[str, Any] = {
            "IpProtocol": entry.get("IpProtocol"),
            "FromPort": entry.get("FromPort"),
            "ToPort": entry.get("ToPort"),
        }
        for field, key, prop in _SOURCES:
            if (value := text(entry.get(prop))) is not None:
                permission[field] = [{key: value, "Description": entry.get("Description")}]
        out.append(permission)
    return out


def _sg_actual(direction: str, prop: str) -> Callable[[Mapping[str, Any]], Any]:
    field = "IpPermissions" if direction == "ingress" else "IpPermissionsEgress"

    def actual(props: Mapping[str, Any]) -> Any:
        return security_group.project_actual({field: _permissions(props.get(prop))})[direction]

    return actual


SG_TYPES = (*security_group.GROUPS, security_group.RULE, *security_group.VPC_RULES)


# IAM roles: inline policies by name, attached policy ARNs.
def _role_policies(props: Mapping[str, Any]) -> Any:
    found = {
        str(p.get("PolicyName")): normalize_policy(p.get("PolicyDocument"))
        for p in blocks(props.get("Policies"))
    }
    return dict(sorted(found.items()))


ROLE_TYPES = (
    iam_role.ROLE,
    iam_role.ROLE_POLICY,
    iam_role.ROLE_POLICIES_EXCLUSIVE,
    iam_role.ATTACHMENT,
    iam_role.ATTACHMENTS_EXCLUSIVE,
    iam_role.POLICY_ATTACHMENT,
)


# Listeners: the default certificate and the default actions keyed by type.
def _listener_certificate(owners: Sequence[DesiredResource]) -> Any:
    projected = elbv2_listener.project_desired(owners)
    return UNMANAGED if projected is None else projected["certificate_arn"]


def _listener_actual(key: str) -> Callable[[Mapping[str, Any]], Any]:
    def actual(props: Mapping[str, Any]) -> Any:
        listener = {
            "Protocol": props.get("Protocol"),
            "Certificates": props.get("Certificates"),
            "DefaultActions": props.get("DefaultActions"),
        }
        return elbv2_listener.project_actual({"listener": listener, "certificates": []})[key]

    return actual


# Buckets: versioning on or off (CloudFormation does not show MFA delete), the public access
# block, the first default-encryption rule.
def _versioning(owners: Sequence[DesiredResource]) -> Any:
    projected = s3_bucket.project_desired(owners)
    versioning = UNMANAGED if projected is None else projected.get("versioning", UNMANAGED)
    return UNMANAGED if is_unmanaged(versioning) else versioning["enabled"]


def _versioning_actual(props: Mapping[str, Any]) -> Any:
    return (props.get("VersioningConfiguration") or {}).get("Status") == "Enabled"


def _public_access_block(props: Mapping[str, Any]) -> Any:
    config = props.get("PublicAccessBlockConfiguration") or {}
    return {name: flag(config.get(field)) for name, field in s3_bucket.PAB_FIELDS}


def _encryption(props: Mapping[str, Any]) -> Any:
    config = props.get("BucketEncryption") or {}
    return s3_bucket.actual_encryption(
        {"Rules": config.get("ServerSideEncryptionConfiguration") or []}
    )


BUCKET_TYPES = (
    s3_bucket.BUCKET,
    s3_bucket.VERSIONING,
    s3_bucket.PUBLIC_ACCESS_BLOCK,
    s3_bucket.ENCRYPTION,
)

CUSTOM: dict[str, tuple[Custom, ...]] = {
    security_group.RESOURCE_TYPE: (
        Custom(
            "ingress",
            SG_TYPES,
            _facet(security_group.project_desired, "ingress"),
            _sg_actual("ingress", "SecurityGroupIngress"),
        ),
        Custom(
            "egress",
            SG_TYPES,
            _facet(security_group.project_desired, "egress"),
            _sg_actual("egress", "SecurityGroupEgress"),
        ),
    ),
    iam_role.RESOURCE_TYPE: (
        Custom(
            "inline_policies",
            ROLE_TYPES,
            _facet(iam_role.project_desired, "inline_policies"),
            _role_policies,
        ),
        Custom(
            "managed_policy_arns",
            ROLE_TYPES,
            _facet(iam_role.project_desired, "managed_policy_arns"),
            lambda props: string_set(props.get("ManagedPolicyArns")),
        ),
    ),
    elbv2_listener.RESOURCE_TYPE: (
        Custom(
            "certificate_arn",
            elbv2_listener.LISTENERS,
            _listener_certificate,
            _listener_actual("certificate_arn"),
        ),
        Custom(
            "default_actions",
            elbv2_listener.LISTENERS,
            _facet(elbv2_listener.project_desired, "default_actions"),
            _listener_actual("default_actions"),
        ),
    ),
    s3_bucket.RESOURCE_TYPE: (
        Custom("versioning", BUCKET_TYPES, _versioning, _versioning_actual),
        Custom(
            "public_access_block",
            (s3_bucket.PUBLIC_ACCESS_BLOCK,),
            _facet(s3_bucket.project_desired, "public_access_block"),
            _public_access_block,
        ),
        Custom(
            "encryption",
            BUCKET_TYPES,
            _facet(s3_bucket.project_desired, "encryption"),
            _encryption,
        ),
    ),
}


def custom_types() -> set[str]:
    """Every Terraform type some facet of CUSTOM compares."""
    return {t for facets in CUSTOM.values() for c in facets for t in c.tf_types}
