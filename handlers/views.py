"""Modal submissions: Accept (reason, optional expiry) and Escalate (target, note).

The modal carries the finding's version from when it was opened: if the finding changed in
between (someone else accepted it, a new change arrived), nothing is applied and the person is
told (`Stale`), so two modals opened from one card change state once. The card then follows
from the store's outbox, through the notifier."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, time

from slack_bolt.context.ack.async_ack import AsyncAck

from bot.errors import InvalidTransition, Refused, SlackError, Stale
from bot.lifecycle.transitions import FindingRecord, Transition, accept, escalate
from bot.messages.integrations import label
from bot.messages.slack import answers as say
from bot.shell.home import workspace_url
from bot.slack import InputId, render_escalation
from bot.slack.text import permalink
from handlers import payloads
from handlers.actions import EXTERNAL_PREFIX
from handlers.base import HandlerBase, explain, log
from handlers.payloads import Body, FormMeta

Change = Callable[[FindingRecord], tuple[FindingRecord, list[Transition]]]


class ViewHandlers(HandlerBase):
    async def _notify(self, user: str, env: str, text: str) -> None:
        """An ephemeral line in the environment's channel (a submission has no response_url);
        for someone who is not in it (the modal came from App Home), a DM."""
        environment = self.deps.loaded.config.environments.get(env)
        conf = environment.slack if environment is not None else None
        if conf is not None:
            try:
                await self.deps.slack.ephemeral(conf.channel, user, text)
                return
            except Exception:
                log.info("could not tell %s in %s; trying a DM", user, conf.channel)
        try:
            await self.poster.post(f"notice:{uuid.uuid4().hex}", user, text)
        except Exception:
            log.info("could not tell %s: %s", user, text)

    async def _apply(self, meta: FormMeta, done: str, change: Change) -> FindingRecord | None:
        """Apply `change` to the finding at the version the modal was opened on; Stale (saying
        nothing was `done`) when it moved on since, Refused when the lifecycle refuses."""

        def update(record: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
            if record is None:
                raise Refused(say.finding_gone())
            if record.version != meta.version:
                raise Stale(say.form_was_stale(done))
            try:
                after, made = change(record)
            except InvalidTransition as exc:
                raise Refused(say.cannot_do(exc.user_message)) from exc
            return after, made

        after, _ = await self.deps.store.apply(meta.env, meta.fid, update)
        return after

    async def on_accept_submitted(self, ack: AsyncAck, body: Body) -> None:
        meta = payloads.form_meta(body)  # before the ack: a malformed form is a 400
        reason_block, reason = payloads.input_value(body, InputId.REASON)
        until_block, until_text = payloads.input_value(body, InputId.UNTIL)
        user = payloads.user_id(body)
        until = None
        if until_text:
            day = payloads.picked_day(until_text)
            until = datetime.combine(day, time(23, 59, 59), tzinfo=UTC)
            if until <= self.deps.clock():
                await ack(response_action="errors", errors={until_block: say.pick_a_future_day()})
                return
        if not reason or not reason.strip():
            await ack(response_action="errors", errors={reason_block: say.say_why()})
            return
        await ack()
        try:
            await self.access.require_checker(user, meta.env)
            now = self.deps.clock()
            why = reason.strip()
            after = await self._apply(
                meta, "accepted", lambda r: accept(r, f"<@{user}>", why, until, now)
            )
            codify = self.deps.loaded.config.environments[meta.env].codify
            if (
                after is not None
                and codify is not None
                and payloads.checked(body, InputId.IAC_NOTE)
            ):
                await self.deps.queue.enqueue_codify(
                    meta.env, meta.fid, "iac_note", user, str(after.version), note=why
                )
                await self._notify(user, meta.env, say.iac_note_queued(label(codify.forge)))
        except Exception as exc:  # after the ack: told, never raised (see base.py)
            await self._notify(user, meta.env, explain(exc))

    async def on_escalate_submitted(self, ack: AsyncAck, body: Body) -> None:
        meta = payloads.form_meta(body)  # before the ack: a malformed form is a 400
        _, target = payloads.input_value(body, InputId.TARGET)
        _, note = payloads.input_value(body, InputId.NOTE)
        user = payloads.user_id(body)
        if (target or "").startswith(EXTERNAL_PREFIX):
            await ack()
            await self._escalate_outside(user, meta, (target or "")[1:], note or "")
            return
        channel, _, group = (target or "").partition("|")
        await ack()
        try:
            await self.access.require_checker(user, meta.env)
            if not channel:
                raise Refused(say.pick_a_target())
            await self.escalate_to_channel(user, meta, channel, group, note or "")
        except Exception as exc:  # after the ack: told, never raised (see base.py)
            await self._notify(user, meta.env, explain(exc))

    async def escalate_to_channel(
        self, user: str, meta: FormMeta, channel: str, group: str, note: str
    ) -> FindingRecord | None:
        """Post the escalation message first; only once it is posted is the finding escalated.
        A post Slack refuses (the bot is not in the channel, …) leaves the finding as it was:
        the person is told why and what to do, and the card's thread says so too."""
        record = await self.finding(meta.env, meta.fid)
        if record.version != meta.version:
            raise Stale(say.form_was_stale("escalated"))
        if record.state == "resolved":
            raise Refused(say.nothing_to_escalate())
        card = await self.deps.state.card(meta.env, meta.fid)
        link = None
        if card and card.get("ts"):
            url = await workspace_url(self.deps.state, self.deps.slack)
            thread = card.get("thread") or None
            link = permalink(url, card["channel"], card["ts"], thread) if url else None
        message = render_escalation(record, group or None, note, user, link)
        where = f"<#{channel}>"
        try:
            await self.poster.post(
                f"escalate:{meta.env}:{meta.fid}:{meta.version}:{channel}",
                channel,
                message.text,
                message.blocks,
            )
        except SlackError as exc:
            await self._notify(
                user, meta.env, say.escalation_not_posted(where, exc.code, exc.hint or "")
            )
            if card and card.get("ts"):
                said = say.escalation_failed_thread(f"<@{user}>", where, exc.code, exc.hint or "")
                key = f"escalate-failed:{meta.env}:{meta.fid}:{meta.version}:{channel}"
                thread_ts = card.get("thread") or card["ts"]
                await self.poster.post(key, card["channel"], said, thread_ts=thread_ts)
            return None
        now = self.deps.clock()
        label = where + (f" <!subteam^{group}>" if group else "")
        return await self._apply(
            meta, "escalated", lambda r: escalate(r, f"<@{user}>", label, note, now)
        )

    async def _escalate_outside(self, user: str, meta: FormMeta, kind: str, note: str) -> None:
        """Escalate to a runbook target outside Slack: the finding is escalated now, and the
        worker pages or files it (bot/shell/escalate/runner.py), then the card links it."""
        try:
            await self.access.require_checker(user, meta.env)
            record = await self.finding(meta.env, meta.fid)
            runbook = self.deps.runbooks.get(record.finding.runbook or "")
            esc = runbook.fix.escalate if runbook else None
            if esc is None or kind not in esc.external:
                raise Refused(say.pick_a_target())
            now = self.deps.clock()
            name = label(kind)
            await self._apply(
                meta, "escalated", lambda r: escalate(r, f"<@{user}>", name, note, now)
            )
            unique = f"{record.version}-{uuid.uuid4().hex[:8]}"
            await self.deps.queue.enqueue_escalate(
                meta.env, meta.fid, kind, user, note, unique, False
            )
            await self._notify(user, meta.env, say.escalation_queued(name))
        except Exception as exc:  # after the ack: told, never raised (see base.py)
            await self._notify(user, meta.env, explain(exc))
