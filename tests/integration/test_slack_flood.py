"""Issue 11, "no floods": a burst of new findings in one check is one summary with the cards in
its thread, posted within Slack's rate limits (the fake enforces them, answering 429 beyond),
without holding back another environment's cards; an environment's first check is a baseline
summary; the progress message says "done" once the cards are posted.

The burst here is 40 findings with Slack's pace sped up twenty-fold (20 posts a second per
channel, in the fake and in driftbot's pacer alike), so the test takes seconds; the benchmark
(bench/bench_burst.py) runs 200 at Slack's real pace."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest

from bot.shell.notifier import Notifier
from bot.shell.redis.pace import Rate
from tests.slack_flood import seed_burst
from tests.slack_world import CHANNEL, DEMO_END, World, check_demo, slack_world

OTHER = "C0LOCKED1"  # the `locked` environment's channel
BURST = 40
FAST = Rate(interval=0.05, burst=3)


@pytest.fixture
def paced_world(redis_target, tmp_path, monkeypatch):
    with slack_world(redis_target, tmp_path, monkeypatch, paced=True) as w:
        monkeypatch.setattr("bot.shell.slack.POST", FAST)
        w.fake.enforce_limits(post_per_second=20, post_burst=4)
        yield w


def cards_in(world: World, channel: str) -> list[dict[str, Any]]:
    return [
        m
        for m in world.fake.messages(channel)
        if '"drift.accept"' in json.dumps(m) or '"drift.escalate"' in json.dumps(m)
    ]


def run_notifier(world: World, until: Any, within: float = 30) -> None:
    """The notifier as `drift serve` runs it (lanes, pacing), until `until()` holds."""
    notifier = Notifier(
        world.deps.loaded,
        world.deps.runbooks,
        world.deps.store,
        world.deps.state,
        world.deps.slack,
        consumer="flood",
        clock=lambda: DEMO_END,
    )

    async def go() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(notifier.run(stop))
        deadline = time.monotonic() + within
        while not until() and time.monotonic() < deadline:  # noqa: ASYNC110  (the fake is in a thread)
            await asyncio.sleep(0.05)
        stop.set()
        await task

    world.run(go())


def test_a_burst_is_one_summary_with_the_cards_in_its_thread_within_slacks_limits(paced_world):
    """40 new findings (threshold 10): one summary, 40 cards in its thread, no card at the
    top level; every 429 the fake answered was retried (all 40 are there), and the other
    environment's card was posted long before the burst's last one."""
    world = paced_world
    store = world.deps.store
    world.run(seed_burst(store, "demo", BURST, "check-burst", DEMO_END))
    world.run(seed_burst(store, "locked", 1, "check-other", DEMO_END))
    world.run(world.deps.state.set_baselined("demo"))
    world.run(world.deps.state.set_baselined("locked"))

    run_notifier(world, lambda: len(cards_in(world, CHANNEL)) >= BURST and cards_in(world, OTHER))

    top = world.fake.top_level(CHANNEL)
    cards = cards_in(world, CHANNEL)
    [summary] = top
    assert "40 new findings" in summary["text"]
    assert len(cards) == BURST
    assert {c["thread_ts"] for c in cards} == {summary["ts"]}
    assert len({json.dumps(c["metadata"]) for c in cards}) == BURST  # each card once
    posts = [c for c in world.fake.calls("chat.postMessage") if c.params["channel"] == CHANNEL]
    assert all(c.ok for c in posts[-BURST:])  # the last ones went through: nothing left over
    other_at = next(
        c.at for c in world.fake.calls("chat.postMessage") if c.params["channel"] == OTHER and c.ok
    )
    last_at = max(c.at for c in posts if c.ok)
    assert other_at < last_at - 1.0  # not queued behind the burst


def test_driftbot_stays_under_the_limit_instead_of_running_into_429s(paced_world):
    """Paced per channel, the burst gets (almost) no 429 at all; the old notifier, posting as
    fast as it could, got hundreds (the issue's 542 for 200 findings)."""
    world = paced_world
    world.run(seed_burst(world.deps.store, "demo", BURST, "check-burst", DEMO_END))
    world.run(world.deps.state.set_baselined("demo"))

    run_notifier(world, lambda: len(cards_in(world, CHANNEL)) >= BURST)

    assert len(cards_in(world, CHANNEL)) == BURST
    assert world.fake.rate_limited("chat.postMessage") <= 2


def test_the_first_check_with_slack_is_a_baseline_summary_not_a_card_each(
    redis_target, tmp_path, monkeypatch
):
    """`slack.baseline` defaults to true: the first check posts one summary naming App Home and
    `/drift findings`; a later change to one of those findings gets its card."""

    def default_baseline(text: str) -> str:
        return text.replace("      baseline: false\n", "")

    with slack_world(redis_target, tmp_path, monkeypatch, edit=default_baseline) as world:
        check_demo(world)
        top = world.fake.top_level(CHANNEL)
        cards = cards_in(world, CHANNEL)
        baseline = [m for m in top if "First check of" in m.get("text", "")]

        assert cards == []
        assert len(baseline) == 1
        assert "/drift findings demo" in json.dumps(baseline[0])
        assert "8 drifted resources" in baseline[0]["text"]

        from tests.integration.test_slack_card_news import new_event
        from tests.slack_world import SG

        new_event(world, SG)
        world.notify()
        assert len(cards_in(world, CHANNEL)) == 1


def test_progress_says_done_only_once_the_cards_are_posted(world):
    """The progress message's "done" comes after the last card, not when the check ended."""
    job_id = check_demo(world)

    calls = world.fake.calls()
    posts = [
        i
        for i, c in enumerate(calls)
        if c.method == "chat.postMessage" and '"drift.accept"' in json.dumps(c.params)
    ]
    done = [
        i
        for i, c in enumerate(calls)
        if c.method == "chat.update" and job_id in c.body and "done" in c.body
    ]
    assert len(posts) == 8
    assert done
    assert done[0] > posts[-1]
