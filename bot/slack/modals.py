"""The Accept and Escalate modals opened from a card's buttons, with the input ids their
submissions are read by. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import (
    CheckboxesElement,
    DatePickerElement,
    InputBlock,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.lifecycle.transitions import FindingRecord
from bot.messages.slack import Label
from bot.messages.slack import views as say
from bot.slack.blocks import MAX_OPTION_LABEL, MAX_OPTIONS, section, view
from bot.slack.finding_text import resource_code
from bot.slack.ids import InputId, ViewId
from bot.slack.text import clip, escape


def render_accept_modal(
    record: FindingRecord, private_metadata: str, iac_note: bool = False, reason: str | None = None
) -> dict[str, Any]:
    """The Accept modal (`ViewId.ACCEPT`): a required reason (`InputId.REASON`) and an
    optional expiry date (`InputId.UNTIL`); `private_metadata` comes back on submission. With
    `iac_note` (a modified finding, and the environment has a codify target), a checkbox
    (`InputId.IAC_NOTE`) "and open an issue/PR note to update the IaC". `reason` prefills the
    reason (the person who made the change said it was intended)."""
    f = record.finding
    note: list[InputBlock] = []
    if iac_note:
        note.append(
            InputBlock(
                block_id=InputId.IAC_NOTE,
                label=Label.IAC_NOTE,
                optional=True,
                element=CheckboxesElement(
                    action_id=InputId.IAC_NOTE,
                    options=[Option(value="1", label=Label.IAC_NOTE_OPTION)],
                ),
            )
        )
    modal = View(
        type="modal",
        callback_id=ViewId.ACCEPT,
        title=Label.ACCEPT_TITLE,
        submit=Label.ACCEPT,
        close=Label.CANCEL,
        private_metadata=private_metadata,
        blocks=[
            section(say.accept_intro(resource_code(f), escape(record.env))),
            InputBlock(
                block_id=InputId.REASON,
                label=Label.REASON,
                element=PlainTextInputElement(
                    action_id=InputId.REASON,
                    multiline=True,
                    max_length=1000,
                    placeholder=Label.REASON_EXAMPLE,
                    initial_value=reason,
                ),
            ),
            InputBlock(
                block_id=InputId.UNTIL,
                label=Label.UNTIL,
                optional=True,
                hint=say.accept_until_hint(),
                element=DatePickerElement(action_id=InputId.UNTIL, placeholder=Label.NO_EXPIRY),
            ),
            *note,
        ],
    )
    return view(modal)


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
    intro = section(say.escalate_intro(resource_code(f), escape(record.env)))
    if not targets:
        modal = View(
            type="modal",
            callback_id=ViewId.ESCALATE,
            title=Label.ESCALATE_TITLE,
            close=Label.CLOSE,
            private_metadata=private_metadata,
            blocks=[intro, section(say.no_escalation_targets(escape(record.env)))],
        )
        return view(modal)
    options = [
        Option(value=value, label=clip(label, MAX_OPTION_LABEL))
        for label, value in targets[:MAX_OPTIONS]
    ]
    initial = next((o for o in options if o.value == default), None)
    modal = View(
        type="modal",
        callback_id=ViewId.ESCALATE,
        title=Label.ESCALATE_TITLE,
        submit=Label.ESCALATE,
        close=Label.CANCEL,
        private_metadata=private_metadata,
        blocks=[
            intro,
            InputBlock(
                block_id=InputId.TARGET,
                label=Label.TARGET,
                element=StaticSelectElement(
                    action_id=InputId.TARGET,
                    placeholder=Label.TARGET_PLACEHOLDER,
                    options=options,
                    initial_option=initial,
                ),
            ),
            InputBlock(
                block_id=InputId.NOTE,
                label=Label.NOTE,
                optional=True,
                element=PlainTextInputElement(
                    action_id=InputId.NOTE,
                    multiline=True,
                    max_length=1000,
                    placeholder=Label.NOTE_PLACEHOLDER,
                ),
            ),
        ],
    )
    return view(modal)


def render_notice(text: str) -> dict[str, Any]:
    """A small modal that only says something (a refusal from App Home, where no ephemeral
    reply can go): the text and a Close button."""
    modal = View(
        type="modal",
        title=Label.NOTICE_TITLE,
        close=Label.CLOSE,
        blocks=[section(text)],
    )
    return view(modal)
