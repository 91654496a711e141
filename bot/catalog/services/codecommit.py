"""CodeCommit: repositories, by name. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

REPOSITORY = "AWS::CodeCommit::Repository"

TYPES = (ResourceType(REPOSITORY, "name"),)

TERRAFORM = [
    tf("aws_codecommit_repository", REPOSITORY, "repository_name"),
]

SERVICE = Service(TYPES, terraform=TERRAFORM, models=("codecommit",))
