"""DynamoDB Accelerator (DAX) clusters, by name."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

DAX = "dax.amazonaws.com"
CLUSTER = "AWS::DAX::Cluster"

# awsdocs amazon-dynamodb-developer-guide understanding-ddb-log-entries (CreateCluster);
# DAX API reference for the rest.
on(DAX, "CreateCluster", CLUSTER, CREATE, "requestParameters.clusterName")
on(
    DAX,
    ("UpdateCluster", "IncreaseReplicationFactor", "DecreaseReplicationFactor"),
    CLUSTER,
    UPDATE,
    "requestParameters.clusterName",
)
on(DAX, "DeleteCluster", CLUSTER, DELETE, "requestParameters.clusterName")
