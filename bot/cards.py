"""Drift cards and the app's other Slack messages and views, as Block Kit dicts. Pure.

Built with `slack_sdk.models` (its validators check Slack's per-element limits), plus the
message-level limits the SDK does not check: at most 50 blocks a message and 100 a modal or Home
view, section text within 3,000 characters, and a top-level `text` fallback within 4,000 on every
message. Only `bot/adapters/slack.py` sends them; the sentences come from `bot/messages.py`.

Text hygiene: every AWS- or user-derived string (resource ids, actors, reasons, attribute values)
goes through `escape` and only into mrkdwn text, so nothing becomes a mention or a link by
accident. Mentions we mean are written here on purpose: a Slack user id (`U…`) of a person who
acted in Slack becomes `<@U…>`, a user group id (`S…`) `<!subteam^S…>`, a channel id `<#C…>`.
Times are `<!date^…>` tokens, shown in each reader's own time zone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol
from urllib.parse import urlsplit

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    DatePickerElement,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot import messages as say
from bot.approvals import ApprovalRequest
from bot.config import EnvSlack
from bot.digest import Digest, DigestItem
from bot.findings import AttributeChange, Finding
from bot.lifecycle import SYSTEM, FindingRecord, State, Transition
from bot.runbook import Runbook


class ActionId(StrEnum):
    """The buttons; cards create them and `handlers.ROUTES` routes them."""

    ACCEPT = "drift.accept"
    REAPPLY = "drift.reapply"
    ESCALATE = "drift.escalate"
    APPROVE = "drift.approve"
    DENY = "drift.deny"


class ViewId(StrEnum):
    """The modals' callback ids."""

    ACCEPT = "drift.accept_modal"
    ESCALATE = "drift.escalate_modal"


class InputId(StrEnum):
    """The modals' inputs: each is both the `block_id` and the `action_id`, so a submission's
    value is `view["state"]["values"][id][id]` (`value`, `selected_date`, `selected_option`)."""

    REASON = "reason"
    UNTIL = "until"
    TARGET = "target"
    NOTE = "note"


MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_FIELD_TEXT = 2000
MAX_CONTEXT_TEXT = 2000
MAX_HEADER_TEXT = 150
MAX_BUTTON_TEXT = 75
MAX_FALLBACK_TEXT = 4000
MAX_CONFIRM_TEXT = 300
MAX_VALUE = 2000
MAX_OPTIONS = 100
MAX_OPTION_LABEL = 75
# Slack cuts messages over 40,000 characters; chunked thread messages stay well below.
MAX_MESSAGE_CHARS = 30_000

DIFF_ON_CARD = 5  # attribute changes shown on the card; the rest go to the thread
ADDRESSES_ON_CARD = 10
CARD_LINE = 600  # a diff line on the card, at most (values are cut to fit)
THREAD_LINE = 1500  # a diff line in the thread, at most
LIST_LINES = 100  # findings in a /drift findings reply

CARD_BLOCK = "drift.card"
APPROVAL_BLOCK = "drift.approval"

SEVERITY_EMOJI: dict[str | None, str] = {
    "critical": "🔴",
    "high": "🟠",
    "medium": "🟡",
    "low": "🔵",
    None: "⚪",
}
SEVERITY_RANK: dict[str | None, int] = {"critical": 0, "high": 1, "medium": 2, "low": 3, None: 4}
STATE_ACTIONS: dict[State, tuple[ActionId, ...]] = {
    "open": (ActionId.ACCEPT, ActionId.REAPPLY, ActionId.ESCALATE),
    "escalated": (ActionId.ACCEPT, ActionId.REAPPLY),
    "accepted": (ActionId.REAPPLY, ActionId.ESCALATE),
    "reapplying": (),
    "resolved": (),
}
BUTTON_TEXT: dict[ActionId, str] = {
    ActionId.ACCEPT: "Accept",
    ActionId.REAPPLY: "Reapply",
    ActionId.ESCALATE: "Escalate",
    ActionId.APPROVE: "Approve",
    ActionId.DENY: "Deny",
}
STATE_EMOJI: dict[str, str] = {
    "open": "🟥",
    "accepted": "✅",
    "reapplying": "🔧",
    "escalated": "📣",
    "resolved": "🟩",
}
# People act in Slack under their user id; the lifecycle stores it as the actor.
SLACK_USER = re.compile(r"^[UW][A-Z0-9]{6,}$")
SLACK_GROUP = re.compile(r"^S[A-Z0-9]{6,}$")
SLACK_CHANNEL = re.compile(r"^[CG][A-Z0-9]{6,}$")
HUMAN_STATES: frozenset[str] = frozenset({"accepted", "escalated", "reapplying"})
# What handlers may store already formatted: user, channel and user group references only
# (never `<!channel>`, `<!here>` or links).
SLACK_REFERENCE = re.compile(r"<@[UW][A-Z0-9]{6,}>|<#[CG][A-Z0-9]{6,}>|<!subteam\^S[A-Z0-9]{6,}>")


@dataclass(frozen=True)
class Message:
    """A Slack message: the notification and accessibility `text`, and its Block Kit `blocks`
    (dicts, validated). Pass both to chat.postMessage / chat.update / respond."""

    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class CardMessage(Message):
    """A drift card: the message, the diff lines that did not fit (`thread_overflow`: mrkdwn
    texts of at most 3,000 characters each, to post in the card's thread), and the message
    `metadata` (env, finding id, version, state) that lets the card be found again."""

    thread_overflow: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


# ---- text hygiene ---------------------------------------------------------------------------


