"""ECS: clusters, services, task definitions, capacity providers and account settings."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, part_of, tf

ECS = "ecs.amazonaws.com"

CLUSTER = "AWS::ECS::Cluster"
ECS_SERVICE = "AWS::ECS::Service"
TASK_DEF = "AWS::ECS::TaskDefinition"
CAPACITY = "AWS::ECS::CapacityProvider"
ACCOUNT_SETTING = "AWS::ECS::AccountSetting"
TASK_SET = "AWS::ECS::TaskSet"
DAEMON = "AWS::ECS::Daemon"
DAEMON_TASK_DEF = "AWS::ECS::DaemonTaskDefinition"
GATEWAY = "AWS::ECS::Gateway"
EXPRESS_SERVICE = "AWS::ECS::ExpressGatewayService"

TYPES = (
    ResourceType(CLUSTER, "name", "cluster/"),
    ResourceType(ECS_SERVICE, "arn"),
    ResourceType(TASK_DEF, "arn"),
    ResourceType(CAPACITY, "name", "capacity-provider/"),
    ResourceType(ACCOUNT_SETTING, "account", cfn=False),
    ResourceType(TASK_SET, "arn"),
    ResourceType(DAEMON, "arn", cfn=False),
    ResourceType(DAEMON_TASK_DEF, "arn", cfn=False),
    ResourceType(GATEWAY, "arn", cfn=False),
    ResourceType(EXPRESS_SERVICE, "arn"),
)
ARN_KINDS = {
    ("ecs", "cluster"): CLUSTER,
    ("ecs", "service"): ECS_SERVICE,
    ("ecs", "task-definition"): TASK_DEF,
    ("ecs", "capacity-provider"): CAPACITY,
    ("ecs", "task-set"): TASK_SET,
}

# Clusters: awsdocs amazon-ecs-developer-guide logging-using-cloudtrail (CreateCluster; the name
# is optional in the request, "default" when omitted, so read the ARN the response returns).
# `cluster` in later calls is a name or an ARN; ARNs are normalised to the name.
RULES = [
    on(
        ECS,
        "CreateCluster",
        CLUSTER,
        CREATE,
        "responseElements.cluster.clusterArn || requestParameters.clusterName",
    ),
    on(
        ECS,
        ("UpdateCluster", "UpdateClusterSettings", "PutClusterCapacityProviders"),
        CLUSTER,
        UPDATE,
        "requestParameters.cluster",
    ),
    on(ECS, "DeleteCluster", CLUSTER, DELETE, "requestParameters.cluster"),
    # Services are keyed by ARN, which only the response carries (the request has the bare name).
    # Shapes from the ECS API reference (Create/Update/DeleteService all return `service`).
    on(ECS, "CreateService", ECS_SERVICE, CREATE, "responseElements.service.serviceArn"),
    on(ECS, "UpdateService", ECS_SERVICE, UPDATE, "responseElements.service.serviceArn"),
    on(ECS, "DeleteService", ECS_SERVICE, DELETE, "responseElements.service.serviceArn"),
    # Task definitions: each revision is its own resource (family:revision ARN).
    on(
        ECS,
        "RegisterTaskDefinition",
        TASK_DEF,
        CREATE,
        "responseElements.taskDefinition.taskDefinitionArn",
    ),
    on(
        ECS,
        "DeregisterTaskDefinition",
        TASK_DEF,
        DELETE,
        "responseElements.taskDefinition.taskDefinitionArn",
    ),
    on(
        ECS,
        "DeleteTaskDefinitions",
        TASK_DEF,
        DELETE,
        "responseElements.taskDefinitions[].taskDefinitionArn",
    ),
    # Capacity providers (API reference).
    on(ECS, "CreateCapacityProvider", CAPACITY, CREATE, "requestParameters.name"),
    on(ECS, "UpdateCapacityProvider", CAPACITY, UPDATE, "requestParameters.name"),
    on(ECS, "DeleteCapacityProvider", CAPACITY, DELETE, "requestParameters.capacityProvider"),
    # Account settings: awsdocs ecs-fips-compliance (PutAccountSettingDefault).
    on(
        ECS,
        ("PutAccountSetting", "PutAccountSettingDefault"),
        ACCOUNT_SETTING,
        CREATE,
        "recipientAccountId",
    ),
    on(ECS, "DeleteAccountSetting", ACCOUNT_SETTING, DELETE, "recipientAccountId"),
    # Tags take any ECS ARN (cluster, service, task definition, capacity provider).
    on(ECS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
    # Task sets (external and CodeDeploy deployments) are parts of their service; the
    # service's primary task set is the service's (API reference).
    on(ECS, "CreateTaskSet", TASK_SET, CREATE, "responseElements.taskSet.taskSetArn"),
    on(ECS, "UpdateTaskSet", TASK_SET, UPDATE, "responseElements.taskSet.taskSetArn"),
    on(ECS, "DeleteTaskSet", TASK_SET, DELETE, "responseElements.taskSet.taskSetArn"),
    on(
        ECS,
        ("CreateTaskSet", "UpdateServicePrimaryTaskSet"),
        ECS_SERVICE,
        UPDATE,
        "responseElements.taskSet.serviceArn",
    ),
    # Daemons and their task definitions, gateways, Express gateway services (2025 on).
    on(ECS, "CreateDaemon", DAEMON, CREATE, "responseElements.daemonArn"),
    on(ECS, "UpdateDaemon", DAEMON, UPDATE, "requestParameters.daemonArn"),
    on(ECS, "DeleteDaemon", DAEMON, DELETE, "requestParameters.daemonArn"),
    on(
        ECS,
        "RegisterDaemonTaskDefinition",
        DAEMON_TASK_DEF,
        CREATE,
        "responseElements.daemonTaskDefinitionArn",
    ),
    on(
        ECS,
        "DeleteDaemonTaskDefinition",
        DAEMON_TASK_DEF,
        DELETE,
        "responseElements.daemonTaskDefinitionArn",
    ),
    on(ECS, "CreateGateway", GATEWAY, CREATE, "responseElements.gatewayArn"),
    on(
        ECS,
        ("UpdateGateway", "AssociateGatewayWithCluster", "DisassociateGatewayFromCluster"),
        GATEWAY,
        UPDATE,
        "responseElements.gatewayArn || requestParameters.gateway",
    ),
    on(
        ECS,
        "DeleteGateway",
        GATEWAY,
        DELETE,
        "responseElements.gatewayArn || requestParameters.gateway",
    ),
    on(
        ECS,
        "CreateExpressGatewayService",
        EXPRESS_SERVICE,
        CREATE,
        "responseElements.service.serviceArn",
    ),
    on(
        ECS,
        "UpdateExpressGatewayService",
        EXPRESS_SERVICE,
        UPDATE,
        "requestParameters.serviceArn",
    ),
    on(
        ECS,
        "DeleteExpressGatewayService",
        EXPRESS_SERVICE,
        DELETE,
        "requestParameters.serviceArn",
    ),
]

TERRAFORM = [
    tf("aws_ecs_cluster", CLUSTER, "name", "arn", "id"),
    part_of("aws_ecs_cluster_capacity_providers", CLUSTER, "cluster_name"),
    tf("aws_ecs_service", ECS_SERVICE, "arn", "id"),
    tf("aws_ecs_task_definition", TASK_DEF, "arn"),
    tf("aws_ecs_capacity_provider", CAPACITY, "name", "arn", "id"),
    tf("aws_ecs_account_setting_default", ACCOUNT_SETTING, STATE_ACCOUNT),
]

OPERATIONAL = [
    ops(
        ECS,
        "container instances joining, leaving or draining, their agent updates, custom "
        "attributes on them, task scale-in protection and stopped deployments: the cluster's "
        "fleet at work, not its configuration",
        """RegisterContainerInstance DeregisterContainerInstance UpdateContainerAgent
        UpdateContainerInstancesState PutAttributes DeleteAttributes UpdateTaskProtection
        StopServiceDeployment""",
    ),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("ecs",)
)
