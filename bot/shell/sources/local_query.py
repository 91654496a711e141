"""Athena SQL over local CloudTrail log files, in DuckDB.

A view shaped like Athena's CloudTrail table (`cloudtrail_logs`, also as
`"default"."cloudtrail_logs"`) is built over the files: the string columns of AWS's DDL as
VARCHAR (JSON documents as JSON text), `useridentity`, `resources`, `addendum` and
`tlsdetails` as structs, the partition columns `account`, `region` and `timestamp` read off the
file's path (`AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/`, else taken from the
record), and `"$path"`. Queries are written for Athena (Trino) and translated by sqlglot.
sqlglot's errors (`translate`) and DuckDB's (`duckdb_errors`, around every DuckDB call) become
MalformedInput here, and nowhere else.

Files hold `{"Records": [...]}` (trail objects, gzip or not), `aws cloudtrail lookup-events`
output, or EventBridge deliveries (one per line). httpfs is not available: S3 objects are read
by the `s3` source, not here.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import sqlglot
import sqlglot.errors

from bot.errors import ConfigError, MalformedInput
from bot.messages import sources as say
from bot.trail.athena.query import QueryStats, quote_identifier
from bot.trail.athena.table import COLUMNS, ArrayOf, ColumnType, StringMap, Struct
from bot.trail.paths import is_not_a_log

TABLE = "cloudtrail_logs"
DATABASE = "default"
LOG_SUFFIXES = (".json", ".json.gz", ".jsonl", ".jsonl.gz", ".gz")
_RAW = "cloudtrail_raw"
_ACCOUNT_RE = r"AWSLogs/(?:o-[a-z0-9]+/)?(\d{12})/CloudTrail/"
_REGION_RE = r"/CloudTrail/([a-z0-9-]+)/"
_DAY_RE = r"/CloudTrail/[a-z0-9-]+/(\d{4}/\d{2}/\d{2})/"


def find_query_files(path: Path) -> list[Path]:
    """The log files under `path` (or `path` itself), without digests, Insights and dot-files.

    Raises:
        ConfigError: `path` does not exist or holds no log files.
    """
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise ConfigError(*say.query_path_missing(str(path)))
    found = []
    for dirpath, dirnames, filenames in os.walk(path):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not is_not_a_log(d))
        for name in sorted(filenames):
            if name.startswith(".") or is_not_a_log(name) or not name.endswith(LOG_SUFFIXES):
                continue
            found.append(Path(dirpath, name))
    if not found:
        raise ConfigError(*say.query_no_files(str(path)))
    return found


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _value(kind: ColumnType, json: str, key: str) -> str:
    """The DuckDB expression of one column (or struct field) read from the JSON `json`."""
    path = f"({json}->{_sql_string('$.' + key)})"
    if isinstance(kind, str):
        return f"({json}->>{_sql_string('$.' + key)})"
    if isinstance(kind, StringMap):
        return f"TRY_CAST({path} AS MAP(VARCHAR, VARCHAR))"
    if isinstance(kind, ArrayOf):
        item = _struct(kind.item, "r")
        return f"list_transform(TRY_CAST({path} AS JSON[]), lambda r: {item})"
    return f"CASE WHEN {path} IS NULL THEN NULL ELSE {_struct(kind, path)} END"


def _struct(kind: Struct, json: str) -> str:
    fields = ", ".join(
        f"{_sql_string(name.lower())}: {_value(sub, json, name)}" for name, sub in kind.fields
    )
    return "{" + fields + "}"


def view_sql(source: str = _RAW) -> str:
    """The SELECT behind the `cloudtrail_logs` view, over `source(Records, Events, detail,
    filename)`."""
    columns = [f"{_value(kind, 'j', name)} AS {name.lower()}" for name, kind in COLUMNS]
    path = "replace(filename, '\\', '/')"

    def part(pattern: str, fallback: str) -> str:
        found = f"nullif(regexp_extract({path}, {_sql_string(pattern)}, 1), '')"
        return f"coalesce({found}, {fallback})"

    columns += [
        'filename AS "$path"',
        part(_ACCOUNT_RE, "j->>'$.recipientAccountId'") + " AS account",
        part(_REGION_RE, "j->>'$.awsRegion'") + " AS region",
        part(_DAY_RE, "replace(substr(j->>'$.eventTime', 1, 10), '-', '/')") + ' AS "timestamp"',
    ]
    # Built from our own constants (COLUMNS, the source view's name): nothing user-given.
    records = (
        f"SELECT unnest(Records) AS j, filename FROM {source} WHERE Records IS NOT NULL\n"  # noqa: S608
        "  UNION ALL SELECT TRY_CAST(unnest(Events)->>'$.CloudTrailEvent' AS JSON) AS j, filename "
        f"FROM {source} WHERE Events IS NOT NULL\n"
        f"  UNION ALL SELECT detail AS j, filename FROM {source} "
        "WHERE (detail->>'$.eventName') IS NOT NULL"
    )
    return "SELECT\n  " + ",\n  ".join(columns) + f"\nFROM (\n  {records}\n) AS records"


@contextmanager
def duckdb_errors() -> Iterator[None]:
    """DuckDB's errors (a query it cannot run, a log file that is not JSON) as MalformedInput."""
    try:
        yield
    except duckdb.Error as exc:
        raise MalformedInput(*say.query_failed(str(exc))) from exc


