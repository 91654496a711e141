"""The drift card (bot/slack/card.py): what it shows, its buttons per state and their values,
and the audit replies in its thread. Pure; no Slack."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.drift.findings import AttributeChange
from bot.lifecycle.approvals import approve, deny
from bot.lifecycle.transitions import Transition, detect
from bot.slack import ActionId, CardMessage, Message, parse_button_value, render_audit, render_card
from bot.slack.card import allowed_actions
from bot.slack.ids import CARD_BLOCK
from tests.unit.slack.builders import (
    T0,
    action_ids,
    buttons,
    dump,
    event,
    finding,
    in_state,
    record,
    request,
    runbook,
    texts,
)


def test_card_headline_says_what_happened_in_one_glance():
    """The first block: severity, environment, the resource (short), what the change did, who
    and how, and how long ago the change was made (a live Slack date token)."""
    card = render_card(record(), runbook(), now=T0 + timedelta(hours=14))

    headline = card.blocks[0]["text"]["text"]
    assert headline.startswith("*🔴 prod · sg-0a11… authorize security group ingress · alice via")
    assert f"<!date^{int(T0.timestamp())}^{{ago}}|14 h ago>" in headline
    assert card.text.startswith("🔴 prod · sg-0a11…")
    assert card.text.endswith("14 h ago")


def test_card_shows_resource_type_id_region_account_and_addresses():
    """The resource's type, id, region, account, environment and IaC addresses are on it."""
    text = "\n".join(texts(render_card(record(), runbook()).blocks))

    parts = (
        "AWS::EC2::SecurityGroup",
        "`sg-0a11b22c33d44e55f`",
        "`us-east-1`",
        "`111122223333`",
        "prod",
        "`module.network.aws_security_group.web`",
    )
    for part in parts:
        assert part in text


def test_card_shows_who_when_how_and_from_where_of_the_last_event():
    """The last event's name, actor, role, channel, source IP and time, and the earlier count."""
    events = [event(0, "bob"), event(1, "carol"), event(2, "alice", "RevokeSecurityGroupEgress")]
    text = "\n".join(texts(render_card(record(finding(events=events)), runbook()).blocks))

    assert "`RevokeSecurityGroupEgress` by alice as `AWSReservedSSO_Admin`" in text
    assert "via console from `198.51.100.7`" in text
    assert "|2026-11-23 09:02 UTC>" in text
    assert "+2 earlier changes (by carol, bob)" in text


def test_card_shows_the_diff_in_words_and_the_json_in_the_thread():
    """On the card, the rule added reads `+ ingress tcp 22 from 0.0.0.0/0`; the JSON form
    (`path`: expected → actual) is only in the thread."""
    card = render_card(record(), runbook())
    text = "\n".join(texts(card.blocks))
    thread = "\n".join(card.thread_overflow)

    assert "+ ingress tcp 22 from 0.0.0.0/0" in text
    assert "cidr_blocks`:" not in text
    assert (
        '`ingress["tcp 22-22"].cidr_blocks`: `["10.0.0.0/8"]` → `["0.0.0.0/0","10.0.0.0/8"]`'
        in thread
    )


def test_deleted_card_says_it_was_deleted_by_hand():
    """A deleted finding says so, and that IaC manages it."""
    f = finding(
        kind="deleted",
        changes=[AttributeChange(path="(resource)", expected={"id": "x"}, actual=None)],
    )
    card = render_card(record(f), runbook())

    assert "- the resource is gone (IaC still has it)" in card.blocks[1]["text"]["text"]
    assert "✅ Confirmed: the live resource is gone." in dump(card)


def test_unmanaged_card_says_no_iac_manages_it():
    """An unmanaged finding has no IaC addresses and says no state of the env manages it."""
    card = render_card(record(finding(kind="unmanaged", addresses=[], changes=[])), runbook())

    assert "no IaC manages it" in dump(card)
    assert "✅ Confirmed: the live resource exists." in dump(card)


def test_unconfirmed_card_gives_the_reason():
    """A finding that could not be confirmed says why."""
    f = finding(confirmed=None, changes=[], reason="AWS said AccessDenied to ec2:Describe…")
    card = render_card(record(f), runbook())

    assert "❔ Not confirmed: AWS said AccessDenied to ec2:Describe…" in dump(card)


def test_resolved_card_says_why_and_has_no_buttons():
    """A resolved card shows the resolution and no buttons."""
    card = render_card(in_state("resolved"), runbook())

    assert "🟩 *Resolved*" in dump(card)
    assert "matches IaC again" in dump(card)
    assert action_ids(card) == []


def test_card_names_its_runbook():
    """The matching runbook's name and its one-line title are on the card."""
    card = render_card(record(), runbook())

    assert "📘 `sg-open-to-internet`: A security group was opened to the internet" in dump(card)


def test_card_without_events_says_no_event_was_kept():
    """A finding with no events says so instead of naming an actor."""
    card = render_card(record(finding(events=[])), runbook())

    assert "no CloudTrail event was kept" in dump(card)


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("open", [ActionId.ACCEPT, ActionId.REAPPLY, ActionId.ESCALATE]),
        ("escalated", [ActionId.ACCEPT, ActionId.REAPPLY]),
        ("accepted", [ActionId.REAPPLY, ActionId.ESCALATE]),
        ("reapplying", [ActionId.ACCEPT, ActionId.ESCALATE]),
        ("resolved", []),
    ],
)
def test_buttons_follow_the_state(state, expected):
    """Only the buttons that still make sense for the state are shown."""
    assert action_ids(render_card(in_state(state), runbook())) == expected


