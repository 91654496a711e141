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

# MWAA's user guide (monitoring-cloudtrail) shows its records keyed exactly as the API's
# members, `Name` included (casing `wire`).
RULES = [
    *lifecycle(MWAA, "Environment", ENVIRONMENT, "requestParameters.Name"),
    on(
        MWAA,
        ("TagResource", "UntagResource"),
        BY_ARN,
        UPDATE,
        "requestParameters.ResourceArn || requestParameters.resourceArn",
    ),
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
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("mwaa",),
    casing="wire",
)
