"""The wire identifiers cards create and handlers match on: action, view and input ids, the
buttons' block ids and values (and the values' parser), and the button labels. Pure: no I/O."""

from __future__ import annotations

from enum import StrEnum

from bot.lifecycle.approvals import ApprovalRequest
from bot.lifecycle.transitions import FindingRecord
from bot.messages.slack import Label, button_value_too_long, not_a_button_value
from bot.slack.blocks import MAX_VALUE


class ActionId(StrEnum):
    """The buttons; cards create them and `handlers.ROUTES` routes them."""

    ACCEPT = "drift.accept"
    REAPPLY = "drift.reapply"
    ESCALATE = "drift.escalate"
    APPROVE = "drift.approve"
    DENY = "drift.deny"
    RETRY = "drift.retry"
    CODIFY = "drift.codify"
    ASK_YES = "drift.ask_yes"
    ASK_NO = "drift.ask_no"
    ASK_NOT_ME = "drift.ask_not_me"


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
    IAC_NOTE = "iac_note"


CARD_BLOCK = "drift.card"
ASK_BLOCK = "drift.ask"
APPROVAL_BLOCK = "drift.approval"

BUTTON_TEXT: dict[ActionId, str] = {
    ActionId.ACCEPT: Label.ACCEPT,
    ActionId.REAPPLY: Label.REAPPLY,
    ActionId.ESCALATE: Label.ESCALATE,
    ActionId.APPROVE: Label.APPROVE,
    ActionId.DENY: Label.DENY,
    ActionId.RETRY: Label.RETRY,
    ActionId.CODIFY: Label.CODIFY,
    ActionId.ASK_YES: Label.YES_KEEP,
    ActionId.ASK_NO: Label.NO_PUT_BACK,
    ActionId.ASK_NOT_ME: Label.NOT_ME,
}


def button_value(env: str, item_id: str) -> str:
    """A button's value: `"{env}|{id}"` (a finding id, or an approval request id)."""
    value = f"{env}|{item_id}"
    if len(value) > MAX_VALUE:
        raise ValueError(button_value_too_long(MAX_VALUE))
    return value


def parse_button_value(value: str) -> tuple[str, str]:
    """`"{env}|{id}"` → (env, id). Raises ValueError for anything else."""
    env, sep, item_id = value.partition("|")
    if not sep or not env or not item_id:
        raise ValueError(not_a_button_value(value))
    return env, item_id


def card_block_id(record: FindingRecord) -> str:
    """The card's actions `block_id`: the finding and the version the buttons were drawn for."""
    return f"{CARD_BLOCK}:{record.id}:{record.version}"


def approval_block_id(request: ApprovalRequest) -> str:
    """The approval message's actions `block_id`: the request and its version."""
    return f"{APPROVAL_BLOCK}:{request.id}:{request.version}"
