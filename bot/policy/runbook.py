"""Runbooks: per kind of drift, how it is checked, confirmed and fixed. Pure; no I/O.

A runbook is one YAML file in `runbooks/`; its name is the file's stem (`runbooks/sg.yml` is
the runbook `sg`: lower-case letters, digits, `-` and `_`). Unknown keys are rejected, and every
problem is reported with the file, the key path, what was expected and close matches for
misspelled keys, event names and resource types (bot/shell/runbook_files.py reads the files).

    description: A security group was opened to the internet   # required; line 1 is the title
    url: https://wiki.example.com/runbooks/sg                   # optional: the card links it
    when:                               # required; `when: {}` is a catch-all
      events: [AuthorizeSecurityGroupIngress, ec2.amazonaws.com:ModifySecurityGroupRules]
      resource_types: [AWS::EC2::SecurityGroup]
      environments: [prod, "staging-*"]
      kinds: [modified, unmanaged]
    severity: high                      # required: low | medium | high | critical
    check:
      events: [AuthorizeSecurityGroupIngress]   # default: when.events
      athena_sql: |
        SELECT eventname, useridentity.arn FROM cloudtrail_logs
        WHERE "timestamp" BETWEEN :start_day AND :end_day AND account IN (:accounts)
    confirm:
      attributes: [ingress, egress]     # default: every attribute
      ignore: ["tags.*"]
    fix:
      reapply: {webhook: {url: "https://ci.example.com/hooks/reapply", secret_env: REAPPLY_SECRET}}
      escalate: {channel: "#security", usergroup: S0123ABCDE, note: Page the on-call.}
      approvals: {count: 2, groups: [S0123ABCDE], requester_can_approve: false,
                  expires_after: 4h}
    ignore:
      - {id: sg-0legacy*, until: 2026-12-31, reason: legacy VPC, removed in Q1}

Keys:
- `when` says which findings the runbook is for. Every key given must match; a key left out
  matches anything, and a runbook with none (`when: {}`) is a catch-all.
  - `events`: CloudTrail event names (`PutBucketPolicy`) or `eventSource:eventName`
    (`s3.amazonaws.com:PutBucketPolicy`); each must be in the CloudTrail catalog
    (`drift catalog events`). A finding matches when any of its events does; Lambda's versioned
    names (`UpdateFunctionConfiguration20150331v2`) match their base name. A qualified name also
    needs the finding's resource type to be one that call changes (findings do not keep the
    event source; this tells `ecs…:CreateCluster` from `eks…:CreateCluster`).
  - `resource_types`: canonical (CloudFormation) type names, `AWS::S3::Bucket`.
  - `environments`: environment names or globs (`staging-*`).
  - `kinds`: `modified`, `deleted`, `unmanaged`.
- `check`: how `drift check ENV RUNBOOK` looks for this drift.
  - `events`: the calls to query; default `when.events`, else every catalogued call that changes
    one of `when.resource_types` (calls whose type is worked out from the id, such as tagging
    by ARN, are left out), else (a catch-all) every change. See `Runbook.query_events`.
  - `athena_sql`: one SELECT for the `athena` source, in Athena's (Trino) SQL, checked with
    sqlglot. Values are never written into it: it names them with placeholders, `:start_day`
    and `:end_day` (yyyy/MM/dd, the `timestamp` partition; both required, so every query prunes
    on days), `:start_time` and `:end_time` (ISO, as `eventtime`), `:accounts` and `:regions`
    (lists, written `account IN (:accounts)`). `athena_query` turns them into Athena's
    positional `?` (a list into one `?` per item) and returns the values in that order, for
    `ExecutionParameters`. A positional `?` or an unknown placeholder is an error. Table names
    cannot be parameters: write the environment's table (`cloudtrail_logs` by default).
    `query_params` makes the values for a window: `:end_day` has a day of delivery slack and
    `:regions` includes us-east-1 (the global services), as the built-in query does.
- `confirm`: which differences between the live resource and the IaC state count.
  - `attributes`: path globs that matter (default all); `ignore`: path globs that never do.
    A glob's `*` matches any run of characters and `?` one; everything else is literal (paths
    hold brackets: `ingress["tcp 22-22"].cidr_blocks`), and a glob also covers everything under
    the path it names (`ingress` covers `ingress["tcp 22-22"].cidr_blocks`). The `(resource)`
    change of a deleted or unmanaged resource always matters to `attributes`.
- `fix`: how the drift is put right.
  - `reapply`: `timeout` (a duration, default `2h`: a finding still reapplying after it is open
    again, its requester told) and exactly one target: `github_actions`, `gitlab`,
    `terraform_cloud`, `spacelift`, `codebuild` (bot/policy/targets.py) or
    `webhook: {url, secret_env, allow_private_network}`
    (an https URL to POST to, and the name of the environment variable holding the signing
    secret at run time, never the secret itself; driftbot never sends it to a cloud metadata
    endpoint, and to a loopback, private or link-local address only with
    `allow_private_network: true`; redirects are not followed and the URL's query is never
    shown). Values may use placeholders (bot/policy/placeholders.py).
  - `escalate`: `{channel, usergroup, note}`: a Slack channel (`C…` id or `#name`) and/or user
    group (`S…`) to bring in, and a note for them; `pagerduty`, `incident_io`, `jira`,
    `github_issue` (bot/policy/escalation.py); `auto_after` (a duration): an open critical
    finding nobody acted on is escalated to every target after that long.
  - `approvals`: `count` (1 to 10, default 1), `groups` (Slack user group ids `S…` whose members
    may approve; default anyone), `requester_can_approve` (default false), `expires_after`
    (a duration, `4h`, `90m`, `1d`; default 4h).
- `ignore`: ignore rules (bot/config/ignores.py) that apply to the findings this runbook matches.

Parsing (one file's text into a Runbook, every problem listed) is bot/policy/parse.py's; the
names checked against the catalogs are bot/policy/names.py's; matching findings and applying the
policies is bot/policy/match.py's; the Athena SQL is bot/policy/athena.py's.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator

from bot.catalog.rules import TRAIL_RULES, base_event_name
from bot.config.ignores import IgnoreRule
from bot.config.model import StrictModel
from bot.config.urls import webhook_url_problem
from bot.config.window import parse_duration
from bot.drift.findings import Finding
from bot.messages import runbook as say
from bot.models import FindingKind, Severity
from bot.policy.athena import check_athena_sql
from bot.policy.escalation import Escalate
from bot.policy.names import (
    EnvironmentPattern,
    EventName,
    PathGlob,
    ResourceTypeName,
    UserGroupId,
    event_matches,
)
from bot.policy.targets import Codebuild, GithubActions, Gitlab, Spacelift, Target, TerraformCloud

_SECRET_ENV = re.compile(r"^[A-Z_][A-Z0-9_]*$")
_HTTPS = re.compile(r"^https?://[^\s<>|]+$")
TITLE_LENGTH = 120


class When(StrictModel):
    """Which findings a runbook is for: every key given must match; none given: a catch-all."""

    events: list[EventName] | None = None
    resource_types: list[ResourceTypeName] | None = None
    environments: list[EnvironmentPattern] | None = None
    kinds: list[FindingKind] | None = None

    @field_validator("events", "resource_types", "environments", "kinds", mode="after")
    @classmethod
    def _not_empty(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and not value:
            raise ValueError(say.expected_values())
        return value

    @property
    def dimensions(self) -> list[Sequence[str]]:
        """The keys given, as their lists of values."""
        dims = (self.events, self.resource_types, self.environments, self.kinds)
        return [d for d in dims if d is not None]

    @property
    def is_catch_all(self) -> bool:
        return not self.dimensions

    def matches(self, finding: Finding, env_name: str) -> bool:
        """Whether every key given matches `finding`, found in the environment `env_name`."""
        if self.kinds is not None and finding.kind not in self.kinds:
            return False
        if self.resource_types is not None and finding.resource_type not in self.resource_types:
            return False
        if self.environments is not None and not any(
            fnmatch.fnmatchcase(env_name, p) for p in self.environments
        ):
            return False
        if self.events is None:
            return True
        return any(
            event_matches(spec, e.event_name, finding.resource_type)
            for spec in self.events
            for e in finding.events
        )


class Check(StrictModel):
    """How `drift check ENV RUNBOOK` looks for this drift."""

    events: list[EventName] | None = Field(default=None, description="default: when.events")
    athena_sql: str | None = Field(default=None, description="one SELECT, with :placeholders")

    @field_validator("athena_sql", mode="after")
    @classmethod
    def _sql(cls, value: str | None) -> str | None:
        if value is not None:
            check_athena_sql(value)
        return value


class Confirm(StrictModel):
    """Which differences between the live resource and its IaC state count."""

    attributes: list[PathGlob] | None = Field(default=None, description="default: all")
    ignore: list[PathGlob] = Field(default_factory=list)


class Webhook(StrictModel):
    """An https endpoint to POST to, signed with the secret in an environment variable. Never
    a cloud metadata endpoint; a loopback, private or link-local address (literal, or what the
    host name resolves to when it is called) only with `allow_private_network: true`."""

    # Declared first: `url`'s check reads it.
    allow_private_network: bool = False
    url: str
    secret_env: str

    @field_validator("url", mode="after")
    @classmethod
    def _url(cls, value: str, info: ValidationInfo) -> str:
        problem = webhook_url_problem(value, bool(info.data.get("allow_private_network")))
        if problem is not None:
            raise ValueError(problem)
        return value

    @field_validator("secret_env", mode="after")
    @classmethod
    def _env(cls, value: str) -> str:
        if not _SECRET_ENV.match(value):
            raise ValueError(say.expected_secret_env(value))
        return value


def _positive_duration(value: Any) -> Any:
    """A duration key's value (`4h`, `90m`, `1d`) as a timedelta; ValueError otherwise."""
    if isinstance(value, timedelta):
        return value
    duration = parse_duration(value) if isinstance(value, str) else None
    if duration is None or duration <= timedelta(0):
        raise ValueError(say.expected_duration(value))
    return duration


