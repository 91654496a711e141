"""CloudWatch Internet Monitor monitors, by name (the API's members are PascalCase)."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service

IM = "internetmonitor.amazonaws.com"

MONITOR = "AWS::InternetMonitor::Monitor"

TYPES = (ResourceType(MONITOR, "name", "monitor/"),)

# awsdocs amazon-cloudwatch-user-guide logging_cw_api_calls (CreateMonitor); API reference.
RULES = [
    on(IM, "CreateMonitor", MONITOR, CREATE, "requestParameters.MonitorName"),
    on(IM, "UpdateMonitor", MONITOR, UPDATE, "requestParameters.MonitorName"),
    on(IM, "DeleteMonitor", MONITOR, DELETE, "requestParameters.MonitorName"),
]

SERVICE = Service(TYPES, RULES, models=("internetmonitor",), casing="wire")
