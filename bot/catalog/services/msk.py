"""Amazon MSK (Kafka): clusters (provisioned and serverless), configurations, replicators and
client VPC connections, by ARN. A cluster's policy, SCRAM secrets, storage, brokers and
settings are parts of it; broker reboots are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

MSK = "kafka.amazonaws.com"

CLUSTER = "AWS::MSK::Cluster"
CONFIGURATION = "AWS::MSK::Configuration"
REPLICATOR = "AWS::MSK::Replicator"
VPC_CONNECTION = "AWS::MSK::VpcConnection"

TYPES = (
    ResourceType(CLUSTER, "arn"),
    ResourceType(CONFIGURATION, "arn"),
    ResourceType(REPLICATOR, "arn"),
    ResourceType(VPC_CONNECTION, "arn"),
)
ARN_KINDS = {
    ("kafka", "cluster"): CLUSTER,
    ("kafka", "configuration"): CONFIGURATION,
    ("kafka", "replicator"): REPLICATOR,
    ("kafka", "vpc-connection"): VPC_CONNECTION,
}

CLUSTER_ARN = "requestParameters.clusterArn"

# MSK API reference (REST JSON; members logged lower-case first, the cluster's ARN a path
# parameter `clusterArn`).
RULES = [
    on(MSK, ("CreateCluster", "CreateClusterV2"), CLUSTER, CREATE, "responseElements.clusterArn"),
    on(
        MSK,
        (
            "UpdateBrokerCount",
            "UpdateBrokerType",
            "UpdateBrokerStorage",
            "UpdateClusterConfiguration",
            "UpdateClusterKafkaVersion",
            "UpdateConnectivity",
            "UpdateMonitoring",
            "UpdateRebalancing",
            "UpdateSecurity",
            "UpdateStorage",
            "PutClusterPolicy",
            "DeleteClusterPolicy",
            "BatchAssociateScramSecret",
            "BatchDisassociateScramSecret",
            "RejectClientVpcConnection",
        ),
        CLUSTER,
        UPDATE,
        CLUSTER_ARN,
    ),
    on(MSK, "DeleteCluster", CLUSTER, DELETE, CLUSTER_ARN),
    on(MSK, "CreateConfiguration", CONFIGURATION, CREATE, "responseElements.arn"),
    on(MSK, "UpdateConfiguration", CONFIGURATION, UPDATE, "requestParameters.arn"),
    on(MSK, "DeleteConfiguration", CONFIGURATION, DELETE, "requestParameters.arn"),
    on(MSK, "CreateReplicator", REPLICATOR, CREATE, "responseElements.replicatorArn"),
    on(MSK, "UpdateReplicationInfo", REPLICATOR, UPDATE, "requestParameters.replicatorArn"),
    on(MSK, "DeleteReplicator", REPLICATOR, DELETE, "requestParameters.replicatorArn"),
    on(MSK, "CreateVpcConnection", VPC_CONNECTION, CREATE, "responseElements.vpcConnectionArn"),
    on(MSK, "DeleteVpcConnection", VPC_CONNECTION, DELETE, "requestParameters.arn"),
    on(MSK, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(MSK, "restarting brokers changes no configuration", "RebootBroker"),
]

TERRAFORM = [
    tf("aws_msk_cluster", CLUSTER, "arn", "id"),
    tf("aws_msk_serverless_cluster", CLUSTER, "arn", "id"),
    *children(CLUSTER, "cluster_arn", "aws_msk_cluster_policy", "aws_msk_scram_secret_association"),
    tf("aws_msk_configuration", CONFIGURATION, "arn", "id"),
    tf("aws_msk_replicator", REPLICATOR, "arn", "id"),
    tf("aws_msk_vpc_connection", VPC_CONNECTION, "arn", "id"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("kafka",)
)
