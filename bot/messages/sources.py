"""CloudTrail sources: log files on disk, the S3 bucket, LookupEvents, Athena, and SQL run
locally over log files. Errors return (message, hint); why a file or object was skipped is one
lower-case phrase (`drift: warning: skipped PATH: PHRASE`)."""

from __future__ import annotations

from bot.messages import Message


def files_path_missing(path: str, env: str) -> Message:
    return (
        f"The CloudTrail path `{path}` (from `environments.{env}.cloudtrail.path`) does not exist.",
        "Point it at a folder of CloudTrail log files (the AWSLogs/… tree) or one file.",
    )


def file_unreadable(reason: str) -> Message:
    return (f"unreadable ({reason})", "")


def object_broke_off(detail: str) -> str:
    return f"could not be read to the end ({detail})"


def object_gone() -> str:
    return "deleted after it was listed"


def lookup_events_every_account(env: str) -> Message:
    return (
        f'Environment `{env}` has `account_id: "*"`, but LookupEvents reads '
        "the event history of one account at a time and cannot find the accounts "
        "itself.",
        f"List the accounts in `environments.{env}.account_id` (with a "
        "`role_arn` containing `{account_id}` to reach each), or read an organization "
        "trail with `source: s3` or `source: athena`.",
    )


def lookup_events_resource(account: str, region: str) -> str:
    """What a LookupEvents call is about, in an error's `for …`."""
    return f"event history of {account} in {region}"


def athena_every_account(env: str) -> Message:
    return (
        f'Environment `{env}` has `account_id: "*"`, but the `athena` source '
        "must name the accounts to query (the table's account partition is injected "
        'for "*", and Athena then needs every account in the query).',
        f"List the accounts in `environments.{env}.account_id`, or use "
        "`source: s3`, which finds the accounts in the bucket.",
    )


def athena_output_location(message: str, workgroup: str) -> Message:
    """StartQueryExecution refused for want of a results location; `message` is AWS's."""
    return (
        message,
        "Set `cloudtrail.output_location` (an s3://bucket/prefix/ for query results) "
        f"or give the workgroup `{workgroup}` one.",
    )


def athena_timeout(query_id: str, minutes: float, workgroup: str) -> Message:
    return (
        f"The Athena query {query_id} did not finish within {minutes:.0f} minutes.",
        f"Look at it in the Athena console (workgroup `{workgroup}`); a shorter `--since` "
        "scans less.",
    )


def athena_failed(
    query_id: str, table: str, state: str, reason: str, workgroup: str, cause: str
) -> Message:
    """A query that ended FAILED or CANCELLED, `reason` AWS's; `cause`: `no_table` (the table
    or a column is missing), `denied`, or anything else."""
    if cause == "no_table":
        hint = (
            f"Create the table `{table}` with the statement `drift athena ddl ENV` prints "
            "(AWS's current CloudTrail columns, partition projection), then run the check "
            "again."
        )
    elif cause == "denied":
        hint = (
            "Give the role driftbot runs as `s3:GetObject`/`s3:ListBucket` on the trail's "
            "bucket, `s3:PutObject` on the query output location, and the Glue read "
            f"permissions for `{table}`."
        )
    else:
        hint = f"See query {query_id} in the Athena console (workgroup `{workgroup}`)."
    return (f"The Athena query {query_id} over `{table}` ended {state}: {reason}", hint)


def query_path_missing(path: str) -> Message:
    return (
        f"`{path}` does not exist.",
        "Give `--local` a folder of CloudTrail log files (the AWSLogs/… tree) or one file.",
    )


def query_no_files(path: str) -> Message:
    return (
        f"No log files (*.json, *.json.gz) under `{path}`.",
        "Point `--local` at a folder of CloudTrail log files (the AWSLogs/… tree).",
    )


def query_not_sql(detail: str) -> Message:
    return (
        f"Could not read the query as Athena SQL: {detail}",
        "Check the SQL; the table is `cloudtrail_logs`.",
    )


def query_empty() -> Message:
    return ("The query is empty.", "Give a SELECT over `cloudtrail_logs`.")


def query_failed(detail: str) -> Message:
    return (
        f"DuckDB could not run the query: {detail}",
        "Check the SQL (it was translated from Athena's dialect) and that every log file "
        "is readable JSON.",
    )


def rate_not_positive(rate: float) -> str:
    return f"rate must be > 0 (got {rate})"


def capacity_below_one(capacity: float) -> str:
    return f"capacity must be >= 1 (got {capacity})"


# CloudTrail log files that cannot be read, or only in part (bot/trail/decode.py, payload.py):
# one lower-case phrase each, shown as `drift: warning: skipped PATH: PHRASE`.


def gzip_damaged(detail: object) -> str:
    return f"gzip data is damaged or truncated ({detail})"


def gzip_ends_early() -> str:
    return "the gzip data is truncated (it ends before its end marker)"


def json_breaks_off() -> str:
    return "the JSON breaks off before its end"


def kept_before_break(records: int, why: str) -> str:
    """A file read up to a break: what was kept."""
    return f"{why}; kept the {records} records before the break"


def items_not_records(count: int, kept: int) -> str:
    return (
        f"{count} items are not CloudTrail records (counted as malformed); read the {kept} others"
    )


def too_large(size: int, limit: int) -> str:
    return (
        f"{size:,} bytes, more than the {limit:,} a file may hold "
        "(`cloudtrail.max_file_size` in drift.yml)"
    )


def inflates_past(limit: int) -> str:
    return (
        f"the gzip data inflates past {limit:,} bytes (a gzip bomb?); raise "
        "`cloudtrail.max_file_size` in drift.yml if the file is genuine"
    )


def too_deep() -> str:
    return "JSON nested deeper than a CloudTrail record can be"


def not_json(detail: object) -> str:
    return f"not JSON ({detail})"


def empty_file() -> str:
    return "the file is empty"


def not_utf8() -> str:
    return "not JSON (the bytes are not UTF-8 text)"


def not_cloudtrail(what: str) -> str:
    return (
        f"not CloudTrail: {what} (expected `Records`, `Events`, `QueryResultRows`, an "
        "EventBridge `detail`, CloudWatch Logs `logEvents`, or records)"
    )


def looks_like(thing: str) -> str:
    return f"this looks like {thing}"


def json_object(keys: list[str], count: int) -> str:
    shown = ", ".join(f"`{k}`" for k in keys) + (", …" if count > len(keys) else "")
    return f"a JSON object with the keys {shown}" if keys else "an empty JSON object"


def json_array(count: int, kinds: list[str]) -> str:
    return f"a JSON array of {count} items ({', '.join(kinds)})"


def json_value(kind: str) -> str:
    return f"a single JSON {kind}"


def json_documents(count: int) -> str:
    return f"{count} JSON documents, none of them a record or a known envelope"


def not_a_regular_file(kind: str) -> str:
    return f"not a regular file ({kind}); only regular files are read"
