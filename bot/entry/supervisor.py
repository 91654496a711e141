"""`drift worker` until it is told to stop, through Redis outages.

Signals: SIGTERM or SIGINT stops the worker within `GRACE` + a second: it takes no new job,
lets the running ones finish for up to `GRACE` seconds, then cancels them (arq puts a cancelled
job back in its queue, "cancelled, will be run again", so another worker runs it; nothing is
lost), and exits 0. A second signal cancels at once. arq's own signal handling is off: it
cancelled nothing when the worker ran under `worker.main()` (no task of its own to cancel), so
a signalled worker went on taking jobs.

Redis outages: when Redis goes away (the worker's poll, a job, the pool), the worker is closed,
the outage is logged once, Redis is pinged with a capped backoff until it answers, the recovery
is logged once, and a new arq Worker starts (cron ticks and queued jobs resume). While Redis is
away the health server says so (bot/shell/health.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable
from typing import Any

from arq.worker import Worker

from bot.errors import RedisUnavailable
from bot.shell.health import HealthState
from bot.shell.redis.connection import RedisTarget, ping, redis_outage
from bot.shell.redis.outage import Backoff, OutageLog, pause

log = logging.getLogger("driftbot.worker")
GRACE = 8.0  # seconds a running job may take to finish after SIGTERM, before it is released
SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Supervisor:
    """Runs arq Workers made by `build` one after another: a new one after each Redis outage,
    none after a signal (or, in burst mode, after the queue is empty)."""

    def __init__(
        self,
        build: Callable[[], Worker],
        target: RedisTarget,
        health: HealthState,
        *,
        burst: bool = False,
    ) -> None:
        self.build = build
        self.target = target
        self.health = health
        self.burst = burst
        self.stopping = asyncio.Event()
        self.worker: Worker | None = None
        self.signals = 0
        self.outage = OutageLog(log, "worker", target.where)

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in SIGNALS:
            loop.add_signal_handler(sig, self.on_signal, sig)
        try:
            await self._loop()
        finally:
            for sig in SIGNALS:
                loop.remove_signal_handler(sig)

    async def _loop(self) -> None:
        backoff = Backoff()
        while not self.stopping.is_set():
            if not await self._redis_answers(backoff):
                continue
            worker = self.worker = self.build()
            try:
                await worker.async_run()
                if self.burst:
                    return
            except asyncio.CancelledError:
                current = asyncio.current_task()
                if current is not None and current.cancelling():
                    raise  # we are being cancelled, not the worker stopped by a signal
                if not self.stopping.is_set():
                    raise
            except Exception as exc:
                if redis_outage(exc) is None:
                    raise
                self.outage.lost(exc)
                self.health.redis_lost()
            finally:
                self.worker = None
                await close_worker(worker)

    async def _redis_answers(self, backoff: Backoff) -> bool:
        """Whether Redis answers now; waits a backoff step (or until stopped) when not."""
        try:
            await ping(self.target)
        except RedisUnavailable as exc:
            if not self.outage.down and self.outage.outages == 0 and self.health.last_poll is None:
                raise  # never reached at start-up: say so and exit, as before
            self.outage.lost(exc)
            self.health.redis_lost()
            await pause(self.stopping, backoff.next())
            return False
        self.outage.back()
        self.health.redis_back()
        backoff.reset()
        return True

    def on_signal(self, sig: signal.Signals) -> None:
        self.signals += 1
        self.health.stopping()
        self.stopping.set()
        worker = self.worker
        if self.signals > 1:
            log.warning("%s again: stopping now, releasing the running jobs", sig.name)
            if worker is not None:
                _cancel_all(worker)
            return
        running = len(worker.tasks) if worker is not None else 0
        log.warning(
            "stopping on %s: no new jobs; %d running job(s) may finish for %.0f s, then go back "
            "to the queue",
            sig.name,
            running,
            GRACE,
        )
        if worker is not None:
            worker.allow_pick_jobs = False
            asyncio.get_running_loop().create_task(_finish_then_stop(worker))


async def _finish_then_stop(worker: Worker) -> None:
    """Give the running jobs GRACE seconds, then cancel them and the worker's loop."""
    deadline = asyncio.get_running_loop().time() + GRACE
    while any(not t.done() for t in worker.tasks.values()):
        if asyncio.get_running_loop().time() >= deadline:
            log.warning("released %d job(s) still running after %.0f s", len(worker.tasks), GRACE)
            break
        await asyncio.sleep(0.1)
    _cancel_all(worker)


def _cancel_all(worker: Worker) -> None:
    for task in worker.tasks.values():
        if not task.done():
            task.cancel()
    if worker.main_task is not None:
        worker.main_task.cancel()


async def close_worker(worker: Worker) -> None:
    """arq's `Worker.close` that survives a Redis that is gone: running jobs are cancelled
    (arq requeues them when it can; else they are picked up again after their lease), the
    on_shutdown hook runs, and the pool is closed."""
    for task in worker.tasks.values():
        if not task.done():
            task.cancel()
    await asyncio.gather(*worker.tasks.values(), return_exceptions=True)
    if worker.on_shutdown is not None:
        with contextlib.suppress(Exception):
            await worker.on_shutdown(worker.ctx)
    pool: Any = worker.pool
    if pool is not None:
        with contextlib.suppress(Exception):
            await pool.delete(worker.health_check_key)
        with contextlib.suppress(Exception):
            await pool.aclose(close_connection_pool=True)
