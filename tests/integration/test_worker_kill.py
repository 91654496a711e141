"""A worker killed with SIGKILL in the middle of a check: the job runs again on another
worker, and nothing is lost or duplicated. Real processes, real redis-server."""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bot.shell.redis import keys
from bot.shell.redis.connection import RedisTarget
from bot.shell.redis.queue import Queue, open_pool
from bot.shell.redis.store import Store

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo"
NOISE_FILES, PER_FILE = 40, 8000


def big_environment(tmp: Path) -> Path:
    """The demo's logs plus enough read-only noise that a check takes a few seconds."""
    shutil.copytree(DEMO / "cloudtrail", tmp / "cloudtrail")
    shutil.copy(DEMO / "terraform.tfstate", tmp / "terraform.tfstate")
    template = {
        "eventVersion": "1.11",
        "eventSource": "ec2.amazonaws.com",
        "eventName": "DescribeInstances",
        "awsRegion": "us-east-1",
        "readOnly": True,
        "eventType": "AwsApiCall",
        "recipientAccountId": "111122223333",
        "eventTime": "2026-11-23T12:00:00Z",
        "userIdentity": {"type": "AssumedRole"},
        "requestParameters": {"instancesSet": {}, "filterSet": {}},
    }
    noise = tmp / "cloudtrail" / "noise"
    noise.mkdir()
    for n in range(NOISE_FILES):
        records = [{**template, "eventID": f"noise-{n}-{i}"} for i in range(PER_FILE)]
        (noise / f"noise-{n:03d}.json.gz").write_bytes(
            gzip.compress(json.dumps({"Records": records}).encode(), compresslevel=1)
        )
    (tmp / "drift.yml").write_text((DEMO / "drift.yml").read_text())
    return tmp / "drift.yml"


def url_of(target: RedisTarget) -> str:
    return target.url or f"unix://{target.unix_socket}"


def worker(config: Path, target: RedisTarget, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "REDIS_URL": url_of(target)}
    command = [sys.executable, "-m", "bot", "worker", "--config", str(config), "--job-lease", "2"]
    return subprocess.Popen(
        [*command, *extra], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def job_state(target: RedisTarget, job_id: str) -> dict:
    async def read() -> dict:
        pool = await open_pool(target)
        try:
            return await Store(pool).job(job_id) or {}
        finally:
            await pool.aclose(close_connection_pool=True)

    return asyncio.run(read())


def test_sigkill_mid_check_reruns_the_job_elsewhere_and_duplicates_nothing(redis_target, tmp_path):
    """Worker 1 dies mid-read; worker 2 picks the job up after the lease, attempt 2; every
    finding, history entry and outbox entry exists exactly once."""
    config = big_environment(tmp_path)

    async def enqueue() -> str:
        pool = await open_pool(redis_target)
        try:
            job_id, _ = await Queue(pool, Store(pool)).enqueue_check(
                "demo",
                trigger="cli",
                requested_by="test",
                since="2026-11-23T00:00:00Z",
                until="2026-11-24T00:00:00Z",
            )
            return job_id
        finally:
            await pool.aclose(close_connection_pool=True)

    job_id = asyncio.run(enqueue())
    first = worker(config, redis_target)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            state = job_state(redis_target, job_id)
            if state.get("state") == "running":  # started reading; the check takes seconds
                break
            assert first.poll() is None, first.stderr.read().decode() if first.stderr else ""
            time.sleep(0.05)
        else:
            raise AssertionError(f"the job never ran: {state}")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        if first.stderr is not None:
            first.stderr.close()
    killed = job_state(redis_target, job_id)
    assert killed["state"] == "running"  # left mid-check, never finished
    assert "result" not in killed

    second = worker(config, redis_target, "--burst")
    _, err = second.communicate(timeout=120)
    assert second.returncode == 0, err.decode()

    async def results():
        pool = await open_pool(redis_target)
        try:
            store = Store(pool)
            return (
                await store.records("demo"),
                await store.history("demo"),
                await finding_entries(pool),
            )
        finally:
            await pool.aclose(close_connection_pool=True)

    records, history, outbox = asyncio.run(results())
    done = job_state(redis_target, job_id)
    assert done["state"] == "succeeded"
    assert done["attempt"] == 2
    assert done["result"]["records"] == 7127 + NOISE_FILES * PER_FILE
    assert len(records) == 8
    opened = Counter(h["finding_id"] for h in history if h.get("to_state") == "open")
    assert (len(opened), set(opened.values())) == (8, {1})
    assert [h["job_id"] for h in history if h["type"] == "check"] == [job_id]
    assert outbox == 8


async def finding_entries(pool: Any) -> int:
    """Outbox entries about findings (a check also adds one `checked` entry per run: it is
    how the notifier knows to post the check's cards, issue 11)."""
    entries = await pool.xrange(keys.OUTBOX)
    return sum(1 for _, fields in entries if b"finding_id" in fields)
