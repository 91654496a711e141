"""AWS X-Ray: groups and sampling rules (by name), resource policies (by name), and the
account's encryption, indexing and trace destination settings. Trace data is operational."""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, tf

XRAY = "xray.amazonaws.com"

GROUP = "AWS::XRay::Group"
SAMPLING_RULE = "AWS::XRay::SamplingRule"
RESOURCE_POLICY = "AWS::XRay::ResourcePolicy"
SETTINGS = "AWS::XRay::AccountSettings"


def _name_before_id(arn: Arn) -> str:
    """`Name/ABCD…` (a group's ARN ends with a unique id) → `Name`."""
    return arn.resource.split("/", 1)[0]


TYPES = (
    ResourceType(GROUP, "name", "group/", id_from_arn=_name_before_id),
    ResourceType(SAMPLING_RULE, "name", "sampling-rule/"),
    ResourceType(RESOURCE_POLICY, "name"),
    ResourceType(SETTINGS, "account", cfn=False),
)
ARN_KINDS = {("xray", "group"): GROUP, ("xray", "sampling-rule"): SAMPLING_RULE}

# X-Ray API reference (REST JSON, members lower-case first).
RULES = [
    on(XRAY, "CreateGroup", GROUP, CREATE, "requestParameters.groupName"),
    on(
        XRAY,
        "UpdateGroup",
        GROUP,
        UPDATE,
        "requestParameters.groupName || requestParameters.groupARN",
    ),
    on(
        XRAY,
        "DeleteGroup",
        GROUP,
        DELETE,
        "requestParameters.groupName || requestParameters.groupARN",
    ),
    on(
        XRAY,
        "CreateSamplingRule",
        SAMPLING_RULE,
        CREATE,
        "requestParameters.samplingRule.ruleName",
    ),
    on(
        XRAY,
        "UpdateSamplingRule",
        SAMPLING_RULE,
        UPDATE,
        "requestParameters.samplingRuleUpdate.ruleName"
        " || requestParameters.samplingRuleUpdate.ruleARN",
    ),
    on(
        XRAY,
        "DeleteSamplingRule",
        SAMPLING_RULE,
        DELETE,
        "requestParameters.ruleName || requestParameters.ruleARN",
    ),
    on(XRAY, "PutResourcePolicy", RESOURCE_POLICY, CREATE, "requestParameters.policyName"),
    on(XRAY, "DeleteResourcePolicy", RESOURCE_POLICY, DELETE, "requestParameters.policyName"),
    on(
        XRAY,
        ("PutEncryptionConfig", "UpdateIndexingRule", "UpdateTraceSegmentDestination"),
        SETTINGS,
        UPDATE,
        "recipientAccountId",
    ),
    on(XRAY, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN"),
]

OPERATIONAL = [
    ops(
        XRAY,
        "trace data applications send, and trace retrievals",
        "PutTraceSegments PutTelemetryRecords StartTraceRetrieval CancelTraceRetrieval",
    ),
]

TERRAFORM = [
    tf("aws_xray_group", GROUP, "group_name", "arn", "id"),
    tf("aws_xray_sampling_rule", SAMPLING_RULE, "rule_name", "id", "arn"),
    tf("aws_xray_resource_policy", RESOURCE_POLICY, "policy_name", "id"),
    tf("aws_xray_encryption_config", SETTINGS, STATE_ACCOUNT),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("xray",),
    unreachable={SETTINGS: "the account's X-Ray settings always exist"},
)
