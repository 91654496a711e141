"""Athena workgroups, by name. Queries (StartQueryExecution …) are data, not configuration."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

ATHENA = "athena.amazonaws.com"

WORKGROUP = "AWS::Athena::WorkGroup"

TYPES = (ResourceType(WORKGROUP, "name", "workgroup/"),)
ARN_KINDS = {
    ("athena", "workgroup"): WORKGROUP,
}

# Athena API reference (CreateWorkGroup takes `name`, the others `workGroup`).
RULES = [
    on(ATHENA, "CreateWorkGroup", WORKGROUP, CREATE, "requestParameters.name"),
    on(ATHENA, "UpdateWorkGroup", WORKGROUP, UPDATE, "requestParameters.workGroup"),
    on(ATHENA, "DeleteWorkGroup", WORKGROUP, DELETE, "requestParameters.workGroup"),
    on(ATHENA, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN"),
]

TERRAFORM = [
    tf("aws_athena_workgroup", WORKGROUP, "name", "id", "arn"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("athena",))
