"""The real-time path in process: EventBridge envelopes on a moto SQS queue, the consumer, a real
Redis, the notifier and the fake Slack. (tests/integration/test_realtime_worker.py runs it in a
real `drift worker` process.)"""

from __future__ import annotations

import asyncio
import json
from collections import Counter

import boto3
import pytest
from moto import mock_aws

from bot.entry.cli import load_config
from bot.shell.realtime.consumer import Consumer
from bot.shell.realtime.queue import RealtimeQueue
from bot.shell.redis import keys
from bot.shell.redis.realtime import RealtimeLedger
from bot.shell.runbook_files import runbooks_for
from tests.realtime_world import (
    CORPUS_EVENTBRIDGE,
    REGION,
    cards,
    envelope,
    hand_changes,
    make_queues,
    realtime_config,
)
from tests.slack_world import slack_world

FINDINGS = 8  # the demo day's drift, as `drift check demo` reports it


@pytest.fixture
def aws():
    with mock_aws():
        yield boto3.client("sqs", region_name=REGION)


def drain(world, consumer: Consumer, rounds: int = 50) -> list:
    """Receive and handle until the queue answers empty."""

    async def go() -> list:
        outcomes: list = []
        stop = asyncio.Event()
        for _ in range(rounds):
            messages = await consumer.queue.receive(wait=0)
            if not messages:
                return outcomes
            outcomes.append(await consumer.handle(messages, stop))
        return outcomes

    return world.run(go())


def consumer_of(world) -> Consumer:
    loaded = load_config(str(world.config))
    assert loaded.config.realtime is not None
    queue = RealtimeQueue(loaded.config.realtime.sqs)
    consumer = Consumer(loaded, runbooks_for(loaded), world.deps.store, queue, wait=0)
    world.run(consumer._redrive(asyncio.Event()))
    return consumer


def test_envelopes_on_the_queue_become_cards_once(aws, redis_target, tmp_path, monkeypatch):
    inbox, _ = make_queues(aws)
    changes = hand_changes()
    for record in changes:
        aws.send_message(QueueUrl=inbox, MessageBody=json.dumps(envelope(record)))

    def config(tmp, _port):
        return realtime_config(tmp, inbox)

    with slack_world(redis_target, tmp_path, monkeypatch, config_writer=config) as world:
        consumer = consumer_of(world)
        outcomes = drain(world, consumer)
        world.notify()
        first = cards(world.fake)

        # The same events again (SQS delivers at least once): nothing changes.
        versions = {r.id: r.version for r in world.run(world.deps.store.records("demo"))}
        for record in changes:
            aws.send_message(QueueUrl=inbox, MessageBody=json.dumps(envelope(record)))
        again = drain(world, consumer)
        world.notify()
        after = {r.id: r.version for r in world.run(world.deps.store.records("demo"))}
        counters = world.run(RealtimeLedger(world.deps.store.redis).counters())

    assert sum(o.received for o in outcomes) == len(changes)
    assert sum(o.deleted for o in outcomes) == len(changes)
    assert len(first) == FINDINGS
    assert set(first.values()) == {1}
    assert sum(o.counts["duplicates"] for o in again) >= len(changes)
    assert after == versions
    assert cards(world.fake) == first
    attrs = aws.get_queue_attributes(QueueUrl=inbox, AttributeNames=["All"])["Attributes"]
    assert attrs["ApproximateNumberOfMessages"] == "0"
    assert attrs["ApproximateNumberOfMessagesNotVisible"] == "0"
    assert int(counters["received"]) == 2 * len(changes)
    assert int(counters["deleted"]) == 2 * len(changes)


def test_what_is_no_cloudtrail_event_is_named_counted_and_deleted(
    aws, redis_target, tmp_path, monkeypatch
):
    inbox, _ = make_queues(aws)
    bodies = [
        "not json at all",
        json.dumps({"Records": []}),
        json.dumps(
            {
                "version": "0",
                "id": "1",
                "detail-type": "EC2 Instance State-change Notification",
                "source": "aws.ec2",
                "detail": {"instance-id": "i-0abc", "state": "running"},
            }
        ),
        # A real Cloud Custodian envelope from an account no environment names.
        (CORPUS_EVENTBRIDGE / "event-cloud-trail-create-bucket.json").read_text(),
    ]
    for body in bodies:
        aws.send_message(QueueUrl=inbox, MessageBody=body)

    def config(tmp, _port):
        return realtime_config(tmp, inbox)

    with slack_world(redis_target, tmp_path, monkeypatch, config_writer=config) as world:
        consumer = consumer_of(world)
        outcomes = drain(world, consumer)
        ledger = RealtimeLedger(world.deps.store.redis)
        counters = world.run(ledger.counters())
        ignored = world.run(ledger.recent(keys.REALTIME_IGNORED))

    counts: Counter[str] = sum((o.counts for o in outcomes), Counter())
    assert counts["ignored:not_json"] == 1
    assert counts["ignored:not_eventbridge"] == 1
    assert counts["ignored:not_cloudtrail"] == 1
    assert counts["dropped:no_environment"] == 1
    assert int(counters["deleted"]) == 4
    names = {e["name"] for e in ignored}
    assert "'EC2 Instance State-change Notification' from aws.ec2" in names
    attrs = aws.get_queue_attributes(QueueUrl=inbox, AttributeNames=["All"])["Attributes"]
    assert attrs["ApproximateNumberOfMessages"] == "0"


def test_an_event_seen_by_the_queue_and_by_a_check_is_one_finding(
    aws, redis_target, tmp_path, monkeypatch
):
    """The scheduled check is the safety net: it reads the same events from the trail's files
    after the queue delivered them. Same resources, same event ids: the same findings, and no
    card posted twice."""
    inbox, _ = make_queues(aws)
    for record in hand_changes():
        aws.send_message(QueueUrl=inbox, MessageBody=json.dumps(envelope(record)))

    def config(tmp, _port):
        return realtime_config(tmp, inbox)

    with slack_world(redis_target, tmp_path, monkeypatch, config_writer=config) as world:
        drain(world, consumer_of(world))
        world.notify()
        before = {r.id: len(r.finding.events) for r in world.run(world.deps.store.records("demo"))}
        first = cards(world.fake)
        world.run(
            world.deps.queue.enqueue_check(
                "demo",
                trigger="schedule",
                requested_by="schedule",
                scheduled=True,
                job_id="sched-demo-test",
            )
        )
        world.worker()
        world.notify()
        after = {r.id: len(r.finding.events) for r in world.run(world.deps.store.records("demo"))}

    assert set(after) == set(before)
    assert after == before  # every event the check read was already there
    assert cards(world.fake) == first
    assert set(first.values()) == {1}
