"""Done when (issue 13): with moto's SQS and a real `drift worker` process, an EventBridge
CloudTrail envelope put on the queue becomes a card in the fake Slack, a duplicate delivery
changes nothing, a poison message reaches the dead-letter queue after the configured receives
and is counted, and a worker killed mid-batch loses nothing. Also: /metrics, /healthz and
/readyz on the worker's metrics port, and `drift status realtime`.

moto runs as a server on loopback (the worker is another process), Redis is a redis-server the
test owns, Slack is the fake Web API."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import boto3
import pytest
import redis
from moto.server import ThreadedMotoServer

from tests.fake_slack import FakeSlack
from tests.integration.test_worker_faults import WorkerProcess, get, wait_until
from tests.realtime_world import REGION, cards, envelope, hand_changes, make_queues, realtime_config
from tests.redis_process import RedisProcess

ROOT = Path(__file__).resolve().parents[2]
FINDINGS = 8
BROKEN_ACCOUNT = "444455556666"


@pytest.fixture
def moto_server():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    reset = urllib.request.Request(f"{url}/moto-api/reset", method="POST")  # noqa: S310
    urllib.request.urlopen(reset, timeout=10).close()  # noqa: S310  (loopback; moto is global)
    yield url
    server.stop()


@pytest.fixture
def redis_proc(redis_server, tmp_path):
    server = RedisProcess(tmp_path / "redis").start()
    yield server
    server.kill()


def sqs_client(endpoint: str):
    return boto3.client("sqs", region_name=REGION, endpoint_url=endpoint)


def depth(sqs, url: str) -> tuple[int, int]:
    attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
    return int(attrs["ApproximateNumberOfMessages"]), int(
        attrs["ApproximateNumberOfMessagesNotVisible"]
    )


def with_broken_environment(text: str) -> str:
    """An environment of another account whose state file is missing: its events fail."""
    return text.replace(
        "  staging:\n",
        f"""  broken:
    account_id: "{BROKEN_ACCOUNT}"
    regions: [us-east-1]
    cloudtrail: {{source: files, path: ./nowhere}}
    state: [{{terraform: ./missing.tfstate}}]
  staging:
