"""Living through a Redis outage: say so once when it starts and once when it ends, and wait
between tries with a capped exponential backoff. Used by the worker's supervisor
(bot/entry/worker_run.py), the notifier and the health server's state."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field

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
