"""CloudWatch (monitoring.amazonaws.com): alarms, composite alarms, dashboards, metric streams.

The Put* calls create or replace a resource, and the record does not say which: they are
updates. SetAlarmState changes an alarm's state, not its configuration: no rule.
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

CW = "monitoring.amazonaws.com"

ALARM = "AWS::CloudWatch::Alarm"
COMPOSITE_ALARM = "AWS::CloudWatch::CompositeAlarm"
DASHBOARD = "AWS::CloudWatch::Dashboard"
STREAM = "AWS::CloudWatch::MetricStream"

TYPES = (
    ResourceType(ALARM, "name", "alarm:"),
    ResourceType(COMPOSITE_ALARM, "name", "alarm:"),
    ResourceType(DASHBOARD, "name", "dashboard/", is_global=True),
    ResourceType(STREAM, "name", "metric-stream/"),
)
ARN_KINDS = {
    ("cloudwatch", "alarm"): ALARM,
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
]

TERRAFORM = [
    tf("aws_cloudwatch_metric_alarm", ALARM, "alarm_name", "id", "arn"),
    tf("aws_cloudwatch_composite_alarm", COMPOSITE_ALARM, "alarm_name", "arn"),
    tf("aws_cloudwatch_dashboard", DASHBOARD, "dashboard_name", "id"),
    tf("aws_cloudwatch_metric_stream", STREAM, "name", "arn"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("cloudwatch",))
