"""The gate every Slack request passes before any listener sees it, in this order:

1. its signature (`SignatureGate`, in Bolt's place for it, before authorization): any failure
   to verify (no or bad headers, a timestamp that is not a number or is over 5 minutes off, a
   signature that does not match) is 401, logged as one line with a reference, never with the
   body; a request that passed is marked `VERIFIED` in its context, and nothing (the error
   handler included) uses a field of a request that is not;
2. its shape (`GateHandlers.check_shape`): what our listeners read is where they read it (a
   click's `actions` is a non-empty list of objects, a modal has its `view`, …); else 400, one
   line;
3. its installation (`GateHandlers.only_our_installation`): the request's `team_id` (or
   enterprise, for an org-wide install) and `api_app_id` are the installed app's, from
   `auth.test` (and `bots.info` when auth.test gives no app id); else 403, one line.

In HTTP mode, bot/entry/app.py runs 1 and 2 before Bolt even parses the body, so a body Bolt
cannot parse is a 400 too. Socket Mode requests arrive over the app's own authenticated socket
and skip 1.
"""

from __future__ import annotations

import hmac
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.payload_utils import (
    to_action,
    to_command,
    to_event,
    to_message,
    to_options,
    to_shortcut,
    to_step,
    to_view,
)
from slack_bolt.response import BoltResponse
from slack_sdk.signature import SignatureVerifier

from bot.errors import SlackError
from bot.shell.slack import Installation
from handlers.base import HandlerBase
from handlers.payloads import Body

log = logging.getLogger("driftbot.slack")
VERIFIED = "driftbot_verified"
# Set with VERIFIED by `drift serve --http`'s own request handler (bot/entry/app.py), which
# verified the signature and checked the shape of exactly the request it hands Bolt: the gates
# inside Bolt then do not do both again. Context keys are set by the server, never by a body.
SHAPE_CHECKED = "driftbot_shape_checked"
MAX_SKEW = 300  # seconds, as Slack and Bolt: an older request may be a replay
ROUTED_TYPES = frozenset({"block_actions", "view_submission", "event_callback"})


def ref() -> str:
    """A short reference for one refused request, for the log line."""
    return uuid.uuid4().hex[:8]


def header(headers: Mapping[str, Any], name: str) -> str:
    """One header's value from aiohttp's headers or Bolt's (lower-case keys, list values)."""
    value = headers.get(name) or headers.get(name.lower()) or ""
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    return str(value)


def verify_signature(
    secret: str, headers: Mapping[str, Any], body: str, now: float | None = None
) -> str | None:
    """None when Slack signed `body` with `secret`; else why not, as a short code for the log.
    Never raises: whatever fails, the request is not verified."""
    try:
        timestamp = header(headers, "X-Slack-Request-Timestamp")
        signature = header(headers, "X-Slack-Signature")
        if not (timestamp.isascii() and timestamp.isdigit()) or len(timestamp) > 12:
            return "bad-timestamp"
        if abs((time.time() if now is None else now) - int(timestamp)) > MAX_SKEW:
            return "stale"
        if not signature.startswith("v0="):
            return "no-signature"
        expected = SignatureVerifier(secret).generate_signature(timestamp=timestamp, body=body)
        if expected is None or not hmac.compare_digest(
            expected.encode(), signature.encode("utf-8", "surrogateescape")
        ):
            return "mismatch"
    except Exception:  # a verifier that fails verifies nothing
        return "unverifiable"
    return None


def refused(status: int, what: str, reason: str) -> BoltResponse:
    """The response to a refused request, after its one log line (no body, no traceback)."""
    log.warning("refused a Slack request (ref %s, HTTP %d): %s: %s", ref(), status, what, reason)
    return BoltResponse(status=status, body="")


class SignatureGate(AsyncMiddleware):
    """Bolt's request verification, without its failure modes: a timestamp that is not a
    number is a 401 (Bolt raised, and its error handler used the unverified body), and the
    failure's log line has no body (Bolt logged it whole)."""

    def __init__(self, signing_secret: str) -> None:
        self.signing_secret = signing_secret

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        if req.mode != "socket_mode" and not req.context.get(VERIFIED):
            reason = verify_signature(self.signing_secret, req.headers, req.raw_body)
            if reason is not None:
                return refused(401, "signature not verified", reason)
        req.context[VERIFIED] = True
        return await next()


def shape_problem(body: object) -> str | None:
    """What is wrong with a verified body's shape for our listeners and for Bolt (a short
    phrase for the log), or None. Only what every listener of its kind reads is checked here;
    a listener checks its own fields (payloads.py raises MalformedInput)."""
    problem = _our_problem(body)
    if problem is None and isinstance(body, dict):
        try:  # what Bolt reads from every request before a listener runs
            for read in BOLT_READS:
                read(body)
        except Exception as exc:  # Bolt assumes Slack's shapes: any failure is a bad shape
            return f"Bolt cannot read it ({type(exc).__name__})"
    return problem


BOLT_READS = (
    to_options,
    to_shortcut,
    to_action,
    to_view,
    to_command,
    to_event,
    to_message,
    to_step,
)


