"""RDS and Aurora. Requests name resources by identifier, with RDS's own capitalisation of
the API members (`dBInstanceIdentifier`, `dBClusterIdentifier`, `dBSnapshotIdentifier`).

Calls that copy or restore make a new resource named by a target identifier; reboots, starts,
stops and failovers are counted as updates (they change the state IaC reads back).
"""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

RDS = "rds.amazonaws.com"

# DB instances: CreateDBInstance checked against cloud-custodian and AWS doc records,
# ModifyDBInstance, DeleteDBInstance, Reboot/StartDBInstance, CreateDBInstanceReadReplica,
# RestoreDBInstanceFromDBSnapshot and Add/RemoveRole* against panther-analysis records.
INSTANCE = "AWS::RDS::DBInstance"
INSTANCE_ID = "requestParameters.dBInstanceIdentifier"
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
)
# Point-in-time restores name the new instance `TargetDBInstanceIdentifier` (API reference).
on(
    RDS,
    "RestoreDBInstanceToPointInTime",
    INSTANCE,
    CREATE,
    "requestParameters.targetDBInstanceIdentifier",
)
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
)
# A rename (`NewDBInstanceIdentifier`, API reference) also names the instance's new identifier.
on(RDS, "ModifyDBInstance", INSTANCE, UPDATE, "requestParameters.newDBInstanceIdentifier")
on(RDS, "DeleteDBInstance", INSTANCE, DELETE, INSTANCE_ID)

# Aurora clusters: ModifyDBCluster, DeleteDBCluster, FailoverDBCluster, RebootDBCluster and
# AddRoleToDBCluster checked against panther-analysis records; the rest follow the API reference.
CLUSTER = "AWS::RDS::DBCluster"
CLUSTER_ID = "requestParameters.dBClusterIdentifier"
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
)
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
)
on(RDS, "ModifyDBCluster", CLUSTER, UPDATE, "requestParameters.newDBClusterIdentifier")
on(RDS, "DeleteDBCluster", CLUSTER, DELETE, CLUSTER_ID)
# Database activity streams take the cluster's (or, for instance-level streams, the
# instance's) ARN as `resourceArn`. Checked against panther-analysis records.
on(
    RDS,
    ("StartActivityStream", "StopActivityStream"),
    BY_ARN,
    UPDATE,
    "requestParameters.resourceArn",
)

# Global clusters (`globalClusterIdentifier`); FailoverGlobalCluster checked against a
# panther-analysis record. Detaching a cluster also changes that cluster (its ARN or id is
# `dbClusterIdentifier`, spelled as the API member `DbClusterIdentifier`).
GLOBAL = "AWS::RDS::GlobalCluster"
GLOBAL_ID = "requestParameters.globalClusterIdentifier"
on(RDS, "CreateGlobalCluster", GLOBAL, CREATE, GLOBAL_ID)
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
)
on(RDS, "RemoveFromGlobalCluster", CLUSTER, UPDATE, "requestParameters.dbClusterIdentifier")
on(RDS, "DeleteGlobalCluster", GLOBAL, DELETE, GLOBAL_ID)

# Manual snapshots. CreateDBSnapshot, DeleteDBSnapshot, CopyDBSnapshot (target identifier),
# ModifyDBSnapshotAttribute and the cluster-snapshot Copy/Delete/ModifyAttribute checked
# against panther-analysis, stratus-red-team and streamalert records.
SNAPSHOT = "AWS::RDS::DBSnapshot"
SNAPSHOT_ID = "requestParameters.dBSnapshotIdentifier"
on(RDS, "CreateDBSnapshot", SNAPSHOT, CREATE, SNAPSHOT_ID)
on(RDS, "CopyDBSnapshot", SNAPSHOT, CREATE, "requestParameters.targetDBSnapshotIdentifier")
on(RDS, ("ModifyDBSnapshotAttribute", "ModifyDBSnapshot"), SNAPSHOT, UPDATE, SNAPSHOT_ID)
on(RDS, "DeleteDBSnapshot", SNAPSHOT, DELETE, SNAPSHOT_ID)
CLUSTER_SNAPSHOT = "AWS::RDS::DBClusterSnapshot"
CLUSTER_SNAPSHOT_ID = "requestParameters.dBClusterSnapshotIdentifier"
on(RDS, "CreateDBClusterSnapshot", CLUSTER_SNAPSHOT, CREATE, CLUSTER_SNAPSHOT_ID)
on(
    RDS,
    "CopyDBClusterSnapshot",
    CLUSTER_SNAPSHOT,
    CREATE,
    "requestParameters.targetDBClusterSnapshotIdentifier",
)
on(RDS, "ModifyDBClusterSnapshotAttribute", CLUSTER_SNAPSHOT, UPDATE, CLUSTER_SNAPSHOT_ID)
on(RDS, "DeleteDBClusterSnapshot", CLUSTER_SNAPSHOT, DELETE, CLUSTER_SNAPSHOT_ID)

