"""Issue 11, "actions never fail silently", driven as Slack drives the app: signed requests,
the fake Web API (answering with Slack's errors), a real Redis, the worker and the notifier.

Escalate posts first and changes nothing when the post fails; runbook channel names are ids by
the time anyone escalates; channels the bot is not in are named at start-up and on /healthz;
a reapply says approved → triggering → triggered or failed (with Retry, who to ping, and the
approval message in step); a reapplying finding keeps Accept and Escalate and times out;
expired requests lose their buttons; refusals reach the clicker from App Home too."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from arq import Retry

from bot.entry.app import http_app, startup_checks
from bot.errors import ConfigError
from bot.shell.jobs import TRIGGER_TRIES, run_reapply_job
from bot.slack import ActionId, ViewId
from tests import slack_requests as sr
from tests.slack_world import (
    ALICE,
    BOB,
    CAROL,
    CHANNEL,
    DEMO_END,
    ESCALATIONS,
    SG,
    World,
    check_demo,
    click,
    slack_world,
    write_config,
)


def blocks_text(message: dict[str, Any]) -> str:
    return json.dumps(message, ensure_ascii=False)


def action_ids(message: dict[str, Any]) -> list[str]:
    return [
        e["action_id"]
        for b in message.get("blocks", [])
        if b["type"] == "actions"
        for e in b["elements"]
    ]


def escalate(world: World, fid: str, target: str, user: str = ALICE, note: str = "") -> Any:
    click(world, ActionId.ESCALATE, f"demo|{fid}", user)
    view = world.fake.last("views.open").params["view"]
    values = {
        "target": {"target": sr.static_select(target)},
        "note": {"note": sr.text_input(note or None)},
    }
    response = world.dispatch(
        sr.view_submission(
            ViewId.ESCALATE, values, private_metadata=view["private_metadata"], user_id=user
        )
    )
    world.settle()
    return response


@pytest.fixture
def outsider_world(redis_target, tmp_path, monkeypatch):
    """The escalation channel exists, but nobody invited the bot to it."""
    channels = {
        CHANNEL: {"name": "drift-demo"},
        ESCALATIONS: {"name": "security", "is_member": False},
        "C0DATA001": {"name": "data-platform"},
        "C0LOCKED1": {"name": "locked"},
    }
    with slack_world(redis_target, tmp_path, monkeypatch, channels=channels) as w:
        yield w


def test_escalate_posts_first_and_a_refused_post_leaves_the_finding_as_it_was(outsider_world):
    """Before: the finding was marked escalated, then the post to a channel the bot is not in
    failed, and nobody was told. Now: nothing changes, the person is told why and how to fix
    it, and the card's thread says so."""
    world = outsider_world
    check_demo(world)
    record = world.record(SG)

    response = escalate(world, record.id, f"{ESCALATIONS}|", note="page the on-call")
    world.notify()

    after = world.record(SG)
    card = world.card_of(SG)
    told = " ".join(e["text"] for e in world.fake.ephemerals(ALICE))
    thread = blocks_text({"m": world.fake.messages(CHANNEL, thread_ts=card["ts"])})
    assert response.status == 200
    assert after.state == "open"
    assert after.version == record.version
    assert "not_in_channel" in told
    assert "/invite @driftbot" in told
    assert "tried to escalate" in thread
    assert "not_in_channel" in thread
    assert world.fake.messages(ESCALATIONS) == []
    assert "Escalated" not in blocks_text(world.fake.message(CHANNEL, card["ts"]))


def test_escalate_to_a_channel_posts_then_marks_it_escalated(world):
    """The happy path, in that order: the message is in the channel, then the card says so."""
    check_demo(world)
    record = world.record(SG)

    escalate(world, record.id, f"{ESCALATIONS}|S0SECURITY1", note="look at this")
    world.notify()

    posted = world.fake.messages(ESCALATIONS)
    assert len(posted) == 1
    assert "look at this" in blocks_text(posted[0])
    assert world.record(SG).state == "escalated"
    card = world.fake.message(CHANNEL, world.card_of(SG)["ts"])
    assert f"<#{ESCALATIONS}>" in blocks_text(card)


def test_runbook_channel_names_become_ids_at_startup(world):
    """`#security` in the shipped runbooks: resolved with conversations.list at start-up, so
    the modal offers the id and the card links `<#C…>`, never `<##security>`."""
    check_demo(world)
    record = world.record(SG)

    escalate(world, record.id, f"{ESCALATIONS}|S0SECURITY1")
    world.notify()

    runbook = world.deps.runbooks["sg-open-to-internet"]
    assert runbook.fix.escalate.channel == ESCALATIONS
    assert world.fake.calls("conversations.list")
    everything = blocks_text({"m": world.fake.messages(CHANNEL)})
    assert "<##" not in everything
    assert f"<#{ESCALATIONS}>" in everything


