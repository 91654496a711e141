"""A fake GitHub REST API (INTEGRATIONS.md §1, §2): workflow dispatches and runs, and what
codify and escalation write (refs, contents, pull requests, issues, comments).

Checked on every request: `Authorization: Bearer <token>` (401 `Bad credentials` otherwise),
`Accept: application/vnd.github+json`, an `X-GitHub-Api-Version` GitHub knows (400 otherwise),
a `User-Agent` (403 otherwise, as GitHub does). A repository the token may not see is 404 (as
GitHub hides private repositories); a permission the token lacks is 403 `Resource not accessible
by personal access token` with `X-Accepted-GitHub-Permissions`.

Dispatch (`POST …/workflows/{id}/dispatches`): `ref` must exist (422 `No ref found for: X`),
every input must be declared (422 `Unexpected inputs provided: [...]`), required inputs given,
at most 25 inputs and 65,535 characters. API 2022-11-28 answers 204, or 200 with
`workflow_run_id`, `run_url` and `html_url` when `return_run_details` is true; 2026-03-10 always
200; `legacy_ghes` answers 400 to the unknown field. A run walks its script (default queued →
in_progress → completed/success) one step per `GET …/actions/runs/{id}`; `on_completed` is
called when a run completes (a test's pipeline doing its work). `display_title` is the
workflow's `run-name` with its `${{ inputs.X }}` filled in.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web

from tests.fakes.server import FakeServer, json_error

VERSIONS = {"2022-11-28", "2026-03-10"}
MAX_INPUTS = 25
MAX_INPUT_CHARS = 65_535
Script = list[tuple[str, str | None]]
DEFAULT_SCRIPT: Script = [("queued", None), ("in_progress", None), ("completed", "success")]


@dataclass
class Workflow:
    id: int
    inputs: set[str]
    required: set[str] = field(default_factory=set)
    run_name: str = "driftbot reapply ${{ inputs.finding }}"


@dataclass
class Run:
    id: int
    repo: str
    workflow: str
    ref: str
    inputs: dict[str, str]
    title: str
    created_at: str
    script: Script
    pos: int = 0

    def state(self) -> tuple[str, str | None]:
        return self.script[min(self.pos, len(self.script) - 1)]


@dataclass
class Issue:
    number: int
    title: str
    body: str
    labels: list[str]
    state: str = "open"
    state_reason: str | None = None
    comments: list[str] = field(default_factory=list)


@dataclass
class Repo:
    workflows: dict[str, Workflow] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=lambda: {"main": "a" * 40})
    files: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    pulls: list[dict[str, Any]] = field(default_factory=list)
    issues: dict[int, Issue] = field(default_factory=dict)


class FakeGitHub(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.tokens: dict[str, tuple[set[str], set[str]]] = {}  # token -> (repos, permissions)
        self.repos: dict[str, Repo] = {}
        self.runs: dict[int, Run] = {}
        self.ids = itertools.count(9000001)
        self.numbers = itertools.count(1)
        self.next_script: Script = list(DEFAULT_SCRIPT)
        self.legacy_ghes = False
        self.on_completed: Callable[[Run], None] | None = None

    # ---- setup -------------------------------------------------------------------------------

    def add_token(self, token: str, repos: set[str], permissions: set[str]) -> None:
        """`permissions`: `actions:write`, `actions:read`, `contents:write`,
        `pull_requests:write`, `issues:write`."""
        self.tokens[token] = (repos, permissions)

    def add_repo(self, repo: str) -> Repo:
        return self.repos.setdefault(repo, Repo())

    def add_workflow(
        self, repo: str, name: str, inputs: set[str], required: set[str] | None = None
    ) -> Workflow:
        workflow = Workflow(next(self.ids), inputs, required or set())
        self.add_repo(repo).workflows[name] = workflow
        return workflow

    # ---- checks ------------------------------------------------------------------------------

    def _check(self, request: web.Request, repo: str, permission: str) -> web.Response | None:
        if not request.headers.get("User-Agent"):
            return json_error(403, {"message": "Request forbidden by administrative rules."})
        if request.headers.get("Accept") != "application/vnd.github+json":
            return json_error(415, {"message": "Unsupported 'Accept' header"})
        version = request.headers.get("X-GitHub-Api-Version")
        if version not in VERSIONS:
            return json_error(400, {"message": f"API version {version} is not supported."})
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            return json_error(401, {"message": "Requires authentication"})
        grant = self.tokens.get(auth.removeprefix("Bearer "))
        if grant is None:
            return json_error(401, {"message": "Bad credentials"})
        repos, permissions = grant
        if repo not in repos or repo not in self.repos:
            return json_error(404, {"message": "Not Found"})
        if (
            permission not in permissions
            and permission.replace(":read", ":write") not in permissions
        ):
            headers = {"X-Accepted-GitHub-Permissions": permission.replace(":", "=")}
            body = {"message": "Resource not accessible by personal access token"}
            return json_error(403, body, headers)
        return None

    @staticmethod
    def _repo(request: web.Request) -> str:
        return f"{request.match_info['owner']}/{request.match_info['repo']}"

    # ---- routes ------------------------------------------------------------------------------

    def routes(self, app: web.Application) -> None:
        base = "/repos/{owner}/{repo}"
        app.router.add_post(base + "/actions/workflows/{wf}/dispatches", self.dispatch)
        app.router.add_get(base + "/actions/workflows/{wf}/runs", self.list_runs)
        app.router.add_get(base + "/actions/runs/{id}", self.get_run)
        app.router.add_get(base + "/git/ref/heads/{branch:.+}", self.get_ref)
        app.router.add_post(base + "/git/refs", self.create_ref)
        app.router.add_get(base + "/contents/{path:.+}", self.get_contents)
        app.router.add_put(base + "/contents/{path:.+}", self.put_contents)
        app.router.add_post(base + "/pulls", self.create_pull)
        app.router.add_get(base + "/pulls", self.list_pulls)
        app.router.add_post(base + "/issues", self.create_issue)
        app.router.add_post(base + "/issues/{n}/comments", self.comment)
        app.router.add_patch(base + "/issues/{n}", self.update_issue)

    async def _body(self, request: web.Request) -> dict[str, Any] | web.Response:
        try:
            body = await request.json()
        except ValueError:
            return json_error(400, {"message": "Problems parsing JSON"})
        if not isinstance(body, dict):
            return json_error(400, {"message": "Body should be a JSON object"})
        return body

    async def dispatch(self, request: web.Request) -> web.Response:
        repo = self._repo(request)
        if (denied := self._check(request, repo, "actions:write")) is not None:
            return denied
        body = await self._body(request)
        if isinstance(body, web.Response):
            return body
        name = request.match_info["wf"]
        workflows = self.repos[repo].workflows
        workflow = workflows.get(name) or next(
            (w for w in workflows.values() if str(w.id) == name), None
        )
        if workflow is None:
            return json_error(404, {"message": "Not Found"})
        ref = body.get("ref")
        if not isinstance(ref, str) or ref not in self.repos[repo].refs:
            return json_error(422, {"message": f"No ref found for: {ref}"})
        version = request.headers["X-GitHub-Api-Version"]
        if "return_run_details" in body and (self.legacy_ghes or version == "2026-03-10"):
            return json_error(
                400, {"message": 'Invalid request.\n\n"return_run_details" is not a permitted key.'}
            )
        inputs = body.get("inputs") or {}
        if not isinstance(inputs, dict) or not all(isinstance(v, str) for v in inputs.values()):
            return json_error(
                422, {"message": "Invalid value for inputs: must be a map of strings"}
            )
        unexpected = sorted(set(inputs) - workflow.inputs)
        if unexpected:
            return json_error(422, {"message": f"Unexpected inputs provided: {unexpected}"})
        missing = sorted(workflow.required - set(inputs))
        if missing:
            return json_error(422, {"message": f"Required input '{missing[0]}' not provided"})
        if (
            len(inputs) > MAX_INPUTS
            or sum(len(k) + len(v) for k, v in inputs.items()) > MAX_INPUT_CHARS
        ):
            return json_error(422, {"message": "inputs are too large"})
        run = Run(
            next(self.ids),
            repo,
            name,
            ref,
            dict(inputs),
            re.sub(
                r"\$\{\{\s*inputs\.(\w+)\s*\}\}",
                lambda m: inputs.get(m.group(1), ""),
                workflow.run_name,
            ),
            datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            list(self.next_script),
        )
        self.runs[run.id] = run
        if body.get("return_run_details") is True or version == "2026-03-10":
            return web.json_response(
                {
                    "workflow_run_id": run.id,
                    "run_url": f"{self.base_url}/repos/{repo}/actions/runs/{run.id}",
                    "html_url": f"https://github.example/{repo}/actions/runs/{run.id}",
                }
            )
        return web.Response(status=204)

    def _run_json(self, run: Run) -> dict[str, Any]:
        status, conclusion = run.state()
        return {
            "id": run.id,
            "name": run.workflow,
            "display_title": run.title,
            "event": "workflow_dispatch",
            "status": status,
            "conclusion": conclusion,
            "head_branch": run.ref,
            "created_at": run.created_at,
            "html_url": f"https://github.example/{run.repo}/actions/runs/{run.id}",
        }

    async def get_run(self, request: web.Request) -> web.Response:
        repo = self._repo(request)
        if (denied := self._check(request, repo, "actions:read")) is not None:
            return denied
        run = self.runs.get(int(request.match_info["id"]))
        if run is None or run.repo != repo:
            return json_error(404, {"message": "Not Found"})
        body = self._run_json(run)
        before = run.state()
        run.pos += 1
        if run.state()[0] == "completed" and before[0] != "completed" and self.on_completed:
            self.on_completed(run)
        return web.json_response(body)

    async def list_runs(self, request: web.Request) -> web.Response:
        repo = self._repo(request)
        if (denied := self._check(request, repo, "actions:read")) is not None:
            return denied
        since = request.query.get("created", ">=").removeprefix(">=")
        runs = [
            r
            for r in self.runs.values()
            if r.repo == repo
            and r.workflow == request.match_info["wf"]
            and (not request.query.get("branch") or r.ref == request.query["branch"])
            and r.created_at >= since
        ]
        return web.json_response(
            {"total_count": len(runs), "workflow_runs": [self._run_json(r) for r in runs]}
        )

    # ---- codify: refs, contents, pull requests -------------------------------------------------

    async def get_ref(self, request: web.Request) -> web.Response:
        repo = self._repo(request)
        if (denied := self._check(request, repo, "contents:read")) is not None:
            return denied
        sha = self.repos[repo].refs.get(request.match_info["branch"])
        if sha is None:
            return json_error(404, {"message": "Not Found"})
        return web.json_response(
            {
                "ref": f"refs/heads/{request.match_info['branch']}",
                "object": {"type": "commit", "sha": sha},
            }
        )

    async def create_ref(self, request: web.Request) -> web.Response:
        repo = self._repo(request)
        if (denied := self._check(request, repo, "contents:write")) is not None:
            return denied
        body = await self._body(request)
        if isinstance(body, web.Response):
            return body
        ref, sha = str(body.get("ref", "")), body.get("sha")
        if not ref.startswith("refs/heads/") or ref.count("/") < 2:
            return json_error(
                422,
                {"message": "Reference name must start with 'refs' and have at least two slashes."},
            )
        refs = self.repos[repo].refs
        if sha not in refs.values():
            return json_error(422, {"message": "Object does not exist"})
        branch = ref.removeprefix("refs/heads/")
        if branch in refs:
            return json_error(422, {"message": "Reference already exists"})
        refs[branch] = str(sha)
        return web.json_response({"ref": ref, "object": {"type": "commit", "sha": sha}}, status=201)

    async def get_contents(self, request: web.Request) -> web.Response:
        repo = self._repo(request)
        if (denied := self._check(request, repo, "contents:read")) is not None:
            return denied
        branch = request.query.get("ref", "main")
        found = self.repos[repo].files.get((branch, request.match_info["path"]))
        if found is None:
            return json_error(404, {"message": "Not Found"})
        sha, content = found
        return web.json_response(
            {"sha": sha, "content": base64.b64encode(content.encode()).decode()}
        )

    async def put_contents(self, request: web.Request) -> web.Response:
        repo = self._repo(request)
        if (denied := self._check(request, repo, "contents:write")) is not None:
            return denied
        body = await self._body(request)
        if isinstance(body, web.Response):
            return body
        if not body.get("message") or "content" not in body:
            return json_error(
                422, {"message": 'Invalid request.\n\n"message" and "content" are required.'}
            )
        try:
            content = base64.b64decode(body["content"], validate=True).decode()
        except ValueError:
            return json_error(422, {"message": "content is not valid Base64"})
        branch = str(body.get("branch") or "main")
        if branch not in self.repos[repo].refs:
            return json_error(404, {"message": "Branch not found"})
        key = (branch, request.match_info["path"])
        existing = self.repos[repo].files.get(key)
        if existing is not None and body.get("sha") != existing[0]:
            if not body.get("sha"):
                return json_error(422, {"message": 'Invalid request.\n\n"sha" wasn\'t supplied.'})
            return json_error(409, {"message": f"{key[1]} does not match {body.get('sha')}"})
        sha = hashlib.sha1(content.encode()).hexdigest()  # noqa: S324  (a fake blob sha)
        self.repos[repo].files[key] = (sha, content)
        status = 200 if existing else 201
        return web.json_response(
            {"content": {"path": key[1], "sha": sha}, "commit": {"sha": sha}}, status=status
        )

    async def create_pull(self, request: web.Request) -> web.Response:
        repo = self._repo(request)
        if (denied := self._check(request, repo, "pull_requests:write")) is not None:
            return denied
        body = await self._body(request)
        if isinstance(body, web.Response):
            return body
        head, base = body.get("head"), body.get("base")
        refs = self.repos[repo].refs
        if head not in refs or base not in refs or head == base:
            return json_error(
                422,
                {
                    "message": "Validation Failed",
                    "errors": [{"resource": "PullRequest", "field": "head", "code": "invalid"}],
                },
            )
        owner = repo.split("/")[0]
        if any(p["head"]["ref"] == head and p["state"] == "open" for p in self.repos[repo].pulls):
            return json_error(
                422,
                {
                    "message": "Validation Failed",
                    "errors": [
                        {
                            "resource": "PullRequest",
                            "code": "custom",
                            "message": f"A pull request already exists for {owner}:{head}.",
                        }
                    ],
                },
            )
        number = next(self.numbers)
        pull = {
            "number": number,
            "state": "open",
            "title": body.get("title"),
            "body": body.get("body"),
            "head": {"ref": head},
            "base": {"ref": base},
            "html_url": f"https://github.example/{repo}/pull/{number}",
        }
        self.repos[repo].pulls.append(pull)
        return web.json_response(pull, status=201)

    async def list_pulls(self, request: web.Request) -> web.Response:
        repo = self._repo(request)
        if (denied := self._check(request, repo, "pull_requests:read")) is not None:
            return denied
        head = request.query.get("head", "").split(":")[-1]
        pulls = [p for p in self.repos[repo].pulls if not head or p["head"]["ref"] == head]
        return web.json_response(pulls)

    # ---- issues ------------------------------------------------------------------------------

    async def create_issue(self, request: web.Request) -> web.Response:
        repo = self._repo(request)
        if (denied := self._check(request, repo, "issues:write")) is not None:
            return denied
        body = await self._body(request)
        if isinstance(body, web.Response):
            return body
        if not body.get("title"):
            return json_error(
                422,
                {
                    "message": "Validation Failed",
                    "errors": [{"resource": "Issue", "field": "title", "code": "missing_field"}],
                },
            )
        number = next(self.numbers)
        issue = Issue(
            number, str(body["title"]), str(body.get("body") or ""), list(body.get("labels") or [])
        )
        self.repos[repo].issues[number] = issue
        return web.json_response(
            {
                "id": number,
                "number": number,
                "state": "open",
                "html_url": f"https://github.example/{repo}/issues/{number}",
            },
            status=201,
        )

    async def comment(self, request: web.Request) -> web.Response:
        repo = self._repo(request)
        if (denied := self._check(request, repo, "issues:write")) is not None:
            return denied
        body = await self._body(request)
        if isinstance(body, web.Response):
            return body
        issue = self.repos[repo].issues.get(int(request.match_info["n"]))
        if issue is None:
            return json_error(404, {"message": "Not Found"})
        if not isinstance(body.get("body"), str) or not body["body"]:
            return json_error(422, {"message": "Validation Failed"})
        issue.comments.append(body["body"])
        return web.json_response({"id": len(issue.comments), "body": body["body"]}, status=201)

    async def update_issue(self, request: web.Request) -> web.Response:
        repo = self._repo(request)
        if (denied := self._check(request, repo, "issues:write")) is not None:
            return denied
        body = await self._body(request)
        if isinstance(body, web.Response):
            return body
        issue = self.repos[repo].issues.get(int(request.match_info["n"]))
        if issue is None:
            return json_error(404, {"message": "Not Found"})
        state, reason = body.get("state"), body.get("state_reason")
        if state not in (None, "open", "closed") or reason not in (
            None,
            "completed",
            "not_planned",
            "duplicate",
            "reopened",
        ):
            return json_error(422, {"message": "Validation Failed"})
        if state:
            issue.state = state
            issue.state_reason = reason
        return web.json_response({"number": issue.number, "state": issue.state})
