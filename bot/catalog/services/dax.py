"""DynamoDB Accelerator (DAX) clusters, by name."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

DAX = "dax.amazonaws.com"

CLUSTER = "AWS::DAX::Cluster"

TYPES = (ResourceType(CLUSTER, "name", "cache/"),)

# awsdocs amazon-dynamodb-developer-guide understanding-ddb-log-entries (CreateCluster);
# DAX API reference for the rest.
RULES = [
    on(DAX, "CreateCluster", CLUSTER, CREATE, "requestParameters.clusterName"),
    on(
        DAX,
        ("UpdateCluster", "IncreaseReplicationFactor", "DecreaseReplicationFactor"),
        CLUSTER,
        UPDATE,
        "requestParameters.clusterName",
    ),
    on(DAX, "DeleteCluster", CLUSTER, DELETE, "requestParameters.clusterName"),
]

TERRAFORM = [
    tf("aws_dax_cluster", CLUSTER, "cluster_name", "id", "arn"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, models=("dax",))
