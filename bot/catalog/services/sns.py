"""SNS topics and subscriptions, both by ARN (the topic ARN is made by SNS on CreateTopic)."""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

SNS = "sns.amazonaws.com"
TOPIC = "AWS::SNS::Topic"
SUBSCRIPTION = "AWS::SNS::Subscription"

# CreateTopic checked against the Lambda developer guide and streamalert records,
# SetTopicAttributes against streamalert; the rest follow the SNS API reference.
on(SNS, "CreateTopic", TOPIC, CREATE, "responseElements.topicArn")
on(
    SNS,
    ("SetTopicAttributes", "AddPermission", "RemovePermission", "PutDataProtectionPolicy"),
    TOPIC,
    UPDATE,
    "requestParameters.topicArn || requestParameters.resourceArn",
)
on(SNS, "DeleteTopic", TOPIC, DELETE, "requestParameters.topicArn")
on(SNS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn")

# Subscriptions. Subscribe answers `pending confirmation` instead of an ARN for endpoints that
# must confirm (email, HTTP); ConfirmSubscription then returns the ARN.
on(
    SNS,
    ("Subscribe", "ConfirmSubscription"),
    SUBSCRIPTION,
    CREATE,
    "[responseElements.subscriptionArn][?@ && starts_with(@, 'arn:')]",
)
on(SNS, "SetSubscriptionAttributes", SUBSCRIPTION, UPDATE, "requestParameters.subscriptionArn")
on(SNS, "Unsubscribe", SUBSCRIPTION, DELETE, "requestParameters.subscriptionArn")
