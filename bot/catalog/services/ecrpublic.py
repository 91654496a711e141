"""Amazon ECR Public: public repositories (by name; their policy and catalog data are parts of
them) and the registry's catalog data. Pushing images is operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

ECR_PUBLIC = "ecr-public.amazonaws.com"

REPOSITORY = "AWS::ECR::PublicRepository"

TYPES = (ResourceType(REPOSITORY, "name", "repository/"),)
ARN_KINDS = {("ecr-public", "repository"): REPOSITORY}

NAME = "requestParameters.repositoryName"

# ECR Public API reference (JSON: members lower-case first).
RULES = [
    *lifecycle(ECR_PUBLIC, "Repository", REPOSITORY, NAME, updates=()),
    on(
        ECR_PUBLIC,
        ("SetRepositoryPolicy", "DeleteRepositoryPolicy", "PutRepositoryCatalogData"),
        REPOSITORY,
        UPDATE,
        NAME,
    ),
    on(
        ECR_PUBLIC,
        ("TagResource", "UntagResource"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
]

OPERATIONAL = [
    ops(
        ECR_PUBLIC,
        "pushing and deleting images, and the registry's public profile",
        """PutImage InitiateLayerUpload UploadLayerPart CompleteLayerUpload BatchDeleteImage
        PutRegistryCatalogData""",
    ),
]

TERRAFORM = [
    tf("aws_ecrpublic_repository", REPOSITORY, "repository_name", "id", "arn"),
    *children(REPOSITORY, "repository_name", "aws_ecrpublic_repository_policy"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("ecr-public",)
)
