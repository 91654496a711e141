"""Athena over CloudTrail logs: the table (`CREATE EXTERNAL TABLE` with partition projection),
the query the `athena` source runs, and its result rows turned back into CloudTrail records.
Pure; no I/O.

The table's columns are AWS's CloudTrail DDL (strings for the JSON documents, `useridentity` as
a struct), described once in `COLUMNS`: the DDL, the query's select list, the conversion of
rows back into records and the local DuckDB view (bot/shell/sources/local_query.py) all derive
from it, so the SQL that runs in Athena also runs over local files.

Queries never carry a user-given value in their text: dates, accounts and regions are `?`
placeholders whose values travel as Athena `ExecutionParameters` (or DuckDB parameters).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import orjson

from bot.config.drift import Environment
from bot.config.sources import AthenaTrail, S3Trail
from bot.errors import ConfigError
from bot.trail.filter import GLOBAL_EVENTS_REGION, format_time
from bot.trail.paths import DELIVERY_SLACK, log_prefix

# ---- the table's shape --------------------------------------------------------------------


@dataclass(frozen=True)
class Struct:
    """A STRUCT column: (record key, type) pairs; the key's case is the record's."""

    fields: tuple[tuple[str, ColumnType], ...]


@dataclass(frozen=True)
class ArrayOf:
    item: Struct


@dataclass(frozen=True)
class StringMap:
    """MAP<STRING, STRING>."""


STRING = "STRING"
ColumnType = str | Struct | ArrayOf | StringMap

_S = STRING
SESSION_ISSUER = Struct(
    (("type", _S), ("principalId", _S), ("arn", _S), ("accountId", _S), ("userName", _S))
)
USER_IDENTITY = Struct(
    (
        ("type", _S),
        ("principalId", _S),
        ("arn", _S),
        ("accountId", _S),
        ("invokedBy", _S),
        ("accessKeyId", _S),
        ("userName", _S),
        ("onBehalfOf", Struct((("userId", _S), ("identityStoreArn", _S)))),
        (
            "sessionContext",
            Struct(
                (
                    ("attributes", Struct((("mfaAuthenticated", _S), ("creationDate", _S)))),
                    ("sessionIssuer", SESSION_ISSUER),
                    ("sourceIdentity", _S),
                    ("ec2RoleDelivery", _S),
                    (
                        "webIdFederationData",
                        Struct((("federatedProvider", _S), ("attributes", StringMap()))),
                    ),
                )
            ),
        ),
    )
)
RESOURCE = Struct((("ARN", _S), ("accountId", _S), ("type", _S)))

# AWS's CloudTrail table (docs: create-cloudtrail-table-partition-projection), keyed by the
# record's own spelling (Athena's JSON SerDe matches names case-insensitively).
COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("eventVersion", _S),
    ("userIdentity", USER_IDENTITY),
    ("eventTime", _S),
    ("eventSource", _S),
    ("eventName", _S),
    ("awsRegion", _S),
    ("sourceIPAddress", _S),
    ("userAgent", _S),
    ("errorCode", _S),
    ("errorMessage", _S),
    ("requestParameters", _S),
    ("responseElements", _S),
    ("additionalEventData", _S),
    ("requestID", _S),
    ("eventID", _S),
    ("readOnly", _S),
    ("resources", ArrayOf(RESOURCE)),
    ("eventType", _S),
    ("apiVersion", _S),
    ("recipientAccountId", _S),
    ("serviceEventDetails", _S),
    ("sharedEventID", _S),
    ("vpcEndpointId", _S),
    ("vpcEndpointAccountId", _S),
    ("eventCategory", _S),
    (
        "addendum",
        Struct(
            (
                ("reason", _S),
                ("updatedFields", _S),
                ("originalRequestID", _S),
                ("originalEventID", _S),
            )
        ),
    ),
    ("sessionCredentialFromConsole", _S),
    ("edgeDeviceDetails", _S),
    (
        "tlsDetails",
        Struct((("tlsVersion", _S), ("cipherSuite", _S), ("clientProvidedHostHeader", _S))),
    ),
)
# String columns that hold a JSON document (objects in the record, text in the table).
JSON_COLUMNS = frozenset(
    {"requestParameters", "responseElements", "additionalEventData", "serviceEventDetails",
     "edgeDeviceDetails"}
)  # fmt: skip
PARTITIONS = ("account", "region", "timestamp")
SERDE = "org.apache.hive.hcatalog.data.JsonSerDe"
INPUT_FORMAT = "com.amazon.emr.cloudtrail.CloudTrailInputFormat"
OUTPUT_FORMAT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"

# Used for `regions: "*"`: the region partition needs its values listed (commercial regions).
KNOWN_REGIONS = (
    "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2",
    "ap-northeast-3", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2",
    "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ca-central-1",
    "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
    "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1",
    "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
)  # fmt: skip

# Athena bills $5 per TB scanned, each query rounded up to the megabyte, 10 MB at least.
USD_PER_TB = 5.0
TB = 1024**4
MB = 1024**2
MIN_BILLED_BYTES = 10 * MB


def _hive_type(kind: ColumnType, indent: str) -> str:
    if isinstance(kind, str):
        return kind
    if isinstance(kind, StringMap):
        return "MAP<STRING,STRING>"
    if isinstance(kind, ArrayOf):
        return f"ARRAY<{_hive_type(kind.item, indent)}>"
    inner = indent + "  "
    fields = ",\n".join(f"{inner}{name}: {_hive_type(sub, inner)}" for name, sub in kind.fields)
    return f"STRUCT<\n{fields}>"


# ---- DDL ----------------------------------------------------------------------------------


def _quote_hive(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def _quote_prop(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def render_ddl(env_name: str, env: Environment) -> str:
    """The `CREATE EXTERNAL TABLE` for an environment's trail, with partition projection on
    account, region and day (`timestamp`), for single-account and organization trails.

    Raises:
        ConfigError: the environment's `cloudtrail.source` is not `athena` (or `s3`), so its
            bucket is unknown.
    """
    trail = env.cloudtrail
    if not isinstance(trail, AthenaTrail | S3Trail):
        raise ConfigError(
            f"Environment `{env_name}` reads CloudTrail with `source: {trail.source}`, so its "
            "trail's bucket is unknown.",
            f"Set `environments.{env_name}.cloudtrail` to `source: athena` with the trail's "
            "`bucket` (and `prefix`, `organization_id`), then run `drift athena ddl` again.",
        )
    database = trail.database if isinstance(trail, AthenaTrail) else "default"
    table = trail.table if isinstance(trail, AthenaTrail) else "cloudtrail_logs"
    start = trail.projection_start if isinstance(trail, AthenaTrail) else "2020/01/01"
    root = f"s3://{trail.bucket}/" + log_prefix(trail.prefix, trail.organization_id)
    template = root + "${account}/CloudTrail/${region}/${timestamp}"
    notes = [
        f"-- driftbot: Athena table over the CloudTrail logs of environment `{env_name}`:",
        f"-- {root}",
        "-- Partition projection: no partitions to add or repair. Every query must filter on",
        '-- "timestamp" (yyyy/MM/dd), and on account and region, to read only what it needs.',
    ]
    props: list[tuple[str, str]] = [("projection.enabled", "true")]
    if env.account_id is None:
        notes.append(
            '-- account_id is "*": the account partition is injected, so every query must name '
            "its account(s),\n-- e.g. WHERE account = '111122223333'."
        )
        props.append(("projection.account.type", "injected"))
    else:
        props += [("projection.account.type", "enum"),
                  ("projection.account.values", ",".join(env.account_id))]  # fmt: skip
    if env.regions is None:
        notes.append('-- regions is "*": the region partition lists every commercial region.')
        regions: Iterable[str] = KNOWN_REGIONS
    else:
        regions = sorted({*env.regions, GLOBAL_EVENTS_REGION})
    props += [
        ("projection.region.type", "enum"),
        ("projection.region.values", ",".join(regions)),
        ("projection.timestamp.type", "date"),
        ("projection.timestamp.format", "yyyy/MM/dd"),
        ("projection.timestamp.range", f"{start},NOW"),
        ("projection.timestamp.interval", "1"),
        ("projection.timestamp.interval.unit", "DAYS"),
        ("storage.location.template", template),
    ]
    name = f"{_quote_hive(database.lower())}.{_quote_hive(table.lower())}"
    columns = ",\n".join(f"  {col} {_hive_type(kind, '  ')}" for col, kind in COLUMNS)
    properties = ",\n".join(f"  {_quote_prop(k)}={_quote_prop(v)}" for k, v in props)
    return (
        "\n".join(notes)
        + f"\nCREATE EXTERNAL TABLE {name} (\n"
        + columns
        + "\n)\nPARTITIONED BY (\n"
        + ",\n".join(f"  {_quote_hive(p)} STRING" for p in PARTITIONS)
        + "\n)\n"
        + f"ROW FORMAT SERDE {_quote_prop(SERDE)}\n"
        + f"STORED AS INPUTFORMAT {_quote_prop(INPUT_FORMAT)}\n"
        + f"OUTPUTFORMAT {_quote_prop(OUTPUT_FORMAT)}\n"
        + f"LOCATION {_quote_prop(root)}\n"
        + f"TBLPROPERTIES (\n{properties}\n);\n"
    )


# ---- the query ----------------------------------------------------------------------------


def _leaves(kind: Struct, path: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    for name, sub in kind.fields:
        if isinstance(sub, Struct):
            yield from _leaves(sub, (*path, name))
        elif sub == STRING:
            yield (*path, name)


# The record keys rebuilt from the query's columns: top-level strings, then identity leaves.
RECORD_STRINGS = tuple(name for name, kind in COLUMNS if kind == STRING)
IDENTITY_LEAVES = tuple(
    leaf
    for leaf in _leaves(USER_IDENTITY, ())
    if leaf[:2] != ("sessionContext", "webIdFederationData")
)


def identity_alias(leaf: Sequence[str]) -> str:
    return "ui_" + "_".join(part.lower() for part in leaf)


_BY_ALIAS: dict[str, tuple[str, ...]] = {identity_alias(leaf): leaf for leaf in IDENTITY_LEAVES}
_TOP_KEYS: dict[str, str] = {name.lower(): name for name in RECORD_STRINGS}


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
        raise ConfigError("An Athena query needs at least one account id.")
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


# ---- rows back into records ---------------------------------------------------------------


def _json_value(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return text


def _resources(text: str) -> Any:
    items = _json_value(text)
    if not isinstance(items, list):
        return items
    out = []
    for item in items:
        if isinstance(item, dict):
            names = {"arn": "ARN", "accountid": "accountId", "type": "type"}
            out.append({names.get(k.lower(), k): v for k, v in item.items() if v is not None})
    return out


def row_to_record(columns: Sequence[str], row: Sequence[Any]) -> dict[str, Any]:
    """One result row (of `build_query`'s columns, values as strings or None) as the
    CloudTrail record the Detector reads: JSON documents parsed, `readOnly` a boolean,
    `userIdentity` (with `sessionContext.sessionIssuer`, `invokedBy`) rebuilt."""
    record: dict[str, Any] = {}
    identity: dict[str, Any] = {}
    for column, value in zip(columns, row, strict=True):
        if value is None:
            continue
        name = column.lower()
        leaf = _BY_ALIAS.get(name)
        if leaf is not None:
            node = identity
            for part in leaf[:-1]:
                node = node.setdefault(part, {})
            node[leaf[-1]] = value
            continue
        if name == "resources":
            record["resources"] = _resources(str(value))
            continue
        key = _TOP_KEYS.get(name, column)
        if key in JSON_COLUMNS and isinstance(value, str):
            record[key] = _json_value(value)
        elif key == "readOnly" and isinstance(value, str) and value.lower() in ("true", "false"):
            record[key] = value.lower() == "true"
        else:
            record[key] = value
    if identity:
        record["userIdentity"] = identity
    return record


def estimated_cost_usd(bytes_scanned: int) -> float:
    """Athena's price for a query that scanned `bytes_scanned` bytes (MB-rounded, 10 MB min)."""
    billed = max(math.ceil(bytes_scanned / MB) * MB, MIN_BILLED_BYTES)
    return billed / TB * USD_PER_TB
