"""Transfer Family: servers, by the id Transfer makes. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

SERVER = "AWS::Transfer::Server"

TYPES = (ResourceType(SERVER, "id", "server/"),)

TERRAFORM = [
    tf("aws_transfer_server", SERVER, "id", "arn"),
]

SERVICE = Service(TYPES, terraform=TERRAFORM, models=("transfer",))
