"""CloudWatch Logs: log groups and what is attached to them, destinations, account policies.

Subscription filters, metric filters, retention, KMS association and data protection policies
are managed with (or on) their log group, so their calls are updates of the log group.
CreateLogStream, PutLogEvents and CreateExportTask are data, not configuration: no rules.
"""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, part_of, tf

LOGS = "logs.amazonaws.com"

GROUP = "AWS::Logs::LogGroup"
DEST = "AWS::Logs::Destination"
POLICY = "AWS::Logs::ResourcePolicy"
QUERY = "AWS::Logs::QueryDefinition"
ACCOUNT_POLICY = "AWS::Logs::AccountPolicy"


def _log_group_name(arn: Arn) -> str:
    """Log group ARNs often end in `:*` (all its streams)."""
    return arn.resource.removesuffix(":*")


TYPES = (
    ResourceType(GROUP, "name", "log-group:", id_from_arn=_log_group_name),
    ResourceType(DEST, "name", "destination:"),
    ResourceType(POLICY, "name"),
    ResourceType(QUERY, "id"),
    ResourceType(ACCOUNT_POLICY, "account"),
)
ARN_KINDS = {
    ("logs", "log-group"): GROUP,
    ("logs", "destination"): DEST,
}

# CloudWatch Logs API reference (requests name the group `logGroupName`).
RULES = [
    on(LOGS, "CreateLogGroup", GROUP, CREATE, "requestParameters.logGroupName"),
    on(LOGS, "DeleteLogGroup", GROUP, DELETE, "requestParameters.logGroupName"),
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
            "TagLogGroup",
            "UntagLogGroup",
        ),
        GROUP,
        UPDATE,
        "requestParameters.logGroupName",
    ),
    # Data protection policies name the group by name or ARN, as `logGroupIdentifier`.
    on(
        LOGS,
        ("PutDataProtectionPolicy", "DeleteDataProtectionPolicy"),
        GROUP,
        UPDATE,
        "requestParameters.logGroupIdentifier",
    ),
    # The newer tag calls take the log group ARN (`…:log-group:NAME` or `…:log-group:NAME:*`).
    on(LOGS, ("TagResource", "UntagResource"), GROUP, UPDATE, "requestParameters.resourceArn"),
    # Resource policies (who may write to log groups), by policy name.
    on(LOGS, "PutResourcePolicy", POLICY, CREATE, "requestParameters.policyName"),
    on(LOGS, "DeleteResourcePolicy", POLICY, DELETE, "requestParameters.policyName"),
    # Cross-account destinations; PutDestination creates or replaces one.
    on(LOGS, "PutDestination", DEST, CREATE, "requestParameters.destinationName"),
    on(LOGS, "PutDestinationPolicy", DEST, UPDATE, "requestParameters.destinationName"),
    on(LOGS, "DeleteDestination", DEST, DELETE, "requestParameters.destinationName"),
    # Account-wide policies (data protection, subscription filter …).
    on(LOGS, "PutAccountPolicy", ACCOUNT_POLICY, CREATE, "recipientAccountId"),
    on(LOGS, "DeleteAccountPolicy", ACCOUNT_POLICY, DELETE, "recipientAccountId"),
    # Saved Logs Insights queries: the id is made by the server on creation.
    on(
        LOGS,
        "PutQueryDefinition",
        QUERY,
        CREATE,
        "requestParameters.queryDefinitionId || responseElements.queryDefinitionId",
    ),
    on(LOGS, "DeleteQueryDefinition", QUERY, DELETE, "requestParameters.queryDefinitionId"),
]

TERRAFORM = [
    tf("aws_cloudwatch_log_group", GROUP, "name", "id", "arn"),
    *children(
        GROUP,
        "log_group_name",
        "aws_cloudwatch_log_stream",
        "aws_cloudwatch_log_metric_filter",
        "aws_cloudwatch_log_subscription_filter",
        "aws_cloudwatch_log_data_protection_policy",
    ),
    tf("aws_cloudwatch_log_destination", DEST, "name", "id", "arn"),
    part_of("aws_cloudwatch_log_destination_policy", DEST, "destination_name"),
    tf("aws_cloudwatch_log_resource_policy", POLICY, "policy_name", "id"),
    tf("aws_cloudwatch_query_definition", QUERY, "query_definition_id"),
    tf("aws_cloudwatch_log_account_policy", ACCOUNT_POLICY, STATE_ACCOUNT),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("logs",))
