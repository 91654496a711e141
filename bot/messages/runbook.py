"""The sentences of runbooks: what a runbook file gets wrong, why a finding's change or the
finding itself was ruled out, and why a runbook's Athena SQL cannot run. Pure.

A validator's problem is one sentence that starts with what was expected (the file and key path
are added where it is reported); errors return (message, hint).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

Message = tuple[str, str]

RUNBOOK_HINT = "Every runbook key is described in the README's Runbooks section."


# What a runbook file gets wrong.


def unknown_event(value: str, close: str) -> str:
    """`close`: a ` Did you mean …?` suggestion, or ``."""
    return f"unknown event `{value}`.{close or ' `drift catalog events` lists the known ones.'}"


def unknown_resource_type(value: str, close: str) -> str:
    return f"unknown resource type `{value}`.{close or ' Use a CloudFormation type name.'}"


def expected_environment_pattern(value: str) -> str:
    return (
        "expected an environment name or glob: letters, digits, `-`, `_`, `.` and `*` "
        f"(got {value!r})"
    )


def expected_usergroup(value: str) -> str:
    return f"expected a Slack user group id such as S0123ABCDE (got {value!r})"


def expected_glob() -> str:
    return "expected an attribute path or glob such as `tags.*` (got '')"


def expected_values() -> str:
    return "expected at least one value; leave the key out to match any"


def expected_secret_env(value: str) -> str:
    return (
        "expected the name of an environment variable, such as "
        f"DRIFT_REAPPLY_SECRET (got {value!r})"
    )


def expected_channel(value: str) -> str:
    return f"expected a Slack channel id (C0123ABCDE) or #name (got {value!r})"


def expected_someone() -> str:
    return (
        "expected at least one of `channel`, `usergroup`, `pagerduty`, `incident_io`, `jira` "
        "or `github_issue`"
    )


def expected_duration(value: object) -> str:
    return f"expected a duration such as 4h, 90m or 1d (got {value!r})"


# Reapply and escalation targets, and the placeholders in their values.


def expected_one_target(known: Sequence[str], named: Sequence[str]) -> str:
    got = ", ".join(f"`{n}`" for n in named) if named else "none"
    return f"expected exactly one target: one of {', '.join(known)} (got {got})"


def unknown_placeholder(name: str, close: str | None) -> str:
    hint = f" Did you mean `{{{close}}}`?" if close else ""
    return (
        f"unknown placeholder `{{{name}}}`.{hint} Known: {{env}}, {{finding_id}}, "
        "{resource_type}, {resource_id}, {account_id}, {region}, {addresses}, "
        "{target_flags}, {requested_by}, {approved_by}, {card_url}; write {{ and }} for "
        "literal braces"
    )


def placeholder_with_format(name: str) -> str:
    return f"expected a plain placeholder such as `{{{name}}}`, without `:` or `!` after the name"


def bad_template(value: str, detail: str) -> str:
    return f"expected text with {{placeholders}} ({detail}; write {{{{ and }}}} for braces)"


def expected_input_name(value: str) -> str:
    return f"expected a name of letters, digits and `_` (got {value!r})"


def expected_workflow(value: str) -> str:
    return (
        f"expected the workflow's file name (drift-reapply.yml) or its numeric id (got {value!r})"
    )


def too_many_inputs(count: int, limit: int) -> str:
    return f"expected at most {limit} inputs, GitHub's limit (got {count})"


def expected_tfc_name(value: str) -> str:
    return f"expected a name of letters, digits, `-` and `_` (got {value!r})"


def expected_stack(value: str) -> str:
    return f"expected a Spacelift stack id such as prod-network (got {value!r})"


def expected_codebuild_project(value: str) -> str:
    return f"expected a CodeBuild project name such as infra-apply (got {value!r})"


def expected_region(value: str) -> str:
    return f"expected an AWS region such as us-east-1 (got {value!r})"


def expected_alert_source(value: str) -> str:
    return (
        f"expected the alert source's config id, such as 01GW2G3V0S59R238FAHPDS1R66 (got {value!r})"
    )


def expected_jira_project(value: str) -> str:
    return f"expected a Jira project key such as OPS (got {value!r})"


def env_not_set(path: Path, key: str, variable: str) -> str:
    return (
        f"{path}: `{key}`: the environment variable `{variable}` is not set; set it where "
        "driftbot runs (the worker and the Slack app)."
    )


def env_problems(problems: Sequence[str]) -> Message:
    count = len(problems)
    return (
        f"{count} environment variable{'s' if count != 1 else ''} the runbooks name "
        f"{'are' if count != 1 else 'is'} not set:\n" + "\n".join(f"  - {p}" for p in problems),
        "Set them where driftbot runs; the runbooks name variables, never the secrets.",
    )


def expected_when() -> str:
    return "expected a mapping; write `when: {}` for a catch-all"


def file_name(path: Path, name: str) -> str:
    return (
        f"{path}: the file name `{name}` is the runbook's name; use lower-case letters, "
        "digits, `-` and `_`."
    )


def not_a_mapping(path: Path) -> str:
    return f"{path}: expected a mapping with `description:`, `severity:` and `when:` at the top."


def name_key(path: Path, name: str) -> str:
    return (
        f"{path}: `name`: unknown key. A runbook's name is its file name "
        f"(`{name}`); rename the file instead."
    )


def key_problem(path: Path, key: str, text: str) -> str:
    return f"{path}: `{key}`: {text}"


def invalid_runbook(path: Path, problems: Sequence[str]) -> str:
    return f"{path} is not a valid runbook:\n" + "\n".join(f"  - {p}" for p in problems)


# Why a finding, or one of its changes, was ruled out.


def environment_origin(env: str) -> str:
    return f"environment `{env}`"


def runbook_origin(name: str) -> str:
    return f"runbook `{name}`"


def ignored_by_rule(origin: str, rule: str) -> str:
    """`rule`: the rule as IgnoreRule.describe() writes it."""
    return f"ignore rule of {origin}: {rule}"


def every_change_ignored(paths: Sequence[str]) -> str:
    listed = ", ".join(f"`{p}`" for p in paths)
    return f"every attribute that differs is ignored ({listed})"


def outside_confirm_attributes(runbook: str, attributes: Sequence[str]) -> str:
    return f"runbook `{runbook}` `confirm.attributes`: {', '.join(attributes)}"


def confirm_ignored(runbook: str, pattern: str) -> str:
    return f"runbook `{runbook}` `confirm.ignore`: {pattern}"


# Why a runbook's Athena SQL cannot run.


def sql_invalid(position: tuple[object, object] | None, highlight: str, detail: str) -> str:
    """`position`: (line, column), None when the parser named none; `highlight`: the text
    it stopped at, `` when it named none."""
    where = f" at line {position[0]}, column {position[1]}" if position is not None else ""
    near = f", near `{highlight}`" if highlight else ""
    return f"not valid Athena SQL{where}{near} ({detail})"


def sql_unclosed(detail: str) -> str:
    return f"not valid Athena SQL: {detail} (an unclosed quote?)"


def sql_statements(count: int) -> str:
    return f"expected one SELECT statement (got {count} statements)"


def sql_not_select(kind: str) -> str:
    return f"expected a SELECT query; runbooks only read (got a {kind} statement)"


def sql_positional(known: str) -> str:
    return f"positional `?` placeholders are not allowed; use the named ones: {known} (got `?`)"


def sql_unknown_placeholder(name: str, close: str, known: str) -> str:
    return f"unknown placeholder `:{name}`.{close} Known: {known}."


def sql_no_day_pruning(missing: Sequence[str]) -> str:
    return (
        "expected the query to prune on the day partition with "
        f'`"timestamp" BETWEEN :start_day AND :end_day` (it does not use '
        f"{', '.join(f':{m}' for m in missing)}; without it Athena scans every day)"
    )


def no_athena_sql(runbook: str) -> Message:
    return (
        f"The runbook `{runbook}` has no `check.athena_sql`.",
        "Add one to query it with the athena source, or check it with `check.events`.",
    )


def placeholder_without_value(runbook: str, name: str) -> Message:
    hints = {
        "regions": "List the environment's regions instead of `*`.",
        "accounts": "List the environment's accounts instead of `*`.",
    }
    return (
        f"The runbook `{runbook}`'s `check.athena_sql` uses `:{name}`, which has no value here.",
        hints.get(name, ""),
    )


def placeholder_takes_one(name: str, value: object) -> str:
    return f"`:{name}` takes one string, got {value!r}"


def placeholder_empty(runbook: str, name: str) -> Message:
    return (
        f"The runbook `{runbook}`'s `check.athena_sql` needs at least one value for "
        f"`:{name}`; none was given.",
        f"List the environment's {name} in drift.yml.",
    )


def expected_runbook_url(value: object) -> str:
    return f"expected an http(s) URL without spaces, got {value!r}"