class Reapply(StrictModel):
    """Where to ask for the IaC to be applied again: exactly one target (targets.py), and how
    long a finding may stay `reapplying` before it is open again (`timeout`, default 2h)."""

    timeout: timedelta = Field(default=timedelta(hours=2))
    github_actions: GithubActions | None = None
    gitlab: Gitlab | None = None
    terraform_cloud: TerraformCloud | None = None
    spacelift: Spacelift | None = None
    codebuild: Codebuild | None = None
    webhook: Webhook | None = None

    @field_validator("timeout", mode="before")
    @classmethod
    def _timeout(cls, value: Any) -> Any:
        return _positive_duration(value)

    @model_validator(mode="after")
    def _exactly_one(self) -> Reapply:
        named = [kind for kind in REAPPLY_TARGETS if getattr(self, kind) is not None]
        if len(named) != 1:
            raise ValueError(say.expected_one_target(REAPPLY_TARGETS, named))
        return self

    @property
    def kind(self) -> str:
        """The target's key: `github_actions`, `gitlab`, …, `webhook`."""
        return next(kind for kind in REAPPLY_TARGETS if getattr(self, kind) is not None)

    @property
    def target(self) -> Target | Webhook:
        """The target's settings."""
        found: Target | Webhook = getattr(self, self.kind)
        return found

    def env_vars(self) -> dict[str, str]:
        """`{key path: VARIABLE}` of the environment variables the target reads."""
        target = self.target
        if isinstance(target, Webhook):
            return {f"{self.kind}.secret_env": target.secret_env}
        return {f"{self.kind}.{key}": var for key, var in target.env_vars().items()}


