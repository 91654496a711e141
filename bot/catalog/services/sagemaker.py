"""SageMaker: notebook instances (by name) and domains (by id). No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

NOTEBOOK_INSTANCE = "AWS::SageMaker::NotebookInstance"
DOMAIN = "AWS::SageMaker::Domain"

TYPES = (
    ResourceType(NOTEBOOK_INSTANCE, "name", "notebook-instance/"),
    ResourceType(DOMAIN, "id", "domain/"),
)

TERRAFORM = [
    tf("aws_sagemaker_notebook_instance", NOTEBOOK_INSTANCE, "name", "id", "arn"),
]

SERVICE = Service(TYPES, terraform=TERRAFORM, models=("sagemaker",))
