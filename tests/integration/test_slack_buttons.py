"""The Slack app end to end, the card's buttons: Accept and Escalate through their modals,
Reapply through its approval, and the card drawn again (by the notifier) as they change it."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from bot.slack import ActionId, ViewId
from tests import slack_requests as sr
from tests.slack_world import (
    ALICE,
    APPROVERS,
    BOB,
    CAROL,
    CHANNEL,
    DAVE,
    ESCALATIONS,
    SG,
    WEBHOOK_SECRET,
    World,
    check_demo,
    click,
)


def approval_value(world: World) -> str:
    """The value of the Approve button on the approval request in the channel."""
    request = next(m for m in world.fake.messages(CHANNEL) if "drift.approve" in json.dumps(m))
    return next(
        a["value"]
        for b in request["blocks"]
        if b["type"] == "actions"
        for a in b["elements"]
        if a["action_id"] == "drift.approve"
    )


def test_accept_opens_a_modal_and_a_double_submit_changes_state_once(world):
    """Accept → modal → submit: the finding is accepted once, the card drops its Accept button
    and the thread gets the audit reply; a second submit of the same form changes nothing."""
    check_demo(world)
    record = world.record(SG)
    click(world, ActionId.ACCEPT, f"demo|{record.id}", ALICE)
    view = world.fake.last("views.open").params["view"]
    meta = view["private_metadata"]
    reason_block = next(
        b["block_id"] for b in view["blocks"] if b.get("element", {}).get("action_id") == "reason"
    )
    values = {reason_block: {"reason": sr.text_input("debugging from the bastion until Friday")}}

    for _ in range(2):
        world.dispatch(
            sr.view_submission(ViewId.ACCEPT, values, private_metadata=meta, user_id=ALICE)
        )
        world.settle()
    world.notify()

    after = world.record(SG)
    card = world.card_of(SG)
    message = world.fake.message(CHANNEL, card["ts"])
    thread = world.fake.messages(CHANNEL, thread_ts=card["ts"])
    assert after.state == "accepted"
    assert after.version == record.version + 1
    assert "drift.accept" not in json.dumps(message)
    assert sum("debugging from the bastion" in json.dumps(m) for m in thread) == 1
    assert any(
        "changed while the form was open" in json.dumps(e) for e in world.fake.ephemerals(ALICE)
    )


def test_reapply_needs_two_distinct_approvers_who_are_not_the_requester(world):
    """Protected environment: the requester can't approve, a non-approver can't, a double
    click counts once, the second distinct approver triggers the signed webhook once."""
    check_demo(world)
    record = world.record(SG)
    click(world, ActionId.REAPPLY, f"demo|{record.id}", ALICE)
    value = approval_value(world)

    click(world, ActionId.APPROVE, value, ALICE)
    click(world, ActionId.APPROVE, value, DAVE)
    click(world, ActionId.APPROVE, value, BOB)
    click(world, ActionId.APPROVE, value, BOB)
    assert world.receiver.requests == []
    click(world, ActionId.APPROVE, value, CAROL)
    world.worker()
    world.notify()

    said = (
        [json.dumps(e) for e in world.fake.webhooks(ALICE)]
        + [json.dumps(e) for e in world.fake.webhooks(DAVE)]
        + [json.dumps(e) for e in world.fake.webhooks(BOB)]
    )
    assert any("someone else" in s for s in said)
    assert any("can approve reapplies here" in s for s in said)
    assert any("already approved" in s for s in said)
    thread = world.fake.messages(CHANNEL, thread_ts=world.card_of(SG)["ts"])
    decisions = [m["text"] for m in thread if "the reapply request" in m["text"]]
    assert decisions == [
        f"<@{BOB}> approved the reapply request (1/2 approvals).",
        f"<@{CAROL}> approved the reapply request (2/2 approvals).",
    ]
    [(headers, body)] = world.receiver.requests
    expected = (
        "sha256="
        + hmac.new(
            WEBHOOK_SECRET.encode(),
            f"{headers['X-Driftbot-Timestamp']}.".encode() + body,
            hashlib.sha256,
        ).hexdigest()
    )
    assert headers["X-Driftbot-Signature"] == expected
    payload = json.loads(body)
    assert payload["approved_by"] == [BOB, CAROL]
    assert payload["requested_by"] == ALICE
    assert world.record(SG).state == "reapplying"


def test_escalate_posts_to_the_escalation_channel_mentioning_the_group(world):
    """Escalate → modal (target, note) → a message in the escalation channel with the group
    and a link to the card; the finding is escalated."""
    check_demo(world)
    record = world.record(SG)
    click(world, ActionId.ESCALATE, f"demo|{record.id}", ALICE)
    view = world.fake.last("views.open").params["view"]
    target_block = next(
        b["block_id"] for b in view["blocks"] if b.get("element", {}).get("action_id") == "target"
    )
    values = {target_block: {"target": sr.static_select(f"{ESCALATIONS}|{APPROVERS}")}}

    world.dispatch(
        sr.view_submission(
            ViewId.ESCALATE, values, private_metadata=view["private_metadata"], user_id=ALICE
        )
    )
    world.settle()
    world.notify()

    [posted] = world.fake.messages(ESCALATIONS)
    assert f"<!subteam^{APPROVERS}>" in json.dumps(posted)
    assert SG in json.dumps(posted)
    assert world.record(SG).state == "escalated"


def home_buttons(home: dict[str, Any], finding_id: str) -> set[str]:
    return {
        e["action_id"]
        for b in home["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e.get("value", "").endswith(f"|{finding_id}")
    }


def test_home_offers_no_second_reapply_while_a_request_is_pending(world):
    """Home shows the same buttons as the card: Reapply until a request is pending."""
    check_demo(world)
    record = world.record(SG)
    world.dispatch(sr.app_home_opened(BOB, event_id="Ev0HOME2"))
    world.settle()
    before = home_buttons(world.fake.home(BOB), record.id)

    click(world, ActionId.REAPPLY, f"demo|{record.id}", ALICE)
    world.dispatch(sr.app_home_opened(BOB, event_id="Ev0HOME3"))
    world.settle()
    after = home_buttons(world.fake.home(BOB), record.id)

    assert ActionId.REAPPLY in before
    assert ActionId.REAPPLY not in after
    assert ActionId.ACCEPT in after


def test_the_card_is_redrawn_by_the_notifier_when_a_reapply_is_asked_and_turned_down(world):
    """Asking for a reapply takes Reapply off the card, turning the request down puts it back;
    the card changes when the notifier handles the outbox, never in the click's handler."""
    check_demo(world)
    record = world.record(SG)
    card = world.card_of(SG)

    def reapply_on_card() -> bool:
        return ActionId.REAPPLY in json.dumps(world.fake.message(CHANNEL, card["ts"]))

    before = reapply_on_card()
    click(world, ActionId.REAPPLY, f"demo|{record.id}", ALICE)
    after_click = reapply_on_card()
    redrawn = world.notify()
    pending = reapply_on_card()
    click(world, ActionId.DENY, approval_value(world), ALICE)  # the requester withdraws
    after_deny = reapply_on_card()
    world.notify()
    denied = reapply_on_card()

    assert (before, after_click, pending) == (True, True, False)
    assert redrawn == 1
    assert (after_deny, denied) == (False, True)
    assert world.record(SG).version == record.version  # the finding itself did not change
