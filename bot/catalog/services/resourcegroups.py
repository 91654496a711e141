"""AWS Resource Groups (groups by name; their query and configuration are parts of them) and
the Resource Groups Tagging API, which tags any resource by ARN: each ARN names the resource
whose tags change."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

RG = "resource-groups.amazonaws.com"
TAGGING = "tagging.amazonaws.com"

GROUP = "AWS::ResourceGroups::Group"

TYPES = (ResourceType(GROUP, "name", "group/"),)
ARN_KINDS = {("resource-groups", "group"): GROUP}

NAME = "requestParameters.groupName || requestParameters.group"

# Resource Groups and Tagging API references (members lower-case first).
RULES = [
    *lifecycle(RG, "Group", GROUP, NAME, created="requestParameters.name"),
    on(RG, "UpdateGroupQuery", GROUP, UPDATE, NAME),
    on(RG, "PutGroupConfiguration", GROUP, UPDATE, "requestParameters.group"),
    on(RG, ("Tag", "Untag"), BY_ARN, UPDATE, "requestParameters.arn"),
    on(
        TAGGING,
        ("TagResources", "UntagResources"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceARNList",
    ),
]

OPERATIONAL = [
    ops(
        RG,
        "grouping resources by tag, a task the service runs",
        "StartTagSyncTask CancelTagSyncTask",
    ),
    ops(TAGGING, "a report of the organization's tags", "StartReportCreation"),
]

TERRAFORM = [tf("aws_resourcegroups_group", GROUP, "name", "id", "arn")]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("resource-groups", "resourcegroupstaggingapi"),
)
