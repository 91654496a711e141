"""`source: lookup_events` against botocore Stubbers (moto has no LookupEvents): paging, a
throttling answer retried, an empty region, the 2-calls-a-second limit per account and region
counted against a fake clock, and a whole check."""

from __future__ import annotations

import asyncio
import contextvars
import gzip
import json
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import boto3
import pytest
from botocore.awsrequest import AWSResponse, HTTPHeaders
from botocore.stub import Stubber

from bot.config.drift import parse_config
from bot.errors import AwsAccessDenied, AwsThrottled, ConfigError
from bot.shell.aws.access import AwsAccess
from bot.shell.ports import SourceContext
from bot.shell.sources.lookup_events import LookupEventsSource
from bot.trail.paths import PathScope
from tests.demo_env import DEMO, check_demo

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2026, 11, 23, tzinfo=UTC)
END = datetime(2026, 11, 24, tzinfo=UTC)
READ_WRITE = [{"AttributeKey": "ReadOnly", "AttributeValue": "false"}]
A1, A2 = "111122223333", "444455556666"


def environment(tmp_path: Path, accounts: str, regions: str, extra: str = ""):
    text = (
        f"environments:\n  e:\n    account_id: {accounts}\n    regions: {regions}\n"
        f"    cloudtrail: {{source: lookup_events{extra}}}\n"
    )
    return parse_config(text, tmp_path / "drift.yml").environment("e")


def event(name: str, region: str, account: str = A1, n: int = 0) -> dict:
    record = {
        "eventVersion": "1.09",
        "eventID": f"{account}-{region}-{name}-{n}",
        "eventTime": "2026-11-23T10:00:00Z",
        "eventSource": "ec2.amazonaws.com",
        "eventName": name,
        "awsRegion": region,
        "readOnly": False,
        "recipientAccountId": account,
    }
    return {"EventId": record["eventID"], "EventName": name, "CloudTrailEvent": json.dumps(record)}


def params(token: str | None = None) -> dict:
    out = {"LookupAttributes": READ_WRITE, "StartTime": START, "EndTime": END, "MaxResults": 50}
    if token:
        out["NextToken"] = token
    return out


class Sleeps:
    """An injected sleep that only records (no real waiting)."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


def read_all(source: LookupEventsSource) -> list[list[dict]]:
    async def run():
        return [batch async for batch in source.batches(PathScope(START, END))]

    return asyncio.run(run())


def test_pages_throttling_and_an_empty_region(tmp_path):
    """Every page of every region is read, a throttling answer is retried after a backoff, a
    region with nothing yields nothing, and every call is counted."""
    env = environment(tmp_path, f'"{A1}"', "[eu-west-1, eu-central-1]")
    aws = AwsAccess(env, "e")
    west = Stubber(aws.client("cloudtrail", "eu-west-1", A1))
    west.add_response(
        "lookup_events",
        {"Events": [event("RunInstances", "eu-west-1", n=i) for i in range(50)], "NextToken": "t1"},
        params(),
    )
    west.add_client_error(
        "lookup_events", "ThrottlingException", "Rate exceeded", 400, expected_params=params("t1")
    )
    west.add_response(
        "lookup_events",
        {"Events": [event("CreateTags", "eu-west-1", n=i) for i in range(10)]},
        params("t1"),
    )
    central = Stubber(aws.client("cloudtrail", "eu-central-1", A1))
    central.add_response("lookup_events", {"Events": []}, params())
    east = Stubber(aws.client("cloudtrail", "us-east-1", A1))
    east.add_response(
        "lookup_events",
        {"Events": [event("CreateRole", "us-east-1", n=i) for i in range(3)]},
        params(),
    )
    sleeps = Sleeps()
    source = LookupEventsSource(SourceContext("e", env, tmp_path, aws), sleep=sleeps)

    with west, central, east:
        batches = read_all(source)

    names = sorted(len(b) for b in batches)
    records = [r for b in batches for r in b]
    assert names == [3, 10, 50]
    assert {r["awsRegion"] for r in records} == {"eu-west-1", "us-east-1"}
    assert records[0]["readOnly"] is False  # parsed from the CloudTrailEvent string
    assert source.report.api_calls == 5
    assert aws.log.counts["cloudtrail:LookupEvents"] == 5
    assert any(1.0 <= s <= 1.25 for s in sleeps.calls)  # the throttling backoff
    for stub in (west, central, east):
        stub.assert_no_pending_responses()


def test_throttling_that_never_ends_fails_after_the_retries(tmp_path):
    """After its retries a throttled region raises AwsThrottled naming the call."""
    env = environment(tmp_path, f'"{A1}"', "[us-east-1]")
    aws = AwsAccess(env, "e")
    stub = Stubber(aws.client("cloudtrail", "us-east-1", A1))
    for _ in range(9):
        stub.add_client_error("lookup_events", "ThrottlingException", "Rate exceeded", 400)
    source = LookupEventsSource(SourceContext("e", env, tmp_path, aws), sleep=Sleeps())

    with stub, pytest.raises(AwsThrottled) as caught:
        read_all(source)

    assert caught.value.operation == "cloudtrail:LookupEvents"
    assert source.report.api_calls == 9


def test_server_errors_are_retried_through_the_bucket_and_denials_are_not(tmp_path):
    """A 5xx takes another attempt (and another token); AccessDenied fails at once."""
    env = environment(tmp_path, f'"{A1}"', "[us-east-1]")
    aws = AwsAccess(env, "e")
    stub = Stubber(aws.client("cloudtrail", "us-east-1", A1))
    stub.add_client_error("lookup_events", "InternalFailure", "oops", 500)
    stub.add_response("lookup_events", {"Events": [event("CreateRole", "us-east-1")]}, params())
    source = LookupEventsSource(SourceContext("e", env, tmp_path, aws), sleep=Sleeps())
    with stub:
        assert [len(b) for b in read_all(source)] == [1]
    assert source.report.api_calls == 2

    aws = AwsAccess(env, "e")
    stub = Stubber(aws.client("cloudtrail", "us-east-1", A1))
    stub.add_client_error("lookup_events", "AccessDeniedException", "no", 400)
    source = LookupEventsSource(SourceContext("e", env, tmp_path, aws), sleep=Sleeps())
    with stub, pytest.raises(AwsAccessDenied):
        read_all(source)
    assert source.report.api_calls == 1


def test_botocore_does_not_retry_lookup_events_around_the_bucket(tmp_path):
    """botocore's retries would bypass the 2-calls-a-second bucket: LookupEvents clients make
    one attempt per call, other services keep botocore's adaptive retries."""
    env = environment(tmp_path, f'"{A1}"', "[us-east-1]")
    aws = AwsAccess(env, "e")
    paced = aws.client("cloudtrail", "us-east-1", A1).meta.config.retries
    other = aws.client("ec2", "us-east-1", A1).meta.config.retries
    assert paced["total_max_attempts"] == 1
    assert other["mode"] == "adaptive"
    assert other.get("total_max_attempts", other.get("max_attempts", 0)) > 1


