"""EventBridge Scheduler: schedules, by name."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

SCHEDULER = "scheduler.amazonaws.com"
SCHEDULE = "AWS::Scheduler::Schedule"

# EventBridge Scheduler API reference (the name is a path parameter of every call).
on(SCHEDULER, "CreateSchedule", SCHEDULE, CREATE, "requestParameters.name")
on(SCHEDULER, "UpdateSchedule", SCHEDULE, UPDATE, "requestParameters.name")
on(SCHEDULER, "DeleteSchedule", SCHEDULE, DELETE, "requestParameters.name")
