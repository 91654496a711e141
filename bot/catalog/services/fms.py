"""Firewall Manager: policies, by the id FMS makes. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service

POLICY = "AWS::FMS::Policy"

TYPES = (ResourceType(POLICY, "id"),)

SERVICE = Service(TYPES, models=("fms",))
