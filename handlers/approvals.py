"""Reapply and its approval: the card's Reapply button posts an approval request to the
environment's approvers, whose Approve and Deny buttons count under compare-and-set in Redis,
so a double click, two approvers at once, or a click on an outdated message changes state once.
The last approval records the run on the finding (`approved`) before the worker is asked to
trigger it, so the card says so at once and offers no second Reapply. The card shows the
request: the notifier re-renders it from an outbox entry (`Store.redraw`), as it does for
every other change; nothing here draws the card."""

from __future__ import annotations

import uuid

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.config.drift import EnvSlack
from bot.errors import Refused, SlackError
from bot.lifecycle.approvals import ApprovalRequest, approve, deny, needed_approvals, new_request
from bot.lifecycle.external import ReapplyRun
from bot.lifecycle.runs import run_approved
from bot.lifecycle.transitions import FindingRecord, Transition
from bot.messages.slack import answers as say
from bot.policy.approvers import approvers_for
from bot.policy.runbook import Runbook
from bot.slack import render_approval_request
from handlers import payloads
from handlers.base import HandlerBase, explain
from handlers.payloads import Body


class ApprovalHandlers(HandlerBase):
    async def on_reapply(self, ack: AsyncAck, body: Body, respond: AsyncRespond) -> None:
        await ack()
        try:
            env, fid = payloads.button(body)
            user = payloads.user_id(body)
            conf = await self.access.require_checker(user, env)
            record = await self.finding(env, fid)
            if record.state in ("resolved", "reapplying"):
                raise Refused(say.nothing_to_reapply(record.state))
            runbook = self.deps.runbooks.get(record.finding.runbook or "")
            if runbook is None or runbook.fix.reapply is None:
                raise Refused(say.runbook_cannot_reapply(record.finding.runbook))
            await self._request(body, record, runbook, user, conf, respond)
        except Exception as exc:  # after the ack: told, never raised (see base.py)
            await self.tell(body, respond, explain(exc))

    async def _request(
        self,
        body: Body,
        record: FindingRecord,
        runbook: Runbook,
        user: str,
        conf: EnvSlack,
        respond: AsyncRespond,
    ) -> None:
        """Post the approval request in the card's thread, unless one is pending already."""
        rules = runbook.fix.approvals
        approvers = approvers_for(runbook, conf)
        if approvers.nobody:
            raise Refused(say.nobody_may_approve(record.env))
        request = new_request(
            f"r-{uuid.uuid4().hex[:12]}",
            record.env,
            record.id,
            user,
            needed_approvals(rules.count, conf.protected, conf.approvals),
            approvers,
            rules.requester_can_approve,
            rules.expires_after,
            self.deps.clock(),
        )
        existing = await self.deps.state.create_approval(request)
        if existing is not None:
            await self.tell(
                body, respond, say.reapply_already_asked(len(existing.approvals), existing.needed)
            )
            return
        card = await self.deps.state.card(record.env, record.id)
        message = render_approval_request(record, request, runbook)
        thread = (card.get("thread") or card.get("ts")) if card else None
        try:
            ts, _ = await self.poster.post(
                f"approval:{request.id}",
                conf.channel,
                message.text,
                message.blocks,
                thread_ts=thread or None,
            )
        except SlackError:  # nobody could approve a request they can't see: it is withdrawn
            await self.deps.state.update_approval(
                request.id,
                lambda r: r.model_copy(update={"state": "expired", "version": r.version + 1}),
            )
            raise
        await self.deps.state.update_approval(
            request.id,
            lambda r: r.model_copy(
                update={"channel": conf.channel, "ts": ts, "version": r.version + 1}
            ),
        )
        await self.deps.store.redraw(record.env, record.id)

    async def approved(
        self,
        env: str,
        record: FindingRecord,
        runbook: Runbook,
        request: ApprovalRequest,
        attempt: int,
    ) -> bool:
        """Record the approved run on the finding, then queue its trigger (False: that
        attempt was queued already)."""
        now = self.deps.clock()
        reapply = runbook.fix.reapply
        run = ReapplyRun(
            target=reapply.kind if reapply is not None else "webhook",
            request_id=request.id,
            attempt=attempt,
            status="approved",
            requested_by=request.requester,
            approved_by=list(request.approvals),
            started_at=now,
            updated_at=now,
        )

        def update(r: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
            return (r, []) if r is None else run_approved(r, run, now)

        await self.deps.store.apply(env, record.id, update)
        return await self.deps.queue.enqueue_reapply(env, request.id, attempt)

    async def on_approve(self, ack: AsyncAck, body: Body, respond: AsyncRespond) -> None:
        await ack()
        await self._decide(body, respond, approving=True)

    async def on_deny(self, ack: AsyncAck, body: Body, respond: AsyncRespond) -> None:
        await ack()
        await self._decide(body, respond, approving=False)

    async def _decide(self, body: Body, respond: AsyncRespond, *, approving: bool) -> None:
        """Count an approval or a denial (ApprovalRefused, a Refused, says why one does not
        count), update the request's message, say so in the card's thread, and queue the
        reapply once the last approval needed is in."""
        try:
            env, request_id = payloads.button(body)
            user = payloads.user_id(body)
            request = await self.deps.state.approval(request_id)
            if request is None or request.env != env:
                raise Refused(say.request_gone())
            conf = self.access.env_slack(env)  # no longer on Slack: no decisions
            record = await self.finding(env, request.finding_id)
            runbook = self.deps.runbooks.get(record.finding.runbook or "")
            # Who may decide is read from drift.yml and the runbook now, not when the request
            # was made: an approver removed since has no say.
            current = approvers_for(runbook, conf)
            groups = await self.access.groups_of(user, list(current.groups))
            now = self.deps.clock()
            change = approve if approving else deny
            who = {"approver_groups": list(current.groups), "approver_users": list(current.users)}
            before, after = await self.deps.state.update_approval(
                request_id, lambda r: change(r.model_copy(update=who), user, groups, now)
            )
            if after.channel and after.ts and runbook is not None:
                message = render_approval_request(record, after, runbook)
                await self.deps.slack.update(after.channel, after.ts, message.text, message.blocks)
            card = await self.deps.state.card(record.env, record.id)
            if card is not None and card.get("ts"):
                decided = say.reapply_decided(
                    f"<@{user}>", approving, len(after.approvals), after.needed
                )
                key = f"decided:{request_id}:{after.version}"
                thread = card.get("thread") or card["ts"]
                await self.poster.post(key, card["channel"], decided, thread_ts=thread)
            if before.state == "pending" and after.state == "approved" and runbook is not None:
                await self.approved(env, record, runbook, after, 1)
            await self.deps.store.redraw(record.env, record.id)
        except Exception as exc:  # after the ack: told, never raised (see base.py)
            await self.tell(body, respond, explain(exc))
