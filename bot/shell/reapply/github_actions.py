"""GitHub Actions as a reapply target: `workflow_dispatch` a workflow, then follow its run.

The dispatch asks for the run's details (`return_run_details`, API version 2022-11-28): GitHub
answers 200 with `workflow_run_id` and `html_url`. An older server answers 204 (no body), or
400 to the unknown field (then driftbot dispatches again without it); the run is then found by
listing the workflow's `workflow_dispatch` runs created since the dispatch and picking the one
whose title (`run-name`) holds the finding's id (examples/github-actions/drift-reapply.yml
sets it from the `finding` input). The run is followed with `GET …/actions/runs/{id}`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import quote

from bot.errors import IntegrationError
from bot.lifecycle.external import ReapplyRun
from bot.messages import integrations as say
from bot.policy.placeholders import render_map
from bot.policy.targets import GITHUB_MAX_INPUT_CHARS, GithubActions
from bot.shell.http import Answer, Http, default_retryable, retry_after
from bot.shell.reapply.base import ReapplyContext, RunPoll, RunRef
from bot.shell.secrets import secret

SERVICE = "github_actions"
API_VERSION = "2022-11-28"
CLOCK_SKEW = timedelta(minutes=2)
QUEUED = frozenset({"requested", "queued", "pending", "waiting"})


def headers(token: str) -> dict[str, str]:
    """GitHub's REST headers: the token as a Bearer, the JSON media type, the API version."""
    return {
        "Authorization": f"Bearer {token}",
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": API_VERSION,
    }


def github_retryable(answer: Answer) -> bool:
    """429 and 5xx, and a 403 that is a rate limit (primary: no requests left; secondary:
    GitHub says so in the message)."""
    if default_retryable(answer):
        return True
    if answer.status != 403:
        return False
    limited = answer.headers.get("x-ratelimit-remaining") == "0"
    return limited or "rate limit" in answer.text().lower()


def message_of(answer: Answer) -> str:
    body = answer.json()
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        return str(body["message"])[:300]
    return answer.text()


def error(answer: Answer, target: GithubActions, doing: str) -> IntegrationError:
    """GitHub's answer as an error naming the workflow, the repository and the fix. `doing`:
    `dispatch` or `read`."""
    status, repo, wf, env = answer.status, target.repo, target.workflow, target.token_env
    if status == 401:
        words = say.github_token_refused(env, repo)
    elif status == 403 and not github_retryable(answer):
        needed = answer.headers.get("x-accepted-github-permissions", "")
        words = (
            say.github_cannot_dispatch(env, repo, needed)
            if doing == "dispatch"
            else say.github_cannot_read_runs(env, repo, needed)
        )
    elif status == 404:
        words = say.github_not_found(wf, repo, env)
    elif status == 422:
        words = say.github_unprocessable(wf, repo, target.ref, message_of(answer))
    elif github_retryable(answer):
        words = say.kept_failing(say.GITHUB, status)
    else:
        words = say.github_failed(wf, repo, status, message_of(answer))
    retryable = github_retryable(answer)
    return IntegrationError(
        *words,
        service=SERVICE,
        status=status,
        retryable=retryable,
        retry_after=retry_after(answer) if retryable else None,
    )


class GithubActionsClient:
    """Dispatch and follow a workflow run."""

    async def dispatch(self, target: GithubActions, ctx: ReapplyContext) -> RunRef:
        token = secret(ctx.environ, target.token_env, "fix.reapply.github_actions.token_env")
        http = Http(SERVICE, secrets=[token], sleep=ctx.sleep, retryable=github_retryable)
        inputs = render_map(target.inputs, ctx.values)
        size = sum(len(k) + len(v) for k, v in inputs.items())
        if size > GITHUB_MAX_INPUT_CHARS:
            raise IntegrationError(
                *say.github_inputs_too_long(size, GITHUB_MAX_INPUT_CHARS), service=SERVICE
            )
        workflow = quote(target.workflow, safe="")
        url = f"{target.api_url}/repos/{target.repo}/actions/workflows/{workflow}/dispatches"
        body: dict[str, Any] = {"ref": target.ref, "inputs": inputs, "return_run_details": True}
        answer = await http.request("POST", url, headers=headers(token), json=body)
        if answer.status == 400:  # an older GitHub Enterprise Server: no return_run_details
            del body["return_run_details"]
            answer = await http.request("POST", url, headers=headers(token), json=body)
        if answer.status == 200:
            details = answer.json() or {}
            run_id = details.get("workflow_run_id")
            return RunRef(
                "queued",
                str(run_id) if run_id is not None else None,
                details.get("html_url"),
            )
        if answer.status == 204:
            return RunRef("queued")  # found later by its title (poll)
        raise error(answer, target, "dispatch")

    async def poll(self, target: GithubActions, run: ReapplyRun, ctx: ReapplyContext) -> RunPoll:
        token = secret(ctx.environ, target.token_env, "fix.reapply.github_actions.token_env")
        http = Http(SERVICE, secrets=[token], sleep=ctx.sleep, retryable=github_retryable)
        if run.run_id is None:
            found = await self._find(http, token, target, run, ctx)
            if found is None:
                return RunPoll("queued", "requested")
            return _state(found)
        url = f"{target.api_url}/repos/{target.repo}/actions/runs/{run.run_id}"
        answer = await http.request("GET", url, headers=headers(token))
        if answer.status != 200:
            raise error(answer, target, "read")
        return _state(answer.json() or {})

    async def _find(
        self,
        http: Http,
        token: str,
        target: GithubActions,
        run: ReapplyRun,
        ctx: ReapplyContext,
    ) -> dict[str, Any] | None:
        """The run a 204 dispatch made: a `workflow_dispatch` run of the workflow on the ref,
        created since the dispatch (less some clock skew), whose title holds the finding id;
        the earliest such run."""
        since = (run.started_at - CLOCK_SKEW).strftime("%Y-%m-%dT%H:%M:%SZ")
        workflow = quote(target.workflow, safe="")
        url = f"{target.api_url}/repos/{target.repo}/actions/workflows/{workflow}/runs"
        params = {
            "event": "workflow_dispatch",
            "branch": target.ref,
            "created": f">={since}",
            "per_page": "20",
        }
        answer = await http.request("GET", url, headers=headers(token), params=params)
        if answer.status != 200:
            raise error(answer, target, "read")
        runs = (answer.json() or {}).get("workflow_runs") or []
        fid = ctx.record.id
        mine = [r for r in runs if fid in str(r.get("display_title", ""))]
        mine.sort(key=lambda r: (str(r.get("created_at", "")), int(r.get("id", 0))))
        return mine[0] if mine else None


def _state(body: dict[str, Any]) -> RunPoll:
    status = str(body.get("status") or "queued")
    conclusion = body.get("conclusion")
    run_id = str(body["id"]) if body.get("id") is not None else None
    url = body.get("html_url")
    if status == "completed":
        word = str(conclusion or "unknown")
        return RunPoll("succeeded" if word == "success" else "failed", word, url, run_id)
    return RunPoll("queued" if status in QUEUED else "running", status, url, run_id)
