"""SES (v2): email identities and configuration sets, by name. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

EMAIL_IDENTITY = "AWS::SES::EmailIdentity"
CONFIGURATION_SET = "AWS::SES::ConfigurationSet"

TYPES = (
    ResourceType(EMAIL_IDENTITY, "name", "identity/"),
    ResourceType(CONFIGURATION_SET, "name", "configuration-set/"),
)

TERRAFORM = [
    tf("aws_sesv2_email_identity", EMAIL_IDENTITY, "email_identity", "arn"),
    tf("aws_sesv2_configuration_set", CONFIGURATION_SET, "configuration_set_name", "arn"),
]

SERVICE = Service(TYPES, terraform=TERRAFORM, models=("ses", "sesv2"))
