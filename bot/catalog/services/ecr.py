"""ECR: repositories, their policies and settings, and registry-wide settings."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, tf

ECR = "ecr.amazonaws.com"

REPO = "AWS::ECR::Repository"
REGISTRY_POLICY = "AWS::ECR::RegistryPolicy"
REPLICATION_CONFIGURATION = "AWS::ECR::ReplicationConfiguration"
PULL_THROUGH_CACHE_RULE = "AWS::ECR::PullThroughCacheRule"
CREATION_TEMPLATE = "AWS::ECR::RepositoryCreationTemplate"
SCANNING_CONFIGURATION = "AWS::ECR::RegistryScanningConfiguration"
ACCOUNT_SETTING = "AWS::ECR::AccountSetting"
SIGNING_CONFIGURATION = "AWS::ECR::SigningConfiguration"

TYPES = (
    ResourceType(REPO, "name", "repository/"),
    ResourceType(REGISTRY_POLICY, "account"),
    ResourceType(REPLICATION_CONFIGURATION, "account"),
    ResourceType(PULL_THROUGH_CACHE_RULE, "name"),
    ResourceType(CREATION_TEMPLATE, "name"),
    ResourceType(SCANNING_CONFIGURATION, "account"),
    ResourceType(ACCOUNT_SETTING, "account", cfn=False),
    ResourceType(SIGNING_CONFIGURATION, "account", cfn=False),
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
    # Pull-through cache rules and repository creation templates, by repository prefix; the
    # registry's scanning and signing configuration and account settings (API reference).
    on(
        ECR,
        "CreatePullThroughCacheRule",
        PULL_THROUGH_CACHE_RULE,
        CREATE,
        "requestParameters.ecrRepositoryPrefix",
    ),
    on(
        ECR,
        "UpdatePullThroughCacheRule",
        PULL_THROUGH_CACHE_RULE,
        UPDATE,
        "requestParameters.ecrRepositoryPrefix",
    ),
    on(
        ECR,
        "DeletePullThroughCacheRule",
        PULL_THROUGH_CACHE_RULE,
        DELETE,
        "requestParameters.ecrRepositoryPrefix",
    ),
    on(
        ECR,
        "CreateRepositoryCreationTemplate",
        CREATION_TEMPLATE,
        CREATE,
        "requestParameters.prefix",
    ),
    on(
        ECR,
        "UpdateRepositoryCreationTemplate",
        CREATION_TEMPLATE,
        UPDATE,
        "requestParameters.prefix",
    ),
    on(
        ECR,
        "DeleteRepositoryCreationTemplate",
        CREATION_TEMPLATE,
        DELETE,
        "requestParameters.prefix",
    ),
    on(
        ECR,
        "PutRegistryScanningConfiguration",
        SCANNING_CONFIGURATION,
        UPDATE,
        "recipientAccountId",
    ),
    on(
        ECR,
        ("PutSigningConfiguration", "DeleteSigningConfiguration"),
        SIGNING_CONFIGURATION,
        UPDATE,
        "recipientAccountId",
    ),
    on(ECR, "PutAccountSetting", ACCOUNT_SETTING, UPDATE, "recipientAccountId"),
]

TERRAFORM = [
    tf("aws_ecr_repository", REPO, "name", "id", "arn"),
    *children(REPO, "repository", "aws_ecr_repository_policy", "aws_ecr_lifecycle_policy"),
    tf("aws_ecr_registry_policy", REGISTRY_POLICY, "registry_id", STATE_ACCOUNT),
    tf(
        "aws_ecr_replication_configuration", REPLICATION_CONFIGURATION, "registry_id", STATE_ACCOUNT
    ),
    tf("aws_ecr_pull_through_cache_rule", PULL_THROUGH_CACHE_RULE, "ecr_repository_prefix", "id"),
    tf("aws_ecr_repository_creation_template", CREATION_TEMPLATE, "prefix", "id"),
    tf(
        "aws_ecr_registry_scanning_configuration",
        SCANNING_CONFIGURATION,
        "registry_id",
        STATE_ACCOUNT,
    ),
    tf("aws_ecr_account_setting", ACCOUNT_SETTING, STATE_ACCOUNT),
]

OPERATIONAL = [
    ops(
        ECR,
        "image scans, lifecycle policy previews, replication backfills, image storage classes "
        "and pull-time exclusions act on images, not on the repository's configuration",
        """StartImageScan StartLifecyclePolicyPreview StartReplicationBackfill
        StopReplicationBackfill UpdateImageStorageClass RegisterPullTimeUpdateExclusion
        DeregisterPullTimeUpdateExclusion""",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("ecr",),
    unreachable={
        REPLICATION_CONFIGURATION: "one per registry: PutReplicationConfiguration replaces it, "
        "and there is no call that deletes it",
        SCANNING_CONFIGURATION: "one per registry: PutRegistryScanningConfiguration replaces it",
        ACCOUNT_SETTING: "an account-wide setting of the region, changed by PutAccountSetting",
        SIGNING_CONFIGURATION: "one per registry: Put/DeleteSigningConfiguration change it",
    },
)
