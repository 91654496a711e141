"""The message posted to an escalation channel: who escalated which finding to whom, the
owning user group mentioned, the note quoted, and a link back to the card. Pure: no I/O."""

from __future__ import annotations

from slack_sdk.models.blocks import Block

from bot.lifecycle.transitions import FindingRecord
from bot.messages.slack import Label, severity_label
from bot.messages.slack import card as say
from bot.slack.blocks import Message, context, message, section
from bot.slack.finding_text import SEVERITY_EMOJI, events_text, resource_code
from bot.slack.text import SLACK_GROUP, clip, code, escape, link, person, target_text


def render_escalation(
    record: FindingRecord,
    target: str | None,
    note: str | None,
    by: str,
    permalink: str | None,
    usergroup: str | None = None,
) -> Message:
    """The message posted to the escalation channel. It mentions the owning user group:
    `target` when it is a user group id (`S…`), else `usergroup` (e.g. the runbook's
    `fix.escalate.usergroup`); None: no one is mentioned (the channel itself is the target).
    `permalink` links back to the card."""
    f = record.finding
    group = target if target and SLACK_GROUP.match(target) else usergroup
    mention = f"<!subteam^{group}>" if group and SLACK_GROUP.match(group) else ""
    where = target_text(target) if target else Label.THIS_CHANNEL
    intro = say.escalation_intro(mention, person(by), escape(record.env), where)
    severity = f.severity
    summary = [
        f"{SEVERITY_EMOJI[severity]} *{severity_label(severity)} · {f.kind}* {resource_code(f)}",
        say.resource_where(code(f.account_id), code(f.region), escape(record.env)),
        events_text(f),
    ]
    blocks: list[Block] = [section(intro), section("\n".join(summary))]
    if note:
        quoted = "\n".join("> " + escape(line) for line in clip(note, 2000).splitlines())
        blocks.append(section(quoted))
    if permalink:
        blocks.append(context(say.open_card(link(permalink))))
    resource = f"{escape(f.resource_type)} {escape(f.resource_id)}"
    return message(say.escalation_fallback(mention, escape(record.env), resource), blocks)
