"""Living through a Redis outage: say so once when it starts and once when it ends, and wait
between tries with a capped exponential backoff. Used by the worker's supervisor
(bot/entry/supervisor.py), the stream consumers (the notifier, the escalation follower) and
the health server's state."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from redis.exceptions import ResponseError

from bot.shell.redis.connection import redis_outage

FIRST_WAIT = 0.2
MAX_WAIT = 5.0


@dataclass
class Backoff:
    """0.2 s, 0.4 s, 0.8 s, … up to 5 s between tries; `reset` after a success."""

    first: float = FIRST_WAIT
    cap: float = MAX_WAIT
    _next: float = field(default=FIRST_WAIT, repr=False)

    def next(self) -> float:
        wait = self._next
        self._next = min(self._next * 2, self.cap)
        return wait

    def reset(self) -> None:
        self._next = self.first


@dataclass
class OutageLog:
    """One line when Redis goes away, one when it is back (with how long it was away), for
    `what` (the worker, the notifier) at `where` (shown without its password)."""

    logger: logging.Logger
    what: str
    where: str
    since: float | None = None
    outages: int = 0

    @property
    def down(self) -> bool:
        return self.since is not None

    def lost(self, error: BaseException) -> None:
        if self.since is not None:
            return
        self.since = time.monotonic()
        self.outages += 1
        unavailable = redis_outage(error)
        detail = unavailable.user_message if unavailable is not None else type(error).__name__
        self.logger.warning(
            "%s: Redis at %s is unreachable (%s); retrying until it is back",
            self.what,
            self.where,
            detail,
        )

    def back(self) -> None:
        if self.since is None:
            return
        away = time.monotonic() - self.since
        self.since = None
        self.logger.warning("%s: Redis at %s is back after %.1f s", self.what, self.where, away)


async def pause(stop: asyncio.Event, seconds: float) -> None:
    """Sleep `seconds`, or less when `stop` is set."""
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    except TimeoutError:
        return


async def consume(
    stop: asyncio.Event,
    outage: OutageLog,
    ensure_group: Callable[[], Awaitable[None]],
    step: Callable[[], Awaitable[int]],
) -> None:
    """Run a stream consumer's `step` until `stop` is set, through Redis outages: one line when
    Redis goes and one when it is back (`outage`), the consumer group made again when Redis came
    back empty (NOGROUP), and any other failing step logged without stopping the loop."""
    backoff = Backoff()
    ready = False
    while not stop.is_set():
        try:
            if not ready:
                await ensure_group()
                ready = True
            handled = await step()
            outage.back()
            backoff.reset()
        except ResponseError as exc:
            if "NOGROUP" not in str(exc):
                outage.logger.exception("%s step failed", outage.what)
            ready = False  # Redis came back empty: the group again
            handled = 0
        except Exception as exc:  # one bad entry or an outage elsewhere must not stop the loop
            if redis_outage(exc) is not None:
                outage.lost(exc)
                ready = False
                await pause(stop, backoff.next())
                continue
            outage.logger.exception("%s step failed", outage.what)
            handled = 0
        if not handled:
            await asyncio.sleep(0.05)
