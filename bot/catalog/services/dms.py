"""AWS DMS: replication instances, endpoints, replication tasks and configs, certificates (by
ARN: DMS ARNs hold an opaque id, so Terraform's `…_arn` attributes are the match), replication
subnet groups and event subscriptions (by name). Migration runs, assessments and metadata
conversions are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

DMS = "dms.amazonaws.com"

INSTANCE = "AWS::DMS::ReplicationInstance"
ENDPOINT = "AWS::DMS::Endpoint"
TASK = "AWS::DMS::ReplicationTask"
CONFIG = "AWS::DMS::ReplicationConfig"
CERTIFICATE = "AWS::DMS::Certificate"
SUBNET_GROUP = "AWS::DMS::ReplicationSubnetGroup"
SUBSCRIPTION = "AWS::DMS::EventSubscription"

TYPES = (
    ResourceType(INSTANCE, "arn"),
    ResourceType(ENDPOINT, "arn"),
    ResourceType(TASK, "arn"),
    ResourceType(CONFIG, "arn"),
    ResourceType(CERTIFICATE, "arn"),
    ResourceType(SUBNET_GROUP, "name", "subgrp:"),
    ResourceType(SUBSCRIPTION, "name", "es:"),
)
ARN_KINDS = {
    ("dms", "rep"): INSTANCE,
    ("dms", "endpoint"): ENDPOINT,
    ("dms", "task"): TASK,
    ("dms", "replication-config"): CONFIG,
    ("dms", "cert"): CERTIFICATE,
    ("dms", "subgrp"): SUBNET_GROUP,
    ("dms", "es"): SUBSCRIPTION,
}

# DMS API reference (JSON: members lower-case first). Creates answer the new ARN; the rest take
# it in the request.
RULES = [
    on(
        DMS,
        "CreateReplicationInstance",
        INSTANCE,
        CREATE,
        "responseElements.replicationInstance.replicationInstanceArn",
    ),
    on(
        DMS,
        "ModifyReplicationInstance",
        INSTANCE,
        UPDATE,
        "requestParameters.replicationInstanceArn",
    ),
    on(
        DMS,
        "DeleteReplicationInstance",
        INSTANCE,
        DELETE,
        "requestParameters.replicationInstanceArn",
    ),
    on(DMS, "CreateEndpoint", ENDPOINT, CREATE, "responseElements.endpoint.endpointArn"),
    on(DMS, "ModifyEndpoint", ENDPOINT, UPDATE, "requestParameters.endpointArn"),
    on(DMS, "DeleteEndpoint", ENDPOINT, DELETE, "requestParameters.endpointArn"),
    on(
        DMS,
        "CreateReplicationTask",
        TASK,
        CREATE,
        "responseElements.replicationTask.replicationTaskArn",
    ),
    on(DMS, "ModifyReplicationTask", TASK, UPDATE, "requestParameters.replicationTaskArn"),
    on(DMS, "DeleteReplicationTask", TASK, DELETE, "requestParameters.replicationTaskArn"),
    on(
        DMS,
        "CreateReplicationConfig",
        CONFIG,
        CREATE,
        "responseElements.replicationConfig.replicationConfigArn",
    ),
    on(DMS, "ModifyReplicationConfig", CONFIG, UPDATE, "requestParameters.replicationConfigArn"),
    on(DMS, "DeleteReplicationConfig", CONFIG, DELETE, "requestParameters.replicationConfigArn"),
    on(
        DMS, "ImportCertificate", CERTIFICATE, CREATE, "responseElements.certificate.certificateArn"
    ),
    on(DMS, "DeleteCertificate", CERTIFICATE, DELETE, "requestParameters.certificateArn"),
    *lifecycle(
        DMS,
        "ReplicationSubnetGroup",
        SUBNET_GROUP,
        "requestParameters.replicationSubnetGroupIdentifier",
        updates=("Modify",),
    ),
    *lifecycle(
        DMS,
        "EventSubscription",
        SUBSCRIPTION,
        "requestParameters.subscriptionName",
        updates=("Modify",),
    ),
    on(
        DMS,
        ("AddTagsToResource", "RemoveTagsFromResource"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
]

OPERATIONAL = [
    ops(
        DMS,
        "running migrations (replication starts and stops, reloads, assessments, connection "
        "tests, reboots) and schema-conversion work",
        """StartReplicationTask StopReplicationTask StartReplication StopReplication
        ReloadTables ReloadReplicationTables StartReplicationTaskAssessment
        StartReplicationTaskAssessmentRun CancelReplicationTaskAssessmentRun
        DeleteReplicationTaskAssessmentRun TestConnection DeleteConnection
        RebootReplicationInstance RefreshSchemas StartDataMigration StopDataMigration
        StartRecommendations StartMetadataModelAssessment StartMetadataModelConversion
        StartMetadataModelCreation StartMetadataModelExportAsScript
        StartMetadataModelExportToTarget StartMetadataModelImport
        StartExtensionPackAssociation CancelMetadataModelConversion
        CancelMetadataModelCreation ApplyPendingMaintenanceAction""",
    ),
]

TERRAFORM = [
    tf(
        "aws_dms_replication_instance",
        INSTANCE,
        "replication_instance_arn",
        "replication_instance_id",
    ),
    tf("aws_dms_endpoint", ENDPOINT, "endpoint_arn", "endpoint_id"),
    tf("aws_dms_replication_task", TASK, "replication_task_arn", "replication_task_id"),
    tf("aws_dms_replication_config", CONFIG, "arn", "id"),
    tf("aws_dms_certificate", CERTIFICATE, "certificate_arn", "certificate_id"),
    tf(
        "aws_dms_replication_subnet_group",
        SUBNET_GROUP,
        "replication_subnet_group_id",
        "id",
        "replication_subnet_group_arn",
    ),
    tf("aws_dms_event_subscription", SUBSCRIPTION, "name", "id", "arn"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("dms",)
)
