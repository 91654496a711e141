"""Redshift provisioned clusters, by identifier."""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

RS = "redshift.amazonaws.com"
CLUSTER = "AWS::Redshift::Cluster"

# Redshift API reference (query protocol); Cloud Custodian's CreateCluster shortcut uses
# `requestParameters.clusterIdentifier` too.
on(RS, "CreateCluster", CLUSTER, CREATE, "requestParameters.clusterIdentifier")
on(
    RS,
    (
        "ModifyCluster",
        "ResizeCluster",
        "ModifyClusterIamRoles",
        "ModifyClusterMaintenance",
        "EnableLogging",
        "DisableLogging",
    ),
    CLUSTER,
    UPDATE,
    "requestParameters.clusterIdentifier",
)
on(RS, "DeleteCluster", CLUSTER, DELETE, "requestParameters.clusterIdentifier")
on(RS, ("CreateTags", "DeleteTags"), BY_ARN, UPDATE, "requestParameters.resourceName")
