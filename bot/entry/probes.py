"""`drift serve`'s probes: `/metrics` and `/readyz` (Redis answers, the Slack token is valid)
beside its `/healthz` on the HTTP port (`--http`), and all three on `--metrics-port` (the only
way to reach them in Socket Mode)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web

from bot.shell.health import HealthServer, HealthState, Readiness, run_checks
from bot.shell.metrics import metrics_route
from bot.shell.readiness import redis_ping, slack_token
from bot.shell.redis.connection import RedisTarget


def serve_checks(redis: Any, slack: Any | None) -> list[Readiness]:
    checks = [redis_ping(redis.ping)]
    if slack is not None:
        checks.append(slack_token(slack))
    return checks


def add_probes(web_app: web.Application, redis: Any, slack: Any) -> None:
    """`/metrics` and `/readyz` on the Slack app's own HTTP server."""
    checks = serve_checks(redis, slack)

    async def readyz(_: web.Request) -> web.Response:
        answers = await run_checks(checks)
        ok = all(a["ok"] for a in answers.values())
        return web.json_response({"ok": ok, "checks": answers}, status=200 if ok else 503)

    web_app.router.add_get("/readyz", readyz)
    web_app.router.add_get("/metrics", metrics_route)


@asynccontextmanager
async def serve_probes(target: RedisTarget, host: str, port: int) -> AsyncIterator[HealthServer]:
    """`/healthz`, `/readyz` and `/metrics` on `port` while `drift serve` runs."""
    from bot.entry.listen import slack_gateway

    client = target.client()
    health = HealthState()
    health.polled()  # serve has no poll loop: alive while it runs
    server = HealthServer(
        health, host, port, checks=serve_checks(client, slack_gateway()), metrics=True
    )
    await server.start()
    try:
        yield server
    finally:
        await server.stop()
        await client.aclose(close_connection_pool=True)
