"""A fake HCP Terraform / Terraform Enterprise API v2 (INTEGRATIONS.md §4): show workspace,
create run, show run.

`Authorization: Bearer` (401 otherwise); `Content-Type: application/vnd.api+json` on POST (415
otherwise); a workspace the token may not see is 404, never 403, and an organization token
cannot create runs (404). A run body must be a JSON:API document with `data.type == "runs"` and
the workspace relationship (422 otherwise), `target-addrs` an array of strings, and not both
`refresh-only` and `is-destroy`. 201 with the run `pending`; each `GET /runs/:id` walks its
script (default pending → planning → planned → apply_queued → applying → applied; with
`auto-apply` false the run stops at `planned`, confirmable). 429 with the documented body."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.fakes.server import FakeServer

JSON_API = "application/vnd.api+json"
DEFAULT_SCRIPT = ["pending", "planning", "planned", "apply_queued", "applying", "applied"]


def errors(status: int, title: str, detail: str) -> web.Response:
    body = {"errors": [{"status": str(status), "title": title, "detail": detail}]}
    return web.json_response(body, status=status, content_type=JSON_API)


@dataclass
class Run:
    id: str
    workspace: str
    attributes: dict[str, Any]
    script: list[str]
    pos: int = 0


class FakeTerraformCloud(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.workspaces: dict[tuple[str, str], str] = {}  # (org, name) -> ws id
        self.tokens: dict[str, set[str]] = {}  # user/team token -> workspace ids
        self.org_tokens: set[str] = set()
        self.runs: dict[str, Run] = {}
        self.ids = itertools.count(1)
        self.next_script = list(DEFAULT_SCRIPT)

    def add_workspace(self, org: str, name: str) -> str:
        ws = f"ws-{name[:8]}{len(self.workspaces):08d}"
        self.workspaces[(org, name)] = ws
        return ws

    def routes(self, app: web.Application) -> None:
        app.router.add_get("/api/v2/organizations/{org}/workspaces/{name}", self.workspace)
        app.router.add_post("/api/v2/runs", self.create_run)
        app.router.add_get("/api/v2/runs/{id}", self.show_run)

    def _token(self, request: web.Request) -> tuple[str | None, web.Response | None]:
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None
        if token is None or (token not in self.tokens and token not in self.org_tokens):
            return None, errors(401, "unauthorized", "The token is invalid or missing")
        return token, None

    async def workspace(self, request: web.Request) -> web.Response:
        token, denied = self._token(request)
        if denied is not None:
            return denied
        ws = self.workspaces.get((request.match_info["org"], request.match_info["name"]))
        if ws is None or (
            token not in self.org_tokens and ws not in self.tokens.get(token or "", set())
        ):
            return errors(404, "not found", "workspace not found")
        return web.json_response({"data": {"id": ws, "type": "workspaces"}}, content_type=JSON_API)

    async def create_run(self, request: web.Request) -> web.Response:
        token, denied = self._token(request)
        if denied is not None:
            return denied
        if request.headers.get("Content-Type", "").split(";")[0] != JSON_API:
            return errors(415, "unsupported media type", f"expected {JSON_API}")
        try:
            body = json.loads(await request.read())
        except ValueError:
            return errors(400, "bad request", "the body is not JSON")
        data = (body or {}).get("data") or {}
        attributes = data.get("attributes") or {}
        workspace = (
            ((data.get("relationships") or {}).get("workspace") or {}).get("data") or {}
        ).get("id")
        if data.get("type") != "runs" or not workspace:
            return errors(
                422, "invalid attribute", "a run needs data.type runs and a workspace relationship"
            )
        if token in self.org_tokens or workspace not in self.tokens.get(token or "", set()):
            return errors(404, "not found", "workspace not found or not authorized")
        addrs = attributes.get("target-addrs", [])
        if not isinstance(addrs, list) or not all(isinstance(a, str) for a in addrs):
            return errors(422, "invalid attribute", "Target addrs must be an array of strings")
        if attributes.get("refresh-only") and attributes.get("is-destroy"):
            return errors(
                422, "invalid attribute", "refresh-only and is-destroy are mutually exclusive"
            )
        script = list(self.next_script)
        if attributes.get("auto-apply") is False:
            script = script[: script.index("planned") + 1] if "planned" in script else script
        run = Run(f"run-{next(self.ids):016d}", workspace, attributes, script)
        self.runs[run.id] = run
        return web.json_response({"data": self._run_json(run)}, status=201, content_type=JSON_API)

    def _run_json(self, run: Run) -> dict[str, Any]:
        status = run.script[min(run.pos, len(run.script) - 1)]
        confirmable = status == "planned" and run.attributes.get("auto-apply") is False
        return {
            "id": run.id,
            "type": "runs",
            "attributes": {
                "status": status,
                "target-addrs": run.attributes.get("target-addrs"),
                "message": run.attributes.get("message"),
                "actions": {"is-confirmable": confirmable, "is-cancelable": True},
            },
            "links": {"self": f"/api/v2/runs/{run.id}"},
        }

    async def show_run(self, request: web.Request) -> web.Response:
        token, denied = self._token(request)
        if denied is not None:
            return denied
        run = self.runs.get(request.match_info["id"])
        if run is None or run.workspace not in self.tokens.get(token or "", set()):
            return errors(404, "not found", "run not found")
        body = {"data": self._run_json(run)}
        run.pos += 1
        return web.json_response(body, content_type=JSON_API)


RATE_LIMITED = {
    "errors": [
        {
            "detail": "You have exceeded the API's rate limit.",
            "status": 429,
            "title": "Too many requests",
        }
    ]
}
