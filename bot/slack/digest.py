"""The daily digest of an environment (summary and threaded breakdown) and the notice that an
environment is back to clean. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.lifecycle.digest import Digest, DigestItem
from bot.lifecycle.transitions import FindingRecord
from bot.messages.lifecycle import digest_section_title
from bot.messages.slack import Label
from bot.messages.slack import replies as say
from bot.models import SEVERITY_RANK
from bot.slack.blocks import (
    MAX_SECTION_TEXT,
    Message,
    chunk_blocks,
    context,
    header,
    message,
    section,
    text_message,
)
from bot.slack.finding_text import SEVERITY_EMOJI, resource_code
from bot.slack.text import age_text, clip, code, escape, fit_lines, link, person, when


def render_digest(
    digest: Digest,
    links: Mapping[str, str] | None = None,
    reminders: Sequence[tuple[str, str]] = (),
) -> tuple[Message, list[Message]]:
    """The daily digest of one environment: the summary message (counts and mean time to
    resolve) and the breakdown as thread messages (each ≤ 50 blocks; long lists chunked).

    The breakdown lists what is open, accepted and resolved, each most severe first, every
    item with its state and a link to its card (`links`, by finding id); items new since the
    last digest are marked, not listed twice; who accepted is mentioned as a person. Then the
    people who have not answered whether their change was intended (`reminders`: (user id,
    resource), reminded once). A clean digest has no breakdown."""
    d = digest
    links = links or {}
    env = escape(d.environment)
    hours = d.mean_time_to_resolve_hours
    mttr = age_text(hours) if hours is not None else Label.NOT_AVAILABLE
    counts = say.digest_counts(len(d.new), len(d.open), len(d.accepted), len(d.resolved), mttr)
    if d.is_clean and not reminders:
        summary_text = say.digest_clean(env)
        title = header(say.digest_title(d.environment))
        return message(summary_text, [title, section(summary_text)]), []
    summary = message(
        f"{say.digest_title(env)}: {counts}",
        [
            header(say.digest_title(d.environment)),
            section(counts),
            context(say.digest_since(when(d.since) if d.since else None)),
        ],
    )
    sections: list[dict[str, Any]] = []
    for name, items in (("open", d.open), ("accepted", d.accepted), ("resolved", d.resolved)):
        if not items:
            continue
        ordered = sorted(items, key=_severity_first)
        lines = [_digest_line(i, links.get(i.finding_id)) for i in ordered]
        head = say.digest_section(digest_section_title(name), len(items))
        for text in fit_lines(lines, MAX_SECTION_TEXT, head=head):
            sections.append(section(text).to_dict())
    if reminders:
        lines = [
            say.reminder(f"<@{user}>", code(clip(resource, 200))) for user, resource in reminders
        ]
        for text in fit_lines(lines, MAX_SECTION_TEXT, head=say.digest_reminders(len(reminders))):
            sections.append(section(text).to_dict())
    chunks = chunk_blocks(sections)
    thread = [
        Message(text=say.digest_part(env, n, len(chunks)), blocks=chunk)
        for n, chunk in enumerate(chunks, start=1)
    ]
    return summary, thread


def _severity_first(item: DigestItem) -> tuple[int, float]:
    rank = next((n for s, n in SEVERITY_RANK.items() if s == item.severity), 4)
    return rank, -item.age_hours


def _digest_line(item: DigestItem, card: str | None) -> str:
    resource = f"{code(item.resource_type)} {code(clip(item.resource_id, 200))}"
    if card:
        resource = f"<{link(card)}|{escape(clip(item.resource_id, 200))}>"
    note: str | None
    if item.state == "accepted" and item.accepted_by:
        note = say.digest_accepted(person(item.accepted_by), escape(clip(item.reason or "", 300)))
    else:
        note = escape(clip(item.note, 300)) if item.note else None
    return say.digest_item(
        SEVERITY_EMOJI.get(item.severity, "⚪"),
        item.kind,
        resource,
        escape(item.region),
        age_text(item.age_hours),
        escape(clip(item.actor, 80)) if item.actor else None,
        code(item.finding_id),
        note,
        item.state,
        item.new,
    )


def render_back_to_clean(env: str, last_resolved: FindingRecord | str | None) -> Message:
    """The notice that an environment's last open finding resolved: the record, or just its
    resource (`TYPE ID`, as transitions name it), or None."""
    if not last_resolved:
        text = say.back_to_clean(escape(env), None, None)
    elif isinstance(last_resolved, str):
        text = say.back_to_clean(escape(env), code(clip(last_resolved, 300)), None)
    else:
        reason = escape(clip(last_resolved.resolution, 500)) if last_resolved.resolution else None
        text = say.back_to_clean(escape(env), resource_code(last_resolved.finding), reason)
    return text_message(text)
