"""IAM (global; events land in us-east-1). Requests name roles, users, groups and instance
profiles by name, managed policies and identity providers by ARN.

Inline and attached policies, permissions boundaries, tags, login profiles and MFA devices
are parts of their role, user or group: changing them is an update of that principal.
"""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, part_of, tf

IAM = "iam.amazonaws.com"

ROLE = "AWS::IAM::Role"
USER = "AWS::IAM::User"
GROUP = "AWS::IAM::Group"
PROFILE = "AWS::IAM::InstanceProfile"
SLR = "AWS::IAM::ServiceLinkedRole"
POLICY = "AWS::IAM::ManagedPolicy"
OIDC = "AWS::IAM::OIDCProvider"
SAML = "AWS::IAM::SAMLProvider"
VIRTUAL_MFA_DEVICE = "AWS::IAM::VirtualMFADevice"
SERVER_CERTIFICATE = "AWS::IAM::ServerCertificate"
ACCESS_KEY = "AWS::IAM::AccessKey"
ACCOUNT_PASSWORD_POLICY = "AWS::IAM::AccountPasswordPolicy"  # noqa: S105 (a type name)
ACCOUNT_ALIAS = "AWS::IAM::AccountAlias"
ORGANIZATIONS_FEATURES = "AWS::IAM::OrganizationsFeatures"
STS_PREFERENCES = "AWS::IAM::SecurityTokenServicePreferences"
OUTBOUND_FEDERATION = "AWS::IAM::OutboundWebIdentityFederation"


def _without_path(arn: Arn) -> str:
    """IAM ARNs carry paths (`role/service-role/NAME`): the name is the last segment."""
    return arn.resource.split(":", 1)[0].rsplit("/", 1)[-1]


# Global: roles, users and groups by name; managed policies and providers by ARN.
TYPES = (
    ResourceType(ROLE, "name", "role/", is_global=True),
    ResourceType(USER, "name", "user/", is_global=True),
    ResourceType(GROUP, "name", "group/", is_global=True),
    ResourceType(PROFILE, "name", "instance-profile/", is_global=True),
    ResourceType(SLR, "name", "role/", is_global=True),
    ResourceType(POLICY, "arn", is_global=True),
    ResourceType(OIDC, "arn", is_global=True),
    ResourceType(SAML, "arn", is_global=True),
    ResourceType(VIRTUAL_MFA_DEVICE, "arn", is_global=True),
    ResourceType(SERVER_CERTIFICATE, "name", "server-certificate/", is_global=True),
    ResourceType(ACCESS_KEY, "id", is_global=True),
    ResourceType(ACCOUNT_PASSWORD_POLICY, "account", is_global=True, cfn=False),
    ResourceType(ACCOUNT_ALIAS, "account", is_global=True, cfn=False),
    ResourceType(ORGANIZATIONS_FEATURES, "account", is_global=True, cfn=False),
    ResourceType(STS_PREFERENCES, "account", is_global=True, cfn=False),
    ResourceType(OUTBOUND_FEDERATION, "account", is_global=True, cfn=False),
)
ARN_KINDS = {
    ("iam", "role"): ROLE,
    ("iam", "user"): USER,
    ("iam", "group"): GROUP,
    ("iam", "policy"): POLICY,
    ("iam", "instance-profile"): PROFILE,
    ("iam", "oidc-provider"): OIDC,
    ("iam", "saml-provider"): SAML,
}

