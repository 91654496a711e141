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

from bot.catalog.console import console_url, event_url, has_console_page
from bot.drift.findings import AttributeChange, Finding
from bot.lifecycle.approvals import ApprovalRequest
from bot.lifecycle.external import WAITING
from bot.lifecycle.transitions import FindingRecord, State, Transition
from bot.messages.confirm import confirm_off
from bot.messages.slack import Label, glance, plus_more
from bot.messages.slack import card as say
from bot.policy.approvers import Approvers
from bot.policy.runbook import Runbook
from bot.slack.blocks import (
    MAX_CONFIRM_TEXT,
    MAX_SECTION_TEXT,
    Message,
    context,
    message,
    section,
)
from bot.slack.finding_text import can_reapply, events_text, state_text
from bot.slack.headline import diff_in_words, headline
from bot.slack.ids import BUTTON_TEXT, ActionId, button_value, card_block_id
from bot.slack.runs import import_suggestion, import_text, links_line, run_line
from bot.slack.text import (
    HUMAN_STATES,
    clip,
    clip_mrkdwn,
    code,
    escape,
    fit_lines,
    link,
    person,
    when,
)

DIFF_ON_CARD = 5  # attribute changes shown on the card; the rest go to the thread
ADDRESSES_ON_CARD = 10
CARD_LINE = 600  # a diff line on the card, at most (values are cut to fit)
THREAD_LINE = 1500  # a diff line in the thread, at most

STATE_ACTIONS: dict[State, tuple[ActionId, ...]] = {
    "open": (ActionId.ACCEPT, ActionId.REAPPLY, ActionId.ESCALATE),
    "escalated": (ActionId.ACCEPT, ActionId.REAPPLY),
    "accepted": (ActionId.REAPPLY, ActionId.ESCALATE),
    "reapplying": (ActionId.ACCEPT, ActionId.ESCALATE),  # never stuck: it times out too
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
    Accept, Reapply; accepted: Reapply, Escalate; reapplying: Accept, Escalate; resolved:
    none), without Reapply while a request is pending or an approved one is being triggered,
    when the runbook has no reapply target, or when nobody may approve one (`approvers`, when
    given); with Retry when the last reapply run failed (instead of Reapply), and Codify on an
    unmanaged finding when the environment has a codify target (`codify`) and no pull request
    is open yet."""
    actions = STATE_ACTIONS[record.state]
    run = record.run
    triggering = run is not None and run.status in WAITING
    if is_pending(approval, now) or triggering or not can_reapply(runbook, approvers):
        actions = tuple(a for a in actions if a != ActionId.REAPPLY)
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
    iac_sources: Sequence[str] = (),
) -> CardMessage:
    """The card of one finding, for its current state.

    Read in one glance: the headline (severity, environment, the resource, what the last
    change did, who and how, how long ago; bot/slack/headline.py), the diff in words (at most
    DIFF_ON_CARD lines; the rest and the JSON form go to the thread as `thread_overflow`), one
    line on the resource and its IaC (linked to `iac_sources`, the state entries'
    `source_url`s), one on the last change (its CloudTrail event linked), the links (the
    console, the runbook's title), the state, the run, the buttons and the runbook's
    `fix.escalate.note` next to them. A resolved card says how it was resolved, in green, with
    no buttons.

    Args:
        record: the stored finding.
        runbook: the runbook it matched (None: none did; then there is no Reapply).
        approval: the finding's latest reapply request, if any (pending: no second Reapply).
        now: the time, for ages and to judge whether that request has expired.
        codify: whether the environment has a codify target (the Codify button).
        approvers: who may approve a reapply here (bot/policy/approvers.py); nobody: no
            Reapply, and the card says why. None: not known (Reapply as the runbook says).
        iac_sources: where the environment's IaC lives (the state entries' `source_url`).
    """
    f = record.finding
    at = now or record.last_seen
    top = headline(record, runbook, at)
    words = diff_in_words(f) if record.state != "resolved" else []
    blocks: list[Block] = [section(f"*{top.mrkdwn}*")]
    diff_text, overflow = _diff(record, words)
    if diff_text:
        blocks.append(section(diff_text))
    blocks.append(context(_resource_text(record, iac_sources), _change_text(f)))
    blocks.append(context(*_links(record, runbook)))
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
    buttons = card_actions(record, runbook, approval, now, codify=codify, approvers=approvers)
    blocks.extend(buttons)
    note = runbook.fix.escalate.note if runbook and runbook.fix.escalate else None
    if buttons and note:
        blocks.append(context(glance.escalate_note(escape(clip(note, 500)))))
    base = message(escape(top.plain), blocks)  # the notification's text: escaped, no tokens
    return CardMessage(base.text, base.blocks, overflow)


def _resource_text(record: FindingRecord, sources: Sequence[str]) -> str:
    f = record.finding
    if f.addresses:
        shown = [code(a) for a in f.addresses[:ADDRESSES_ON_CARD]]
        more = len(f.addresses) - len(shown)
        named = ", ".join([*shown, plus_more(more)] if more else shown)
        urls = " ".join(glance.link_label(link(u), glance.IAC_SOURCE) for u in sources[:3])
        iac = glance.iac_managed(named, urls)
    else:
        iac = glance.iac_unmanaged()
    text = glance.resource_line(
        escape(f.resource_type), code(f.resource_id), code(f.account_id), code(f.region), iac
    )
    verdict = _confirmation_text(f)
    return text + (f"\n{verdict}" if verdict else "")


def _change_text(f: Finding) -> str:
    """The last change (its CloudTrail event linked, its id shown) and who else changed it."""
    text = events_text(f, glance.change_line_ctx)
    if f.events:
        last = f.events[-1]
        url = glance.link_label(link(event_url(last.event_id, f.region)), escape(last.event_id))
        first, _, rest = text.partition("\n")
        text = first + " · " + glance.event_ref(url) + (f"\n{rest}" if rest else "")
    return text


def _links(record: FindingRecord, runbook: Runbook | None) -> list[str]:
    f = record.finding
    url = console_url(f.resource_type, f.resource_id, f.region, f.account_id)
    label = glance.CONSOLE if has_console_page(f.resource_type) else glance.EVENT_HISTORY
    out = [glance.link_label(link(url), label)]
    if runbook is not None:
        name = code(runbook.name)
        if runbook.url:
            name = glance.link_label(link(runbook.url), escape(runbook.name))
        out.append(glance.runbook_title(name, escape(clip(runbook.title, 150))))
    elif f.runbook:
        out.append(glance.runbook_title(code(f.runbook), Label.RUNBOOK_NOT_LOADED))
    out.append(glance.finding_ref(code(record.id)))
    return [" · ".join(out)]


def _json(value: object) -> str:
    """Compact JSON, keys sorted, for an attribute value."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=True, default=str)


