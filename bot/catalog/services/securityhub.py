"""Security Hub: the hub (one per account and region) and custom insights.

Security Hub logs its PascalCase member names unchanged (`InsightArn`). Finding updates
(UpdateFindings, BatchUpdateFindings) are data, not configuration: no rules.
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

SH = "securityhub.amazonaws.com"

HUB = "AWS::SecurityHub::Hub"
INSIGHT = "AWS::SecurityHub::Insight"

TYPES = (
    ResourceType(HUB, "arn"),
    ResourceType(INSIGHT, "arn"),
)

# The hub's ARN is arn:aws:securityhub:REGION:ACCOUNT:hub/default; the calls carry no id.
HUB_ARN = (
    "awsRegion && recipientAccountId && "
    "join('', ['arn:aws:securityhub:', awsRegion, ':', recipientAccountId, ':hub/default'])"
)
RULES = [
    on(SH, "EnableSecurityHub", HUB, CREATE, HUB_ARN),
    on(SH, "UpdateSecurityHubConfiguration", HUB, UPDATE, HUB_ARN),
    on(SH, "DisableSecurityHub", HUB, DELETE, HUB_ARN),
    # panther-analysis aws_securityhub_finding_evasion records (CreateInsight, DeleteInsight).
    on(SH, "CreateInsight", INSIGHT, CREATE, "responseElements.InsightArn"),
    on(SH, "UpdateInsight", INSIGHT, UPDATE, "requestParameters.InsightArn"),
    on(
        SH,
        "DeleteInsight",
        INSIGHT,
        DELETE,
        "requestParameters.InsightArn || responseElements.InsightArn",
    ),
]

TERRAFORM = [
    tf("aws_securityhub_account", HUB, "arn"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, models=("securityhub",), casing="wire")
