"""The card's buttons and the approval buttons. Each acks at once; state changes are
compare-and-set in Redis, so a double click, two approvers at once, or a click on an outdated
card changes state once; cards are re-rendered from the stored state, never from the click."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

import orjson

from bot.lifecycle.approvals import ApprovalRefused, approve, deny, needed_approvals, new_request
from bot.lifecycle.transitions import FindingRecord
from bot.policy.runbook import Runbook
from bot.slack import (
    render_accept_modal,
    render_approval_request,
    render_card,
    render_escalate_modal,
)
from handlers.base import HandlerBase, Refused, log, split_value


def _user(body: dict[str, Any]) -> str:
    return str(body.get("user", {}).get("id", ""))


def _value(body: dict[str, Any]) -> str:
    actions = body.get("actions") or [{}]
    return str(actions[0].get("value", ""))


class ActionHandlers(HandlerBase):
    async def _say(self, respond: Any, text: str) -> None:
        """An ephemeral line to the person who clicked."""
        try:
            await respond(text=text, response_type="ephemeral", replace_original=False)
        except Exception:  # no response_url (App Home): nothing else to do
            log.info("could not reply to a click: %s", text)

    async def _finding(self, env: str, fid: str) -> FindingRecord:
        record = await self.deps.store.get(env, fid)
        if record is None:
            raise Refused("That finding is no longer stored (its history may have expired).")
        return record

    async def refresh_card(self, record: FindingRecord, card: Mapping[str, str] | None) -> None:
        """Re-render a card from the stored state (e.g. after an approval changed); `card` is
        where it is (`state.card`), read once by the caller."""
        if card is None or not await self.deps.state.lock_card(record.env, record.id):
            return
        try:
            runbook = self.deps.runbooks.get(record.finding.runbook or "")
            approval = await self.deps.state.open_approval(record.env, record.id)
            message = render_card(record, runbook, approval, now=self.deps.clock())
            await self.deps.slack.update(card["channel"], card["ts"], message.text, message.blocks)
        finally:
            await self.deps.state.unlock_card(record.env, record.id)

    # ---- Accept and Escalate open a modal at once (the trigger_id lasts 3 seconds) ------------

    async def on_accept(self, ack: Any, body: dict[str, Any], respond: Any) -> None:
        await ack()
        try:
            env, fid = split_value(_value(body))
            await self.require_checker(_user(body), env)
            record = await self._finding(env, fid)
            if record.state == "resolved":
                raise Refused("It is already resolved: nothing to accept.")
            meta = orjson.dumps({"env": env, "fid": fid, "version": record.version}).decode()
            await self.deps.slack.open_view(body["trigger_id"], render_accept_modal(record, meta))
        except Refused as exc:
            await self._say(respond, str(exc))

    async def on_escalate(self, ack: Any, body: dict[str, Any], respond: Any) -> None:
        await ack()
        try:
            env, fid = split_value(_value(body))
            conf = await self.require_checker(_user(body), env)
            record = await self._finding(env, fid)
            if record.state == "resolved":
                raise Refused("It is already resolved: nothing to escalate.")
            targets, default = self._targets(record, conf.escalation_channel, conf.channel)
            meta = orjson.dumps({"env": env, "fid": fid, "version": record.version}).decode()
            view = render_escalate_modal(record, targets, default, meta)
            await self.deps.slack.open_view(body["trigger_id"], view)
        except Refused as exc:
            await self._say(respond, str(exc))

    def _targets(
        self, record: FindingRecord, escalation_channel: str | None, channel: str
    ) -> tuple[list[tuple[str, str]], str | None]:
        """Escalation targets as (label, value `CHANNEL|GROUP`): the runbook's first."""
        runbook = self.deps.runbooks.get(record.finding.runbook or "")
        out: list[tuple[str, str]] = []
        if runbook is not None and runbook.fix.escalate is not None:
            esc = runbook.fix.escalate
            target_channel = esc.channel or escalation_channel or channel
            label = f"{runbook.name}: {esc.channel or ''} {esc.usergroup or ''}".strip()
            out.append((label[:75], f"{target_channel}|{esc.usergroup or ''}"))
        if escalation_channel:
            out.append(("the environment's escalation channel", f"{escalation_channel}|"))
        out.append(("this environment's channel", f"{channel}|"))
        return out, out[0][1]

    # ---- Reapply: an approval request to the environment's approvers --------------------------

    async def on_reapply(self, ack: Any, body: dict[str, Any], respond: Any) -> None:
        await ack()
        try:
            env, fid = split_value(_value(body))
            user = _user(body)
            conf = await self.require_checker(user, env)
            record = await self._finding(env, fid)
            if record.state in ("resolved", "reapplying"):
                raise Refused(f"It is {record.state}: there is nothing to reapply.")
            runbook = self.deps.runbooks.get(record.finding.runbook or "")
            if runbook is None or runbook.fix.reapply is None:
                raise Refused(
                    f"The runbook `{record.finding.runbook}` has no reapply target "
                    "(`fix.reapply`), so driftbot can't trigger the pipeline for it."
                )
            await self._request(
                record,
                runbook,
                user,
                conf.channel,
                conf.protected,
                conf.approvals,
                conf.approvers,
                respond,
            )
        except Refused as exc:
            await self._say(respond, str(exc))

    async def _request(
        self,
        record: FindingRecord,
        runbook: Runbook,
        user: str,
        channel: str,
        protected: bool,
        env_count: int,
        env_approvers: list[str],
        respond: Any,
    ) -> None:
        rules = runbook.fix.approvals
        request = new_request(
            f"r-{uuid.uuid4().hex[:12]}",
            record.env,
            record.id,
            user,
            needed_approvals(rules.count, protected, env_count),
            list(rules.groups or env_approvers),
            rules.requester_can_approve,
            rules.expires_after,
            self.deps.clock(),
        )
        existing = await self.deps.state.create_approval(request)
        if existing is not None:
            await self._say(
                respond,
                f"A reapply request is already waiting for approval "
                f"({len(existing.approvals)}/{existing.needed}).",
            )
            return
        card = await self.deps.state.card(record.env, record.id)
        message = render_approval_request(record, request, runbook)
        ts = await self.deps.slack.post(
            channel, message.text, message.blocks, thread_ts=card["ts"] if card else None
        )
        await self.deps.state.update_approval(
            request.id,
            lambda r: r.model_copy(update={"channel": channel, "ts": ts, "version": r.version + 1}),
        )
        await self.refresh_card(record, card)

    async def on_approve(self, ack: Any, body: dict[str, Any], respond: Any) -> None:
        await ack()
        await self._decide(body, respond, approving=True)

    async def on_deny(self, ack: Any, body: dict[str, Any], respond: Any) -> None:
        await ack()
        await self._decide(body, respond, approving=False)

    async def _decide(self, body: dict[str, Any], respond: Any, *, approving: bool) -> None:
        try:
            env, request_id = split_value(_value(body))
            user = _user(body)
            request = await self.deps.state.approval(request_id)
            if request is None:
                raise Refused("That reapply request is no longer stored (it expired).")
            groups = await self.groups_of(user, request.approver_groups)
            now = self.deps.clock()
            change = approve if approving else deny
            try:
                before, after = await self.deps.state.update_approval(
                    request_id, lambda r: change(r, user, groups, now)
                )
            except ApprovalRefused as exc:
                await self._say(respond, exc.message)
                return
            record = await self._finding(env, after.finding_id)
            runbook = self.deps.runbooks.get(record.finding.runbook or "")
            if after.channel and after.ts and runbook is not None:
                message = render_approval_request(record, after, runbook)
                await self.deps.slack.update(after.channel, after.ts, message.text, message.blocks)
            verb = "approved" if approving else "turned down"
            card = await self.deps.state.card(record.env, record.id)
            if card is not None:
                await self.deps.slack.post(
                    card["channel"],
                    f"<@{user}> {verb} the reapply request "
                    f"({len(after.approvals)}/{after.needed} approvals).",
                    thread_ts=card["ts"],
                )
            if before.state == "pending" and after.state == "approved":
                await self.deps.queue.enqueue_reapply(env, request_id)
            await self.refresh_card(record, card)
        except Refused as exc:
            await self._say(respond, str(exc))
