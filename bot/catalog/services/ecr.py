"""ECR: repositories, their policies and settings, and registry-wide settings."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, tf

ECR = "ecr.amazonaws.com"

REPO = "AWS::ECR::Repository"
REGISTRY_POLICY = "AWS::ECR::RegistryPolicy"
REPLICATION_CONFIGURATION = "AWS::ECR::ReplicationConfiguration"

TYPES = (
    ResourceType(REPO, "name", "repository/"),
    ResourceType(REGISTRY_POLICY, "account"),
    ResourceType(REPLICATION_CONFIGURATION, "account"),
)
ARN_KINDS = {
    ("ecr", "repository"): REPO,
}

# Repositories are named in every request. SetRepositoryPolicy checked against panther-analysis
# aws_resource_made_public and streamalert public-resources records; the rest against the ECR
# API reference. PutImage (an image push) is data, not configuration, and has no rule.
RULES = [
    on(ECR, "CreateRepository", REPO, CREATE, "requestParameters.repositoryName"),
    on(
        ECR,
        (
            "SetRepositoryPolicy",
            "DeleteRepositoryPolicy",
            "PutLifecyclePolicy",
            "DeleteLifecyclePolicy",
            "PutImageTagMutability",
            "PutImageScanningConfiguration",
        ),
        REPO,
        UPDATE,
        "requestParameters.repositoryName",
    ),
    on(ECR, "DeleteRepository", REPO, DELETE, "requestParameters.repositoryName"),
    on(ECR, ("TagResource", "UntagResource"), REPO, UPDATE, "requestParameters.resourceArn"),
    # Registry-wide settings, one per account and region.
    on(ECR, "PutRegistryPolicy", REGISTRY_POLICY, CREATE, "recipientAccountId"),
    on(ECR, "DeleteRegistryPolicy", REGISTRY_POLICY, DELETE, "recipientAccountId"),
    on(
        ECR,
        "PutReplicationConfiguration",
        REPLICATION_CONFIGURATION,
        UPDATE,
        "recipientAccountId",
    ),
]

TERRAFORM = [
    tf("aws_ecr_repository", REPO, "name", "id", "arn"),
    *children(REPO, "repository", "aws_ecr_repository_policy", "aws_ecr_lifecycle_policy"),
    tf("aws_ecr_registry_policy", REGISTRY_POLICY, "registry_id", STATE_ACCOUNT),
    tf(
        "aws_ecr_replication_configuration", REPLICATION_CONFIGURATION, "registry_id", STATE_ACCOUNT
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    models=("ecr",),
    unreachable={
        REPLICATION_CONFIGURATION: "one per registry: PutReplicationConfiguration replaces it, "
        "and there is no call that deletes it",
    },
)
