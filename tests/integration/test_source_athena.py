"""`source: athena`: the generated SQL and parameters run in DuckDB over local logs give the
files source's findings; Athena's plumbing (start, poll, page, cost) against moto and a
botocore Stubber."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import boto3
import pytest
import requests
from botocore.stub import Stubber
from moto import mock_aws

import bot.shell.sources.athena as athena_module
from bot.config.cloudtrail import AthenaTrail
from bot.config.drift import parse_config
from bot.drift.detector import Detector
from bot.errors import AwsError, ConfigError
from bot.shell.aws.access import AwsAccess
from bot.shell.check import CheckOptions, run_check_async
from bot.shell.ports import SourceContext
from bot.shell.sources.athena import AthenaExecutor, AthenaSource, PollPolicy
from bot.shell.sources.local_query import DuckDBExecutor
from bot.trail.athena.query import build_query
from bot.trail.athena.rows import row_to_record
from bot.trail.fields import format_time
from bot.trail.filter import TrailFilter
from bot.trail.paths import PathScope
from tests.demo_env import DEMO, demo_config
from tests.fixtures import trail_fixtures

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2026, 11, 23, tzinfo=UTC)
END = datetime(2026, 11, 24, tzinfo=UTC)
MOTO_ACCOUNT = "123456789012"


ATHENA = "{source: athena, bucket: demo-trail, workgroup: primary, database: default}"
FILES = f"{{source: files, path: {DEMO / 'cloudtrail'}}}"


def check(loaded, **options):
    return asyncio.run(
        run_check_async(loaded, "demo", START, END, CheckOptions(confirm=False, **options))
    )


def findings(outcome) -> list[dict]:
    return sorted(
        (f.model_dump() for f in outcome.report.findings),
        key=lambda f: (f["kind"], f["resource_type"], f["resource_id"]),
    )


@pytest.fixture(scope="module")
def files_outcome(tmp_path_factory):
    return check(demo_config(tmp_path_factory.mktemp("files"), FILES))


# ---- the same SQL over local files --------------------------------------------------------


def test_generated_sql_in_duckdb_finds_what_the_files_source_finds(
    tmp_path, monkeypatch, files_outcome
):
    """run_check_async with the athena source on a DuckDB executor gives the files findings."""
    monkeypatch.setattr(
        athena_module, "make_executor", lambda ctx: DuckDBExecutor(DEMO / "cloudtrail")
    )

    outcome = check(demo_config(tmp_path, ATHENA))

    assert len(files_outcome.report.findings) == 8
    assert findings(outcome) == findings(files_outcome)
    assert outcome.report.stats.changes == files_outcome.report.stats.changes
    assert outcome.report.stats.records < files_outcome.report.stats.records  # pushed down


def layout_fixtures(root: Path) -> tuple[list[list[dict]], set[str]]:
    """Every rule fixture record (unique event ids) in the AWSLogs layout; batches, accounts."""
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for i, fixture in enumerate(trail_fixtures()):
        rec = dict(fixture.record, eventID=f"fixture-{i}")
        account = rec.get("recipientAccountId") or "000000000000"
        region = rec.get("awsRegion") or "us-east-1"
        day = str(rec.get("eventTime") or "2020-01-01")[:10].replace("-", "/")
        groups[(account, region, day)].append(rec)
    for (account, region, day), recs in groups.items():
        folder = root / "AWSLogs" / account / "CloudTrail" / region / day
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{account}_CloudTrail_{region}_{day.replace('/', '')}T0000Z_x.json.gz"
        (folder / name).write_bytes(gzip.compress(json.dumps({"Records": recs}).encode()))
    return list(groups.values()), {a for a, _, _ in groups}


def test_every_rule_fixture_survives_the_athena_round_trip(tmp_path):
    """Each catalog fixture, read back through the generated SQL and row conversion, gives
    the Detector the same change (ids, actor, role, via) as the raw record."""
    batches, accounts = layout_fixtures(tmp_path)
    start, end = datetime(2000, 1, 1, tzinfo=UTC), datetime(2030, 1, 1, tzinfo=UTC)
    trail_filter = TrailFilter(start=format_time(start), end=format_time(end))
    direct, via_sql = Detector(trail_filter), Detector(trail_filter)
    for batch in batches:
        direct.feed_many(batch)
    query = build_query("default", "cloudtrail_logs", start, end, sorted(accounts), None)

    async def read() -> None:
        async for columns, rows in DuckDBExecutor(tmp_path).run(query.sql, query.params):
            via_sql.feed_many([row_to_record(columns, row) for row in rows])

    asyncio.run(read())

    assert len(direct.changes) > 1000
    assert via_sql.changes == direct.changes
    assert via_sql.unknown == direct.unknown


# ---- Athena through moto ------------------------------------------------------------------


def athena_rows(sql: str, params: list[str]) -> dict:
    """What Athena would answer for the query: DuckDB's rows over the demo, as Athena rows."""

    async def collect():
        pages = [page async for page in DuckDBExecutor(DEMO / "cloudtrail").run(sql, params)]
        return pages[0][0], [row for _, rows in pages for row in rows]

    columns, rows = asyncio.run(collect())
    header = {"Data": [{"VarCharValue": c} for c in columns]}
    data = [{"Data": [{"VarCharValue": v} if v is not None else {} for v in row]} for row in rows]
    return {
        "rows": [header, *data],
        "column_info": [{"Name": c, "Type": "varchar"} for c in columns],
    }


