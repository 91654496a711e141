"""The Accept and Escalate modals (bot/slack/modals.py). Pure; no Slack."""

from __future__ import annotations

import json

from bot.slack import InputId, ViewId, render_accept_modal, render_escalate_modal
from tests.unit.slack.builders import dump, record


def test_accept_modal_has_a_required_reason_and_an_optional_expiry():
    """Accept: a required multiline reason and an optional date picker, routed by ViewId."""
    view = render_accept_modal(record(), "prod|f-1")
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}

    assert view["callback_id"] == ViewId.ACCEPT
    assert inputs[InputId.REASON]["element"]["action_id"] == "reason"
    assert inputs[InputId.REASON]["element"]["type"] == "plain_text_input"
    assert not inputs[InputId.REASON].get("optional", False)
    assert inputs[InputId.UNTIL]["element"] == {
        "type": "datepicker",
        "action_id": "until",
        "placeholder": {"type": "plain_text", "text": "No expiry", "emoji": True},
    }
    assert inputs[InputId.UNTIL]["optional"] is True


def test_accept_modal_passes_private_metadata_through():
    """private_metadata comes back unchanged."""
    meta = json.dumps({"env": "prod", "finding": "f-1", "channel": "C1", "ts": "1.2"})

    assert render_accept_modal(record(), meta)["private_metadata"] == meta


def test_escalate_modal_preselects_the_default_target():
    """Escalate: a select of the targets with the default chosen, and an optional note."""
    targets = [("#security", "C0SECURITY"), ("Data platform", "S0DATA001")]
    view = render_escalate_modal(record(), targets, "S0DATA001", "m")
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    select = inputs[InputId.TARGET]["element"]

    assert view["callback_id"] == ViewId.ESCALATE
    assert select["type"] == "static_select"
    assert select["action_id"] == "target"
    assert [o["value"] for o in select["options"]] == ["C0SECURITY", "S0DATA001"]
    assert select["initial_option"]["value"] == "S0DATA001"
    assert inputs[InputId.NOTE]["optional"] is True
    assert inputs[InputId.NOTE]["element"]["action_id"] == "note"


def test_escalate_modal_without_targets_explains_and_cannot_submit():
    """No targets: the modal says how to set one up and has no submit button."""
    view = render_escalate_modal(record(), [], None, "m")

    assert "submit" not in view
    assert "No escalation target is set up for *prod*" in dump(view)


def test_modals_stay_within_view_limits():
    """Modals have ≤ 100 blocks and titles of ≤ 24 characters, even with 300 targets."""
    targets = [(f"team {i} " + "x" * 100, f"S0TEAM{i:04d}") for i in range(300)]
    for view in (
        render_accept_modal(record(), "m"),
        render_escalate_modal(record(), targets, None, "m"),
    ):
        assert len(view["blocks"]) <= 100
        assert len(view["title"]["text"]) <= 24
