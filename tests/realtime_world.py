"""The real-time path's test world: EventBridge envelopes made from the demo's CloudTrail records
(the demo day's hand changes), a queue with a dead-letter queue in moto, and a drift.yml whose
`realtime:` names that queue."""

from __future__ import annotations

import gzip
import json
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from tests.slack_world import CHANNEL, write_config

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
CORPUS_EVENTBRIDGE = ROOT / "tests" / "data" / "corpus" / "eventbridge" / "cloud-custodian"
REGION = "us-east-1"
QUEUE, DLQ = "driftbot-events", "driftbot-dlq"


def demo_records() -> list[dict[str, Any]]:
    """Every record of the demo day, oldest first."""
    out: list[dict[str, Any]] = []
    for path in sorted((DEMO / "cloudtrail").rglob("*.json.gz")):
        out += json.loads(gzip.decompress(path.read_bytes()))["Records"]
    return sorted(out, key=lambda r: (r["eventTime"], r["eventID"]))


def hand_changes() -> list[dict[str, Any]]:
    """The demo's changes by hand (what the check reports as drift): mutating, successful,
    not the pipeline's role."""
    return [
        r
        for r in demo_records()
        if r.get("readOnly") is False
        and not r.get("errorCode")
        and "terraform-ci" not in json.dumps(r.get("userIdentity"))
        and r.get("eventType", "AwsApiCall") == "AwsApiCall"
    ]


def envelope(record: dict[str, Any]) -> dict[str, Any]:
    """The record as EventBridge delivers it (REALTIME.md §1)."""
    return {
        "version": "0",
        "id": str(uuid.uuid4()),
        "detail-type": "AWS API Call via CloudTrail",
        "source": "aws." + record["eventSource"].split(".")[0],
        "account": record.get("recipientAccountId", "111122223333"),
        "time": record["eventTime"],
        "region": record["awsRegion"],
        "resources": [],
        "detail": record,
    }


def make_queues(sqs: Any, max_receives: int = 2) -> tuple[str, str]:
    """The inbox with its redrive policy to a dead-letter queue; their URLs."""
    dlq = sqs.create_queue(QueueName=DLQ)["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    policy = json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": max_receives})
    inbox = sqs.create_queue(QueueName=QUEUE, Attributes={"RedrivePolicy": policy})["QueueUrl"]
    return inbox, dlq


def realtime_block(queue_url: str, endpoint: str | None = None, visibility: int = 30) -> str:
    endpoint_line = f"\n    endpoint_url: {endpoint}" if endpoint else ""
    return f"""
realtime:
  sqs:
    queue_url: {queue_url}
    region: {REGION}{endpoint_line}
    concurrency: 1
    visibility_timeout: {visibility}
  state_refresh: 60s
"""


def realtime_config(
    tmp: Path, queue_url: str, endpoint: str | None = None, visibility: int = 30, edit=None
) -> Path:
    """The Slack world's drift.yml (demo env with its channel) plus `realtime:`."""

    def add(text: str) -> str:
        text = text + realtime_block(queue_url, endpoint, visibility)
        return edit(text) if edit is not None else text

    return write_config(tmp, webhook_port=9, edit=add)


def cards(fake: Any, channel: str = CHANNEL) -> Counter[str]:
    """The cards in `channel` (their action blocks' ids), with how many times each was posted."""
    out: Counter[str] = Counter()
    for message in fake.top_level(channel):
        for block in message.get("blocks") or []:
            if block.get("type") == "actions":
                out[block["block_id"]] += 1
    return out