def recording_sessions(calls: list[dict]):
    """A session factory whose clients record each StartQueryExecution request."""

    def record(params, **_):
        calls.append(dict(params))

    def factory():
        session = boto3.Session(region_name="us-east-1")
        session.events.register("provide-client-params.athena.StartQueryExecution", record)
        return session

    return factory


def test_athena_source_end_to_end_through_moto(tmp_path, files_outcome):
    """The check runs the query in (moto's) Athena with parameters, reads the injected rows,
    and reports the files findings, the execution id, the calls and the cost."""
    loaded = demo_config(tmp_path, ATHENA)
    query = build_query(
        "default", "cloudtrail_logs", START, END, ["111122223333"], ["us-east-1", "eu-west-1"]
    )
    calls: list[dict] = []
    with mock_aws():
        answer = requests.post(
            "http://motoapi.amazonaws.com/moto-api/static/athena/query-results",
            json={
                "account_id": MOTO_ACCOUNT,
                "region": "us-east-1",
                "results": [athena_rows(query.sql, query.params)],
            },
            timeout=10,
        )
        assert answer.status_code == 201
        outcome = check(loaded, session_factory=recording_sessions(calls))

    cloudtrail = outcome.report.cloudtrail
    assert findings(outcome) == findings(files_outcome)
    assert len(calls) == 1
    assert calls[0]["QueryString"] == query.sql
    assert calls[0]["ExecutionParameters"] == [f"'{p}'" for p in query.params]
    assert calls[0]["WorkGroup"] == "primary"
    assert cloudtrail["source"] == "athena"
    assert len(cloudtrail["query_execution_ids"]) == 1
    assert cloudtrail["api_calls"] == 3  # start, one poll, one page of results
    assert cloudtrail["estimated_cost_usd"] == pytest.approx(10 / 1024**2 * 5)  # 10 MB minimum


def test_output_location_is_passed_when_set(tmp_path):
    """An `output_location` goes to StartQueryExecution's ResultConfiguration."""
    loaded = demo_config(
        tmp_path, "{source: athena, bucket: demo-trail, output_location: 's3://results/drift/'}"
    )
    calls: list[dict] = []
    with mock_aws():
        check(loaded, session_factory=recording_sessions(calls))

    assert calls[0]["ResultConfiguration"] == {"OutputLocation": "s3://results/drift/"}


# ---- polling and paging against a Stubber -------------------------------------------------


def stubbed_executor(sleeps: list[float]):
    loaded = parse_config(
        "environments:\n  e:\n    account_id: '111122223333'\n    regions: [eu-west-1]\n"
        "    cloudtrail: {source: athena, bucket: b-trail, database: sec, table: ct}\n",
        Path("/srv/drift.yml"),
    )
    env = loaded.environment("e")
    assert isinstance(env.cloudtrail, AthenaTrail)
    aws = AwsAccess(env, "e")

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    executor = AthenaExecutor(
        aws, env.cloudtrail, "eu-west-1", "111122223333", sleep=sleep, page_size=2
    )
    stub = Stubber(aws.client("athena", "eu-west-1", "111122223333"))
    return env, aws, executor, stub


def execution(state: str, scanned: int | None = None, reason: str | None = None) -> dict:
    status: dict = {"State": state}
    if reason:
        status["StateChangeReason"] = reason
    doc: dict = {"QueryExecution": {"QueryExecutionId": "q-1", "Status": status}}
    if scanned is not None:
        doc["QueryExecution"]["Statistics"] = {"DataScannedInBytes": scanned}
    return doc


def result_page(rows: list[list[str | None]], token: str | None = None) -> dict:
    page: dict = {
        "ResultSet": {
            "Rows": [
                {"Data": [{"VarCharValue": v} if v is not None else {} for v in r]} for r in rows
            ],
            "ResultSetMetadata": {
                "ColumnInfo": [
                    {"Name": "eventname", "Type": "varchar"},
                    {"Name": "eventid", "Type": "varchar"},
                ]
            },
        }
    }
    if token:
        page["NextToken"] = token
    return page


