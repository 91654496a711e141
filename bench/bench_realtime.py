"""Benchmark: the real-time path, from a message landing in the SQS queue.

    python -m bench.bench_realtime [--events 200] [--rate 10] [--burst 20000]

Against an SQS served by moto (a `moto.server` child process on another core), a real
redis-server, and the fake Slack Web API on loopback, with the consumer, the store and the
notifier of `drift worker` in this process, pinned to one core:

1. latency: `--events` CloudTrail envelopes (a security group opened by hand, each a new
   finding) sent at `--rate` a second; for each, the time from its SendMessage returning to
   its card's chat.postMessage reaching the fake Slack: p50, p99, max (goals: p50 < 2 s,
   p99 < 5 s at 10 events a second);
2. throughput: `--burst` envelopes already on the queue, 90% read-only noise and 10% changes,
   consumed with `concurrency: 4` until every one is deleted (queue to store; no Slack):
   events a second (goal: at least 1,000 on one core), and this process's CPU time over the
   wall time (at most 1.0: one core).

moto's SQS is slower than SQS itself, and shares the machine: the figures are a floor.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import boto3

from bot.config.drift import LoadedConfig, parse_config
from bot.shell.notifier import Notifier
from bot.shell.realtime.consumer import Consumer
from bot.shell.realtime.queue import RealtimeQueue
from bot.shell.redis.connection import RedisTarget
from bot.shell.redis.realtime import RealtimeLedger
from bot.shell.redis.slack_state import SlackState
from bot.shell.redis.store import Store
from bot.shell.slack import SlackGateway, web_client
from tests.fake_slack import FakeSlack
from tests.redis_process import RedisProcess

ACCOUNT = "111122223333"
REGION = "us-east-1"
CHANNEL = "C0BENCH01"


def record(n: int, read_only: bool) -> dict[str, Any]:
    """A CloudTrail record: a security group opened by hand, or a Describe call (noise)."""
    group = f"sg-{n:017x}"
    now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    base: dict[str, Any] = {
        "eventVersion": "1.09",
        "eventID": str(uuid.uuid4()),
        "eventTime": now,
        "eventSource": "ec2.amazonaws.com",
        "awsRegion": REGION,
        "recipientAccountId": ACCOUNT,
        "sourceIPAddress": "203.0.113.7",
        "userAgent": "aws-cli/2.15",
        "requestID": str(uuid.uuid4()),
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "eventCategory": "Management",
        "userIdentity": {
            "type": "AssumedRole",
            "principalId": "AROAEXAMPLE:alice@example.com",
            "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/Admin/alice@example.com",
            "accountId": ACCOUNT,
        },
    }
    if read_only:
        return {
            **base,
            "eventName": "DescribeSecurityGroups",
            "readOnly": True,
            "requestParameters": {"groupIds": [group]},
            "responseElements": None,
        }
    return {
        **base,
        "eventName": "AuthorizeSecurityGroupIngress",
        "readOnly": False,
        "requestParameters": {
            "groupId": group,
            "ipPermissions": {
                "items": [
                    {
                        "ipProtocol": "tcp",
                        "fromPort": 22,
                        "toPort": 22,
                        "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0"}]},
                    }
                ]
            },
        },
        "responseElements": {"_return": True},
    }


def envelope(detail: dict[str, Any]) -> str:
    return json.dumps(
        {
            "version": "0",
            "id": str(uuid.uuid4()),
            "detail-type": "AWS API Call via CloudTrail",
            "source": "aws.ec2",
            "account": ACCOUNT,
            "time": detail["eventTime"],
            "region": REGION,
            "resources": [],
            "detail": detail,
        }
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def moto_server() -> Iterator[str]:
    """moto's server as a child process, on the last core."""
    port = free_port()
    cores = sorted(os.sched_getaffinity(0))
    last = {cores[-1]}

    def pin() -> None:
        os.sched_setaffinity(0, last)

    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=pin,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)


def config(folder: Path, queue_url: str, endpoint: str) -> LoadedConfig:
    text = f"""
environments:
  bench:
    account_id: "{ACCOUNT}"
    regions: [{REGION}]
    cloudtrail: {{source: files, path: ./none}}
    confirm: false
    slack: {{channel: {CHANNEL}}}
realtime:
  sqs:
    queue_url: {queue_url}
    region: {REGION}
    endpoint_url: {endpoint}
    concurrency: 4
    visibility_timeout: 120
"""
    path = folder / "drift.yml"
    path.write_text(text)
    return parse_config(text, path)


def queue(sqs: Any, name: str) -> str:
    return str(sqs.create_queue(QueueName=name)["QueueUrl"])


