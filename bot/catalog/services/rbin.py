"""Recycle Bin retention rules, keyed by their server-made identifier."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

RBIN = "rbin.amazonaws.com"

RULE = "AWS::Rbin::Rule"

TYPES = (ResourceType(RULE, "id", "rule/"),)
ARN_KINDS = {
    ("rbin", "rule"): RULE,
}

# awsdocs amazon-ec2-user-guide recycle-bin-ct records (every call below).
RULES = [
    on(RBIN, "CreateRule", RULE, CREATE, "responseElements.identifier"),
    on(
        RBIN, ("UpdateRule", "LockRule", "UnlockRule"), RULE, UPDATE, "requestParameters.identifier"
    ),
    on(RBIN, "DeleteRule", RULE, DELETE, "requestParameters.identifier"),
    on(RBIN, ("TagResource", "UntagResource"), RULE, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_rbin_rule", RULE, "id", "arn"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("rbin",))