def connect(
    files: Sequence[Path], database: str = DATABASE, table: str = TABLE
) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the view over `files`, as `table` and `"database"."table"`."""
    with duckdb_errors():
        con = duckdb.connect()
        raw = con.read_json(
            [str(f) for f in files],  # type: ignore[arg-type]  # the stub lacks the list form
            columns={"Records": "JSON[]", "Events": "JSON[]", "detail": "JSON"},
            filename=True,
        )
        raw.create_view(_RAW)
        body = view_sql()
        table_id = quote_identifier(table)
        con.execute(f"CREATE VIEW {table_id} AS {body}")
        if database.lower() != "main":
            schema = quote_identifier(database)
            con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            alias = f"CREATE VIEW {schema}.{table_id} AS SELECT * FROM main.{table_id}"  # noqa: S608
            con.execute(alias)
    return con


def translate(sql: str) -> list[str]:
    """Athena (Trino) SQL as DuckDB statements; MalformedInput when sqlglot cannot read it."""
    try:
        statements = sqlglot.transpile(sql, read="athena", write="duckdb")
    except sqlglot.errors.SqlglotError as exc:
        raise MalformedInput(*say.query_not_sql(str(exc))) from exc
    statements = [s for s in statements if s.strip()]
    if not statements:
        raise MalformedInput(*say.query_empty())
    return statements


def _execute(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | None
) -> duckdb.DuckDBPyConnection:
    statements = translate(sql)
    with duckdb_errors():
        for statement in statements[:-1]:
            con.execute(statement)
        return con.execute(statements[-1], list(params) if params else None)


def _fetch(cursor: duckdb.DuckDBPyConnection, size: int) -> list[Any]:
    with duckdb_errors():
        return cursor.fetchmany(size)


def _columns(cursor: duckdb.DuckDBPyConnection) -> list[str]:
    return [str(d[0]) for d in cursor.description or ()]


def run_local_query(
    path: Path, sql: str, params: list[Any] | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run Athena SQL over the log files under `path`; the column names and every row.

    Raises:
        ConfigError: `path` holds no log files.
        MalformedInput: the SQL cannot be read or run (or a file is not JSON).
    """
    con = connect(find_query_files(path))
    try:
        cursor = _execute(con, sql, params)
        with duckdb_errors():
            return _columns(cursor), [tuple(row) for row in cursor.fetchall()]
    finally:
        con.close()


class DuckDBExecutor:
    """The `athena` source's executor over local files: the same SQL and parameters, run in
    DuckDB instead of Athena (for tests and offline runbooks)."""

    def __init__(
        self, path: Path, database: str = DATABASE, table: str = TABLE, page_size: int = 1000
    ) -> None:
        self.path = path
        self.database = database
        self.table = table
        self.page_size = page_size
        self.stats = QueryStats()

    async def run(
        self, sql: str, params: Sequence[str]
    ) -> AsyncIterator[tuple[list[str], list[tuple[Any, ...]]]]:
        files = await asyncio.to_thread(find_query_files, self.path)
        con = await asyncio.to_thread(connect, files, self.database, self.table)
        try:
            cursor = await asyncio.to_thread(_execute, con, sql, list(params))
            columns = _columns(cursor)
            while True:
                rows = await asyncio.to_thread(_fetch, cursor, self.page_size)
                if not rows:
                    return
                yield columns, [tuple(r) for r in rows]
        finally:
            con.close()
