"""IAM (global; events land in us-east-1). Requests name roles, users, groups and instance
profiles by name, managed policies and identity providers by ARN.

Inline and attached policies, permissions boundaries, tags, login profiles and MFA devices
are parts of their role, user or group: changing them is an update of that principal.
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

IAM = "iam.amazonaws.com"

# Roles: CreateRole and AttachRolePolicy checked against stratus-red-team and panther-analysis
# records, UpdateAssumeRolePolicy against stratus-red-team; the rest follow the IAM API
# reference (every role call takes RoleName, logged as `roleName`).
ROLE = "AWS::IAM::Role"
on(IAM, "CreateRole", ROLE, CREATE, "requestParameters.roleName")
on(IAM, "DeleteRole", ROLE, DELETE, "requestParameters.roleName")
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
)

# Service-linked roles: the name is made by IAM and only in the response.
# https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceLinkedRole.html
SLR = "AWS::IAM::ServiceLinkedRole"
on(IAM, "CreateServiceLinkedRole", SLR, CREATE, "responseElements.role.roleName")
on(IAM, "DeleteServiceLinkedRole", SLR, DELETE, "requestParameters.roleName")

# Users: CreateUser, AttachUserPolicy, PutUserPolicy, Create/UpdateLoginProfile checked
# against stratus-red-team and panther-analysis records; the rest follow the IAM API reference.
USER = "AWS::IAM::User"
on(IAM, "CreateUser", USER, CREATE, "requestParameters.userName")
on(IAM, "DeleteUser", USER, DELETE, "requestParameters.userName")
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
)

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
)
on(
    IAM,
    ("EnableMFADevice", "DeactivateMFADevice"),
    "AWS::IAM::VirtualMFADevice",
    UPDATE,
    "[requestParameters.serialNumber][?@ && starts_with(@, 'arn:')]",
)
on(
    IAM,
    "CreateVirtualMFADevice",
    "AWS::IAM::VirtualMFADevice",
    CREATE,
    "responseElements.virtualMFADevice.serialNumber",
)
on(
    IAM,
    "DeleteVirtualMFADevice",
    "AWS::IAM::VirtualMFADevice",
    DELETE,
    "requestParameters.serialNumber",
)

# Access keys: the key id is made by IAM (response of CreateAccessKey). Checked against
# stratus-red-team and panther-analysis CreateAccessKey records.
ACCESS_KEY = "AWS::IAM::AccessKey"
on(IAM, "CreateAccessKey", ACCESS_KEY, CREATE, "responseElements.accessKey.accessKeyId")
on(IAM, "UpdateAccessKey", ACCESS_KEY, UPDATE, "requestParameters.accessKeyId")
on(IAM, "DeleteAccessKey", ACCESS_KEY, DELETE, "requestParameters.accessKeyId")

# Groups, and memberships (a change of both the group and the user). AddUserToGroup checked
# against the CloudTrail user guide example, DeleteGroupPolicy against panther-analysis.
GROUP = "AWS::IAM::Group"
on(IAM, "CreateGroup", GROUP, CREATE, "requestParameters.groupName")
on(IAM, "DeleteGroup", GROUP, DELETE, "requestParameters.groupName")
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
)
on(IAM, ("AddUserToGroup", "RemoveUserFromGroup"), USER, UPDATE, "requestParameters.userName")

# Customer managed policies, by ARN: made by IAM on CreatePolicy (`policy.arn` in the
# response), named by `policyArn` afterwards. IAM API reference, documented shape only.
POLICY = "AWS::IAM::ManagedPolicy"
on(IAM, "CreatePolicy", POLICY, CREATE, "responseElements.policy.arn")
on(IAM, "DeletePolicy", POLICY, DELETE, "requestParameters.policyArn")
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
)

# Instance profiles, by name (IAM API reference, documented shape only).
PROFILE = "AWS::IAM::InstanceProfile"
on(IAM, "CreateInstanceProfile", PROFILE, CREATE, "requestParameters.instanceProfileName")
on(IAM, "DeleteInstanceProfile", PROFILE, DELETE, "requestParameters.instanceProfileName")
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
)

# Identity providers, by ARN. CreateSAMLProvider checked against a panther-analysis record
# (`sAMLProviderArn` in the response); the OIDC calls follow the IAM API reference.
SAML = "AWS::IAM::SAMLProvider"
on(IAM, "CreateSAMLProvider", SAML, CREATE, "responseElements.sAMLProviderArn")
on(
    IAM,
    ("UpdateSAMLProvider", "TagSAMLProvider", "UntagSAMLProvider"),
    SAML,
    UPDATE,
    "requestParameters.sAMLProviderArn",
)
on(IAM, "DeleteSAMLProvider", SAML, DELETE, "requestParameters.sAMLProviderArn")
OIDC = "AWS::IAM::OIDCProvider"
on(IAM, "CreateOpenIDConnectProvider", OIDC, CREATE, "responseElements.openIDConnectProviderArn")
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
)
on(IAM, "DeleteOpenIDConnectProvider", OIDC, DELETE, "requestParameters.openIDConnectProviderArn")

# Account-wide settings, keyed by account (IAM API reference, documented shape only).
on(IAM, "CreateAccountAlias", "AWS::IAM::AccountAlias", CREATE, "recipientAccountId")
on(IAM, "DeleteAccountAlias", "AWS::IAM::AccountAlias", DELETE, "recipientAccountId")
on(
    IAM,
    "UpdateAccountPasswordPolicy",
    "AWS::IAM::AccountPasswordPolicy",
    UPDATE,
    "recipientAccountId",
)
on(
    IAM,
    "DeleteAccountPasswordPolicy",
    "AWS::IAM::AccountPasswordPolicy",
    DELETE,
    "recipientAccountId",
)
