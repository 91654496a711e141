"""CloudWatch Internet Monitor monitors, by name (the API's members are PascalCase)."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

IM = "internetmonitor.amazonaws.com"
MONITOR = "AWS::InternetMonitor::Monitor"

# awsdocs amazon-cloudwatch-user-guide logging_cw_api_calls (CreateMonitor); API reference.
on(IM, "CreateMonitor", MONITOR, CREATE, "requestParameters.MonitorName")
on(IM, "UpdateMonitor", MONITOR, UPDATE, "requestParameters.MonitorName")
on(IM, "DeleteMonitor", MONITOR, DELETE, "requestParameters.MonitorName")
