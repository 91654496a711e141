"""The worker against a real redis-server: queued checks, job state, one check per
environment, idempotent re-runs, scheduled checks over overlapping windows."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.entry.cli import load_config
from bot.entry.worker import build_worker
from bot.shell.jobs import Deps, LatestProgress, run_check_job
from bot.shell.redis import keys
from bot.shell.redis.connection import RedisTarget
from bot.shell.redis.queue import Queue, open_pool
from bot.shell.redis.store import Store
from bot.shell.runbook_files import runbooks_for

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo" / "drift.yml"
DAY: dict[str, Any] = {"since": "2026-11-23T00:00:00Z", "until": "2026-11-24T00:00:00Z"}
EXPECTED = Counter({"modified": 5, "deleted": 1, "unmanaged": 2})


def loaded():
    return load_config(str(DEMO))


async def with_queue(target: RedisTarget, work):
    pool = await open_pool(target)
    try:
        return await work(Queue(pool, Store(pool)), Store(pool))
    finally:
        await pool.aclose(close_connection_pool=True)


async def run_burst_worker(target: RedisTarget) -> None:
    config = loaded()
    worker = build_worker(config, runbooks_for(config), target, burst=True, with_cron=False)
    try:
        await worker.main()
    finally:
        await worker.close()


def test_async_check_runs_on_the_worker_and_reports_its_state(redis_target):
    """`check --async` queues; the worker runs it; status, findings and history follow."""

    async def scenario():
        async def enqueue(queue: Queue, store: Store):
            return await queue.enqueue_check("demo", trigger="cli", requested_by="me", **DAY)

        job_id, fresh = await with_queue(redis_target, enqueue)
        queued = await with_queue(redis_target, lambda q, s: q.status(job_id))
        await run_burst_worker(redis_target)

        async def after(queue: Queue, store: Store):
            return (
                await queue.status(job_id),
                await store.records("demo"),
                await store.history("demo"),
                await store.running("demo"),
            )

        return job_id, fresh, queued, *await with_queue(redis_target, after)

    job_id, fresh, queued, done, records, history, running = asyncio.run(scenario())

    assert fresh
    assert queued["state"] == "queued"
    assert done["state"] == "succeeded"
    result = done["result"]
    assert (result["modified"], result["deleted"], result["unmanaged"]) == (5, 1, 2)
    assert Counter(r.finding.kind for r in records) == EXPECTED
    assert {r.state for r in records} == {"open"}
    assert all(r.finding.runbook for r in records)
    opened = [h for h in history if h["type"] == "transition" and h["to_state"] == "open"]
    checks = [h for h in history if h["type"] == "check"]
    assert len(opened) == 8
    assert [c["job_id"] for c in checks] == [job_id]
    assert running is None  # the environment's "running" mark is released


def test_one_check_per_environment_at_a_time(redis_target):
    """Asking again while a check is queued returns that check's id."""

    async def scenario():
        async def twice(queue: Queue, store: Store):
            first = await queue.enqueue_check("demo", trigger="cli", requested_by="a", **DAY)
            second = await queue.enqueue_check("demo", trigger="slack", requested_by="b", **DAY)
            return first, second

        return await with_queue(redis_target, twice)

    (first, fresh1), (second, fresh2) = asyncio.run(scenario())

    assert (fresh1, fresh2) == (True, False)
    assert second == first


def test_a_check_between_claiming_and_reaching_arq_keeps_its_environment(redis_target):
    """Two requests at once: the second sees the first's mark before the first has reached
    arq. It must get the first's id back, not take the mark over and queue a second check.
    Once a holder has finished (its record says so), the mark is taken over."""

    async def scenario():
        async def race(queue: Queue, store: Store):
            await store.claim_running("demo", "check-demo-first", timedelta(minutes=10))
            during = await queue.enqueue_check("demo", trigger="slack", requested_by="b", **DAY)
            await store.set_job("check-demo-first", state="queued", env="demo")
            queued = await queue.enqueue_check("demo", trigger="slack", requested_by="c", **DAY)
            await store.set_job("check-demo-first", state="succeeded", env="demo")
            after = await queue.enqueue_check("demo", trigger="slack", requested_by="d", **DAY)
            return during, queued, after

        return await with_queue(redis_target, race)

    during, queued, (after, fresh) = asyncio.run(scenario())

    assert during == ("check-demo-first", False)
    assert queued == ("check-demo-first", False)
    assert after != "check-demo-first"
    assert fresh


def test_a_schedule_slot_already_checked_is_not_queued_again(redis_target):
    """A second tick in the same slot (a restarted worker) gets the slot's finished job back,
    and that job's record still says it succeeded."""
    slot = "sched-demo-20261124T0900"

    async def scenario():
        async def enqueue(queue: Queue, store: Store):
            return await queue.enqueue_check(
                "demo", trigger="schedule", requested_by="schedule", job_id=slot, **DAY
            )

        first = await with_queue(redis_target, enqueue)
        await run_burst_worker(redis_target)
        again = await with_queue(redis_target, enqueue)
        return first, again, await with_queue(redis_target, lambda q, s: q.status(slot))

    first, again, status = asyncio.run(scenario())

    assert (first, again) == ((slot, True), (slot, False))
    assert status["state"] == "succeeded"


