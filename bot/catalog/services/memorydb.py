"""Amazon MemoryDB: clusters, multi-Region clusters, ACLs, users, parameter groups, subnet
groups and snapshots, all by name. Failovers and service updates are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

MDB = "memorydb.amazonaws.com"

CLUSTER = "AWS::MemoryDB::Cluster"
MULTI_REGION = "AWS::MemoryDB::MultiRegionCluster"
ACL = "AWS::MemoryDB::ACL"
USER = "AWS::MemoryDB::User"
PARAMETER_GROUP = "AWS::MemoryDB::ParameterGroup"
SUBNET_GROUP = "AWS::MemoryDB::SubnetGroup"
SNAPSHOT = "AWS::MemoryDB::Snapshot"

_KINDS = (
    (CLUSTER, "cluster"),
    (MULTI_REGION, "multiregioncluster"),
    (ACL, "acl"),
    (USER, "user"),
    (PARAMETER_GROUP, "parametergroup"),
    (SUBNET_GROUP, "subnetgroup"),
    (SNAPSHOT, "snapshot"),
)
TYPES = tuple(ResourceType(rtype, "name", f"{kind}/") for rtype, kind in _KINDS)
ARN_KINDS = {("memorydb", kind): rtype for rtype, kind in _KINDS}


def _req(member: str) -> str:
    return f"requestParameters.{member}"


# MemoryDB API reference (members lower-case first).
RULES = [
    *lifecycle(MDB, "Cluster", CLUSTER, _req("clusterName")),
    *lifecycle(
        MDB,
        "MultiRegionCluster",
        MULTI_REGION,
        _req("multiRegionClusterName"),
        created="responseElements.multiRegionCluster.multiRegionClusterName",
    ),
    *lifecycle(MDB, "ACL", ACL, _req("aclName")),
    *lifecycle(MDB, "User", USER, _req("userName")),
    *lifecycle(MDB, "ParameterGroup", PARAMETER_GROUP, _req("parameterGroupName")),
    on(MDB, "ResetParameterGroup", PARAMETER_GROUP, UPDATE, _req("parameterGroupName")),
    *lifecycle(MDB, "SubnetGroup", SUBNET_GROUP, _req("subnetGroupName")),
    *lifecycle(MDB, "Snapshot", SNAPSHOT, _req("snapshotName"), updates=()),
    on(MDB, "CopySnapshot", SNAPSHOT, UPDATE, _req("targetSnapshotName")),
    on(MDB, ("TagResource", "UntagResource"), BY_ARN, UPDATE, _req("resourceArn")),
]

OPERATIONAL = [
    ops(
        MDB,
        "failing a shard over, applying service updates, buying reserved nodes",
        "FailoverShard BatchUpdateCluster PurchaseReservedNodesOffering",
    ),
]

TERRAFORM = [
    tf("aws_memorydb_cluster", CLUSTER, "name", "id", "arn"),
    tf("aws_memorydb_multi_region_cluster", MULTI_REGION, "multi_region_cluster_name", "arn"),
    tf("aws_memorydb_acl", ACL, "name", "id", "arn"),
    tf("aws_memorydb_user", USER, "user_name", "id", "arn"),
    tf("aws_memorydb_parameter_group", PARAMETER_GROUP, "name", "id", "arn"),
    tf("aws_memorydb_subnet_group", SUBNET_GROUP, "name", "id", "arn"),
    tf("aws_memorydb_snapshot", SNAPSHOT, "name", "id", "arn"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("memorydb",)
)
