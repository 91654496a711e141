"""Redshift provisioned clusters, by identifier."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

RS = "redshift.amazonaws.com"

CLUSTER = "AWS::Redshift::Cluster"

TYPES = (ResourceType(CLUSTER, "name", "cluster:"),)
ARN_KINDS = {
    ("redshift", "cluster"): CLUSTER,
}

# Redshift API reference (query protocol); Cloud Custodian's CreateCluster shortcut uses
# `requestParameters.clusterIdentifier` too.
RULES = [
    on(RS, "CreateCluster", CLUSTER, CREATE, "requestParameters.clusterIdentifier"),
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
    ),
    on(RS, "DeleteCluster", CLUSTER, DELETE, "requestParameters.clusterIdentifier"),
    on(RS, ("CreateTags", "DeleteTags"), BY_ARN, UPDATE, "requestParameters.resourceName"),
    on(
        RS,
        ("PauseCluster", "ResumeCluster"),
        CLUSTER,
        UPDATE,
        "requestParameters.clusterIdentifier",
    ),
]

TERRAFORM = [
    tf("aws_redshift_cluster", CLUSTER, "cluster_identifier", "id", "arn"),
]

OPERATIONAL = [
    ops(RS, "reserved nodes bought: billing", "PurchaseReservedNodeOffering"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("redshift",)
)
