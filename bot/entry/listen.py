"""The real-time consumer as part of `drift worker` (beside the arq worker, when drift.yml has
`realtime:`) and alone as `drift listen`; and what both serve on their health/metrics port.

`drift listen` stops on SIGTERM/SIGINT: no new receive; the batch in hand is finished (its
messages are deleted once stored, or left for the next delivery); a poll still waiting is left
(what it receives comes back after the visibility timeout). Nothing is lost either way.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.config.drift import LoadedConfig
from bot.policy.runbook import Runbook
from bot.shell.health import HealthServer, HealthState, Readiness
from bot.shell.readiness import queue, redis_ping, slack_token
from bot.shell.redis.connection import RedisTarget
from bot.shell.redis.store import Store

log = logging.getLogger("driftbot.listen")


@dataclass
class RealtimeRun:
    """A running consumer, its task and its Redis client."""

    consumer: Any  # bot.shell.realtime.consumer.Consumer (imported only when configured)
    task: asyncio.Task[None]
    client: Any

    async def finish(self) -> None:
        """Wait for the consumer to stop (after its `stop` was set), then close Redis."""
        try:
            await self.task
        finally:
            await self.client.aclose(close_connection_pool=True)


def start_realtime(
    loaded: LoadedConfig,
    runbooks: Mapping[str, Runbook],
    target: RedisTarget,
    stop: asyncio.Event,
) -> RealtimeRun | None:
    """Start consuming drift.yml's realtime queue (None when it has none)."""
    if loaded.config.realtime is None:
        return None
    from bot.shell.realtime.consumer import consumer_factory

    client = target.client()
    store = Store(client, loaded.config.history.retention_delta)
    consumer = consumer_factory(loaded, runbooks, store, where=target.where)()
    task = asyncio.create_task(consumer.run(stop))
    return RealtimeRun(consumer, task, client)


def readiness(realtime: RealtimeRun | None, slack: Any | None) -> list[Readiness]:
    """The readiness checks of a process: the Slack token when it posts, the queue when it
    consumes one."""
    checks: list[Readiness] = []
    if slack is not None:
        checks.append(slack_token(slack))
    if realtime is not None:
        checks.append(queue(realtime.consumer.reachable))
    return checks


def slack_gateway() -> Any | None:
    """The process's Slack gateway when SLACK_BOT_TOKEN is set."""
    if not os.environ.get("SLACK_BOT_TOKEN"):
        return None
    from bot.shell.slack import SlackGateway, web_client

    return SlackGateway(web_client())


async def run_listener(
    loaded: LoadedConfig,
    runbooks: Mapping[str, Runbook],
    target: RedisTarget,
    *,
    metrics_port: int | None = None,
    host: str = "127.0.0.1",
) -> None:
    """`drift listen`: only the consumer, until SIGTERM/SIGINT."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, _stopping, stop, sig)
    health = HealthState()
    run = start_realtime(loaded, runbooks, target, stop)
    assert run is not None  # noqa: S101  (the command checks that realtime is configured)
    client = run.client
    server = None
    if metrics_port is not None:
        checks = [redis_ping(client.ping), *readiness(run, None)]
        server = HealthServer(health, host, metrics_port, checks=checks, metrics=True)
        await server.start()
    health.polled()  # the listener has no arq poll: it is running
    beat = asyncio.create_task(_alive(health, stop))
    try:
        await run.finish()
    finally:
        stop.set()
        await beat
        if server is not None:
            await server.stop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)


async def _alive(health: HealthState, stop: asyncio.Event) -> None:
    """The listener's liveness: its loop turns."""
    while not stop.is_set():
        health.polled()
        try:
            await asyncio.wait_for(stop.wait(), timeout=5.0)
        except TimeoutError:
            continue
    health.stopping()


def _stopping(stop: asyncio.Event, sig: signal.Signals) -> None:
    if not stop.is_set():
        log.warning("stopping on %s", sig.name)
    stop.set()
