"""Amazon Managed Service for Prometheus (logged as `aps.amazonaws.com`): workspaces (by the
`ws-…` id; their alert manager definition, rule groups namespaces, logging, anomaly detectors
and resource policy are parts of them) and scrapers (by `s-…` id)."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

APS = "aps.amazonaws.com"

WORKSPACE = "AWS::APS::Workspace"
SCRAPER = "AWS::APS::Scraper"

TYPES = (
    ResourceType(WORKSPACE, "id", "workspace/"),
    ResourceType(SCRAPER, "id", "scraper/"),
)
ARN_KINDS = {("aps", "workspace"): WORKSPACE, ("aps", "scraper"): SCRAPER}

ID = "requestParameters.workspaceId"

# Managed Prometheus API reference (REST JSON; ids are path parameters).
RULES = [
    *lifecycle(APS, "Workspace", WORKSPACE, ID, created="responseElements.workspaceId", updates=()),
    on(
        APS,
        (
            "UpdateWorkspaceAlias",
            "UpdateWorkspaceConfiguration",
            "CreateAlertManagerDefinition",
            "PutAlertManagerDefinition",
            "DeleteAlertManagerDefinition",
            "CreateRuleGroupsNamespace",
            "PutRuleGroupsNamespace",
            "DeleteRuleGroupsNamespace",
            "CreateLoggingConfiguration",
            "UpdateLoggingConfiguration",
            "DeleteLoggingConfiguration",
            "CreateQueryLoggingConfiguration",
            "UpdateQueryLoggingConfiguration",
            "DeleteQueryLoggingConfiguration",
            "CreateAnomalyDetector",
            "PutAnomalyDetector",
            "DeleteAnomalyDetector",
            "PutResourcePolicy",
            "DeleteResourcePolicy",
        ),
        WORKSPACE,
        UPDATE,
        ID,
    ),
    *lifecycle(
        APS, "Scraper", SCRAPER, "requestParameters.scraperId", created="responseElements.scraperId"
    ),
    on(
        APS,
        ("UpdateScraperLoggingConfiguration", "DeleteScraperLoggingConfiguration"),
        SCRAPER,
        UPDATE,
        "requestParameters.scraperId",
    ),
    on(APS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_prometheus_workspace", WORKSPACE, "id", "arn"),
    *children(
        WORKSPACE,
        "workspace_id",
        "aws_prometheus_alert_manager_definition",
        "aws_prometheus_rule_group_namespace",
        "aws_prometheus_workspace_configuration",
    ),
    tf("aws_prometheus_scraper", SCRAPER, "id", "arn"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("amp",))
