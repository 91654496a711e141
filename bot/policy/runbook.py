"""Runbooks: per kind of drift, how it is checked, confirmed and fixed. Pure; no I/O.

A runbook is one YAML file in `runbooks/`; its name is the file's stem (`runbooks/sg.yml` is
the runbook `sg`: lower-case letters, digits, `-` and `_`). Unknown keys are rejected, and every
problem is reported with the file, the key path, what was expected and close matches for
misspelled keys, event names and resource types (bot/shell/runbook_files.py reads the files).

    description: A security group was opened to the internet   # required
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
  - `reapply`: `{webhook: {url, secret_env}}`: an https URL to POST to, and the name of the
    environment variable holding the signing secret at run time (never the secret itself).
  - `escalate`: `{channel, usergroup, note}`: a Slack channel (`C…` id or `#name`) and/or user
    group (`S…`) to bring in, and a note for them.
  - `approvals`: `count` (1 to 10, default 1), `groups` (Slack user group ids `S…` whose members
    may approve; default anyone), `requester_can_approve` (default false), `expires_after`
    (a duration, `4h`, `90m`, `1d`; default 4h).
- `ignore`: ignore rules (bot/config/ignores.py) that apply to the findings this runbook matches.

Matching (`match_runbook`): among the runbooks whose `when` matches a finding, the most specific
wins: more `when` keys given beats fewer, then fewer values listed in them, then the name (a
stable tie-break). Catch-alls come last.

Policies (`apply_policies`): each finding gets its runbook's name and severity, and loses the
changes that `confirm` or an active attribute ignore rule (the environment's or the runbook's)
rules out. An active rule without `attribute` that matches the resource moves the whole finding
to the ignored list, as does a finding confirmed only by changes that were all ruled out.
Expired rules do nothing.
"""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

import sqlglot
import sqlglot.errors
import yaml
from pydantic import AfterValidator, Field, ValidationError, field_validator, model_validator
from sqlglot import Token, TokenType, exp

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.rules import BY_ARN, BY_EC2_ID, TRAIL_RULES, base_event_name
from bot.config.ignores import IgnoreRule, path_matches
from bot.config.problems import YAML_HINT, describe_errors, did_you_mean, yaml_problem
from bot.config.sources import StrictModel
from bot.config.window import parse_duration
from bot.drift.findings import WHOLE_RESOURCE, AttributeChange, Finding, IgnoredFinding
from bot.errors import RunbookError
from bot.models import FindingKind, Severity
from bot.trail.athena import partition_days
from bot.trail.filter import GLOBAL_EVENTS_REGION, format_time

NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
# Placeholders an athena_sql may use, and whether each takes a list of values.
PLACEHOLDERS: dict[str, bool] = {
    "start_day": False,
    "end_day": False,
    "start_time": False,
    "end_time": False,
    "accounts": True,
    "regions": True,
}
REQUIRED_PLACEHOLDERS = ("start_day", "end_day")

_ENV_PATTERN = re.compile(r"^[A-Za-z0-9_.*?\[\]!-]+$")
_HTTPS_URL = re.compile(r"^https://[A-Za-z0-9.-]+(:\d{1,5})?([/?#]\S*)?$")
_SECRET_ENV = re.compile(r"^[A-Z_][A-Z0-9_]*$")
_CHANNEL = re.compile(r"^([CG][A-Z0-9]{6,}|#[a-z0-9][a-z0-9._-]{0,79})$")
_USERGROUP = re.compile(r"^S[A-Z0-9]{6,}$")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


# ---- names checked against the catalogs ---------------------------------------------------


@functools.cache
def _event_names() -> frozenset[str]:
    return frozenset(rule.name for _, rule in TRAIL_RULES)


def _check_event(value: str) -> str:
    source, qualified, name = value.rpartition(":")
    if qualified:
        known = f"{source}:{base_event_name(name)}" in TRAIL_RULES
        options: Iterable[str] = TRAIL_RULES.keys()
    else:
        known = base_event_name(value) in _event_names()
        options = _event_names()
    if not known:
        hint = did_you_mean(value, options) or " `drift catalog events` lists the known ones."
        raise ValueError(f"unknown event `{value}`.{hint}")
    return value