class CrashAfter(Store):
    """A Store whose process 'dies' after `n` finding writes (as SIGKILL would, mid-apply)."""

    def __init__(self, redis: Any, n: int) -> None:
        super().__init__(redis)
        self.left = n

    async def apply(self, env, fid, update, batch=None):
        if self.left == 0:
            raise asyncio.CancelledError("killed")
        self.left -= 1
        return await super().apply(env, fid, update, batch)


def test_a_job_killed_mid_write_and_run_again_duplicates_nothing(redis_target):
    """Half the findings written, then the job dies; the re-run completes it without writing
    any finding, history entry or outbox entry twice."""
    config = loaded()
    payload = {"env": "demo", "trigger": "cli", "requested_by": "me", **DAY}

    async def scenario():
        pool = await open_pool(redis_target)
        try:
            deps = Deps(loaded=config, runbooks=runbooks_for(config), store=CrashAfter(pool, 3))
            with pytest.raises(asyncio.CancelledError):
                await run_check_job(deps, payload, "job-1", 1, LatestProgress())
            partial = len(await Store(pool).records("demo"))
            deps.store = Store(pool)
            await run_check_job(deps, payload, "job-1", 2, LatestProgress())
            await run_check_job(deps, payload, "job-1", 3, LatestProgress())  # and once more
            store = Store(pool)
            return (
                partial,
                await store.records("demo"),
                await store.history("demo"),
                await finding_entries(pool),
            )
        finally:
            await pool.aclose(close_connection_pool=True)

    partial, records, history, outbox = asyncio.run(scenario())

    assert partial == 3
    assert len(records) == 8
    assert all(r.version == 1 for r in records)
    opened = Counter(h["finding_id"] for h in history if h.get("to_state") == "open")
    assert len(opened) == 8
    assert set(opened.values()) == {1}
    assert [h["job_id"] for h in history if h["type"] == "check"] == ["job-1"]
    assert outbox == 8


def test_scheduled_checks_over_overlapping_windows_produce_each_finding_once(redis_target):
    """Two scheduled checks: the second re-reads the overlap (15 min) and adds only what is
    new; every finding is opened once and every event is kept once."""
    config = loaded()
    first = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # after the 13:45 termination
    second = datetime(2026, 11, 23, 23, 59, tzinfo=UTC)
    clock = {"now": first}
    payload = {"env": "demo", "trigger": "schedule", "requested_by": "schedule", "scheduled": True}

    async def scenario():
        pool = await open_pool(redis_target)
        try:
            store = Store(pool, clock=lambda: clock["now"])
            deps = Deps(
                loaded=config,
                runbooks=runbooks_for(config),
                store=store,
                clock=lambda: clock["now"],
            )
            one = await run_check_job(deps, payload, "sched-1", 1, LatestProgress())
            mark1 = await store.watermark("demo", "files")
            clock["now"] = second
            two = await run_check_job(deps, payload, "sched-2", 1, LatestProgress())
            mark2 = await store.watermark("demo", "files")
            return one, two, mark1, mark2, await store.records("demo"), await store.history("demo")
        finally:
            await pool.aclose(close_connection_pool=True)

    one, two, mark1, mark2, records, history = asyncio.run(scenario())

    assert one["window_end"] == "2026-11-23T14:00:00Z"
    assert two["window_start"] == "2026-11-23T13:45:00Z"  # the watermark minus the overlap
    assert (mark1, mark2) == (first, second)
    assert len(records) == 8
    terminated = next(r for r in records if r.finding.kind == "deleted")
    assert len(terminated.finding.events) == 1  # the 13:45 event, read by both checks
    opened = Counter(h["finding_id"] for h in history if h.get("to_state") == "open")
    assert len(opened) == 8
    assert set(opened.values()) == {1}
    assert (one["opened"], two["opened"]) == (4, 4)


def test_acceptance_expires_on_a_later_check(redis_target):
    """An acceptance with an expiry reopens the finding on the first check after it."""
    from bot.lifecycle.transitions import accept

    config = loaded()
    clock = {"now": datetime(2026, 11, 24, 9, 0, tzinfo=UTC)}
    payload = {"env": "demo", "trigger": "cli", "requested_by": "me", **DAY}

    async def scenario():
        pool = await open_pool(redis_target)
        try:
            store = Store(pool, clock=lambda: clock["now"])
            deps = Deps(
                loaded=config,
                runbooks=runbooks_for(config),
                store=store,
                clock=lambda: clock["now"],
            )
            await run_check_job(deps, payload, "job-a", 1, LatestProgress())
            target = next(r for r in await store.records("demo") if r.finding.kind == "deleted")
            until = clock["now"] + timedelta(days=1)

            def accepting(record):
                return accept(record, "lead", "decommissioning", until, clock["now"])

            await store.apply("demo", target.id, accepting)
            await run_check_job(deps, payload, "job-b", 1, LatestProgress())
            during = await store.get("demo", target.id)
            clock["now"] += timedelta(days=2)
            await run_check_job(deps, payload, "job-c", 1, LatestProgress())
            after = await store.get("demo", target.id)
            return during, after
        finally:
            await pool.aclose(close_connection_pool=True)

    during, after = asyncio.run(scenario())

    assert during.state == "accepted"
    assert after.state == "open"
    assert after.acceptance is None


async def finding_entries(pool: Any) -> int:
    """Outbox entries about findings (a check also adds one `checked` entry per run: it is
    how the notifier knows to post the check's cards, issue 11)."""
    entries = await pool.xrange(keys.OUTBOX)
    return sum(1 for _, fields in entries if b"finding_id" in fields)
