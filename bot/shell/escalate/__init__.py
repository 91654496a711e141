"""Escalation targets outside Slack: `CLIENTS` holds their API clients by runbook key, filled
from this explicit list. runner.py escalates findings, resolves what it made for them, and
escalates critical findings nobody acted on."""

from __future__ import annotations

from bot.shell.escalate.base import EscalationClient
from bot.shell.escalate.github_issue import GithubIssueClient
from bot.shell.escalate.incident_io import IncidentIoClient
from bot.shell.escalate.jira import JiraClient
from bot.shell.escalate.pagerduty import PagerDutyClient

CLIENTS: dict[str, EscalationClient] = {
    "pagerduty": PagerDutyClient(),
    "incident_io": IncidentIoClient(),
    "jira": JiraClient(),
    "github_issue": GithubIssueClient(),
}
