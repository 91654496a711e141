"""`source: s3` against moto: an organization trail's bucket, only the window's day prefixes
listed, objects outside the window never fetched, a corrupt object reported and skipped,
bounded concurrency, and a whole check over the demo logs uploaded to a bucket."""

from __future__ import annotations

import asyncio
import gzip
import json
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import boto3
import botocore.exceptions
import pytest
from moto import mock_aws

from bot.config.drift import parse_config
from bot.shell.aws.access import AwsAccess
from bot.shell.ports import SourceContext
from bot.shell.sources.s3 import S3Source
from bot.trail.paths import PathScope
from tests.demo_env import DEMO, check_demo

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "org-trail-logs"
ORG = "o-a1b2c3d4e5"
A1, A2, OTHER = "111122223333", "444455556666", "999988887777"
START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
END = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def key(account: str, region: str, stamp: str, tag: str = "x", root: str = "CloudTrail") -> str:
    day = f"{stamp[:4]}/{stamp[4:6]}/{stamp[6:8]}"
    return (
        f"trails/AWSLogs/{ORG}/{account}/{root}/{region}/{day}/"
        f"{account}_{root}_{region}_{stamp}_{tag}.json.gz"
    )


def body(account: str, region: str, name: str) -> bytes:
    record = {
        "eventVersion": "1.09",
        "eventID": f"{account}-{region}-{name}",
        "eventTime": "2026-11-23T11:00:00Z",
        "eventSource": "ec2.amazonaws.com",
        "eventName": name,
        "awsRegion": region,
        "readOnly": False,
        "recipientAccountId": account,
    }
    return gzip.compress(json.dumps({"Records": [record]}).encode())


IN_WINDOW = [
    key(A1, "us-east-1", "20261123T1200Z"),
    key(A1, "eu-west-1", "20261124T0905Z"),
    key(A2, "eu-west-1", "20261124T2300Z"),  # delivered late: within a day of slack
    key(A2, "us-east-1", "20261125T0300Z"),
]
CORRUPT = key(A1, "us-east-1", "20261123T1300Z", tag="broken")
OUT_OF_WINDOW = [
    key(A1, "us-east-1", "20261122T2355Z"),  # a day before: its folder is not listed
    key(A1, "us-east-1", "20261123T0805Z"),  # delivered before the window starts
    key(A1, "eu-west-1", "20261126T0100Z"),  # after the slack: its folder is not listed
    key(A1, "ap-south-1", "20261123T1200Z"),  # a region the environment does not have
    key(OTHER, "eu-west-1", "20261123T1200Z"),  # an account the environment does not have
    key(A1, "eu-west-1", "20261123T1200Z", root="CloudTrail-Digest"),
]


@pytest.fixture
def bucket():
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket=BUCKET)
        for k in IN_WINDOW + OUT_OF_WINDOW:
            parts = k.split("/")
            s3.put_object(Bucket=BUCKET, Key=k, Body=body(parts[3], parts[5], parts[-1][:40]))
        s3.put_object(Bucket=BUCKET, Key=CORRUPT, Body=b"\x1f\x8b\x08 this is not gzip")
        yield s3


def make_source(tmp_path: Path, accounts: str, extra: str = ""):
    text = (
        f"environments:\n  e:\n    account_id: {accounts}\n    regions: [eu-west-1]\n"
        f"    cloudtrail: {{source: s3, bucket: {BUCKET}, prefix: trails/, "
        f"organization_id: {ORG}, region: us-east-1{extra}}}\n"
    )
    env = parse_config(text, tmp_path / "drift.yml").environment("e")
    aws = AwsAccess(env, "e")
    return S3Source(SourceContext("e", env, tmp_path, aws)), aws


def record_calls(aws: AwsAccess, source: S3Source) -> dict[str, list[str]]:
    """The Key of every GetObject and the Prefix of every ListObjectsV2, at the client."""
    seen: dict[str, list[str]] = {"GetObject": [], "ListObjectsV2": []}
    client = aws.client("s3", "us-east-1", source.account)

    def on_call(params, model, **_):
        seen[model.name].append(params.get("Key") or params.get("Prefix"))

    client.meta.events.register("before-parameter-build.s3.GetObject", on_call)
    client.meta.events.register("before-parameter-build.s3.ListObjectsV2", on_call)
    return seen


def read_all(source: S3Source, accounts=frozenset({A1, A2})) -> list[list[dict]]:
    scope = PathScope(START, END, accounts, frozenset({"eu-west-1"}))

    async def run():
        return [batch async for batch in source.batches(scope)]

    return asyncio.run(run())


def test_only_objects_of_the_window_are_fetched(bucket, tmp_path):
    """GetObject is called for the window's objects (and the corrupt one), never the others."""
    source, aws = make_source(tmp_path, f'["{A1}", "{A2}"]')
    seen = record_calls(aws, source)

    batches = read_all(source)

    assert sorted(seen["GetObject"]) == sorted([*IN_WINDOW, CORRUPT])
    assert len(batches) == len(IN_WINDOW)
    assert source.report.objects == len(IN_WINDOW)


