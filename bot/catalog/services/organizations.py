"""AWS Organizations (global): the organization, member accounts, OUs and policies."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, part_of, tf

ORGS = "organizations.amazonaws.com"

ORG = "AWS::Organizations::Organization"
ACCOUNT = "AWS::Organizations::Account"
OU = "AWS::Organizations::OrganizationalUnit"
POLICY = "AWS::Organizations::Policy"
RESOURCE_POLICY = "AWS::Organizations::ResourcePolicy"
ORG_SETTINGS = "AWS::Organizations::OrganizationSettings"

TYPES = (
    ResourceType(ORG, "id", is_global=True),
    ResourceType(ACCOUNT, "id", is_global=True),
    ResourceType(OU, "id", is_global=True),
    ResourceType(POLICY, "id", is_global=True),
    ResourceType(RESOURCE_POLICY, "id", is_global=True),
    # What the management account enables for the whole organization: policy types, trusted
    # services, delegated administrators, all features, the resource policy.
    ResourceType(ORG_SETTINGS, "account", is_global=True, cfn=False),
)

TAGS = ("TagResource", "UntagResource")
RID = "requestParameters.resourceId"

# awsdocs aws-organizations-docs orgs_security_incident-response records; API reference.
RULES = [
    on(ORGS, "CreateOrganization", ORG, CREATE, "responseElements.organization.id"),
    # An invitation changes the inviting organization (the account joins only on acceptance).
    on(
        ORGS,
        "InviteAccountToOrganization",
        ORG,
        UPDATE,
        "responseElements.handshake.parties[?type=='ORGANIZATION'].id",
    ),
    # CreateAccount usually answers IN_PROGRESS without the account id; AWS then logs a
    # CreateAccountResult service event whose status carries it.
    on(ORGS, "CreateAccount", ACCOUNT, CREATE, "responseElements.createAccountStatus.accountId"),
    on(
        ORGS,
        "CreateAccountResult",
        ACCOUNT,
        CREATE,
        "serviceEventDetails.createAccountStatus.accountId",
    ),
    on(ORGS, "MoveAccount", ACCOUNT, UPDATE, "requestParameters.accountId"),
    on(
        ORGS,
        ("CloseAccount", "RemoveAccountFromOrganization"),
        ACCOUNT,
        DELETE,
        "requestParameters.accountId",
    ),
    # Called by the member account itself: the account leaving is the caller's.
    on(ORGS, "LeaveOrganization", ACCOUNT, DELETE, "recipientAccountId"),
    on(ORGS, "CreateOrganizationalUnit", OU, CREATE, "responseElements.organizationalUnit.id"),
    on(ORGS, "UpdateOrganizationalUnit", OU, UPDATE, "requestParameters.organizationalUnitId"),
    on(ORGS, "DeleteOrganizationalUnit", OU, DELETE, "requestParameters.organizationalUnitId"),
    # Policies (SCPs, tag/backup policies); attachments are changes of the policy.
    on(ORGS, "CreatePolicy", POLICY, CREATE, "responseElements.policy.policySummary.id"),
    on(
        ORGS,
        ("UpdatePolicy", "AttachPolicy", "DetachPolicy"),
        POLICY,
        UPDATE,
        "requestParameters.policyId",
    ),
    on(ORGS, "DeletePolicy", POLICY, DELETE, "requestParameters.policyId"),
    # Tags: `resourceId` is an account id (digits), an OU (ou-…) or a policy (p-…).
    on(ORGS, TAGS, ACCOUNT, UPDATE, f"{RID} && !contains({RID}, '-') && {RID}"),
    on(ORGS, TAGS, OU, UPDATE, f"{RID} && starts_with({RID}, 'ou-') && {RID}"),
    on(ORGS, TAGS, POLICY, UPDATE, f"{RID} && starts_with({RID}, 'p-') && {RID}"),
    on(ORGS, "CreateOrganization", ORG_SETTINGS, CREATE, "recipientAccountId"),
    on(ORGS, "DeleteOrganization", ORG_SETTINGS, DELETE, "recipientAccountId"),
    on(
        ORGS,
        (
            "EnablePolicyType",
            "DisablePolicyType",
            "EnableAWSServiceAccess",
            "DisableAWSServiceAccess",
            "RegisterDelegatedAdministrator",
            "DeregisterDelegatedAdministrator",
            "EnableAllFeatures",
            "PutResourcePolicy",
            "DeleteResourcePolicy",
        ),
        ORG_SETTINGS,
        UPDATE,
        "recipientAccountId",
    ),
    on(
        ORGS,
        "CreateGovCloudAccount",
        ACCOUNT,
        CREATE,
        "responseElements.createAccountStatus.accountId",
    ),
]

TERRAFORM = [
    # The organization resource holds its enabled policy types and trusted services, which
    # the management account's calls change.
    tf(
        "aws_organizations_organization",
        ORG,
        "id",
        "arn",
        also=((ORG_SETTINGS, "master_account_id"),),
    ),
    tf("aws_organizations_account", ACCOUNT, "id"),
    tf("aws_organizations_organizational_unit", OU, "id"),
    tf("aws_organizations_policy", POLICY, "id"),
    part_of("aws_organizations_policy_attachment", POLICY, "policy_id"),
    part_of("aws_organizations_delegated_administrator", ORG_SETTINGS, STATE_ACCOUNT),
    part_of("aws_organizations_resource_policy", ORG_SETTINGS, STATE_ACCOUNT),
]

OPERATIONAL = [
    ops(
        ORGS,
        "handshakes are invitations and their answers (the organization's change is the "
        "invitation); responsibility transfers are billing arrangements between organizations",
        """AcceptHandshake DeclineHandshake CancelHandshake TerminateResponsibilityTransfer
        UpdateResponsibilityTransfer""",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    operational=OPERATIONAL,
    models=("organizations",),
    unreachable={
        ORG: "DeleteOrganization names no organization (it deletes the caller's): it is seen as "
        "the delete of the management account's OrganizationSettings, which the Terraform "
        "organization also owns",
    },
    not_in_models={
        "CreateAccountResult": "a service event Organizations logs when an account it was "
        "asked to create is ready (eventType AwsServiceEvent); it carries the new account's id",
    },
)
