"""`drift worker` checks the bot's channels at start-up as `drift serve` does (issue 11): the
worker posts cards, escalations and thread replies too, so each channel drift.yml and the
runbooks name that the bot is not in is a warning naming it and the fix (`/invite @driftbot`),
and the worker's health endpoint (`--health-port` / `--metrics-port`) lists it. So does
`drift serve`'s `--metrics-port` /healthz (the only one in Socket Mode).

A real Redis, the fake Slack (the escalation channel exists but nobody invited the bot), the
real arq worker in burst mode, the real health server."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from aiohttp import ClientSession

from bot.entry.cli import load_config
from bot.entry.worker import build_worker
from bot.shell.health import HealthServer, HealthState
from bot.shell.runbook_files import runbooks_for
from tests.slack_world import CHANNEL, DEMO_END, ESCALATIONS, World, slack_world


@pytest.fixture
def outsider_world(redis_target, tmp_path, monkeypatch):
    channels = {
        CHANNEL: {"name": "drift-demo"},
        ESCALATIONS: {"name": "security", "is_member": False},
        "C0DATA001": {"name": "data-platform"},
        "C0LOCKED1": {"name": "locked"},
    }
    with slack_world(redis_target, tmp_path, monkeypatch, channels=channels) as w:
        yield w


async def healthz(health: HealthState) -> dict[str, Any]:
    server = HealthServer(health, "127.0.0.1", 0, metrics=True)
    await server.start()
    try:
        async with (
            ClientSession() as http,
            http.get(f"http://127.0.0.1:{server.port}/healthz") as answer,
        ):
            assert answer.status == 200
            body: dict[str, Any] = await answer.json()
            return body
    finally:
        await server.stop()


def run_worker_once(world: World, health: HealthState) -> None:
    async def burst() -> None:
        loaded = load_config(str(world.config))
        worker = build_worker(
            loaded,
            runbooks_for(loaded),
            world.target,
            burst=True,
            with_cron=False,
            clock=lambda: DEMO_END,
            health=health,
        )
        try:
            await worker.main()
        finally:
            await worker.close()

    world.run(burst())


def test_the_worker_warns_of_channels_the_bot_is_not_in_and_healthz_lists_them(
    outsider_world, caplog
):
    world = outsider_world
    caplog.set_level(logging.WARNING)
    health = HealthState()

    run_worker_once(world, health)

    assert health.channels_without_bot == {
        ESCALATIONS: "environments.demo.slack.escalation_channel"
    }
    assert any(
        ESCALATIONS in r.getMessage() and "/invite @driftbot" in r.getMessage()
        for r in caplog.records
    )
    infos = [c.params.get("channel") for c in world.fake.calls("conversations.info")]
    assert ESCALATIONS in infos
    assert CHANNEL in infos
    body = world.run(healthz(health))
    [entry] = body["channels_without_bot"]
    assert entry["channel"] == ESCALATIONS
    assert entry["where"] == "environments.demo.slack.escalation_channel"
    assert "/invite @driftbot" in entry["problem"]


def test_a_worker_in_every_channel_reports_none(world):
    health = HealthState()

    run_worker_once(world, health)

    assert health.channels_without_bot == {}
    assert "channels_without_bot" not in world.run(healthz(health))


def test_serve_tells_its_metrics_port_probes_the_channels_it_is_not_in(outsider_world, monkeypatch):
    """`drift serve --metrics-port`: the probes' state is told what the start-up check found
    (serve's own start-up, stopped by SIGTERM once it is serving)."""
    import asyncio
    import os
    import signal

    from bot.entry import app as app_module

    world = outsider_world
    health = HealthState()
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")

    async def serve_then_stop() -> None:
        loop = asyncio.get_running_loop()
        loop.call_later(0.5, os.kill, os.getpid(), signal.SIGTERM)
        await app_module.serve(
            world.deps.loaded,
            world.deps.runbooks,
            world.target,
            http=True,
            port=0,
            host="127.0.0.1",
            health=health,
        )

    world.run(serve_then_stop())

    assert ESCALATIONS in health.channels_without_bot
    assert ESCALATIONS in {e["channel"] for e in world.run(healthz(health))["channels_without_bot"]}