def test_accepted_card_shows_who_until_when_and_why():
    """Accepted: by whom (mentioned), until when, and the reason."""
    text = dump(render_card(in_state("accepted"), runbook()))

    assert "✅ *Accepted* by <@U0ALICE01> until <!date^" in text
    assert "|2026-11-30 09:00 UTC>: hotfix" in text


def test_escalated_card_shows_the_target_and_note():
    """Escalated: to whom (the group mentioned), by whom, and the note."""
    text = dump(render_card(in_state("escalated"), runbook()))

    assert "📣 *Escalated* to <!subteam^S0SECURITY> by <@U0ALICE01>: please look" in text


def test_reapplying_card_shows_who_asked_and_who_approved():
    """Reapplying: the target, the requester and the approvers."""
    text = dump(render_card(in_state("reapplying"), runbook()))

    assert "🔧 *Reapplying* via webhook" in text
    assert "asked by <@U0ALICE01>, approved by <@U0BOB0001>, <@U0CAROL01>" in text


def test_pending_approval_hides_reapply_and_shows_the_count():
    """While a reapply request is pending there is no second Reapply button."""
    pending = approve(request(), "U0BOB0001", {"S0APPROVE"}, T0)
    card = render_card(record(), runbook(), pending, T0 + timedelta(minutes=5))

    assert action_ids(card) == [ActionId.ACCEPT, ActionId.ESCALATE]
    assert "⏳ Reapply asked by <@U0ALICE01>: 1 of 2 approvals (<@U0BOB0001>)" in dump(card)


def test_denied_request_brings_reapply_back():
    """After a denial, Reapply can be asked for again, and the card says who turned it down."""
    denied = deny(request(), "U0BOB0001", {"S0APPROVE"}, T0)
    card = render_card(record(), runbook(), denied, T0)

    assert ActionId.REAPPLY in action_ids(card)
    assert "🚫 *Turned down* by <@U0BOB0001>" in dump(card)


def test_request_past_its_expiry_no_longer_blocks_reapply():
    """A pending request past its expiry (by `now`) counts as expired."""
    card = render_card(record(), runbook(), request(), T0 + timedelta(hours=5))

    assert ActionId.REAPPLY in action_ids(card)
    assert "⌛ *Expired*" in dump(card)


def test_runbook_without_reapply_target_has_no_reapply_button():
    """No `fix.reapply` in the runbook: no Reapply, and the card says to escalate."""
    card = render_card(record(), runbook(reapply=False))

    assert action_ids(card) == [ActionId.ACCEPT, ActionId.ESCALATE]
    assert "Reapply is not set up" in dump(card)


def test_button_values_are_env_and_finding_id():
    """Every card button's value is `env|finding_id`."""
    r = record()

    values = {b["value"] for b in buttons(render_card(r, runbook()).blocks)}

    assert values == {f"prod|{r.id}"}
    assert parse_button_value(f"prod|{r.id}") == ("prod", r.id)


def test_reapply_is_danger_with_a_confirm_naming_resource_and_env():
    """Reapply is a danger button whose confirmation names the resource and environment."""
    reapply = next(
        b
        for b in buttons(render_card(record(), runbook()).blocks)
        if b["action_id"] == ActionId.REAPPLY
    )

    assert reapply["style"] == "danger"
    assert "`sg-0a11b22c33d44e55f`" in reapply["confirm"]["text"]["text"]
    assert "*prod*" in reapply["confirm"]["text"]["text"]


def test_actions_block_id_carries_the_record_version():
    """The buttons' block_id names the finding and the version they were drawn for."""
    r = in_state("accepted")
    block = next(b for b in render_card(r, runbook()).blocks if b["type"] == "actions")

    assert block["block_id"] == f"{CARD_BLOCK}:{r.id}:{r.version}"
    assert r.version > 1


def test_allowed_actions_is_what_the_card_draws():
    """allowed_actions (for handlers re-checking a click) matches the card's buttons."""
    r = in_state("escalated")

    assert list(allowed_actions(r, runbook())) == action_ids(render_card(r, runbook()))


def test_audit_reply_says_what_who_when_and_why():
    """The thread reply names the move, the resource, the actor, the time and the reason."""
    t = Transition(
        at=T0,
        env="prod",
        finding_id="f-1",
        resource="AWS::S3::Bucket logs",
        from_state="open",
        to_state="accepted",
        actor="U0ALICE01",
        reason="migration",
        job_id=None,
    )

    text = render_audit(t)

    assert text.startswith("✅ *open → accepted* · `AWS::S3::Bucket logs` by <@U0ALICE01>, <!date^")
    assert text.endswith("|2026-11-23 09:00 UTC>: migration")


def test_audit_of_a_detection_names_the_check():
    """A detection is recorded with the AWS actor and the check's job id."""
    _, made = detect(None, finding(), "prod", T0, "job-7")

    text = render_audit(made[0])

    assert text.startswith("🟥 *detected* · ")
    assert "by alice" in text
    assert text.endswith("(check `job-7`)")


def test_card_message_is_a_message():
    """A card can be sent wherever a Message can (text and blocks)."""
    card = render_card(record(), runbook())

    assert isinstance(card, CardMessage)
    assert isinstance(card, Message)