def test_an_unknown_channel_name_is_a_config_error_naming_runbook_key_and_fix(world):
    """`#nowhere` is in no channel list: start-up stops with the runbook, the key and the
    fix, instead of posting `<##nowhere>` later."""
    rb = world.deps.runbooks["database-change"]
    esc = rb.fix.escalate.model_copy(update={"channel": "#nowhere"})
    world.deps.runbooks = {
        **world.deps.runbooks,
        "database-change": rb.model_copy(
            update={"fix": rb.fix.model_copy(update={"escalate": esc})}
        ),
    }

    with pytest.raises(ConfigError) as caught:
        world.run(startup_checks(world.deps))

    text = f"{caught.value.user_message} {caught.value.hint}"
    assert "database-change" in text
    assert "fix.escalate.channel" in text
    assert "#nowhere" in text
    assert "C…" in text


def test_channels_the_bot_is_not_in_are_warned_at_startup_and_on_healthz(outsider_world, caplog):
    """conversations.info for every channel drift.yml names: the one it is not in is a
    warning naming it and `/invite @driftbot`, and /healthz lists it."""
    world = outsider_world
    caplog.set_level(logging.WARNING)
    missing = world.run(startup_checks(world.deps))
    assert missing == {ESCALATIONS: "environments.demo.slack.escalation_channel"}
    assert any(
        ESCALATIONS in r.message and "/invite @driftbot" in r.message for r in caplog.records
    )

    async def health() -> dict[str, Any]:
        app = http_app(world.app, world.deps, sr.SECRET, missing)
        async with TestClient(TestServer(app, host="127.0.0.1")) as http:
            answer = await http.get("/healthz")
            assert answer.status == 200
            body: dict[str, Any] = await answer.json()
            return body

    body = world.run(health())
    [entry] = body["channels_without_bot"]
    assert entry["channel"] == ESCALATIONS
    assert "/invite @driftbot" in entry["problem"]


