"""The query the `athena` source runs, what Athena charges for it, and the values it takes.
Pure; no I/O.

Queries never carry a user-given value in their text: dates, accounts and regions are `?`
placeholders whose values travel as Athena `ExecutionParameters` (or DuckDB parameters).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.errors import ConfigError
from bot.messages import config as say
from bot.trail.athena.table import IDENTITY_LEAVES, RECORD_STRINGS, identity_alias
from bot.trail.fields import format_time
from bot.trail.filter import GLOBAL_EVENTS_REGION
from bot.trail.paths import DELIVERY_SLACK

# Athena bills $5 per TB scanned, each query rounded up to the megabyte, 10 MB at least.
USD_PER_TB = 5.0
TB = 1024**4
MB = 1024**2
MIN_BILLED_BYTES = 10 * MB


def quote_identifier(name: str) -> str:
    """A Trino/Athena identifier in double quotes (names are lower-case in Glue)."""
    return '"' + name.lower().replace('"', '""') + '"'


@dataclass(frozen=True)
class AthenaQuery:
    """SQL with `?` placeholders and the values for them, in order."""

    sql: str
    params: list[str]


def partition_days(start: datetime, end: datetime) -> tuple[str, str]:
    """The first and last `timestamp` partition (yyyy/MM/dd) that can hold the window's
    records: files are filed under the day they were delivered, up to a day late."""
    last: date = (end + DELIVERY_SLACK).date()
    return start.date().strftime("%Y/%m/%d"), last.strftime("%Y/%m/%d")


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


def build_query(
    database: str,
    table: str,
    start: datetime,
    end: datetime,
    accounts: Sequence[str],
    regions: Sequence[str] | None,
) -> AthenaQuery:
    """The query for the changes of `accounts` (and `regions`, None for all) in [start, end].

    It prunes on every partition (days of the window plus a day of delivery slack; the
    accounts; the regions and us-east-1, where the global services' events are), and pushes
    down only filters the Detector would apply anyway (read-only, failed, non-API-call and
    AWS-service records), so the Detector sees every change it would have kept.
    """
    if not accounts:
        raise ConfigError(say.query_without_accounts())
    first_day, last_day = partition_days(start, end)
    params: list[str] = [first_day, last_day, *sorted(accounts)]
    where = [
        '"timestamp" BETWEEN ? AND ?',
        f"account IN ({_placeholders(len(accounts))})",
    ]
    if regions is not None:
        wanted = sorted({*regions, GLOBAL_EVENTS_REGION})
        where.append(f"region IN ({_placeholders(len(wanted))})")
        params += wanted
    where += [
        "eventtime BETWEEN ? AND ?",
        "(readonly IS NULL OR lower(readonly) <> 'true')",
        "(errorcode IS NULL OR errorcode = '')",
        "(eventtype IS NULL OR eventtype = 'AwsApiCall')",
        "(useridentity.type IS NULL OR useridentity.type <> 'AWSService')",
    ]
    params += [format_time(start), format_time(end)]
    select = [name.lower() for name in RECORD_STRINGS]
    select.append("json_format(CAST(resources AS JSON)) AS resources")
    select += [
        "useridentity." + ".".join(p.lower() for p in leaf) + f" AS {identity_alias(leaf)}"
        for leaf in IDENTITY_LEAVES
    ]
    sql = (
        "SELECT\n  "
        + ",\n  ".join(select)
        + f"\nFROM {quote_identifier(database)}.{quote_identifier(table)}\nWHERE "
        + "\n  AND ".join(where)
    )
    return AthenaQuery(sql, params)


@dataclass
class QueryStats:
    """What running a query took: its execution ids, bytes scanned, API calls made."""

    execution_ids: list[str] = field(default_factory=list)
    bytes_scanned: int | None = None
    api_calls: int = 0


def athena_literal(value: str) -> str:
    """A value as Athena's `ExecutionParameters` take it: a SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def estimated_cost_usd(bytes_scanned: int) -> float:
    """Athena's price for a query that scanned `bytes_scanned` bytes (MB-rounded, 10 MB min)."""
    billed = max(math.ceil(bytes_scanned / MB) * MB, MIN_BILLED_BYTES)
    return billed / TB * USD_PER_TB
