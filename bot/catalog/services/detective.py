"""Detective: behavior graphs, by ARN. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service

GRAPH = "AWS::Detective::Graph"

TYPES = (ResourceType(GRAPH, "arn"),)

SERVICE = Service(TYPES, models=("detective",))