def escape(text: object) -> str:
    """Slack's three escapes (`&`, `<`, `>`), so the text is shown as written: no mention, no
    link, no date token. https://api.slack.com/reference/surfaces/formatting#escaping"""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, ending in `…` when cut. Use on raw text only."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def _clip_mrkdwn(text: str, limit: int) -> str:
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


def _code(text: object) -> str:
    """An inline code span of escaped text (backticks and newlines would break the span)."""
    raw = str(text).replace("`", "'").replace("\n", " ")
    return f"`{escape(raw)}`" if raw.strip() else "` `"


def _references(text: str) -> bool:
    """Whether `text` is nothing but Slack user/channel/group references (`<@U…> <#C…>`)."""
    words = text.split()
    return bool(words) and all(SLACK_REFERENCE.fullmatch(w) for w in words)


def _person(who: str | None, slack: bool = True) -> str:
    """Someone who acted: when `slack` (they acted in Slack), a user id (`U…`, or `<@U…>` as
    handlers store it) is a mention; anything else (an AWS principal, a CLI user) is shown as
    escaped text."""
    if not who:
        return "someone"
    if slack and SLACK_USER.match(who):
        return f"<@{who}>"
    if slack and _references(who):
        return who
    return escape(who) if who != SYSTEM else "driftbot"


def _people(ids: Iterable[str], slack: bool = True) -> str:
    return ", ".join(_person(i, slack) for i in ids if i)


def _target(target: str | None) -> str:
    """An escalation target: a user group id is mentioned, a channel id linked, references
    already written (`<#C…> <!subteam^S…>`) kept, a `#name` or anything else escaped."""
    if not target:
        return "someone"
    if _references(target):
        return target
    if SLACK_GROUP.match(target):
        return f"<!subteam^{target}>"
    if SLACK_CHANNEL.match(target):
        return f"<#{target}>"
    return f"*{escape(target)}*"


def _link(url: str) -> str:
    """A URL inside `<…|…>`: `&`, `<`, `>` escaped, and no `|` that would end it early."""
    return escape(url).replace("|", "%7C")


def _when(at: datetime | None, missing: str = "unknown time") -> str:
    """A time as a Slack date token (the reader's time zone), with a UTC fallback."""
    if at is None:
        return missing
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


def _iso_when(text: str | None) -> str:
    """An ISO time from CloudTrail or Redis as a date token; unparseable text escaped."""
    at = _parse_time(text)
    return _when(at) if at else escape(text or "unknown time")


