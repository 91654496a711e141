"""SNS topics and subscriptions, both by ARN (the topic ARN is made by SNS on CreateTopic)."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, tf

SNS = "sns.amazonaws.com"

TOPIC = "AWS::SNS::Topic"
SUBSCRIPTION = "AWS::SNS::Subscription"
PLATFORM_APPLICATION = "AWS::SNS::PlatformApplication"
SMS_PREFERENCES = "AWS::SNS::SMSPreferences"

TYPES = (
    ResourceType(TOPIC, "arn"),
    ResourceType(SUBSCRIPTION, "arn"),
    ResourceType(PLATFORM_APPLICATION, "arn", cfn=False),
    ResourceType(SMS_PREFERENCES, "account", cfn=False),
)
ARN_KINDS = {
    ("sns", ""): TOPIC,
}

# CreateTopic checked against the Lambda developer guide and streamalert records,
# SetTopicAttributes against streamalert; the rest follow the SNS API reference.
RULES = [
    on(SNS, "CreateTopic", TOPIC, CREATE, "responseElements.topicArn"),
    on(
        SNS,
        ("SetTopicAttributes", "AddPermission", "RemovePermission"),
        TOPIC,
        UPDATE,
        "requestParameters.topicArn",
    ),
    on(SNS, "PutDataProtectionPolicy", TOPIC, UPDATE, "requestParameters.resourceArn"),
    on(SNS, "DeleteTopic", TOPIC, DELETE, "requestParameters.topicArn"),
    on(SNS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
    # Subscriptions. Subscribe answers `pending confirmation` instead of an ARN for endpoints that
    # must confirm (email, HTTP); ConfirmSubscription then returns the ARN.
    on(
        SNS,
        ("Subscribe", "ConfirmSubscription"),
        SUBSCRIPTION,
        CREATE,
        "[responseElements.subscriptionArn][?@ && starts_with(@, 'arn:')]",
    ),
    on(SNS, "SetSubscriptionAttributes", SUBSCRIPTION, UPDATE, "requestParameters.subscriptionArn"),
    on(SNS, "Unsubscribe", SUBSCRIPTION, DELETE, "requestParameters.subscriptionArn"),
    # Mobile push platform applications, by ARN.
    on(
        SNS,
        "CreatePlatformApplication",
        PLATFORM_APPLICATION,
        CREATE,
        "responseElements.platformApplicationArn",
    ),
    on(
        SNS,
        "SetPlatformApplicationAttributes",
        PLATFORM_APPLICATION,
        UPDATE,
        "requestParameters.platformApplicationArn",
    ),
    on(
        SNS,
        "DeletePlatformApplication",
        PLATFORM_APPLICATION,
        DELETE,
        "requestParameters.platformApplicationArn",
    ),
    on(SNS, "SetSMSAttributes", SMS_PREFERENCES, UPDATE, "recipientAccountId"),
]

TERRAFORM = [
    tf("aws_sns_topic", TOPIC, "arn", "id"),
    # The `arn` of these is the topic's ARN (the policy has no ARN of its own).
    *children(TOPIC, "arn", "aws_sns_topic_policy", "aws_sns_topic_data_protection_policy"),
    tf("aws_sns_topic_subscription", SUBSCRIPTION, "arn", "id"),
    tf("aws_sns_platform_application", PLATFORM_APPLICATION, "arn", "id"),
    tf("aws_sns_sms_preferences", SMS_PREFERENCES, STATE_ACCOUNT),
]

OPERATIONAL = [
    ops(
        SNS,
        "messages published, and the device endpoints and SMS sandbox numbers that apps and "
        "people register at run time",
        """Publish PublishBatch CreatePlatformEndpoint SetEndpointAttributes DeleteEndpoint
        CreateSMSSandboxPhoneNumber DeleteSMSSandboxPhoneNumber VerifySMSSandboxPhoneNumber""",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("sns",),
    unreachable={
        SMS_PREFERENCES: "an account-wide setting of the region, changed by SetSMSAttributes"
    },
)