REAPPLY_TARGETS: tuple[str, ...] = (
    "github_actions",
    "gitlab",
    "terraform_cloud",
    "spacelift",
    "codebuild",
    "webhook",
)


class Approvals(StrictModel):
    """Who must approve a fix before it runs, and for how long an approval holds."""

    count: int = Field(default=1, ge=1, le=10)
    groups: list[UserGroupId] = Field(default_factory=list, description="may approve; default all")
    requester_can_approve: bool = False
    expires_after: timedelta = Field(default=timedelta(hours=4))

    @field_validator("expires_after", mode="before")
    @classmethod
    def _duration(cls, value: Any) -> Any:
        return _positive_duration(value)


class Fix(StrictModel):
    """How the drift is put right: reapply the IaC, escalate, and who approves."""

    reapply: Reapply | None = None
    escalate: Escalate | None = None
    approvals: Approvals = Field(default_factory=Approvals)

    def env_vars(self) -> dict[str, str]:
        """`{key path: VARIABLE}` of every environment variable the targets read
        (`fix.reapply.github_actions.token_env: DRIFT_GITHUB_TOKEN`)."""
        out: dict[str, str] = {}
        if self.reapply is not None:
            out |= {f"fix.reapply.{k}": v for k, v in self.reapply.env_vars().items()}
        if self.escalate is not None:
            out |= {f"fix.escalate.{k}": v for k, v in self.escalate.env_vars().items()}
        return out


