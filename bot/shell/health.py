"""The worker's health, for a process supervisor (Kubernetes probes, systemd, a load balancer):
a small aiohttp server the worker owns (`drift worker --health-port PORT`).

- `GET /healthz` (liveness): 200 while the worker's loop turns; 503 when it has not polled its
  queue for `STUCK` although Redis answers (stuck: restart it). A Redis outage is not a liveness
  failure (restarting would not help): the body says `"redis": "unreachable"` and for how long.
- `GET /readyz` (readiness): 200 when Redis answers and the worker polls its queue; 503 while
  Redis is away, while starting, and while stopping.

Both answer JSON: `ok`, `redis` (`up` / `unreachable`), `redis_down_seconds`,
`last_poll_seconds_ago`, `state` (`starting`, `running`, `stopping`).

`HealthServer.app` is an aiohttp Application: more routes (metrics) may be added to it before
`start`.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any, Literal

from aiohttp import web

log = logging.getLogger("driftbot.health")
STUCK = 60.0  # seconds without a poll while Redis answers: the worker is stuck
READY_POLL = 15.0  # seconds since the last poll for /readyz to say ready

State = Literal["starting", "running", "stopping"]


@dataclass
class HealthState:
    """What the worker tells its health server (monotonic clock)."""

    state: State = "starting"
    redis_down_since: float | None = None
    last_poll: float | None = None

    def polled(self) -> None:
        self.last_poll = time.monotonic()
        self.redis_down_since = None
        if self.state == "starting":
            self.state = "running"

    def redis_lost(self) -> None:
        if self.redis_down_since is None:
            self.redis_down_since = time.monotonic()

    def redis_back(self) -> None:
        self.redis_down_since = None

    def stopping(self) -> None:
        self.state = "stopping"

    def report(self) -> dict[str, Any]:
        now = time.monotonic()
        down = self.redis_down_since
        return {
            "state": self.state,
            "redis": "unreachable" if down is not None else "up",
            "redis_down_seconds": round(now - down, 1) if down is not None else None,
            "last_poll_seconds_ago": (
                round(now - self.last_poll, 1) if self.last_poll is not None else None
            ),
        }

    def alive(self) -> bool:
        if self.redis_down_since is not None or self.state != "running":
            return True
        return self.last_poll is not None and time.monotonic() - self.last_poll < STUCK

    def ready(self) -> bool:
        if self.redis_down_since is not None or self.state != "running":
            return False
        return self.last_poll is not None and time.monotonic() - self.last_poll < READY_POLL


class HealthServer:
    """`/healthz` and `/readyz` on `host:port` (port 0: any free port, see `port`)."""

    def __init__(self, health: HealthState, host: str, port: int) -> None:
        self.health = health
        self.host = host
        self.requested_port = port
        self.port = port
        self.app = web.Application()
        self.app.router.add_get("/healthz", self._healthz)
        self.app.router.add_get("/readyz", self._readyz)
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.requested_port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        log.info("worker health on http://%s:%d/healthz and /readyz", self.host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _healthz(self, _: web.Request) -> web.Response:
        ok = self.health.alive()
        return web.json_response({"ok": ok, **self.health.report()}, status=200 if ok else 503)

    async def _readyz(self, _: web.Request) -> web.Response:
        ok = self.health.ready()
        return web.json_response({"ok": ok, **self.health.report()}, status=200 if ok else 503)
