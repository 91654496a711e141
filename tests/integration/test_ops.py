"""Running driftbot as a service: structured logs (ids carried, secrets masked), the state cache
(read once, read again only when changed), the LookupEvents reach warning, the realtime config's
errors, and `drift serve`'s probes."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config.drift import parse_config
from bot.errors import ConfigError
from bot.shell.logs import JsonFormatter, TextFormatter, _Context, log_context, mask
from bot.shell.ports import SourceContext
from bot.shell.states.cache import StateCache

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo"
TOKEN = "xoxb-1234567890-abcdefghijkl"  # noqa: S105  (a fixture)
AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"  # noqa: S105  (AWS's documented example)


def formatted(formatter: logging.Formatter, message: str, *args: object, **extra: str) -> str:
    record = logging.LogRecord("driftbot.test", logging.WARNING, __file__, 1, message, args, None)
    for key, value in extra.items():
        setattr(record, key, value)
    _Context().filter(record)
    return formatter.format(record)


def test_json_lines_carry_the_ids_and_mask_secrets():
    with log_context(job_id="check-demo-1", env="demo"):
        line = formatted(
            JsonFormatter(),
            "posting with %s to %s",
            TOKEN,
            "redis://:hunter2@redis:6379/0",
            finding_id="f-0011223344556677",
        )
    doc = json.loads(line)
    assert doc["job_id"] == "check-demo-1"
    assert doc["env"] == "demo"
    assert doc["finding_id"] == "f-0011223344556677"
    assert doc["level"] == "WARNING"
    assert TOKEN not in line
    assert "hunter2" not in line
    assert "***" in doc["message"]


def test_text_lines_mask_secrets_too():
    line = formatted(TextFormatter("%(message)s"), "key %s", AWS_SECRET, env="demo")
    assert AWS_SECRET not in line
    assert line.endswith("[env=demo]")
    assert mask("nothing secret here, sg-0a11b22c33d44e55f") == (
        "nothing secret here, sg-0a11b22c33d44e55f"
    )


def test_drift_worker_logs_json_when_asked(tmp_path, redis_target):
    url = redis_target.url or f"unix://{redis_target.unix_socket}"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "worker", "--burst", "--config", str(DEMO / "drift.yml")],
        env={**os.environ, "REDIS_URL": url, "DRIFT_LOG_FORMAT": "json"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=ROOT,
    )
    lines = [json.loads(line) for line in done.stderr.splitlines() if line.strip()]
    assert lines
    assert any(line["message"].startswith("driftbot worker") for line in lines)


def test_the_state_is_read_once_and_again_only_when_it_changed(tmp_path):
    state = tmp_path / "terraform.tfstate"
    state.write_bytes((DEMO / "terraform.tfstate").read_bytes())
    loaded = parse_config(
        f"""
environments:
  e:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {{source: files, path: {tmp_path}}}
    state: [{{terraform: {state}}}]
""",
        tmp_path / "drift.yml",
    )
    clock = [0.0]
    ctx = SourceContext("e", loaded.config.environments["e"], tmp_path)
    cache = StateCache(ctx, timedelta(seconds=60), clock=lambda: clock[0])

    async def burst(n: int) -> tuple[int, int]:
        await asyncio.gather(*(cache.index() for _ in range(n)))
        return cache.loads, cache.looks

    async def story() -> list[tuple[int, int]]:
        seen = [await burst(50)]  # 50 events, one read
        clock[0] = 61
        seen.append(await burst(5))  # looked again: unchanged, not read
        await asyncio.sleep(0.01)
        state.write_bytes(state.read_bytes() + b"\n")
        clock[0] = 90
        seen.append(await burst(5))  # changed, but within state_refresh of the last look
        clock[0] = 122
        seen.append(await burst(5))  # looked again: changed, read again
        return seen

    assert asyncio.run(story()) == [(1, 1), (1, 2), (1, 2), (2, 3)]


def test_lookup_events_reach_warning(tmp_path):
    config = tmp_path / "drift.yml"
    config.write_text("""
environments:
  prod:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {source: lookup_events}
    aws: {endpoint_url: "http://127.0.0.1:9"}
    confirm: false
""")
    check = subprocess.Popen(
        [sys.executable, "-m", "bot", "check", "prod", "--config", str(config), "--since", "120d"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    try:
        assert check.stderr is not None
        first = check.stderr.readline()  # before any reading (the endpoint answers nothing)
    finally:
        check.kill()
        check.wait()
        if check.stderr is not None:
            check.stderr.close()
    assert "90 days" in first
    assert "`athena`" in first
    assert "`s3`" in first


@pytest.mark.parametrize(
    ("block", "named"),
    [
        ("sqs: {queue_url: 'ftp://nope', region: us-east-1}", "queue_url"),
        ("sqs: {queue_url: 'https://sqs.us-east-1.amazonaws.com/1/q', region: mars}", "region"),
        (
            "sqs: {queue_url: 'https://sqs.us-east-1.amazonaws.com/1/q', region: us-east-1, "
            "concurrency: 0}",
            "concurrency",
        ),
        (
            "sqs: {queue_url: 'https://sqs.us-east-1.amazonaws.com/1/q', region: us-east-1}\n"
            "  state_refresh: soon",
            "state_refresh",
        ),
        ("sqs: {queue_url: 'https://sqs.us-east-1.amazonaws.com/1/q', regoin: x}", "regoin"),
    ],
)
def test_a_bad_realtime_block_names_the_key(tmp_path, block, named):
    text = f"""
environments:
  e: {{account_id: "111122223333", regions: [us-east-1], cloudtrail: {{source: files, path: x}}}}
realtime:
  {block}
"""
    with pytest.raises(ConfigError) as caught:
        parse_config(text, tmp_path / "drift.yml")
    assert named in str(caught.value)


def test_serve_answers_metrics_and_readyz_beside_healthz(world):
    """`drift serve --http`: /metrics in Prometheus's format, /readyz naming Redis and the
    Slack token (valid at the fake Slack), /healthz as before."""
    from aiohttp.test_utils import TestClient, TestServer

    from bot.entry.app import http_app
    from tests import slack_requests as sr

    async def probe() -> tuple[int, str, str, int, dict, int]:
        client = TestClient(TestServer(http_app(world.app, world.deps, sr.SECRET)))
        await client.start_server()
        try:
            metrics = await client.get("/metrics")
            text = await metrics.text()
            ready = await client.get("/readyz")
            health = await client.get("/healthz")
            return (
                metrics.status,
                metrics.headers["Content-Type"],
                text,
                ready.status,
                await ready.json(),
                health.status,
            )
        finally:
            await client.close()

    status, content_type, text, ready_status, ready, health = world.run(probe())
    assert status == 200
    assert content_type.startswith("text/plain")
    assert "driftbot_checks_total" in text or "# HELP driftbot_checks" in text
    assert ready_status == 200, ready
    assert ready["checks"]["redis"] == {"ok": True, "detail": "up"}
    assert ready["checks"]["slack"]["ok"] is True
    assert health == 200


def test_readyz_says_no_when_slack_refuses_the_token(world):
    from bot.shell.health import run_checks
    from bot.shell.readiness import slack_token

    world.fake.fail("auth.test", "token_revoked", times=1)
    answers = world.run(run_checks([slack_token(world.deps.slack)]))
    assert answers == {"slack": {"ok": False, "detail": "token_revoked"}}
