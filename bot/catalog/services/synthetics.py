"""CloudWatch Synthetics canaries, by name."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

SYN = "synthetics.amazonaws.com"
CANARY = "AWS::Synthetics::Canary"

# awsdocs amazon-cloudwatch-user-guide logging_cw_api_calls (UpdateCanary logs `name`); the
# Synthetics API reference for the rest. Starting or stopping changes the canary's run state,
# which IaC manages (start_canary / StartCanaryAfterCreation).
on(SYN, "CreateCanary", CANARY, CREATE, "requestParameters.name")
on(SYN, ("UpdateCanary", "StartCanary", "StopCanary"), CANARY, UPDATE, "requestParameters.name")
on(SYN, "DeleteCanary", CANARY, DELETE, "requestParameters.name")
