"""The `CREATE EXTERNAL TABLE` of an environment's trail, with partition projection on account,
region and day, for single-account and organization trails. Pure; no I/O."""

from __future__ import annotations

from collections.abc import Iterable

from bot.config.cloudtrail import AthenaTrail, S3Trail
from bot.config.drift import Environment
from bot.errors import ConfigError
from bot.messages import config as say
from bot.trail.athena.table import (
    COLUMNS,
    INPUT_FORMAT,
    OUTPUT_FORMAT,
    PARTITIONS,
    SERDE,
    ArrayOf,
    ColumnType,
    StringMap,
)
from bot.trail.filter import GLOBAL_EVENTS_REGION
from bot.trail.paths import log_prefix

# Used for `regions: "*"`: the region partition needs its values listed (commercial regions).
KNOWN_REGIONS = (
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
)


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
        raise ConfigError(*say.ddl_without_bucket(env_name, trail.source))
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
        props += [
            ("projection.account.type", "enum"),
            ("projection.account.values", ",".join(env.account_id)),
        ]
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
