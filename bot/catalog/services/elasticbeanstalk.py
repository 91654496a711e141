"""AWS Elastic Beanstalk: applications (by name; their versions and configuration templates are
parts of them) and environments (by the `e-…` id or by name: both are indexed). Restarts,
rebuilds, log requests and managed actions are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

EB = "elasticbeanstalk.amazonaws.com"

APPLICATION = "AWS::ElasticBeanstalk::Application"
ENVIRONMENT = "AWS::ElasticBeanstalk::Environment"

TYPES = (
    ResourceType(APPLICATION, "name", "application/"),
    ResourceType(ENVIRONMENT, "id"),
)
ARN_KINDS = {("elasticbeanstalk", "application"): APPLICATION}

APP = "requestParameters.applicationName"
ENV = "requestParameters.environmentId || requestParameters.environmentName"

# Elastic Beanstalk API reference (query: members lower-case first).
RULES = [
    *lifecycle(EB, "Application", APPLICATION, APP),
    on(
        EB,
        (
            "UpdateApplicationResourceLifecycle",
            "CreateApplicationVersion",
            "UpdateApplicationVersion",
            "DeleteApplicationVersion",
            "CreateConfigurationTemplate",
            "UpdateConfigurationTemplate",
            "DeleteConfigurationTemplate",
            "DeleteEnvironmentConfiguration",
        ),
        APPLICATION,
        UPDATE,
        APP,
    ),
    on(EB, "CreateEnvironment", ENVIRONMENT, CREATE, "responseElements.environmentId"),
    on(EB, "UpdateEnvironment", ENVIRONMENT, UPDATE, ENV),
    on(
        EB,
        ("AssociateEnvironmentOperationsRole", "DisassociateEnvironmentOperationsRole"),
        ENVIRONMENT,
        UPDATE,
        "requestParameters.environmentName",
    ),
    on(
        EB,
        "SwapEnvironmentCNAMEs",
        ENVIRONMENT,
        UPDATE,
        "requestParameters.sourceEnvironmentId || requestParameters.sourceEnvironmentName",
    ),
    on(EB, "TerminateEnvironment", ENVIRONMENT, DELETE, ENV),
]

OPERATIONAL = [
    ops(
        EB,
        "running an environment: restarts, rebuilds, log and info requests, managed actions, "
        "the account's storage bucket",
        """RestartAppServer RebuildEnvironment RequestEnvironmentInfo AbortEnvironmentUpdate
        ApplyEnvironmentManagedAction CreateStorageLocation""",
    ),
]

TERRAFORM = [
    tf("aws_elastic_beanstalk_application", APPLICATION, "name", "id", "arn"),
    *children(
        APPLICATION,
        "application",
        "aws_elastic_beanstalk_application_version",
        "aws_elastic_beanstalk_configuration_template",
    ),
    tf("aws_elastic_beanstalk_environment", ENVIRONMENT, "id", "name", "arn"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("elasticbeanstalk",),
)
