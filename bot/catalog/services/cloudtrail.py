"""CloudTrail itself: trails, their selectors and logging state, and Lake event data stores.

`name` and `trailName` hold a trail name or ARN; ARNs are normalised to the name.
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

CT = "cloudtrail.amazonaws.com"
TRAIL = "AWS::CloudTrail::Trail"

# panther-analysis aws_cloudtrail_created / _stopped / _event_selectors_disabled /
# aws_security_configuration_change, stratus-red-team cloudtrail-* and awsdocs
# cloudtrail-event-reference records.
on(CT, "CreateTrail", TRAIL, CREATE, "requestParameters.name || responseElements.name")
on(
    CT,
    ("UpdateTrail", "StartLogging", "StopLogging"),
    TRAIL,
    UPDATE,
    "requestParameters.name",
)
on(
    CT,
    ("PutEventSelectors", "PutInsightSelectors"),
    TRAIL,
    UPDATE,
    "requestParameters.trailName",
)
on(CT, "DeleteTrail", TRAIL, DELETE, "requestParameters.name")
on(CT, ("AddTags", "RemoveTags"), TRAIL, UPDATE, "requestParameters.resourceId")

# CloudTrail Lake event data stores, by ARN (the request may hold the bare id instead).
STORE = "AWS::CloudTrail::EventDataStore"
on(CT, "CreateEventDataStore", STORE, CREATE, "responseElements.eventDataStoreArn")
on(
    CT,
    ("UpdateEventDataStore", "RestoreEventDataStore"),
    STORE,
    UPDATE,
    "responseElements.eventDataStoreArn || requestParameters.eventDataStore",
)
on(CT, "DeleteEventDataStore", STORE, DELETE, "requestParameters.eventDataStore")
