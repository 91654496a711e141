"""Cognito: user pools and identity pools, by the ids Cognito makes (`us-east-1_AbC123`, a
`REGION:UUID`). A user pool's clients, groups, identity providers, resource servers, domains,
UI customization, risk and MFA settings, branding, terms and replicas are parts of it; an
identity pool's roles and principal tags parts of it. Users, their sessions and devices, and
user imports are data, not configuration."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

IDP = "cognito-idp.amazonaws.com"
IDENTITY = "cognito-identity.amazonaws.com"

USER_POOL = "AWS::Cognito::UserPool"
IDENTITY_POOL = "AWS::Cognito::IdentityPool"

TYPES = (
    ResourceType(USER_POOL, "id", "userpool/"),
    ResourceType(IDENTITY_POOL, "id", "identitypool/"),
)
ARN_KINDS = {
    ("cognito-idp", "userpool"): USER_POOL,
    ("cognito-identity", "identitypool"): IDENTITY_POOL,
}

POOL = "requestParameters.userPoolId"

# Cognito user pools and identity API references (JSON: members lower-case first).
RULES = [
    on(IDP, "CreateUserPool", USER_POOL, CREATE, "responseElements.userPool.id"),
    on(
        IDP,
        (
            "UpdateUserPool",
            "AddCustomAttributes",
            "SetUserPoolMfaConfig",
            "SetLogDeliveryConfiguration",
            "SetUICustomization",
            "SetRiskConfiguration",
            "SetUserPoolSessionConfiguration",
            "CreateUserPoolClient",
            "UpdateUserPoolClient",
            "DeleteUserPoolClient",
            "AddUserPoolClientSecret",
            "DeleteUserPoolClientSecret",
            "SetUserPoolClientSessionConfiguration",
            "CreateGroup",
            "UpdateGroup",
            "DeleteGroup",
            "CreateIdentityProvider",
            "UpdateIdentityProvider",
            "DeleteIdentityProvider",
            "CreateResourceServer",
            "UpdateResourceServer",
            "DeleteResourceServer",
            "CreateUserPoolDomain",
            "UpdateUserPoolDomain",
            "DeleteUserPoolDomain",
            "CreateManagedLoginBranding",
            "UpdateManagedLoginBranding",
            "DeleteManagedLoginBranding",
            "CreateTerms",
            "UpdateTerms",
            "DeleteTerms",
            "CreateUserPoolReplica",
            "UpdateUserPoolReplica",
            "DeleteUserPoolReplica",
        ),
        USER_POOL,
        UPDATE,
        POOL,
    ),
    on(IDP, "DeleteUserPool", USER_POOL, DELETE, POOL),
    on(IDP, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
    on(
        IDENTITY,
        "CreateIdentityPool",
        IDENTITY_POOL,
        CREATE,
        "responseElements.identityPoolId",
    ),
    on(
        IDENTITY,
        ("UpdateIdentityPool", "SetIdentityPoolRoles", "SetPrincipalTagAttributeMap"),
        IDENTITY_POOL,
        UPDATE,
        "requestParameters.identityPoolId",
    ),
    on(
        IDENTITY,
        "DeleteIdentityPool",
        IDENTITY_POOL,
        DELETE,
        "requestParameters.identityPoolId",
    ),
    on(
        IDENTITY,
        ("TagResource", "UntagResource"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
]

OPERATIONAL = [
    ops(
        IDP,
        "users, their sessions, devices and tokens, and user imports: data, not configuration",
        """DeleteUser DeleteUserAttributes UpdateUserAttributes SetUserMFAPreference
        SetUserSettings UpdateDeviceStatus UpdateAuthEventFeedback AssociateSoftwareToken
        StartWebAuthnRegistration DeleteWebAuthnCredential RevokeToken RevokeUserSession
        CreateUserImportJob StartUserImportJob StopUserImportJob SignUp ConfirmSignUp
        ForgotPassword ConfirmForgotPassword ChangePassword GlobalSignOut ConfirmDevice
        ForgetDevice VerifySoftwareToken VerifyUserAttribute ResendConfirmationCode
        CompleteWebAuthnRegistration""",
    ),
    ops(
        IDENTITY,
        "identities (users of a pool), not configuration",
        "DeleteIdentities UnlinkIdentity UnlinkDeveloperIdentity MergeDeveloperIdentities",
    ),
]

TERRAFORM = [
    tf("aws_cognito_user_pool", USER_POOL, "id", "arn"),
    *children(
        USER_POOL,
        "user_pool_id",
        "aws_cognito_user_pool_client",
        "aws_cognito_managed_user_pool_client",
        "aws_cognito_user_group",
        "aws_cognito_identity_provider",
        "aws_cognito_resource_server",
        "aws_cognito_user_pool_domain",
        "aws_cognito_user_pool_ui_customization",
        "aws_cognito_risk_configuration",
        "aws_cognito_log_delivery_configuration",
        "aws_cognito_managed_login_branding",
        "aws_cognito_user",
        "aws_cognito_user_in_group",
    ),
    tf("aws_cognito_identity_pool", IDENTITY_POOL, "id", "arn"),
    *children(
        IDENTITY_POOL,
        "identity_pool_id",
        "aws_cognito_identity_pool_roles_attachment",
        "aws_cognito_identity_pool_provider_principal_tag",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("cognito-idp", "cognito-identity"),
)
