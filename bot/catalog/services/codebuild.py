"""CodeBuild projects, by name (ARNs are normalised to it)."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import part_of, tf

CB = "codebuild.amazonaws.com"

PROJECT = "AWS::CodeBuild::Project"
REPORT_GROUP = "AWS::CodeBuild::ReportGroup"
FLEET = "AWS::CodeBuild::Fleet"
SOURCE_CREDENTIAL = "AWS::CodeBuild::SourceCredential"

TYPES = (
    ResourceType(PROJECT, "name", "project/"),
    ResourceType(REPORT_GROUP, "arn"),
    ResourceType(FLEET, "arn"),
    ResourceType(SOURCE_CREDENTIAL, "arn"),
)
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
    # Report groups (named at creation, by ARN after), compute fleets, source credentials
    # (API reference).
    on(CB, "CreateReportGroup", REPORT_GROUP, CREATE, "responseElements.reportGroup.arn"),
    on(CB, "UpdateReportGroup", REPORT_GROUP, UPDATE, "requestParameters.arn"),
    on(CB, "DeleteReportGroup", REPORT_GROUP, DELETE, "requestParameters.arn"),
    on(CB, "CreateFleet", FLEET, CREATE, "responseElements.fleet.arn"),
    on(CB, "UpdateFleet", FLEET, UPDATE, "requestParameters.arn"),
    on(CB, "DeleteFleet", FLEET, DELETE, "requestParameters.arn"),
    on(CB, "ImportSourceCredentials", SOURCE_CREDENTIAL, CREATE, "responseElements.arn"),
    on(CB, "DeleteSourceCredentials", SOURCE_CREDENTIAL, DELETE, "requestParameters.arn"),
]

TERRAFORM = [
    tf("aws_codebuild_project", PROJECT, "name", "arn"),
    part_of("aws_codebuild_webhook", PROJECT, "project_name"),
    tf("aws_codebuild_report_group", REPORT_GROUP, "arn", "id"),
    tf("aws_codebuild_fleet", FLEET, "arn", "id"),
    tf("aws_codebuild_source_credential", SOURCE_CREDENTIAL, "arn", "id"),
]

OPERATIONAL = [
    ops(
        CB,
        "build batches, reports and sandboxes are runs of a project, not its configuration",
        """StartBuildBatch StopBuildBatch DeleteBuildBatch DeleteReport StartSandbox
        StopSandbox StartSandboxConnection StartCommandExecution""",
    ),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("codebuild",)
)
