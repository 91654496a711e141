"""The worker's minute tick: scheduled checks at their cron slots and the daily digest at its
local time, with the clock controlled."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from bot.config.drift import parse_config
from bot.entry.worker import tick
from bot.shell.jobs import Deps
from bot.shell.redis.queue import open_pool
from bot.shell.redis.store import Store

CONFIG = """
environments:
  prod:
    account_id: "111122223333"
    regions: [eu-central-1]
    cloudtrail: {source: files, path: ./logs}
    schedule:
      check: "*/15 * * * *"
      digest: "09:00"
      timezone: Europe/Berlin
"""


class RecordingQueue:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    async def enqueue_check(self, env, **kw):
        self.calls.append(("check", env, kw["job_id"], kw["scheduled"]))
        return kw["job_id"], True

    async def enqueue_digest(self, env, day):
        self.calls.append(("digest", env, day))
        return True


def _at(moment: datetime):
    return lambda: moment


def ticks(redis_target, *moments: datetime) -> list[list[tuple]]:
    loaded = parse_config(CONFIG, Path("/srv/drift.yml"))

    async def run():
        pool = await open_pool(redis_target)
        try:
            out = []
            for moment in moments:
                queue = RecordingQueue()
                deps = Deps(loaded=loaded, runbooks={}, store=Store(pool), clock=_at(moment))
                await tick({"deps": deps, "queue": queue})
                out.append(queue.calls)
            return out
        finally:
            await pool.aclose(close_connection_pool=True)

    return asyncio.run(run())


def test_checks_run_at_their_cron_slots_only(redis_target):
    """At 10:15:20 Berlin the 10:15 slot is due; at 10:22 nothing is."""
    at_slot, between = ticks(
        redis_target,
        datetime(2026, 11, 24, 9, 15, 20, tzinfo=UTC),  # 10:15:20 in Berlin
        datetime(2026, 11, 24, 9, 22, 0, tzinfo=UTC),
    )

    assert ("check", "prod", "sched-prod-20261124T1015", True) in at_slot
    assert not [c for c in between if c[0] == "check"]


def test_the_digest_is_due_at_its_local_time(redis_target):
    """09:00 in Berlin is 08:00 UTC in November: before it no digest, after it one."""
    before, after = ticks(
        redis_target,
        datetime(2026, 11, 24, 7, 59, tzinfo=UTC),
        datetime(2026, 11, 24, 8, 0, 30, tzinfo=UTC),
    )

    assert not [c for c in before if c[0] == "digest"]
    assert ("digest", "prod", "20261124") in after
