"""CodeBuild projects, by name (ARNs are normalised to it)."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import part_of, tf

CB = "codebuild.amazonaws.com"

PROJECT = "AWS::CodeBuild::Project"

TYPES = (ResourceType(PROJECT, "name", "project/"),)
ARN_KINDS = {
    ("codebuild", "project"): PROJECT,
}

# awsdocs aws-codebuild-user-guide cloudtrail (CreateProject: the name is in the response) and
# panther-analysis aws_codebuild_made_public (UpdateProjectVisibility) records; API reference.
RULES = [
    on(
        CB,
        "CreateProject",
        PROJECT,
        CREATE,
        "requestParameters.name || responseElements.project.name",
    ),
    on(CB, "UpdateProject", PROJECT, UPDATE, "requestParameters.name"),
    on(CB, "UpdateProjectVisibility", PROJECT, UPDATE, "requestParameters.projectArn"),
    # Webhooks and resource policies belong to their project (policies may also name a report
    # group's ARN, which BY_ARN leaves out).
    on(
        CB,
        ("CreateWebhook", "UpdateWebhook", "DeleteWebhook"),
        PROJECT,
        UPDATE,
        "requestParameters.projectName",
    ),
    on(
        CB,
        ("PutResourcePolicy", "DeleteResourcePolicy"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
    on(CB, "DeleteProject", PROJECT, DELETE, "requestParameters.name"),
]

TERRAFORM = [
    tf("aws_codebuild_project", PROJECT, "name", "arn"),
    part_of("aws_codebuild_webhook", PROJECT, "project_name"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("codebuild",))
