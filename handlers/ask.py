"""The answers to "You changed X … Was that intended?", the question the notifier asks the
person who made a change (bot/shell/cards.py). Only that person may answer; each answer goes
to the card's thread and the finding's history, and the question shows it instead of its
buttons:

- **Yes, keep it**: the Accept modal opens with the reason prefilled as theirs (accepting
  still needs the right to act on the environment's cards, as any Accept);
- **No, put it back**: a reapply request goes to the approvers, as the card's Reapply does;
- **Not me**: the finding is escalated (the runbook's channel and group, else the
  environment's escalation channel, else its channel), saying that they did not make it.
"""

from __future__ import annotations

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.errors import Refused
from bot.lifecycle.transitions import FindingRecord
from bot.messages.slack import Label
from bot.messages.slack import answers as say
from bot.messages.slack import replies as words
from bot.slack import render_accept_modal
from bot.slack.blocks import Message
from bot.slack.news import render_answered
from handlers import payloads
from handlers.approvals import ApprovalHandlers
from handlers.base import explain
from handlers.payloads import Body, FormMeta
from handlers.views import ViewHandlers


class AskHandlers(ApprovalHandlers, ViewHandlers):
    async def on_ask_yes(self, ack: AsyncAck, body: Body, respond: AsyncRespond) -> None:
        await ack()
        try:
            record, _ = await self._answer(body, "yes")
            meta = FormMeta(record.env, record.id, record.version).dumps()
            view = render_accept_modal(record, meta, reason=Label.INTENDED_REASON)
            if not await self.deps.slack.show_modal(payloads.trigger_id(body), view):
                await self.tell(body, respond, say.answer_recorded(words.answer_words("yes")))
        except Exception as exc:  # after the ack: told, never raised (see base.py)
            await self.tell(body, respond, explain(exc))

    async def on_ask_no(self, ack: AsyncAck, body: Body, respond: AsyncRespond) -> None:
        await ack()
        try:
            record, user = await self._answer(body, "no")
            conf = self.access.env_slack(record.env)
            runbook = self.deps.runbooks.get(record.finding.runbook or "")
            if runbook is None or runbook.fix.reapply is None:
                raise Refused(say.runbook_cannot_reapply(record.finding.runbook))
            if record.state in ("open", "accepted", "escalated"):
                await self._request(body, record, runbook, user, conf, respond)
            await self.tell(body, respond, say.answer_recorded(words.answer_words("no")))
        except Exception as exc:  # after the ack: told, never raised (see base.py)
            await self.tell(body, respond, explain(exc))

    async def on_ask_not_me(self, ack: AsyncAck, body: Body, respond: AsyncRespond) -> None:
        await ack()
        try:
            record, user = await self._answer(body, "not_me")
            conf = self.access.env_slack(record.env)
            runbook = self.deps.runbooks.get(record.finding.runbook or "")
            esc = runbook.fix.escalate if runbook is not None else None
            channel = (esc.channel if esc else None) or conf.escalation_channel or conf.channel
            group = (esc.usergroup if esc else None) or ""
            meta = FormMeta(record.env, record.id, record.version)
            note = say.not_me_note()
            if record.state != "resolved":
                await self.escalate_to_channel(user, meta, channel, group, note)
            await self.tell(body, respond, say.answer_recorded(words.answer_words("not_me")))
        except Exception as exc:  # after the ack: told, never raised (see base.py)
            await self.tell(body, respond, explain(exc))

    async def _answer(self, body: Body, answer: str) -> tuple[FindingRecord, str]:
        """Record `answer` (once; a second click changes nothing), in the card's thread and
        the history, and show it on the question; Refused unless the person was asked."""
        env, fid = payloads.button(body)
        user = payloads.user_id(body)
        record = await self.finding(env, fid)
        asked = (await self.deps.state.asked(env, fid)).get(user)
        if asked is None:
            raise Refused(say.only_the_person_asked())
        if asked.get("answer"):
            return record, user
        now = self.deps.clock()
        asked = await self.deps.state.update_ask(
            env, fid, user, answer=answer, answered_at=now.isoformat()
        )
        await self.deps.store.record_answer(
            env,
            fid,
            {
                "actor": user,
                "answer": answer,
                "event_id": str(asked.get("event_id", "")),
                "at": now.isoformat(),
                "resource": record.resource,
            },
        )
        said = words.answered(f"<@{user}>", words.answer_words(answer))
        card = await self.deps.state.card(env, fid)
        if card and card.get("ts"):
            thread = card.get("thread") or card["ts"]
            await self.poster.post(
                f"answer:{env}:{fid}:{user}", card["channel"], said, thread_ts=thread
            )
        if asked.get("channel") and asked.get("ts"):
            question = Message(text=said, blocks=list(_question_blocks(body)))
            shown = render_answered(question, user, answer)
            await self.deps.slack.update(
                str(asked["channel"]), str(asked["ts"]), shown.text, shown.blocks
            )
        return record, user


def _question_blocks(body: Body) -> list[dict[str, object]]:
    """The clicked question's blocks, as Slack sent them back."""
    message = body.get("message")
    blocks = message.get("blocks") if isinstance(message, dict) else None
    return [b for b in blocks or [] if isinstance(b, dict)]