def test_polls_with_growing_delays_and_pages_through_results():
    """QUEUED and RUNNING are polled with growing waits; every page is read, the header once."""
    sleeps: list[float] = []
    _, _, executor, stub = stubbed_executor(sleeps)
    stub.add_response("start_query_execution", {"QueryExecutionId": "q-1"})
    stub.add_response("get_query_execution", execution("QUEUED"))
    stub.add_response("get_query_execution", execution("RUNNING"))
    stub.add_response("get_query_execution", execution("RUNNING"))
    stub.add_response("get_query_execution", execution("SUCCEEDED", scanned=123_456_789))
    stub.add_response(
        "get_query_results",
        result_page([["eventname", "eventid"], ["A", "1"]], "t1"),
        {"QueryExecutionId": "q-1", "MaxResults": 2},
    )
    stub.add_response(
        "get_query_results",
        result_page([["B", None], ["C", "3"]]),
        {"QueryExecutionId": "q-1", "MaxResults": 2, "NextToken": "t1"},
    )

    async def run():
        return [page async for page in executor.run("SELECT 1", ["x"])]

    with stub:
        pages = asyncio.run(run())

    assert [rows for _, rows in pages] == [[("A", "1")], [("B", None), ("C", "3")]]
    assert pages[0][0] == ["eventname", "eventid"]
    assert sleeps == pytest.approx([0.5, 0.8, 1.28])
    assert executor.stats.bytes_scanned == 123_456_789
    assert executor.stats.api_calls == 7
    assert executor.stats.execution_ids == ["q-1"]
    stub.assert_no_pending_responses()


def test_source_reports_bytes_and_cost():
    """The source turns the executor's statistics into the report's bytes and dollars."""
    sleeps: list[float] = []
    env, aws, executor, stub = stubbed_executor(sleeps)
    stub.add_response("start_query_execution", {"QueryExecutionId": "q-1"})
    stub.add_response("get_query_execution", execution("SUCCEEDED", scanned=2 * 1024**4))
    stub.add_response("get_query_results", result_page([["eventname", "eventid"], ["A", "1"]]))
    source = AthenaSource(SourceContext("e", env, Path("/srv"), aws), executor=executor)

    async def run():
        return [b async for b in source.batches(PathScope(START, END))]

    with stub:
        batches = asyncio.run(run())

    assert batches == [[{"eventName": "A", "eventID": "1"}]]
    assert source.report.bytes_scanned == 2 * 1024**4
    assert source.report.estimated_cost_usd == pytest.approx(10.0)
    assert source.report.query_execution_ids == ["q-1"]


def test_failed_query_names_the_table_and_the_fix():
    """A FAILED query over a missing table raises an AwsError pointing at `drift athena ddl`."""
    _, _, executor, stub = stubbed_executor([])
    stub.add_response("start_query_execution", {"QueryExecutionId": "q-1"})
    stub.add_response(
        "get_query_execution",
        execution("FAILED", reason="TABLE_NOT_FOUND: line 1:1: Table 'sec.ct' does not exist"),
    )

    async def run():
        return [page async for page in executor.run("SELECT 1", [])]

    with stub, pytest.raises(AwsError) as caught:
        asyncio.run(run())

    assert "sec.ct" in caught.value.user_message
    assert "drift athena ddl" in caught.value.hint
    assert caught.value.code == "QueryFailed"


def test_a_query_that_never_finishes_times_out():
    """Polling stops after the policy's timeout with a retryable AwsError."""
    sleeps: list[float] = []
    _, _, executor, stub = stubbed_executor(sleeps)
    executor.poll = PollPolicy(first=1, factor=2, longest=2, timeout=3)
    stub.add_response("start_query_execution", {"QueryExecutionId": "q-1"})
    for _ in range(3):
        stub.add_response("get_query_execution", execution("RUNNING"))

    async def run():
        return [page async for page in executor.run("SELECT 1", [])]

    with stub, pytest.raises(AwsError) as caught:
        asyncio.run(run())

    assert caught.value.code == "QueryTimeout"
    assert caught.value.retryable
    assert sleeps == [1, 2]


def test_every_account_needs_a_list_for_athena(tmp_path):
    """`account_id: "*"` cannot prune the injected account partition: a ConfigError says so."""
    loaded = parse_config(
        "environments:\n  e:\n    account_id: '*'\n    regions: [eu-west-1]\n"
        "    cloudtrail: {source: athena, bucket: b-trail}\n",
        tmp_path / "drift.yml",
    )
    env = loaded.environment("e")

    with pytest.raises(ConfigError, match="account"):
        AthenaSource(SourceContext("e", env, tmp_path, AwsAccess(env, "e")))


def test_missing_output_location_says_what_to_set():
    """Athena's "no output location" answer comes with the config key to set."""
    _, _, executor, stub = stubbed_executor([])
    stub.add_client_error(
        "start_query_execution",
        "InvalidRequestException",
        "No output location provided. An output location is required either through the "
        "Workgroup result configuration setting or as an API input.",
    )

    async def run():
        return [page async for page in executor.run("SELECT 1", [])]

    with stub, pytest.raises(AwsError) as caught:
        asyncio.run(run())

    assert "output_location" in caught.value.hint
    assert caught.value.operation == "athena:StartQueryExecution"
