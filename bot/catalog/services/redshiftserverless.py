"""Amazon Redshift Serverless: namespaces, workgroups (custom domains are parts of them),
snapshots, endpoint accesses and scheduled actions by name, usage limits and snapshot copy
configurations by id. Restores are operational. Tags and resource policies take ARNs that hold
a UUID, not the name, so they are left out."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

RS = "redshift-serverless.amazonaws.com"

NAMESPACE = "AWS::RedshiftServerless::Namespace"
WORKGROUP = "AWS::RedshiftServerless::Workgroup"
SNAPSHOT = "AWS::RedshiftServerless::Snapshot"
ENDPOINT = "AWS::RedshiftServerless::EndpointAccess"
USAGE_LIMIT = "AWS::RedshiftServerless::UsageLimit"
SCHEDULED_ACTION = "AWS::RedshiftServerless::ScheduledAction"

TYPES = (
    ResourceType(NAMESPACE, "name"),
    ResourceType(WORKGROUP, "name"),
    ResourceType(SNAPSHOT, "name"),
    ResourceType(ENDPOINT, "name"),
    ResourceType(USAGE_LIMIT, "id"),
    ResourceType(SCHEDULED_ACTION, "name"),
)


def _req(member: str) -> str:
    return f"requestParameters.{member}"


# Redshift Serverless API reference (JSON: members lower-case first).
RULES = [
    *lifecycle(RS, "Namespace", NAMESPACE, _req("namespaceName")),
    on(RS, "UpdateLakehouseConfiguration", NAMESPACE, UPDATE, _req("namespaceName")),
    *lifecycle(RS, "Workgroup", WORKGROUP, _req("workgroupName")),
    on(
        RS,
        (
            "CreateCustomDomainAssociation",
            "UpdateCustomDomainAssociation",
            "DeleteCustomDomainAssociation",
        ),
        WORKGROUP,
        UPDATE,
        _req("workgroupName"),
    ),
    *lifecycle(RS, "Snapshot", SNAPSHOT, _req("snapshotName")),
    *lifecycle(RS, "EndpointAccess", ENDPOINT, _req("endpointName")),
    *lifecycle(
        RS,
        "UsageLimit",
        USAGE_LIMIT,
        _req("usageLimitId"),
        created="responseElements.usageLimit.usageLimitId",
    ),
    *lifecycle(RS, "ScheduledAction", SCHEDULED_ACTION, _req("scheduledActionName")),
    on(
        RS,
        (
            "CreateSnapshotCopyConfiguration",
            "UpdateSnapshotCopyConfiguration",
        ),
        NAMESPACE,
        UPDATE,
        "responseElements.snapshotCopyConfiguration.namespaceName",
    ),
]

OPERATIONAL = [
    ops(
        RS,
        "restoring data into a namespace, and reserved capacity purchases",
        """RestoreFromRecoveryPoint RestoreFromSnapshot RestoreTableFromRecoveryPoint
        RestoreTableFromSnapshot ConvertRecoveryPointToSnapshot CreateReservation""",
    ),
]

TERRAFORM = [
    tf("aws_redshiftserverless_namespace", NAMESPACE, "namespace_name", "id", "arn"),
    tf("aws_redshiftserverless_workgroup", WORKGROUP, "workgroup_name", "id", "arn"),
    *children(WORKGROUP, "workgroup_name", "aws_redshiftserverless_custom_domain_association"),
    tf("aws_redshiftserverless_snapshot", SNAPSHOT, "snapshot_name", "id", "arn"),
    tf("aws_redshiftserverless_endpoint_access", ENDPOINT, "endpoint_name", "id", "arn"),
    tf("aws_redshiftserverless_usage_limit", USAGE_LIMIT, "id", "arn"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    operational=OPERATIONAL,
    models=("redshift-serverless",),
)
