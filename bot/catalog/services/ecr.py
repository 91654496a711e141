"""ECR: repositories, their policies and settings, and registry-wide settings."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

ECR = "ecr.amazonaws.com"
REPO = "AWS::ECR::Repository"

# Repositories are named in every request. SetRepositoryPolicy checked against panther-analysis
# aws_resource_made_public and streamalert public-resources records; the rest against the ECR
# API reference. PutImage (an image push) is data, not configuration, and has no rule.
on(ECR, "CreateRepository", REPO, CREATE, "requestParameters.repositoryName")
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
)
on(ECR, "DeleteRepository", REPO, DELETE, "requestParameters.repositoryName")
on(ECR, ("TagResource", "UntagResource"), REPO, UPDATE, "requestParameters.resourceArn")

# Registry-wide settings, one per account and region.
on(
    ECR,
    ("PutRegistryPolicy", "DeleteRegistryPolicy"),
    "AWS::ECR::RegistryPolicy",
    UPDATE,
    "recipientAccountId",
)
on(
    ECR,
    "PutReplicationConfiguration",
    "AWS::ECR::ReplicationConfiguration",
    UPDATE,
    "recipientAccountId",
)
