"""AWS AppConfig: applications (their environments and configuration profiles, and hosted
versions, are parts of them), deployment strategies, extensions and extension associations, by
the ids AppConfig makes. Deployments are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

AC = "appconfig.amazonaws.com"

APPLICATION = "AWS::AppConfig::Application"
STRATEGY = "AWS::AppConfig::DeploymentStrategy"
EXTENSION = "AWS::AppConfig::Extension"
ASSOCIATION = "AWS::AppConfig::ExtensionAssociation"

TYPES = (
    ResourceType(APPLICATION, "id", "application/"),
    ResourceType(STRATEGY, "id", "deploymentstrategy/"),
    ResourceType(EXTENSION, "id", "extension/"),
    ResourceType(ASSOCIATION, "id", "extensionassociation/"),
)
ARN_KINDS = {
    ("appconfig", "application"): APPLICATION,
    ("appconfig", "deploymentstrategy"): STRATEGY,
    ("appconfig", "extension"): EXTENSION,
    ("appconfig", "extensionassociation"): ASSOCIATION,
}

APP = "requestParameters.applicationId"

# AppConfig API reference (REST JSON; ids are path parameters).
RULES = [
    *lifecycle(AC, "Application", APPLICATION, APP, created="responseElements.id"),
    on(
        AC,
        (
            "CreateEnvironment",
            "UpdateEnvironment",
            "DeleteEnvironment",
            "CreateConfigurationProfile",
            "UpdateConfigurationProfile",
            "DeleteConfigurationProfile",
            "CreateHostedConfigurationVersion",
            "DeleteHostedConfigurationVersion",
        ),
        APPLICATION,
        UPDATE,
        APP,
    ),
    *lifecycle(
        AC,
        "DeploymentStrategy",
        STRATEGY,
        "requestParameters.deploymentStrategyId",
        created="responseElements.id",
    ),
    *lifecycle(
        AC,
        "Extension",
        EXTENSION,
        "requestParameters.extensionIdentifier",
        created="responseElements.id",
    ),
    *lifecycle(
        AC,
        "ExtensionAssociation",
        ASSOCIATION,
        "requestParameters.extensionAssociationId",
        created="responseElements.id",
    ),
    on(AC, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        AC,
        "deploying configuration and experiments: what runs, not what is declared",
        """StartDeployment StopDeployment StartExperimentRun StopExperimentRun
        UpdateExperimentRun""",
    ),
]

TERRAFORM = [
    tf("aws_appconfig_application", APPLICATION, "id", "arn"),
    *children(
        APPLICATION,
        "application_id",
        "aws_appconfig_environment",
        "aws_appconfig_configuration_profile",
        "aws_appconfig_hosted_configuration_version",
    ),
    tf("aws_appconfig_deployment_strategy", STRATEGY, "id", "arn"),
    tf("aws_appconfig_extension", EXTENSION, "id", "arn"),
    tf("aws_appconfig_extension_association", ASSOCIATION, "id", "arn"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("appconfig",)
)
