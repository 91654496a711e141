"""GitLab as a reapply target: start a pipeline with a pipeline trigger token (`POST
/projects/:id/trigger/pipeline`, the token and the variables as form fields), then follow it
with `GET /projects/:id/pipelines/:id`. A trigger token cannot read pipelines: following needs
`read_token_env` (a token with `read_api`, sent as `PRIVATE-TOKEN`); without it the pipeline is
linked on the card but not followed."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from bot.errors import IntegrationError
from bot.lifecycle.external import ReapplyRun, RunStatus
from bot.messages import integrations as say
from bot.policy.placeholders import render_map
from bot.policy.targets import Gitlab
from bot.shell.http import Answer, Http, asked_wait
from bot.shell.reapply.base import ReapplyContext, RunPoll, RunRef
from bot.shell.secrets import secret

SERVICE = "gitlab"
QUEUED = frozenset(
    {"created", "waiting_for_resource", "preparing", "pending", "scheduled", "waiting_for_callback"}
)
SUCCEEDED = frozenset({"success"})
FAILED = frozenset({"failed", "canceled", "skipped"})


def project_url(target: Gitlab) -> str:
    return f"{target.api_url}/api/v4/projects/{quote(target.project, safe='')}"


def message_of(answer: Answer) -> str:
    body = answer.json()
    if isinstance(body, dict):
        found = body.get("message") or body.get("error")
        if found:
            return str(found)[:300]
    return answer.text()


def trigger_error(answer: Answer, target: Gitlab) -> IntegrationError:
    status = answer.status
    if status == 400:
        words = say.gitlab_refused_ref(target.project, target.ref, message_of(answer))
    elif status in (401, 403, 404):
        words = say.gitlab_trigger_refused(target.project, target.token_env, status)
    elif status == 429 or status >= 500:
        words = say.kept_failing(say.GITLAB, status)
    else:
        words = say.failed_with(SERVICE, status, message_of(answer))
    retryable = status == 429 or status >= 500
    return IntegrationError(
        *words, service=SERVICE, status=status, retryable=retryable, retry_after=asked_wait(answer)
    )


class GitlabClient:
    """Trigger and follow a pipeline."""

    async def dispatch(self, target: Gitlab, ctx: ReapplyContext) -> RunRef:
        token = secret(ctx.environ, target.token_env, "fix.reapply.gitlab.token_env")
        http = Http(SERVICE, secrets=[token], sleep=ctx.sleep)
        form = [("token", token), ("ref", target.ref)]
        form += [
            (f"variables[{k}]", v) for k, v in render_map(target.variables, ctx.values).items()
        ]
        answer = await http.request("POST", f"{project_url(target)}/trigger/pipeline", data=form)
        if answer.status not in (200, 201):
            raise trigger_error(answer, target)
        body: dict[str, Any] = answer.json() or {}
        status = str(body.get("status") or "created")
        return RunRef(
            _status(status),
            str(body["id"]) if body.get("id") is not None else None,
            body.get("web_url"),
            status,
            followed=target.read_token_env is not None,
        )

    async def poll(self, target: Gitlab, run: ReapplyRun, ctx: ReapplyContext) -> RunPoll:
        if target.read_token_env is None or run.run_id is None:
            return RunPoll(run.status, run.detail)
        token = secret(ctx.environ, target.read_token_env, "fix.reapply.gitlab.read_token_env")
        http = Http(SERVICE, secrets=[token], sleep=ctx.sleep)
        url = f"{project_url(target)}/pipelines/{run.run_id}"
        answer = await http.request("GET", url, headers={"PRIVATE-TOKEN": token})
        if answer.status != 200:
            code = answer.status
            words = (
                say.gitlab_cannot_read(target.project, target.read_token_env, code)
                if code in (401, 403, 404)
                else say.failed_with(SERVICE, code, message_of(answer))
            )
            raise IntegrationError(
                *words,
                service=SERVICE,
                status=code,
                retryable=code == 429 or code >= 500,
                retry_after=asked_wait(answer),
            )
        body: dict[str, Any] = answer.json() or {}
        status = str(body.get("status") or "created")
        return RunPoll(_status(status), status, body.get("web_url"))


def _status(word: str) -> RunStatus:
    if word in SUCCEEDED:
        return "succeeded"
    if word in FAILED:
        return "failed"
    if word in QUEUED:
        return "queued"
    return "running"  # running, canceling, manual (waits for someone to start a job)