# Roles: CreateRole and AttachRolePolicy checked against stratus-red-team and panther-analysis
# records, UpdateAssumeRolePolicy against stratus-red-team; the rest follow the IAM API
# reference (every role call takes RoleName, logged as `roleName`).
RULES = [
    on(IAM, "CreateRole", ROLE, CREATE, "requestParameters.roleName"),
    on(IAM, "DeleteRole", ROLE, DELETE, "requestParameters.roleName"),
    on(
        IAM,
        (
            "UpdateRole",
            "UpdateRoleDescription",
            "UpdateAssumeRolePolicy",
            "TagRole",
            "UntagRole",
            "PutRolePermissionsBoundary",
            "DeleteRolePermissionsBoundary",
            "PutRolePolicy",
            "DeleteRolePolicy",
            "AttachRolePolicy",
            "DetachRolePolicy",
        ),
        ROLE,
        UPDATE,
        "requestParameters.roleName",
    ),
    # Service-linked roles: the name is made by IAM and only in the response.
    # https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceLinkedRole.html
    on(IAM, "CreateServiceLinkedRole", SLR, CREATE, "responseElements.role.roleName"),
    on(IAM, "DeleteServiceLinkedRole", SLR, DELETE, "requestParameters.roleName"),
    # Users: CreateUser, AttachUserPolicy, PutUserPolicy, Create/UpdateLoginProfile checked
    # against stratus-red-team and panther-analysis records; the rest follow the IAM API reference.
    on(IAM, "CreateUser", USER, CREATE, "requestParameters.userName"),
    on(IAM, "DeleteUser", USER, DELETE, "requestParameters.userName"),
    on(
        IAM,
        (
            "UpdateUser",
            "TagUser",
            "UntagUser",
            "PutUserPolicy",
            "DeleteUserPolicy",
            "AttachUserPolicy",
            "DetachUserPolicy",
            "PutUserPermissionsBoundary",
            "DeleteUserPermissionsBoundary",
            "CreateLoginProfile",
            "UpdateLoginProfile",
            "DeleteLoginProfile",
        ),
        USER,
        UPDATE,
        "requestParameters.userName",
    ),
    # MFA devices: a change of the user they belong to (the root user shows up as
    # `AWS ROOT USER`, which is no IAM user), and of the virtual device when the serial number is
    # its ARN (hardware devices have plain serial numbers). Checked against the CloudTrail user
    # guide's EnableMFADevice example.
    on(
        IAM,
        ("EnableMFADevice", "DeactivateMFADevice"),
        USER,
        UPDATE,
        "[requestParameters.userName][?@ != 'AWS ROOT USER']",
    ),
    on(
        IAM,
        ("EnableMFADevice", "DeactivateMFADevice"),
        VIRTUAL_MFA_DEVICE,
        UPDATE,
        "[requestParameters.serialNumber][?@ && starts_with(@, 'arn:')]",
    ),
    on(
        IAM,
        "CreateVirtualMFADevice",
        VIRTUAL_MFA_DEVICE,
        CREATE,
        "responseElements.virtualMFADevice.serialNumber",
    ),
    on(
        IAM,
        "DeleteVirtualMFADevice",
        VIRTUAL_MFA_DEVICE,
        DELETE,
        "requestParameters.serialNumber",
    ),
    # Access keys: the key id is made by IAM (response of CreateAccessKey). Checked against
    # stratus-red-team and panther-analysis CreateAccessKey records.
    on(IAM, "CreateAccessKey", ACCESS_KEY, CREATE, "responseElements.accessKey.accessKeyId"),
    on(IAM, "UpdateAccessKey", ACCESS_KEY, UPDATE, "requestParameters.accessKeyId"),
    on(IAM, "DeleteAccessKey", ACCESS_KEY, DELETE, "requestParameters.accessKeyId"),
    # Groups, and memberships (a change of both the group and the user). AddUserToGroup checked
    # against the CloudTrail user guide example, DeleteGroupPolicy against panther-analysis.
    on(IAM, "CreateGroup", GROUP, CREATE, "requestParameters.groupName"),
    on(IAM, "DeleteGroup", GROUP, DELETE, "requestParameters.groupName"),
    on(
        IAM,
        (
            "UpdateGroup",
            "PutGroupPolicy",
            "DeleteGroupPolicy",
            "AttachGroupPolicy",
            "DetachGroupPolicy",
            "AddUserToGroup",
            "RemoveUserFromGroup",
        ),
        GROUP,
        UPDATE,
        "requestParameters.groupName",
    ),
    on(IAM, ("AddUserToGroup", "RemoveUserFromGroup"), USER, UPDATE, "requestParameters.userName"),
    # Customer managed policies, by ARN: made by IAM on CreatePolicy (`policy.arn` in the
    # response), named by `policyArn` afterwards. IAM API reference, documented shape only.
    on(IAM, "CreatePolicy", POLICY, CREATE, "responseElements.policy.arn"),
    on(IAM, "DeletePolicy", POLICY, DELETE, "requestParameters.policyArn"),
    on(
        IAM,
        (
            "CreatePolicyVersion",
            "DeletePolicyVersion",
            "SetDefaultPolicyVersion",
            "TagPolicy",
            "UntagPolicy",
        ),
        POLICY,
        UPDATE,
        "requestParameters.policyArn",
    ),
    # Instance profiles, by name (IAM API reference, documented shape only).
    on(IAM, "CreateInstanceProfile", PROFILE, CREATE, "requestParameters.instanceProfileName"),
    on(IAM, "DeleteInstanceProfile", PROFILE, DELETE, "requestParameters.instanceProfileName"),
    on(
        IAM,
        (
            "AddRoleToInstanceProfile",
            "RemoveRoleFromInstanceProfile",
            "TagInstanceProfile",
            "UntagInstanceProfile",
        ),
        PROFILE,
        UPDATE,
        "requestParameters.instanceProfileName",
    ),
    # Identity providers, by ARN. CreateSAMLProvider checked against a panther-analysis record
    # (`sAMLProviderArn` in the response); the OIDC calls follow the IAM API reference.
    on(IAM, "CreateSAMLProvider", SAML, CREATE, "responseElements.sAMLProviderArn"),
    on(
        IAM,
        ("UpdateSAMLProvider", "TagSAMLProvider", "UntagSAMLProvider"),
        SAML,
        UPDATE,
        "requestParameters.sAMLProviderArn",
    ),
    on(IAM, "DeleteSAMLProvider", SAML, DELETE, "requestParameters.sAMLProviderArn"),
    on(
        IAM,
        "CreateOpenIDConnectProvider",
        OIDC,
        CREATE,
        "responseElements.openIDConnectProviderArn",
    ),
    on(
        IAM,
        (
            "UpdateOpenIDConnectProviderThumbprint",
            "AddClientIDToOpenIDConnectProvider",
            "RemoveClientIDFromOpenIDConnectProvider",
            "TagOpenIDConnectProvider",
            "UntagOpenIDConnectProvider",
        ),
        OIDC,
        UPDATE,
        "requestParameters.openIDConnectProviderArn",
    ),
    on(
        IAM,
        "DeleteOpenIDConnectProvider",
        OIDC,
        DELETE,
        "requestParameters.openIDConnectProviderArn",
    ),
    # Account-wide settings, keyed by account (IAM API reference, documented shape only).
    on(IAM, "CreateAccountAlias", ACCOUNT_ALIAS, CREATE, "recipientAccountId"),
    on(IAM, "DeleteAccountAlias", ACCOUNT_ALIAS, DELETE, "recipientAccountId"),
    on(
        IAM,
        "UpdateAccountPasswordPolicy",
        ACCOUNT_PASSWORD_POLICY,
        CREATE,
        "recipientAccountId",
    ),
    on(
        IAM,
        "DeleteAccountPasswordPolicy",
        ACCOUNT_PASSWORD_POLICY,
        DELETE,
        "recipientAccountId",
    ),
    # Server certificates (for ELB and CloudFront), by name; a rename changes the old name and
    # makes the new one.
    on(
        IAM,
        "UploadServerCertificate",
        SERVER_CERTIFICATE,
        CREATE,
        "requestParameters.serverCertificateName",
    ),
    on(
        IAM,
        "UpdateServerCertificate",
        SERVER_CERTIFICATE,
        UPDATE,
        "requestParameters.serverCertificateName",
    ),
    on(
        IAM,
        "UpdateServerCertificate",
        SERVER_CERTIFICATE,
        CREATE,
        "requestParameters.newServerCertificateName",
    ),
    on(
        IAM,
        "DeleteServerCertificate",
        SERVER_CERTIFICATE,
        DELETE,
        "requestParameters.serverCertificateName",
    ),
    # A user's SSH keys, signing certificates and service-specific credentials (CodeCommit,
    # Keyspaces, Bedrock) are parts of the user (API reference). Without `userName` the call
    # is about the caller's own user, which names no resource here.
    on(
        IAM,
        (
            "DeleteSSHPublicKey",
            "UpdateSSHPublicKey",
            "DeleteSigningCertificate",
            "UpdateSigningCertificate",
            "CreateServiceSpecificCredential",
            "ResetServiceSpecificCredential",
            "UpdateServiceSpecificCredential",
            "DeleteServiceSpecificCredential",
        ),
        USER,
        UPDATE,
        "requestParameters.userName",
    ),
    on(
        IAM,
        ("TagMFADevice", "UntagMFADevice"),
        VIRTUAL_MFA_DEVICE,
        UPDATE,
        "[requestParameters.serialNumber][?@ && starts_with(@, 'arn:')]",
    ),
    on(
        IAM,
        ("TagServerCertificate", "UntagServerCertificate"),
        SERVER_CERTIFICATE,
        UPDATE,
        "requestParameters.serverCertificateName",
    ),
    # Account-wide settings: root access management for member accounts, STS token version,
    # outbound web identity federation.
    on(
        IAM,
        (
            "EnableOrganizationsRootCredentialsManagement",
            "DisableOrganizationsRootCredentialsManagement",
            "EnableOrganizationsRootSessions",
            "DisableOrganizationsRootSessions",
        ),
        ORGANIZATIONS_FEATURES,
        UPDATE,
        "recipientAccountId",
    ),
    on(IAM, "SetSecurityTokenServicePreferences", STS_PREFERENCES, UPDATE, "recipientAccountId"),
    on(
        IAM,
        ("EnableOutboundWebIdentityFederation", "DisableOutboundWebIdentityFederation"),
        OUTBOUND_FEDERATION,
        UPDATE,
        "recipientAccountId",
    ),
    on(
        IAM,
        ("UploadSSHPublicKey", "UploadSigningCertificate"),
        USER,
        UPDATE,
        "requestParameters.userName",
    ),
]

