"""The card's Accept and Escalate buttons: each acks, checks, and opens its modal at once (the
trigger_id lasts 3 seconds); the modal carries the finding's version (see `views.py`). Reapply
and the approval buttons are in `approvals.py`."""

from __future__ import annotations

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.errors import Refused
from bot.lifecycle.transitions import FindingRecord
from bot.messages.integrations import label as integration_label
from bot.messages.slack import answers as say
from bot.slack import render_accept_modal, render_escalate_modal
from handlers import payloads
from handlers.base import HandlerBase, explain
from handlers.payloads import Body, FormMeta

EXTERNAL_PREFIX = "@"  # an Escalate option's value for a target outside Slack: `@pagerduty`


class ActionHandlers(HandlerBase):
    async def on_accept(self, ack: AsyncAck, body: Body, respond: AsyncRespond) -> None:
        await ack()
        try:
            env, fid = payloads.button(body)
            await self.access.require_checker(payloads.user_id(body), env)
            record = await self.finding(env, fid)
            if record.state == "resolved":
                raise Refused(say.nothing_to_accept())
            meta = FormMeta(env, fid, record.version).dumps()
            codify = self.deps.loaded.config.environments[env].codify
            note = codify is not None and record.finding.kind == "modified"
            view = render_accept_modal(record, meta, iac_note=note)
            await self.deps.slack.open_view(payloads.trigger_id(body), view)
        except Exception as exc:  # after the ack: told, never raised (see base.py)
            await self.tell(body, respond, explain(exc))

    async def on_escalate(self, ack: AsyncAck, body: Body, respond: AsyncRespond) -> None:
        await ack()
        try:
            env, fid = payloads.button(body)
            conf = await self.access.require_checker(payloads.user_id(body), env)
            record = await self.finding(env, fid)
            if record.state == "resolved":
                raise Refused(say.nothing_to_escalate())
            targets, default = self._targets(record, conf.escalation_channel, conf.channel)
            meta = FormMeta(env, fid, record.version).dumps()
            view = render_escalate_modal(record, targets, default, meta)
            await self.deps.slack.open_view(payloads.trigger_id(body), view)
        except Exception as exc:  # after the ack: told, never raised (see base.py)
            await self.tell(body, respond, explain(exc))

    def _targets(
        self, record: FindingRecord, escalation_channel: str | None, channel: str
    ) -> tuple[list[tuple[str, str]], str | None]:
        """Escalation targets as (label, value): Slack ones `CHANNEL|GROUP`, the runbook's
        first; then the runbook's targets outside Slack, `@pagerduty`, `@jira`…"""
        runbook = self.deps.runbooks.get(record.finding.runbook or "")
        out: list[tuple[str, str]] = []
        esc = runbook.fix.escalate if runbook is not None else None
        if runbook is not None and esc is not None and (esc.channel or esc.usergroup):
            target_channel = esc.channel or escalation_channel or channel
            label = say.runbook_channel_label(runbook.name)
            out.append((label[:75], f"{target_channel}|{esc.usergroup or ''}"))
        if runbook is not None and esc is not None:
            for kind in esc.external:
                text = say.external_target_label(runbook.name, integration_label(kind))
                out.append((text[:75], f"{EXTERNAL_PREFIX}{kind}"))
        if escalation_channel:
            out.append((say.escalation_channel_label(), f"{escalation_channel}|"))
        out.append((say.env_channel_label(), f"{channel}|"))
        return out, out[0][1]