def _json(value: object) -> str:
    """Compact JSON, keys sorted, for an attribute value."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=True, default=str)


def _age(hours: float) -> str:
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} d"


def _fit_lines(lines: Sequence[str], limit: int, head: str = "") -> list[str]:
    """Pack lines into texts of at most `limit` characters (`head` starts the first one); a
    line too long on its own is cut."""
    chunks: list[str] = []
    current = head
    for line in lines:
        line = _clip_mrkdwn(line, limit)
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


# ---- blocks and messages --------------------------------------------------------------------


def _section(text: str, block_id: str | None = None) -> SectionBlock:
    return SectionBlock(text=_clip_mrkdwn(text, MAX_SECTION_TEXT), block_id=block_id)


def _context(*texts: str) -> ContextBlock:
    return ContextBlock(
        elements=[MarkdownTextObject(text=_clip_mrkdwn(t, MAX_CONTEXT_TEXT)) for t in texts if t]
    )


def _header(text: str) -> HeaderBlock:
    return HeaderBlock(text=_clip(text, MAX_HEADER_TEXT))


def _message(text: str, blocks: Sequence[Block]) -> Message:
    """Validate the blocks (the SDK's element limits) and the message's own limits."""
    dicts = [b.to_dict() for b in blocks]
    if len(dicts) > MAX_MESSAGE_BLOCKS:
        raise ValueError(f"a message has {len(dicts)} blocks; Slack allows {MAX_MESSAGE_BLOCKS}")
    return Message(text=_clip_mrkdwn(text, MAX_FALLBACK_TEXT), blocks=dicts)


def _text_message(text: str) -> Message:
    """A short reply: the text as one section (or several, for long text)."""
    sections = [_section(t) for t in _fit_lines(text.split("\n"), MAX_SECTION_TEXT)]
    return _message(text, sections)


def _view(view: View) -> dict[str, Any]:
    out: dict[str, Any] = view.to_dict()
    if len(out.get("blocks", [])) > MAX_VIEW_BLOCKS:
        raise ValueError(f"a view has {len(out['blocks'])} blocks; Slack allows {MAX_VIEW_BLOCKS}")
    return out


def _chunk_blocks(
    blocks: Sequence[dict[str, Any]],
    max_blocks: int = MAX_MESSAGE_BLOCKS,
    max_chars: int = MAX_MESSAGE_CHARS,
) -> list[list[dict[str, Any]]]:
    """Split blocks into messages of at most `max_blocks` blocks and `max_chars` characters."""
    chunks: list[list[dict[str, Any]]] = []
    current: list[dict[str, Any]] = []
    size = 0
    for block in blocks:
        length = len(json.dumps(block, ensure_ascii=False))
        if current and (len(current) >= max_blocks or size + length > max_chars):
            chunks.append(current)
            current, size = [], 0
        current.append(block)
        size += length
    if current:
        chunks.append(current)
    return chunks


# ---- ids carried by buttons -----------------------------------------------------------------


def button_value(env: str, item_id: str) -> str:
    """A button's value: `"{env}|{id}"` (a finding id, or an approval request id)."""
    value = f"{env}|{item_id}"
    if len(value) > MAX_VALUE:
        raise ValueError(f"button value over {MAX_VALUE} characters")
    return value


def parse_button_value(value: str) -> tuple[str, str]:
    """`"{env}|{id}"` → (env, id). Raises ValueError for anything else."""
    env, sep, item_id = value.partition("|")
    if not sep or not env or not item_id:
        raise ValueError(f"not a driftbot button value: {value!r}")
    return env, item_id


def card_block_id(record: FindingRecord) -> str:
    """The card's actions `block_id`: the finding and the version the buttons were drawn for,
    so a click on an outdated card can be told apart (`parse_block_id`)."""
    return f"{CARD_BLOCK}:{record.id}:{record.version}"


def approval_block_id(request: ApprovalRequest) -> str:
    return f"{APPROVAL_BLOCK}:{request.id}:{request.version}"


def parse_block_id(block_id: str) -> tuple[str, str, int] | None:
    """`"drift.card:f-…:3"` → ("drift.card", "f-…", 3); None when it is not one of ours."""
    kind, _, rest = block_id.partition(":")
    item_id, _, version = rest.rpartition(":")
    if kind not in (CARD_BLOCK, APPROVAL_BLOCK) or not item_id or not version.isdigit():
        return None
    return kind, item_id, int(version)


# ---- drift cards ----------------------------------------------------------------------------


def can_reapply(runbook: Runbook | None) -> bool:
    """Whether the finding's runbook says where to reapply IaC (`fix.reapply`)."""
    return runbook is not None and runbook.fix.reapply is not None


def is_pending(approval: ApprovalRequest | None, now: datetime | None = None) -> bool:
    """A reapply request still waiting for approvers (not decided, not past its expiry)."""
    if approval is None or approval.state != "pending":
        return False
    return now is None or not approval.is_expired(now)


def allowed_actions(
    record: FindingRecord,
    runbook: Runbook | None,
    approval: ApprovalRequest | None = None,
    now: datetime | None = None,
) -> tuple[ActionId, ...]:
    """The buttons that still make sense: by state (open: Accept, Reapply, Escalate; escalated:
    Accept, Reapply; accepted: Reapply, Escalate; reapplying and resolved: none), without
    Reapply while a request is pending or when the runbook has no reapply target."""
    actions = STATE_ACTIONS[record.state]
    if is_pending(approval, now) or not can_reapply(runbook):
        actions = tuple(a for a in actions if a != ActionId.REAPPLY)
    return actions


def render_card(
    record: FindingRecord,
    runbook: Runbook | None,
    approval: ApprovalRequest | None = None,
    now: datetime | None = None,
) -> CardMessage:
    """The card of one finding, for its current state.

    Args:
        record: the stored finding.
        runbook: the runbook it matched (None: none did; then there is no Reapply).
        approval: the finding's latest reapply request, if any (pending: no second Reapply).
        now: the time, to judge whether that request has expired.

    Returns:
        The card (≤ 50 blocks, sections ≤ 3,000 characters, a fallback `text`) and, when the
        diff is long, the rest of it as `thread_overflow` texts for the card's thread.
    """
    f = record.finding
    severity = _severity(f, runbook)
    diff, overflow = _diff(f)
    blocks: list[Block] = [
        _header(f"{SEVERITY_EMOJI[severity]} {severity or 'unrated'} · {f.kind}"),
        _section(_resource_text(record)),
        _section(_events_text(f)),
    ]
    if diff:
        blocks.append(_section(diff))
    blocks.append(_context(_confirmation_text(f), _runbook_text(f, runbook)))
    blocks.append(_section(_state_text(record, runbook, approval, now)))
    blocks.append(_context(_ids_text(record)))
    actions = allowed_actions(record, runbook, approval, now)
    if actions:
        blocks.append(
            ActionsBlock(
                block_id=card_block_id(record),
                elements=[_card_button(action, record) for action in actions],
            )
        )
    text = (
        f"{SEVERITY_EMOJI[severity]} {severity or 'unrated'} {f.kind}: "
        f"{escape(f.resource_type)} {escape(f.resource_id)} in {escape(record.env)} "
        f"({escape(f.region)}, account {escape(f.account_id)}) · {record.state}"
    )
    message = _message(text, blocks)
    metadata = {
        "event_type": "drift_card",
        "event_payload": {
            "env": record.env,
            "finding_id": record.id,
            "version": record.version,
            "state": record.state,
        },
    }
    return CardMessage(message.text, message.blocks, overflow, metadata)


def _severity(f: Finding, runbook: Runbook | None) -> str | None:
    """The finding's severity, else its runbook's."""
    return f.severity or (runbook.severity if runbook else None)


def _resource_code(f: Finding) -> str:
    return f"{_code(f.resource_type)} {_code(_clip(f.resource_id, 200))}"


def _resource_text(record: FindingRecord) -> str:
    f = record.finding
    lines = [
        f"*{_code(f.resource_id)}* · {escape(f.resource_type)}: {say.kind_meaning(f.kind)}",
        say.resource_where(_code(f.account_id), _code(f.region), escape(record.env)),
    ]
    if f.addresses:
        shown = [_code(a) for a in f.addresses[:ADDRESSES_ON_CARD]]
        more = len(f.addresses) - len(shown)
        lines.append(say.iac_addresses(", ".join(shown) + (f", +{more} more" if more else "")))
    else:
        lines.append(say.iac_none(escape(record.env)))
    return "\n".join(lines)


def _events_text(f: Finding) -> str:
    if not f.events:
        return say.no_events()
    last = f.events[-1]
    text = say.last_change(
        _code(last.event_name),
        escape(last.actor),
        _code(last.role) if last.role else None,
        escape(last.via),
        _code(last.source_ip),
        _iso_when(last.event_time),
    )
    earlier = f.events[:-1]
    if earlier:
        actors = list(dict.fromkeys(e.actor for e in reversed(earlier)))
        named = ", ".join(escape(_clip(a, 80)) for a in actors[:3])
        if len(actors) > 3:
            named += f" and {len(actors) - 3} more"
        text += "\n" + say.earlier_changes(len(earlier), named)
    return text


def _change_line(change: AttributeChange, max_len: int) -> str:
    """One diff line, `path`: expected → actual, its values cut until the line fits."""
    clip = max_len
    while True:
        line = say.change_line(
            _code(_clip(change.path, clip)),
            _code(_clip(_json(change.expected), clip)),
            _code(_clip(_json(change.actual), clip)),
        )
        if len(line) <= max_len or clip <= 8:
            return _clip_mrkdwn(line, max_len)
        clip //= 2


def _diff(f: Finding) -> tuple[str | None, list[str]]:
    """The diff section of the card, and the thread texts for the changes it leaves out."""
    if not f.changes:
        return None, []
    total = len(f.changes)
    budget = MAX_SECTION_TEXT - 200  # room for the title and the "+N more" line
    lines: list[str] = []
    for change in f.changes[:DIFF_ON_CARD]:
        line = _change_line(change, CARD_LINE)
        if sum(len(x) + 1 for x in lines) + len(line) > budget:
            break
        lines.append(line)
    rest = f.changes[len(lines) :]
    text = say.diff_title(len(lines), total) + "\n" + "\n".join(lines)
    if rest:
        text += "\n" + say.diff_more_in_thread(len(rest))
    return text, _overflow(f, rest, len(lines), total)


def _overflow(f: Finding, rest: Sequence[AttributeChange], shown: int, total: int) -> list[str]:
    resource = _code(_clip(f.resource_id, 200))
    texts: list[str] = []
    number = shown
    for chunk in _fit_lines([_change_line(c, THREAD_LINE) for c in rest], MAX_SECTION_TEXT - 300):
        count = chunk.count("\n") + 1
        head = say.diff_continued(resource, number + 1, number + count, total)
        texts.append(f"{head}\n{chunk}")
        number += count
    return texts


def _confirmation_text(f: Finding) -> str:
    if f.confirmed is True:
        return say.confirmed(f.kind)
    if f.confirmed is False:
        return say.back_in_line(escape(f.reason) if f.reason else None)
    return say.not_confirmed(escape(f.reason) if f.reason else None)


def _runbook_text(f: Finding, runbook: Runbook | None) -> str:
    if runbook is not None:
        return say.runbook_line(_code(runbook.name), escape(_clip(runbook.description, 500)))
    if f.runbook:
        return say.runbook_line(_code(f.runbook), "(not loaded)")
    return say.no_runbook()


def _state_text(
    record: FindingRecord,
    runbook: Runbook | None,
    approval: ApprovalRequest | None,
    now: datetime | None,
) -> str:
    lines = [_state_line(record)]
    if record.state != "resolved" and approval is not None:
        lines.append(_approval_line(approval, now))
    if record.state in ("open", "accepted", "escalated") and not can_reapply(runbook):
        lines.append(say.no_reapply_target(_code(runbook.name) if runbook else None))
    return "\n".join(lines)


def _state_line(record: FindingRecord) -> str:
    if record.state == "accepted" and record.acceptance is not None:
        a = record.acceptance
        return say.state_accepted(
            _person(a.by), _when(a.until) if a.until else None, escape(_clip(a.reason, 1000))
        )
    if record.state == "escalated" and record.escalation is not None:
        e = record.escalation
        note = escape(_clip(e["note"], 1000)) if e.get("note") else None
        return say.state_escalated(_target(e.get("target")), _person(e.get("by")), note)
    if record.state == "reapplying" and record.reapply is not None:
        r = record.reapply
        approvers = [a for a in r.get("approvers", "").split(",") if a]
        return say.state_reapplying(
            escape(r.get("target", "the runbook's target")),
            _person(r.get("by")),
            _people(approvers),
            _iso_when(r.get("at")),
        )
    if record.state == "resolved":
        reason = escape(_clip(record.resolution, 1000)) if record.resolution else None
        return say.state_resolved(_when(record.resolved_at or record.state_since), reason)
    return say.state_open(_when(record.state_since), record.reopened)


def _approval_line(approval: ApprovalRequest, now: datetime | None) -> str:
    state = _approval_state(approval, now)
    given = len(approval.approvals)
    if state == "pending":
        return say.approval_pending(
            _person(approval.requester),
            given,
            approval.needed,
            _people(approval.approvals),
            _when(approval.expires_at),
        )
    if state == "denied":
        return say.approval_denied(_person(approval.denied_by))
    if state == "expired":
        return say.approval_expired(_when(approval.expires_at), given, approval.needed)
    return say.approval_approved(_people(approval.approvals))


def _ids_text(record: FindingRecord) -> str:
    return (
        f"{_code(record.id)} · first seen {_when(record.first_seen)} · "
        f"last seen {_when(record.last_seen)} · v{record.version}"
    )


def _card_button(action: ActionId, record: FindingRecord) -> ButtonElement:
    value = button_value(record.env, record.id)
    if action != ActionId.REAPPLY:
        return ButtonElement(text=BUTTON_TEXT[action], action_id=action, value=value)
    f = record.finding
    confirm = ConfirmObject(
        title="Reapply IaC?",
        text=MarkdownTextObject(
            text=_clip_mrkdwn(
                say.reapply_confirm(
                    f"{_code(_clip(f.resource_id, 100))} ({escape(f.resource_type)})",
                    escape(record.env),
                ),
                MAX_CONFIRM_TEXT,
            )
        ),
        confirm="Ask for approval",
        deny="Cancel",
    )
    return ButtonElement(
        text=BUTTON_TEXT[action], action_id=action, value=value, style="danger", confirm=confirm
    )


# ---- the audit trail ------------------------------------------------------------------------


def render_audit(transition: Transition) -> str:
    """The thread reply recording one transition: what moved, who, when, why (mrkdwn,
    ≤ 3,000 characters). The actor is mentioned when a person acted from Slack."""
    t = transition
    emoji = STATE_EMOJI.get(t.to_state, "•")
    moved = (
        f"{emoji} *detected*"
        if t.from_state is None
        else f"{emoji} *{t.from_state} → {t.to_state}*"
    )
    text = say.audit(
        moved,
        _code(_clip(t.resource, 300)),
        _person(t.actor, slack=t.to_state in HUMAN_STATES),
        _when(t.at),
        escape(_clip(t.reason, 2000)),
        _code(t.job_id) if t.job_id else None,
    )
    return _clip_mrkdwn(text, MAX_SECTION_TEXT)


# ---- modals ---------------------------------------------------------------------------------


def render_accept_modal(record: FindingRecord, private_metadata: str) -> dict[str, Any]:
    """The Accept modal (`ViewId.ACCEPT`): a required reason (`InputId.REASON`) and an
    optional expiry date (`InputId.UNTIL`); `private_metadata` comes back on submission."""
    f = record.finding
    view = View(
        type="modal",
        callback_id=ViewId.ACCEPT,
        title="Accept drift",
        submit="Accept",
        close="Cancel",
        private_metadata=private_metadata,
        blocks=[
            _section(say.accept_intro(_resource_code(f), escape(record.env))),
            InputBlock(
                block_id=InputId.REASON,
                label="Why is this change intended?",
                element=PlainTextInputElement(
                    action_id=InputId.REASON,
                    multiline=True,
                    max_length=1000,
                    placeholder="e.g. a hotfix; IaC catches up in PR #123",
                ),
            ),
            InputBlock(
                block_id=InputId.UNTIL,
                label="Until",
                optional=True,
                hint=say.accept_until_hint(),
                element=DatePickerElement(action_id=InputId.UNTIL, placeholder="No expiry"),
            ),
        ],
    )
    return _view(view)


def render_escalate_modal(
    record: FindingRecord,
    targets: Sequence[tuple[str, str]],
    default: str | None,
    private_metadata: str,
) -> dict[str, Any]:
    """The Escalate modal (`ViewId.ESCALATE`): pick a target (`InputId.TARGET`, a static
    select of (label, value) pairs, `default` preselected) and add a note (`InputId.NOTE`,
    optional). Without targets it says how to set one up and has no submit button."""
    f = record.finding
    intro = _section(say.escalate_intro(_resource_code(f), escape(record.env)))
    if not targets:
        view = View(
            type="modal",
            callback_id=ViewId.ESCALATE,
            title="Escalate drift",
            close="Close",
            private_metadata=private_metadata,
            blocks=[intro, _section(say.no_escalation_targets(escape(record.env)))],
        )
        return _view(view)
    options = [
        Option(value=value, label=_clip(label, MAX_OPTION_LABEL))
        for label, value in targets[:MAX_OPTIONS]
    ]
    initial = next((o for o in options if o.value == default), None)
    view = View(
        type="modal",
        callback_id=ViewId.ESCALATE,
        title="Escalate drift",
        submit="Escalate",
        close="Cancel",
        private_metadata=private_metadata,
        blocks=[
            intro,
            InputBlock(
                block_id=InputId.TARGET,
                label="Escalate to",
                element=StaticSelectElement(
                    action_id=InputId.TARGET,
                    placeholder="Choose a team or channel",
                    options=options,
                    initial_option=initial,
                ),
            ),
            InputBlock(
                block_id=InputId.NOTE,
                label="Note",
                optional=True,
                element=PlainTextInputElement(
                    action_id=InputId.NOTE,
                    multiline=True,
                    max_length=1000,
                    placeholder="What should they know?",
                ),
            ),
        ],
    )
    return _view(view)


# ---- approvals and escalations --------------------------------------------------------------


def _reapply_target(runbook: Runbook | None) -> str:
    if runbook is None or runbook.fix.reapply is None:
        return "no reapply target (the runbook has no `fix.reapply`)"
    host = urlsplit(runbook.fix.reapply.webhook.url).hostname or "?"
    return f"webhook {_code(host)} (runbook {_code(runbook.name)})"


def _approval_state(request: ApprovalRequest, now: datetime | None) -> str:
    if request.state == "pending" and now is not None and request.is_expired(now):
        return "expired"
    return request.state


def render_approval_request(
    record: FindingRecord,
    request: ApprovalRequest,
    runbook: Runbook | None,
    now: datetime | None = None,
) -> Message:
    """The approval message posted to the environment's approvers.

    While pending it mentions the approver groups and has Approve / Deny buttons (value
    `"{env}|{request.id}"`); once approved, denied or expired (by state, or by `now`) it shows
    the outcome and no buttons.
    """
    f = record.finding
    state = _approval_state(request, now)
    groups = " ".join(f"<!subteam^{g}>" for g in request.approver_groups if SLACK_GROUP.match(g))
    ask = say.approval_ask(
        groups if state == "pending" else "", _person(request.requester), escape(record.env)
    )
    addresses = ", ".join(_code(a) for a in f.addresses[:ADDRESSES_ON_CARD]) or "none"
    given = f"{len(request.approvals)} of {request.needed}"
    if request.approvals:
        given += f": {_people(request.approvals)}"
    fields = [
        f"*Resource*\n{_resource_code(f)}",
        f"*Where*\n{escape(record.env)} · account {_code(f.account_id)} · {_code(f.region)}",
        f"*IaC to reapply*\n{addresses}",
        f"*Reapply via*\n{_reapply_target(runbook)}",
        f"*Approvals*\n{given}",
        f"*Expires*\n{_when(request.expires_at)}",
    ]
    rules = [say.requester_cannot_approve()] if not request.requester_can_approve else []
    if not request.approver_groups:
        rules.append(say.approval_anyone())
    blocks: list[Block] = [
        _section(ask),
        SectionBlock(
            fields=[MarkdownTextObject(text=_clip_mrkdwn(t, MAX_FIELD_TEXT)) for t in fields]
        ),
        _context(
            f"{SEVERITY_EMOJI[f.severity]} {f.severity or 'unrated'} {f.kind} · "
            f"finding {_code(record.id)} · request {_code(request.id)}",
            " ".join(rules),
        ),
    ]
    if state == "pending":
        blocks.append(_approval_buttons(record, request))
    else:
        blocks.append(_section(_approval_line(request.model_copy(update={"state": state}), None)))
    text = (
        f"{groups + ' ' if state == 'pending' and groups else ''}Reapply {state}: "
        f"{escape(f.resource_type)} {escape(f.resource_id)} in {escape(record.env)}, "
        f"asked by {_person(request.requester)} ({given})"
    )
    return _message(text, blocks)


def _approval_buttons(record: FindingRecord, request: ApprovalRequest) -> ActionsBlock:
    value = button_value(request.env, request.id)
    confirm = ConfirmObject(
        title="Approve the reapply?",
        text=MarkdownTextObject(
            text=_clip_mrkdwn(
                say.reapply_confirm(
                    f"{_code(_clip(record.finding.resource_id, 100))} "
                    f"({escape(record.finding.resource_type)})",
                    escape(record.env),
                ),
                MAX_CONFIRM_TEXT,
            )
        ),
        confirm="Approve",
        deny="Cancel",
    )
    return ActionsBlock(
        block_id=approval_block_id(request),
        elements=[
            ButtonElement(text=BUTTON_TEXT[ActionId.APPROVE], action_id=ActionId.APPROVE,
                          value=value, style="primary", confirm=confirm),
            ButtonElement(text=BUTTON_TEXT[ActionId.DENY], action_id=ActionId.DENY,
                          value=value, style="danger"),
        ],
    )  # fmt: skip


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
    where = _target(target) if target else "this channel"
    intro = say.escalation_intro(mention, _person(by), escape(record.env), where)
    severity = f.severity
    summary = [
        f"{SEVERITY_EMOJI[severity]} *{severity or 'unrated'} · {f.kind}* {_resource_code(f)}",
        say.resource_where(_code(f.account_id), _code(f.region), escape(record.env)),
        _events_text(f),
    ]
    blocks: list[Block] = [_section(intro), _section("\n".join(summary))]
    if note:
        quoted = "\n".join("> " + escape(line) for line in _clip(note, 2000).splitlines())
        blocks.append(_section(quoted))
    if permalink:
        blocks.append(_context(say.open_card(_link(permalink))))
    text = (
        f"{mention + ' ' if mention else ''}Drift escalated in {escape(record.env)}: "
        f"{escape(f.resource_type)} {escape(f.resource_id)}"
    )
    return _message(text, blocks)


# ---- check progress -------------------------------------------------------------------------


def render_progress(
    env: str,
    job_id: str,
    state: str,
    progress: Mapping[str, Any] | None,
    result: Mapping[str, Any] | None,
    error: str | None,
    hint: str | None = None,
) -> Message:
    """The in-place progress message of a check: queued, reading N records, confirming n/m,
    done with counts, or failed with the error (and what to do)."""
    e = escape(env)
    details = ""
    if state == "queued":
        line = say.progress_queued(e, _code(job_id))
    elif state == "running":
        line = _running_line(e, progress or {})
    elif state == "succeeded":
        r = result or {}
        counts = (_int(r, k) for k in ("modified", "deleted", "unmanaged", "resolved"))
        line = say.progress_done(e, *counts)
        details = say.progress_window(
            _int(r, "records"),
            _int(r, "changes"),
            _iso_when(r.get("window_start")),
            _iso_when(r.get("window_end")),
        )
    elif state == "failed":
        line = say.progress_failed(e, escape(error or "no reason was recorded"))
        details = escape(hint) if hint else ""
    else:
        line = say.progress_unknown(e, escape(state))
    blocks: list[Block] = [_section(line)]
    blocks.append(_context(*(t for t in (details, say.job_ref(_code(job_id))) if t)))
    return _message(line, blocks)


def _int(values: Mapping[str, Any], key: str) -> int:
    try:
        return int(values.get(key) or 0)
    except (TypeError, ValueError):
        return 0


def _running_line(env: str, progress: Mapping[str, Any]) -> str:
    if not progress:
        return say.progress_started(env)
    records, changes = _int(progress, "records"), _int(progress, "changes")
    if progress.get("phase") == "confirming":
        done, total = _int(progress, "confirmed"), _int(progress, "to_confirm")
        return say.progress_confirming(env, done, total, records, changes)
    return say.progress_reading(env, records, changes)


def render_status(job_id: str, info: Mapping[str, Any] | None) -> Message:
    """The reply to `/drift status JOB`: the job's progress message, or that it is unknown."""
    if info is None:
        return _text_message(say.no_job(_code(job_id)))
    state = str(info.get("state") or info.get("queue_status") or "unknown")
    progress = info.get("progress")
    result = info.get("result")
    return render_progress(
        str(info.get("env") or "?"),
        job_id,
        state,
        progress if isinstance(progress, Mapping) else None,
        result if isinstance(result, Mapping) else None,
        str(info["error"]) if info.get("error") else None,
        str(info["hint"]) if info.get("hint") else None,
    )


# ---- the digest ------------------------------------------------------------------------------


def render_digest(digest: Digest) -> tuple[Message, list[Message]]:
    """The daily digest of one environment: the summary message (counts and mean time to
    resolve) and the breakdown as thread messages (each ≤ 50 blocks; long lists chunked).
    A clean digest has no breakdown."""
    d = digest
    env = escape(d.environment)
    mttr = _age(d.mean_time_to_resolve_hours) if d.mean_time_to_resolve_hours is not None else "n/a"
    counts = say.digest_counts(len(d.new), len(d.open), len(d.accepted), len(d.resolved), mttr)
    if d.is_clean:
        summary_text = say.digest_clean(env)
        summary = _message(summary_text, [_header(say.digest_title(d.environment)),
                                          _section(summary_text)])  # fmt: skip
        return summary, []
    summary = _message(
        f"{say.digest_title(env)}: {counts}",
        [
            _header(say.digest_title(d.environment)),
            _section(counts),
            _context(say.digest_since(_when(d.since) if d.since else None)),
        ],
    )
    sections: list[dict[str, Any]] = []
    for title, items in (("New", d.new), ("Still open", d.open), ("Accepted", d.accepted),
                         ("Resolved", d.resolved)):  # fmt: skip
        if not items:
            continue
        lines = [_digest_line(i) for i in items]
        for text in _fit_lines(lines, MAX_SECTION_TEXT, head=say.digest_section(title, len(items))):
            sections.append(_section(text).to_dict())
    chunks = _chunk_blocks(sections)
    thread = [
        Message(text=say.digest_part(env, n, len(chunks)), blocks=chunk)
        for n, chunk in enumerate(chunks, start=1)
    ]
    return summary, thread


def _digest_line(item: DigestItem) -> str:
    actor = f" · by {escape(_clip(item.actor, 80))}" if item.actor else ""
    note = f" — {escape(_clip(item.note, 300))}" if item.note else ""
    return (
        f"{SEVERITY_EMOJI.get(item.severity, '⚪')} {item.kind} {_code(item.resource_type)} "
        f"{_code(_clip(item.resource_id, 200))} ({escape(item.region)}) · "
        f"{_age(item.age_hours)} old{actor} · {_code(item.finding_id)}{note}"
    )


def render_back_to_clean(env: str, last_resolved: FindingRecord | str | None) -> Message:
    """The notice that an environment's last open finding resolved: the record, or just its
    resource (`TYPE ID`, as transitions name it), or None."""
    if not last_resolved:
        text = say.back_to_clean(escape(env), None, None)
    elif isinstance(last_resolved, str):
        text = say.back_to_clean(escape(env), _code(_clip(last_resolved, 300)), None)
    else:
        reason = escape(_clip(last_resolved.resolution, 500)) if last_resolved.resolution else None
        text = say.back_to_clean(escape(env), _resource_code(last_resolved.finding), reason)
    return _text_message(text)


# ---- App Home --------------------------------------------------------------------------------


def _sort_key(record: FindingRecord) -> tuple[int, datetime, str]:
    return (SEVERITY_RANK.get(record.finding.severity, 4), record.first_seen, record.id)


def _home_finding(
    record: FindingRecord,
    runbook: Runbook | None,
    approval: ApprovalRequest | None,
    now: datetime,
) -> list[Block]:
    f = record.finding
    last = f.events[-1] if f.events else None
    by = f" · last change by {escape(_clip(last.actor, 80))}" if last else ""
    age = _age((now - record.first_seen).total_seconds() / 3600)
    severity = _severity(f, runbook)
    text = (
        f"{SEVERITY_EMOJI[severity]} *{severity or 'unrated'} · {f.kind}* "
        f"{_resource_code(f)} ({_code(f.region)}){by} · {age} old\n"
        f"{_state_text(record, runbook, approval, now)}"
    )
    blocks: list[Block] = [_section(text)]
    actions = allowed_actions(record, runbook, approval, now)
    if actions:
        blocks.append(
            ActionsBlock(
                block_id=card_block_id(record),
                elements=[_card_button(a, record) for a in actions],
            )
        )
    return blocks


def render_home(
    sections: Sequence[tuple[str, Sequence[FindingRecord]]],
    runbooks: Mapping[str, Runbook],
    now: datetime,
    approvals: Mapping[str, ApprovalRequest] | None = None,
) -> dict[str, Any]:
    """The App Home view: one section per environment the viewer may see, its unresolved
    findings (most severe first) with the same buttons as their cards. At most 100 blocks,
    shared fairly between the environments; an environment that does not fit ends with
    "+N more — see `drift findings ENV`".

    Args:
        sections: (environment, its findings) for each environment the viewer may see.
        runbooks: by name, for each finding's runbook (whether Reapply is set up).
        now: the time, for ages.
        approvals: pending reapply requests by finding id (no second Reapply for those).
    """
    approvals = approvals or {}
    blocks: list[Block] = [_header("Drift"), _context(say.home_intro(_when(now)))]
    if not sections:
        blocks.append(_section(say.home_nothing_visible()))
    envs: list[tuple[str, list[list[Block]]]] = []
    for env, records in sections:
        live = sorted((r for r in records if r.state != "resolved"), key=_sort_key)
        parts = [
            _home_finding(r, runbooks.get(r.finding.runbook or ""), approvals.get(r.id), now)
            for r in live
        ]
        envs.append((env, parts))
    needs = [1 + max(1, sum(len(p) for p in parts)) for _, parts in envs]
    shares = _shares(needs, MAX_VIEW_BLOCKS - len(blocks))
    for (env, parts), room in zip(envs, shares, strict=True):
        blocks.extend(_home_env(env, parts, room))
    return _view(View(type="home", blocks=blocks))


def _shares(needs: Sequence[int], total: int) -> list[int]:
    """Split `total` blocks fairly: the smallest needs are met first, and whatever they leave
    is shared equally by the rest."""
    shares = [0] * len(needs)
    left = total
    order = sorted(range(len(needs)), key=lambda i: needs[i])
    for done, i in enumerate(order):
        shares[i] = min(needs[i], left // (len(needs) - done))
        left -= shares[i]
    return shares


def _home_env(env: str, parts: Sequence[Sequence[Block]], room: int) -> list[Block]:
    """One environment's part of Home in at most `room` blocks."""
    header = _header(f"{env} · {len(parts)} open")
    if not parts:
        return [header, _context(say.home_env_clean(escape(env)))][:room]
    blocks: list[Block] = [header]
    shown = 0
    for part in parts:
        left = len(parts) - shown - 1
        if len(blocks) + len(part) + (1 if left else 0) > room:
            break
        blocks.extend(part)
        shown += 1
    if shown < len(parts):
        more = _context(say.more_findings(len(parts) - shown, escape(env)))
        blocks = [*blocks[: max(room - 1, 0)], more][-room:] if room else []
    return blocks


# ---- /drift replies --------------------------------------------------------------------------


def render_help() -> Message:
    """The reply to `/drift help`."""
    return _text_message(say.help_text())


class Problem(Protocol):
    """What was wrong with a command (bot.commands.Usage has this shape)."""

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
    return _text_message(say.usage(text))


def render_envs(envs: Mapping[str, EnvSlack | None] | Sequence[str]) -> Message:
    """The reply to `/drift envs`: each environment (names, or names with their Slack set-up:
    its channel, whether it is protected and its approver groups, shown as ids and never
    mentioned: this must not ping anyone)."""
    if not envs:
        return _text_message(say.envs_none())
    if not isinstance(envs, Mapping):
        names = [envs] if isinstance(envs, str) else list(envs)
        lines = [say.envs_title(len(names)), *(f"• {_code(n)}" for n in sorted(names))]
        return _text_message("\n".join(lines))
    lines = [say.envs_title(len(envs))]
    for name, slack in sorted(envs.items()):
        if slack is None:
            lines.append(say.env_line(_code(name), None, "", ""))
            continue
        channel = (
            f"<#{slack.channel}>" if SLACK_CHANNEL.match(slack.channel) else _code(slack.channel)
        )
        protected = f" · protected ({slack.approvals} approvers)" if slack.protected else ""
        groups = ", ".join(_code(g) for g in slack.approvers)
        approvers = f" · approvers {groups}" if groups else ""
        lines.append(say.env_line(_code(name), channel, protected, approvers))
    return _text_message("\n".join(lines))


def render_findings_list(
    env: str, records: Sequence[FindingRecord], now: datetime | None = None
) -> Message:
    """The reply to `/drift findings ENV`: one line per finding, unresolved first, most
    severe first; over 100 lines it points to `drift findings ENV`."""
    if not records:
        return _text_message(say.no_findings(escape(env)))
    ordered = sorted(records, key=lambda r: (r.state == "resolved", *_sort_key(r)))
    lines = [_finding_line(r, now) for r in ordered[:LIST_LINES]]
    if len(ordered) > LIST_LINES:
        lines.append(say.more_findings(len(ordered) - LIST_LINES, escape(env)))
    return _lines_message(say.findings_title(escape(env), len(records)), lines)


def _finding_line(record: FindingRecord, now: datetime | None) -> str:
    f = record.finding
    age = f" · {_age((now - record.first_seen).total_seconds() / 3600)} old" if now else ""
    return (
        f"{SEVERITY_EMOJI[f.severity]} {_code(record.id)} *{record.state}* {f.kind} "
        f"{_resource_code(f)} ({escape(f.region)}){age}"
    )


def _lines_message(title: str, lines: Sequence[str]) -> Message:
    """A title and lines as sections within a message's limits (the lines are short)."""
    texts = _fit_lines(lines, MAX_SECTION_TEXT, head=title)
    blocks = [_section(t) for t in texts][:MAX_MESSAGE_BLOCKS]
    return _message(title, blocks)


def render_history(env: str, entries: Sequence[Mapping[str, str]]) -> Message:
    """The reply to `/drift history ENV [RESOURCE]`: checks and transitions, oldest first
    (the newest 100 when there are more)."""
    if not entries:
        return _text_message(say.history_empty(escape(env)))
    shown = entries[-LIST_LINES:]
    lines = [_history_line(e) for e in shown]
    if len(entries) > len(shown):
        lines.insert(0, say.history_more(len(entries) - len(shown), escape(env)))
    return _lines_message(say.history_title(escape(env), len(entries)), lines)


def _history_line(entry: Mapping[str, str]) -> str:
    at = _iso_when(entry.get("at"))
    if entry.get("type") == "check":
        how = f"{escape(entry.get('trigger') or 'check')}"
        if entry.get("requested_by"):
            how += f" by {_person(entry.get('requested_by'))}"
        return say.history_check(
            at,
            _iso_when(entry.get("window_start")),
            _iso_when(entry.get("window_end")),
            _int(entry, "findings"),
            _int(entry, "changes"),
            how,
        )
    to_state = entry.get("to_state") or "?"
    moved = f"*{escape(entry.get('from_state') or 'new')} → {escape(to_state)}*"
    return say.history_transition(
        at,
        moved,
        _code(_clip(entry.get("resource") or "?", 200)),
        _person(entry.get("actor"), slack=to_state in HUMAN_STATES),
        escape(_clip(entry.get("reason") or "", 500)),
    )
