"""Amazon Managed Grafana: workspaces, by the `g-…` id it makes; their authentication,
configuration, permissions, licenses, service accounts and API keys are parts of them."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

GRAFANA = "grafana.amazonaws.com"

WORKSPACE = "AWS::Grafana::Workspace"

TYPES = (ResourceType(WORKSPACE, "id", "/workspaces/"),)
ARN_KINDS = {("grafana", "/workspaces"): WORKSPACE}

ID = "requestParameters.workspaceId"

# Managed Grafana API reference (REST JSON; the workspace id is a path parameter).
RULES = [
    *lifecycle(GRAFANA, "Workspace", WORKSPACE, ID, created="responseElements.workspace.id"),
    on(
        GRAFANA,
        (
            "UpdateWorkspaceAuthentication",
            "UpdateWorkspaceConfiguration",
            "UpdatePermissions",
            "AssociateLicense",
            "DisassociateLicense",
            "CreateWorkspaceServiceAccount",
            "DeleteWorkspaceServiceAccount",
            "CreateWorkspaceServiceAccountToken",
            "DeleteWorkspaceServiceAccountToken",
            "CreateWorkspaceApiKey",
            "DeleteWorkspaceApiKey",
        ),
        WORKSPACE,
        UPDATE,
        ID,
    ),
    on(GRAFANA, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_grafana_workspace", WORKSPACE, "id", "arn"),
    *children(
        WORKSPACE,
        "workspace_id",
        "aws_grafana_workspace_saml_configuration",
        "aws_grafana_role_association",
        "aws_grafana_license_association",
        "aws_grafana_workspace_api_key",
        "aws_grafana_workspace_service_account",
    ),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("grafana",))
