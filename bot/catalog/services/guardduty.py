"""GuardDuty: detectors, threat intel sets, IP sets and filters."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

GD = "guardduty.amazonaws.com"

DETECTOR = "AWS::GuardDuty::Detector"
INTEL = "AWS::GuardDuty::ThreatIntelSet"
IP_SET = "AWS::GuardDuty::IPSet"
FILTER = "AWS::GuardDuty::Filter"

TYPES = (
    ResourceType(DETECTOR, "id", "detector/"),
    ResourceType(INTEL, "id"),
    ResourceType(IP_SET, "id"),
    ResourceType(FILTER, "name"),
)
ARN_KINDS = {
    ("guardduty", "detector"): DETECTOR,
}

# streamalert critical-api-calls (UpdateDetector) and awsdocs amazon-guardduty-user-guide
# logging-using-cloudtrail (CreateThreatIntelSet) records; GuardDuty API reference.
RULES = [
    on(GD, "CreateDetector", DETECTOR, CREATE, "responseElements.detectorId"),
    on(GD, "UpdateDetector", DETECTOR, UPDATE, "requestParameters.detectorId"),
    on(GD, "DeleteDetector", DETECTOR, DELETE, "requestParameters.detectorId"),
    on(GD, "CreateThreatIntelSet", INTEL, CREATE, "responseElements.threatIntelSetId"),
    on(GD, "UpdateThreatIntelSet", INTEL, UPDATE, "requestParameters.threatIntelSetId"),
    on(GD, "DeleteThreatIntelSet", INTEL, DELETE, "requestParameters.threatIntelSetId"),
    on(GD, "CreateIPSet", IP_SET, CREATE, "responseElements.ipSetId"),
    on(GD, "UpdateIPSet", IP_SET, UPDATE, "requestParameters.ipSetId"),
    on(GD, "DeleteIPSet", IP_SET, DELETE, "requestParameters.ipSetId"),
    on(GD, "CreateFilter", FILTER, CREATE, "responseElements.name || requestParameters.name"),
    on(GD, "UpdateFilter", FILTER, UPDATE, "requestParameters.filterName"),
    on(GD, "DeleteFilter", FILTER, DELETE, "requestParameters.filterName"),
    on(GD, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_guardduty_detector", DETECTOR, "id", "arn"),
    *children(
        DETECTOR,
        "detector_id",
        "aws_guardduty_detector_feature",
        "aws_guardduty_ipset",
        "aws_guardduty_threatintelset",
        "aws_guardduty_publishing_destination",
    ),
    tf("aws_guardduty_filter", FILTER, "name"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("guardduty",))
