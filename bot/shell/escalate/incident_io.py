"""incident.io as an escalation target, through an HTTP alert source (`POST
/v2/alert_events/http/{alert_source_config_id}`, `Authorization: Bearer` with the source's
token): an alert event with `deduplication_key` = the finding's id and `status: firing`, then
`status: resolved` with the same key when the finding resolves or is accepted. 202 means the
event was accepted; the card shows the key.

incident.io's errors are JSON (`type`, `status`, `errors[].message`); a 429 may carry its wait
as `rate_limit.retry_after` (an HTTP date) in the body rather than a header, which is honoured
too."""

from __future__ import annotations

import email.utils
import time
from typing import Any

from bot.errors import IntegrationError
from bot.lifecycle.external import ExternalLink
from bot.messages import integrations as say
from bot.policy.escalation import IncidentIo
from bot.shell.escalate.base import EscalateContext, description, details, summary
from bot.shell.http import Answer, Http, retry_after
from bot.shell.secrets import secret

SERVICE = "incident_io"


def wait_of(answer: Answer) -> float | None:
    """`Retry-After`, else the body's `rate_limit.retry_after` (an HTTP date)."""
    header = retry_after(answer)
    if header is not None:
        return header
    body = answer.json()
    limit = body.get("rate_limit") if isinstance(body, dict) else None
    when = limit.get("retry_after") if isinstance(limit, dict) else None
    if not isinstance(when, str):
        return None
    try:
        at = email.utils.parsedate_to_datetime(when)
    except (TypeError, ValueError):
        return None
    return max(0.0, at.timestamp() - time.time())


def detail_of(answer: Answer) -> str:
    body = answer.json()
    if isinstance(body, dict) and isinstance(body.get("errors"), list):
        said = [str(e.get("message", "")) for e in body["errors"] if isinstance(e, dict)]
        if any(said):
            return "; ".join(s for s in said if s)[:300]
    return answer.text()


def error(answer: Answer, target: IncidentIo) -> IntegrationError:
    status = answer.status
    if status == 401:
        texts = say.incident_io_token_refused(target.token_env)
    elif status == 403:
        texts = say.incident_io_forbidden(target.token_env, target.alert_source_config_id)
    elif status == 404:
        texts = say.incident_io_no_source(target.alert_source_config_id)
    elif status == 422:
        texts = say.incident_io_invalid(detail_of(answer))
    elif status == 429 or status >= 500:
        texts = say.kept_failing(say.INCIDENT_IO, status)
    else:
        texts = say.failed_with(SERVICE, status, detail_of(answer))
    retryable = status == 429 or status >= 500
    return IntegrationError(*texts, service=SERVICE, status=status, retryable=retryable)


class IncidentIoClient:
    async def _send(self, target: IncidentIo, ctx: EscalateContext, event: dict[str, Any]) -> str:
        token = secret(ctx.environ, target.token_env, "fix.escalate.incident_io.token_env")
        http = Http(SERVICE, secrets=[token], sleep=ctx.sleep, wait_of=wait_of)
        url = f"{target.api_url}/v2/alert_events/http/{target.alert_source_config_id}"
        answer = await http.request(
            "POST", url, headers={"Authorization": f"Bearer {token}"}, json=event
        )
        if answer.status not in (200, 201, 202):
            raise error(answer, target)
        return str((answer.json() or {}).get("deduplication_key") or ctx.record.id)

    def _event(self, ctx: EscalateContext, status: str) -> dict[str, Any]:
        r = ctx.record
        event: dict[str, Any] = {
            "title": summary(r),
            "status": status,
            "deduplication_key": r.id,
            "description": description(ctx),
            "metadata": details(r, ctx.by, ctx.note),
        }
        if ctx.card_url:
            event["source_url"] = ctx.card_url
        return event

    async def open(
        self, target: IncidentIo, ctx: EscalateContext, existing: ExternalLink | None
    ) -> ExternalLink:
        key = await self._send(target, ctx, self._event(ctx, "firing"))
        return ExternalLink(kind="incident_io", target=SERVICE, key=key, by=ctx.by, at=ctx.now)

    async def close(self, target: IncidentIo, ctx: EscalateContext, link: ExternalLink) -> bool:
        await self._send(target, ctx, self._event(ctx, "resolved"))
        return True