def _our_problem(body: object) -> str | None:
    if not isinstance(body, Mapping):
        return "the body is not an object"
    kind = body.get("type")
    if kind is None:
        if isinstance(body.get("command"), str) and isinstance(body.get("user_id"), str):
            return None
        return "neither a slash command nor a typed payload"
    if not isinstance(kind, str):
        return "`type` is not text"
    if kind in ("url_verification", "ssl_check"):
        return None
    if kind not in ROUTED_TYPES:
        return "a payload type driftbot does not handle"
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, Mapping) or not isinstance(event.get("type"), str):
            return "`event` is not an object with a `type`"
        return None
    user = body.get("user")
    if not isinstance(user, Mapping) or not isinstance(user.get("id"), str):
        return "`user` is not an object with an id"
    return _click_problem(body) if kind == "block_actions" else _view_problem(body)


def _click_problem(body: Mapping[str, Any]) -> str | None:
    actions = body.get("actions")
    if not isinstance(actions, list) or not actions:
        return "`actions` is empty or not a list"
    if not all(isinstance(a, Mapping) and isinstance(a.get("action_id"), str) for a in actions):
        return "an action is not an object with an `action_id`"
    return None


def _view_problem(body: Mapping[str, Any]) -> str | None:
    view = body.get("view")
    if not isinstance(view, Mapping) or not all(
        isinstance(view.get(k), str) for k in ("callback_id", "type")
    ):
        return "`view` is not an object with a `callback_id` and a `type`"
    state = view.get("state", {})
    values = state.get("values", {}) if isinstance(state, Mapping) else None
    if not isinstance(values, Mapping) or not all(isinstance(v, Mapping) for v in values.values()):
        return "`view.state.values` is not an object of objects"
    if not isinstance(view.get("private_metadata", ""), str):
        return "`view.private_metadata` is not text"
    return None


class GateHandlers(HandlerBase):
    """Global middleware: the request's shape, then its installation."""

    _installed: Installation | None = None
    # Set by handlers.register from ROUTES: what the listeners listen to.
    routed_events: frozenset[str] = frozenset()
    routed_actions: frozenset[str] = frozenset()
    routed_views: frozenset[str] = frozenset()

    async def check_shape(
        self, body: Body, next: Callable[[], Awaitable[BoltResponse]], checked: bool = False
    ) -> BoltResponse | None:
        """`checked`: the shape was checked before Bolt (SHAPE_CHECKED); the routing still is."""
        problem = None if checked else shape_problem(body)
        if problem is not None:
            return refused(400, "malformed payload", problem)
        event, view = body.get("event"), body.get("view")
        if isinstance(event, Mapping) and event.get("type") not in self.routed_events:
            # Not subscribed (or not any more): acknowledged, so Slack does not retry it.
            log.debug("ignored an event of a type driftbot does not handle")
            return BoltResponse(status=200, body="")
        if body.get("type") == "block_actions":
            actions = body.get("actions") or []
            if not any(a.get("action_id") in self.routed_actions for a in actions):
                log.debug("ignored a click on a button driftbot does not handle")
                return BoltResponse(status=200, body="")
        callback = view.get("callback_id") if isinstance(view, Mapping) else None
        if body.get("type") == "view_submission" and callback not in self.routed_views:
            return refused(400, "malformed payload", "a modal driftbot did not open")
        await next()
        return None

    async def installation(self) -> Installation:
        """The installed app (auth.test), asked once per process."""
        if self._installed is None:
            self._installed = await self.deps.slack.identity()
            if self._installed.app_id is None:
                log.warning(
                    "Slack did not say this app's id (bots.info needs the users:read scope): "
                    "requests are checked against the workspace only, not api_app_id"
                )
        return self._installed

    async def only_our_installation(
        self, body: Body, context: AsyncBoltContext, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse | None:
        try:
            ours = await self.installation()
        except SlackError as exc:
            return refused(503, "could not ask Slack who the app is", exc.user_message)
        app_id = body.get("api_app_id")
        if ours.enterprise_install:
            same_place = context.enterprise_id == ours.enterprise_id
        else:
            same_place = context.team_id == ours.team_id
        if not same_place or (ours.app_id is not None and app_id != ours.app_id):
            where = f"team {_clip(context.team_id)}, app {_clip(app_id)}"
            return refused(403, "not from this app's installation", where)
        await next()
        return None


Step = Callable[
    [AsyncBoltRequest, Callable[[], Awaitable[BoltResponse]]], Awaitable[BoltResponse | None]
]


class Chain(AsyncMiddleware):
    """Global middleware steps run as one Bolt middleware, in order, each given the request
    and a `next` of its own: a step that does not call it answers for the request (its answer,
    None included, is what Bolt gets), as if each step were its own middleware. Bolt builds
    every listener argument anew for each middleware function it calls (a fifth of a request's
    time in Bolt, at 200 requests at once); here that happens once."""

    def __init__(self, *steps: Step) -> None:
        self.steps = steps

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        for step in self.steps:
            passed = False

            async def pass_on() -> BoltResponse:
                nonlocal passed
                passed = True
                return resp

            answer = await step(req, pass_on)
            if not passed:
                return answer
        return await next()


def _clip(value: object) -> str:
    """A value from a request, safe for one log line."""
    return repr(value)[:40]
