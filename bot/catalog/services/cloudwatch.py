"""CloudWatch (monitoring.amazonaws.com): alarms, composite alarms, dashboards, metric streams.

The Put* calls create or replace a resource, and the record does not say which: they are
updates. SetAlarmState changes an alarm's state, not its configuration: no rule.
"""

from bot.catalog.rules import BY_ARN, DELETE, UPDATE, on

CW = "monitoring.amazonaws.com"
ALARM = "AWS::CloudWatch::Alarm"

# CloudWatch API reference (query protocol: camelCase member names, lists as plain arrays).
on(CW, "PutMetricAlarm", ALARM, UPDATE, "requestParameters.alarmName")
on(
    CW,
    "PutCompositeAlarm",
    "AWS::CloudWatch::CompositeAlarm",
    UPDATE,
    "requestParameters.alarmName",
)
on(CW, "DeleteAlarms", ALARM, DELETE, "requestParameters.alarmNames")
on(CW, ("EnableAlarmActions", "DisableAlarmActions"), ALARM, UPDATE, "requestParameters.alarmNames")

DASHBOARD = "AWS::CloudWatch::Dashboard"
on(CW, "PutDashboard", DASHBOARD, UPDATE, "requestParameters.dashboardName")
on(CW, "DeleteDashboards", DASHBOARD, DELETE, "requestParameters.dashboardNames")

STREAM = "AWS::CloudWatch::MetricStream"
on(CW, "PutMetricStream", STREAM, UPDATE, "requestParameters.name")
on(CW, ("StartMetricStreams", "StopMetricStreams"), STREAM, UPDATE, "requestParameters.names")
on(CW, "DeleteMetricStream", STREAM, DELETE, "requestParameters.name")

# Tags take an alarm (or other CloudWatch) ARN.
on(CW, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN")
