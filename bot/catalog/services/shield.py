"""Shield Advanced (global): protections and the account's subscription."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

SHIELD = "shield.amazonaws.com"
PROTECTION = "AWS::Shield::Protection"


def _protection_arn(id_path: str) -> str:
    """JMESPath building arn:aws:shield::ACCOUNT:protection/ID (the calls log only the id)."""
    return (
        f"{id_path} && recipientAccountId && "
        f"join('', ['arn:aws:shield::', recipientAccountId, ':protection/', {id_path}])"
    )


# awsdocs aws-waf-and-shield-advanced-developer-guide logging-using-cloudtrail (DeleteProtection);
# Shield API reference for the rest.
on(SHIELD, "CreateProtection", PROTECTION, CREATE, _protection_arn("responseElements.protectionId"))
on(
    SHIELD,
    "DeleteProtection",
    PROTECTION,
    DELETE,
    _protection_arn("requestParameters.protectionId"),
)

SUBSCRIPTION = "AWS::Shield::Subscription"
on(SHIELD, "CreateSubscription", SUBSCRIPTION, CREATE, "recipientAccountId")
on(SHIELD, "UpdateSubscription", SUBSCRIPTION, UPDATE, "recipientAccountId")
on(SHIELD, "DeleteSubscription", SUBSCRIPTION, DELETE, "recipientAccountId")
