"""`drift serve`: the Slack app (Bolt AsyncApp), in Socket Mode or over HTTP, with the
notifier that keeps cards in step with findings.

Tokens and secrets come from the environment (SLACK_BOT_TOKEN, SLACK_APP_TOKEN,
SLACK_SIGNING_SECRET) and are never logged; SLACK_API_URL overrides Slack's Web API address.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import os
import signal
import socket
from collections.abc import Mapping

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.config.drift import LoadedConfig
from bot.entry.ack_runner import PromptAckRunner
from bot.entry.probes import add_probes
from bot.errors import ConfigError, MalformedInput, SlackError
from bot.messages.slack import answers as say
from bot.policy.runbook import Runbook
from bot.shell.health import HealthState
from bot.shell.health import missing_channels as listed_channels
from bot.shell.notifier import Notifier
from bot.shell.redis.connection import RedisTarget
from bot.shell.redis.pace import Pacer
from bot.shell.redis.queue import Queue, open_pool
from bot.shell.redis.slack_state import SlackState
from bot.shell.redis.store import Store
from bot.shell.slack import SlackGateway, web_client
from bot.shell.slack_setup import channels_without_bot, resolve_runbook_channels
from handlers import register
from handlers.base import explain
from handlers.deps import SlackDeps
from handlers.guard import (
    SHAPE_CHECKED,
    VERIFIED,
    SignatureGate,
    refused,
    shape_problem,
    verify_signature,
)

log = logging.getLogger("driftbot.app")


def require_env(name: str) -> str:
    """A token or secret from the environment; ConfigError saying what it is for if unset."""
    value = os.environ.get(name)
    if not value:
        raise ConfigError(*say.env_var_missing(name))
    return value


def build_app(deps: SlackDeps, client: AsyncWebClient, signing_secret: str) -> AsyncApp:
    """The Bolt app with every route of `handlers.ROUTES` and one error boundary.

    Bolt's own signature check is replaced by handlers/guard.py's, in the same place (before
    authorization): Bolt's raised on a timestamp that is not a number, and logged the whole
    body of a request that failed."""
    app = AsyncApp(
        client=client,
        signing_secret=signing_secret,
        process_before_response=False,
        request_verification_enabled=False,
        before_authorize=SignatureGate(signing_secret),
    )
    register(app, deps)
    app.error(on_error)
    # Answer at the ack, not at Bolt's next 10 ms poll (bot/entry/ack_runner.py).
    app._async_listener_runner = PromptAckRunner.replacing(app.listener_runner)
    return app


async def on_error(
    error: Exception, request: AsyncBoltRequest, response: BoltResponse | None
) -> BoltResponse | None:
    """The one error boundary. A request whose signature was not verified gets 401 and
    nothing else: no field of its body is used (its `response_url` least of all). A malformed
    payload gets 400 and one log line. Otherwise the person is told what went wrong
    (handlers/base.py's `explain`: Redis unreachable, a refusal, a DriftBotError's own words,
    or an internal error's reference); before the ack that is the ack, after it an ephemeral
    reply (listeners handle their own failures after their ack; this is the fallback)."""
    unanswered = response is not None
    if not request.context.get(VERIFIED):
        log.warning("refused a Slack request: %s before verification", _kind(error))
        return BoltResponse(status=401, body="") if unanswered else None
    if isinstance(error, MalformedInput):
        log.warning("malformed Slack payload: %s", error.user_message)
        return BoltResponse(status=400, body="") if unanswered else None
    text = explain(error)
    if unanswered and isinstance(request.body.get("command"), str):
        return BoltResponse(status=200, body=json.dumps({"text": text}))
    respond = request.context.respond
    if respond is not None:
        try:
            await respond(text=text, response_type="ephemeral", replace_original=False)
        except Exception:  # nothing more to tell the user through
            log.info("could not report an error to the person: %s", _kind(error))
    return BoltResponse(status=200, body="") if unanswered else None


def _kind(error: BaseException) -> str:
    return type(error).__name__


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
        slack=SlackGateway(client, Pacer(pool)),
    )


def http_app(
    app: AsyncApp,
    deps: SlackDeps,
    signing_secret: str,
    missing_channels: Mapping[str, str] | None = None,
) -> web.Application:
    """`POST /slack/events` for Bolt plus `GET /healthz`. In front of Bolt, every POST is
    verified (401) and parsed the way Bolt parses it (400 for a body it cannot parse or of a
    shape no listener reads), so Bolt never sees an unverified or unparsable request; the
    request Bolt dispatches is the one that was parsed and checked.
    `/healthz` also lists the channels drift.yml names that the bot is not a member of
    (`missing_channels`, found at start-up), with the fix."""
    web_app = web.Application()

    async def events(request: web.Request) -> web.Response:
        # The request is read and parsed once, here, and dispatched as it was checked (Bolt's
        # own aiohttp handler would read and parse it again: start-up and ack latency).
        body = await request.text()
        reason = verify_signature(signing_secret, request.headers, body)
        if reason is not None:
            refused(401, "signature not verified", reason)
            return web.Response(status=401)
        try:
            bolt_request = AsyncBoltRequest(
                body=body,
                query=request.query_string,
                headers=request.headers,  # type: ignore[arg-type]  # as Bolt's adapter passes them
            )
        except Exception as exc:  # whatever Bolt would raise on it
            refused(400, "unparsable body", type(exc).__name__)
            return web.Response(status=400)
        problem = shape_problem(bolt_request.body)
        if problem is not None:
            refused(400, "malformed payload", problem)
            return web.Response(status=400)
        bolt_request.context[VERIFIED] = True  # both checked, of this very request
        bolt_request.context[SHAPE_CHECKED] = True
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    web_app.router.add_post("/slack/events", events)

    channels = listed_channels(missing_channels or {})

    async def healthz(_: web.Request) -> web.Response:
        extra = {"channels_without_bot": channels} if channels else {}
        try:
            await deps.store.redis.ping()
        except Exception:
            body = {"ok": False, "redis": "unreachable", **extra}
            return web.json_response(body, status=503)
        return web.json_response({"ok": True, **extra})

    web_app.router.add_get("/healthz", healthz)
    add_probes(web_app, deps.store.redis, deps.slack)  # /readyz and /metrics (issue 13)
    return web_app


async def check_tokens(slack: SlackGateway, app_token: str | None) -> None:
    """Fail at start-up, naming the variable, when Slack refuses a token: the bot token
    (`auth.test`) and, in Socket Mode, the app token (`apps.connections.open`). Before, a bad
    app token made Socket Mode retry forever, with tracebacks, deaf to SIGTERM."""
    for name, token in (("SLACK_BOT_TOKEN", None), ("SLACK_APP_TOKEN", app_token)):
        if name == "SLACK_APP_TOKEN" and token is None:
            continue
        try:
            if token is None:
                await slack.identity()
            else:
                await slack.open_connection(token)
        except SlackError as exc:
            if exc.code in TOKEN_ERRORS:
                raise ConfigError(*say.token_refused(name, exc.code)) from exc
            raise


async def startup_checks(deps: SlackDeps) -> dict[str, str]:
    """Before serving: runbook channel names resolved to ids (ConfigError when one can't be),
    and the channels drift.yml names that the bot is not in (warned, and on /healthz)."""
    deps.runbooks = await resolve_runbook_channels(deps.runbooks, deps.slack)
    return await channels_without_bot(deps.loaded, deps.runbooks, deps.slack)


TOKEN_ERRORS = frozenset(
    {
        "invalid_auth",
        "not_authed",
        "token_revoked",
        "token_expired",
        "account_inactive",
        "not_allowed_token_type",
        "invalid_token",
    }
)
STOP_WAIT = 5.0  # seconds in-flight HTTP requests get to finish after SIGTERM
BACKLOG = 1024  # connections waiting to be accepted (the kernel caps it at net.core.somaxconn)


async def serve(
    loaded: LoadedConfig,
    runbooks: Mapping[str, Runbook],
    target: RedisTarget,
    *,
    http: bool,
    port: int,
    host: str = "0.0.0.0",  # noqa: S104  (a server: listening on every interface is the point)
    health: HealthState | None = None,
) -> None:
    """Run until SIGINT/SIGTERM; stop within seconds of one (the notifier finishes the post
    at hand, HTTP requests in flight get STOP_WAIT seconds). `health`: the `--metrics-port`
    probes' state, told the channels the bot is not in."""
    require_env("SLACK_BOT_TOKEN")
    if http:
        secret = require_env("SLACK_SIGNING_SECRET")
    else:
        secret = os.environ.get("SLACK_SIGNING_SECRET", "")
    app_token = None if http else require_env("SLACK_APP_TOKEN")
    client = web_client()
    deps = await make_deps(loaded, runbooks, target, client)
    try:
        await check_tokens(deps.slack, app_token)
        missing = await startup_checks(deps)
        if health is not None:
            health.channels_without_bot = dict(missing)
    except BaseException:
        await deps.store.redis.aclose(close_connection_pool=True)
        raise
    runbooks = deps.runbooks
    app = build_app(deps, client, secret or "unused-in-socket-mode")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, _stopping, stop, sig)
    log.info("driftbot serve on Redis at %s", target.where)
    consumer = f"serve-{socket.gethostname()}-{os.getpid()}"
    notifier = Notifier(
        loaded, runbooks, deps.store, deps.state, deps.slack, consumer=consumer, clock=deps.clock
    )
    notifying = asyncio.create_task(notifier.run(stop, target.where))
    # What start-up made lives as long as the process: out of the collector's sight, so a burst
    # of requests does not pay for a full collection over the catalog, the models and Bolt
    # (about 35 ms of the first burst's acks).
    gc.collect()
    gc.freeze()
    try:
        if http:
            web_app = http_app(app, deps, secret, missing)
            runner = web.AppRunner(web_app, shutdown_timeout=STOP_WAIT)
            await runner.setup()

            # A burst of Slack requests opens a connection each: past the default backlog (128)
            # the kernel drops connection attempts, retried a second later.
            await web.TCPSite(runner, host, port, backlog=BACKLOG).start()
            log.info("driftbot listening on http://%s:%d/slack/events", host, port)
            await stop.wait()
            await runner.cleanup()
        else:
            handler = AsyncSocketModeHandler(app, app_token)
            connecting = asyncio.create_task(handler.connect_async())  # type: ignore[no-untyped-call]
            stopped = asyncio.create_task(stop.wait())
            await asyncio.wait({connecting, stopped}, return_when=asyncio.FIRST_COMPLETED)
            if connecting.done():
                connecting.result()
                log.info("driftbot connected to Slack (Socket Mode)")
                await stop.wait()
            stopped.cancel()
            connecting.cancel()
            await handler.close_async()  # type: ignore[no-untyped-call]
    finally:
        stop.set()
        await notifying
        await deps.store.redis.aclose(close_connection_pool=True)


def _stopping(stop: asyncio.Event, sig: signal.Signals) -> None:
    if not stop.is_set():
        log.warning("stopping on %s", sig.name)
    stop.set()