async def latency(
    loaded: LoadedConfig,
    target: RedisTarget,
    fake: FakeSlack,
    sqs: Any,
    url: str,
    events: int,
    rate: float,
) -> list[float]:
    client = target.client()
    store = Store(client)
    assert loaded.config.realtime is not None
    consumer = Consumer(loaded, None, store, RealtimeQueue(loaded.config.realtime.sqs))
    token = "xoxb-bench"  # noqa: S105  (the fake Slack accepts any xoxb- token)
    slack = SlackGateway(web_client(token=token, base_url=fake.base_url))
    notifier = Notifier(loaded, {}, store, SlackState(client), slack, consumer="bench")
    stop = asyncio.Event()
    tasks = [asyncio.create_task(consumer.run(stop)), asyncio.create_task(notifier.run(stop))]
    await asyncio.sleep(1.0)
    sent: dict[str, float] = {}

    def send() -> None:
        for n in range(events):
            detail = record(n, read_only=False)
            group = detail["requestParameters"]["groupId"]
            sqs.send_message(QueueUrl=url, MessageBody=envelope(detail))
            sent[group] = time.monotonic()
            time.sleep(max(0.0, (n + 1) / rate - (time.monotonic() - started)))

    started = time.monotonic()
    sender = threading.Thread(target=send)
    sender.start()
    posted: dict[str, float] = {}
    deadline = time.monotonic() + events / rate + 60
    while len(posted) < events and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
        for call in fake.calls("chat.postMessage"):
            for group in sent.keys() - posted.keys():
                if group in call.body:
                    posted[group] = call.at
    sender.join()
    stop.set()
    await asyncio.gather(*tasks)
    await client.aclose(close_connection_pool=True)
    return [posted[g] - sent[g] for g in posted]


async def throughput(
    loaded: LoadedConfig, target: RedisTarget, total: int, feed: threading.Thread
) -> tuple[float, float, int]:
    client = target.client()
    store = Store(client)
    assert loaded.config.realtime is not None
    consumer = Consumer(loaded, None, store, RealtimeQueue(loaded.config.realtime.sqs))
    ledger = RealtimeLedger(client)
    stop = asyncio.Event()
    wall, cpu = time.monotonic(), time.process_time()
    feed.start()
    task = asyncio.create_task(consumer.run(stop))
    while True:
        await asyncio.sleep(0.2)
        done = int((await ledger.counters()).get("deleted", "0"))
        if done >= total and not feed.is_alive():  # moto redelivers some: count them too
            break
    elapsed, used = time.monotonic() - wall, time.process_time() - cpu - feeding_cpu[0]
    stop.set()
    await task
    changes = int((await ledger.counters()).get("changes", "0"))
    await client.aclose(close_connection_pool=True)
    return elapsed, used, changes


feeding_cpu = [0.0]  # CPU seconds the feeding thread used (not the consumer's)


def feeder(sqs: Any, url: str, total: int, backlog: int = 300) -> threading.Thread:
    """A thread keeping about `backlog` messages waiting until `total` were sent (moto's
    receive slows down with the queue's length; SQS's does not)."""
    bodies = [envelope(record(n, read_only=n % 10 != 0)) for n in range(total)]
    chunks = [bodies[i : i + 10] for i in range(0, total, 10)]

    def put() -> None:
        start = time.thread_time()
        for n, chunk in enumerate(chunks):
            if n % 10 == 0:
                while True:
                    attrs = sqs.get_queue_attributes(
                        QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"]
                    )["Attributes"]
                    if int(attrs["ApproximateNumberOfMessages"]) < backlog:
                        break
                    time.sleep(0.01)
            entries = [{"Id": str(i), "MessageBody": b} for i, b in enumerate(chunk)]
            sqs.send_message_batch(QueueUrl=url, Entries=entries)
        feeding_cpu[0] = time.thread_time() - start

    return threading.Thread(target=put)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--rate", type=float, default=10.0)
    parser.add_argument("--burst", type=int, default=20_000)
    args = parser.parse_args()
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "bench")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "bench")
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # this process: one core
    folder = Path(tempfile.mkdtemp(prefix="bench-realtime-"))
    redis = RedisProcess(folder / "redis", persist=False).start()
    try:
        with moto_server() as endpoint, FakeSlack() as fake:
            sqs = boto3.client("sqs", region_name=REGION, endpoint_url=endpoint)
            url = queue(sqs, "latency")
            loaded = config(folder, url, endpoint)
            lags = asyncio.run(
                latency(loaded, redis.target, fake, sqs, url, args.events, args.rate)
            )
            lags.sort()
            print(f"latency, queue to card, {len(lags)}/{args.events} events at {args.rate:g}/s:")
            if lags:
                p50 = statistics.median(lags)
                p99 = lags[min(len(lags) - 1, int(len(lags) * 0.99))]
                print(
                    f"  p50 {p50 * 1000:.0f} ms (goal < 2000)   p99 {p99 * 1000:.0f} ms "
                    f"(goal < 5000)   max {lags[-1] * 1000:.0f} ms"
                )

            burst = queue(sqs, "burst")
            loaded = config(folder, burst, endpoint)
            feed = feeder(
                boto3.client("sqs", region_name=REGION, endpoint_url=endpoint), burst, args.burst
            )
            elapsed, used, changes = asyncio.run(throughput(loaded, redis.target, args.burst, feed))
            print(
                f"throughput, queue to store, {args.burst} events "
                f"(90% read-only noise, {changes} changes stored):"
            )
            print(
                f"  {args.burst / elapsed:,.0f} events/s through moto (goal >= 1,000)   "
                f"wall {elapsed:.1f} s"
            )
            print(
                f"  driftbot's CPU: {used:.1f} s, {used / elapsed:.2f} of one core: "
                f"{args.burst / used:,.0f} events per CPU second"
            )
    finally:
        redis.kill()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