def _check_resource_type(value: str) -> str:
    if value not in RESOURCE_TYPES:
        hint = did_you_mean(value, RESOURCE_TYPES.keys()) or " Use a CloudFormation type name."
        raise ValueError(f"unknown resource type `{value}`.{hint}")
    return value


def _check_env_pattern(value: str) -> str:
    if not _ENV_PATTERN.match(value):
        raise ValueError(
            "expected an environment name or glob: letters, digits, `-`, `_`, `.` and `*` "
            f"(got {value!r})"
        )
    return value


def _check_usergroup(value: str) -> str:
    if not _USERGROUP.match(value):
        raise ValueError(f"expected a Slack user group id such as S0123ABCDE (got {value!r})")
    return value


def _check_glob(value: str) -> str:
    if not value.strip():
        raise ValueError("expected an attribute path or glob such as `tags.*` (got '')")
    return value


EventName = Annotated[str, AfterValidator(_check_event)]
ResourceTypeName = Annotated[str, AfterValidator(_check_resource_type)]
EnvironmentPattern = Annotated[str, AfterValidator(_check_env_pattern)]
PathGlob = Annotated[str, AfterValidator(_check_glob)]
UserGroupId = Annotated[str, AfterValidator(_check_usergroup)]


# ---- the file's models --------------------------------------------------------------------


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
            raise ValueError("expected at least one value; leave the key out to match any")
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


def event_matches(spec: str, event_name: str, resource_type: str) -> bool:
    """Whether an event of a finding of `resource_type` is the call `spec` names."""
    source, qualified, name = spec.rpartition(":")
    if base_event_name(event_name) != base_event_name(name):
        return False
    if not qualified:
        return True
    rule = TRAIL_RULES.find(f"{source}:{base_event_name(name)}")
    if rule is None:
        return False
    return any(t.resource_type in (resource_type, BY_EC2_ID, BY_ARN) for t in rule.targets)


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
    """An https endpoint to POST to, signed with the secret in an environment variable."""

    url: str
    secret_env: str

    @field_validator("url", mode="after")
    @classmethod
    def _url(cls, value: str) -> str:
        loopback = value.lower().startswith(("http://127.0.0.1", "http://localhost"))
        if not value.lower().startswith("https://") and not loopback:
            raise ValueError(f"expected an https:// URL (got {value!r})")
        if "@" in value.split("/", 3)[2]:
            raise ValueError(
                "expected a URL without credentials: put the secret in the environment "
                "variable named by `secret_env` (got a URL with `user@`)"
            )
        if not _HTTPS_URL.match(value) and not loopback:
            raise ValueError(f"expected a URL such as https://ci.example.com/hooks (got {value!r})")
        return value

    @field_validator("secret_env", mode="after")
    @classmethod
    def _env(cls, value: str) -> str:
        if not _SECRET_ENV.match(value):
            raise ValueError(
                "expected the name of an environment variable, such as "
                f"DRIFT_REAPPLY_SECRET (got {value!r})"
            )
        return value


class Reapply(StrictModel):
    """Where to ask for the IaC to be applied again."""

    webhook: Webhook


class Escalate(StrictModel):
    """Whom to bring in: a Slack channel and/or user group, with a note."""

    channel: str | None = None
    usergroup: UserGroupId | None = None
    note: str | None = None

    @field_validator("channel", mode="after")
    @classmethod
    def _channel(cls, value: str | None) -> str | None:
        if value is not None and not _CHANNEL.match(value):
            raise ValueError(f"expected a Slack channel id (C0123ABCDE) or #name (got {value!r})")
        return value

    @model_validator(mode="after")
    def _someone(self) -> Escalate:
        if self.channel is None and self.usergroup is None:
            raise ValueError("expected at least one of `channel` or `usergroup`")
        return self


