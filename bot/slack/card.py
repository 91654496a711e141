"""The drift card: its blocks per state (the buttons that still make sense, with their block id
and values), the diff and its thread overflow, and the audit replies in its thread. Pure: no I/O."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    MarkdownTextObject,
)

from bot.drift.findings import AttributeChange, Finding
from bot.lifecycle.approvals import ApprovalRequest
from bot.lifecycle.transitions import FindingRecord, State, Transition
from bot.messages.slack import Label, plus_more, severity_label
from bot.messages.slack import card as say
from bot.policy.approvers import Approvers
from bot.policy.runbook import Runbook
from bot.slack.blocks import (
    MAX_CONFIRM_TEXT,
    MAX_SECTION_TEXT,
    Message,
    context,
    header,
    message,
    section,
)
from bot.slack.finding_text import (
    SEVERITY_EMOJI,
    can_reapply,
    events_text,
    severity_of,
    state_text,
)
from bot.slack.ids import BUTTON_TEXT, ActionId, button_value, card_block_id
from bot.slack.runs import import_suggestion, import_text, links_line, run_line
from bot.slack.text import HUMAN_STATES, clip, clip_mrkdwn, code, escape, fit_lines, person, when

DIFF_ON_CARD = 5  # attribute changes shown on the card; the rest go to the thread
ADDRESSES_ON_CARD = 10
CARD_LINE = 600  # a diff line on the card, at most (values are cut to fit)
THREAD_LINE = 1500  # a diff line in the thread, at most

STATE_ACTIONS: dict[State, tuple[ActionId, ...]] = {
    "open": (ActionId.ACCEPT, ActionId.REAPPLY, ActionId.ESCALATE),
    "escalated": (ActionId.ACCEPT, ActionId.REAPPLY),
    "accepted": (ActionId.REAPPLY, ActionId.ESCALATE),
    "reapplying": (),
    "resolved": (),
}
# Codify and Retry join the state's buttons when they apply (see allowed_actions).
CODIFY_STATES: frozenset[State] = frozenset({"open", "escalated", "accepted"})
STATE_EMOJI: dict[str, str] = {
    "open": "🟥",
    "accepted": "✅",
    "reapplying": "🔧",
    "escalated": "📣",
    "resolved": "🟩",
}


@dataclass(frozen=True)
class CardMessage(Message):
    """A drift card: the message, and the diff lines that did not fit (`thread_overflow`:
    mrkdwn texts of at most 3,000 characters each, to post in the card's thread)."""

    thread_overflow: list[str] = field(default_factory=list)


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
    *,
    codify: bool = False,
    approvers: Approvers | None = None,
) -> tuple[ActionId, ...]:
    """The buttons that still make sense: by state (open: Accept, Reapply, Escalate; escalated:
    Accept, Reapply; accepted: Reapply, Escalate; reapplying and resolved: none), without
    Reapply while a request is pending, when the runbook has no reapply target, or when nobody
    may approve one (`approvers`, when given); with Retry when the last reapply run failed
    (instead of Reapply), and Codify on an unmanaged finding when the environment has a codify
    target (`codify`) and no pull request is open yet."""
    actions = STATE_ACTIONS[record.state]
    if is_pending(approval, now) or not can_reapply(runbook, approvers):
        actions = tuple(a for a in actions if a != ActionId.REAPPLY)
    run = record.run
    failed = run is not None and run.status == "failed" and record.state in CODIFY_STATES
    if failed and not is_pending(approval, now) and can_reapply(runbook, approvers):
        actions = tuple(ActionId.RETRY if a == ActionId.REAPPLY else a for a in actions)
    pr_open = any(k.kind == "codify" and k.state == "open" for k in record.links)
    if codify and record.state in CODIFY_STATES and not pr_open and import_suggestion(record):
        actions = (*actions, ActionId.CODIFY)
    return actions


def render_card(
    record: FindingRecord,
    runbook: Runbook | None,
    approval: ApprovalRequest | None = None,
    now: datetime | None = None,
    *,
    codify: bool = False,
    approvers: Approvers | None = None,
) -> CardMessage:
    """The card of one finding, for its current state.

    Args:
        record: the stored finding.
        runbook: the runbook it matched (None: none did; then there is no Reapply).
        approval: the finding's latest reapply request, if any (pending: no second Reapply).
        now: the time, to judge whether that request has expired.
        codify: whether the environment has a codify target (the Codify button).
        approvers: who may approve a reapply here (bot/policy/approvers.py); nobody: no
            Reapply, and the card says why. None: not known (Reapply as the runbook says).

    Returns:
        The card (≤ 50 blocks, sections ≤ 3,000 characters, a fallback `text`) and, when the
        diff is long, the rest of it as `thread_overflow` texts for the card's thread.
    """
    f = record.finding
    severity = severity_of(f, runbook)
    diff, overflow = _diff(f)
    blocks: list[Block] = [
        header(f"{SEVERITY_EMOJI[severity]} {severity_label(severity)} · {f.kind}"),
        section(_resource_text(record)),
        section(events_text(f)),
    ]
    if diff:
        blocks.append(section(diff))
    blocks.append(context(_confirmation_text(f), _runbook_text(f, runbook)))
    suggestion = import_suggestion(record)
    if suggestion is not None:
        blocks.append(section(import_text(suggestion)))
    blocks.append(section(state_text(record, runbook, approval, now, approvers)))
    run = run_line(record)
    if run is not None:
        blocks.append(section(run))
    links = links_line(record)
    if links is not None:
        blocks.append(context(links))
    blocks.append(context(_ids_text(record)))
    blocks.extend(card_actions(record, runbook, approval, now, codify=codify, approvers=approvers))
    text = say.card_fallback(
        SEVERITY_EMOJI[severity],
        severity_label(severity),
        f.kind,
        f"{escape(f.resource_type)} {escape(f.resource_id)}",
        escape(record.env),
        escape(f.region),
        escape(f.account_id),
        record.state,
    )
    base = message(text, blocks)
    return CardMessage(base.text, base.blocks, overflow)


