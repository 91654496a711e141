"""`drift serve`: the Slack app (Bolt AsyncApp), in Socket Mode or over HTTP, with the
notifier that keeps cards in step with findings.

Tokens and secrets come from the environment (SLACK_BOT_TOKEN, SLACK_APP_TOKEN,
SLACK_SIGNING_SECRET) and are never logged; SLACK_API_URL overrides Slack's Web API address.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import uuid
from collections.abc import Mapping
from typing import Any

from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.config.drift import LoadedConfig
from bot.errors import ConfigError, DriftBotError
from bot.messages.slack import answers as say
from bot.policy.runbook import Runbook
from bot.shell.notifier import Notifier
from bot.shell.redis.connection import RedisTarget
from bot.shell.redis.queue import Queue, open_pool
from bot.shell.redis.slack_state import SlackState
from bot.shell.redis.store import Store
from bot.shell.slack import SlackGateway, web_client
from handlers import register
from handlers.deps import SlackDeps

log = logging.getLogger("driftbot.app")


def require_env(name: str) -> str:
    """A token or secret from the environment; ConfigError saying what it is for if unset."""
    value = os.environ.get(name)
    if not value:
        raise ConfigError(*say.env_var_missing(name))
    return value


def build_app(deps: SlackDeps, client: AsyncWebClient, signing_secret: str) -> AsyncApp:
    """The Bolt app with every route of `handlers.ROUTES` and one error boundary."""
    app = AsyncApp(client=client, signing_secret=signing_secret, process_before_response=False)
    register(app, deps)

    async def on_error(error: Exception, body: dict[str, Any], respond: AsyncRespond) -> None:
        ref = uuid.uuid4().hex[:8]
        if isinstance(error, DriftBotError):
            text = error.user_message + (f"\n{error.hint}" if error.hint else "")
        else:
            log.exception("listener failed (ref %s)", ref, exc_info=error)
            text = say.internal_error(ref)
        if body.get("response_url"):
            try:
                await respond(text=text, response_type="ephemeral", replace_original=False)
            except Exception:  # nothing more to tell the user through
                log.info("could not report error %s", ref)

    app.error(on_error)
    return app


async def make_deps(
    loaded: LoadedConfig,
    runbooks: Mapping[str, Runbook],
    target: RedisTarget,
    client: AsyncWebClient,
) -> SlackDeps:
    pool = await open_pool(target)
    store = Store(pool, loaded.config.history.retention_delta)
    return SlackDeps(
        loaded=loaded,
        runbooks=runbooks,
        store=store,
        state=SlackState(pool),
        queue=Queue(pool, store),
        slack=SlackGateway(client),
    )


def http_app(app: AsyncApp, deps: SlackDeps) -> web.Application:
    """Bolt's aiohttp app (`POST /slack/events`, signatures verified) plus `GET /healthz`."""
    web_app = app.web_app(path="/slack/events")

    async def healthz(_: web.Request) -> web.Response:
        try:
            await deps.store.redis.ping()
        except Exception:
            return web.json_response({"ok": False, "redis": "unreachable"}, status=503)
        return web.json_response({"ok": True})

    web_app.router.add_get("/healthz", healthz)
    return web_app


async def serve(
    loaded: LoadedConfig,
    runbooks: Mapping[str, Runbook],
    target: RedisTarget,
    *,
    http: bool,
    port: int,
    host: str = "0.0.0.0",  # noqa: S104  (a server: listening on every interface is the point)
) -> None:
    """Run until SIGINT/SIGTERM."""
    require_env("SLACK_BOT_TOKEN")
    if http:
        secret = require_env("SLACK_SIGNING_SECRET")
    else:
        secret = os.environ.get("SLACK_SIGNING_SECRET", "")
    app_token = None if http else require_env("SLACK_APP_TOKEN")
    client = web_client()
    deps = await make_deps(loaded, runbooks, target, client)
    app = build_app(deps, client, secret or "unused-in-socket-mode")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    consumer = f"serve-{socket.gethostname()}-{os.getpid()}"
    notifier = Notifier(
        loaded, runbooks, deps.store, deps.state, deps.slack, consumer=consumer, clock=deps.clock
    )
    notifying = asyncio.create_task(notifier.run(stop))
    try:
        if http:
            runner = web.AppRunner(http_app(app, deps))
            await runner.setup()
            await web.TCPSite(runner, host, port).start()
            log.info("driftbot listening on http://%s:%d/slack/events", host, port)
            await stop.wait()
            await runner.cleanup()
        else:
            handler = AsyncSocketModeHandler(app, app_token)
            await handler.connect_async()  # type: ignore[no-untyped-call]
            log.info("driftbot connected to Slack (Socket Mode)")
            await stop.wait()
            await handler.close_async()  # type: ignore[no-untyped-call]
    finally:
        stop.set()
        await notifying
        await deps.store.redis.aclose(close_connection_pool=True)
