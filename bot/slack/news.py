"""News about a finding, for people who are not watching its card: a new change, an acceptance
that ran out, a reapply that failed or did not fix it (a thread reply broadcast to the channel,
mentioning the people involved); a flood's summary and a first check's baseline summary; the
question to the person who made a change. Pure: no I/O."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Literal

from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement

from bot.lifecycle.transitions import FindingRecord
from bot.messages.slack import changes as words
from bot.messages.slack import replies as say
from bot.messages.slack import severity_label
from bot.models import SEVERITY_RANK
from bot.slack.blocks import Message, context, message, section, text_message
from bot.slack.finding_text import SEVERITY_EMOJI
from bot.slack.headline import changed_at, short_id, what_changed
from bot.slack.ids import ASK_BLOCK, BUTTON_TEXT, ActionId, button_value
from bot.slack.text import clip, code, escape, link, target_text

NewsKind = Literal["change", "expired", "reapply_failed", "still_drifted"]
TOP_ITEMS = 5


def _resource(record: FindingRecord) -> str:
    return code(short_id(record.finding.resource_id))


def render_news(
    kind: NewsKind, record: FindingRecord, people: Sequence[str], before: str | None = None
) -> Message:
    """One piece of news. `people`: mentions already written (`<@U…>`, `<!subteam^S…>`);
    `before`: for a new change, what the finding was before it (`accepted by <@U…>`)."""
    mentions = " ".join(dict.fromkeys(p for p in people if p))
    resource = _resource(record)
    f = record.finding
    if kind == "change":
        last = f.events[-1] if f.events else None
        actor = escape(last.actor) if last else ""
        text = say.news_change(resource, actor, escape(what_changed(f).what), before, mentions)
    elif kind == "expired":
        text = say.news_expired(resource, mentions)
    elif kind == "reapply_failed":
        error = escape(clip(record.run.error or "", 500)) if record.run else ""
        text = say.news_reapply_failed(resource, error, mentions)
    else:
        text = say.news_still_drifted(resource, mentions)
    return text_message(text)


def before_text(state: str, record: FindingRecord, acceptor: str | None) -> str | None:
    """What a finding was before a new change reopened or updated it."""
    if state == "accepted" and acceptor:
        return say.before_accepted(acceptor)
    if state == "escalated" and record.escalation:
        return say.before_escalated(target_text(record.escalation.get("target")))
    if state == "reapplying" and record.run is not None:
        return say.before_reapplying(record.run.requested_by)
    return None


def _counts(records: Sequence[FindingRecord]) -> str:
    kinds = Counter(r.finding.kind for r in records)
    severities = Counter(r.finding.severity for r in records)
    parts = [say.kind_count(n, k) for k, n in sorted(kinds.items())]
    parts += [
        say.kind_count(n, f"{SEVERITY_EMOJI.get(s, '⚪')} {severity_label(s)}")
        for s, n in sorted(severities.items(), key=lambda i: SEVERITY_RANK.get(i[0], 4))
    ]
    return ", ".join(parts)


def _top(records: Sequence[FindingRecord]) -> str:
    lines = []
    for r in records[:TOP_ITEMS]:
        emoji = SEVERITY_EMOJI.get(r.finding.severity, "⚪")
        what = escape(what_changed(r.finding).what)
        lines.append(f"{emoji} {_resource(r)} {what}")
    return "\n".join(lines)


def render_flood_summary(env: str, records: Sequence[FindingRecord]) -> Message:
    """The one message above a flood's cards: counts by kind and severity, the top items, who
    made the changes, and that the cards are in its thread (`records` most severe first)."""
    actors = list(dict.fromkeys(r.finding.events[-1].actor for r in records if r.finding.events))
    shown = ", ".join(escape(clip(a, 60)) for a in actors[:5])
    blocks: list[Block] = [
        section(say.flood_title(escape(env), len(records))),
        section(say.flood_counts(_counts(records))),
        section(say.flood_top(_top(records))),
        context(*(t for t in (say.flood_actors(shown) if shown else "", say.flood_thread()) if t)),
    ]
    return message(say.flood_title(escape(env), len(records)), blocks)


def render_baseline(env: str, records: Sequence[FindingRecord]) -> Message:
    """The first check with Slack: what was already drifted, without a card each."""
    blocks: list[Block] = [
        section(say.baseline_title(escape(env), len(records))),
        section(say.flood_counts(_counts(records))),
        section(say.flood_top(_top(records))),
        context(say.baseline_where(escape(env))),
    ]
    return message(say.baseline_title(escape(env), len(records)), blocks)


def render_question(
    record: FindingRecord, user: str, now: datetime, card_link: str | None, in_thread: bool
) -> Message:
    """ "You changed `sg-0a11…` in prod 14 min ago: opened tcp/22 to 0.0.0.0/0. Was that
    intended?" with Yes, keep it / No, put it back / Not me (value `env|finding`). In the
    card's thread (DMs off) it mentions the person."""
    f = record.finding
    hours = max((now - changed_at(record)).total_seconds(), 0) / 3600
    asked = say.question(
        _resource(record), escape(record.env), words.ago(hours), escape(what_changed(f).what)
    )
    text = say.question_in_thread(f"<@{user}>", asked) if in_thread else asked
    value = button_value(record.env, record.id)
    buttons = [
        ButtonElement(text=BUTTON_TEXT[a], action_id=a, value=value, style=style)
        for a, style in (
            (ActionId.ASK_YES, "primary"),
            (ActionId.ASK_NO, "danger"),
            (ActionId.ASK_NOT_ME, None),
        )
    ]
    blocks: list[Block] = [
        section(text),
        ActionsBlock(block_id=f"{ASK_BLOCK}:{record.id}", elements=buttons),
    ]
    if card_link:
        blocks.append(context(say.question_context(f"<{link(card_link)}|{code(record.id)}>")))
    return message(text, blocks)


def render_answered(question: Message, user: str, answer: str) -> Message:
    """The question once answered: its text, and the answer instead of the buttons."""
    first = question.blocks[0] if question.blocks else None
    said = say.answered(f"<@{user}>", say.answer_words(answer))
    blocks = [first] if first else []
    return Message(text=said, blocks=[*blocks, section(said).to_dict()])