def test_only_day_prefixes_of_the_window_are_listed(bucket, tmp_path):
    """Each account and region (plus us-east-1) is listed for the window's days plus one."""
    source, aws = make_source(tmp_path, f'["{A1}", "{A2}"]')
    seen = record_calls(aws, source)

    read_all(source)

    expected = {
        f"trails/AWSLogs/{ORG}/{a}/CloudTrail/{r}/2026/11/{d}/"
        for a in (A1, A2)
        for r in ("eu-west-1", "us-east-1")
        for d in ("23", "24", "25")
    }
    assert set(seen["ListObjectsV2"]) == expected
    assert len(seen["ListObjectsV2"]) == len(expected)
    assert source.report.api_calls == len(expected) + len(IN_WINDOW) + 1


def test_corrupt_object_is_reported_and_skipped(bucket, tmp_path):
    """A damaged object becomes a Problem with its s3:// URL; the rest is read."""
    source, _ = make_source(tmp_path, f'["{A1}", "{A2}"]')

    batches = read_all(source)

    assert [p.where for p in source.report.problems] == [f"s3://{BUCKET}/{CORRUPT}"]
    assert "gzip" in source.report.problems[0].reason
    assert len(batches) == len(IN_WINDOW)


def test_object_that_breaks_off_is_reported_and_skipped(bucket, tmp_path, monkeypatch):
    """A body whose stream breaks off (botocore's IncompleteReadError) becomes a Problem."""
    source, aws = make_source(tmp_path, f'["{A1}", "{A2}"]')
    real_call = aws.call_sync

    class Broken:
        def read(self) -> bytes:
            raise botocore.exceptions.IncompleteReadError(actual_bytes=1, expected_bytes=9)

        def close(self) -> None:
            pass

    def call_sync(service, operation, **params):
        answer = real_call(service, operation, **params)
        if operation == "GetObject" and params.get("Key") == IN_WINDOW[0]:
            answer["Body"] = Broken()
        return answer

    monkeypatch.setattr(aws, "call_sync", call_sync)

    batches = read_all(source)

    reasons = {p.where: p.reason for p in source.report.problems}
    assert reasons[f"s3://{BUCKET}/{IN_WINDOW[0]}"] == (
        "could not be read to the end (1 read, but total bytes expected is 9.)"
    )
    assert len(batches) == len(IN_WINDOW) - 1


def test_records_come_out_one_object_a_batch(bucket, tmp_path):
    """Each object's records are one batch of parsed records."""
    source, _ = make_source(tmp_path, f'["{A1}", "{A2}"]')

    batches = read_all(source)

    assert all(len(b) == 1 for b in batches)
    assert {b[0]["recipientAccountId"] for b in batches} == {A1, A2}
    assert {b[0]["awsRegion"] for b in batches} == {"us-east-1", "eu-west-1"}


def test_every_account_is_found_in_the_bucket(bucket, tmp_path):
    """`account_id: "*"` lists the accounts under AWSLogs/o-ORGID/ and reads each."""
    source, aws = make_source(tmp_path, '"*"')
    seen = record_calls(aws, source)

    batches = read_all(source, accounts=None)

    assert {b[0]["recipientAccountId"] for b in batches} == {A1, A2, OTHER}
    assert f"trails/AWSLogs/{ORG}/" in seen["ListObjectsV2"]


def test_fetches_are_bounded_by_max_concurrency(bucket, tmp_path, monkeypatch):
    """No more than `max_concurrency` objects are fetched at once, and that many are."""
    source, _ = make_source(tmp_path, '"*"', ", max_concurrency: 2")
    real_fetch = source._fetch
    lock, running, peak = threading.Lock(), [0], [0]

    def slow_fetch(k):
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.05)
        try:
            return real_fetch(k)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(source, "_fetch", slow_fetch)

    read_all(source, accounts=None)

    assert peak[0] == 2


# ---- a whole check ------------------------------------------------------------------------


def check(tmp_path: Path, cloudtrail: str):
    start, end = datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 11, 24, tzinfo=UTC)
    return check_demo(tmp_path, cloudtrail, start, end)


def test_check_over_the_bucket_finds_the_demo_drift(tmp_path):
    """The demo logs uploaded to a bucket give the files source's findings through run_check."""
    files = check(tmp_path, f"{{source: files, path: {DEMO / 'cloudtrail'}}}")
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="demo-trail")
        logs = DEMO / "cloudtrail"
        for path in logs.rglob("*.json.gz"):
            s3.put_object(
                Bucket="demo-trail", Key=path.relative_to(logs).as_posix(), Body=path.read_bytes()
            )
        outcome = check(tmp_path, "{source: s3, bucket: demo-trail}")

    assert len(files.report.findings) == 8
    assert outcome.report.findings == files.report.findings
    assert outcome.report.stats.records == files.report.stats.records
    assert outcome.report.cloudtrail["objects"] == files.report.cloudtrail["files"]