""",
    )


def poison() -> dict:
    record = dict(hand_changes()[0])
    record["recipientAccountId"] = BROKEN_ACCOUNT
    record["userIdentity"] = {**record["userIdentity"], "accountId": BROKEN_ACCOUNT}
    record["eventID"] = "poison-0000-0000-0000-000000000001"
    return envelope(record)


def quiet(fake, seconds: float = 2.0, within: float = 30) -> int:
    """Wait until the fake Slack got no call for `seconds`; how many posts it has then."""
    deadline = time.monotonic() + within
    seen, since = len(fake.calls()), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.1)
        now = len(fake.calls())
        if now != seen:
            seen, since = now, time.monotonic()
        elif time.monotonic() - since >= seconds:
            break
    return len(fake.calls("chat.postMessage"))


def metric(text: str, name: str) -> float:
    found = re.search(rf"^{re.escape(name)} ([0-9.e+]+)$", text, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


def test_envelopes_become_cards_duplicates_change_nothing_poison_reaches_the_dlq(
    moto_server, redis_proc, tmp_path
):
    sqs = sqs_client(moto_server)
    inbox, dlq = make_queues(sqs, max_receives=2)
    config = realtime_config(
        tmp_path, inbox, endpoint=moto_server, visibility=10, edit=with_broken_environment
    )
    with FakeSlack() as fake:
        slack = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": fake.base_url}
        worker = WorkerProcess(
            config, redis_proc.url, tmp_path / "worker.log", "--metrics-port", "0", env=slack
        )
        try:
            port = int(worker.wait_for_log(r"health on http://127\.0\.0\.1:(\d+)/").group(1))
            base = f"http://127.0.0.1:{port}"
            worker.wait_for_log("realtime: consuming")
            changes = hand_changes()
            for record in changes:
                sqs.send_message(QueueUrl=inbox, MessageBody=json.dumps(envelope(record)))
            try:
                wait_until(lambda: len(cards(fake)) == FINDINGS, within=90, what="every card")
            except AssertionError:
                raise AssertionError(worker.text()[-5000:]) from None
            wait_until(lambda: depth(sqs, inbox) == (0, 0), within=30, what="all deleted")
            posts = quiet(fake)
            first = cards(fake)

            for record in changes:  # delivered again
                sqs.send_message(QueueUrl=inbox, MessageBody=json.dumps(envelope(record)))
            sqs.send_message(QueueUrl=inbox, MessageBody=json.dumps(poison()))

            def poison_moved() -> bool:
                return depth(sqs, dlq)[0] == 1

            wait_until(poison_moved, within=90, what="the poison message in the DLQ")
            wait_until(lambda: depth(sqs, inbox) == (0, 0), within=30, what="the queue empty")
            time.sleep(1)
            status, ready = get(f"{base}/readyz")
            health = get(f"{base}/healthz")[0]
            with urllib.request.urlopen(f"{base}/metrics", timeout=5) as answer:  # noqa: S310
                exposition = answer.read().decode()
                content_type = answer.headers["Content-Type"]
            after_posts = quiet(fake)
            after = cards(fake)
            report = subprocess.run(
                [sys.executable, "-m", "bot", "status", "realtime", "--config", str(config)],
                env={**os.environ, "REDIS_URL": redis_proc.url},
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            worker.signal(signal.SIGTERM)
        finally:
            worker.kill()

    log = worker.text()
    assert len(first) == FINDINGS
    assert set(first.values()) == {1}
    assert after == first  # the duplicates changed nothing
    assert after_posts == posts
    body = json.loads(sqs.receive_message(QueueUrl=dlq)["Messages"][0]["Body"])
    assert body["detail"]["eventID"] == "poison-0000-0000-0000-000000000001"
    assert "dead-letter queue" in log
    assert "poison-0000-0000-0000-000000000001" in log
    assert metric(exposition, "driftbot_sqs_dead_letters_total") == 1.0
    assert metric(exposition, "driftbot_realtime_events_received_total") >= 2 * len(changes) + 2
    assert 'driftbot_realtime_events_routed_total{env="demo"}' in exposition
    assert "driftbot_slack_api_calls_total" in exposition
    assert content_type.startswith("text/plain")
    assert health == 200
    assert status == 200, ready
    assert ready["checks"]["queue"]["ok"] is True
    assert ready["checks"]["slack"]["ok"] is True
    assert report.returncode == 0, report.stderr
    assert re.search(r"\s1\s+given up on their last receive", report.stdout)
    assert "poison-0000-0000-0000-000000000001" in report.stdout
    assert "dead_letter_queue: 1 waiting" in report.stdout
    assert worker.process.returncode == 0
    assert "Traceback" not in log


def test_a_worker_killed_mid_batch_loses_nothing(moto_server, redis_proc, tmp_path):
    """Redis is paused while the worker holds a batch; the worker is SIGKILLed then. The next
    worker gets the messages again after their visibility timeout: every card, each once."""
    sqs = sqs_client(moto_server)
    inbox, dlq = make_queues(sqs, max_receives=5)
    config = realtime_config(tmp_path, inbox, endpoint=moto_server, visibility=10)
    changes = hand_changes()
    with FakeSlack() as fake:
        slack = {"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": fake.base_url}
        first = WorkerProcess(config, redis_proc.url, tmp_path / "first.log", env=slack)
        try:
            first.wait_for_log("realtime: consuming")
            time.sleep(1)
            redis.Redis.from_url(redis_proc.url).execute_command("CLIENT", "PAUSE", "6000", "ALL")
            for record in changes:
                sqs.send_message(QueueUrl=inbox, MessageBody=json.dumps(envelope(record)))
            wait_until(lambda: depth(sqs, inbox)[1] > 0, within=20, what="a batch in hand")
            time.sleep(1)
        finally:
            first.process.send_signal(signal.SIGKILL)
            first.kill()
        assert cards(fake) == Counter()
        second = WorkerProcess(config, redis_proc.url, tmp_path / "second.log", env=slack)
        try:
            wait_until(lambda: len(cards(fake)) == FINDINGS, within=90, what="every card")
            wait_until(lambda: depth(sqs, inbox) == (0, 0), within=30, what="all deleted")
            time.sleep(2)  # time for a second copy to show up, if one were coming
            posted = cards(fake)
            second.signal(signal.SIGTERM)
        finally:
            second.kill()

    assert len(posted) == FINDINGS
    assert set(posted.values()) == {1}
    assert depth(sqs, dlq) == (0, 0)


def test_drift_listen_runs_only_the_consumer(moto_server, redis_proc, tmp_path):
    """`drift listen`: the queue consumed into findings (no arq worker, so no card: the
    notifier of `drift serve` or `drift worker` posts them), /readyz on its metrics port, and
    SIGTERM stops it with exit code 0."""
    sqs = sqs_client(moto_server)
    inbox, _ = make_queues(sqs, max_receives=3)
    config = realtime_config(tmp_path, inbox, endpoint=moto_server, visibility=10)
    command = [sys.executable, "-m", "bot", "listen", "--config", str(config)]
    log_path = tmp_path / "listen.log"
    with log_path.open("wb") as log:
        listener = subprocess.Popen(
            [*command, "--metrics-port", "0"],
            env={**os.environ, "REDIS_URL": redis_proc.url},
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until(lambda: "realtime: consuming" in log_path.read_text(), what="consuming")
            port = int(re.search(r"http://127\.0\.0\.1:(\d+)/", log_path.read_text()).group(1))  # type: ignore[union-attr]
            for record in hand_changes():
                sqs.send_message(QueueUrl=inbox, MessageBody=json.dumps(envelope(record)))
            wait_until(lambda: depth(sqs, inbox) == (0, 0), within=60, what="all deleted")
            status, ready = get(f"http://127.0.0.1:{port}/readyz")
            found = redis.Redis.from_url(redis_proc.url).scard("driftbot:findings:demo")
            listener.send_signal(signal.SIGTERM)
            code = listener.wait(timeout=30)
        finally:
            if listener.poll() is None:
                listener.kill()
                listener.wait()
    text = log_path.read_text()
    assert found == FINDINGS
    assert status == 200, ready
    assert ready["checks"]["queue"]["ok"] is True
    assert code == 0
    assert "driftbot worker ready" not in text  # no arq worker
    assert "Traceback" not in text
