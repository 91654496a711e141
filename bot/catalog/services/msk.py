"""Amazon MSK (Kafka): clusters, by ARN. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

CLUSTER = "AWS::MSK::Cluster"

TYPES = (ResourceType(CLUSTER, "arn"),)

TERRAFORM = [
    tf("aws_msk_cluster", CLUSTER, "arn", "id"),
]

SERVICE = Service(TYPES, terraform=TERRAFORM, models=("kafka",))
