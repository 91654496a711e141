"""HCP Terraform / Terraform Enterprise as a reapply target: look the workspace up by name,
create a run targeted at the finding's addresses (`target-addrs`, auto-apply: the approvals were
given in Slack), and follow it with `GET /runs/:id` (never the run listings, which allow 30
requests a minute). JSON:API bodies, `Authorization: Bearer`.

HCP Terraform answers 404, not 403, to a token that may not see the workspace, and organization
tokens cannot start runs. A run whose plan waits for a confirmation (the token's user may not
auto-apply there) is shown as running, waiting for a confirmation in HCP Terraform."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from bot.errors import IntegrationError
from bot.lifecycle.external import ReapplyRun, RunStatus
from bot.messages import integrations as say
from bot.policy.targets import TerraformCloud
from bot.shell.http import Answer, Http, asked_wait
from bot.shell.reapply.base import ReapplyContext, RunPoll, RunRef
from bot.shell.secrets import secret

SERVICE = "terraform_cloud"
JSON_API = "application/vnd.api+json"
QUEUED = frozenset({"pending", "fetching", "fetching_completed", "queuing", "plan_queued"})
SUCCEEDED = frozenset({"applied", "planned_and_finished"})
FAILED = frozenset({"errored", "discarded", "canceled", "force_canceled", "policy_soft_failed"})


def headers(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": JSON_API, "Accept": JSON_API}


def detail_of(answer: Answer) -> str:
    body = answer.json()
    if isinstance(body, dict) and isinstance(body.get("errors"), list) and body["errors"]:
        first = body["errors"][0]
        if isinstance(first, dict):
            return str(first.get("detail") or first.get("title") or "")[:300]
    return answer.text()


def error(answer: Answer, target: TerraformCloud) -> IntegrationError:
    status = answer.status
    if status == 401:
        words = say.tfc_token_refused(target.token_env)
    elif status == 404:
        words = say.tfc_not_found(target.organization, target.workspace, target.token_env)
    elif status == 422:
        words = say.tfc_unprocessable(target.workspace, detail_of(answer))
    elif status == 409:
        words = say.tfc_conflict(target.workspace, detail_of(answer))
    elif status == 429 or status >= 500:
        words = say.kept_failing(say.TFC, status)
    else:
        words = say.failed_with(SERVICE, status, detail_of(answer))
    retryable = status == 429 or status >= 500
    return IntegrationError(
        *words, service=SERVICE, status=status, retryable=retryable, retry_after=asked_wait(answer)
    )


class TerraformCloudClient:
    """Create and follow a run."""

    async def dispatch(self, target: TerraformCloud, ctx: ReapplyContext) -> RunRef:
        token = secret(ctx.environ, target.token_env, "fix.reapply.terraform_cloud.token_env")
        http = Http(SERVICE, secrets=[token], sleep=ctx.sleep)
        addresses = list(ctx.record.finding.addresses)
        if not addresses:
            raise IntegrationError(*say.tfc_no_addresses(ctx.record.resource), service=SERVICE)
        org, ws = quote(target.organization, safe=""), quote(target.workspace, safe="")
        found = await http.request(
            "GET",
            f"{target.api_url}/api/v2/organizations/{org}/workspaces/{ws}",
            headers=headers(token),
        )
        if found.status != 200:
            raise error(found, target)
        workspace_id = str(((found.json() or {}).get("data") or {}).get("id", ""))
        body = {
            "data": {
                "type": "runs",
                "attributes": {
                    "message": say.tfc_run_message(ctx.record.id, ctx.request_id),
                    "target-addrs": addresses,
                    "auto-apply": True,
                },
                "relationships": {
                    "workspace": {"data": {"type": "workspaces", "id": workspace_id}}
                },
            }
        }
        made = await http.request(
            "POST", f"{target.api_url}/api/v2/runs", headers=headers(token), json=body
        )
        if made.status != 201:
            raise error(made, target)
        data: dict[str, Any] = (made.json() or {}).get("data") or {}
        run_id = str(data.get("id", ""))
        status = str((data.get("attributes") or {}).get("status") or "pending")
        return RunRef(_status(status, {}), run_id, self.link(target, run_id), status)

    def link(self, target: TerraformCloud, run_id: str) -> str:
        return (
            f"{target.api_url}/app/{target.organization}/workspaces/{target.workspace}"
            f"/runs/{run_id}"
        )

    async def poll(self, target: TerraformCloud, run: ReapplyRun, ctx: ReapplyContext) -> RunPoll:
        token = secret(ctx.environ, target.token_env, "fix.reapply.terraform_cloud.token_env")
        http = Http(SERVICE, secrets=[token], sleep=ctx.sleep)
        answer = await http.request(
            "GET", f"{target.api_url}/api/v2/runs/{run.run_id}", headers=headers(token)
        )
        if answer.status != 200:
            raise error(answer, target)
        attributes: dict[str, Any] = ((answer.json() or {}).get("data") or {}).get(
            "attributes"
        ) or {}
        status = str(attributes.get("status") or "pending")
        actions = attributes.get("actions") or {}
        detail = say.tfc_waiting(status) if actions.get("is-confirmable") else status
        return RunPoll(_status(status, actions), detail)


def _status(word: str, actions: dict[str, Any]) -> RunStatus:
    if word in SUCCEEDED:
        return "succeeded"
    if word in FAILED:
        return "failed"
    if word in QUEUED:
        return "queued"
    return "running"
