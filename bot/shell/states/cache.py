"""An environment's IaC state, kept between events (the real-time path, bot/shell/realtime/):
loaded once, then looked at again at most every `refresh` (drift.yml `realtime.state_refresh`),
and read again only when its fingerprint (fingerprint.py: file mtime, S3 ETag or version,
stack LastUpdatedTime) changed. A burst of events reads the state once, not once per event.

Concurrent callers share one look: the first waits for it, the others for the first. A look
that fails (the bucket is unreachable) raises to the caller and is tried again by the next one;
the index read before stays in use only until then."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import timedelta

from bot.iac.index import StateIndex, build_index
from bot.shell.check import load_states
from bot.shell.ports import SourceContext
from bot.shell.states.fingerprint import Fingerprint, fingerprint

log = logging.getLogger("driftbot.states")
Clock = Callable[[], float]


class StateCache:
    """One environment's state index, refreshed when it changed."""

    def __init__(
        self, ctx: SourceContext, refresh: timedelta, clock: Clock = time.monotonic
    ) -> None:
        self.ctx = ctx
        self.refresh = refresh.total_seconds()
        self.clock = clock
        self._index: StateIndex | None = None
        self._print: Fingerprint | None = None
        self._looked: float | None = None
        self._lock = asyncio.Lock()
        self.loads = 0  # how many times the state was read (tests, status)
        self.looks = 0  # how many times its fingerprint was taken

    async def index(self) -> StateIndex:
        """The state index, read again first when `refresh` has passed and it changed."""
        if self._fresh():
            assert self._index is not None  # noqa: S101  (_fresh says it is there)
            return self._index
        async with self._lock:
            if self._fresh():
                assert self._index is not None  # noqa: S101
                return self._index
            now = self.clock()
            current = await fingerprint(self.ctx, self.ctx.env.state)
            self.looks += 1
            if self._index is None or current != self._print:
                index = build_index(await load_states(self.ctx))
                if self._index is not None:
                    log.info("state of %s changed: read again", self.ctx.env_name)
                self._index, self._print = index, current
                self.loads += 1
            self._looked = now
            return self._index

    def _fresh(self) -> bool:
        return (
            self._index is not None
            and self._looked is not None
            and self.clock() - self._looked < self.refresh
        )

    def invalidate(self) -> None:
        """Look again at the next event (a scheduled check read the state meanwhile)."""
        self._looked = None
