"""ElastiCache: cache clusters, replication groups, subnet and parameter groups, users."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, On, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import part_of, tf

EC = "elasticache.amazonaws.com"

CACHE_CLUSTER = "AWS::ElastiCache::CacheCluster"
REPLICATION_GROUP = "AWS::ElastiCache::ReplicationGroup"
SUBNET_GROUP = "AWS::ElastiCache::SubnetGroup"
PARAMETER_GROUP = "AWS::ElastiCache::ParameterGroup"
USER = "AWS::ElastiCache::User"
SERVERLESS_CACHE = "AWS::ElastiCache::ServerlessCache"
GLOBAL_REPLICATION_GROUP = "AWS::ElastiCache::GlobalReplicationGroup"
USER_GROUP = "AWS::ElastiCache::UserGroup"
CACHE_SECURITY_GROUP = "AWS::ElastiCache::SecurityGroup"

TYPES = (
    ResourceType(CACHE_CLUSTER, "name", "cluster:"),
    ResourceType(REPLICATION_GROUP, "name", "replicationgroup:"),
    ResourceType(SUBNET_GROUP, "name", "subnetgroup:"),
    ResourceType(PARAMETER_GROUP, "name", "parametergroup:"),
    ResourceType(USER, "name", "user:"),
    ResourceType(SERVERLESS_CACHE, "name", "serverlesscache:"),
    ResourceType(GLOBAL_REPLICATION_GROUP, "name", "globalreplicationgroup:", is_global=True),
    ResourceType(USER_GROUP, "name", "usergroup:"),
    ResourceType(CACHE_SECURITY_GROUP, "name", "securitygroup:"),
)
ARN_KINDS = {
    ("elasticache", "cluster"): CACHE_CLUSTER,
    ("elasticache", "replicationgroup"): REPLICATION_GROUP,
}


def _named(noun: str, rtype: str, key: str, *also_updates: str) -> list[On]:
    """Create{noun}, Modify{noun} (and `also_updates`) and Delete{noun}, naming the resource in
    the request's `key`."""
    ids = f"requestParameters.{key}"
    return [
        on(EC, f"Create{noun}", rtype, CREATE, ids),
        on(EC, (f"Modify{noun}", *also_updates), rtype, UPDATE, ids),
        on(EC, f"Delete{noun}", rtype, DELETE, ids),
    ]


# awsdocs amazon-elasticache-docs logging-using-cloudtrail (ModifyCacheCluster); ElastiCache
# API reference (query protocol, camelCase member names) for the rest.
RULES = [
    *_named("CacheCluster", CACHE_CLUSTER, "cacheClusterId"),
    *_named(
        "ReplicationGroup",
        REPLICATION_GROUP,
        "replicationGroupId",
        "ModifyReplicationGroupShardConfiguration",
        "IncreaseReplicaCount",
        "DecreaseReplicaCount",
    ),
    *_named("CacheSubnetGroup", SUBNET_GROUP, "cacheSubnetGroupName"),
    *_named(
        "CacheParameterGroup",
        PARAMETER_GROUP,
        "cacheParameterGroupName",
        "ResetCacheParameterGroup",
    ),
    *_named("User", USER, "userId"),
    # Tags take a cluster or replication group ARN in `resourceName`.
    on(
        EC,
        ("AddTagsToResource", "RemoveTagsFromResource"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceName",
    ),
    # Serverless caches, global datastores, user groups, EC2-Classic cache security groups
    # (API reference).
    *_named("ServerlessCache", SERVERLESS_CACHE, "serverlessCacheName"),
    on(
        EC,
        "CreateGlobalReplicationGroup",
        GLOBAL_REPLICATION_GROUP,
        CREATE,
        "responseElements.globalReplicationGroup.globalReplicationGroupId",
    ),
    on(
        EC,
        (
            "ModifyGlobalReplicationGroup",
            "DisassociateGlobalReplicationGroup",
            "FailoverGlobalReplicationGroup",
            "IncreaseNodeGroupsInGlobalReplicationGroup",
            "DecreaseNodeGroupsInGlobalReplicationGroup",
            "RebalanceSlotsInGlobalReplicationGroup",
        ),
        GLOBAL_REPLICATION_GROUP,
        UPDATE,
        "requestParameters.globalReplicationGroupId",
    ),
    on(
        EC,
        "DeleteGlobalReplicationGroup",
        GLOBAL_REPLICATION_GROUP,
        DELETE,
        "requestParameters.globalReplicationGroupId",
    ),
    *_named("UserGroup", USER_GROUP, "userGroupId"),
    on(
        EC,
        "CreateCacheSecurityGroup",
        CACHE_SECURITY_GROUP,
        CREATE,
        "requestParameters.cacheSecurityGroupName",
    ),
    on(
        EC,
        ("AuthorizeCacheSecurityGroupIngress", "RevokeCacheSecurityGroupIngress"),
        CACHE_SECURITY_GROUP,
        UPDATE,
        "requestParameters.cacheSecurityGroupName",
    ),
    on(
        EC,
        "DeleteCacheSecurityGroup",
        CACHE_SECURITY_GROUP,
        DELETE,
        "requestParameters.cacheSecurityGroupName",
    ),
]

TERRAFORM = [
    tf("aws_elasticache_cluster", CACHE_CLUSTER, "cluster_id", "id", "arn"),
    tf("aws_elasticache_replication_group", REPLICATION_GROUP, "replication_group_id", "id", "arn"),
    tf("aws_elasticache_subnet_group", SUBNET_GROUP, "name", "id", "arn"),
    tf("aws_elasticache_parameter_group", PARAMETER_GROUP, "name", "id", "arn"),
    tf("aws_elasticache_user", USER, "user_id", "id", "arn"),
    tf("aws_elasticache_serverless_cache", SERVERLESS_CACHE, "name", "id", "arn"),
    tf(
        "aws_elasticache_global_replication_group",
        GLOBAL_REPLICATION_GROUP,
        "global_replication_group_id",
        "id",
        "arn",
    ),
    tf("aws_elasticache_user_group", USER_GROUP, "user_group_id", "id", "arn"),
    part_of("aws_elasticache_user_group_association", USER_GROUP, "user_group_id"),
]

OPERATIONAL = [
    ops(
        EC,
        "snapshots (copies of data), reboots and migrations into a cache: operations, not "
        "configuration",
        """CreateSnapshot CopySnapshot DeleteSnapshot CreateServerlessCacheSnapshot
        CopyServerlessCacheSnapshot DeleteServerlessCacheSnapshot ExportServerlessCacheSnapshot
        RebootCacheCluster StartMigration StopMigration TestMigration TestFailover""",
    ),
    ops(EC, "reserved nodes bought: billing", "PurchaseReservedCacheNodesOffering"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("elasticache",)
)
