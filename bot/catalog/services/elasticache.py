"""ElastiCache: cache clusters, replication groups, subnet and parameter groups, users."""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

EC = "elasticache.amazonaws.com"

# awsdocs amazon-elasticache-docs logging-using-cloudtrail (ModifyCacheCluster); ElastiCache
# API reference (query protocol, camelCase member names) for the rest.
for noun, rtype, key, extra in (
    ("CacheCluster", "AWS::ElastiCache::CacheCluster", "cacheClusterId", ()),
    (
        "ReplicationGroup",
        "AWS::ElastiCache::ReplicationGroup",
        "replicationGroupId",
        (
            "ModifyReplicationGroupShardConfiguration",
            "IncreaseReplicaCount",
            "DecreaseReplicaCount",
        ),
    ),
    ("CacheSubnetGroup", "AWS::ElastiCache::SubnetGroup", "cacheSubnetGroupName", ()),
    (
        "CacheParameterGroup",
        "AWS::ElastiCache::ParameterGroup",
        "cacheParameterGroupName",
        ("ResetCacheParameterGroup",),
    ),
    ("User", "AWS::ElastiCache::User", "userId", ()),
):
    on(EC, f"Create{noun}", rtype, CREATE, f"requestParameters.{key}")
    on(EC, (f"Modify{noun}", *extra), rtype, UPDATE, f"requestParameters.{key}")
    on(EC, f"Delete{noun}", rtype, DELETE, f"requestParameters.{key}")

# Tags take a cluster or replication group ARN in `resourceName`.
on(
    EC,
    ("AddTagsToResource", "RemoveTagsFromResource"),
    BY_ARN,
    UPDATE,
    "requestParameters.resourceName",
)
