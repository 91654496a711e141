"""AWS CodeArtifact: domains, by name; their repositories, package groups, external
connections and permissions policies are parts of them. Packages and their versions are
content, not configuration."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

CA = "codeartifact.amazonaws.com"

DOMAIN = "AWS::CodeArtifact::Domain"

TYPES = (ResourceType(DOMAIN, "name", "domain/"),)
ARN_KINDS = {("codeartifact", "domain"): DOMAIN}

NAME = "requestParameters.domain"

# CodeArtifact API reference (REST JSON; the domain and repository are query parameters).
RULES = [
    *lifecycle(CA, "Domain", DOMAIN, NAME, updates=()),
    on(
        CA,
        (
            "PutDomainPermissionsPolicy",
            "DeleteDomainPermissionsPolicy",
            "CreateRepository",
            "UpdateRepository",
            "DeleteRepository",
            "PutRepositoryPermissionsPolicy",
            "DeleteRepositoryPermissionsPolicy",
            "AssociateExternalConnection",
            "DisassociateExternalConnection",
            "CreatePackageGroup",
            "UpdatePackageGroup",
            "UpdatePackageGroupOriginConfiguration",
            "DeletePackageGroup",
        ),
        DOMAIN,
        UPDATE,
        NAME,
    ),
    on(CA, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        CA,
        "packages and their versions: a repository's content",
        """DeletePackage DeletePackageVersions DisposePackageVersions CopyPackageVersions
        UpdatePackageVersionsStatus PutPackageOriginConfiguration PublishPackageVersion""",
    ),
]

TERRAFORM = [
    tf("aws_codeartifact_domain", DOMAIN, "domain", "arn", "id"),
    *children(
        DOMAIN,
        "domain",
        "aws_codeartifact_repository",
        "aws_codeartifact_domain_permissions_policy",
        "aws_codeartifact_repository_permissions_policy",
    ),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("codeartifact",)
)
