"""The replies to `/drift` commands: help, usage, environments, findings and history (the
status reply is in `progress.py`). Pure: no I/O."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Protocol

from bot.config.drift import EnvSlack
from bot.lifecycle.transitions import FindingRecord
from bot.messages.slack import Label, more_findings
from bot.messages.slack import replies as say
from bot.messages.slack.answers import no_access_to_envs
from bot.slack.blocks import (
    MAX_MESSAGE_BLOCKS,
    MAX_SECTION_TEXT,
    Message,
    message,
    section,
    text_message,
)
from bot.slack.finding_text import SEVERITY_EMOJI, resource_code, severity_order
from bot.slack.progress import int_in
from bot.slack.text import (
    HUMAN_STATES,
    SLACK_CHANNEL,
    age_text,
    clip,
    code,
    escape,
    fit_lines,
    iso_when,
    person,
)

LIST_LINES = 100  # findings in a /drift findings reply


def render_help() -> Message:
    """The reply to `/drift help`."""
    return text_message(say.help_text())


class Problem(Protocol):
    """What was wrong with a command (bot.slack.commands.Usage has this shape)."""

    @property
    def problem(self) -> str: ...

    @property
    def suggestion(self) -> str | None: ...


def render_usage(problem: str | Problem) -> Message:
    """What was wrong with a command and its suggestion (escaped: they may quote what was
    typed), then the usage."""
    if isinstance(problem, str):
        text = escape(problem)
    else:
        text = escape(problem.problem)
        if problem.suggestion:
            text += " " + escape(problem.suggestion)
    return text_message(say.usage(text))


def render_envs(
    envs: Mapping[str, EnvSlack | None] | Sequence[str], configured: bool = False
) -> Message:
    """The reply to `/drift envs`: each environment (names, or names with their Slack set-up:
    its channel, whether it is protected and its approver groups, shown as ids and never
    mentioned: this must not ping anyone). None to show while some are `configured`: the
    person has no access to any, and is told so (not that nothing is configured)."""
    if not envs:
        return text_message(no_access_to_envs() if configured else say.envs_none())
    if not isinstance(envs, Mapping):
        names = [envs] if isinstance(envs, str) else list(envs)
        lines = [say.envs_title(len(names)), *(f"• {code(n)}" for n in sorted(names))]
        return text_message("\n".join(lines))
    lines = [say.envs_title(len(envs))]
    for name, slack in sorted(envs.items()):
        if slack is None:
            lines.append(say.env_line(code(name), None, "", ""))
            continue
        channel = (
            f"<#{slack.channel}>" if SLACK_CHANNEL.match(slack.channel) else code(slack.channel)
        )
        protected = say.env_protected(slack.approvals) if slack.protected else ""
        groups = ", ".join(code(g) for g in slack.approvers)
        approvers = say.env_approvers(groups) if groups else ""
        lines.append(say.env_line(code(name), channel, protected, approvers))
    return text_message("\n".join(lines))


def render_findings_list(
    env: str, records: Sequence[FindingRecord], now: datetime | None = None
) -> Message:
    """The reply to `/drift findings ENV`: one line per finding, unresolved first, most
    severe first; over 100 lines it points to `drift findings ENV`."""
    if not records:
        return text_message(say.no_findings(escape(env)))
    ordered = sorted(records, key=lambda r: (r.state == "resolved", *severity_order(r)))
    lines = [_finding_line(r, now) for r in ordered[:LIST_LINES]]
    if len(ordered) > LIST_LINES:
        lines.append(more_findings(len(ordered) - LIST_LINES, escape(env)))
    return _lines_message(say.findings_title(escape(env), len(records)), lines)


def _finding_line(record: FindingRecord, now: datetime | None) -> str:
    f = record.finding
    age = age_text((now - record.first_seen).total_seconds() / 3600) if now else None
    return say.finding_line(
        SEVERITY_EMOJI[f.severity],
        code(record.id),
        record.state,
        f.kind,
        resource_code(f),
        escape(f.region),
        age,
    )


def _lines_message(title: str, lines: Sequence[str]) -> Message:
    """A title and lines as sections within a message's limits (the lines are short)."""
    texts = fit_lines(lines, MAX_SECTION_TEXT, head=title)
    blocks = [section(t) for t in texts][:MAX_MESSAGE_BLOCKS]
    return message(title, blocks)


def render_history(env: str, entries: Sequence[Mapping[str, str]]) -> Message:
    """The reply to `/drift history ENV [RESOURCE]`: checks and transitions, oldest first
    (the newest 100 when there are more)."""
    if not entries:
        return text_message(say.history_empty(escape(env)))
    shown = entries[-LIST_LINES:]
    lines = [_history_line(e) for e in shown]
    if len(entries) > len(shown):
        lines.insert(0, say.history_more(len(entries) - len(shown), escape(env)))
    return _lines_message(say.history_title(escape(env), len(entries)), lines)


def _history_line(entry: Mapping[str, str]) -> str:
    at = iso_when(entry.get("at"))
    if entry.get("type") == "check":
        by = person(entry.get("requested_by")) if entry.get("requested_by") else None
        how = say.check_how(escape(entry["trigger"]) if entry.get("trigger") else None, by)
        return say.history_check(
            at,
            iso_when(entry.get("window_start")),
            iso_when(entry.get("window_end")),
            int_in(entry, "findings"),
            int_in(entry, "changes"),
            how,
        )
    to_state = entry.get("to_state") or "?"
    moved = f"*{escape(entry.get('from_state') or Label.NEW)} → {escape(to_state)}*"
    return say.history_transition(
        at,
        moved,
        code(clip(entry.get("resource") or "?", 200)),
        person(entry.get("actor"), slack=to_state in HUMAN_STATES),
        escape(clip(entry.get("reason") or "", 500)),
    )
