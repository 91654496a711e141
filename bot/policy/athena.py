"""A runbook's `check.athena_sql`: checked with sqlglot when the runbook is read, its named
placeholders' values for a window, and the SQL with Athena's positional `?` in their place.
Pure; no I/O.

Checking a text needs sqlglot (about 0.1 s to import and parse), so the texts found valid are
remembered by digest in CHECKED_SQL, which bot/shell/sql_cache.py fills from and saves to a
cache file: a start-up whose runbooks were checked before skips sqlglot. A text that fails is
never remembered, so it fails every time.

Values are never written into the SQL: it names them (`:start_day`, `:end_day`, `:start_time`,
`:end_time`, `:accounts`, `:regions`), and `athena_query` turns each into `?` (a list into one
`?` per item) and returns the values in that order, for Athena's `ExecutionParameters`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.config.problems import did_you_mean
from bot.errors import RunbookError
from bot.messages import runbook as say
from bot.trail.athena.query import partition_days
from bot.trail.fields import format_time
from bot.trail.filter import GLOBAL_EVENTS_REGION

if TYPE_CHECKING:
    from bot.policy.runbook import Runbook

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

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class _Slot:
    """A placeholder in the SQL text: [start, end) and its name (`?` for a positional one)."""

    start: int
    end: int
    name: str


def _slots(sql: str) -> list[_Slot]:
    # sqlglot is imported when SQL is read, not with the runbook models (start-up).
    import sqlglot
    from sqlglot import TokenType

    tokens = sqlglot.tokenize(sql, read="athena")
    slots = []
    for i, token in enumerate(tokens):
        if token.token_type == TokenType.PLACEHOLDER and token.text == "?":
            slots.append(_Slot(token.start, token.end + 1, "?"))
        elif token.token_type == TokenType.COLON and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if nxt.start == token.end + 1 and _IDENT.match(nxt.text):
                slots.append(_Slot(token.start, nxt.end + 1, nxt.text))
    return slots


def sql_digest(sql: str) -> str:
    """The key a checked SQL text is remembered by."""
    return hashlib.sha256(sql.encode()).hexdigest()


class CheckedSql:
    """The digests of the SQL texts known valid: those `trust`ed (read from the cache by the
    shell) and those check_athena_sql found valid in this process (`added`, to be saved)."""

    def __init__(self) -> None:
        self.valid: set[str] = set()
        self.added: set[str] = set()

    def trust(self, digests: Iterable[str]) -> None:
        self.valid.update(digests)

    def __contains__(self, sql: object) -> bool:
        return isinstance(sql, str) and sql_digest(sql) in self.valid

    def add(self, sql: str) -> None:
        digest = sql_digest(sql)
        if digest not in self.valid:
            self.valid.add(digest)
            self.added.add(digest)


CHECKED_SQL = CheckedSql()


def check_athena_sql(sql: str) -> None:
    """ValueError, worded for a runbook author, unless `sql` is one Athena SELECT that uses
    only the known placeholders, `:start_day` and `:end_day` among them. A text CHECKED_SQL
    knows valid is not parsed again."""
    if sql in CHECKED_SQL:
        return
    _check(sql)
    CHECKED_SQL.add(sql)


def _check(sql: str) -> None:
    import sqlglot
    import sqlglot.errors
    from sqlglot import exp

    try:
        statements = [s for s in sqlglot.parse(sql, read="athena") if s is not None]
        slots = _slots(sql)
    except sqlglot.errors.ParseError as exc:
        first = exc.errors[0] if exc.errors else {}
        position = (first.get("line"), first.get("col")) if first else None
        detail = first.get("description") or str(exc)
        raise ValueError(say.sql_invalid(position, first.get("highlight") or "", detail)) from None
    except sqlglot.errors.TokenError as exc:
        raise ValueError(say.sql_unclosed(str(exc))) from None
    if len(statements) != 1:
        raise ValueError(say.sql_statements(len(statements)))
    if not isinstance(statements[0], exp.Query):
        raise ValueError(say.sql_not_select(type(statements[0]).__name__.upper()))
    known = ", ".join(f":{p}" for p in PLACEHOLDERS)
    for slot in slots:
        if slot.name == "?":
            raise ValueError(say.sql_positional(known))
        if slot.name not in PLACEHOLDERS:
            close = did_you_mean(slot.name, PLACEHOLDERS).replace("`", "`:", 1)
            raise ValueError(say.sql_unknown_placeholder(slot.name, close, known))
    used = {slot.name for slot in slots}
    missing = [p for p in REQUIRED_PLACEHOLDERS if p not in used]
    if missing:
        raise ValueError(say.sql_no_day_pruning(missing))


def query_params(
    start: datetime, end: datetime, accounts: Sequence[str], regions: Sequence[str] | None
) -> dict[str, str | list[str]]:
    """The placeholder values for a window, accounts and regions (None: every region).

    `:end_day` includes a day of delivery slack and `:regions` us-east-1 (the global services'
    events), as in the built-in Athena query (bot/trail/athena/query.py)."""
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
        raise RunbookError(*say.no_athena_sql(runbook.name))
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
        raise RunbookError(*say.placeholder_without_value(runbook, name))
    value = params[name]
    if not PLACEHOLDERS.get(name, False):
        if not isinstance(value, str):
            raise TypeError(say.placeholder_takes_one(name, value))
        return [value]
    items = [value] if isinstance(value, str) else [str(v) for v in value]
    if not items:
        raise RunbookError(*say.placeholder_empty(runbook, name))
    return items
