"""Cards and thread replies are posted exactly once as people see them (issue 9), when the
answer to a post is lost (the connection dropped after Slack stored it) or the notifier dies in
the middle of a post. A real Redis, the fake Slack, the real notifier.
(tests/integration/test_worker_faults.py kills a real worker process mid-post.)"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from datetime import timedelta

from bot.entry.cli import load_config
from bot.shell.notifier import GROUP, Notifier
from bot.shell.redis import keys
from bot.shell.runbook_files import runbooks_for
from tests import slack_requests as sr
from tests.slack_world import ALICE, CHANNEL, World

FINDINGS = 8  # the demo day's


def notifier(world: World, name: str, lease: float = 0.1) -> Notifier:
    loaded = load_config(str(world.config))
    return Notifier(
        loaded,
        runbooks_for(loaded),
        world.deps.store,
        world.deps.state,
        world.deps.slack,
        consumer=name,
        lease=timedelta(seconds=lease),
    )


async def drain(n: Notifier, within: float = 20) -> int:
    """Step until every outbox entry is handled and acked; failures are retried (an entry
    left pending is claimed again after two leases)."""
    redis = n.store.redis
    await n.ensure_group()
    errors = 0
    deadline = asyncio.get_running_loop().time() + within
    while asyncio.get_running_loop().time() < deadline:
        try:
            handled = await n.step()
        except Exception:
            errors += 1
            handled = 1
        pending = (await redis.xpending(keys.OUTBOX, GROUP))["pending"]
        groups = await redis.xinfo_groups(keys.OUTBOX)
        lag = next(g for g in groups if g["name"] in (GROUP, GROUP.encode())).get("lag") or 0
        if not handled and not pending and not lag:
            return errors
        await asyncio.sleep(0.1)
    raise AssertionError("the outbox was not drained")


def check_without_notifying(world: World, monkeypatch) -> None:
    """`/drift check demo` and the worker, with Slack off for the worker: the test's own
    notifiers post the cards."""
    world.dispatch(sr.slash_command("check demo", user_id=ALICE))
    world.settle()
    monkeypatch.delenv("SLACK_BOT_TOKEN")
    world.worker()
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")


def cards(world: World) -> Counter[str]:
    """How many top-level cards each finding id has in the channel."""
    out: Counter[str] = Counter()
    for message in world.fake.top_level(CHANNEL):
        text = json.dumps(message)
        if "drift.escalate" in text or "drift.accept" in text:
            out[next(b for b in message["blocks"] if b["type"] == "actions")["block_id"]] += 1
    return out


def test_a_post_whose_answer_is_lost_is_not_posted_again(world, monkeypatch):
    """Slack stores the 3rd card and the connection drops before its answer. Before: the
    SDK re-sent it (a second card). Now the retry finds it by its metadata."""
    check_without_notifying(world, monkeypatch)
    world.fake.drop_after("chat.postMessage", 1)

    world.run(drain(notifier(world, "n1")))

    assert world.fake.calls("conversations.history")  # it looked instead of posting again
    per_finding = cards(world)
    assert len(per_finding) == FINDINGS
    assert set(per_finding.values()) == {1}


def test_a_notifier_killed_mid_post_leaves_one_card_for_the_next(world, monkeypatch):
    """The first notifier dies while Slack holds its post (stored, not answered): the second
    takes the card over after the lease, finds the post and does not post again."""
    check_without_notifying(world, monkeypatch)
    world.fake.stall_after("chat.postMessage", 1)
    first = notifier(world, "dies", lease=0.2)
    before = len(world.fake.calls("chat.postMessage"))  # the check's progress message

    async def die_mid_post() -> None:
        await first.ensure_group()
        task = asyncio.create_task(first.step())
        await asyncio.to_thread(world.fake.wait_for, "chat.postMessage", before + 1)
        task.cancel()  # the process is gone: its lease is not renewed any more
        await asyncio.gather(task, return_exceptions=True)

    world.run(die_mid_post())
    assert len(world.fake.calls("chat.postMessage")) == before + 1
    world.run(drain(notifier(world, "takes-over")))

    per_finding = cards(world)
    assert len(per_finding) == FINDINGS
    assert set(per_finding.values()) == {1}


def test_a_thread_reply_whose_answer_is_lost_is_not_posted_again(world, monkeypatch):
    """The audit trail too: an accept's reply in the card's thread appears once."""
    check_without_notifying(world, monkeypatch)
    world.run(drain(notifier(world, "n1")))
    records = world.run(world.deps.store.records("demo"))
    record = records[0]
    from datetime import UTC, datetime

    from bot.lifecycle.transitions import accept

    now = datetime.now(UTC)
    world.run(
        world.deps.store.apply(
            "demo", record.id, lambda r: accept(r, "U0ALICE", "a hotfix", None, now)
        )
    )
    world.fake.drop_after("chat.postMessage", 1)

    world.run(drain(notifier(world, "n2")))

    card = world.run(world.deps.state.card("demo", record.id))
    thread = world.fake.messages(CHANNEL, thread_ts=card["ts"])
    assert sum("a hotfix" in json.dumps(m) for m in thread) == 1
