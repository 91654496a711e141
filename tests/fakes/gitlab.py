"""A fake GitLab REST API v4 (INTEGRATIONS.md §3): the pipeline trigger, pipelines, and what
codify writes (branches, files, merge requests, issues).

Trigger (`POST /projects/:id/trigger/pipeline`): authenticated only by the `token` parameter
(form, query or JSON; a `PRIVATE-TOKEN` header is ignored); a personal access token, or an
unknown token, in `token` is 404 `{"message":"404 Not Found"}` (as the troubleshooting docs
say); GET is 404; an unknown `ref` is 400; `variables[KEY]` form fields become the pipeline's
variables. Answers 201 with `id`, `iid`, `status: created`, `source: trigger`, `web_url`.

Pipelines (`GET /projects/:id/pipelines/:id`): `PRIVATE-TOKEN` or `Authorization: Bearer` with
a token that may read (a trigger token may not: 401); each read walks the pipeline's script
(default created → pending → running → success). Codify: `PRIVATE-TOKEN` with the api scope."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from aiohttp import web

from tests.fakes.server import FakeServer, json_error

DEFAULT_SCRIPT = ["created", "pending", "running", "success"]


@dataclass
class Pipeline:
    id: int
    iid: int
    project: str
    ref: str
    variables: dict[str, str]
    script: list[str]
    pos: int = 0

    @property
    def status(self) -> str:
        return self.script[min(self.pos, len(self.script) - 1)]


@dataclass
class Project:
    id: int
    branches: set[str] = field(default_factory=lambda: {"main"})
    files: dict[tuple[str, str], str] = field(default_factory=dict)
    merge_requests: list[dict[str, Any]] = field(default_factory=list)
    issues: list[dict[str, Any]] = field(default_factory=list)


class FakeGitLab(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.projects: dict[str, Project] = {}
        self.trigger_tokens: dict[str, str] = {}  # token -> project path
        self.access_tokens: dict[str, set[str]] = {}  # token -> scopes
        self.pipelines: dict[int, Pipeline] = {}
        self.ids = itertools.count(5001)
        self.next_script = list(DEFAULT_SCRIPT)

    def add_project(self, path: str) -> Project:
        return self.projects.setdefault(path, Project(next(self.ids)))

    def _project(self, request: web.Request) -> tuple[str, Project] | None:
        key = unquote(request.match_info["id"])
        for path, project in self.projects.items():
            if key in (path, str(project.id)):
                return path, project
        return None

    def routes(self, app: web.Application) -> None:
        base = "/api/v4/projects/{id}"
        app.router.add_post(base + "/trigger/pipeline", self.trigger)
        app.router.add_get(base + "/trigger/pipeline", self.not_found)
        app.router.add_get(base + "/pipelines/{pid}", self.pipeline)
        app.router.add_post(base + "/repository/branches", self.branch)
        app.router.add_post(base + "/repository/files/{path}", self.create_file)
        app.router.add_put(base + "/repository/files/{path}", self.update_file)
        app.router.add_post(base + "/merge_requests", self.merge_request)
        app.router.add_get(base + "/merge_requests", self.list_merge_requests)
        app.router.add_post(base + "/issues", self.issue)

    async def not_found(self, request: web.Request) -> web.Response:
        return json_error(404, {"message": "404 Not Found"})

    async def _params(self, request: web.Request) -> dict[str, str]:
        params = dict(request.query)
        if request.content_type == "application/json":
            body = await request.json()
            for k, v in (body or {}).items():
                if isinstance(v, dict):
                    params |= {f"{k}[{kk}]": str(vv) for kk, vv in v.items()}
                else:
                    params[k] = str(v)
        else:
            params |= {k: str(v) for k, v in (await request.post()).items()}
        return params

    async def trigger(self, request: web.Request) -> web.Response:
        found = self._project(request)
        params = await self._params(request)
        token = params.get("token", "")
        if found is None or self.trigger_tokens.get(token) != found[0]:
            return json_error(404, {"message": "404 Not Found"})
        path, project = found
        ref = params.get("ref", "")
        if ref not in project.branches:
            return json_error(400, {"message": {"base": ["Reference not found"]}})
        variables = {k[10:-1]: v for k, v in params.items() if k.startswith("variables[")}
        pipeline = Pipeline(
            next(self.ids), len(self.pipelines) + 1, path, ref, variables, list(self.next_script)
        )
        self.pipelines[pipeline.id] = pipeline
        return web.json_response(self._pipeline_json(pipeline), status=201)

    def _pipeline_json(self, p: Pipeline) -> dict[str, Any]:
        return {
            "id": p.id,
            "iid": p.iid,
            "project_id": self.projects[p.project].id,
            "ref": p.ref,
            "status": p.status,
            "source": "trigger",
            "web_url": f"https://gitlab.example/{p.project}/-/pipelines/{p.id}",
        }

    def _reader(self, request: web.Request, scope: str) -> web.Response | None:
        token = request.headers.get("PRIVATE-TOKEN") or request.headers.get(
            "Authorization", ""
        ).removeprefix("Bearer ")
        scopes = self.access_tokens.get(token)
        if scopes is None:
            return json_error(401, {"message": "401 Unauthorized"})
        if scope not in scopes and "api" not in scopes:
            return json_error(403, {"message": "403 Forbidden"})
        return None

    async def pipeline(self, request: web.Request) -> web.Response:
        if (denied := self._reader(request, "read_api")) is not None:
            return denied
        found = self._project(request)
        pipeline = self.pipelines.get(int(request.match_info["pid"]))
        if found is None or pipeline is None or pipeline.project != found[0]:
            return json_error(404, {"message": "404 Not Found"})
        body = self._pipeline_json(pipeline)
        pipeline.pos += 1
        return web.json_response(body)

    # ---- codify --------------------------------------------------------------------------------

    async def branch(self, request: web.Request) -> web.Response:
        if (denied := self._reader(request, "api")) is not None:
            return denied
        found = self._project(request)
        if found is None:
            return json_error(404, {"message": "404 Project Not Found"})
        project = found[1]
        name, ref = request.query.get("branch", ""), request.query.get("ref", "")
        if ref not in project.branches:
            return json_error(404, {"message": "404 Branch Not Found"})
        if name in project.branches:
            return json_error(400, {"message": "Branch already exists"})
        project.branches.add(name)
        return web.json_response({"name": name}, status=201)

    async def _file(self, request: web.Request, create: bool) -> web.Response:
        if (denied := self._reader(request, "api")) is not None:
            return denied
        found = self._project(request)
        if found is None:
            return json_error(404, {"message": "404 Project Not Found"})
        project = found[1]
        body = await request.json()
        path = unquote(request.match_info["path"])
        missing = [k for k in ("branch", "commit_message", "content") if k not in body]
        if missing:
            return json_error(400, {"error": f"{missing[0]} is missing"})
        if body["branch"] not in project.branches:
            return json_error(
                400, {"message": "You can only create or edit files when you are on a branch"}
            )
        key = (body["branch"], path)
        if create and key in project.files:
            return json_error(400, {"message": "A file with this name already exists"})
        if not create and key not in project.files:
            return json_error(400, {"message": "A file with this name doesn't exist"})
        project.files[key] = body["content"]
        return web.json_response(
            {"file_path": path, "branch": body["branch"]}, status=201 if create else 200
        )

    async def create_file(self, request: web.Request) -> web.Response:
        return await self._file(request, True)

    async def update_file(self, request: web.Request) -> web.Response:
        return await self._file(request, False)

    async def merge_request(self, request: web.Request) -> web.Response:
        if (denied := self._reader(request, "api")) is not None:
            return denied
        found = self._project(request)
        if found is None:
            return json_error(404, {"message": "404 Project Not Found"})
        path, project = found
        body = await request.json()
        if not all(body.get(k) for k in ("source_branch", "target_branch", "title")):
            return json_error(400, {"error": "source_branch, target_branch, title are missing"})
        if any(
            m["source_branch"] == body["source_branch"] and m["state"] == "opened"
            for m in project.merge_requests
        ):
            return json_error(
                409,
                {"message": ["Another open merge request already exists for this source branch"]},
            )
        iid = len(project.merge_requests) + 1
        mr = {
            "iid": iid,
            "state": "opened",
            "source_branch": body["source_branch"],
            "target_branch": body["target_branch"],
            "title": body["title"],
            "description": body.get("description", ""),
            "web_url": f"https://gitlab.example/{path}/-/merge_requests/{iid}",
        }
        project.merge_requests.append(mr)
        return web.json_response(mr, status=201)

    async def list_merge_requests(self, request: web.Request) -> web.Response:
        if (denied := self._reader(request, "read_api")) is not None:
            return denied
        found = self._project(request)
        if found is None:
            return json_error(404, {"message": "404 Project Not Found"})
        source = request.query.get("source_branch")
        return web.json_response(
            [m for m in found[1].merge_requests if not source or m["source_branch"] == source]
        )

    async def issue(self, request: web.Request) -> web.Response:
        if (denied := self._reader(request, "api")) is not None:
            return denied
        found = self._project(request)
        if found is None:
            return json_error(404, {"message": "404 Project Not Found"})
        path, project = found
        body = await request.json()
        if not body.get("title"):
            return json_error(400, {"error": "title is missing"})
        iid = len(project.issues) + 1
        issue = {
            "iid": iid,
            "title": body["title"],
            "description": body.get("description", ""),
            "web_url": f"https://gitlab.example/{path}/-/issues/{iid}",
        }
        project.issues.append(issue)
        return web.json_response(issue, status=201)
