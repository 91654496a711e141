"""Amazon Inspector: whether it scans an account (per account, enabled or disabled), its
account-wide settings, the organization's delegated admin and members, and finding filters
(by ARN). Scans and reports are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, tf

INSPECTOR = "inspector2.amazonaws.com"

ENABLER = "AWS::Inspector2::Enabler"
SETTINGS = "AWS::Inspector2::AccountSettings"
ORG_ADMIN = "AWS::Inspector2::DelegatedAdmin"
MEMBER = "AWS::Inspector2::Member"
FILTER = "AWS::InspectorV2::Filter"

TYPES = (
    ResourceType(ENABLER, "account", cfn=False),
    ResourceType(SETTINGS, "account", cfn=False),
    ResourceType(ORG_ADMIN, "account", cfn=False),
    ResourceType(MEMBER, "id", cfn=False),  # the member account's id
    ResourceType(FILTER, "arn"),
)
ARN_KINDS = {("inspector2", "owner"): FILTER}

ACCOUNT = "recipientAccountId"

# Inspector API reference (REST JSON, members lower-case first).
RULES = [
    on(INSPECTOR, "Enable", ENABLER, CREATE, ACCOUNT),
    on(INSPECTOR, "Disable", ENABLER, DELETE, ACCOUNT),
    on(
        INSPECTOR,
        (
            "UpdateConfiguration",
            "UpdateEc2DeepInspectionConfiguration",
            "UpdateOrgEc2DeepInspectionConfiguration",
            "UpdateEncryptionKey",
            "ResetEncryptionKey",
            "UpdateOrganizationConfiguration",
        ),
        SETTINGS,
        UPDATE,
        ACCOUNT,
    ),
    on(INSPECTOR, "EnableDelegatedAdminAccount", ORG_ADMIN, CREATE, ACCOUNT),
    on(INSPECTOR, "DisableDelegatedAdminAccount", ORG_ADMIN, DELETE, ACCOUNT),
    on(INSPECTOR, "AssociateMember", MEMBER, CREATE, "requestParameters.accountId"),
    on(INSPECTOR, "DisassociateMember", MEMBER, DELETE, "requestParameters.accountId"),
    on(INSPECTOR, "CreateFilter", FILTER, CREATE, "responseElements.arn"),
    on(INSPECTOR, "UpdateFilter", FILTER, UPDATE, "requestParameters.filterArn"),
    on(INSPECTOR, "DeleteFilter", FILTER, DELETE, "requestParameters.arn"),
    on(
        INSPECTOR,
        ("TagResource", "UntagResource"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
]

OPERATIONAL = [
    ops(
        INSPECTOR,
        "scans and the reports and exports of their findings",
        """StartOnDemandScan StartCodeSecurityScan CreateFindingsReport CancelFindingsReport
        CreateSbomExport CancelSbomExport StartCisSession StopCisSession SendCisSessionHealth
        SendCisSessionTelemetry""",
    ),
]

TERRAFORM = [
    tf("aws_inspector2_enabler", ENABLER, "account_ids", STATE_ACCOUNT),
    tf("aws_inspector2_organization_configuration", SETTINGS, STATE_ACCOUNT),
    tf("aws_inspector2_delegated_admin_account", ORG_ADMIN, "account_id", STATE_ACCOUNT),
    tf("aws_inspector2_member_association", MEMBER, "account_id", "id"),
    tf("aws_inspector2_filter", FILTER, "arn", "id"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("inspector2",),
    unreachable={SETTINGS: "account-wide settings: they always exist, nothing creates them"},
)
