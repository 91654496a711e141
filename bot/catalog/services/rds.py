"""RDS and Aurora. Requests name resources by identifier, with RDS's own capitalisation of
the API members (`dBInstanceIdentifier`, `dBClusterIdentifier`, `dBSnapshotIdentifier`).

Calls that copy or restore make a new resource named by a target identifier; reboots, starts,
stops and failovers are counted as updates (they change the state IaC reads back).
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, On, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, part_of, tf

RDS = "rds.amazonaws.com"

INSTANCE = "AWS::RDS::DBInstance"
CLUSTER = "AWS::RDS::DBCluster"
DB_SUBNET_GROUP = "AWS::RDS::DBSubnetGroup"
DB_PARAMETER_GROUP = "AWS::RDS::DBParameterGroup"
DB_CLUSTER_PARAMETER_GROUP = "AWS::RDS::DBClusterParameterGroup"
OPTION_GROUP = "AWS::RDS::OptionGroup"
SUBSCRIPTION = "AWS::RDS::EventSubscription"
PROXY = "AWS::RDS::DBProxy"
SECGROUP = "AWS::RDS::DBSecurityGroup"
GLOBAL = "AWS::RDS::GlobalCluster"
SNAPSHOT = "AWS::RDS::DBSnapshot"
CLUSTER_SNAPSHOT = "AWS::RDS::DBClusterSnapshot"
DB_INSTANCE_AUTOMATED_BACKUP = "AWS::RDS::DBInstanceAutomatedBackup"
DB_CLUSTER_AUTOMATED_BACKUP = "AWS::RDS::DBClusterAutomatedBackup"
BLUE_GREEN = "AWS::RDS::BlueGreenDeployment"
CUSTOM_ENGINE_VERSION = "AWS::RDS::CustomDBEngineVersion"
CLUSTER_ENDPOINT = "AWS::RDS::DBClusterEndpoint"
PROXY_ENDPOINT = "AWS::RDS::DBProxyEndpoint"
SHARD_GROUP = "AWS::RDS::DBShardGroup"
INTEGRATION = "AWS::RDS::Integration"
DEFAULT_CERTIFICATE = "AWS::RDS::Certificate"

TYPES = (
    # Identifiers (names); ARNs as rds:REGION:ACCOUNT:db:NAME
    ResourceType(INSTANCE, "name", "db:"),
    ResourceType(CLUSTER, "name", "cluster:"),
    ResourceType(DB_SUBNET_GROUP, "name", "subgrp:"),
    ResourceType(DB_PARAMETER_GROUP, "name", "pg:"),
    ResourceType(DB_CLUSTER_PARAMETER_GROUP, "name", "cluster-pg:"),
    ResourceType(OPTION_GROUP, "name", "og:"),
    ResourceType(SUBSCRIPTION, "name", "es:"),
    ResourceType(PROXY, "name", "db-proxy:"),
    ResourceType(SECGROUP, "name", "secgrp:"),
    ResourceType(GLOBAL, "name", "global-cluster:", is_global=True),
    ResourceType(SNAPSHOT, "name", "snapshot:", cfn=False),
    ResourceType(CLUSTER_SNAPSHOT, "name", "cluster-snapshot:", cfn=False),
    ResourceType(DB_INSTANCE_AUTOMATED_BACKUP, "arn", cfn=False),
    ResourceType(DB_CLUSTER_AUTOMATED_BACKUP, "arn", cfn=False),
    ResourceType(BLUE_GREEN, "id", cfn=False),
    # `ENGINE:VERSION`, as Terraform keys aws_rds_custom_db_engine_version.
    ResourceType(CUSTOM_ENGINE_VERSION, "id"),
    ResourceType(CLUSTER_ENDPOINT, "name", "cluster-endpoint:"),
    ResourceType(PROXY_ENDPOINT, "name", "db-proxy-endpoint:"),
    ResourceType(SHARD_GROUP, "name", "shard-group:"),
    ResourceType(INTEGRATION, "arn"),
    ResourceType(DEFAULT_CERTIFICATE, "account", cfn=False),
)
ARN_KINDS = {
    ("rds", "db"): INSTANCE,
    ("rds", "cluster"): CLUSTER,
    ("rds", "subgrp"): DB_SUBNET_GROUP,
    ("rds", "pg"): DB_PARAMETER_GROUP,
    ("rds", "cluster-pg"): DB_CLUSTER_PARAMETER_GROUP,
    ("rds", "og"): OPTION_GROUP,
    ("rds", "snapshot"): SNAPSHOT,
    ("rds", "cluster-snapshot"): CLUSTER_SNAPSHOT,
    ("rds", "es"): SUBSCRIPTION,
    ("rds", "db-proxy"): PROXY,
    ("rds", "secgrp"): SECGROUP,
    ("rds", "global-cluster"): GLOBAL,
    ("rds", "cluster-endpoint"): CLUSTER_ENDPOINT,
    ("rds", "db-proxy-endpoint"): PROXY_ENDPOINT,
    ("rds", "shard-group"): SHARD_GROUP,
    ("rds", "integration"): INTEGRATION,
}


def _named(noun: str, rtype: str, key: str, copy_target: str = "") -> list[On]:
    """Create{noun}, Modify{noun} and Delete{noun}, naming the resource in the request's `key`,
    and Copy{noun}, naming the copy in `copy_target`."""
    ids = f"requestParameters.{key}"
    lines = [
        on(RDS, f"Create{noun}", rtype, CREATE, ids),
        on(RDS, f"Modify{noun}", rtype, UPDATE, ids),
        on(RDS, f"Delete{noun}", rtype, DELETE, ids),
    ]
    if copy_target:
        lines.append(on(RDS, f"Copy{noun}", rtype, CREATE, f"requestParameters.{copy_target}"))
    return lines


INSTANCE_ID = "requestParameters.dBInstanceIdentifier"
CLUSTER_ID = "requestParameters.dBClusterIdentifier"
GLOBAL_ID = "requestParameters.globalClusterIdentifier"
SNAPSHOT_ID = "requestParameters.dBSnapshotIdentifier"
CLUSTER_SNAPSHOT_ID = "requestParameters.dBClusterSnapshotIdentifier"

# DB instances: CreateDBInstance checked against cloud-custodian and AWS doc records,
# ModifyDBInstance, DeleteDBInstance, Reboot/StartDBInstance, CreateDBInstanceReadReplica,
# RestoreDBInstanceFromDBSnapshot and Add/RemoveRole* against panther-analysis records.
RULES = [
    on(
        RDS,
        (
            "CreateDBInstance",
            "CreateDBInstanceReadReplica",
            "RestoreDBInstanceFromDBSnapshot",
            "RestoreDBInstanceFromS3",
        ),
        INSTANCE,
        CREATE,
        INSTANCE_ID,
    ),
    # Point-in-time restores name the new instance `TargetDBInstanceIdentifier` (API reference).
    on(
        RDS,
        "RestoreDBInstanceToPointInTime",
        INSTANCE,
        CREATE,
        "requestParameters.targetDBInstanceIdentifier",
    ),
    on(
        RDS,
        (
            "ModifyDBInstance",
            "RebootDBInstance",
            "StartDBInstance",
            "StopDBInstance",
            "PromoteReadReplica",
            "AddRoleToDBInstance",
            "RemoveRoleFromDBInstance",
        ),
        INSTANCE,
        UPDATE,
        INSTANCE_ID,
    ),
    # A rename (`NewDBInstanceIdentifier`, API reference) also names the instance's new identifier.
    on(RDS, "ModifyDBInstance", INSTANCE, UPDATE, "requestParameters.newDBInstanceIdentifier"),
    on(RDS, "DeleteDBInstance", INSTANCE, DELETE, INSTANCE_ID),
    # Aurora clusters: ModifyDBCluster, DeleteDBCluster, FailoverDBCluster, RebootDBCluster and
    # AddRoleToDBCluster checked against panther-analysis records; the rest follow the API
    # reference.
    on(
        RDS,
        (
            "CreateDBCluster",
            "RestoreDBClusterFromSnapshot",
            "RestoreDBClusterToPointInTime",
            "RestoreDBClusterFromS3",
        ),
        CLUSTER,
        CREATE,
        CLUSTER_ID,
    ),
    on(
        RDS,
        (
            "ModifyDBCluster",
            "FailoverDBCluster",
            "RebootDBCluster",
            "StartDBCluster",
            "StopDBCluster",
            "PromoteReadReplicaDBCluster",
            "AddRoleToDBCluster",
            "RemoveRoleFromDBCluster",
        ),
        CLUSTER,
        UPDATE,
        CLUSTER_ID,
    ),
    on(RDS, "ModifyDBCluster", CLUSTER, UPDATE, "requestParameters.newDBClusterIdentifier"),
    on(RDS, "DeleteDBCluster", CLUSTER, DELETE, CLUSTER_ID),
    # Database activity streams take the cluster's (or, for instance-level streams, the
    # instance's) ARN as `resourceArn`. Checked against panther-analysis records.
    on(
        RDS,
        ("StartActivityStream", "StopActivityStream"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
    # Global clusters (`globalClusterIdentifier`); FailoverGlobalCluster checked against a
    # panther-analysis record. Detaching a cluster also changes that cluster (its ARN or id is
    # `dbClusterIdentifier`, spelled as the API member `DbClusterIdentifier`).
    on(RDS, "CreateGlobalCluster", GLOBAL, CREATE, GLOBAL_ID),
    on(
        RDS,
        (
            "ModifyGlobalCluster",
            "FailoverGlobalCluster",
            "SwitchoverGlobalCluster",
            "RemoveFromGlobalCluster",
        ),
        GLOBAL,
        UPDATE,
        GLOBAL_ID,
    ),
    on(RDS, "RemoveFromGlobalCluster", CLUSTER, UPDATE, "requestParameters.dbClusterIdentifier"),
    on(RDS, "DeleteGlobalCluster", GLOBAL, DELETE, GLOBAL_ID),
    # Manual snapshots. CreateDBSnapshot, DeleteDBSnapshot, CopyDBSnapshot (target identifier),
    # ModifyDBSnapshotAttribute and the cluster-snapshot Copy/Delete/ModifyAttribute checked
    # against panther-analysis, stratus-red-team and streamalert records.
    on(RDS, "CreateDBSnapshot", SNAPSHOT, CREATE, SNAPSHOT_ID),
    on(RDS, "CopyDBSnapshot", SNAPSHOT, CREATE, "requestParameters.targetDBSnapshotIdentifier"),
    on(RDS, ("ModifyDBSnapshotAttribute", "ModifyDBSnapshot"), SNAPSHOT, UPDATE, SNAPSHOT_ID),
    on(RDS, "DeleteDBSnapshot", SNAPSHOT, DELETE, SNAPSHOT_ID),
    on(RDS, "CreateDBClusterSnapshot", CLUSTER_SNAPSHOT, CREATE, CLUSTER_SNAPSHOT_ID),
    on(
        RDS,
        "CopyDBClusterSnapshot",
        CLUSTER_SNAPSHOT,
        CREATE,
        "requestParameters.targetDBClusterSnapshotIdentifier",
    ),
    on(RDS, "ModifyDBClusterSnapshotAttribute", CLUSTER_SNAPSHOT, UPDATE, CLUSTER_SNAPSHOT_ID),
    on(RDS, "DeleteDBClusterSnapshot", CLUSTER_SNAPSHOT, DELETE, CLUSTER_SNAPSHOT_ID),
    # Retained automated backups, by their ARN from the response (the request names them by
    # the deleted resource's `dbiResourceId` / `dbClusterResourceId`, or by ARN). Checked against
    # panther-analysis records, which spell the response key in the singular.
    on(
        RDS,
        "DeleteDBInstanceAutomatedBackup",
        DB_INSTANCE_AUTOMATED_BACKUP,
        DELETE,
        "responseElements.dBInstanceAutomatedBackupsArn"
        " || responseElements.dBInstanceAutomatedBackupArn"
        " || requestParameters.dBInstanceAutomatedBackupsArn",
    ),
    on(
        RDS,
        "DeleteDBClusterAutomatedBackup",
        DB_CLUSTER_AUTOMATED_BACKUP,
        DELETE,
        "responseElements.dBClusterAutomatedBackupsArn"
        " || responseElements.dBClusterAutomatedBackupArn",
    ),
    # Subnet, parameter and option groups, event subscriptions, classic DB security groups and
    # proxies: each by its name (API reference; AuthorizeDBSecurityGroupIngress and
    # RevokeDBSecurityGroupIngress checked against panther-analysis records).
    *_named("DBSubnetGroup", DB_SUBNET_GROUP, "dBSubnetGroupName"),
    *_named(
        "DBParameterGroup",
        DB_PARAMETER_GROUP,
        "dBParameterGroupName",
        "targetDBParameterGroupIdentifier",
    ),
    *_named(
        "DBClusterParameterGroup",
        DB_CLUSTER_PARAMETER_GROUP,
        "dBClusterParameterGroupName",
        "targetDBClusterParameterGroupIdentifier",
    ),
    *_named("OptionGroup", OPTION_GROUP, "optionGroupName", "targetOptionGroupIdentifier"),
    on(
        RDS,
        "ResetDBParameterGroup",
        DB_PARAMETER_GROUP,
        UPDATE,
        "requestParameters.dBParameterGroupName",
    ),
    on(
        RDS,
        "ResetDBClusterParameterGroup",
        DB_CLUSTER_PARAMETER_GROUP,
        UPDATE,
        "requestParameters.dBClusterParameterGroupName",
    ),
    on(RDS, "CreateEventSubscription", SUBSCRIPTION, CREATE, "requestParameters.subscriptionName"),
    on(
        RDS,
        (
            "ModifyEventSubscription",
            "AddSourceIdentifierToSubscription",
            "RemoveSourceIdentifierFromSubscription",
        ),
        SUBSCRIPTION,
        UPDATE,
        "requestParameters.subscriptionName",
    ),
    on(RDS, "DeleteEventSubscription", SUBSCRIPTION, DELETE, "requestParameters.subscriptionName"),
    on(RDS, "CreateDBSecurityGroup", SECGROUP, CREATE, "requestParameters.dBSecurityGroupName"),
    on(
        RDS,
        ("AuthorizeDBSecurityGroupIngress", "RevokeDBSecurityGroupIngress"),
        SECGROUP,
        UPDATE,
        "requestParameters.dBSecurityGroupName",
    ),
    on(RDS, "DeleteDBSecurityGroup", SECGROUP, DELETE, "requestParameters.dBSecurityGroupName"),
    on(RDS, "CreateDBProxy", PROXY, CREATE, "requestParameters.dBProxyName"),
    on(
        RDS,
        ("ModifyDBProxy", "RegisterDBProxyTargets", "DeregisterDBProxyTargets"),
        PROXY,
        UPDATE,
        "requestParameters.dBProxyName",
    ),
    on(RDS, "DeleteDBProxy", PROXY, DELETE, "requestParameters.dBProxyName"),
    # Tags on any RDS resource, by ARN (`ResourceName` in the API).
    on(
        RDS,
        ("AddTagsToResource", "RemoveTagsFromResource"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceName",
    ),
    # Blue/green deployments, custom engine versions, cluster and proxy endpoints, Limitless
    # shard groups, zero-ETL integrations (API reference).
    on(
        RDS,
        "CreateBlueGreenDeployment",
        BLUE_GREEN,
        CREATE,
        "responseElements.blueGreenDeployment.blueGreenDeploymentIdentifier",
    ),
    on(
        RDS,
        ("SwitchoverBlueGreenDeployment", "DeleteBlueGreenDeployment"),
        BLUE_GREEN,
        DELETE,
        "requestParameters.blueGreenDeploymentIdentifier",
    ),
    on(
        RDS,
        "CreateCustomDBEngineVersion",
        CUSTOM_ENGINE_VERSION,
        CREATE,
        "join(':', [requestParameters.engine, requestParameters.engineVersion])",
    ),
    on(
        RDS,
        "ModifyCustomDBEngineVersion",
        CUSTOM_ENGINE_VERSION,
        UPDATE,
        "join(':', [requestParameters.engine, requestParameters.engineVersion])",
    ),
    on(
        RDS,
        "DeleteCustomDBEngineVersion",
        CUSTOM_ENGINE_VERSION,
        DELETE,
        "join(':', [requestParameters.engine, requestParameters.engineVersion])",
    ),
    *_named("DBClusterEndpoint", CLUSTER_ENDPOINT, "dBClusterEndpointIdentifier"),
    *_named("DBProxyEndpoint", PROXY_ENDPOINT, "dBProxyEndpointName"),
    on(RDS, "ModifyDBProxyTargetGroup", PROXY, UPDATE, "requestParameters.dBProxyName"),
    *_named("DBShardGroup", SHARD_GROUP, "dBShardGroupIdentifier"),
    on(RDS, "CreateIntegration", INTEGRATION, CREATE, "responseElements.integrationArn"),
    on(
        RDS,
        "ModifyIntegration",
        INTEGRATION,
        UPDATE,
        "responseElements.integrationArn || requestParameters.integrationIdentifier",
    ),
    on(
        RDS,
        "DeleteIntegration",
        INTEGRATION,
        DELETE,
        "responseElements.integrationArn || requestParameters.integrationIdentifier",
    ),
    # Tenant databases of a CDB instance; the Data API of a cluster; backups replicated to
    # another region (of the source instance); the account's default CA certificate.
    on(
        RDS,
        ("CreateTenantDatabase", "ModifyTenantDatabase", "DeleteTenantDatabase"),
        INSTANCE,
        UPDATE,
        INSTANCE_ID,
    ),
    on(
        RDS,
        ("EnableHttpEndpoint", "DisableHttpEndpoint"),
        CLUSTER,
        UPDATE,
        "requestParameters.resourceArn",
    ),
    on(RDS, "ModifyActivityStream", BY_ARN, UPDATE, "requestParameters.resourceArn"),
    on(
        RDS,
        ("StartDBInstanceAutomatedBackupsReplication", "StopDBInstanceAutomatedBackupsReplication"),
        INSTANCE,
        UPDATE,
        "requestParameters.sourceDBInstanceArn",
    ),
    on(RDS, "ModifyCertificates", DEFAULT_CERTIFICATE, UPDATE, "recipientAccountId"),
    on(RDS, "SwitchoverReadReplica", INSTANCE, UPDATE, INSTANCE_ID),
]

# Provider v5 keeps the `db-…` resource id in `id`; the name is `identifier`.
TERRAFORM = [
    tf("aws_db_instance", INSTANCE, "identifier", "arn"),
    tf("aws_rds_cluster_instance", INSTANCE, "identifier", "id", "arn"),
    part_of("aws_db_instance_role_association", INSTANCE, "db_instance_identifier"),
    tf("aws_rds_cluster", CLUSTER, "cluster_identifier", "id", "arn"),
    part_of("aws_rds_cluster_role_association", CLUSTER, "db_cluster_identifier"),
    tf("aws_rds_global_cluster", GLOBAL, "global_cluster_identifier", "id"),
    tf("aws_db_subnet_group", DB_SUBNET_GROUP, "name", "id", "arn"),
    tf("aws_db_parameter_group", DB_PARAMETER_GROUP, "name", "id", "arn"),
    tf("aws_rds_cluster_parameter_group", DB_CLUSTER_PARAMETER_GROUP, "name", "id", "arn"),
    tf("aws_db_option_group", OPTION_GROUP, "name", "id", "arn"),
    tf("aws_db_event_subscription", SUBSCRIPTION, "name", "id", "arn"),
    tf("aws_db_snapshot", SNAPSHOT, "db_snapshot_identifier", "db_snapshot_arn"),
    tf(
        "aws_db_cluster_snapshot",
        CLUSTER_SNAPSHOT,
        "db_cluster_snapshot_identifier",
        "db_cluster_snapshot_arn",
    ),
    tf("aws_db_proxy", PROXY, "name", "id", "arn"),
    *children(PROXY, "db_proxy_name", "aws_db_proxy_default_target_group", "aws_db_proxy_target"),
    tf("aws_rds_custom_db_engine_version", CUSTOM_ENGINE_VERSION, "id"),
    tf("aws_rds_cluster_endpoint", CLUSTER_ENDPOINT, "cluster_endpoint_identifier", "id", "arn"),
    tf("aws_db_proxy_endpoint", PROXY_ENDPOINT, "db_proxy_endpoint_name", "arn"),
    tf("aws_rds_shard_group", SHARD_GROUP, "db_shard_group_identifier", "id", "arn"),
    tf("aws_rds_integration", INTEGRATION, "arn", "id"),
    part_of("aws_db_instance_automated_backups_replication", INSTANCE, "source_db_instance_arn"),
    tf("aws_rds_certificate", DEFAULT_CERTIFICATE, STATE_ACCOUNT),
]

OPERATIONAL = [
    ops(
        RDS,
        "maintenance applied, recommendations acted on, serverless v1 capacity set now, shard "
        "groups rebooted, capacity reservations bought: operations, not configuration",
        """ApplyPendingMaintenanceAction ModifyDBRecommendation ModifyCurrentDBClusterCapacity
        RebootDBShardGroup CreateDBCapacityReservation ModifyDBCapacityReservation
        CancelDBCapacityReservation""",
    ),
    ops(RDS, "reserved instances bought: billing", "PurchaseReservedDBInstancesOffering"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("rds",),
    unreachable={
        DEFAULT_CERTIFICATE: "the account's default CA for new instances in the region: it "
        "always exists, ModifyCertificates changes it",
    },
    model_exceptions={
        path: "panther-analysis's records of the call spell the ARN in the singular "
        "(aws_rds_automated_backup_deleted.json); the API's member is …BackupsArn"
        for path in (
            "responseElements.dBInstanceAutomatedBackupArn",
            "responseElements.dBClusterAutomatedBackupArn",
        )
    },
)