class Approvals(StrictModel):
    """Who must approve a fix before it runs, and for how long an approval holds."""

    count: int = Field(default=1, ge=1, le=10)
    groups: list[UserGroupId] = Field(default_factory=list, description="may approve; default all")
    requester_can_approve: bool = False
    expires_after: timedelta = Field(default=timedelta(hours=4))

    @field_validator("expires_after", mode="before")
    @classmethod
    def _duration(cls, value: Any) -> Any:
        if isinstance(value, timedelta):
            return value
        duration = parse_duration(value) if isinstance(value, str) else None
        if duration is None or duration <= timedelta(0):
            raise ValueError(f"expected a duration such as 4h, 90m or 1d (got {value!r})")
        return duration


class Fix(StrictModel):
    """How the drift is put right: reapply the IaC, escalate, and who approves."""

    reapply: Reapply | None = None
    escalate: Escalate | None = None
    approvals: Approvals = Field(default_factory=Approvals)


class RunbookFile(StrictModel):
    """A runbook file's keys, as written (see the module docstring)."""

    description: str = Field(min_length=1)
    severity: Severity
    when: When
    check: Check = Field(default_factory=Check)
    confirm: Confirm = Field(default_factory=Confirm)
    fix: Fix = Field(default_factory=Fix)
    ignore: list[IgnoreRule] = Field(default_factory=list)

    @field_validator("when", mode="before")
    @classmethod
    def _when(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("expected a mapping; write `when: {}` for a catch-all")
        return value


class Runbook(RunbookFile):
    """A validated runbook and its name (the file's stem)."""

    name: str

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
        return [key for key, rule in TRAIL_RULES
                if any(t.resource_type in types for t in rule.targets)]  # fmt: skip


def parse_runbook(text: str, path: Path) -> Runbook:
    """Validate one runbook file's text; its name is the file's stem. RunbookError lists every
    problem, each naming the file, the key path and what was expected."""
    name = path.stem
    problems: list[str] = []
    if not NAME.match(name):
        problems.append(
            f"{path}: the file name `{name}` is the runbook's name; use lower-case letters, "
            "digits, `-` and `_`."
        )
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise invalid_runbook(path, [yaml_problem(path, exc)], YAML_HINT) from exc
    if not isinstance(data, dict):
        problems.append(f"{path}: expected a mapping with `description:`, `severity:` and "
                        "`when:` at the top.")  # fmt: skip
        raise invalid_runbook(path, problems)
    if "name" in data:
        data = {k: v for k, v in data.items() if k != "name"}
        problems.append(f"{path}: `name`: unknown key. A runbook's name is its file name "
                        f"(`{name}`); rename the file instead.")  # fmt: skip
    try:
        spec = RunbookFile.model_validate(data)
    except ValidationError as exc:
        problems += [f"{path}: `{key}`: {text}" for key, text in describe_errors(exc, RunbookFile)]
        raise invalid_runbook(path, problems) from exc
    if problems:
        raise invalid_runbook(path, problems)
    return Runbook.model_validate({**dict(spec), "name": name})


def invalid_runbook(path: Path, problems: Sequence[str], hint: str = "") -> RunbookError:
    """The error for one file's problems."""
    return RunbookError(
        f"{path} is not a valid runbook:\n" + "\n".join(f"  - {p}" for p in problems),
        hint or RUNBOOK_HINT,
        problems=problems,
    )


RUNBOOK_HINT = "Every runbook key is described in the README's Runbooks section."


# ---- matching and policies ----------------------------------------------------------------


def match_runbook(
    finding: Finding, env_name: str, runbooks: Mapping[str, Runbook]
) -> Runbook | None:
    """The most specific runbook whose `when` matches `finding` (see the module docstring)."""
    candidates = [rb for rb in runbooks.values() if rb.when.matches(finding, env_name)]
    return min(candidates, key=lambda rb: rb.rank, default=None)


def apply_policies(
    findings: Iterable[Finding],
    runbooks: Mapping[str, Runbook],
    env_ignores: Sequence[IgnoreRule],
    env_name: str,
    now: datetime,
) -> tuple[list[Finding], list[IgnoredFinding]]:
    """Each finding with its runbook and severity, and its changes filtered by the runbook's
    `confirm` and every active attribute ignore rule; the findings ignored as a whole apart,
    each with the rule and reason that took it out."""
    env_rules = [(f"environment `{env_name}`", r) for r in env_ignores if r.is_active(now)]
    kept: list[Finding] = []
    ignored: list[IgnoredFinding] = []
    for finding in findings:
        runbook = match_runbook(finding, env_name, runbooks)
        rules = [
            (origin, r) for origin, r in env_rules + _active(runbook, now)
            if r.matches_resource(finding.resource_type, finding.resource_id, finding.addresses)
        ]  # fmt: skip
        whole = next(((o, r) for o, r in rules if r.attribute is None), None)
        if whole is not None:
            origin, rule = whole
            ignored.append(_ignored(finding, f"ignore rule of {origin}: {rule.describe()}",
                                    rule.reason))  # fmt: skip
            continue
        changes, why = _filter_changes(finding.changes, runbook, rules)
        if finding.confirmed is True and finding.changes and not changes:
            paths = ", ".join(f"`{c.path}`" for c in finding.changes)
            ignored.append(_ignored(
                finding,
                "; ".join(dict.fromkeys(why)),
                f"every attribute that differs is ignored ({paths})",
            ))  # fmt: skip
            continue
        kept.append(
            finding.model_copy(
                update={
                    "changes": changes,
                    "runbook": runbook.name if runbook else None,
                    "severity": runbook.severity if runbook else None,
                }
            )
        )
    return kept, ignored


def _active(runbook: Runbook | None, now: datetime) -> list[tuple[str, IgnoreRule]]:
    if runbook is None:
        return []
    return [(f"runbook `{runbook.name}`", r) for r in runbook.ignore if r.is_active(now)]


def _filter_changes(
    changes: Sequence[AttributeChange],
    runbook: Runbook | None,
    rules: Sequence[tuple[str, IgnoreRule]],
) -> tuple[list[AttributeChange], list[str]]:
    """The changes that still count, and why each other one was dropped."""
    confirm = runbook.confirm if runbook else Confirm()
    name = runbook.name if runbook else ""
    kept: list[AttributeChange] = []
    why: list[str] = []
    for change in changes:
        path = change.path
        if (
            confirm.attributes is not None
            and path != WHOLE_RESOURCE
            and not any(path_matches(path, p) for p in confirm.attributes)
        ):
            why.append(f"runbook `{name}` `confirm.attributes`: {', '.join(confirm.attributes)}")
            continue
        pattern = next((p for p in confirm.ignore if path_matches(path, p)), None)
        if pattern is not None:
            why.append(f"runbook `{name}` `confirm.ignore`: {pattern}")
            continue
        rule = next(
            ((o, r) for o, r in rules if r.attribute is not None and r.matches_path(path)), None
        )
        if rule is not None:
            why.append(f"ignore rule of {rule[0]}: {rule[1].describe()}")
            continue
        kept.append(change)
    return kept, why


def _ignored(finding: Finding, rule: str, reason: str) -> IgnoredFinding:
    return IgnoredFinding(
        resource_type=finding.resource_type,
        resource_id=finding.resource_id,
        account_id=finding.account_id,
        region=finding.region,
        rule=rule,
        reason=reason,
    )


# ---- Athena SQL ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Slot:
    """A placeholder in the SQL text: [start, end) and its name (`?` for a positional one)."""

    start: int
    end: int
    name: str


def _slots(sql: str) -> list[_Slot]:
    tokens: list[Token] = sqlglot.tokenize(sql, read="athena")
    slots = []
    for i, token in enumerate(tokens):
        if token.token_type == TokenType.PLACEHOLDER and token.text == "?":
            slots.append(_Slot(token.start, token.end + 1, "?"))
        elif token.token_type == TokenType.COLON and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if nxt.start == token.end + 1 and _IDENT.match(nxt.text):
                slots.append(_Slot(token.start, nxt.end + 1, nxt.text))
    return slots


def check_athena_sql(sql: str) -> None:
    """ValueError, worded for a runbook author, unless `sql` is one Athena SELECT that uses
    only the known placeholders, `:start_day` and `:end_day` among them."""
    try:
        statements = [s for s in sqlglot.parse(sql, read="athena") if s is not None]
        slots = _slots(sql)
    except sqlglot.errors.ParseError as exc:
        first = exc.errors[0] if exc.errors else {}
        where = f" at line {first.get('line')}, column {first.get('col')}" if first else ""
        near = f", near `{first['highlight']}`" if first.get("highlight") else ""
        detail = first.get("description") or str(exc)
        raise ValueError(f"not valid Athena SQL{where}{near} ({detail})") from None
    except sqlglot.errors.TokenError as exc:
        raise ValueError(f"not valid Athena SQL: {exc} (an unclosed quote?)") from None
    if len(statements) != 1:
        raise ValueError(f"expected one SELECT statement (got {len(statements)} statements)")
    if not isinstance(statements[0], exp.Query):
        kind = type(statements[0]).__name__.upper()
        raise ValueError(f"expected a SELECT query; runbooks only read (got a {kind} statement)")
    known = ", ".join(f":{p}" for p in PLACEHOLDERS)
    for slot in slots:
        if slot.name == "?":
            raise ValueError(f"positional `?` placeholders are not allowed; use the named ones: "
                             f"{known} (got `?`)")  # fmt: skip
        if slot.name not in PLACEHOLDERS:
            hint = did_you_mean(slot.name, PLACEHOLDERS).replace("`", "`:", 1)
            raise ValueError(f"unknown placeholder `:{slot.name}`.{hint} Known: {known}.")
    used = {slot.name for slot in slots}
    missing = [p for p in REQUIRED_PLACEHOLDERS if p not in used]
    if missing:
        raise ValueError(
            "expected the query to prune on the day partition with "
            f'`"timestamp" BETWEEN :start_day AND :end_day` (it does not use '
            f"{', '.join(f':{m}' for m in missing)}; without it Athena scans every day)"
        )


def query_params(
    start: datetime, end: datetime, accounts: Sequence[str], regions: Sequence[str] | None
) -> dict[str, str | list[str]]:
    """The placeholder values for a window, accounts and regions (None: every region).

    `:end_day` includes a day of delivery slack and `:regions` us-east-1 (the global services'
    events), as in the built-in Athena query (bot/trail/athena.py)."""
    first, last = partition_days(start, end)
    params: dict[str, str | list[str]] = {
        "start_day": first,
        "end_day": last,
        "start_time": format_time(start),
        "end_time": format_time(end),
        "accounts": sorted(accounts),
    }
    if regions is not None:
        params["regions"] = sorted({*regions, GLOBAL_EVENTS_REGION})
    return params


def athena_query(
    runbook: Runbook, params: Mapping[str, str | Sequence[str]]
) -> tuple[str, list[str]]:
    """The runbook's `check.athena_sql` with Athena's positional `?` in place of each named
    placeholder (one `?` per item of a list), and the values in the same order. No value is
    ever written into the SQL text."""
    sql = runbook.check.athena_sql
    if sql is None:
        raise RunbookError(
            f"The runbook `{runbook.name}` has no `check.athena_sql`.",
            "Add one to query it with the athena source, or check it with `check.events`.",
        )
    parts: list[str] = []
    values: list[str] = []
    pos = 0
    for slot in _slots(sql):
        items = _values(runbook.name, slot.name, params)
        parts += [sql[pos : slot.start], ", ".join("?" * len(items))]
        values += items
        pos = slot.end
    parts.append(sql[pos:])
    return "".join(parts), values


def _values(runbook: str, name: str, params: Mapping[str, str | Sequence[str]]) -> list[str]:
    if name not in params:
        raise RunbookError(
            f"The runbook `{runbook}`'s `check.athena_sql` uses `:{name}`, which has no value "
            "here.",
            "List the environment's regions instead of `*`." if name == "regions" else
            "List the environment's accounts instead of `*`." if name == "accounts" else "",
        )  # fmt: skip
    value = params[name]
    if not PLACEHOLDERS.get(name, False):
        if not isinstance(value, str):
            raise TypeError(f"`:{name}` takes one string, got {value!r}")
        return [value]
    items = [value] if isinstance(value, str) else [str(v) for v in value]
    if not items:
        raise RunbookError(
            f"The runbook `{runbook}`'s `check.athena_sql` needs at least one value for "
            f"`:{name}`; none was given.",
            f"List the environment's {name} in drift.yml.",
        )
    return items
