"""Issue 11, "ask the person who made the change", end to end: the demo day checked through
Slack; the SSO session `dev@example.com` is a Slack user (users.lookupByEmail), who gets a DM
for each of their changes and answers it with a signed click. Each of the three answers loops
back: Yes opens Accept prefilled, No asks the approvers for a reapply, Not me escalates. The
answer is in the card's thread and the history; one question per person per finding; DMs off
means a mention in the card's thread; no answer means one reminder in the digest."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from bot.shell.jobs import run_digest_job
from bot.slack import ActionId, ViewId
from tests import slack_requests as sr
from tests.slack_world import (
    ALICE,
    CHANNEL,
    DEMO_END,
    ESCALATIONS,
    SG,
    World,
    check_demo,
    slack_world,
)

DEV = "U0DEVUSER1"
DM = "D0DEVUSER1"


@pytest.fixture
def asking_world(redis_target, tmp_path, monkeypatch):
    with slack_world(redis_target, tmp_path, monkeypatch, emails={"dev@example.com": DEV}) as w:
        yield w


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def question_about(world: World, resource: str) -> dict[str, Any]:
    fid = world.record(resource).id
    return next(m for m in world.fake.messages(DM) if f"demo|{fid}" in dump(m))


def answer(world: World, action: str, resource: str, user: str = DEV) -> Any:
    question = question_about(world, resource)
    fid = world.record(resource).id
    response = world.dispatch(
        sr.block_actions(
            action,
            f"demo|{fid}",
            user_id=user,
            channel_id=DM,
            message_ts=question["ts"],
            message=question,
            response_url=world.fake.response_url(user),
        )
    )
    world.settle()
    return response


def thread_of(world: World, resource: str) -> str:
    card = world.card_of(resource)
    return dump(world.fake.messages(CHANNEL, thread_ts=card["ts"]))


def test_the_person_who_made_a_change_is_asked_in_a_dm(asking_world):
    """dev@example.com made three of the demo's changes: three questions in their DM, each
    saying what they changed, where and when, with Yes / No / Not me."""
    world = asking_world
    check_demo(world)

    questions = world.fake.messages(DM)
    sg = question_about(world, SG)
    assert world.fake.calls("users.lookupByEmail")
    assert len(questions) == 3
    assert "You changed `sg-0a11…` in *demo* 14 h ago: opened tcp/22 to 0.0.0.0/0." in sg["text"]
    assert "Was that intended?" in sg["text"]
    buttons = [
        e["action_id"] for b in sg["blocks"] if b["type"] == "actions" for e in b["elements"]
    ]
    assert buttons == [ActionId.ASK_YES, ActionId.ASK_NO, ActionId.ASK_NOT_ME]


def test_yes_keep_it_opens_accept_prefilled_and_records_the_answer(asking_world):
    """Yes: the Accept modal opens with the reason prefilled as theirs; the answer is in the
    card's thread and the history; the question shows the answer instead of its buttons;
    submitting the modal accepts the finding."""
    world = asking_world
    check_demo(world)
    asked = question_about(world, SG)["ts"]

    answer(world, ActionId.ASK_YES, SG)

    view = world.fake.last("views.open").params["view"]
    reason = next(b for b in view["blocks"] if b.get("block_id") == "reason")
    assert reason["element"]["initial_value"].startswith("I made this change on purpose")
    assert f"<@{DEV}> answered: *yes, it was intended*" in thread_of(world, SG)
    history = world.run(world.deps.store.history("demo", world.record(SG).id))
    assert any(h.get("type") == "answer" and h.get("answer") == "yes" for h in history)
    shown = world.fake.message(DM, asked)
    assert not [b for b in shown["blocks"] if b["type"] == "actions"]
    assert "answered" in shown["text"]

    values = {"reason": {"reason": sr.text_input("I made this change on purpose: a demo")}}
    world.dispatch(
        sr.view_submission(
            ViewId.ACCEPT, values, private_metadata=view["private_metadata"], user_id=DEV
        )
    )
    world.settle()
    assert world.record(SG).state == "accepted"


def test_no_put_it_back_asks_the_approvers_for_a_reapply(asking_world):
    """No: a reapply request goes to the approvers, asked for by the person who made the
    change; the answer is in the thread."""
    world = asking_world
    check_demo(world)

    answer(world, ActionId.ASK_NO, SG)
    world.notify()

    request = next(m for m in world.fake.messages(CHANNEL) if "drift.approve" in dump(m))
    assert f"<@{DEV}> asks to reapply" in dump(request)
    assert f"<@{DEV}> answered: *no: put it back*" in thread_of(world, SG)
    pending = world.run(world.deps.state.open_approval("demo", world.record(SG).id))
    assert pending is not None
    assert pending.requester == DEV


def test_not_me_escalates_and_records_the_answer(asking_world):
    """Not me: the finding is escalated (the runbook's `#security`, posted first), saying they
    did not make it; the answer is in the thread and the history."""
    world = asking_world
    check_demo(world)

    answer(world, ActionId.ASK_NOT_ME, SG)
    world.notify()

    escalation = world.fake.messages(ESCALATIONS)
    assert len(escalation) == 1
    assert f"<@{DEV}> escalated a drift in *demo*" in dump(escalation[0])
    assert "did not make this change" in dump(escalation[0])
    assert world.record(SG).state == "escalated"
    assert f"<@{DEV}> answered: *not me" in thread_of(world, SG)
    history = world.run(world.deps.store.history("demo", world.record(SG).id))
    assert any(h.get("answer") == "not_me" for h in history)


def test_only_the_person_asked_may_answer(asking_world):
    """Someone else clicking the question's buttons (a forwarded message) is refused."""
    world = asking_world
    check_demo(world)

    answer(world, ActionId.ASK_NOT_ME, SG, user=ALICE)

    assert "for the person who made the change" in dump(world.fake.webhooks(ALICE))
    assert world.record(SG).state == "open"


def test_one_question_per_person_per_finding(asking_world):
    """A second change by the same person to the same finding asks nothing new."""
    from tests.integration.test_slack_card_news import new_event

    world = asking_world
    check_demo(world)
    before = len(world.fake.messages(DM))

    new_event(world, SG, actor="dev@example.com")
    world.notify()

    assert len(world.fake.messages(DM)) == before


def test_with_dms_off_the_question_is_a_mention_in_the_cards_thread(asking_world):
    """conversations.open refused (the app may not DM them): the question goes to the card's
    thread, mentioning them, with the same buttons."""
    world = asking_world
    world.fake.fail("conversations.open", "cannot_dm_user", times=10)
    check_demo(world)

    assert world.fake.messages(DM) == []
    thread = thread_of(world, SG)
    assert f"<@{DEV}> You changed" in thread
    assert ActionId.ASK_YES in thread


def test_ask_actor_false_asks_nobody(redis_target, tmp_path, monkeypatch):
    def off(text: str) -> str:
        return text.replace(
            "      baseline: false", "      baseline: false\n      ask_actor: false"
        )

    with slack_world(
        redis_target, tmp_path, monkeypatch, edit=off, emails={"dev@example.com": DEV}
    ) as world:
        check_demo(world)
        assert world.fake.messages(DM) == []


def test_people_who_do_not_answer_are_reminded_once_in_the_digest(asking_world):
    """Two hours later the digest reminds dev@example.com of each unanswered question, once."""
    world = asking_world
    check_demo(world)
    world.run(run_digest_job(world.job_deps(DEMO_END + timedelta(hours=2)), "demo"))
    first = dump(world.fake.messages(CHANNEL))
    before = first.count("you haven't said")
    world.run(run_digest_job(world.job_deps(DEMO_END + timedelta(days=1, hours=2)), "demo"))

    assert before == 3  # SG, the instance and the bucket dev@example.com made
    assert dump(world.fake.messages(CHANNEL)).count("you haven't said") == 3
