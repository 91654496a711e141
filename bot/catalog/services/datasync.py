"""DataSync: tasks, by ARN. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service

TASK = "AWS::DataSync::Task"

TYPES = (ResourceType(TASK, "arn"),)

SERVICE = Service(TYPES, models=("datasync",))
