"""GuardDuty: detectors, threat intel sets, IP sets and filters."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

GD = "guardduty.amazonaws.com"

DETECTOR = "AWS::GuardDuty::Detector"
INTEL = "AWS::GuardDuty::ThreatIntelSet"
IP_SET = "AWS::GuardDuty::IPSet"
FILTER = "AWS::GuardDuty::Filter"
MALWARE_PLAN = "AWS::GuardDuty::MalwareProtectionPlan"
THREAT_ENTITY_SET = "AWS::GuardDuty::ThreatEntitySet"
TRUSTED_ENTITY_SET = "AWS::GuardDuty::TrustedEntitySet"
ADMIN_ACCOUNT = "AWS::GuardDuty::OrganizationAdminAccount"

TYPES = (
    ResourceType(DETECTOR, "id", "detector/"),
    ResourceType(INTEL, "id"),
    ResourceType(IP_SET, "id"),
    ResourceType(FILTER, "name"),
    ResourceType(MALWARE_PLAN, "id", "malware-protection-plan/"),
    ResourceType(THREAT_ENTITY_SET, "id"),
    ResourceType(TRUSTED_ENTITY_SET, "id"),
    ResourceType(ADMIN_ACCOUNT, "id", cfn=False),
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
    # Publishing destinations, members and the administrator link, organization settings
    # and malware scan settings are parts of the detector (API reference).
    on(
        GD,
        (
            "CreatePublishingDestination",
            "UpdatePublishingDestination",
            "DeletePublishingDestination",
            "CreateMembers",
            "DeleteMembers",
            "DisassociateMembers",
            "StartMonitoringMembers",
            "StopMonitoringMembers",
            "UpdateMemberDetectors",
            "AcceptAdministratorInvitation",
            "AcceptInvitation",
            "DisassociateFromAdministratorAccount",
            "DisassociateFromMasterAccount",
            "UpdateOrganizationConfiguration",
            "UpdateMalwareScanSettings",
        ),
        DETECTOR,
        UPDATE,
        "requestParameters.detectorId",
    ),
    on(
        GD,
        "EnableOrganizationAdminAccount",
        ADMIN_ACCOUNT,
        CREATE,
        "requestParameters.adminAccountId",
    ),
    on(
        GD,
        "DisableOrganizationAdminAccount",
        ADMIN_ACCOUNT,
        DELETE,
        "requestParameters.adminAccountId",
    ),
    # Malware Protection for S3 plans; threat and trusted entity sets (2025).
    on(
        GD,
        "CreateMalwareProtectionPlan",
        MALWARE_PLAN,
        CREATE,
        "responseElements.malwareProtectionPlanId",
    ),
    on(
        GD,
        "UpdateMalwareProtectionPlan",
        MALWARE_PLAN,
        UPDATE,
        "requestParameters.malwareProtectionPlanId",
    ),
    on(
        GD,
        "DeleteMalwareProtectionPlan",
        MALWARE_PLAN,
        DELETE,
        "requestParameters.malwareProtectionPlanId",
    ),
    on(
        GD, "CreateThreatEntitySet", THREAT_ENTITY_SET, CREATE, "responseElements.threatEntitySetId"
    ),
    on(
        GD,
        "UpdateThreatEntitySet",
        THREAT_ENTITY_SET,
        UPDATE,
        "requestParameters.threatEntitySetId",
    ),
    on(
        GD,
        "DeleteThreatEntitySet",
        THREAT_ENTITY_SET,
        DELETE,
        "requestParameters.threatEntitySetId",
    ),
    on(
        GD,
        "CreateTrustedEntitySet",
        TRUSTED_ENTITY_SET,
        CREATE,
        "responseElements.trustedEntitySetId",
    ),
    on(
        GD,
        "UpdateTrustedEntitySet",
        TRUSTED_ENTITY_SET,
        UPDATE,
        "requestParameters.trustedEntitySetId",
    ),
    on(
        GD,
        "DeleteTrustedEntitySet",
        TRUSTED_ENTITY_SET,
        DELETE,
        "requestParameters.trustedEntitySetId",
    ),
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
    *children(
        DETECTOR,
        "detector_id",
        "aws_guardduty_member",
        "aws_guardduty_invite_accepter",
        "aws_guardduty_organization_configuration",
        "aws_guardduty_organization_configuration_feature",
    ),
    tf("aws_guardduty_organization_admin_account", ADMIN_ACCOUNT, "admin_account_id", "id"),
    tf("aws_guardduty_malware_protection_plan", MALWARE_PLAN, "id", "arn"),
]

OPERATIONAL = [
    ops(
        GD,
        "work on findings: sample findings, feedback, investigations, on-demand malware scans, "
        "invitations deleted",
        """CreateSampleFindings UpdateFindingsFeedback CreateInvestigation StartMalwareScan
        DeleteInvitations""",
    ),
    ops(
        GD,
        "custom detection rules and their associations (2025) have no IaC type yet",
        """CreateCustomDetectionRuleAssociation UpdateCustomDetectionRuleAssociation
        DeleteCustomDetectionRuleAssociation CreateCustomDetectionRuleOrgConfiguration
        UpdateCustomDetectionRuleOrgConfiguration DeleteCustomDetectionRuleOrgConfiguration""",
    ),
    ops(GD, "invitations declined: nothing joins", "DeclineInvitations"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("guardduty",)
)