def _resource_text(record: FindingRecord) -> str:
    f = record.finding
    lines = [
        f"*{code(f.resource_id)}* · {escape(f.resource_type)}: {say.kind_meaning(f.kind)}",
        say.resource_where(code(f.account_id), code(f.region), escape(record.env)),
    ]
    if f.addresses:
        shown = [code(a) for a in f.addresses[:ADDRESSES_ON_CARD]]
        more = len(f.addresses) - len(shown)
        lines.append(say.iac_addresses(", ".join([*shown, plus_more(more)] if more else shown)))
    else:
        lines.append(say.iac_none(escape(record.env)))
    return "\n".join(lines)


def _json(value: object) -> str:
    """Compact JSON, keys sorted, for an attribute value."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=True, default=str)


def _change_line(change: AttributeChange, max_len: int) -> str:
    """One diff line, `path`: expected → actual, its values cut until the line fits."""
    width = max_len
    while True:
        line = say.change_line(
            code(clip(change.path, width)),
            code(clip(_json(change.expected), width)),
            code(clip(_json(change.actual), width)),
        )
        if len(line) <= max_len or width <= 8:
            return clip_mrkdwn(line, max_len)
        width //= 2


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
    resource = code(clip(f.resource_id, 200))
    texts: list[str] = []
    number = shown
    for chunk in fit_lines([_change_line(c, THREAD_LINE) for c in rest], MAX_SECTION_TEXT - 300):
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
        return say.runbook_line(code(runbook.name), escape(clip(runbook.description, 500)))
    if f.runbook:
        return say.runbook_line(code(f.runbook), Label.RUNBOOK_NOT_LOADED)
    return say.no_runbook()


def _ids_text(record: FindingRecord) -> str:
    return say.card_ids(
        code(record.id), when(record.first_seen), when(record.last_seen), record.version
    )


def card_actions(
    record: FindingRecord,
    runbook: Runbook | None,
    approval: ApprovalRequest | None,
    now: datetime | None,
    *,
    codify: bool = False,
    approvers: Approvers | None = None,
) -> list[Block]:
    """The card's buttons block (none when no button makes sense); App Home shows the same."""
    actions = allowed_actions(record, runbook, approval, now, codify=codify, approvers=approvers)
    if not actions:
        return []
    buttons = [card_button(action, record) for action in actions]
    return [ActionsBlock(block_id=card_block_id(record), elements=buttons)]


def card_button(action: ActionId, record: FindingRecord) -> ButtonElement:
    """A card button carrying `"{env}|{finding id}"`; Reapply is red and asks to confirm."""
    value = button_value(record.env, record.id)
    if action == ActionId.RETRY:
        return ButtonElement(
            text=BUTTON_TEXT[action], action_id=action, value=value, style="danger"
        )
    if action != ActionId.REAPPLY:
        return ButtonElement(text=BUTTON_TEXT[action], action_id=action, value=value)
    confirm = reapply_confirm(record, Label.REAPPLY_TITLE, Label.ASK_APPROVAL)
    return ButtonElement(
        text=BUTTON_TEXT[action], action_id=action, value=value, style="danger", confirm=confirm
    )


def reapply_confirm(record: FindingRecord, title: str, confirm: str) -> ConfirmObject:
    """The confirmation of a reapply (asking for one, or approving one): the resource and
    environment it would change."""
    f = record.finding
    what = say.reapply_confirm(
        f"{code(clip(f.resource_id, 100))} ({escape(f.resource_type)})", escape(record.env)
    )
    return ConfirmObject(
        title=title,
        text=MarkdownTextObject(text=clip_mrkdwn(what, MAX_CONFIRM_TEXT)),
        confirm=confirm,
        deny=Label.CANCEL,
    )


def render_audit(transition: Transition) -> str:
    """The thread reply recording one transition: what moved, who, when, why (mrkdwn,
    ≤ 3,000 characters). The actor is mentioned when a person acted from Slack."""
    t = transition
    text = say.audit(
        say.audit_moved(STATE_EMOJI.get(t.to_state, "•"), t.from_state, t.to_state),
        code(clip(t.resource, 300)),
        person(t.actor, slack=t.to_state in HUMAN_STATES),
        when(t.at),
        escape(clip(t.reason, 2000)),
        code(t.job_id) if t.job_id else None,
    )
    return clip_mrkdwn(text, MAX_SECTION_TEXT)
