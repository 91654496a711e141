"""Who may approve a reapply when neither the runbook nor the environment names approver groups
(issue 9): the environment's `slack.check` users and groups; with neither, nobody, and the
card says so instead of offering Reapply. Signed requests into the real app, a real Redis."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from bot.slack import ActionId
from tests.integration.test_slack_buttons import approval_value
from tests.slack_world import (
    ALICE,
    APPROVERS,
    CAROL,
    CHANNEL,
    DAVE,
    SG,
    World,
    check_demo,
    click,
    slack_world,
)

UNPROTECTED = "      protected: true\n      approvals: 2\n"


def only_checkers(text: str) -> str:
    """demo: no approver groups, not protected; Alice and Carol may act on its cards."""
    text = text.replace(f"      approvers: [{APPROVERS}]\n", "").replace(UNPROTECTED, "")
    return text.replace(
        f"      channel: {CHANNEL}\n",
        f"      channel: {CHANNEL}\n      check: {{users: [{ALICE}, {CAROL}]}}\n",
    )


def nobody(text: str) -> str:
    """demo: no approver groups and no `check` (anyone may act on its cards)."""
    return text.replace(f"      approvers: [{APPROVERS}]\n", "").replace(UNPROTECTED, "")


@pytest.fixture
def checkers_world(redis_target, tmp_path, monkeypatch) -> Iterator[World]:
    with slack_world(redis_target, tmp_path, monkeypatch, edit=only_checkers) as w:
        yield w


@pytest.fixture
def nobody_world(redis_target, tmp_path, monkeypatch) -> Iterator[World]:
    with slack_world(redis_target, tmp_path, monkeypatch, edit=nobody) as w:
        yield w


def said_to(world: World, user: str) -> str:
    return json.dumps(world.fake.webhooks(user))


def test_without_approver_groups_only_the_environments_checkers_approve(checkers_world):
    """Before: anyone in the workspace could approve or deny. Dave is not a checker of demo:
    his Approve and Deny do not count; Carol's approval does, once."""
    world = checkers_world
    check_demo(world)
    record = world.record(SG)
    click(world, ActionId.REAPPLY, f"demo|{record.id}", ALICE)
    value = approval_value(world)

    click(world, ActionId.APPROVE, value, DAVE)
    click(world, ActionId.DENY, value, DAVE)
    assert world.run(world.deps.state.approval(value.split("|")[1])).state == "pending"
    click(world, ActionId.APPROVE, value, CAROL)
    world.worker()

    assert f"<@{ALICE}>" in said_to(world, DAVE)
    assert "can approve reapplies here" in said_to(world, DAVE)
    assert "Only an approver or the requester" in said_to(world, DAVE)
    [(_, body)] = world.receiver.requests
    assert json.loads(body)["approved_by"] == [CAROL]


def test_with_no_approvers_at_all_the_card_has_no_reapply_and_says_why(nobody_world):
    world = nobody_world
    check_demo(world)
    card = world.fake.message(CHANNEL, world.card_of(SG)["ts"])

    assert "drift.reapply" not in json.dumps(card)
    assert "Reapply from Slack is off in demo: nobody may approve it" in json.dumps(card)


def test_with_no_approvers_at_all_reapply_is_refused(nobody_world):
    """A Reapply button from before the change (or a forged click) asks nobody."""
    world = nobody_world
    check_demo(world)
    record = world.record(SG)
    before = len(world.fake.messages(CHANNEL))

    click(world, ActionId.REAPPLY, f"demo|{record.id}", ALICE)

    assert "Nobody may approve reapplies in `demo`" in said_to(world, ALICE)
    assert len(world.fake.messages(CHANNEL)) == before
    assert world.run(world.deps.state.open_approval("demo", record.id)) is None


def test_an_approver_removed_from_drift_yml_has_no_say_on_a_pending_request(checkers_world):
    """Who may decide is read when the click comes, not when the request was made."""
    from bot.entry.cli import load_config

    world = checkers_world
    check_demo(world)
    record = world.record(SG)
    click(world, ActionId.REAPPLY, f"demo|{record.id}", ALICE)
    value = approval_value(world)
    world.config.write_text(world.config.read_text().replace(f", {CAROL}]", "]"))
    world.deps.loaded = load_config(str(world.config))

    click(world, ActionId.APPROVE, value, CAROL)

    assert "can approve reapplies here" in said_to(world, CAROL)
    assert world.run(world.deps.state.approval(value.split("|")[1])).state == "pending"
