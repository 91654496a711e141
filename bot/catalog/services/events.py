"""EventBridge: rules and their targets, event buses, archives, connections, API destinations.

Targets are managed with their rule (PutTargets/RemoveTargets are rule updates). PutRule creates
or replaces a rule and the record does not say which: it is an update.
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

EVENTS = "events.amazonaws.com"

RULE = "AWS::Events::Rule"
BUS = "AWS::Events::EventBus"
ARCHIVE = "AWS::Events::Archive"
CONNECTION = "AWS::Events::Connection"
API_DEST = "AWS::Events::ApiDestination"
ENDPOINT = "AWS::Events::Endpoint"

TYPES = (
    ResourceType(RULE, "name", "rule/"),
    ResourceType(BUS, "name", "event-bus/"),
    ResourceType(ARCHIVE, "name", "archive/"),
    ResourceType(CONNECTION, "name", "connection/"),
    ResourceType(API_DEST, "name", "api-destination/"),
    ResourceType(ENDPOINT, "name", "endpoint/", is_global=True),
)
ARN_KINDS = {
    ("events", "rule"): RULE,
    ("events", "event-bus"): BUS,
}

# Rules: awsdocs amazon-cloudwatch-user-guide logging_cw_api_calls (PutRule); API reference.
RULES = [
    on(EVENTS, "PutRule", RULE, CREATE, "requestParameters.name"),
    on(EVENTS, ("EnableRule", "DisableRule"), RULE, UPDATE, "requestParameters.name"),
    on(EVENTS, "DeleteRule", RULE, DELETE, "requestParameters.name"),
    on(EVENTS, ("PutTargets", "RemoveTargets"), RULE, UPDATE, "requestParameters.rule"),
    # Event buses; the permission calls default to the account's `default` bus.
    on(EVENTS, "CreateEventBus", BUS, CREATE, "requestParameters.name"),
    on(EVENTS, "UpdateEventBus", BUS, UPDATE, "requestParameters.name"),
    on(EVENTS, "DeleteEventBus", BUS, DELETE, "requestParameters.name"),
    on(
        EVENTS,
        ("PutPermission", "RemovePermission"),
        BUS,
        UPDATE,
        "requestParameters.eventBusName || 'default'",
    ),
    on(EVENTS, "CreateArchive", ARCHIVE, CREATE, "requestParameters.archiveName"),
    on(EVENTS, "UpdateArchive", ARCHIVE, UPDATE, "requestParameters.archiveName"),
    on(EVENTS, "DeleteArchive", ARCHIVE, DELETE, "requestParameters.archiveName"),
    on(EVENTS, "CreateConnection", CONNECTION, CREATE, "requestParameters.name"),
    on(EVENTS, "UpdateConnection", CONNECTION, UPDATE, "requestParameters.name"),
    on(EVENTS, "DeleteConnection", CONNECTION, DELETE, "requestParameters.name"),
    on(EVENTS, "CreateApiDestination", API_DEST, CREATE, "requestParameters.name"),
    on(EVENTS, "UpdateApiDestination", API_DEST, UPDATE, "requestParameters.name"),
    on(EVENTS, "DeleteApiDestination", API_DEST, DELETE, "requestParameters.name"),
    # Tags take a rule or event bus ARN.
    on(EVENTS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN"),
    # Global endpoints; a partner event source turned on or off is its event bus's change
    # (the bus has the source's name) (API reference).
    on(EVENTS, "CreateEndpoint", ENDPOINT, CREATE, "requestParameters.name"),
    on(EVENTS, "UpdateEndpoint", ENDPOINT, UPDATE, "requestParameters.name"),
    on(EVENTS, "DeleteEndpoint", ENDPOINT, DELETE, "requestParameters.name"),
    on(
        EVENTS,
        ("ActivateEventSource", "DeactivateEventSource"),
        BUS,
        UPDATE,
        "requestParameters.name",
    ),
]

# Rule ids are `BUS|NAME` on custom buses; the name comes first.
TERRAFORM = [
    tf("aws_cloudwatch_event_rule", RULE, "name", "arn"),
    part_of("aws_cloudwatch_event_target", RULE, "rule"),
    tf("aws_cloudwatch_event_bus", BUS, "name", "arn"),
    *children(
        BUS, "event_bus_name", "aws_cloudwatch_event_bus_policy", "aws_cloudwatch_event_permission"
    ),
    tf("aws_cloudwatch_event_archive", ARCHIVE, "name", "arn"),
    tf("aws_cloudwatch_event_connection", CONNECTION, "name", "arn"),
    tf("aws_cloudwatch_event_api_destination", API_DEST, "name", "arn"),
    tf("aws_cloudwatch_event_endpoint", ENDPOINT, "name", "arn"),
]

OPERATIONAL = [
    ops(
        EVENTS,
        "events sent, partner event sources made by SaaS partners, archived events replayed: "
        "data, not configuration",
        """PutEvents PutPartnerEvents CreatePartnerEventSource DeletePartnerEventSource
        StartReplay CancelReplay""",
    ),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("events",)
)
