"""Text hygiene for Slack mrkdwn: escaping, clipping to Slack's limits, the mentions and links
we mean, and times as date tokens. Pure: no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from bot.lifecycle.transitions import SYSTEM
from bot.messages.slack import Label

# People act in Slack under their user id; the lifecycle stores it as the actor.
SLACK_USER = re.compile(r"^[UW][A-Z0-9]{6,}$")
SLACK_GROUP = re.compile(r"^S[A-Z0-9]{6,}$")
SLACK_CHANNEL = re.compile(r"^[CG][A-Z0-9]{6,}$")
HUMAN_STATES: frozenset[str] = frozenset({"accepted", "escalated", "reapplying"})
# What handlers may store already formatted: user, channel and user group references only
# (never `<!channel>`, `<!here>` or links).
SLACK_REFERENCE = re.compile(r"<@[UW][A-Z0-9]{6,}>|<#[CG][A-Z0-9]{6,}>|<!subteam\^S[A-Z0-9]{6,}>")


def escape(text: object) -> str:
    """Slack's three escapes (`&`, `<`, `>`), so the text is shown as written: no mention, no
    link, no date token. https://api.slack.com/reference/surfaces/formatting#escaping"""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, ending in `…` when cut. Use on raw text only."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def clip_mrkdwn(text: str, limit: int) -> str:
    """Cut formatted mrkdwn without leaving half a `<…>` token or `&…;` escape behind."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    if cut.rfind("<") > cut.rfind(">"):
        cut = cut[: cut.rfind("<")]
    amp = cut.rfind("&")
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut + "…"


def code(text: object) -> str:
    """An inline code span of escaped text (backticks and newlines would break the span)."""
    raw = str(text).replace("`", "'").replace("\n", " ")
    return f"`{escape(raw)}`" if raw.strip() else "` `"


def _references(text: str) -> bool:
    """Whether `text` is nothing but Slack user/channel/group references (`<@U…> <#C…>`)."""
    words = text.split()
    return bool(words) and all(SLACK_REFERENCE.fullmatch(w) for w in words)


def person(who: str | None, slack: bool = True) -> str:
    """Someone who acted: when `slack` (they acted in Slack), a user id (`U…`, or `<@U…>` as
    handlers store it) is a mention; anything else (an AWS principal, a CLI user) is shown as
    escaped text."""
    if not who:
        return Label.SOMEONE
    if slack and SLACK_USER.match(who):
        return f"<@{who}>"
    if slack and _references(who):
        return who
    return escape(who) if who != SYSTEM else Label.SYSTEM


def people(ids: Iterable[str], slack: bool = True) -> str:
    """Several people, comma-separated, each as `person` shows them."""
    return ", ".join(person(i, slack) for i in ids if i)


def target_text(target: str | None) -> str:
    """An escalation target: a user group id is mentioned, a channel id linked, references
    already written (`<#C…> <!subteam^S…>`) kept, a `#name` or anything else escaped."""
    if not target:
        return Label.SOMEONE
    if _references(target):
        return target
    if SLACK_GROUP.match(target):
        return f"<!subteam^{target}>"
    if SLACK_CHANNEL.match(target):
        return f"<#{target}>"
    return f"*{escape(target)}*"


def link(url: str) -> str:
    """A URL inside `<…|…>`: `&`, `<`, `>` escaped, and no `|` that would end it early."""
    return escape(url).replace("|", "%7C")


def when(at: datetime | None) -> str:
    """A time as a Slack date token (the reader's time zone), with a UTC fallback."""
    if at is None:
        return Label.UNKNOWN_TIME
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    fallback = aware.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"<!date^{int(aware.timestamp())}^{{date_short_pretty}} {{time}}|{fallback}>"


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def iso_when(text: str | None) -> str:
    """An ISO time from CloudTrail or Redis as a date token; unparseable text escaped."""
    at = _parse_time(text)
    return when(at) if at else escape(text or Label.UNKNOWN_TIME)


def age_text(hours: float) -> str:
    """An age in hours, or in days from 48 hours on."""
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} d"


def fit_lines(lines: Sequence[str], limit: int, head: str = "") -> list[str]:
    """Pack lines into texts of at most `limit` characters (`head` starts the first one); a
    line too long on its own is cut."""
    chunks: list[str] = []
    current = head
    for line in lines:
        line = clip_mrkdwn(line, limit)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        current = line
    if current:
        chunks.append(current)
    return chunks


def permalink(workspace_url: str, channel: str, ts: str, thread_ts: str | None = None) -> str:
    """A message's address, built as Slack builds its permalinks (`chat.getPermalink`), without
    a call per message: `https://NAME.slack.com/archives/C…/p1700000000000100`."""
    base = workspace_url if workspace_url.endswith("/") else workspace_url + "/"
    link = f"{base}archives/{channel}/p{ts.replace('.', '')}"
    if thread_ts and thread_ts != ts:
        link += f"?thread_ts={thread_ts}&cid={channel}"
    return link
