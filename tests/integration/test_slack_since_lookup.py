"""`/drift check ENV since DURATION` over LookupEvents (issue 13): a window reaching further back
than LookupEvents keeps (90 days) is a warning naming the limit and the sources that go
further, as the CLI's `--since` is: in the command's answer, and in the job's result (the
progress message the worker keeps, and `/drift status JOB`). Before: `since 120d` was refused
outright ("up to 90d"), also for the environments whose source reads further back.

Signed requests, the fake Slack, a real Redis; LookupEvents answered by a botocore hook (moto
has no LookupEvents)."""

from __future__ import annotations

import json
import re
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse, HTTPHeaders
from moto import mock_aws

from bot.shell.jobs import LatestProgress, run_check_job
from tests import slack_requests as sr
from tests.slack_world import ALICE, CHANNEL, DEMO, World, slack_world

FILES = f"cloudtrail: {{source: files, path: {DEMO / 'cloudtrail'}}}"
WARNING = "further back than LookupEvents keeps events (90 days)"


def on_lookup_events(text: str) -> str:
    """drift.yml with the `demo` environment reading LookupEvents (the others: files)."""
    return text.replace(FILES, "cloudtrail: {source: lookup_events}", 1)


@pytest.fixture
def lookup_world(redis_target, tmp_path, monkeypatch):
    with slack_world(redis_target, tmp_path, monkeypatch, edit=on_lookup_events) as w:
        yield w


def lookup_events_answering_nothing(calls: list[dict[str, Any]]) -> Any:
    def answer(params: dict[str, Any], **_: Any) -> Any:
        calls.append(json.loads(params["body"]))
        return AWSResponse("https://cloudtrail", 200, HTTPHeaders(), None), {"Events": []}

    def factory() -> Any:
        session = boto3.Session(region_name="us-east-1")
        session.events.register("before-call.cloudtrail.LookupEvents", answer)
        return session

    return factory


def check(world: World, text: str) -> str:
    response = world.dispatch(sr.slash_command(text, user_id=ALICE))
    world.settle()
    assert response.status == 200
    return str(response.body)


def test_a_window_past_lookup_events_is_queued_with_the_warning(lookup_world):
    answer = check(lookup_world, "check demo since 120d")

    assert "Queued a check of `demo` over the last 120d" in answer
    assert WARNING in answer
    for source in ("`athena`", "`s3`", "`files`"):
        assert source in answer


def test_a_window_lookup_events_keeps_has_no_warning(lookup_world):
    answer = check(lookup_world, "check demo since 30d")

    assert "Queued a check of `demo`" in answer
    assert "LookupEvents" not in answer


def test_an_environment_reading_log_files_is_not_warned(world):
    """`files` (as `s3` and `athena`) reads as far back as the trail goes: no warning."""
    answer = check(world, "check demo since 400d")

    assert "Queued a check of `demo` over the last 400d" in answer
    assert "LookupEvents" not in answer


def test_the_jobs_result_carries_the_warning_to_its_progress_message_and_status(lookup_world):
    world = lookup_world
    answer = check(world, "check demo since 120d")
    job_id = re.search(r"job `([^`]+)`", answer).group(1)  # type: ignore[union-attr]
    calls: list[dict[str, Any]] = []
    deps = world.job_deps()
    payload = {"env": "demo", "since": "120d", "trigger": "slack", "requested_by": ALICE}

    with mock_aws():
        deps.session_factory = lookup_events_answering_nothing(calls)
        result = world.run(run_check_job(deps, payload, job_id, 1, LatestProgress()))

    assert calls  # LookupEvents was read
    assert result["lookup_days"] == 90
    progress = [m for m in world.fake.messages(CHANNEL) if job_id in json.dumps(m)]
    assert progress
    assert WARNING in json.dumps(progress[-1], ensure_ascii=False)
    status = world.dispatch(sr.slash_command(f"status {job_id}", user_id=ALICE))
    assert WARNING in str(status.body)
