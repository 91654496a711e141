"""EventBridge Scheduler: schedules, by name."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

SCHEDULER = "scheduler.amazonaws.com"

SCHEDULE = "AWS::Scheduler::Schedule"

TYPES = (ResourceType(SCHEDULE, "name", "schedule/"),)

# EventBridge Scheduler API reference (the name is a path parameter of every call).
RULES = [
    on(SCHEDULER, "CreateSchedule", SCHEDULE, CREATE, "requestParameters.name"),
    on(SCHEDULER, "UpdateSchedule", SCHEDULE, UPDATE, "requestParameters.name"),
    on(SCHEDULER, "DeleteSchedule", SCHEDULE, DELETE, "requestParameters.name"),
]

TERRAFORM = [
    tf("aws_scheduler_schedule", SCHEDULE, "name", "arn"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, models=("scheduler",))