# Virtual time: each (account, region) reader is its own task, and asyncio.to_thread carries
# the task's context into the worker thread, so a call's time is its reader's clock.
NOW: contextvars.ContextVar[float] = contextvars.ContextVar("now", default=0.0)


def fake_clock() -> float:
    return NOW.get()


async def fake_sleep(seconds: float) -> None:
    NOW.set(NOW.get() + seconds)
    await asyncio.sleep(0)


def test_never_more_than_two_calls_per_second_per_account_and_region(tmp_path):
    """Counted at the client against the injected clock: no (account, region) ever gets a
    third LookupEvents call within one second, and readers start in parallel."""
    env = environment(tmp_path, f'["{A1}", "{A2}"]', "[eu-west-1]")
    aws = AwsAccess(env, "e")
    pages = 7
    times: dict[tuple[str, str], list[float]] = defaultdict(list)
    order: list[tuple[str, str]] = []
    stubs = []
    for account in (A1, A2):
        for region in ("eu-west-1", "us-east-1"):
            client = aws.client("cloudtrail", region, account)

            def seen(*_, key=(account, region), **__):
                times[key].append(fake_clock())
                order.append(key)

            client.meta.events.register_first(
                "before-parameter-build.cloudtrail.LookupEvents", seen
            )
            stub = Stubber(client)
            for page in range(pages):
                answer: dict = {"Events": [event("RunInstances", region, account, page)]}
                if page < pages - 1:
                    answer["NextToken"] = f"t{page}"
                stub.add_response("lookup_events", answer)
            stub.activate()
            stubs.append(stub)
    source = LookupEventsSource(
        SourceContext("e", env, tmp_path, aws), clock=fake_clock, sleep=fake_sleep
    )

    batches = read_all(source)

    assert len(batches) == 4 * pages
    assert source.report.api_calls == 4 * pages
    assert len(times) == 4
    assert set(order[:4]) == set(times)  # every reader's first call before any second one
    for key, stamps in times.items():
        assert len(stamps) == pages, key
        worst = max(sum(1 for t in stamps if s <= t < s + 1.0) for s in stamps)
        assert worst == 2, key
        assert stamps[-1] - stamps[0] >= (pages - 1) * 0.5, key
    for stub in stubs:
        stub.assert_no_pending_responses()


