"""CloudTrail itself: trails, their selectors and logging state, and Lake event data stores.

`name` and `trailName` hold a trail name or ARN; ARNs are normalised to the name.
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

CT = "cloudtrail.amazonaws.com"

TRAIL = "AWS::CloudTrail::Trail"
STORE = "AWS::CloudTrail::EventDataStore"

TYPES = (
    ResourceType(TRAIL, "name", "trail/"),
    ResourceType(STORE, "arn"),
)
ARN_KINDS = {
    ("cloudtrail", "trail"): TRAIL,
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
]

# Provider v5 moved the trail's `id` from its name to its ARN.
TERRAFORM = [
    tf("aws_cloudtrail", TRAIL, "name", "arn", "id"),
    tf("aws_cloudtrail_event_data_store", STORE, "arn", "id"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("cloudtrail",))
