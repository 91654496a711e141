"""AWS CodeDeploy: applications (by name; their deployment groups and revisions are parts of
them) and deployment configurations (by name). Deployments and on-premises instances are
operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

CD = "codedeploy.amazonaws.com"

APPLICATION = "AWS::CodeDeploy::Application"
CONFIG = "AWS::CodeDeploy::DeploymentConfig"

TYPES = (
    ResourceType(APPLICATION, "name", "application:"),
    ResourceType(CONFIG, "name", "deploymentconfig:"),
)
ARN_KINDS = {
    ("codedeploy", "application"): APPLICATION,
    ("codedeploy", "deploymentgroup"): APPLICATION,
    ("codedeploy", "deploymentconfig"): CONFIG,
}

APP = "requestParameters.applicationName"

# CodeDeploy API reference (members lower-case first).
RULES = [
    on(CD, "CreateApplication", APPLICATION, CREATE, APP),
    on(
        CD,
        (
            "CreateDeploymentGroup",
            "UpdateDeploymentGroup",
            "DeleteDeploymentGroup",
            "RegisterApplicationRevision",
        ),
        APPLICATION,
        UPDATE,
        APP,
    ),
    # A rename: the old name is gone, the new one appears.
    on(CD, "UpdateApplication", APPLICATION, DELETE, APP),
    on(CD, "UpdateApplication", APPLICATION, CREATE, "requestParameters.newApplicationName"),
    on(CD, "DeleteApplication", APPLICATION, DELETE, APP),
    on(CD, "CreateDeploymentConfig", CONFIG, CREATE, "requestParameters.deploymentConfigName"),
    on(CD, "DeleteDeploymentConfig", CONFIG, DELETE, "requestParameters.deploymentConfigName"),
    on(CD, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        CD,
        "deployments and their hooks, and on-premises instances registering themselves",
        """CreateDeployment StopDeployment ContinueDeployment SkipWaitTimeForInstanceTermination
        PutLifecycleEventHookExecutionStatus RegisterOnPremisesInstance
        DeregisterOnPremisesInstance AddTagsToOnPremisesInstances
        RemoveTagsFromOnPremisesInstances DeleteGitHubAccountToken DeleteResourcesByExternalId""",
    ),
]

TERRAFORM = [
    tf("aws_codedeploy_app", APPLICATION, "name", "arn"),
    *children(APPLICATION, "app_name", "aws_codedeploy_deployment_group"),
    tf("aws_codedeploy_deployment_config", CONFIG, "deployment_config_name", "id", "arn"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("codedeploy",)
)
