"""Escalation targets outside Slack: where a runbook's `fix.escalate` pages or files a drift.
Pure; the HTTP clients are bot/shell/escalate/<target>.py.

    pagerduty:    {routing_key_env, severity: {critical: critical, high: error, …}, api_url}
    incident_io:  {alert_source_config_id, token_env, api_url}
    jira:         {base_url, project, issue_type, email_env, token_env}
    github_issue: {repo, labels, token_env, api_url}

PagerDuty and incident.io alerts are keyed by the finding's id (`dedup_key`,
`deduplication_key`), so escalating twice updates one alert and the finding's resolution
resolves it. Jira and GitHub issues are made once per finding; a later escalation comments on
the issue, and the finding's resolution (or acceptance) comments and closes it.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any, ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from bot.config.model import StrictModel
from bot.config.remotes import ApiUrl, EnvName, Repo
from bot.config.window import parse_duration
from bot.messages import runbook as say
from bot.models import Severity
from bot.policy.names import UserGroupId
from bot.policy.targets import Target

PagerDutySeverity = Literal["critical", "error", "warning", "info"]
DEFAULT_PAGERDUTY_SEVERITY: dict[Severity, PagerDutySeverity] = {
    "critical": "critical",
    "high": "error",
    "medium": "warning",
    "low": "info",
}
_CHANNEL = re.compile(r"^([CG][A-Z0-9]{6,}|#[a-z0-9][a-z0-9._-]{0,79})$")
_SOURCE_ID = re.compile(r"^[A-Za-z0-9]{10,40}$")
_JIRA_PROJECT = re.compile(r"^[A-Z][A-Z0-9_]{0,19}$")
# The external targets, in the order the Escalate modal offers them.
EXTERNAL_TARGETS: tuple[str, ...] = ("pagerduty", "incident_io", "jira", "github_issue")


class PagerDuty(Target):
    """A PagerDuty service's Events API v2 integration (its routing key)."""

    ENV_KEYS: ClassVar[tuple[str, ...]] = ("routing_key_env",)

    routing_key_env: EnvName
    severity: dict[Severity, PagerDutySeverity] = Field(
        default_factory=lambda: dict(DEFAULT_PAGERDUTY_SEVERITY)
    )
    api_url: ApiUrl = "https://events.pagerduty.com"

    def severity_for(self, severity: Severity | None) -> PagerDutySeverity:
        """The PagerDuty severity of a finding's (unrated: `warning`)."""
        if severity is None:
            return "warning"
        return self.severity.get(severity, DEFAULT_PAGERDUTY_SEVERITY[severity])


class IncidentIo(Target):
    """An incident.io HTTP alert source (its config id and its token)."""

    ENV_KEYS: ClassVar[tuple[str, ...]] = ("token_env",)

    alert_source_config_id: str
    token_env: EnvName
    api_url: ApiUrl = "https://api.incident.io"

    @field_validator("alert_source_config_id")
    @classmethod
    def _source(cls, value: str) -> str:
        if not _SOURCE_ID.match(value):
            raise ValueError(say.expected_alert_source(value))
        return value


class Jira(Target):
    """A Jira Cloud project, through REST v3 with an account's email and API token."""

    ENV_KEYS: ClassVar[tuple[str, ...]] = ("email_env", "token_env")

    base_url: ApiUrl = Field(description="https://SITE.atlassian.net")
    project: str
    issue_type: str = "Task"
    email_env: EnvName
    token_env: EnvName

    @field_validator("project")
    @classmethod
    def _project(cls, value: str) -> str:
        if not _JIRA_PROJECT.match(value):
            raise ValueError(say.expected_jira_project(value))
        return value


class GithubIssue(Target):
    """A GitHub repository's issues."""

    ENV_KEYS: ClassVar[tuple[str, ...]] = ("token_env",)

    repo: Repo
    labels: list[str] = Field(default_factory=list)
    token_env: EnvName
    api_url: ApiUrl = "https://api.github.com"


class Escalate(StrictModel):
    """Whom to bring in: a Slack channel and/or user group, with a note, and the paging and
    ticketing targets of escalation.py; `auto_after` escalates an open critical finding nobody
    acted on after that long."""

    channel: str | None = None
    usergroup: UserGroupId | None = None
    note: str | None = None
    pagerduty: PagerDuty | None = None
    incident_io: IncidentIo | None = None
    jira: Jira | None = None
    github_issue: GithubIssue | None = None
    auto_after: timedelta | None = None

    @field_validator("auto_after", mode="before")
    @classmethod
    def _after(cls, value: Any) -> Any:
        if value is None or isinstance(value, timedelta):
            return value
        duration = parse_duration(value) if isinstance(value, str) else None
        if duration is None or duration <= timedelta(0):
            raise ValueError(say.expected_duration(value))
        return duration

    @property
    def external(self) -> dict[str, Target]:
        """The targets outside Slack that are set, by key, in the modal's order."""
        return {
            kind: target for kind in EXTERNAL_TARGETS if (target := getattr(self, kind)) is not None
        }

    def env_vars(self) -> dict[str, str]:
        """`{key path: VARIABLE}` of the environment variables the targets read."""
        return {
            f"{kind}.{key}": var
            for kind, target in self.external.items()
            for key, var in target.env_vars().items()
        }

    @field_validator("channel", mode="after")
    @classmethod
    def _channel(cls, value: str | None) -> str | None:
        if value is not None and not _CHANNEL.match(value):
            raise ValueError(say.expected_channel(value))
        return value

    @model_validator(mode="after")
    def _someone(self) -> Escalate:
        if self.channel is None and self.usergroup is None and not self.external:
            raise ValueError(say.expected_someone())
        return self