def test_slower_configured_rate_is_honoured(tmp_path):
    """`max_calls_per_second: 1` spaces one reader's calls a second apart."""
    env = environment(tmp_path, f'"{A1}"', "[us-east-1]", ", max_calls_per_second: 1")
    aws = AwsAccess(env, "e")
    client = aws.client("cloudtrail", "us-east-1", A1)
    stamps: list[float] = []

    def seen(**_):
        stamps.append(fake_clock())

    client.meta.events.register_first("before-parameter-build.cloudtrail.LookupEvents", seen)
    stub = Stubber(client)
    for page in range(3):
        stub.add_response(
            "lookup_events", {"Events": [], **({"NextToken": "t"} if page < 2 else {})}
        )
    source = LookupEventsSource(
        SourceContext("e", env, tmp_path, aws), clock=fake_clock, sleep=fake_sleep
    )

    with stub:
        read_all(source)

    assert stamps == pytest.approx([0.0, 1.05, 2.1])  # a second apart, and a margin


def test_every_region_means_the_enabled_regions(tmp_path):
    """`regions: "*"` asks ec2:DescribeRegions for the enabled regions and reads each."""
    env = environment(tmp_path, f'"{A1}"', '"*"')
    aws = AwsAccess(env, "e")
    ec2 = Stubber(aws.client("ec2", "us-east-1", A1))
    ec2.add_response(
        "describe_regions",
        {"Regions": [{"RegionName": "ap-south-1"}, {"RegionName": "us-east-1"}]},
        {"Filters": [{"Name": "opt-in-status", "Values": ["opt-in-not-required", "opted-in"]}]},
    )
    stubs = [ec2]
    for region in ("ap-south-1", "us-east-1"):
        stub = Stubber(aws.client("cloudtrail", region, A1))
        stub.add_response("lookup_events", {"Events": [event("RunInstances", region)]}, params())
        stubs.append(stub)
    source = LookupEventsSource(SourceContext("e", env, tmp_path, aws), sleep=Sleeps())

    for stub in stubs:
        stub.activate()
    batches = read_all(source)

    assert sorted(b[0]["awsRegion"] for b in batches) == ["ap-south-1", "us-east-1"]
    for stub in stubs:
        stub.assert_no_pending_responses()


def test_every_account_cannot_use_lookup_events(tmp_path):
    """`account_id: "*"` is refused with the reason and the alternatives."""
    env = environment(tmp_path, '"*"', "[us-east-1]")

    with pytest.raises(ConfigError) as caught:
        LookupEventsSource(SourceContext("e", env, tmp_path, AwsAccess(env, "e")))

    assert "one account at a time" in caught.value.user_message
    assert "source: s3" in caught.value.hint


# ---- a whole check ------------------------------------------------------------------------


def demo_history() -> dict[str, list[dict]]:
    """The demo day's records by region, as LookupEvents has them (read-only calls left out)."""
    by_region: dict[str, list[dict]] = defaultdict(list)
    for path in sorted((DEMO / "cloudtrail").rglob("*.json.gz")):
        for record in json.loads(gzip.decompress(path.read_bytes()))["Records"]:
            if record.get("readOnly") is not True:
                by_region[record["awsRegion"]].append(record)
    return by_region


def history_sessions(history: dict[str, list[dict]], requests: list[tuple[str, dict]]):
    """Sessions whose LookupEvents answers come from `history`, 50 a page."""

    def answer(params, context, **_):
        region = context["client_region"]
        body = json.loads(params["body"])  # the request as sent (JSON protocol)
        requests.append((region, body))
        start, end = body["StartTime"], body["EndTime"]
        records = [
            r
            for r in history.get(region, [])
            if start <= datetime.fromisoformat(r["eventTime"]).timestamp() <= end
        ]
        offset = int(body.get("NextToken", "0"))
        page: dict = {
            "Events": [
                {"EventId": r["eventID"], "CloudTrailEvent": json.dumps(r)}
                for r in records[offset : offset + 50]
            ]
        }
        if offset + 50 < len(records):
            page["NextToken"] = str(offset + 50)
        return AWSResponse("https://cloudtrail", 200, HTTPHeaders(), None), page

    def factory():
        session = boto3.Session(region_name="us-east-1")
        session.events.register("before-call.cloudtrail.LookupEvents", answer)
        return session

    return factory


def check(tmp_path: Path, cloudtrail: str, **options):
    return check_demo(tmp_path, cloudtrail, START, END, **options)


def test_check_over_lookup_events_finds_the_demo_drift(tmp_path):
    """run_check_async with `source: lookup_events` reports the files source's findings and
    the number of LookupEvents calls."""
    requests: list[tuple[str, dict]] = []
    files = check(tmp_path, f"{{source: files, path: {DEMO / 'cloudtrail'}}}")

    outcome = check(
        tmp_path,
        "{source: lookup_events}",
        session_factory=history_sessions(demo_history(), requests),
    )

    assert len(files.report.findings) == 8
    assert outcome.report.findings == files.report.findings
    assert outcome.report.cloudtrail == {"source": "lookup_events", "api_calls": len(requests)}
    assert {region for region, _ in requests} == {"us-east-1", "eu-west-1"}
    assert all(p["LookupAttributes"] == READ_WRITE for _, p in requests)