class RunbookFile(StrictModel):
    """A runbook file's keys, as written (see the module docstring)."""

    description: str = Field(min_length=1)
    url: str | None = Field(default=None, description="where the runbook is written up (https)")
    severity: Severity
    when: When
    check: Check = Field(default_factory=Check)
    confirm: Confirm = Field(default_factory=Confirm)
    fix: Fix = Field(default_factory=Fix)
    ignore: list[IgnoreRule] = Field(default_factory=list)

    @field_validator("url", mode="after")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is not None and not _HTTPS.match(value):
            raise ValueError(say.expected_runbook_url(value))
        return value

    @field_validator("when", mode="before")
    @classmethod
    def _when(cls, value: Any) -> Any:
        if value is None:
            raise ValueError(say.expected_when())
        return value


class Runbook(RunbookFile):
    """A validated runbook and its name (the file's stem)."""

    name: str

    @property
    def title(self) -> str:
        """The description's first line (its first sentence when the line is long): what the
        card shows."""
        line = self.description.strip().splitlines()[0].strip()
        if len(line) > TITLE_LENGTH and ". " in line:
            line = line.split(". ", 1)[0] + "."
        return line

    @property
    def rank(self) -> tuple[int, int, str]:
        """Sort key: the most specific first (more keys, then fewer values), then the name."""
        dims = self.when.dimensions
        return (-len(dims), sum(len(d) for d in dims), self.name)

    def query_events(self) -> list[str]:
        """The calls `drift check ENV RUNBOOK` queries, as `eventSource:eventName` keys:
        `check.events`, else `when.events`, else every catalogued call that changes one of
        `when.resource_types`. Empty for a catch-all: every change."""
        specs = self.check.events if self.check.events is not None else self.when.events
        if specs is not None:
            out: set[str] = set()
            for spec in specs:
                if ":" in spec:
                    source, _, name = spec.rpartition(":")
                    out.add(f"{source}:{base_event_name(name)}")
                else:
                    base = base_event_name(spec)
                    out.update(key for key, rule in TRAIL_RULES if rule.name == base)
            return sorted(out)
        types = set(self.when.resource_types or ())
        return [
            key for key, rule in TRAIL_RULES if any(t.resource_type in types for t in rule.targets)
        ]
