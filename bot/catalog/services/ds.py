"""AWS Directory Service: directories (Simple AD, AD Connector, Managed Microsoft AD, hybrid),
by the `d-…` id it makes; their aliases, routes, regions, forwarders, log subscriptions,
event topics, certificates, settings, RADIUS, SSO, LDAPS and client authentication are parts of
them. Trusts and snapshots by their ids; schema extensions, assessments and domain-joined
computers are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

DS = "ds.amazonaws.com"

DIRECTORY = "AWS::DirectoryService::MicrosoftAD"
TRUST = "AWS::DirectoryService::Trust"
SNAPSHOT = "AWS::DirectoryService::Snapshot"

TYPES = (
    ResourceType(DIRECTORY, "id", "directory/"),
    ResourceType(TRUST, "id", cfn=False),
    ResourceType(SNAPSHOT, "id", cfn=False),
)
ARN_KINDS = {("ds", "directory"): DIRECTORY}

DIR_ID = "requestParameters.directoryId"

# Directory Service API reference (members lower-case first).
RULES = [
    on(
        DS,
        ("CreateDirectory", "CreateMicrosoftAD", "ConnectDirectory", "CreateHybridAD"),
        DIRECTORY,
        CREATE,
        "responseElements.directoryId",
    ),
    on(
        DS,
        (
            "CreateAlias",
            "AddIpRoutes",
            "RemoveIpRoutes",
            "AddRegion",
            "RemoveRegion",
            "CreateConditionalForwarder",
            "UpdateConditionalForwarder",
            "DeleteConditionalForwarder",
            "CreateLogSubscription",
            "DeleteLogSubscription",
            "RegisterEventTopic",
            "DeregisterEventTopic",
            "RegisterCertificate",
            "DeregisterCertificate",
            "UpdateSettings",
            "UpdateDirectorySetup",
            "UpdateNumberOfDomainControllers",
            "UpdateHybridAD",
            "EnableRadius",
            "UpdateRadius",
            "DisableRadius",
            "EnableSso",
            "DisableSso",
            "EnableLDAPS",
            "DisableLDAPS",
            "EnableClientAuthentication",
            "DisableClientAuthentication",
            "EnableCAEnrollmentPolicy",
            "DisableCAEnrollmentPolicy",
            "EnableDirectoryDataAccess",
            "DisableDirectoryDataAccess",
            "ShareDirectory",
            "UnshareDirectory",
        ),
        DIRECTORY,
        UPDATE,
        DIR_ID,
    ),
    on(DS, "DeleteDirectory", DIRECTORY, DELETE, DIR_ID),
    on(
        DS,
        ("AddTagsToResource", "RemoveTagsFromResource"),
        DIRECTORY,
        UPDATE,
        "requestParameters.resourceId",
    ),
    *lifecycle(
        DS,
        "Trust",
        TRUST,
        "requestParameters.trustId",
        created="responseElements.trustId",
    ),
    *lifecycle(
        DS,
        "Snapshot",
        SNAPSHOT,
        "requestParameters.snapshotId",
        created="responseElements.snapshotId",
        updates=(),
    ),
    on(DS, "RestoreFromSnapshot", SNAPSHOT, UPDATE, "requestParameters.snapshotId"),
]

OPERATIONAL = [
    ops(
        DS,
        "directory content and checks: domain-joined computers, schema extensions, "
        "assessments, trust verification",
        """CreateComputer StartSchemaExtension CancelSchemaExtension StartADAssessment
        DeleteADAssessment VerifyTrust ResetUserPassword AcceptSharedDirectory
        RejectSharedDirectory""",
    ),
]

TERRAFORM = [
    tf("aws_directory_service_directory", DIRECTORY, "id"),
    *children(
        DIRECTORY,
        "directory_id",
        "aws_directory_service_conditional_forwarder",
        "aws_directory_service_log_subscription",
        "aws_directory_service_region",
        "aws_directory_service_radius_settings",
        "aws_directory_service_shared_directory",
    ),
    tf("aws_directory_service_trust", TRUST, "id"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("ds",)
)
