"""IAM Identity Center (SSO): permission sets (by ARN) and assignments. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service

PERMISSION_SET = "AWS::SSO::PermissionSet"
ASSIGNMENT = "AWS::SSO::Assignment"

TYPES = (
    ResourceType(PERMISSION_SET, "arn"),
    ResourceType(ASSIGNMENT, "id"),
)

SERVICE = Service(TYPES, models=("sso-admin", "identitystore"))
