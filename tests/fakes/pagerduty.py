"""A fake PagerDuty Events API v2 (INTEGRATIONS.md §7): `POST /v2/enqueue`.

No auth header: the `routing_key` in the body (32 characters, known) authenticates and routes.
`event_action` ∈ {trigger, acknowledge, resolve}; a trigger needs `payload.summary` (≤ 1024),
`payload.source` and `payload.severity` ∈ {critical, error, warning, info}; `dedup_key` ≤ 255;
`links[].href` and `images[].src` (https) when given. Violations are 400 `{status: "invalid
event", message, errors}`. 202 `{status: success, message: "Event processed", dedup_key}`.
Alerts are kept per (routing key, dedup key): trigger opens, resolve resolves; a resolve for an
unknown key, or through another routing key, is accepted and dropped (recorded in `dropped`). A
routing key gets 429 past `limit` events a minute."""

from __future__ import annotations

import json
import uuid
from typing import Any

from aiohttp import web

from tests.fakes.server import FakeServer

SEVERITIES = {"critical", "error", "warning", "info"}
ACTIONS = {"trigger", "acknowledge", "resolve"}


def invalid(*errors: str) -> web.Response:
    body = {"status": "invalid event", "message": "Event object is invalid", "errors": list(errors)}
    return web.json_response(body, status=400)


def trigger_problems(event: dict[str, Any]) -> list[str]:
    payload = event.get("payload") or {}
    problems = []
    summary = payload.get("summary")
    if not isinstance(summary, str) or not summary or len(summary) > 1024:
        problems.append("'payload.summary' is missing or too long")
    if not payload.get("source"):
        problems.append("'payload.source' is missing")
    if payload.get("severity") not in SEVERITIES:
        problems.append("'payload.severity' is invalid")
    problems += [
        "'links.href' is missing" for link in event.get("links") or [] if not link.get("href")
    ]
    return problems


class FakePagerDuty(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.routing_keys: set[str] = set()
        self.alerts: dict[tuple[str, str], dict[str, Any]] = {}
        self.dropped: list[dict[str, Any]] = []
        self.limit = 120
        self.counts: dict[str, int] = {}

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/v2/enqueue", self.enqueue)

    async def enqueue(self, request: web.Request) -> web.Response:
        try:
            event = json.loads(await request.read())
        except ValueError:
            return web.json_response(
                {
                    "status": "Unrecognized object",
                    "message": "Event object format is unrecognized",
                    "errors": ["JSON parse error"],
                },
                status=400,
            )
        key = event.get("routing_key")
        if not isinstance(key, str) or len(key) != 32 or key not in self.routing_keys:
            return invalid("Invalid routing key")
        self.counts[key] = self.counts.get(key, 0) + 1
        if self.counts[key] > self.limit:
            return web.json_response(
                {
                    "status": "throttle event",
                    "message": "Requests for this service are arriving too quickly.",
                },
                status=429,
            )
        action = event.get("event_action")
        if action not in ACTIONS:
            return invalid("'event_action' is invalid")
        dedup = event.get("dedup_key")
        if dedup is not None and (not isinstance(dedup, str) or len(dedup) > 255):
            return invalid("'dedup_key' is invalid")
        if action == "trigger":
            problems = trigger_problems(event)
            if problems:
                return invalid(*problems)
            dedup = dedup or str(uuid.uuid4())
            self.alerts[(key, dedup)] = {
                "status": "triggered",
                "event": event,
                "triggers": self.alerts.get((key, dedup), {}).get("triggers", 0) + 1,
            }
        else:
            alert = self.alerts.get((key, dedup or ""))
            if alert is None or not dedup:
                self.dropped.append(event)
            else:
                alert["status"] = "resolved" if action == "resolve" else "acknowledged"
        return web.json_response(
            {"status": "success", "message": "Event processed", "dedup_key": dedup}, status=202
        )
