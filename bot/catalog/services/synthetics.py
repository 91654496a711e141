"""CloudWatch Synthetics canaries, by name."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

SYN = "synthetics.amazonaws.com"

CANARY = "AWS::Synthetics::Canary"

TYPES = (ResourceType(CANARY, "name", "canary:"),)
ARN_KINDS = {
    ("synthetics", "canary"): CANARY,
}

# awsdocs amazon-cloudwatch-user-guide logging_cw_api_calls (UpdateCanary logs `name`); the
# Synthetics API reference for the rest. Starting or stopping changes the canary's run state,
# which IaC manages (start_canary / StartCanaryAfterCreation).
RULES = [
    # CreateCanary's body is logged as sent (`Name`); the other calls name the canary in their
    # path, logged `name`.
    on(SYN, "CreateCanary", CANARY, CREATE, "requestParameters.Name"),
    on(
        SYN, ("UpdateCanary", "StartCanary", "StopCanary"), CANARY, UPDATE, "requestParameters.name"
    ),
    on(SYN, "DeleteCanary", CANARY, DELETE, "requestParameters.name"),
]

TERRAFORM = [
    tf("aws_synthetics_canary", CANARY, "name", "id", "arn"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("synthetics",), casing="wire"
)
