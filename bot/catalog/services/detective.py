"""Amazon Detective: behavior graphs, by ARN (members, data source packages and the
organization configuration are parts of a graph), and the organization's delegated admin."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, tf

DETECTIVE = "detective.amazonaws.com"

GRAPH = "AWS::Detective::Graph"
ORG_ADMIN = "AWS::Detective::OrganizationAdmin"

TYPES = (
    ResourceType(GRAPH, "arn"),
    ResourceType(ORG_ADMIN, "account"),
)
ARN_KINDS = {("detective", "graph"): GRAPH}

GRAPH_ARN = "requestParameters.graphArn"

# Detective API reference (REST JSON, members lower-case first).
RULES = [
    on(DETECTIVE, "CreateGraph", GRAPH, CREATE, "responseElements.graphArn"),
    on(
        DETECTIVE,
        (
            "CreateMembers",
            "DeleteMembers",
            "StartMonitoringMember",
            "UpdateDatasourcePackages",
            "UpdateOrganizationConfiguration",
            "AcceptInvitation",
            "RejectInvitation",
            "DisassociateMembership",
        ),
        GRAPH,
        UPDATE,
        GRAPH_ARN,
    ),
    on(DETECTIVE, "DeleteGraph", GRAPH, DELETE, GRAPH_ARN),
    on(
        DETECTIVE,
        ("TagResource", "UntagResource"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
    on(
        DETECTIVE,
        "EnableOrganizationAdminAccount",
        ORG_ADMIN,
        CREATE,
        "recipientAccountId",
    ),
    on(
        DETECTIVE,
        "DisableOrganizationAdminAccount",
        ORG_ADMIN,
        DELETE,
        "recipientAccountId",
    ),
]

OPERATIONAL = [
    ops(
        DETECTIVE,
        "investigations of what a graph holds",
        "StartInvestigation UpdateInvestigationState",
    ),
]

TERRAFORM = [
    tf("aws_detective_graph", GRAPH, "graph_arn", "id", "arn"),
    *children(
        GRAPH,
        "graph_arn",
        "aws_detective_member",
        "aws_detective_invitation_accepter",
        "aws_detective_organization_configuration",
    ),
    tf("aws_detective_organization_admin_account", ORG_ADMIN, "account_id", STATE_ACCOUNT),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("detective",),
)
