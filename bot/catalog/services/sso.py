"""IAM Identity Center (`sso.amazonaws.com`, and the identity store): permission sets, by ARN
(their policies, boundary and the account assignments made with them are parts of them),
applications and trusted token issuers by ARN, the Identity Center instance, and the identity
store's groups, users and group memberships by the ids it makes.

The access portal's own calls (signing in, getting role credentials) are logged under the
same source and are operational.
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

SSO = "sso.amazonaws.com"
STORE = "identitystore.amazonaws.com"

PERMISSION_SET = "AWS::SSO::PermissionSet"
ASSIGNMENT = "AWS::SSO::Assignment"
APPLICATION = "AWS::SSO::Application"
INSTANCE = "AWS::SSO::Instance"
TOKEN_ISSUER = "AWS::SSO::TrustedTokenIssuer"  # noqa: S105 (a type name)
GROUP = "AWS::IdentityStore::Group"
USER = "AWS::IdentityStore::User"
MEMBERSHIP = "AWS::IdentityStore::GroupMembership"

TYPES = (
    ResourceType(PERMISSION_SET, "arn", is_global=True),
    ResourceType(ASSIGNMENT, "id"),
    ResourceType(APPLICATION, "arn", is_global=True),
    ResourceType(INSTANCE, "arn", is_global=True),
    ResourceType(TOKEN_ISSUER, "arn", is_global=True),
    ResourceType(GROUP, "id", cfn=False),
    ResourceType(USER, "id", cfn=False),
    ResourceType(MEMBERSHIP, "id", cfn=False),
)
ARN_KINDS = {
    ("sso", "permissionSet"): PERMISSION_SET,
    ("sso", "application"): APPLICATION,
    ("sso", "instance"): INSTANCE,
    ("sso", "trustedTokenIssuer"): TOKEN_ISSUER,
}

PS = "requestParameters.permissionSetArn"
APP = "requestParameters.applicationArn"
INST = "requestParameters.instanceArn"

# IAM Identity Center (sso-admin) and identity store API references (JSON: members lower-case
# first).
RULES = [
    on(
        SSO,
        "CreatePermissionSet",
        PERMISSION_SET,
        CREATE,
        "responseElements.permissionSet.permissionSetArn",
    ),
    on(
        SSO,
        (
            "UpdatePermissionSet",
            "AttachManagedPolicyToPermissionSet",
            "DetachManagedPolicyFromPermissionSet",
            "AttachCustomerManagedPolicyReferenceToPermissionSet",
            "DetachCustomerManagedPolicyReferenceFromPermissionSet",
            "PutInlinePolicyToPermissionSet",
            "DeleteInlinePolicyFromPermissionSet",
            "PutPermissionsBoundaryToPermissionSet",
            "DeletePermissionsBoundaryFromPermissionSet",
            "ProvisionPermissionSet",
            "CreateAccountAssignment",
            "DeleteAccountAssignment",
        ),
        PERMISSION_SET,
        UPDATE,
        PS,
    ),
    on(SSO, "DeletePermissionSet", PERMISSION_SET, DELETE, PS),
    *lifecycle(SSO, "Application", APPLICATION, APP, created="responseElements.applicationArn"),
    on(
        SSO,
        (
            "CreateApplicationAssignment",
            "DeleteApplicationAssignment",
            "PutApplicationAccessScope",
            "DeleteApplicationAccessScope",
            "PutApplicationAssignmentConfiguration",
            "PutApplicationAuthenticationMethod",
            "DeleteApplicationAuthenticationMethod",
            "PutApplicationGrant",
            "DeleteApplicationGrant",
            "PutApplicationSessionConfiguration",
        ),
        APPLICATION,
        UPDATE,
        APP,
    ),
    *lifecycle(SSO, "Instance", INSTANCE, INST, created="responseElements.instanceArn"),
    on(
        SSO,
        (
            "CreateInstanceAccessControlAttributeConfiguration",
            "UpdateInstanceAccessControlAttributeConfiguration",
            "DeleteInstanceAccessControlAttributeConfiguration",
            "AddRegion",
            "RemoveRegion",
        ),
        INSTANCE,
        UPDATE,
        INST,
    ),
    *lifecycle(
        SSO,
        "TrustedTokenIssuer",
        TOKEN_ISSUER,
        "requestParameters.trustedTokenIssuerArn",
        created="responseElements.trustedTokenIssuerArn",
    ),
    on(SSO, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
    on(STORE, "CreateGroup", GROUP, CREATE, "responseElements.groupId"),
    on(STORE, "UpdateGroup", GROUP, UPDATE, "requestParameters.groupId"),
    on(STORE, "DeleteGroup", GROUP, DELETE, "requestParameters.groupId"),
    on(STORE, "CreateUser", USER, CREATE, "responseElements.userId"),
    on(STORE, "UpdateUser", USER, UPDATE, "requestParameters.userId"),
    on(STORE, "DeleteUser", USER, DELETE, "requestParameters.userId"),
    on(STORE, "CreateGroupMembership", MEMBERSHIP, CREATE, "responseElements.membershipId"),
    on(STORE, "DeleteGroupMembership", MEMBERSHIP, DELETE, "requestParameters.membershipId"),
]

OPERATIONAL = [
    ops(
        SSO,
        "the access portal's sign-in and credential calls, logged under the same source",
        "Federate Authenticate Logout GetRoleCredentials CreateToken",
    ),
]

TERRAFORM = [
    tf("aws_ssoadmin_permission_set", PERMISSION_SET, "arn", "id"),
    *children(
        PERMISSION_SET,
        "permission_set_arn",
        "aws_ssoadmin_account_assignment",
        "aws_ssoadmin_managed_policy_attachment",
        "aws_ssoadmin_customer_managed_policy_attachment",
        "aws_ssoadmin_permission_set_inline_policy",
        "aws_ssoadmin_permissions_boundary_attachment",
    ),
    tf("aws_ssoadmin_application", APPLICATION, "application_arn", "arn", "id"),
    *children(
        APPLICATION,
        "application_arn",
        "aws_ssoadmin_application_assignment",
        "aws_ssoadmin_application_assignment_configuration",
        "aws_ssoadmin_application_access_scope",
    ),
    *children(INSTANCE, "instance_arn", "aws_ssoadmin_instance_access_control_attributes"),
    tf("aws_ssoadmin_trusted_token_issuer", TOKEN_ISSUER, "arn", "id"),
    tf("aws_identitystore_group", GROUP, "group_id"),
    tf("aws_identitystore_user", USER, "user_id"),
    tf("aws_identitystore_group_membership", MEMBERSHIP, "membership_id"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("sso-admin", "identitystore"),
    not_in_models={
        name: "a sign-in event of the access portal, which no admin API has"
        for name in ("Federate", "Authenticate", "Logout", "GetRoleCredentials", "CreateToken")
    },
    unreachable={
        ASSIGNMENT: "kept for states that name it; account assignments are changes of "
        "their permission set (CreateAccountAssignment)",
    },
)