def _change_line(change: AttributeChange, max_len: int) -> str:
    """One diff line as JSON, `path`: expected → actual, its values cut until the line fits."""
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


def _diff(record: FindingRecord, words: list[str]) -> tuple[str | None, list[str]]:
    """The card's diff section (in words), and the thread texts: the lines it leaves out, then
    the attribute diff as JSON."""
    f = record.finding
    shown = [clip_mrkdwn(escape(w), CARD_LINE) for w in words[:DIFF_ON_CARD]]
    rest = words[len(shown) :]
    text = None
    if shown:
        text = "```" + "\n".join(shown) + "```"
        if rest:
            text += "\n" + glance.diff_more(len(rest))
    overflow = fit_lines([escape(w) for w in rest], MAX_SECTION_TEXT - 300) if rest else []
    return text, overflow + _json_thread(f)


def _json_thread(f: Finding) -> list[str]:
    """The attribute diff as JSON, for the thread (chunked under Slack's section limit)."""
    if not f.changes:
        return []
    resource = code(clip(f.resource_id, 200))
    total = len(f.changes)
    texts: list[str] = []
    number = 0
    for chunk in fit_lines(
        [_change_line(c, THREAD_LINE) for c in f.changes], MAX_SECTION_TEXT - 300
    ):
        count = chunk.count("\n") + 1
        head = glance.diff_json_title(resource, number + 1, number + count, total)
        texts.append(f"{head}\n{chunk}")
        number += count
    return texts


def _confirmation_text(f: Finding) -> str | None:
    """The verdict of the live read, when it says something the card does not already: the
    environment-wide "confirmation is off" is left out."""
    if f.confirmed is True:
        return say.confirmed(f.kind)
    if f.confirmed is False:
        return say.back_in_line(escape(f.reason) if f.reason else None)
    if f.reason == confirm_off():
        return None
    return say.not_confirmed(escape(f.reason) if f.reason else None)


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
