"""Automatic escalation posts first (issue 11), and the worker's thread replies are posted
exactly once (issue 9): the live world (moto, the integration fakes, the fake Slack, a real
Redis), with the worker's escalation job run step by step at a clock past `auto_after`.

Before: the automatic job marked the finding escalated, then posted; a post the escalation
channel refused (or a page PagerDuty refused) left a card saying "Escalated" with nothing
posted. A thread reply whose answer was lost (a crash between the post and its record) was
posted again when the job ran again."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from bot.lifecycle.transitions import SYSTEM
from bot.shell.escalate.runner import escalate_finding
from bot.shell.reapply.runner import say_in_thread
from tests.integration.test_integrations_slack import check, shell_deps, thread
from tests.live_world import ENV, Live, live_world
from tests.slack_world import CHANNEL, ESCALATIONS


@pytest.fixture
def live(redis_target, tmp_path, monkeypatch):
    with live_world(redis_target, tmp_path, monkeypatch, auto_after="30m") as world:
        yield world


def auto(live: Live, kind: str) -> dict[str, Any]:
    """The worker's automatic escalation job for one target, 31 minutes after the finding
    opened (its runbook's `auto_after` is 30m)."""
    world = live.world
    rec = world.record(live.sg)
    deps = shell_deps(world)
    deps.clock = lambda: rec.state_since + timedelta(minutes=31)
    result: dict[str, Any] = world.run(escalate_finding(deps, ENV, rec.id, kind, SYSTEM, "", True))
    world.notify()
    return result


def test_an_automatic_escalation_the_channel_refuses_leaves_the_finding_open(live: Live):
    world = live.world
    check(world)
    before = world.record(live.sg)
    world.fake.fail("chat.postMessage", "not_in_channel")  # the escalation post, refused

    result = auto(live, "channel")

    after = world.record(live.sg)
    said = "\n".join(thread(world, live.sg))
    assert "error" in result
    assert (after.state, after.version) == ("open", before.version)
    assert world.fake.messages(ESCALATIONS) == []
    assert f"Escalation to <#{ESCALATIONS}> failed" in said
    assert "not_in_channel" in said
    assert "/invite @driftbot" in said
    assert "Escalated" not in json.dumps(world.fake.message(CHANNEL, world.card_of(live.sg)["ts"]))

    # The channel lets the bot in: the next run posts, and only then is the finding escalated.
    result = auto(live, "channel")

    assert result == {"channel": ESCALATIONS}
    assert world.record(live.sg).state == "escalated"
    [posted] = world.fake.messages(ESCALATIONS)
    assert "Escalated automatically" in json.dumps(posted)


def test_an_automatic_page_pagerduty_refuses_leaves_the_finding_open(live: Live):
    world = live.world
    check(world)
    before = world.record(live.sg)
    live.pagerduty.fail_next("POST", "/v2/enqueue", 400, {"status": "invalid event"})

    result = auto(live, "pagerduty")

    after = world.record(live.sg)
    assert "error" in result
    assert (after.state, after.version) == ("open", before.version)
    assert any("Escalation to PagerDuty failed" in t for t in thread(world, live.sg))

    auto(live, "pagerduty")

    assert world.record(live.sg).state == "escalated"
    assert world.record(live.sg).links[0].kind == "pagerduty"


def test_an_automatic_escalation_skips_a_finding_someone_accepted(live: Live):
    """Nobody acting is the condition: an accepted finding is not posted about."""
    world = live.world
    check(world)
    rec = world.record(live.sg)
    deps = shell_deps(world)

    async def accept() -> None:
        from bot.lifecycle.transitions import accept as accepting

        await deps.store.apply(
            ENV, rec.id, lambda r: accepting(r, "<@U0ALICE>", "known", None, rec.state_since)
        )

    world.run(accept())

    assert auto(live, "channel") == {"skipped": "channel"}
    assert world.fake.messages(ESCALATIONS) == []


def test_a_thread_reply_asked_again_after_a_crash_mid_post_is_posted_once(live: Live):
    """The reply reaches Slack but its answer is lost (as when the worker dies between the
    post and its record); the job runs again and says the same thing: one reply."""
    world = live.world
    check(world)
    rec = world.record(live.sg)
    deps = shell_deps(world)
    card = world.card_of(live.sg)
    replies = len(world.fake.messages(CHANNEL, thread_ts=card["ts"]))
    world.fake.drop_after("chat.postMessage")  # stored by Slack, the answer never comes

    world.run(say_in_thread(deps, ENV, rec.id, "Reapply run started."))
    world.run(say_in_thread(deps, ENV, rec.id, "Reapply run started."))  # the job again

    said = [m["text"] for m in world.fake.messages(CHANNEL, thread_ts=card["ts"])]
    assert len(said) == replies + 1
    assert said.count("Reapply run started.") == 1


def test_an_escalation_job_run_again_after_a_crash_mid_post_posts_once(live: Live):
    """The automatic escalation's channel post is stored by Slack, its answer lost; the job
    runs again (arq retries it): one message in the escalation channel, the finding
    escalated."""
    world = live.world
    check(world)
    world.fake.drop_after("chat.postMessage")

    first = auto(live, "channel")
    again = auto(live, "channel")

    assert "error" in first
    assert again == {"channel": ESCALATIONS}
    assert len(world.fake.messages(ESCALATIONS)) == 1
    assert world.record(live.sg).state == "escalated"
