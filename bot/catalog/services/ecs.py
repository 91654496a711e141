"""ECS: clusters, services, task definitions, capacity providers and account settings."""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

ECS = "ecs.amazonaws.com"
CLUSTER = "AWS::ECS::Cluster"
SERVICE = "AWS::ECS::Service"
TASK_DEF = "AWS::ECS::TaskDefinition"
CAPACITY = "AWS::ECS::CapacityProvider"

# Clusters: awsdocs amazon-ecs-developer-guide logging-using-cloudtrail (CreateCluster; the name
# is optional in the request, "default" when omitted, so read the ARN the response returns).
# `cluster` in later calls is a name or an ARN; ARNs are normalised to the name.
on(
    ECS,
    "CreateCluster",
    CLUSTER,
    CREATE,
    "responseElements.cluster.clusterArn || requestParameters.clusterName",
)
on(
    ECS,
    ("UpdateCluster", "UpdateClusterSettings", "PutClusterCapacityProviders"),
    CLUSTER,
    UPDATE,
    "requestParameters.cluster",
)
on(ECS, "DeleteCluster", CLUSTER, DELETE, "requestParameters.cluster")

# Services are keyed by ARN, which only the response carries (the request has the bare name).
# Shapes from the ECS API reference (Create/Update/DeleteService all return `service`).
on(ECS, "CreateService", SERVICE, CREATE, "responseElements.service.serviceArn")
on(ECS, "UpdateService", SERVICE, UPDATE, "responseElements.service.serviceArn")
on(ECS, "DeleteService", SERVICE, DELETE, "responseElements.service.serviceArn")

# Task definitions: each revision is its own resource (family:revision ARN).
on(
    ECS,
    "RegisterTaskDefinition",
    TASK_DEF,
    CREATE,
    "responseElements.taskDefinition.taskDefinitionArn",
)
on(
    ECS,
    "DeregisterTaskDefinition",
    TASK_DEF,
    DELETE,
    "responseElements.taskDefinition.taskDefinitionArn",
)
on(
    ECS,
    "DeleteTaskDefinitions",
    TASK_DEF,
    DELETE,
    "responseElements.taskDefinitions[].taskDefinitionArn",
)

# Capacity providers (API reference).
on(ECS, "CreateCapacityProvider", CAPACITY, CREATE, "requestParameters.name")
on(ECS, "UpdateCapacityProvider", CAPACITY, UPDATE, "requestParameters.name")
on(ECS, "DeleteCapacityProvider", CAPACITY, DELETE, "requestParameters.capacityProvider")

# Account settings: awsdocs ecs-fips-compliance (PutAccountSettingDefault).
on(
    ECS,
    ("PutAccountSetting", "PutAccountSettingDefault", "DeleteAccountSetting"),
    "AWS::ECS::AccountSetting",
    UPDATE,
    "recipientAccountId",
)

# Tags take any ECS ARN (cluster, service, task definition, capacity provider).
on(ECS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn")
