"""EventBridge to SQS to a card, as deploy/central.yaml sets it up (issue 13): moto's EventBridge
with the template's own rule (its EventPattern read from the template: `detail.readOnly` false,
no `errorCode`) targeting the driftbot queue; the demo's CloudTrail events put with
`events.put_events` as "AWS API Call via CloudTrail"; moto matches them against the rule and
delivers the matching ones to SQS; the real consumer turns them into stored changes and findings,
and the notifier into cards in the fake Slack. Read-only and failed calls never reach the
queue. (tests/integration/test_realtime.py puts envelopes on the queue directly.)"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml
from moto import mock_aws

from bot.shell.redis.realtime import RealtimeLedger
from tests.integration.test_realtime import FINDINGS, consumer_of, drain
from tests.realtime_world import REGION, cards, hand_changes, make_queues, realtime_config
from tests.slack_world import slack_world

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy" / "central.yaml"
RULE = "OwnCalls"  # the central account's own calls: its default bus straight to the queue


class CfnLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short tags (`!GetAtt`, `!Ref`, …) read as plain values."""


def _tagged(loader: yaml.SafeLoader, _suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


CfnLoader.add_multi_constructor("!", _tagged)


def template_rule(name: str) -> dict[str, Any]:
    template = yaml.load(TEMPLATE.read_text(), Loader=CfnLoader)  # noqa: S506  (SafeLoader's)
    rule: dict[str, Any] = template["Resources"][name]["Properties"]
    return rule


def entry(record: dict[str, Any]) -> dict[str, Any]:
    """A CloudTrail record as AWS puts it on the default event bus."""
    return {
        "Source": "aws." + record["eventSource"].split(".")[0],
        "DetailType": "AWS API Call via CloudTrail",
        "Detail": json.dumps(record),
        "Resources": [],
    }


@pytest.fixture
def aws():
    with mock_aws():
        yield boto3.client("sqs", region_name=REGION), boto3.client("events", region_name=REGION)


def test_cloudtrail_events_put_on_eventbridge_reach_the_queue_and_become_cards(
    aws, redis_target, tmp_path, monkeypatch
):
    sqs, events = aws
    inbox, _ = make_queues(sqs)
    inbox_arn = sqs.get_queue_attributes(QueueUrl=inbox, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    rule = template_rule(RULE)
    assert rule["EventPattern"]["detail"] == {"readOnly": [False], "errorCode": [{"exists": False}]}
    events.put_rule(
        Name=rule["Name"], EventPattern=json.dumps(rule["EventPattern"]), State=rule["State"]
    )
    events.put_targets(
        Rule=rule["Name"], Targets=[{"Id": rule["Targets"][0]["Id"], "Arn": inbox_arn}]
    )

    changes = hand_changes()
    reads = [{**changes[0], "eventName": "DescribeSecurityGroups", "readOnly": True}]
    failed = [{**changes[0], "errorCode": "UnauthorizedOperation", "errorMessage": "no"}]
    everything = changes + reads + failed
    for start in range(0, len(everything), 10):  # put_events takes 10 entries at a time
        put = events.put_events(Entries=[entry(r) for r in everything[start : start + 10]])
        assert put["FailedEntryCount"] == 0

    waiting = sqs.get_queue_attributes(QueueUrl=inbox, AttributeNames=["All"])["Attributes"]
    assert int(waiting["ApproximateNumberOfMessages"]) == len(changes)  # the rule filtered

    def config(tmp: Path, _port: int) -> Path:
        return realtime_config(tmp, inbox)

    with slack_world(redis_target, tmp_path, monkeypatch, config_writer=config) as world:
        consumer = consumer_of(world)
        outcomes = drain(world, consumer)
        world.notify()
        records = world.run(world.deps.store.records("demo"))
        counters = world.run(RealtimeLedger(world.deps.store.redis).counters())
        posted = cards(world.fake)

    assert sum(o.received for o in outcomes) == len(changes)
    assert sum(o.deleted for o in outcomes) == len(changes)
    assert int(counters["received"]) == len(changes)
    assert len(records) == FINDINGS  # the changes stored, folded into the demo's findings
    assert all(r.finding.events for r in records)
    assert len(posted) == FINDINGS  # a card each in the fake Slack
    assert set(posted.values()) == {1}
    left = sqs.get_queue_attributes(QueueUrl=inbox, AttributeNames=["All"])["Attributes"]
    assert left["ApproximateNumberOfMessages"] == "0"
