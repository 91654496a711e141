"""The sentences of drift.yml and the files it points at: a key's problem, the wording of
validation problems in our own YAML files, the check window, ignore rules, the Athena table and
query, and CloudTrail log files that cannot be read. Pure.

A validator's problem is one sentence that starts with what was expected (the file and key path
are added where it is reported); errors return (message, hint) or one message.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

Message = tuple[str, str]

YAML_HINT = "Fix the YAML syntax there (indentation, quotes, a missing `:`)."
CONFIG_HINT = "See the README's Configuration section for every key."


# How a problem in our own YAML files is worded (bot/config/problems.py).


def suggestion(close: Sequence[str]) -> str:
    """` Did you mean `x`?` (with a leading space) for the close matches, or `` for none."""
    if not close:
        return ""
    return " Did you mean " + " or ".join(f"`{c}`" for c in close) + "?"


def not_yaml(path: Path, where: str, problem: object) -> str:
    """`where`: ` line L, column C`, or `` when the parser gave no position."""
    return f"{path}{where}: not valid YAML ({problem})."


def yaml_position(line: int, column: int) -> str:
    return f" line {line}, column {column}"


def unknown_key(close: str, allowed: Sequence[str]) -> str:
    return f"unknown key.{close} Allowed here: {', '.join(allowed) or 'none'}."


def missing_key() -> str:
    return "required key is missing."


def got(value: object) -> str:
    return f" (got {clip(repr(value))})"


def clip(text: str, limit: int = 120) -> str:
    """A value quoted in an error, cut to `limit` characters (a file can hold megabytes)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def refused_yaml(path: Path, where: str, problem: object) -> str:
    """A file refused before it is used (an alias bomb, a key given twice, deep nesting)."""
    return f"{path}{where}: refused: {problem}"


REFUSED_YAML_HINT = (
    "Write the file out plainly: each key once per mapping, and anchors only for a few shared "
    "settings."
)


def too_many_aliases(limit: int) -> str:
    return f"more than {limit} YAML aliases (`*name`); no sane config needs that many."


def too_many_nodes(limit: int) -> str:
    return (
        f"more than {limit:,} values once its aliases are expanded; "
        "no sane config is that large (an alias bomb?)."
    )


def recursive_alias() -> str:
    return "an alias inside the anchor it names (a recursive structure)."


def nested_too_deep() -> str:
    return "nested too deeply to read."


def key_given_twice(key: str, first_line: int) -> str:
    return (
        f"`{key}` is given twice in one mapping (first on line {first_line}); "
        "YAML would keep only the last one."
    )


def top_level() -> str:
    """The key path of a problem with the whole file."""
    return "(top level)"


# drift.yml's keys (bot/config/).


def expected_cron(value: str) -> str:
    return f"expected a cron expression such as */15 * * * * (got {value!r})"


def expected_time_of_day(value: str) -> str:
    return f"expected a time of day such as 09:00 (got {value!r})"


def expected_timezone(value: str) -> str:
    return f"expected an IANA time zone such as Europe/Berlin (got {value!r})"


def expected_overlap(value: str) -> str:
    return f"expected a duration such as 15m (got {value!r})"


def expected_slack_user(value: str) -> str:
    return f"expected a Slack user id such as U0123ABCD (got {value!r})"


def expected_slack_usergroup(value: str) -> str:
    return f"expected a Slack user group id such as S0123ABCD (got {value!r})"


def expected_slack_channel(value: str) -> str:
    return (
        f"expected a Slack channel id such as C0123ABCDEF (got {value!r}); in Slack, "
        "open the channel's details to copy it"
    )


def url_with_credentials() -> str:
    return (
        "expected a URL without credentials: put the token in the environment variable the "
        "`*_env` key names (got a URL with `user@`)"
    )


def expected_branch(value: str) -> str:
    return f"expected a branch name such as main (got {value!r})"


def expected_repo_path(value: str) -> str:
    return f"expected a folder in the repository such as imports/ (got {value!r})"


def expected_env_name(value: str) -> str:
    return (
        f"expected the name of an environment variable, such as DRIFT_GITHUB_TOKEN (got {value!r})"
    )


def expected_api_url(value: str) -> str:
    return f"expected an https:// address such as https://api.github.com (got {value!r})"


def expected_repo(value: str) -> str:
    return f"expected a repository as owner/name, such as acme/infra (got {value!r})"


def expected_gitlab_project(value: str) -> str:
    return f"expected a project path such as acme/infra, or its numeric id (got {value!r})"


def expected_one_forge() -> str:
    return "expected exactly one of `github` or `gitlab`"


