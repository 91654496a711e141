"""Part 3: a Redis blip under a real `drift worker`."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from bench.torture.report import DAY, DEMO, ROOT, Report
from bot.shell.redis.queue import Queue, open_pool
from bot.shell.redis.store import Store
from tests.redis_process import RedisProcess


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  (loopback)
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code
    except OSError:
        return 0


def _until(check: Callable[[], bool], within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


async def _enqueue(redis: RedisProcess) -> str:
    pool = await open_pool(redis.target)
    try:
        job_id, _ = await Queue(pool, Store(pool)).enqueue_check(
            "demo", trigger="cli", requested_by="torture", since=DAY["since"], until=DAY["until"]
        )
        return job_id
    finally:
        await pool.aclose(close_connection_pool=True)


async def _state(redis: RedisProcess, job_id: str) -> str:
    pool = await open_pool(redis.target)
    try:
        return str((await Store(pool).job(job_id) or {}).get("state"))
    finally:
        await pool.aclose(close_connection_pool=True)


def torture_redis(report: Report, tmp: Path, redis: RedisProcess) -> None:
    log = tmp / "worker.log"
    env = {**os.environ, "REDIS_URL": redis.url}
    env.pop("SLACK_BOT_TOKEN", None)
    command = [sys.executable, "-m", "bot", "worker", "--config", str(DEMO), "--job-lease", "2"]
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [*command, "--health-port", "0"], env=env, cwd=ROOT, stdout=out, stderr=out
        )
    try:
        found = None
        if _until(lambda: bool(re.search(r"health on http://[\d.]+:(\d+)/", log.read_text())), 30):
            found = re.search(r"health on http://[\d.]+:(\d+)/", log.read_text())
        base = f"http://127.0.0.1:{found.group(1)}" if found else "http://127.0.0.1:9"
        ready = _until(lambda: _get(f"{base}/readyz") == 200, 30)
        redis.stop()
        unready = _until(lambda: _get(f"{base}/readyz") == 503, 30)
        time.sleep(2)
        redis.start()
        ready_again = _until(lambda: _get(f"{base}/readyz") == 200, 30)
        job_id = asyncio.run(_enqueue(redis))
        ran = _until(lambda: asyncio.run(_state(redis, job_id)) == "succeeded", 60)
        alive = worker.poll() is None
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    text = log.read_text(errors="replace")
    lost = len(re.findall(r"worker: Redis at .* is unreachable", text))
    back = len(re.findall(r"worker: Redis at .* is back after", text))
    report.line(
        "Redis blip (2 s)",
        f"/readyz 200→503→200: {ready and unready and ready_again}; outage lines {lost}, "
        f"recovery lines {back}; check queued after: {'succeeded' if ran else 'NOT RUN'}; "
        f"worker alive: {alive}; tracebacks {text.count('Traceback')}",
    )
    report.expect(ready and unready and ready_again, "/readyz follows Redis")
    report.expect(lost == 1 and back == 1, "the outage logged once, the recovery once")
    report.expect(ran and alive, "the worker lives through the blip and runs the next check")
    report.expect("Traceback" not in text, "no traceback in the worker's log")
