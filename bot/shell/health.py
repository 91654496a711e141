"""The worker's health, for a process supervisor (Kubernetes probes, systemd, a load balancer):
a small aiohttp server the worker owns (`drift worker --health-port PORT`).

- `GET /healthz` (liveness): 200 while the worker's loop turns; 503 when it has not polled its
  queue for `STUCK` although Redis answers (stuck: restart it). A Redis outage is not a liveness
  failure (restarting would not help): the body says `"redis": "unreachable"` and for how long.
- `GET /readyz` (readiness): 200 when Redis answers and the worker polls its queue; 503 while
  Redis is away, while starting, and while stopping.

Both answer JSON: `ok`, `redis` (`up` / `unreachable`), `redis_down_seconds`,
`last_poll_seconds_ago`, `state` (`starting`, `running`, `stopping`), and, when there are
any, `channels_without_bot` (the channels the config names that the bot is not in, each with
the fix). /readyz also runs the
server's readiness checks (`checks`: the Slack token valid, the realtime queue reachable), each
answering `{"ok": bool, "detail": str}` under its name; any that fails makes it 503.

`GET /metrics` (with `metrics=True`): Prometheus's text format (bot/shell/metrics.py, imported
only then). `HealthServer.app` is an aiohttp Application: more routes may be added before
`start`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web

from bot.messages.slack import answers as say

log = logging.getLogger("driftbot.health")
STUCK = 60.0  # seconds without a poll while Redis answers: the worker is stuck
READY_POLL = 15.0  # seconds since the last poll for /readyz to say ready

State = Literal["starting", "running", "stopping"]
# A readiness check: its name, and a coroutine answering (ok, detail).
Readiness = tuple[str, Callable[[], Awaitable[tuple[bool, str]]]]
CHECK_TIMEOUT = 5.0  # seconds one readiness check may take


@dataclass
class HealthState:
    """What the worker tells its health server (monotonic clock)."""

    state: State = "starting"
    redis_down_since: float | None = None
    last_poll: float | None = None
    # Channels drift.yml and the runbooks name that the bot is not in (channel → where it is
    # named), found at start-up (bot/shell/slack_setup.py): reported, not a failure.
    channels_without_bot: dict[str, str] = field(default_factory=dict)

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
        out: dict[str, Any] = {
            "state": self.state,
            "redis": "unreachable" if down is not None else "up",
            "redis_down_seconds": round(now - down, 1) if down is not None else None,
            "last_poll_seconds_ago": (
                round(now - self.last_poll, 1) if self.last_poll is not None else None
            ),
        }
        if self.channels_without_bot:
            out["channels_without_bot"] = missing_channels(self.channels_without_bot)
        return out

    def alive(self) -> bool:
        if self.redis_down_since is not None or self.state != "running":
            return True
        return self.last_poll is not None and time.monotonic() - self.last_poll < STUCK

    def ready(self) -> bool:
        if self.redis_down_since is not None or self.state != "running":
            return False
        return self.last_poll is not None and time.monotonic() - self.last_poll < READY_POLL


def missing_channels(missing: Mapping[str, str]) -> list[dict[str, str]]:
    """The channels the bot is not in, as /healthz shows them: each with where it is named
    and the fix."""
    return [
        {"channel": c, "where": w, "problem": say.not_a_member(c, w)}
        for c, w in sorted(missing.items())
    ]


async def run_checks(checks: Sequence[Readiness]) -> dict[str, dict[str, Any]]:
    """Each readiness check's answer; one that raises or takes too long is not ready."""

    async def one(check: Callable[[], Awaitable[tuple[bool, str]]]) -> dict[str, Any]:
        try:
            ok, detail = await asyncio.wait_for(check(), CHECK_TIMEOUT)
        except Exception as exc:  # a probe must answer, whatever the check met
            return {"ok": False, "detail": type(exc).__name__}
        return {"ok": ok, "detail": detail}

    answers = await asyncio.gather(*(one(check) for _, check in checks))
    return {name: answer for (name, _), answer in zip(checks, answers, strict=True)}


class HealthServer:
    """`/healthz` and `/readyz` on `host:port` (port 0: any free port, see `port`), and
    `/metrics` when asked."""

    def __init__(
        self,
        health: HealthState,
        host: str,
        port: int,
        *,
        checks: Sequence[Readiness] = (),
        metrics: bool = False,
    ) -> None:
        self.health = health
        self.host = host
        self.requested_port = port
        self.port = port
        self.checks = list(checks)
        self.app = web.Application()
        self.app.router.add_get("/healthz", self._healthz)
        self.app.router.add_get("/readyz", self._readyz)
        if metrics:
            from bot.shell.metrics import metrics_route

            self.app.router.add_get("/metrics", metrics_route)
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        self._runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.requested_port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        log.info(
            "worker health on http://%s:%d/healthz and /readyz%s",
            self.host,
            self.port,
            " and /metrics" if _has_metrics(self.app) else "",
        )

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _healthz(self, _: web.Request) -> web.Response:
        ok = self.health.alive()
        return web.json_response({"ok": ok, **self.health.report()}, status=200 if ok else 503)

    async def _readyz(self, _: web.Request) -> web.Response:
        checks = await run_checks(self.checks)
        ok = self.health.ready() and all(c["ok"] for c in checks.values())
        body = {"ok": ok, **self.health.report(), "checks": checks}
        return web.json_response(body, status=200 if ok else 503)


def _has_metrics(app: web.Application) -> bool:
    return any(
        r.resource is not None and r.resource.canonical == "/metrics" for r in app.router.routes()
    )
