"""CloudWatch Logs: log groups and what is attached to them, destinations, account policies.

Subscription filters, metric filters, retention, KMS association and data protection policies
are managed with (or on) their log group, so their calls are updates of the log group.
CreateLogStream, PutLogEvents and CreateExportTask are data, not configuration: no rules.
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

LOGS = "logs.amazonaws.com"
GROUP = "AWS::Logs::LogGroup"

# CloudWatch Logs API reference (requests name the group `logGroupName`).
on(LOGS, "CreateLogGroup", GROUP, CREATE, "requestParameters.logGroupName")
on(LOGS, "DeleteLogGroup", GROUP, DELETE, "requestParameters.logGroupName")
on(
    LOGS,
    (
        "PutRetentionPolicy",
        "DeleteRetentionPolicy",
        "AssociateKmsKey",
        "DisassociateKmsKey",
        "PutSubscriptionFilter",
        "DeleteSubscriptionFilter",
        "PutMetricFilter",
        "DeleteMetricFilter",
        "PutDataProtectionPolicy",
        "DeleteDataProtectionPolicy",
        "TagLogGroup",
        "UntagLogGroup",
    ),
    GROUP,
    UPDATE,
    "requestParameters.logGroupName",
)
# The newer tag calls take the log group ARN (`…:log-group:NAME` or `…:log-group:NAME:*`).
on(LOGS, ("TagResource", "UntagResource"), GROUP, UPDATE, "requestParameters.resourceArn")

# Resource policies (who may write to log groups), by policy name.
POLICY = "AWS::Logs::ResourcePolicy"
on(LOGS, "PutResourcePolicy", POLICY, UPDATE, "requestParameters.policyName")
on(LOGS, "DeleteResourcePolicy", POLICY, DELETE, "requestParameters.policyName")

# Cross-account destinations; PutDestination creates or replaces one.
DEST = "AWS::Logs::Destination"
on(
    LOGS,
    ("PutDestination", "PutDestinationPolicy"),
    DEST,
    UPDATE,
    "requestParameters.destinationName",
)
on(LOGS, "DeleteDestination", DEST, DELETE, "requestParameters.destinationName")

# Account-wide policies (data protection, subscription filter …).
on(
    LOGS,
    ("PutAccountPolicy", "DeleteAccountPolicy"),
    "AWS::Logs::AccountPolicy",
    UPDATE,
    "recipientAccountId",
)

# Saved Logs Insights queries: the id is made by the server on creation.
QUERY = "AWS::Logs::QueryDefinition"
on(
    LOGS,
    "PutQueryDefinition",
    QUERY,
    UPDATE,
    "requestParameters.queryDefinitionId || responseElements.queryDefinitionId",
)
on(LOGS, "DeleteQueryDefinition", QUERY, DELETE, "requestParameters.queryDefinitionId")
