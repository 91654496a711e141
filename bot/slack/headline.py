"""The card's one-glance headline and its diff in words. Pure.

    🔴 prod · sg-0a11… opened tcp/22 to 0.0.0.0/0 · dev@example.com via console · 14 h ago

Severity, environment, the resource (short), what the last change did (bot/slack/summaries/),
who did it and how, and how long ago the change was made (its CloudTrail time, never when
driftbot noticed). The diff: the live read's attribute diff in words when there is one
(bot/slack/diff_words.py), else what the call asked for. A resolved finding's headline says
how it was resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.drift.findings import EventSummary, Finding
from bot.lifecycle.transitions import FindingRecord
from bot.messages.slack import changes as say
from bot.policy.runbook import Runbook
from bot.slack.diff_words import diff_lines
from bot.slack.finding_text import SEVERITY_EMOJI, severity_of
from bot.slack.summaries import Said, summarise
from bot.slack.text import clip, escape

_HEX_ID = re.compile(r"^([a-z]{1,12}-)([0-9a-f]{8,})$")
SHORT_ID = 32


def short_id(resource_id: str) -> str:
    """`sg-0a11b22c33d44e55f` → `sg-0a11…`; an ARN → its last part; long names cut."""
    found = _HEX_ID.match(resource_id)
    if found:
        return found.group(1) + found.group(2)[:4] + "…"
    if resource_id.startswith("arn:"):
        resource_id = resource_id.rsplit("/", 1)[-1].rsplit(":", 1)[-1] or resource_id
    return clip(resource_id, SHORT_ID)


def parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def changed_at(record: FindingRecord) -> datetime:
    """When the resource was last changed: its last event's time (else when it was seen)."""
    f = record.finding
    at = parse_time(f.events[-1].event_time) if f.events else None
    return at or record.last_seen


def last_event(f: Finding) -> EventSummary | None:
    return f.events[-1] if f.events else None


def what_changed(f: Finding) -> Said:
    """What the last change did, in words."""
    event = last_event(f)
    if event is None:
        return Said(say.deleted() if f.kind == "deleted" else say.created())
    return summarise(event, f.kind)


@dataclass(frozen=True)
class Headline:
    """The headline as plain text (notifications, the README) and as mrkdwn (escaped, the age
    a live Slack date token)."""

    plain: str
    mrkdwn: str


def headline(record: FindingRecord, runbook: Runbook | None, now: datetime) -> Headline:
    f = record.finding
    resource = short_id(f.resource_id)
    if record.state == "resolved":
        how = record.resolution or ""
        text = say.resolved_headline(record.env, resource, how)
        return Headline(
            text, say.resolved_headline(escape(record.env), escape(resource), escape(how))
        )
    emoji = SEVERITY_EMOJI[severity_of(f, runbook)]
    event = last_event(f)
    who = say.actor_via(event.actor, event.via) if event else ""
    what = what_changed(f).what
    at = changed_at(record)
    ago = say.ago(max((now - at).total_seconds(), 0) / 3600)
    plain = say.headline(emoji, record.env, resource, what, who, ago)
    token = f"<!date^{int(at.timestamp())}^{{ago}}|{escape(ago)}>"
    mrkdwn = say.headline(
        emoji, escape(record.env), escape(resource), escape(what), escape(who), token
    )
    return Headline(plain, mrkdwn)


def diff_in_words(f: Finding) -> list[str]:
    """The card's diff lines (plain text): the live diff in words, else the call's."""
    if f.confirmed is True and f.changes:
        return diff_lines(f.changes, f.kind)
    lines = list(what_changed(f).lines)
    if not lines and f.kind == "deleted":
        return [say.diff_gone()]
    if not lines and f.kind == "unmanaged":
        return [say.diff_exists()]
    return lines