def approve_both(world: World, fid: str) -> None:
    click(world, ActionId.REAPPLY, f"demo|{fid}", ALICE)
    request = next(m for m in world.fake.messages(CHANNEL) if "drift.approve" in json.dumps(m))
    value = next(
        e["value"]
        for b in request["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "drift.approve"
    )
    for user in (BOB, CAROL):
        click(world, ActionId.APPROVE, value, user)


def approval_message(world: World) -> dict[str, Any]:
    return next(m for m in world.fake.messages(CHANNEL) if "request `r-" in json.dumps(m))


def test_between_approval_and_trigger_the_card_says_approved_with_no_reapply(world):
    """Before: the card said Open with a live Reapply button until the worker ran. Now the
    last approval records the run: the card says it is approved and waiting to be triggered,
    with no Reapply, and so does the approval message."""
    check_demo(world)
    record = world.record(SG)

    approve_both(world, record.id)
    world.notify()  # no worker yet

    card = world.fake.message(CHANNEL, world.card_of(SG)["ts"])
    assert world.record(SG).run.status == "approved"
    assert "Reapply *approved*" in blocks_text(card)
    assert ActionId.REAPPLY not in action_ids(card)
    assert ActionId.RETRY not in action_ids(card)
    assert "waiting for the worker" in blocks_text(approval_message(world))


def test_a_failed_trigger_is_on_the_card_with_retry_and_the_people_pinged(
    redis_target, tmp_path, monkeypatch
):
    """The webhook answers 404: the run fails on the card (who asked and approved, Retry),
    the approval message says failed (not "being triggered"), and the news is broadcast in
    the card's thread mentioning the requester and the approvers."""

    def broken_hook(folder: Path, port: int) -> Path:
        config = write_config(folder, port)
        rb = folder / "runbooks" / "sg-open-to-internet.yml"
        rb.write_text(rb.read_text().replace("/hooks/reapply", "/hooks/not-here"))
        return config

    with slack_world(redis_target, tmp_path, monkeypatch, config_writer=broken_hook) as world:
        check_demo(world)
        record = world.record(SG)
        approve_both(world, record.id)
        world.worker()
        world.notify()

        after = world.record(SG)
        card = world.fake.message(CHANNEL, world.card_of(SG)["ts"])
        news = world.fake.broadcasts(CHANNEL)
        assert after.state == "open"
        assert after.run.status == "failed"
        assert ActionId.RETRY in action_ids(card)
        assert f"<@{ALICE}>" in blocks_text(card)  # who asked
        assert f"<@{CAROL}>" in blocks_text(card)  # who approved
        assert "failed" in blocks_text(approval_message(world)).lower()
        assert "being triggered" not in blocks_text(approval_message(world))
        assert len(news) == 1
        assert "Reapply failed" in news[0]["text"]
        for who in (ALICE, CAROL):
            assert f"<@{who}>" in news[0]["text"]


def test_the_trigger_is_retried_with_backoff_before_it_fails(world):
    """A trigger that fails for a reason that may pass (the pipeline's endpoint does not
    answer) is tried again later (arq's Retry, with a delay) while tries are left; the card
    says it is being triggered meanwhile; then it fails on the card, with Retry."""
    check_demo(world)
    record = world.record(SG)
    approve_both(world, record.id)
    request_id = world.record(SG).run.request_id
    rb = world.deps.runbooks["sg-open-to-internet"]
    hook = rb.fix.reapply.webhook.model_copy(update={"url": "http://127.0.0.1:9/hooks/reapply"})
    reapply = rb.fix.reapply.model_copy(update={"webhook": hook})
    down = rb.model_copy(update={"fix": rb.fix.model_copy(update={"reapply": reapply})})
    deps = world.job_deps(DEMO_END)
    deps.runbooks = {**world.deps.runbooks, rb.name: down}

    with pytest.raises(Retry) as retried:
        world.run(run_reapply_job(deps, "demo", request_id, None, 1, job_try=1))
    world.notify()
    assert retried.value.defer_score
    assert retried.value.defer_score > 0
    assert world.record(SG).run.status == "dispatching"
    assert "triggering" in blocks_text(world.fake.message(CHANNEL, world.card_of(SG)["ts"]))

    result = world.run(run_reapply_job(deps, "demo", request_id, None, 1, job_try=TRIGGER_TRIES))
    world.notify()

    assert "error" in result
    assert world.record(SG).run.status == "failed"
    assert ActionId.RETRY in action_ids(world.fake.message(CHANNEL, world.card_of(SG)["ts"]))


def test_a_reapplying_finding_keeps_accept_and_escalate_and_times_out(world):
    """Reapplying is not a dead end: Accept and Escalate stay; two hours later
    (`fix.reapply.timeout`'s default) it is open again, its requester told in the thread."""
    check_demo(world)
    record = world.record(SG)
    approve_both(world, record.id)
    world.worker()
    world.notify()
    reapplying = world.fake.message(CHANNEL, world.card_of(SG)["ts"])
    assert world.record(SG).state == "reapplying"
    assert action_ids(reapplying) == [ActionId.ACCEPT, ActionId.ESCALATE]

    world.now = DEMO_END + timedelta(hours=1)
    assert world.sweep()["timed_out"] == 0
    world.now = DEMO_END + timedelta(hours=2, minutes=1)
    assert world.sweep()["timed_out"] == 1
    world.notify()

    after = world.record(SG)
    card = world.card_of(SG)
    thread = blocks_text({"m": world.fake.messages(CHANNEL, thread_ts=card["ts"])})
    assert after.state == "open"
    assert after.run.status == "failed"
    assert "2 h" in thread
    assert f"<@{ALICE}>" in thread
    assert ActionId.RETRY in action_ids(world.fake.message(CHANNEL, card["ts"]))


def test_an_expired_request_loses_its_buttons_and_the_card_offers_reapply_again(world):
    """Past `expires_after` (4 h by default) the sweep marks the request expired: its message
    says so with no buttons, and the card offers Reapply again."""
    check_demo(world)
    record = world.record(SG)
    click(world, ActionId.REAPPLY, f"demo|{record.id}", ALICE)
    world.notify()
    pending = world.fake.message(CHANNEL, world.card_of(SG)["ts"])
    assert ActionId.REAPPLY not in action_ids(pending)

    world.now = world.deps.clock() + timedelta(hours=4, minutes=1)
    assert world.sweep()["requests_expired"] == 1
    world.notify()

    request = approval_message(world)
    card = world.fake.message(CHANNEL, world.card_of(SG)["ts"])
    assert action_ids(request) == []
    assert "Expired" in blocks_text(request)
    assert ActionId.REAPPLY in action_ids(card)


def test_a_refusal_from_app_home_is_shown_to_the_clicker(world):
    """From App Home there is no response_url: before, a refusal was only logged. Now the
    clicker sees it, in a small modal opened with the click's trigger."""
    check_demo(world)
    record = world.record(SG)
    home = {"id": "V0HOME", "type": "home", "blocks": []}
    world.deps.loaded.config.environments["demo"].slack.check.users.append("U0SOMEONE1")

    world.dispatch(
        sr.block_actions(ActionId.ACCEPT, f"demo|{record.id}", user_id="U0DAVE99", view=home)
    )
    world.settle()

    opened = world.fake.last("views.open").params["view"]
    assert "Only" in blocks_text(opened)
    assert "demo" in blocks_text(opened)
    world.deps.loaded.config.environments["demo"].slack.check.users.remove("U0SOMEONE1")


def test_a_stale_click_from_app_home_is_answered_too(world):
    """A click on a finding that is gone, from App Home: told, not logged."""
    check_demo(world)
    home = {"id": "V0HOME", "type": "home", "blocks": []}
    world.dispatch(sr.block_actions(ActionId.ACCEPT, "demo|f-0000000000000000", view=home))
    world.settle()
    assert "no longer stored" in blocks_text(world.fake.last("views.open").params["view"])
