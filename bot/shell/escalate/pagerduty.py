"""PagerDuty as an escalation target, through the Events API v2 (`POST /v2/enqueue`): the
routing key in the body is the only authentication; `trigger` with `dedup_key` = the finding's
id, a summary that says what changed and the card's link; `resolve` with the same key when the
finding resolves or is accepted. The API is asynchronous (202 means accepted) and has no read
endpoint, so the card shows the dedup key."""

from __future__ import annotations

from typing import Any

from bot.errors import IntegrationError
from bot.lifecycle.external import ExternalLink
from bot.messages import escalation as words
from bot.messages import integrations as say
from bot.policy.escalation import PagerDuty
from bot.shell.escalate.base import EscalateContext, details, summary
from bot.shell.http import Answer, Http
from bot.shell.secrets import secret

SERVICE = "pagerduty"
MAX_SUMMARY = 1024


def error(answer: Answer, target: PagerDuty) -> IntegrationError:
    status = answer.status
    body = answer.json()
    detail = answer.text()
    if isinstance(body, dict):
        said = [str(body.get("message") or "")] + [str(e) for e in body.get("errors") or []]
        detail = "; ".join(s for s in said if s)[:300]
    if status == 400:
        texts = say.pagerduty_refused(target.routing_key_env, detail)
    elif status == 429 or status >= 500:
        texts = say.kept_failing(say.PAGERDUTY, status)
    else:
        texts = say.failed_with(SERVICE, status, detail)
    retryable = status == 429 or status >= 500
    return IntegrationError(*texts, service=SERVICE, status=status, retryable=retryable)


class PagerDutyClient:
    async def _send(self, target: PagerDuty, ctx: EscalateContext, event: dict[str, Any]) -> str:
        key = secret(ctx.environ, target.routing_key_env, "fix.escalate.pagerduty.routing_key_env")
        http = Http(SERVICE, secrets=[key], sleep=ctx.sleep)
        answer = await http.request(
            "POST", f"{target.api_url}/v2/enqueue", json={"routing_key": key, **event}
        )
        if answer.status != 202:
            raise error(answer, target)
        return str((answer.json() or {}).get("dedup_key") or ctx.record.id)

    async def open(
        self, target: PagerDuty, ctx: EscalateContext, existing: ExternalLink | None
    ) -> ExternalLink:
        r, f = ctx.record, ctx.record.finding
        event: dict[str, Any] = {
            "event_action": "trigger",
            "dedup_key": r.id,
            "payload": {
                "summary": summary(r)[:MAX_SUMMARY],
                "source": f.resource_id[:255] or f.resource_type,
                "severity": target.severity_for(f.severity),
                "timestamp": ctx.now.isoformat(),
                "component": f.resource_type,
                "group": r.env,
                "class": f.kind,
                "custom_details": details(r, ctx.by, ctx.note),
            },
            "client": "driftbot",
        }
        if ctx.card_url:
            event["client_url"] = ctx.card_url
            event["links"] = [{"href": ctx.card_url, "text": words.card_link_text()}]
        key = await self._send(target, ctx, event)
        return ExternalLink(kind="pagerduty", target=SERVICE, key=key, by=ctx.by, at=ctx.now)

    async def close(self, target: PagerDuty, ctx: EscalateContext, link: ExternalLink) -> bool:
        await self._send(target, ctx, {"event_action": "resolve", "dedup_key": link.key})
        return True