# Retained automated backups, by their ARN from the response (the request names them by
# the deleted resource's `dbiResourceId` / `dbClusterResourceId`, or by ARN). Checked against
# panther-analysis records, which spell the response key in the singular.
on(
    RDS,
    "DeleteDBInstanceAutomatedBackup",
    "AWS::RDS::DBInstanceAutomatedBackup",
    DELETE,
    "responseElements.dBInstanceAutomatedBackupsArn"
    " || responseElements.dBInstanceAutomatedBackupArn"
    " || requestParameters.dBInstanceAutomatedBackupsArn",
)
on(
    RDS,
    "DeleteDBClusterAutomatedBackup",
    "AWS::RDS::DBClusterAutomatedBackup",
    DELETE,
    "responseElements.dBClusterAutomatedBackupsArn || responseElements.dBClusterAutomatedBackupArn",
)

# Subnet, parameter and option groups, event subscriptions, classic DB security groups and
# proxies: each by its name (API reference; AuthorizeDBSecurityGroupIngress and
# RevokeDBSecurityGroupIngress checked against panther-analysis records).
for kind, key, copy_target in (
    ("DBSubnetGroup", "dBSubnetGroupName", None),
    ("DBParameterGroup", "dBParameterGroupName", "targetDBParameterGroupIdentifier"),
    (
        "DBClusterParameterGroup",
        "dBClusterParameterGroupName",
        "targetDBClusterParameterGroupIdentifier",
    ),
    ("OptionGroup", "optionGroupName", "targetOptionGroupIdentifier"),
):
    rtype = f"AWS::RDS::{kind}"
    on(RDS, f"Create{kind}", rtype, CREATE, f"requestParameters.{key}")
    on(RDS, f"Modify{kind}", rtype, UPDATE, f"requestParameters.{key}")
    on(RDS, f"Delete{kind}", rtype, DELETE, f"requestParameters.{key}")
    if copy_target:
        on(RDS, f"Copy{kind}", rtype, CREATE, f"requestParameters.{copy_target}")
on(
    RDS,
    "ResetDBParameterGroup",
    "AWS::RDS::DBParameterGroup",
    UPDATE,
    "requestParameters.dBParameterGroupName",
)
on(
    RDS,
    "ResetDBClusterParameterGroup",
    "AWS::RDS::DBClusterParameterGroup",
    UPDATE,
    "requestParameters.dBClusterParameterGroupName",
)

SUBSCRIPTION = "AWS::RDS::EventSubscription"
on(RDS, "CreateEventSubscription", SUBSCRIPTION, CREATE, "requestParameters.subscriptionName")
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
)
on(RDS, "DeleteEventSubscription", SUBSCRIPTION, DELETE, "requestParameters.subscriptionName")

SECGROUP = "AWS::RDS::DBSecurityGroup"
on(RDS, "CreateDBSecurityGroup", SECGROUP, CREATE, "requestParameters.dBSecurityGroupName")
on(
    RDS,
    ("AuthorizeDBSecurityGroupIngress", "RevokeDBSecurityGroupIngress"),
    SECGROUP,
    UPDATE,
    "requestParameters.dBSecurityGroupName",
)
on(RDS, "DeleteDBSecurityGroup", SECGROUP, DELETE, "requestParameters.dBSecurityGroupName")

PROXY = "AWS::RDS::DBProxy"
on(RDS, "CreateDBProxy", PROXY, CREATE, "requestParameters.dBProxyName")
on(
    RDS,
    ("ModifyDBProxy", "RegisterDBProxyTargets", "DeregisterDBProxyTargets"),
    PROXY,
    UPDATE,
    "requestParameters.dBProxyName",
)
on(RDS, "DeleteDBProxy", PROXY, DELETE, "requestParameters.dBProxyName")

# Tags on any RDS resource, by ARN (`ResourceName` in the API).
on(
    RDS,
    ("AddTagsToResource", "RemoveTagsFromResource"),
    BY_ARN,
    UPDATE,
    "requestParameters.resourceName",
)
