"""Amazon MWAA (managed Airflow): environments, by name. CLI and web login tokens are
operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

MWAA = "airflow.amazonaws.com"

ENVIRONMENT = "AWS::MWAA::Environment"

TYPES = (ResourceType(ENVIRONMENT, "name", "environment/"),)
ARN_KINDS = {("airflow", "environment"): ENVIRONMENT}

# MWAA API reference (REST JSON; the environment's name is a path parameter).
RULES = [
    *lifecycle(MWAA, "Environment", ENVIRONMENT, "requestParameters.name"),
    on(MWAA, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        MWAA,
        "tokens for the Airflow CLI and web UI, metrics the environment publishes, and "
        "Airflow REST calls: use, not configuration",
        "CreateCliToken CreateWebLoginToken PublishMetrics InvokeRestApi",
    ),
]

TERRAFORM = [tf("aws_mwaa_environment", ENVIRONMENT, "name", "id", "arn")]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("mwaa",)
)
