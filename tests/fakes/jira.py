"""A fake Jira Cloud REST v3 (INTEGRATIONS.md §9): create issue, comment, transitions.

`Authorization: Basic base64(email:token)` of a known account (401 otherwise); an account
without permission on the project is 403. `POST /rest/api/3/issue` needs `fields.project`
(key or id), `fields.issuetype` (name or id) and `fields.summary`; a string `description` is
400 (`Operation value must be an Atlassian Document`), and an ADF description must be
`{type: doc, version: 1, content: [...]}`. 201 `{id, key, self}`. Comments need an ADF `body`
(201). Transitions: the workflow's ids are not obvious ("Done" is 31, "In Progress" 21); an
unknown id is 400, a valid one 204 and moves the status. An unknown issue is 404."""

from __future__ import annotations

import base64
import itertools
import json
from typing import Any

from aiohttp import web

from tests.fakes.server import FakeServer

TRANSITIONS: list[dict[str, Any]] = [
    {"id": "11", "name": "To Do", "to": {"name": "To Do", "statusCategory": {"key": "new"}}},
    {
        "id": "21",
        "name": "In Progress",
        "to": {"name": "In Progress", "statusCategory": {"key": "indeterminate"}},
    },
    {"id": "31", "name": "Done", "to": {"name": "Done", "statusCategory": {"key": "done"}}},
]


def bad(
    errors: dict[str, str] | None = None, messages: list[str] | None = None, status: int = 400
) -> web.Response:
    return web.json_response(
        {"errorMessages": messages or [], "errors": errors or {}}, status=status
    )


def is_adf(doc: Any) -> bool:
    return (
        isinstance(doc, dict)
        and doc.get("type") == "doc"
        and doc.get("version") == 1
        and isinstance(doc.get("content"), list)
    )


class FakeJira(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.accounts: dict[str, tuple[str, set[str]]] = {}  # email -> (token, projects)
        self.issues: dict[str, dict[str, Any]] = {}
        self.numbers = itertools.count(24)

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/rest/api/3/issue", self.create)
        app.router.add_post("/rest/api/3/issue/{key}/comment", self.comment)
        app.router.add_get("/rest/api/3/issue/{key}/transitions", self.transitions)
        app.router.add_post("/rest/api/3/issue/{key}/transitions", self.transition)

    def _account(self, request: web.Request) -> tuple[set[str] | None, web.Response | None]:
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Basic "):
            return None, web.Response(status=401, text="Unauthorized")
        try:
            email, _, token = base64.b64decode(auth[6:]).decode().partition(":")
        except ValueError:
            return None, web.Response(status=401, text="Unauthorized")
        account = self.accounts.get(email)
        if account is None or account[0] != token:
            return None, web.Response(status=401, text="Unauthorized")
        return account[1], None

    async def _json(self, request: web.Request) -> Any:
        if request.headers.get("Content-Type", "").split(";")[0] != "application/json":
            return None
        return json.loads(await request.read())

    async def create(self, request: web.Request) -> web.Response:
        projects, denied = self._account(request)
        if denied is not None:
            return denied
        body = await self._json(request)
        fields = (body or {}).get("fields") or {}
        project = (fields.get("project") or {}).get("key")
        errors = {}
        if not project:
            errors["project"] = "Specify a valid project ID or key"
        if not (fields.get("issuetype") or {}).get("name"):
            errors["issuetype"] = "Specify an issue type"
        if not fields.get("summary"):
            errors["summary"] = "You must specify a summary of the issue."
        if "description" in fields and not is_adf(fields["description"]):
            errors["description"] = (
                "Operation value must be an Atlassian Document (see the Atlassian Document Format)"
            )
        if errors:
            return bad(errors)
        if project not in (projects or set()):
            return bad(
                messages=["You do not have permission to create issues in this project."],
                status=403,
            )
        key = f"{project}-{next(self.numbers)}"
        self.issues[key] = {"fields": fields, "comments": [], "status": "To Do"}
        return web.json_response(
            {
                "id": str(10000 + len(self.issues)),
                "key": key,
                "self": f"{self.base_url}/rest/api/3/issue/{key}",
            },
            status=201,
        )

    async def comment(self, request: web.Request) -> web.Response:
        _, denied = self._account(request)
        if denied is not None:
            return denied
        issue = self.issues.get(request.match_info["key"])
        if issue is None:
            return bad(
                messages=["Issue does not exist or you do not have permission to see it."],
                status=404,
            )
        body = await self._json(request)
        if not is_adf((body or {}).get("body")):
            return bad({"comment": "Comment body is not valid"})
        issue["comments"].append(body["body"])
        return web.json_response(
            {"id": str(len(issue["comments"])), "created": "2026-11-24T10:00:00.000+0000"},
            status=201,
        )

    async def transitions(self, request: web.Request) -> web.Response:
        _, denied = self._account(request)
        if denied is not None:
            return denied
        if request.match_info["key"] not in self.issues:
            return bad(
                messages=["Issue does not exist or you do not have permission to see it."],
                status=404,
            )
        return web.json_response({"transitions": TRANSITIONS})

    async def transition(self, request: web.Request) -> web.Response:
        _, denied = self._account(request)
        if denied is not None:
            return denied
        issue = self.issues.get(request.match_info["key"])
        if issue is None:
            return bad(
                messages=["Issue does not exist or you do not have permission to see it."],
                status=404,
            )
        body = await self._json(request)
        wanted = ((body or {}).get("transition") or {}).get("id")
        found = next((t for t in TRANSITIONS if t["id"] == wanted), None)
        if found is None:
            return bad(messages=["Transition id is not valid for this issue."])
        issue["status"] = found["to"]["name"]
        return web.Response(status=204)
