"""drift.yml: the environments driftbot checks. Parsing and validation only; no I/O.

Unknown keys are rejected, and every problem is reported with the file, the key path, what was
expected and, for misspelled keys, the closest valid name.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from bot.config.aws import AwsSettings
from bot.config.cloudtrail import TRAIL_MODELS, Trail
from bot.config.codify import Codify
from bot.config.ignores import IgnoreRule
from bot.config.model import StrictModel
from bot.config.problems import describe_errors, yaml_hint, yaml_problem
from bot.config.realtime import Realtime
from bot.config.state import STATE_MODELS, StateRef, TerraformState
from bot.config.window import parse_duration
from bot.config.yaml_text import load_yaml
from bot.errors import ConfigError
from bot.messages import config as say

_ACCOUNT = re.compile(r"[0-9]{12}")  # fullmatch: ASCII digits, no trailing newline
_REGION = re.compile(r"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$")
_ENV_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_ROLE_ARN = re.compile(r"^arn:aws[a-z-]*:iam::(\d{12}|\{account_id\}):role/[\w+=,.@/-]+$")
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

# The discriminated unions' tags (`source:athena`, `kind:terraform`) and their models, so that
# a problem under one names the keys allowed there (bot/config/problems.py).
TAGGED_MODELS: dict[str, type[BaseModel]] = {
    **{f"source:{source}": model for source, model in TRAIL_MODELS.items()},
    **{f"kind:{kind}": model for kind, model in STATE_MODELS.items()},
}


class Schedule(StrictModel):
    """When the worker checks an environment and posts its digest."""

    check: str | None = Field(default=None, description="a cron expression, e.g. */15 * * * *")
    digest: str | None = Field(default=None, description="a daily time, HH:MM")
    timezone: str = "UTC"
    overlap: str = Field(
        default="15m", description="re-read this much before the last read, for late delivery"
    )

    @field_validator("check")
    @classmethod
    def _cron(cls, value: str | None) -> str | None:
        from croniter import croniter  # imported by a config that schedules checks

        if value is not None and not croniter.is_valid(value):
            raise ValueError(say.expected_cron(value))
        return value

    @field_validator("digest")
    @classmethod
    def _time(cls, value: str | None) -> str | None:
        if value is not None and not _HHMM.match(value):
            raise ValueError(say.expected_time_of_day(value))
        return value

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(say.expected_timezone(value)) from None
        return value

    @field_validator("overlap")
    @classmethod
    def _overlap(cls, value: str) -> str:
        if parse_duration(value) is None:
            raise ValueError(say.expected_overlap(value))
        return value

    @property
    def overlap_delta(self) -> timedelta:
        # Validated, so never None; a falsy result is `overlap: 0m`, which means no overlap.
        return parse_duration(self.overlap) or timedelta(0)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


_SLACK_CHANNEL = re.compile(r"^[CG][A-Z0-9]{6,}$")
_SLACK_USER = re.compile(r"^[UW][A-Z0-9]{6,}$")
_SLACK_GROUP = re.compile(r"^S[A-Z0-9]{6,}$")


def _ids(values: list[str], pattern: re.Pattern[str], expected: Callable[[str], str]) -> list[str]:
    for value in values:
        if not pattern.match(value):
            raise ValueError(expected(value))
    return values


def _user_ids(value: dict[str, str]) -> dict[str, str]:
    _ids(list(value.values()), _SLACK_USER, say.expected_slack_user)
    return value


# CloudTrail actor (an IAM user or session name) → the Slack user id (`U…`) who they are.
UserMap = Annotated[dict[str, str], AfterValidator(_user_ids)]


class SlackAccess(StrictModel):
    """Who may do something: Slack user ids (`U…`) and user group ids (`S…`)."""

    users: list[str] = Field(default_factory=list)
    usergroups: list[str] = Field(default_factory=list)

    @field_validator("users")
    @classmethod
    def _users(cls, value: list[str]) -> list[str]:
        return _ids(value, _SLACK_USER, say.expected_slack_user)

    @field_validator("usergroups")
    @classmethod
    def _groups(cls, value: list[str]) -> list[str]:
        return _ids(value, _SLACK_GROUP, say.expected_slack_usergroup)

    @property
    def anyone(self) -> bool:
        return not (self.users or self.usergroups)


class EnvSlack(StrictModel):
    """How an environment appears in Slack."""

    channel: str = Field(description="the channel id (C…) for cards, progress and digests")
    check: SlackAccess = Field(default_factory=SlackAccess, description="who may run checks")
    approvers: list[str] = Field(default_factory=list, description="user group ids (S…)")
    protected: bool = False
    approvals: int = Field(default=2, ge=1, le=10, description="distinct approvers if protected")
    escalation_channel: str | None = None
    flood_threshold: int = Field(
        default=10,
        ge=1,
        description="above this many new findings in a check: a summary, cards in its thread",
    )
    baseline: bool = Field(
        default=True, description="the first check with Slack posts a summary, not one card each"
    )
    ask_actor: bool = Field(
        default=True, description="ask the person who made a change whether it was intended"
    )
    user_map: UserMap = Field(
        default_factory=dict, description="CloudTrail actor (session or IAM user name) → U…"
    )

    @field_validator("channel", "escalation_channel")
    @classmethod
    def _channel(cls, value: str | None) -> str | None:
        if value is not None and not _SLACK_CHANNEL.match(value):
            raise ValueError(say.expected_slack_channel(value))
        return value

    @field_validator("approvers")
    @classmethod
    def _approvers(cls, value: list[str]) -> list[str]:
        return _ids(value, _SLACK_GROUP, say.expected_slack_usergroup)


class SlackSettings(StrictModel):
    """Slack-wide settings."""

    allow_unconfigured: bool = Field(
        default=False, description="let /drift act on environments without a `slack:` block"
    )
    user_map: UserMap = Field(
        default_factory=dict, description="CloudTrail actor (session or IAM user name) → U…"
    )


class Environment(StrictModel):
    """One named environment: its accounts, regions, CloudTrail source and IaC state."""

    account_id: list[str] | None = Field(description="12-digit ids, or None for `*`")
    regions: list[str] | None = Field(description="region names, or None for `*`")
    cloudtrail: Trail
    state: list[StateRef] = Field(default_factory=list)
    iac_principals: list[str] = Field(default_factory=list)
    role_arn: str | None = Field(
        default=None, description="assumed through STS; `{account_id}` is filled in per account"
    )
    external_id: str | None = Field(default=None, min_length=2)
    aws: AwsSettings = Field(default_factory=AwsSettings)
    confirm: bool | Literal["auto"] = Field(
        default="auto",
        description="read changed resources live; auto: when the environment uses AWS at all",
    )
    schedule: Schedule = Field(default_factory=lambda: Schedule())
    ignore: list[IgnoreRule] = Field(default_factory=list)
    slack: EnvSlack | None = None
    codify: Codify | None = Field(
        default=None, description="where codify pull requests and IaC notes go"
    )
    report_aws_service_changes: bool = Field(
        default=False,
        description="report what AWS services changed on their own (Backup, Auto Scaling…) "
        "as findings, instead of only counting them",
    )

    @field_validator("role_arn", mode="after")
    @classmethod
    def _role(cls, value: str | None) -> str | None:
        if value is not None and not _ROLE_ARN.match(value):
            raise ValueError(say.expected_role_arn(value))
        return value

    @property
    def uses_aws(self) -> bool:
        """Whether anything about this environment is read from AWS (not only local files)."""
        if self.cloudtrail.source != "files" or self.role_arn or self.aws.endpoint_url:
            return True
        return any(
            not isinstance(s, TerraformState) or s.terraform.startswith("s3://") for s in self.state
        )

    @property
    def confirms(self) -> bool:
        """Whether findings are confirmed against live resources."""
        return self.uses_aws if self.confirm == "auto" else bool(self.confirm)

    @field_validator("account_id", mode="before")
    @classmethod
    def _accounts(cls, value: Any) -> list[str] | None:
        if value == "*":
            return None
        items = value if isinstance(value, list) else [value]
        out = []
        for item in items:
            # YAML reads an unquoted 111122223333 as a number (011112222333 as octal): the id
            # is the text as written (bot/config/yaml_text.py keeps it), never a padded number.
            text = item
            if isinstance(item, int) and not isinstance(item, bool):
                text = getattr(item, "text", str(item))
            if not isinstance(text, str) or not _ACCOUNT.fullmatch(text):
                raise ValueError(say.expected_account_id(text))
            out.append(text)
        if not out:
            raise ValueError(say.expected_an_account())
        return out

    @field_validator("regions", mode="before")
    @classmethod
    def _regions(cls, value: Any) -> list[str] | None:
        if value == "*":
            return None
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            raise ValueError(say.expected_regions(value))
        for item in items:
            if not isinstance(item, str) or not _REGION.match(item):
                raise ValueError(say.expected_region(item))
        return list(items)

    @field_validator("iac_principals", mode="after")
    @classmethod
    def _principals(cls, value: list[str]) -> list[str]:
        for item in value:
            if not item.startswith("arn:"):
                raise ValueError(say.expected_principal(item))
        return value


class History(StrictModel):
    """How long history entries (transitions and checks) are kept."""

    retention: str = Field(default="90d", description="a duration such as 90d")

    @field_validator("retention")
    @classmethod
    def _duration(cls, value: str) -> str:
        duration = parse_duration(value)
        if duration is None or duration.total_seconds() <= 0:
            raise ValueError(say.expected_retention(value))
        return value

    @property
    def retention_delta(self) -> timedelta:
        return parse_duration(self.retention) or timedelta(days=90)


class DriftConfig(StrictModel):
    """The whole drift.yml."""

    environments: dict[str, Environment] = Field(min_length=1)
    runbooks: str | None = Field(
        default=None, description="a folder of runbooks; default ./runbooks, else the shipped"
    )
    history: History = Field(default_factory=History)
    slack: SlackSettings = Field(default_factory=SlackSettings)
    realtime: Realtime | None = Field(
        default=None, description="EventBridge → SQS ingestion, for every environment"
    )

    @field_validator("environments", mode="after")
    @classmethod
    def _names(cls, value: dict[str, Environment]) -> dict[str, Environment]:
        for name in value:
            if not _ENV_NAME.match(name):
                raise ValueError(say.expected_environment_name(name))
        return value


class LoadedConfig(BaseModel):
    """A validated config and the file it came from (relative paths resolve against it)."""

    model_config = ConfigDict(frozen=True)

    path: Path
    config: DriftConfig

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def resolve(self, value: str) -> Path:
        """A path from the config: `~` expanded, relative paths against the config's folder."""
        path = Path(value).expanduser()
        return path if path.is_absolute() else (self.base_dir / path)

    def environment(self, name: str) -> Environment:
        """The environment `name`, or a ConfigError listing the known ones."""
        envs = self.config.environments
        if name in envs:
            return envs[name]
        close = difflib.get_close_matches(name, envs, n=1)
        raise ConfigError(
            *say.no_environment(name, self.path, close[0] if close else None, sorted(envs))
        )


def parse_config(text: str, path: Path) -> LoadedConfig:
    """Validate drift.yml's text; ConfigError names the file, each bad key and the fix."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise ConfigError(yaml_problem(path, exc), yaml_hint(exc)) from exc
    if not isinstance(data, dict):
        raise ConfigError(*say.not_a_config(path))
    try:
        config = DriftConfig.model_validate(data)
    except ValidationError as exc:
        problems = describe_errors(exc, DriftConfig, TAGGED_MODELS)
        raise ConfigError(*say.invalid_config(path, problems)) from exc
    return LoadedConfig(path=path, config=config)
