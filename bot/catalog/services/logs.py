"""CloudWatch Logs: log groups and what is attached to them, destinations, account policies.

Subscription filters, metric filters, retention, KMS association and data protection policies
are managed with (or on) their log group, so their calls are updates of the log group.
CreateLogStream, PutLogEvents and CreateExportTask are data, not configuration: no rules.
"""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.operational import ops
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
DELIVERY_SOURCE = "AWS::Logs::DeliverySource"
DELIVERY_DESTINATION = "AWS::Logs::DeliveryDestination"
DELIVERY = "AWS::Logs::Delivery"
ANOMALY_DETECTOR = "AWS::Logs::LogAnomalyDetector"
SCHEDULED_QUERY = "AWS::Logs::ScheduledQuery"
LOOKUP_TABLE = "AWS::Logs::LookupTable"
INTEGRATION = "AWS::Logs::Integration"


def _log_group_name(arn: Arn) -> str:
    """Log group ARNs often end in `:*` (all its streams)."""
    return arn.resource.removesuffix(":*")


TYPES = (
    ResourceType(GROUP, "name", "log-group:", id_from_arn=_log_group_name),
    ResourceType(DEST, "name", "destination:"),
    ResourceType(POLICY, "name"),
    ResourceType(QUERY, "id"),
    ResourceType(ACCOUNT_POLICY, "account"),
    ResourceType(DELIVERY_SOURCE, "name", "delivery-source:"),
    ResourceType(DELIVERY_DESTINATION, "name", "delivery-destination:"),
    ResourceType(DELIVERY, "id", "delivery:"),
    ResourceType(ANOMALY_DETECTOR, "arn"),
    ResourceType(SCHEDULED_QUERY, "arn", cfn=False),
    ResourceType(LOOKUP_TABLE, "arn", cfn=False),
    ResourceType(INTEGRATION, "name"),
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
    # More of a log group: field index policies, transformers, deletion protection, bearer
    # tokens, syslog (API reference; `logGroupIdentifier` is a name or an ARN).
    on(
        LOGS,
        (
            "PutIndexPolicy",
            "DeleteIndexPolicy",
            "PutTransformer",
            "DeleteTransformer",
            "PutLogGroupDeletionProtection",
            "PutBearerTokenAuthentication",
            "PutSyslogConfiguration",
            "DeleteSyslogConfiguration",
        ),
        GROUP,
        UPDATE,
        "requestParameters.logGroupIdentifier",
    ),
    # Vended log deliveries: a source (the resource whose logs are sent), a destination, and
    # the delivery between them.
    on(LOGS, "PutDeliverySource", DELIVERY_SOURCE, CREATE, "requestParameters.name"),
    on(LOGS, "DeleteDeliverySource", DELIVERY_SOURCE, DELETE, "requestParameters.name"),
    on(LOGS, "PutDeliveryDestination", DELIVERY_DESTINATION, CREATE, "requestParameters.name"),
    on(
        LOGS,
        ("PutDeliveryDestinationPolicy", "DeleteDeliveryDestinationPolicy"),
        DELIVERY_DESTINATION,
        UPDATE,
        "requestParameters.deliveryDestinationName",
    ),
    on(LOGS, "DeleteDeliveryDestination", DELIVERY_DESTINATION, DELETE, "requestParameters.name"),
    on(LOGS, "CreateDelivery", DELIVERY, CREATE, "responseElements.delivery.id"),
    on(LOGS, "UpdateDeliveryConfiguration", DELIVERY, UPDATE, "requestParameters.id"),
    on(LOGS, "DeleteDelivery", DELIVERY, DELETE, "requestParameters.id"),
    # Anomaly detectors, scheduled queries, lookup tables, OpenSearch integrations.
    on(
        LOGS,
        "CreateLogAnomalyDetector",
        ANOMALY_DETECTOR,
        CREATE,
        "responseElements.anomalyDetectorArn",
    ),
    on(
        LOGS,
        ("UpdateLogAnomalyDetector", "UpdateAnomaly"),
        ANOMALY_DETECTOR,
        UPDATE,
        "requestParameters.anomalyDetectorArn",
    ),
    on(
        LOGS,
        "DeleteLogAnomalyDetector",
        ANOMALY_DETECTOR,
        DELETE,
        "requestParameters.anomalyDetectorArn",
    ),
    on(LOGS, "CreateScheduledQuery", SCHEDULED_QUERY, CREATE, "responseElements.scheduledQueryArn"),
    on(LOGS, "UpdateScheduledQuery", SCHEDULED_QUERY, UPDATE, "responseElements.scheduledQueryArn"),
    on(LOGS, "DeleteScheduledQuery", SCHEDULED_QUERY, DELETE, "requestParameters.identifier"),
    on(LOGS, "CreateLookupTable", LOOKUP_TABLE, CREATE, "responseElements.lookupTableArn"),
    on(LOGS, "UpdateLookupTable", LOOKUP_TABLE, UPDATE, "requestParameters.lookupTableArn"),
    on(LOGS, "DeleteLookupTable", LOOKUP_TABLE, DELETE, "requestParameters.lookupTableArn"),
    on(LOGS, "PutIntegration", INTEGRATION, CREATE, "requestParameters.integrationName"),
    on(LOGS, "DeleteIntegration", INTEGRATION, DELETE, "requestParameters.integrationName"),
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
    part_of("aws_cloudwatch_log_index_policy", GROUP, "log_group_name"),
    tf("aws_cloudwatch_log_delivery_source", DELIVERY_SOURCE, "name", "arn"),
    tf("aws_cloudwatch_log_delivery_destination", DELIVERY_DESTINATION, "name", "arn"),
    part_of(
        "aws_cloudwatch_log_delivery_destination_policy",
        DELIVERY_DESTINATION,
        "delivery_destination_name",
    ),
    tf("aws_cloudwatch_log_delivery", DELIVERY, "id", "arn"),
    tf("aws_cloudwatch_log_anomaly_detector", ANOMALY_DETECTOR, "arn"),
]

OPERATIONAL = [
    ops(
        LOGS,
        "log streams come and go with their writers; imports of past logs and S3 Tables "
        "integrations move data; the storage tier is a billing choice",
        """DeleteLogStream CreateImportTask CancelImportTask AssociateSourceToS3TableIntegration
        DisassociateSourceFromS3TableIntegration PutStorageTierPolicy""",
    ),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("logs",)
)
