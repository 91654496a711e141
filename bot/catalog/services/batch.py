"""AWS Batch: compute environments and job queues, by ARN. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

COMPUTE_ENVIRONMENT = "AWS::Batch::ComputeEnvironment"
JOB_QUEUE = "AWS::Batch::JobQueue"

TYPES = (
    ResourceType(COMPUTE_ENVIRONMENT, "arn"),
    ResourceType(JOB_QUEUE, "arn"),
)

TERRAFORM = [
    tf("aws_batch_compute_environment", COMPUTE_ENVIRONMENT, "arn"),
    tf("aws_batch_job_queue", JOB_QUEUE, "arn"),
]

SERVICE = Service(TYPES, terraform=TERRAFORM, models=("batch",))
