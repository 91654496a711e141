"""Cognito: user pools and identity pools, by the ids Cognito makes. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

USER_POOL = "AWS::Cognito::UserPool"
IDENTITY_POOL = "AWS::Cognito::IdentityPool"

TYPES = (
    ResourceType(USER_POOL, "id", "userpool/"),
    ResourceType(IDENTITY_POOL, "id", "identitypool/"),
)

TERRAFORM = [
    tf("aws_cognito_user_pool", USER_POOL, "id", "arn"),
    tf("aws_cognito_identity_pool", IDENTITY_POOL, "id", "arn"),
]

SERVICE = Service(TYPES, terraform=TERRAFORM, models=("cognito-idp", "cognito-identity"))
