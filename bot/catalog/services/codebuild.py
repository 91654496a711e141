"""CodeBuild projects, by name (ARNs are normalised to it)."""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

CB = "codebuild.amazonaws.com"
PROJECT = "AWS::CodeBuild::Project"

# awsdocs aws-codebuild-user-guide cloudtrail (CreateProject: the name is in the response) and
# panther-analysis aws_codebuild_made_public (UpdateProjectVisibility) records; API reference.
on(CB, "CreateProject", PROJECT, CREATE, "requestParameters.name || responseElements.project.name")
on(CB, "UpdateProject", PROJECT, UPDATE, "requestParameters.name")
on(CB, "UpdateProjectVisibility", PROJECT, UPDATE, "requestParameters.projectArn")
# Webhooks and resource policies belong to their project (policies may also name a report
# group's ARN, which BY_ARN leaves out).
on(
    CB,
    ("CreateWebhook", "UpdateWebhook", "DeleteWebhook"),
    PROJECT,
    UPDATE,
    "requestParameters.projectName",
)
on(
    CB,
    ("PutResourcePolicy", "DeleteResourcePolicy"),
    BY_ARN,
    UPDATE,
    "requestParameters.resourceArn",
)
on(CB, "DeleteProject", PROJECT, DELETE, "requestParameters.name")
