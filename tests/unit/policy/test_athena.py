"""Runbooks: `check.athena_sql` with its placeholders' values, as Athena runs it."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.errors import RunbookError
from bot.policy.athena import athena_query, query_params
from tests.unit.policy.runbooks import (
    SQL,
    runbook,
)

PARAMS = {
    "start_day": "2026/11/23",
    "end_day": "2026/11/25",
    "start_time": "2026-11-23T00:00:00Z",
    "end_time": "2026-11-24T00:00:00Z",
    "accounts": ["111122223333", "444455556666"],
    "regions": ["eu-west-1", "us-east-1"],
}


def test_athena_query_expands_lists_into_one_placeholder_each():
    """Named placeholders become `?` in order; a list becomes one `?` per value."""
    sql, values = athena_query(runbook(check={"athena_sql": SQL}), PARAMS)

    assert "BETWEEN ? AND ?\n  AND account IN (?, ?)\n  AND region IN (?, ?)" in sql
    assert values == [
        "2026/11/23",
        "2026/11/25",
        "111122223333",
        "444455556666",
        "eu-west-1",
        "us-east-1",
        "2026-11-23T00:00:00Z",
        "2026-11-24T00:00:00Z",
    ]


def test_athena_query_never_writes_a_value_into_the_sql():
    """No value, however it looks, appears in the SQL text."""
    hostile = PARAMS | {"accounts": ["'; DROP TABLE cloudtrail_logs; --"]}

    sql, values = athena_query(runbook(check={"athena_sql": SQL}), hostile)

    assert ":" not in sql.replace("::", "")
    assert all(str(v) not in sql for v in values)


def test_athena_query_leaves_strings_and_comments_alone():
    """`:accounts` inside a string literal or a comment is text, not a placeholder."""
    text = SQL + "  AND eventname <> ':accounts' -- not :regions\n"

    sql, values = athena_query(runbook(check={"athena_sql": text}), PARAMS)

    assert "<> ':accounts' -- not :regions" in sql
    assert len(values) == 8


def test_athena_query_without_a_value_names_the_placeholder():
    """`:regions` with an environment of every region (`*`) says what to do."""
    params = {k: v for k, v in PARAMS.items() if k != "regions"}

    with pytest.raises(RunbookError, match="uses `:regions`"):
        athena_query(runbook(check={"athena_sql": SQL}), params)


def test_athena_query_needs_athena_sql():
    """A runbook without `check.athena_sql` cannot be queried through Athena."""
    with pytest.raises(RunbookError, match=re.escape("has no `check.athena_sql`")):
        athena_query(runbook(), PARAMS)


def test_query_params_for_a_window():
    """Partition days (plus a day of delivery slack), CloudTrail times, us-east-1 added."""
    params = query_params(
        datetime(2026, 11, 23, tzinfo=UTC),
        datetime(2026, 11, 24, tzinfo=UTC),
        ["111122223333"],
        ["eu-west-1"],
    )

    assert params == {
        "start_day": "2026/11/23",
        "end_day": "2026/11/25",
        "start_time": "2026-11-23T00:00:00Z",
        "end_time": "2026-11-24T00:00:00Z",
        "accounts": ["111122223333"],
        "regions": ["eu-west-1", "us-east-1"],
    }
