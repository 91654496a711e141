"""A fake Spacelift GraphQL API (INTEGRATIONS.md §5): one route, `POST /graphql`, dispatched on
the operation.

`apiKeyUser(id, secret)` needs no authentication: a wrong secret gives `{"data": {"apiKeyUser":
null}, "errors": [{"message": "unauthorized"}]}`, a right one a JWT valid for `ttl` seconds.
Everything else needs `Authorization: Bearer <issued, unexpired jwt>` (401 otherwise). `runTrigger`
checks the stack and `runType` ∈ {TRACKED, PROPOSED}; `stack.run` walks QUEUED → PREPARING →
INITIALIZING → PLANNING → UNCONFIRMED and stays there until `runConfirm`, then CONFIRMED →
APPLYING → FINISHED (or the `fail_after_confirm` variant's FAILED). History entries carry
`terminal`. An unknown stack is `stack: null`."""

from __future__ import annotations

import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakes.server import FakeServer

BEFORE = ["QUEUED", "PREPARING", "INITIALIZING", "PLANNING", "UNCONFIRMED"]
AFTER = ["CONFIRMED", "APPLYING", "FINISHED"]
TERMINAL = {"FINISHED", "FAILED", "STOPPED", "CANCELED", "DISCARDED", "SKIPPED"}


@dataclass
class Run:
    id: str
    stack: str
    type: str
    states: list[str] = field(default_factory=lambda: list(BEFORE))
    pos: int = 0
    confirmed: bool = False

    @property
    def state(self) -> str:
        return self.states[min(self.pos, len(self.states) - 1)]


class FakeSpacelift(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.keys: dict[str, str] = {}  # key id -> secret
        self.jwts: dict[str, float] = {}  # jwt -> expiry
        self.stacks: set[str] = set()
        self.runs: dict[str, Run] = {}
        self.ids = itertools.count(1)
        self.ttl = 3600.0
        self.fail_after_confirm = False
        self.logins = 0

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/graphql", self.graphql)

    async def graphql(self, request: web.Request) -> web.Response:
        body = json.loads(await request.read() or b"{}")
        query, variables = str(body.get("query", "")), body.get("variables") or {}
        if "apiKeyUser" in query:
            return self._login(variables)
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ")
        if not auth.startswith("Bearer ") or self.jwts.get(token, 0) < time.time():
            return web.json_response({"errors": [{"message": "unauthorized"}]}, status=401)
        if "runTrigger" in query:
            return self._trigger(variables)
        if "runConfirm" in query:
            return self._confirm(variables)
        if re.search(r"\bstack\s*\(", query):
            return self._read(variables)
        return web.json_response({"errors": [{"message": "unknown operation"}]})

    def _login(self, variables: dict[str, Any]) -> web.Response:
        if self.keys.get(str(variables.get("id"))) != variables.get("secret"):
            return web.json_response(
                {"data": {"apiKeyUser": None}, "errors": [{"message": "unauthorized"}]}
            )
        self.logins += 1
        jwt = f"jwt-{next(self.ids)}"
        self.jwts[jwt] = time.time() + self.ttl
        until = int(time.time() + self.ttl)
        return web.json_response(
            {"data": {"apiKeyUser": {"id": variables["id"], "jwt": jwt, "validUntil": until}}}
        )

    def _trigger(self, variables: dict[str, Any]) -> web.Response:
        stack = str(variables.get("stack"))
        if stack not in self.stacks:
            return web.json_response(
                {"data": {"runTrigger": None}, "errors": [{"message": f"stack {stack} not found"}]}
            )
        run = Run(f"01J{next(self.ids):023d}", stack, "TRACKED")
        self.runs[run.id] = run
        return web.json_response(
            {"data": {"runTrigger": {"id": run.id, "state": run.state, "type": run.type}}}
        )

    def _read(self, variables: dict[str, Any]) -> web.Response:
        stack = str(variables.get("stack"))
        if stack not in self.stacks:
            return web.json_response({"data": {"stack": None}})
        run = self.runs.get(str(variables.get("run")))
        if run is None or run.stack != stack:
            return web.json_response({"data": {"stack": {"id": stack, "run": None}}})
        shown = run.state
        history = [{"state": s, "terminal": s in TERMINAL} for s in run.states[: run.pos + 1]]
        if shown != "UNCONFIRMED":
            run.pos += 1
        return web.json_response(
            {
                "data": {
                    "stack": {
                        "id": stack,
                        "run": {"id": run.id, "state": shown, "history": history},
                    }
                }
            }
        )

    def _confirm(self, variables: dict[str, Any]) -> web.Response:
        run = self.runs.get(str(variables.get("run")))
        if run is None or run.state != "UNCONFIRMED":
            return web.json_response(
                {
                    "data": {"runConfirm": None},
                    "errors": [{"message": "run is not awaiting confirmation"}],
                }
            )
        run.confirmed = True
        run.states += (
            ["CONFIRMED", "APPLYING", "FAILED"] if self.fail_after_confirm else list(AFTER)
        )
        run.pos += 1
        return web.json_response({"data": {"runConfirm": {"id": run.id, "state": "CONFIRMED"}}})
