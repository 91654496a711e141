"""Socket Mode (drift serve's default): a local WebSocket server plays Slack, sends a `/drift`
envelope, and receives the app's acknowledgement on the socket."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from aiohttp import WSMsgType, web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from bot.entry.app import build_app, make_deps
from bot.entry.cli import load_config
from bot.shell.runbook_files import runbooks_for
from bot.shell.slack import web_client
from tests.fake_slack import FakeSlack

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo" / "drift.yml"
HELP_ENVELOPE = {
    "envelope_id": "env-1",
    "type": "slash_commands",
    "accepts_response_payload": True,
    "payload": {
        "command": "/drift",
        "text": "help",
        "user_id": "U0ALICE",
        "channel_id": "C0DEMO",
        "team_id": "T0FAKE",
        "api_app_id": "A0DRIFT",
        "trigger_id": "1.2.3",
        "response_url": "http://127.0.0.1:9/x",
    },
}


def test_a_slash_command_over_socket_mode_is_acknowledged_on_the_socket(redis_target):
    """The envelope's ack carries the reply (`/drift help`), on the same socket."""
    acks: list[dict] = []

    async def scenario() -> None:
        got_ack = asyncio.Event()

        async def link(request: web.Request) -> web.WebSocketResponse:
            ws = web.WebSocketResponse()
            await ws.prepare(request)
            await ws.send_str(json.dumps({"type": "hello", "num_connections": 1}))
            await ws.send_str(json.dumps(HELP_ENVELOPE))
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    acks.append(json.loads(message.data))
                    got_ack.set()
            return ws

        server = web.Application()
        server.router.add_get("/link", link)
        runner = web.AppRunner(server)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        with FakeSlack() as fake:
            loaded = load_config(str(DEMO))
            client = web_client(token="xoxb-test", base_url=fake.base_url)
            deps = await make_deps(loaded, runbooks_for(loaded), redis_target, client)
            handler = AsyncSocketModeHandler(
                build_app(deps, client, ""), "xapp-1-test", web_client=client
            )

            async def wss_url() -> str:
                return f"ws://127.0.0.1:{port}/link"

            handler.client.issue_new_wss_url = wss_url  # type: ignore[method-assign]
            try:
                await handler.connect_async()
                await asyncio.wait_for(got_ack.wait(), timeout=10)
            finally:
                await handler.close_async()
                await deps.store.redis.aclose(close_connection_pool=True)
                await runner.cleanup()

    asyncio.run(scenario())

    [ack] = acks
    assert ack["envelope_id"] == "env-1"
    assert "check ENV" in json.dumps(ack["payload"])
