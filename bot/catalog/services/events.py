"""EventBridge: rules and their targets, event buses, archives, connections, API destinations.

Targets are managed with their rule (PutTargets/RemoveTargets are rule updates). PutRule creates
or replaces a rule and the record does not say which: it is an update.
"""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

EVENTS = "events.amazonaws.com"
RULE = "AWS::Events::Rule"
BUS = "AWS::Events::EventBus"

# Rules: awsdocs amazon-cloudwatch-user-guide logging_cw_api_calls (PutRule); API reference.
on(EVENTS, ("PutRule", "EnableRule", "DisableRule"), RULE, UPDATE, "requestParameters.name")
on(EVENTS, "DeleteRule", RULE, DELETE, "requestParameters.name")
on(EVENTS, ("PutTargets", "RemoveTargets"), RULE, UPDATE, "requestParameters.rule")

# Event buses; the permission calls default to the account's `default` bus.
on(EVENTS, "CreateEventBus", BUS, CREATE, "requestParameters.name")
on(EVENTS, "UpdateEventBus", BUS, UPDATE, "requestParameters.name")
on(EVENTS, "DeleteEventBus", BUS, DELETE, "requestParameters.name")
on(
    EVENTS,
    ("PutPermission", "RemovePermission"),
    BUS,
    UPDATE,
    "requestParameters.eventBusName || 'default'",
)

ARCHIVE = "AWS::Events::Archive"
on(EVENTS, "CreateArchive", ARCHIVE, CREATE, "requestParameters.archiveName")
on(EVENTS, "UpdateArchive", ARCHIVE, UPDATE, "requestParameters.archiveName")
on(EVENTS, "DeleteArchive", ARCHIVE, DELETE, "requestParameters.archiveName")

CONNECTION = "AWS::Events::Connection"
on(EVENTS, "CreateConnection", CONNECTION, CREATE, "requestParameters.name")
on(EVENTS, "UpdateConnection", CONNECTION, UPDATE, "requestParameters.name")
on(EVENTS, "DeleteConnection", CONNECTION, DELETE, "requestParameters.name")

API_DEST = "AWS::Events::ApiDestination"
on(EVENTS, "CreateApiDestination", API_DEST, CREATE, "requestParameters.name")
on(EVENTS, "UpdateApiDestination", API_DEST, UPDATE, "requestParameters.name")
on(EVENTS, "DeleteApiDestination", API_DEST, DELETE, "requestParameters.name")

# Tags take a rule or event bus ARN.
on(EVENTS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN")