def expected_role_arn(value: str) -> str:
    return (
        "expected a role ARN such as arn:aws:iam::111122223333:role/driftbot-reader "
        f"(or with {{account_id}} in place of the account) (got {value!r})"
    )


def expected_account_id(item: object) -> str:
    return f'expected a 12-digit account id, a list of them, or "*" (got {item!r})'


def expected_an_account() -> str:
    return 'expected at least one account id, or "*"'


def expected_regions(value: object) -> str:
    return f'expected a list of region names such as [us-east-1], or "*" (got {value!r})'


def expected_region(item: object) -> str:
    return f"expected a region name such as us-east-1 (got {item!r})"


def expected_principal(item: str) -> str:
    return (
        "expected an ARN or ARN pattern such as "
        f"arn:aws:iam::111122223333:role/terraform-ci (got {item!r})"
    )


def expected_queue_url(value: str) -> str:
    return (
        f"expected an SQS queue URL such as "
        f"https://sqs.us-east-1.amazonaws.com/111122223333/driftbot-events, got {value!r}"
    )


def expected_state_refresh(value: str) -> str:
    return f"expected a duration such as 60s or 5m, got {value!r}"


def expected_retention(value: str) -> str:
    return f"expected a duration such as 90d or 12w (got {value!r})"


def expected_environment_name(name: str) -> str:
    return f"environment names are letters, digits, `-`, `_` and `.` (got {name!r})"


def expected_bucket(value: str) -> str:
    return f"expected an S3 bucket name (got {value!r})"


def expected_organization_id(value: str) -> str:
    return f"expected an organization id like o-a1b2c3d4e5 (got {value!r})"


def expected_athena_name(value: str) -> str:
    return f"expected letters, digits and underscores (got {value!r})"


def expected_s3_url(value: str) -> str:
    return f"expected an s3://bucket/prefix/ URL (got {value!r})"


def expected_projection_day(value: str) -> str:
    return f"expected a day written YYYY/MM/DD (got {value!r})"


def expected_trail_source() -> str:
    return "expected one of files, lookup_events, athena, s3"


def expected_state_entry() -> str:
    return "expected a `terraform:`, `cloudformation:` or `pulumi:` entry"


def expected_stack_selector() -> str:
    return "expected at least one of `stacks`, `prefix` or `tags`"


def expected_ignore_selector() -> str:
    return "an ignore rule needs at least one of `resource_type`, `id`, `address` or `attribute`"


# drift.yml as a whole.


def not_a_config(path: Path) -> Message:
    return (
        f"{path}: expected a mapping with an `environments:` key at the top.",
        "See the README's Configuration section for an example.",
    )


def invalid_config(path: Path, problems: Sequence[tuple[str, str]]) -> Message:
    """`problems`: (key path, problem) pairs."""
    lines = [f"  - `{key}`: {text}" for key, text in problems]
    return f"{path} is not a valid driftbot config:\n" + "\n".join(lines), CONFIG_HINT


def no_environment(name: str, path: Path, close: str | None, known: Sequence[str]) -> Message:
    hint = f"Did you mean `{close}`? " if close else ""
    return (
        f"No environment named `{name}` in {path}.",
        f"{hint}Known environments: {', '.join(known)}.",
    )


# Ignore rules, as findings and reports show them.


def ignore_rule(
    selectors: Sequence[tuple[str, str]], until: date | datetime | None, reason: str
) -> str:
    """`selectors`: (key, glob) pairs the rule gives."""
    parts = ", ".join(f"{k}={v}" for k, v in selectors)
    return f"{parts}{f' until {until}' if until else ''}: {reason}"


# The check window (`--since`, `--until`).


def until_expected(until: str) -> str:
    return f"--until: expected a time such as 2026-11-24T10:00:00Z or 2026-11-24 (got {until!r})."


def since_expected(since: str) -> str:
    return (
        f"--since: expected a duration such as 24h, 90m or 7d, or a time such as "
        f"2026-11-23T10:00:00Z (got {since!r})."
    )


def window_backwards(start: datetime, end: datetime) -> str:
    return (
        f"The window starts after it ends ({start:%Y-%m-%dT%H:%M:%SZ} > "
        f"{end:%Y-%m-%dT%H:%M:%SZ}); check --since and --until."
    )


# The Athena table and query (bot/trail/athena/).


def ddl_without_bucket(env: str, source: str) -> Message:
    return (
        f"Environment `{env}` reads CloudTrail with `source: {source}`, so its "
        "trail's bucket is unknown.",
        f"Set `environments.{env}.cloudtrail` to `source: athena` with the trail's "
        "`bucket` (and `prefix`, `organization_id`), then run `drift athena ddl` again.",
    )


def query_without_accounts() -> str:
    return "An Athena query needs at least one account id."
