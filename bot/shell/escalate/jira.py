"""Jira Cloud as an escalation target (REST v3, `Authorization: Basic` with the account's email
and an API token): an issue is created once per finding (`POST /rest/api/3/issue`, the
description in Atlassian Document Format); a later escalation comments on it; when the finding
resolves or is accepted, a comment says why and the issue moves through the workflow's
transition to a status of the `done` category (never a hard-coded transition id)."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import quote

from bot.errors import IntegrationError
from bot.lifecycle.external import ExternalLink
from bot.messages import escalation as words
from bot.messages import integrations as say
from bot.policy.escalation import Jira
from bot.shell.escalate.base import EscalateContext, description, ended, title
from bot.shell.http import Answer, Http
from bot.shell.secrets import secret

SERVICE = "jira"


def adf(text: str) -> dict[str, Any]:
    """Plain text as an Atlassian Document: one paragraph per line (empty lines dropped)."""
    paragraphs = [
        {"type": "paragraph", "content": [{"type": "text", "text": line}]}
        for line in text.splitlines()
        if line.strip()
    ]
    return {"type": "doc", "version": 1, "content": paragraphs}


def detail_of(answer: Answer) -> str:
    body = answer.json()
    if isinstance(body, dict):
        said = [str(m) for m in body.get("errorMessages") or []]
        said += [f"{k}: {v}" for k, v in (body.get("errors") or {}).items()]
        if said:
            return "; ".join(said)[:300]
    return answer.text()


def error(answer: Answer, target: Jira, key: str = "") -> IntegrationError:
    status = answer.status
    if status == 401:
        texts = say.jira_auth(target.email_env, target.token_env)
    elif status == 403:
        texts = say.jira_forbidden(target.project, target.email_env)
    elif status == 404:
        texts = say.jira_not_found(key or target.project)
    elif status == 400:
        texts = say.jira_invalid(target.project, target.issue_type, detail_of(answer))
    elif status == 429 or status >= 500:
        texts = say.kept_failing(say.JIRA, status)
    else:
        texts = say.failed_with(SERVICE, status, detail_of(answer))
    retryable = status == 429 or status >= 500
    return IntegrationError(*texts, service=SERVICE, status=status, retryable=retryable)


class JiraClient:
    def _http(self, target: Jira, ctx: EscalateContext) -> tuple[Http, dict[str, str]]:
        email = secret(ctx.environ, target.email_env, "fix.escalate.jira.email_env")
        token = secret(ctx.environ, target.token_env, "fix.escalate.jira.token_env")
        basic = base64.b64encode(f"{email}:{token}".encode()).decode()
        headers = {
            "Authorization": f"Basic {basic}",
            "Accept": "application/json",
            "Content-Type": "application/json",
        }
        return Http(SERVICE, secrets=[token, basic], sleep=ctx.sleep), headers

    async def _comment(self, target: Jira, ctx: EscalateContext, key: str, text: str) -> None:
        http, headers = self._http(target, ctx)
        url = f"{target.base_url}/rest/api/3/issue/{quote(key, safe='')}/comment"
        answer = await http.request("POST", url, headers=headers, json={"body": adf(text)})
        if answer.status != 201:
            raise error(answer, target, key)

    async def open(
        self, target: Jira, ctx: EscalateContext, existing: ExternalLink | None
    ) -> ExternalLink:
        if existing is not None:
            text = words.again(ctx.by, ctx.note, ctx.record.state)
            await self._comment(target, ctx, existing.key, text)
            return existing.model_copy(update={"at": ctx.now})
        http, headers = self._http(target, ctx)
        r = ctx.record
        fields = {
            "project": {"key": target.project},
            "issuetype": {"name": target.issue_type},
            "summary": title(r)[:250],
            "description": adf(description(ctx)),
            "labels": ["driftbot"],
        }
        answer = await http.request(
            "POST", f"{target.base_url}/rest/api/3/issue", headers=headers, json={"fields": fields}
        )
        if answer.status != 201:
            raise error(answer, target)
        key = str((answer.json() or {}).get("key", ""))
        return ExternalLink(
            kind="jira",
            target=SERVICE,
            key=key,
            url=f"{target.base_url}/browse/{key}",
            by=ctx.by,
            at=ctx.now,
        )

    async def close(self, target: Jira, ctx: EscalateContext, link: ExternalLink) -> bool:
        await self._comment(target, ctx, link.key, ended(ctx.record))
        http, headers = self._http(target, ctx)
        url = f"{target.base_url}/rest/api/3/issue/{quote(link.key, safe='')}/transitions"
        answer = await http.request("GET", url, headers=headers)
        if answer.status != 200:
            raise error(answer, target, link.key)
        transitions = (answer.json() or {}).get("transitions") or []
        done = next(
            (
                t
                for t in transitions
                if ((t.get("to") or {}).get("statusCategory") or {}).get("key") == "done"
            ),
            None,
        )
        if done is None:
            return False  # the workflow offers no way to done from here: commented only
        moved = await http.request(
            "POST", url, headers=headers, json={"transition": {"id": str(done["id"])}}
        )
        if moved.status != 204:
            raise error(moved, target, link.key)
        return True
