"""CloudTrail itself: trails, their selectors and logging state, and Lake event data stores.

`name` and `trailName` hold a trail name or ARN; ARNs are normalised to the name.
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, tf

CT = "cloudtrail.amazonaws.com"

TRAIL = "AWS::CloudTrail::Trail"
STORE = "AWS::CloudTrail::EventDataStore"
CHANNEL = "AWS::CloudTrail::Channel"
DASHBOARD = "AWS::CloudTrail::Dashboard"
DELEGATED_ADMIN = "AWS::CloudTrail::OrganizationDelegatedAdmin"

TYPES = (
    ResourceType(TRAIL, "name", "trail/"),
    ResourceType(STORE, "arn"),
    ResourceType(CHANNEL, "arn"),
    ResourceType(DASHBOARD, "arn"),
    ResourceType(DELEGATED_ADMIN, "account", cfn=False),
)
ARN_KINDS = {
    ("cloudtrail", "trail"): TRAIL,
    ("cloudtrail", "eventdatastore"): STORE,
    ("cloudtrail", "channel"): CHANNEL,
    ("cloudtrail", "dashboard"): DASHBOARD,
}

# panther-analysis aws_cloudtrail_created / _stopped / _event_selectors_disabled /
# aws_security_configuration_change, stratus-red-team cloudtrail-* and awsdocs
# cloudtrail-event-reference records.
RULES = [
    on(CT, "CreateTrail", TRAIL, CREATE, "requestParameters.name || responseElements.name"),
    on(
        CT,
        ("UpdateTrail", "StartLogging", "StopLogging"),
        TRAIL,
        UPDATE,
        "requestParameters.name",
    ),
    on(
        CT,
        ("PutEventSelectors", "PutInsightSelectors"),
        TRAIL,
        UPDATE,
        "requestParameters.trailName",
    ),
    on(CT, "DeleteTrail", TRAIL, DELETE, "requestParameters.name"),
    on(CT, ("AddTags", "RemoveTags"), TRAIL, UPDATE, "requestParameters.resourceId"),
    # CloudTrail Lake event data stores, by ARN (the request may hold the bare id instead).
    on(CT, "CreateEventDataStore", STORE, CREATE, "responseElements.eventDataStoreArn"),
    on(
        CT,
        ("UpdateEventDataStore", "RestoreEventDataStore"),
        STORE,
        UPDATE,
        "responseElements.eventDataStoreArn || requestParameters.eventDataStore",
    ),
    on(CT, "DeleteEventDataStore", STORE, DELETE, "requestParameters.eventDataStore"),
    # Channels (events from outside AWS into an event data store), Lake dashboards, resource
    # policies, federation and ingestion of event data stores, trail event configuration.
    on(CT, "CreateChannel", CHANNEL, CREATE, "responseElements.channelArn"),
    on(CT, "UpdateChannel", CHANNEL, UPDATE, "requestParameters.channel"),
    on(CT, "DeleteChannel", CHANNEL, DELETE, "requestParameters.channel"),
    on(CT, "CreateDashboard", DASHBOARD, CREATE, "responseElements.dashboardArn"),
    on(CT, "UpdateDashboard", DASHBOARD, UPDATE, "requestParameters.dashboardId"),
    on(CT, "DeleteDashboard", DASHBOARD, DELETE, "requestParameters.dashboardId"),
    on(
        CT,
        ("PutResourcePolicy", "DeleteResourcePolicy"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
    on(
        CT,
        (
            "EnableFederation",
            "DisableFederation",
            "StartEventDataStoreIngestion",
            "StopEventDataStoreIngestion",
        ),
        STORE,
        UPDATE,
        "requestParameters.eventDataStore",
    ),
    on(CT, "PutEventConfiguration", TRAIL, UPDATE, "requestParameters.trailName"),
    on(
        CT,
        "PutEventConfiguration",
        STORE,
        UPDATE,
        "requestParameters.eventDataStore",
    ),
    on(
        CT,
        ("RegisterOrganizationDelegatedAdmin", "DeregisterOrganizationDelegatedAdmin"),
        DELEGATED_ADMIN,
        UPDATE,
        "recipientAccountId",
    ),
]

OPERATIONAL = [
    ops(
        CT,
        "imports of past events into a Lake event data store and dashboard refreshes: data "
        "moved or queried, no configuration changed",
        "StartImport StopImport StartDashboardRefresh",
    ),
]

# Provider v5 moved the trail's `id` from its name to its ARN.
TERRAFORM = [
    tf("aws_cloudtrail", TRAIL, "name", "arn", "id"),
    tf("aws_cloudtrail_event_data_store", STORE, "arn", "id"),
    tf(
        "aws_cloudtrail_organization_delegated_admin_account",
        DELEGATED_ADMIN,
        STATE_ACCOUNT,
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("cloudtrail",),
    unreachable={
        DELEGATED_ADMIN: "the organization's delegated CloudTrail admin: a setting of the "
        "management account, changed by Register/DeregisterOrganizationDelegatedAdmin",
    },
)
