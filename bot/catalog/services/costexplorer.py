"""AWS Cost Explorer (logged as `ce.amazonaws.com`): cost anomaly monitors and subscriptions
and cost categories, by ARN; which tags are cost allocation tags (account-wide)."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, tf

CE = "ce.amazonaws.com"

MONITOR = "AWS::CE::AnomalyMonitor"
SUBSCRIPTION = "AWS::CE::AnomalySubscription"
CATEGORY = "AWS::CE::CostCategory"
TAGS = "AWS::CE::CostAllocationTags"

TYPES = (
    ResourceType(MONITOR, "arn", is_global=True),
    ResourceType(SUBSCRIPTION, "arn", is_global=True),
    ResourceType(CATEGORY, "arn", is_global=True),
    ResourceType(TAGS, "account", is_global=True, cfn=False),
)
ARN_KINDS = {
    ("ce", "anomalymonitor"): MONITOR,
    ("ce", "anomalysubscription"): SUBSCRIPTION,
    ("ce", "costcategory"): CATEGORY,
}

# Cost Explorer API reference (JSON: members lower-case first).
RULES = [
    on(CE, "CreateAnomalyMonitor", MONITOR, CREATE, "responseElements.monitorArn"),
    on(CE, "UpdateAnomalyMonitor", MONITOR, UPDATE, "requestParameters.monitorArn"),
    on(CE, "DeleteAnomalyMonitor", MONITOR, DELETE, "requestParameters.monitorArn"),
    on(CE, "CreateAnomalySubscription", SUBSCRIPTION, CREATE, "responseElements.subscriptionArn"),
    on(CE, "UpdateAnomalySubscription", SUBSCRIPTION, UPDATE, "requestParameters.subscriptionArn"),
    on(CE, "DeleteAnomalySubscription", SUBSCRIPTION, DELETE, "requestParameters.subscriptionArn"),
    on(CE, "CreateCostCategoryDefinition", CATEGORY, CREATE, "responseElements.costCategoryArn"),
    on(CE, "UpdateCostCategoryDefinition", CATEGORY, UPDATE, "requestParameters.costCategoryArn"),
    on(CE, "DeleteCostCategoryDefinition", CATEGORY, DELETE, "requestParameters.costCategoryArn"),
    on(CE, "UpdateCostAllocationTagsStatus", TAGS, UPDATE, "recipientAccountId"),
    on(CE, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        CE,
        "analyses and recommendations Cost Explorer computes, and anomaly feedback",
        """StartCommitmentPurchaseAnalysis StartCostAllocationTagBackfill
        StartSavingsPlansPurchaseRecommendationGeneration ProvideAnomalyFeedback""",
    ),
]

TERRAFORM = [
    tf("aws_ce_anomaly_monitor", MONITOR, "arn", "id"),
    tf("aws_ce_anomaly_subscription", SUBSCRIPTION, "arn", "id"),
    tf("aws_ce_cost_category", CATEGORY, "arn", "id"),
    tf("aws_ce_cost_allocation_tag", TAGS, STATE_ACCOUNT),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("ce",),
    unreachable={TAGS: "the account's cost allocation tags are switched on and off"},
)
