"""Shield Advanced (global): protections and the account's subscription."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

SHIELD = "shield.amazonaws.com"

PROTECTION = "AWS::Shield::Protection"
SUBSCRIPTION = "AWS::Shield::Subscription"

TYPES = (
    ResourceType(PROTECTION, "arn", is_global=True),
    ResourceType(SUBSCRIPTION, "account", is_global=True, cfn=False),
)


def _protection_arn(id_path: str) -> str:
    """JMESPath building arn:aws:shield::ACCOUNT:protection/ID (the calls log only the id)."""
    return (
        f"{id_path} && recipientAccountId && "
        f"join('', ['arn:aws:shield::', recipientAccountId, ':protection/', {id_path}])"
    )


# awsdocs aws-waf-and-shield-advanced-developer-guide logging-using-cloudtrail (DeleteProtection);
# Shield API reference for the rest.
RULES = [
    on(
        SHIELD,
        "CreateProtection",
        PROTECTION,
        CREATE,
        _protection_arn("responseElements.protectionId"),
    ),
    on(
        SHIELD,
        "DeleteProtection",
        PROTECTION,
        DELETE,
        _protection_arn("requestParameters.protectionId"),
    ),
    on(SHIELD, "CreateSubscription", SUBSCRIPTION, CREATE, "recipientAccountId"),
    on(SHIELD, "UpdateSubscription", SUBSCRIPTION, UPDATE, "recipientAccountId"),
    on(SHIELD, "DeleteSubscription", SUBSCRIPTION, DELETE, "recipientAccountId"),
]

TERRAFORM = [
    tf("aws_shield_protection", PROTECTION, "arn"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, models=("shield",))
