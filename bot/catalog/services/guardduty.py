"""GuardDuty: detectors, threat intel sets, IP sets and filters."""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

GD = "guardduty.amazonaws.com"
DETECTOR = "AWS::GuardDuty::Detector"

# streamalert critical-api-calls (UpdateDetector) and awsdocs amazon-guardduty-user-guide
# logging-using-cloudtrail (CreateThreatIntelSet) records; GuardDuty API reference.
on(GD, "CreateDetector", DETECTOR, CREATE, "responseElements.detectorId")
on(GD, "UpdateDetector", DETECTOR, UPDATE, "requestParameters.detectorId")
on(GD, "DeleteDetector", DETECTOR, DELETE, "requestParameters.detectorId")

INTEL = "AWS::GuardDuty::ThreatIntelSet"
on(GD, "CreateThreatIntelSet", INTEL, CREATE, "responseElements.threatIntelSetId")
on(GD, "UpdateThreatIntelSet", INTEL, UPDATE, "requestParameters.threatIntelSetId")
on(GD, "DeleteThreatIntelSet", INTEL, DELETE, "requestParameters.threatIntelSetId")

IP_SET = "AWS::GuardDuty::IPSet"
on(GD, "CreateIPSet", IP_SET, CREATE, "responseElements.ipSetId")
on(GD, "UpdateIPSet", IP_SET, UPDATE, "requestParameters.ipSetId")
on(GD, "DeleteIPSet", IP_SET, DELETE, "requestParameters.ipSetId")

FILTER = "AWS::GuardDuty::Filter"
on(GD, "CreateFilter", FILTER, CREATE, "responseElements.name || requestParameters.name")
on(GD, "UpdateFilter", FILTER, UPDATE, "requestParameters.filterName")
on(GD, "DeleteFilter", FILTER, DELETE, "requestParameters.filterName")

on(GD, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn")
