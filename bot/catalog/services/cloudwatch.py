"""CloudWatch (monitoring.amazonaws.com): alarms, composite alarms, dashboards, metric streams.

The Put* calls create or replace a resource, and the record does not say which: they are
updates. SetAlarmState changes an alarm's state, not its configuration: no rule.
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

CW = "monitoring.amazonaws.com"

ALARM = "AWS::CloudWatch::Alarm"
COMPOSITE_ALARM = "AWS::CloudWatch::CompositeAlarm"
DASHBOARD = "AWS::CloudWatch::Dashboard"
STREAM = "AWS::CloudWatch::MetricStream"
INSIGHT_RULE = "AWS::CloudWatch::InsightRule"
ANOMALY_DETECTOR = "AWS::CloudWatch::AnomalyDetector"
MUTE_RULE = "AWS::CloudWatch::AlarmMuteRule"

TYPES = (
    ResourceType(ALARM, "name", "alarm:"),
    ResourceType(COMPOSITE_ALARM, "name", "alarm:"),
    ResourceType(DASHBOARD, "name", "dashboard/", is_global=True),
    ResourceType(STREAM, "name", "metric-stream/"),
    ResourceType(INSIGHT_RULE, "name", "insight-rule/"),
    ResourceType(ANOMALY_DETECTOR, "id"),
    ResourceType(MUTE_RULE, "name", "alarm-mute-rule:", cfn=False),
)
ARN_KINDS = {
    ("cloudwatch", "alarm"): ALARM,
    ("cloudwatch", "insight-rule"): INSIGHT_RULE,
}

# CloudWatch API reference (query protocol: camelCase member names, lists as plain arrays).
RULES = [
    # Put* create or replace: they count as creates (there is no other create call).
    on(CW, "PutMetricAlarm", ALARM, CREATE, "requestParameters.alarmName"),
    on(CW, "PutCompositeAlarm", COMPOSITE_ALARM, CREATE, "requestParameters.alarmName"),
    # DeleteAlarms takes metric and composite alarms alike.
    on(CW, "DeleteAlarms", COMPOSITE_ALARM, DELETE, "requestParameters.alarmNames"),
    on(CW, "DeleteAlarms", ALARM, DELETE, "requestParameters.alarmNames"),
    on(
        CW,
        ("EnableAlarmActions", "DisableAlarmActions"),
        ALARM,
        UPDATE,
        "requestParameters.alarmNames",
    ),
    on(CW, "PutDashboard", DASHBOARD, CREATE, "requestParameters.dashboardName"),
    on(CW, "DeleteDashboards", DASHBOARD, DELETE, "requestParameters.dashboardNames"),
    on(CW, "PutMetricStream", STREAM, CREATE, "requestParameters.name"),
    on(CW, ("StartMetricStreams", "StopMetricStreams"), STREAM, UPDATE, "requestParameters.names"),
    on(CW, "DeleteMetricStream", STREAM, DELETE, "requestParameters.name"),
    # Tags take an alarm (or other CloudWatch) ARN.
    on(CW, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN"),
    # Alarms on Logs Insights queries; Contributor Insights rules (managed ones name the
    # resource they watch); anomaly detectors; alarm mute rules (API reference).
    on(CW, "PutLogAlarm", ALARM, CREATE, "requestParameters.alarmName"),
    on(CW, "PutInsightRule", INSIGHT_RULE, CREATE, "requestParameters.ruleName"),
    on(
        CW,
        ("EnableInsightRules", "DisableInsightRules"),
        INSIGHT_RULE,
        UPDATE,
        "requestParameters.ruleNames",
    ),
    on(CW, "DeleteInsightRules", INSIGHT_RULE, DELETE, "requestParameters.ruleNames"),
    on(
        CW,
        "PutManagedInsightRules",
        BY_ARN,
        UPDATE,
        "requestParameters.managedRules[].resourceARN",
    ),
    on(CW, "PutAnomalyDetector", ANOMALY_DETECTOR, CREATE, "responseElements.anomalyDetectorId"),
    on(
        CW, "DeleteAnomalyDetector", ANOMALY_DETECTOR, DELETE, "requestParameters.anomalyDetectorId"
    ),
    on(CW, "PutAlarmMuteRule", MUTE_RULE, CREATE, "requestParameters.name"),
    on(CW, "DeleteAlarmMuteRule", MUTE_RULE, DELETE, "requestParameters.alarmMuteRuleName"),
]

TERRAFORM = [
    tf("aws_cloudwatch_metric_alarm", ALARM, "alarm_name", "id", "arn"),
    tf("aws_cloudwatch_composite_alarm", COMPOSITE_ALARM, "alarm_name", "arn"),
    tf("aws_cloudwatch_dashboard", DASHBOARD, "dashboard_name", "id"),
    tf("aws_cloudwatch_metric_stream", STREAM, "name", "arn"),
    tf("aws_cloudwatch_contributor_insight_rule", INSIGHT_RULE, "rule_name", "resource_arn"),
]

OPERATIONAL = [
    ops(
        CW,
        "metric data and alarm states set by hand (the alarm's next evaluation resets it): data, "
        "not configuration",
        "PutMetricData SetAlarmState",
    ),
    ops(
        CW,
        "saved metric queries, per-resource metric settings, dataset keys and OpenTelemetry "
        "enrichment: 2025 features with no IaC type yet",
        """PutMetricDataQueryDefinition DeleteMetricDataQueryDefinition
        CreateResourceMetricsConfiguration UpdateResourceMetricsConfiguration
        DeleteResourceMetricsConfiguration AssociateDatasetKmsKey DisassociateDatasetKmsKey
        StartOTelEnrichment StopOTelEnrichment UpdateOTelEnrichment""",
    ),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("cloudwatch",)
)
