"""Amazon Data Lifecycle Manager: lifecycle policies (snapshot and AMI schedules), by the
`policy-…` id it makes."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

DLM = "dlm.amazonaws.com"

POLICY = "AWS::DLM::LifecyclePolicy"

TYPES = (ResourceType(POLICY, "id", "policy/"),)
ARN_KINDS = {("dlm", "policy"): POLICY}

# Data Lifecycle Manager API reference (REST JSON; the policy id is a path parameter).
RULES = [
    *lifecycle(
        DLM,
        "LifecyclePolicy",
        POLICY,
        "requestParameters.policyId",
        created="responseElements.policyId",
    ),
    on(DLM, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [tf("aws_dlm_lifecycle_policy", POLICY, "id", "arn")]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("dlm",))
