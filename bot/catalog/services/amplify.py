"""AWS Amplify Hosting: apps (by the id Amplify makes; their branches, domain associations and
backend environments are parts of them) and webhooks (by id). Builds and deployments are
operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

AMPLIFY = "amplify.amazonaws.com"

APP = "AWS::Amplify::App"
WEBHOOK = "AWS::Amplify::Webhook"

TYPES = (
    ResourceType(APP, "id", "apps/"),
    ResourceType(WEBHOOK, "id", "webhooks/", cfn=False),
)
ARN_KINDS = {("amplify", "apps"): APP, ("amplify", "webhooks"): WEBHOOK}

APP_ID = "requestParameters.appId"

# Amplify API reference (REST JSON; the app id is a path parameter).
RULES = [
    *lifecycle(AMPLIFY, "App", APP, APP_ID, created="responseElements.app.appId"),
    on(
        AMPLIFY,
        (
            "CreateBranch",
            "UpdateBranch",
            "DeleteBranch",
            "CreateDomainAssociation",
            "UpdateDomainAssociation",
            "DeleteDomainAssociation",
            "CreateBackendEnvironment",
            "DeleteBackendEnvironment",
        ),
        APP,
        UPDATE,
        APP_ID,
    ),
    *lifecycle(
        AMPLIFY,
        "Webhook",
        WEBHOOK,
        "requestParameters.webhookId",
        created="responseElements.webhook.webhookId",
    ),
    on(AMPLIFY, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        AMPLIFY,
        "builds and deployments of an app's branches",
        "StartJob StopJob DeleteJob CreateDeployment StartDeployment GenerateAccessLogs",
    ),
]

TERRAFORM = [
    tf("aws_amplify_app", APP, "id", "arn"),
    *children(
        APP,
        "app_id",
        "aws_amplify_branch",
        "aws_amplify_domain_association",
        "aws_amplify_backend_environment",
    ),
    tf("aws_amplify_webhook", WEBHOOK, "id", "arn"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("amplify",)
)
