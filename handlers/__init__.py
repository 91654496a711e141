"""Slack listeners: parse → authorize → enqueue or change state → ack → respond.

`ROUTES` is the table of everything the app listens to; `register(app, deps)` wires each route
to a bound method of `Handlers` (bolt supports registering methods), and the manifest contract
test checks `manifest.yml` against this table.

The package: `deps` (what listeners depend on), `payloads` (reading request bodies), `authz`
(who may do what where), `base` (what every listener class shares), `guard` (the signature,
shape and installation every request is checked for first), then one module per kind of
request: `commands`, `actions` (Accept, Escalate), `approvals` (Reapply, Approve, Deny),
`runs` (Retry), `codify` (Codify), `views` (modal submissions), `events` (App Home, retried
deliveries), `ask` (the answers of the person who made a change).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from slack_bolt.async_app import AsyncApp

from bot.slack import ActionId, ViewId
from handlers.actions import ActionHandlers
from handlers.ask import AskHandlers
from handlers.codify import CodifyHandlers
from handlers.commands import CommandHandlers
from handlers.deps import SlackDeps
from handlers.events import EventHandlers
from handlers.guard import SHAPE_CHECKED, Chain, GateHandlers
from handlers.runs import RunHandlers
from handlers.views import ViewHandlers

RouteKind = Literal["command", "action", "view", "event"]


@dataclass(frozen=True)
class Route:
    """One listener: what Slack sends (`kind` and its `key`) and the method that handles it."""

    kind: RouteKind
    key: str
    method: str


ROUTES: tuple[Route, ...] = (
    Route("command", "/drift", "on_command"),
    Route("action", ActionId.ACCEPT, "on_accept"),
    Route("action", ActionId.REAPPLY, "on_reapply"),
    Route("action", ActionId.ESCALATE, "on_escalate"),
    Route("action", ActionId.APPROVE, "on_approve"),
    Route("action", ActionId.DENY, "on_deny"),
    Route("action", ActionId.RETRY, "on_retry"),
    Route("action", ActionId.CODIFY, "on_codify"),
    Route("action", ActionId.ASK_YES, "on_ask_yes"),
    Route("action", ActionId.ASK_NO, "on_ask_no"),
    Route("action", ActionId.ASK_NOT_ME, "on_ask_not_me"),
    Route("view", ViewId.ACCEPT, "on_accept_submitted"),
    Route("view", ViewId.ESCALATE, "on_escalate_submitted"),
    Route("event", "app_home_opened", "on_home_opened"),
)


class Handlers(
    AskHandlers,
    GateHandlers,
    CommandHandlers,
    ActionHandlers,
    RunHandlers,
    CodifyHandlers,
    ViewHandlers,
    EventHandlers,
):
    """Every listener, as bound methods over one set of dependencies."""


def register(app: AsyncApp, deps: SlackDeps) -> Handlers:
    """Wire every route of ROUTES to a bound method (bolt supports methods as listeners)."""
    handlers = Handlers(deps)
    handlers.routed_events = frozenset(str(r.key) for r in ROUTES if r.kind == "event")
    handlers.routed_actions = frozenset(str(r.key) for r in ROUTES if r.kind == "action")
    handlers.routed_views = frozenset(str(r.key) for r in ROUTES if r.kind == "view")
    # After the signature (handlers/guard.py's SignatureGate), in this order.
    app.use(
        Chain(
            lambda req, next: handlers.check_shape(
                req.body, next, checked=bool(req.context.get(SHAPE_CHECKED))
            ),
            lambda req, next: handlers.only_our_installation(req.body, req.context, next),
            lambda req, next: handlers.dedupe_events(req.body, next),
        )
    )
    for route in ROUTES:
        method = getattr(handlers, route.method)
        if route.kind == "command":
            app.command(route.key)(method)
        elif route.kind == "action":
            app.action(route.key)(method)
        elif route.kind == "view":
            app.view(route.key)(method)
        else:
            app.event(route.key)(method)
    return handlers
