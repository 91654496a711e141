"""GitHub issues as an escalation target: an issue is created once per finding (`POST
/repos/{repo}/issues`, with the runbook's labels); a later escalation comments on it (and
reopens it if it was closed); when the finding resolves or is accepted, a comment says why and
the issue is closed (`state_reason` completed, or not_planned for an accepted drift)."""

from __future__ import annotations

from bot.errors import IntegrationError
from bot.lifecycle.external import ExternalLink
from bot.messages import escalation as words
from bot.messages import integrations as say
from bot.policy.escalation import GithubIssue
from bot.shell.escalate.base import EscalateContext, description, ended, title
from bot.shell.http import Answer, Http
from bot.shell.reapply.github_actions import github_retryable, headers, message_of
from bot.shell.secrets import secret

SERVICE = "github_issue"


def error(answer: Answer, target: GithubIssue) -> IntegrationError:
    status = answer.status
    if status == 401:
        texts = say.github_token_refused(target.token_env, target.repo)
    elif status == 403 and not github_retryable(answer):
        texts = say.github_cannot_write_issues(target.token_env, target.repo)
    elif status in (404, 410):
        texts = say.github_no_issues(target.repo, target.token_env)
    elif status == 422:
        texts = say.github_issue_invalid(target.repo, message_of(answer))
    elif github_retryable(answer):
        texts = say.kept_failing(say.GITHUB, status)
    else:
        texts = say.failed_with(SERVICE, status, message_of(answer))
    return IntegrationError(
        *texts, service=SERVICE, status=status, retryable=github_retryable(answer)
    )


class GithubIssueClient:
    def _http(self, target: GithubIssue, ctx: EscalateContext) -> tuple[Http, dict[str, str]]:
        token = secret(ctx.environ, target.token_env, "fix.escalate.github_issue.token_env")
        http = Http(SERVICE, secrets=[token], sleep=ctx.sleep, retryable=github_retryable)
        return http, headers(token)

    async def _comment(
        self, target: GithubIssue, ctx: EscalateContext, number: str, text: str
    ) -> None:
        http, sent = self._http(target, ctx)
        url = f"{target.api_url}/repos/{target.repo}/issues/{number}/comments"
        answer = await http.request("POST", url, headers=sent, json={"body": text})
        if answer.status != 201:
            raise error(answer, target)

    async def _state(
        self, target: GithubIssue, ctx: EscalateContext, number: str, state: dict[str, str]
    ) -> None:
        http, sent = self._http(target, ctx)
        url = f"{target.api_url}/repos/{target.repo}/issues/{number}"
        answer = await http.request("PATCH", url, headers=sent, json=state)
        if answer.status != 200:
            raise error(answer, target)

    async def open(
        self, target: GithubIssue, ctx: EscalateContext, existing: ExternalLink | None
    ) -> ExternalLink:
        if existing is not None:
            text = words.again(ctx.by, ctx.note, ctx.record.state)
            await self._comment(target, ctx, existing.key, text)
            if existing.state == "closed":
                await self._state(target, ctx, existing.key, {"state": "open"})
            return existing.model_copy(update={"at": ctx.now, "state": "open"})
        http, sent = self._http(target, ctx)
        r = ctx.record
        body = {
            "title": title(r),
            "body": description(ctx),
            "labels": list(target.labels),
        }
        answer = await http.request(
            "POST", f"{target.api_url}/repos/{target.repo}/issues", headers=sent, json=body
        )
        if answer.status != 201:
            raise error(answer, target)
        made = answer.json() or {}
        return ExternalLink(
            kind="github_issue",
            target=SERVICE,
            key=str(made.get("number", "")),
            url=made.get("html_url"),
            by=ctx.by,
            at=ctx.now,
        )

    async def close(self, target: GithubIssue, ctx: EscalateContext, link: ExternalLink) -> bool:
        await self._comment(target, ctx, link.key, ended(ctx.record))
        reason = "not_planned" if ctx.record.state == "accepted" else "completed"
        await self._state(target, ctx, link.key, {"state": "closed", "state_reason": reason})
        return True