TERRAFORM = [
    tf("aws_iam_role", ROLE, "name", "id", "arn"),
    *children(ROLE, "role", "aws_iam_role_policy", "aws_iam_role_policy_attachment"),
    *children(
        ROLE,
        "role_name",
        "aws_iam_role_policies_exclusive",
        "aws_iam_role_policy_attachments_exclusive",
    ),
    tf("aws_iam_user", USER, "name", "id", "arn"),
    *children(
        USER,
        "user",
        "aws_iam_user_policy",
        "aws_iam_user_policy_attachment",
        "aws_iam_user_login_profile",
    ),
    part_of("aws_iam_user_ssh_key", USER, "username"),
    part_of("aws_iam_user_group_membership", USER, "user", also=((GROUP, "groups"),)),
    tf("aws_iam_access_key", ACCESS_KEY, "id"),
    tf("aws_iam_group", GROUP, "name", "id", "arn"),
    *children(
        GROUP,
        "group",
        "aws_iam_group_policy",
        "aws_iam_group_policy_attachment",
        "aws_iam_group_membership",
    ),
    tf("aws_iam_policy", POLICY, "arn", "id"),
    # Exclusive attachment of one policy to lists of roles, users and groups.
    part_of(
        "aws_iam_policy_attachment",
        ROLE,
        "roles",
        also=(
            (USER, "users"),
            (GROUP, "groups"),
        ),
    ),
    tf("aws_iam_instance_profile", PROFILE, "name", "id", "arn"),
    tf("aws_iam_openid_connect_provider", OIDC, "arn", "id"),
    tf("aws_iam_saml_provider", SAML, "arn", "id"),
    tf("aws_iam_virtual_mfa_device", VIRTUAL_MFA_DEVICE, "arn", "id"),
    tf("aws_iam_server_certificate", SERVER_CERTIFICATE, "name", "id", "arn"),
    # A service-linked role is a role: calls on it log the role name (DeleteServiceLinkedRole).
    tf("aws_iam_service_linked_role", SLR, "name", "arn", also=((ROLE, "name"),)),
    tf("aws_iam_account_alias", ACCOUNT_ALIAS, STATE_ACCOUNT),
    tf("aws_iam_account_password_policy", ACCOUNT_PASSWORD_POLICY, STATE_ACCOUNT),
    part_of("aws_iam_signing_certificate", USER, "user_name"),
    part_of("aws_iam_service_specific_credential", USER, "user_name"),
    tf("aws_iam_organizations_features", ORGANIZATIONS_FEATURES, STATE_ACCOUNT),
    tf("aws_iam_security_token_service_preferences", STS_PREFERENCES, STATE_ACCOUNT),
]

OPERATIONAL = [
    ops(
        IAM,
        "delegation requests (a partner asking for temporary access, accepted or rejected by "
        "the account) and account properties: workflows without an IaC resource",
        """CreateDelegationRequest AcceptDelegationRequest AssociateDelegationRequest
        RejectDelegationRequest UpdateDelegationRequest PutAccountProperties""",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_ids={"iam": _without_path},
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("iam",),
    unreachable={
        setting: "an account-wide setting: it always exists, the Enable/Disable/Set calls change it"
        for setting in (ORGANIZATIONS_FEATURES, STS_PREFERENCES, OUTBOUND_FEDERATION)
    },
)
