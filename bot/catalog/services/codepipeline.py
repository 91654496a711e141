"""CodePipeline: pipelines, by name. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

PIPELINE = "AWS::CodePipeline::Pipeline"

TYPES = (ResourceType(PIPELINE, "name"),)

TERRAFORM = [
    tf("aws_codepipeline", PIPELINE, "name", "id"),
]

SERVICE = Service(TYPES, terraform=TERRAFORM, models=("codepipeline",))
