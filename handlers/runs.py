"""Retry: a failed reapply run, run again. With the approvals already given (the request is
still within its `expires_after`, and the person pressing Retry asked for it or approved it),
the next attempt is queued at once; otherwise the approvers are asked again, as for Reapply.
The card follows from the store's outbox (the notifier draws it)."""

from __future__ import annotations

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.errors import Refused
from bot.messages.integrations import label
from bot.messages.slack import answers as say
from handlers import payloads
from handlers.approvals import ApprovalHandlers
from handlers.payloads import Body


class RunHandlers(ApprovalHandlers):
    async def on_retry(self, ack: AsyncAck, body: Body, respond: AsyncRespond) -> None:
        await ack()
        try:
            env, fid = payloads.button(body)
            user = payloads.user_id(body)
            conf = await self.access.require_checker(user, env)
            record = await self.finding(env, fid)
            run = record.run
            if run is None or run.status != "failed" or record.state in ("resolved", "reapplying"):
                raise Refused(say.nothing_to_retry())
            runbook = self.deps.runbooks.get(record.finding.runbook or "")
            if runbook is None or runbook.fix.reapply is None:
                raise Refused(say.runbook_cannot_reapply(record.finding.runbook))
            request = await self.deps.state.approval(run.request_id)
            consented = request is not None and user in (request.requester, *request.approvals)
            fresh = request is not None and self.deps.clock() < request.expires_at
            if request is not None and request.state == "approved" and consented and fresh:
                queued = await self.approved(env, record, runbook, request, run.attempt + 1)
                await self.deps.store.redraw(env, fid)
                text = say.retry_queued(label(run.target)) if queued else say.retry_already_queued()
                await self.tell(body, respond, text)
                return
            await self._request(body, record, runbook, user, conf, respond)
            await self.tell(body, respond, say.retry_needs_approval())
        except Refused as exc:
            await self.tell(body, respond, str(exc))
