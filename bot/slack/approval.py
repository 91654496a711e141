"""The reapply approval request posted to an environment's approvers: what would be reapplied,
who asked, the approvals so far, and Approve / Deny while it is pending. Pure: no I/O."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    MarkdownTextObject,
    SectionBlock,
)

from bot.lifecycle.approvals import ApprovalRequest, approvers_of
from bot.lifecycle.transitions import FindingRecord
from bot.messages.slack import Label, severity_label
from bot.messages.slack import card as say
from bot.policy.runbook import Runbook
from bot.slack.blocks import MAX_FIELD_TEXT, Message, context, message, section
from bot.slack.card import ADDRESSES_ON_CARD, reapply_confirm
from bot.slack.finding_text import SEVERITY_EMOJI, approval_line, approval_state, resource_code
from bot.slack.ids import BUTTON_TEXT, ActionId, approval_block_id, button_value
from bot.slack.runs import reapply_target_text, run_line
from bot.slack.text import SLACK_GROUP, clip_mrkdwn, code, escape, people, person, when


def _reapply_target(runbook: Runbook | None) -> str:
    if runbook is None or runbook.fix.reapply is None:
        return say.reapply_target_none()
    reapply = runbook.fix.reapply
    if reapply.webhook is not None:
        host = urlsplit(reapply.webhook.url).hostname or "?"
        return say.reapply_target_webhook(code(host), code(runbook.name))
    return reapply_target_text(reapply)


def render_approval_request(
    record: FindingRecord,
    request: ApprovalRequest,
    runbook: Runbook | None,
    now: datetime | None = None,
) -> Message:
    """The approval message posted to the environment's approvers.

    While pending it mentions the approver groups and has Approve / Deny buttons (value
    `"{env}|{request.id}"`); once approved, denied or expired (by state, or by `now`) it shows
    the outcome and no buttons. Approved, it follows the finding's run of this request:
    waiting to be triggered, triggering, triggered (linked), failed.
    """
    f = record.finding
    state = approval_state(request, now)
    groups = " ".join(
        [f"<!subteam^{g}>" for g in request.approver_groups if SLACK_GROUP.match(g)]
        + [person(u) for u in request.approver_users]
    )
    ask = say.approval_ask(
        groups if state == "pending" else "", person(request.requester), escape(record.env)
    )
    addresses = ", ".join(code(a) for a in f.addresses[:ADDRESSES_ON_CARD]) or Label.NONE
    given = say.approvals_given(len(request.approvals), request.needed, people(request.approvals))
    fields = say.approval_fields(
        resource_code(f),
        escape(record.env),
        code(f.account_id),
        code(f.region),
        addresses,
        _reapply_target(runbook),
        given,
        when(request.expires_at),
    )
    rules = [say.requester_cannot_approve()] if not request.requester_can_approve else []
    if approvers_of(request).nobody:
        rules.append(say.approval_nobody())
    run = record.run if record.run and record.run.request_id == request.id else None
    blocks: list[Block] = [
        section(ask),
        SectionBlock(
            fields=[MarkdownTextObject(text=clip_mrkdwn(t, MAX_FIELD_TEXT)) for t in fields]
        ),
        context(
            say.approval_ids(
                SEVERITY_EMOJI[f.severity],
                severity_label(f.severity),
                f.kind,
                code(record.id),
                code(request.id),
            ),
            " ".join(rules),
        ),
    ]
    if state == "pending":
        blocks.append(_approval_buttons(record, request))
    elif state == "approved" and run is not None:
        blocks.append(section(run_line(record) or approval_line(request, None)))
    else:
        blocks.append(section(approval_line(request.model_copy(update={"state": state}), None)))
    text = say.approval_fallback(
        groups if state == "pending" else "",
        state,
        f"{escape(f.resource_type)} {escape(f.resource_id)}",
        escape(record.env),
        person(request.requester),
        given,
    )
    return message(text, blocks)


def _approval_buttons(record: FindingRecord, request: ApprovalRequest) -> ActionsBlock:
    value = button_value(request.env, request.id)
    confirm = reapply_confirm(record, Label.APPROVE_TITLE, Label.APPROVE)
    approve = ButtonElement(
        text=BUTTON_TEXT[ActionId.APPROVE],
        action_id=ActionId.APPROVE,
        value=value,
        style="primary",
        confirm=confirm,
    )
    deny = ButtonElement(
        text=BUTTON_TEXT[ActionId.DENY], action_id=ActionId.DENY, value=value, style="danger"
    )
    return ActionsBlock(block_id=approval_block_id(request), elements=[approve, deny])
