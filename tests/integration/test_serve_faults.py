"""`drift serve` as a real process (issue 9): a token Slack refuses fails at start-up naming
its variable (Socket Mode used to retry a bad app token forever, deaf to SIGTERM), and SIGTERM
or SIGINT stops it within seconds. A fake Slack on loopback, a real Redis."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fake_slack import FakeSlack

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo" / "drift.yml"
GOOD_BOT = "xoxb-good-bot-token"
GOOD_APP = "xapp-1-A0DRIFT-1-good"
WAIT = 30.0  # the longest a test waits for the process: far above what it should take


def url_of(target) -> str:
    return target.url or f"unix://{target.unix_socket}"


def serve(fake: FakeSlack, target, log: Path, *args: str, **tokens: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "REDIS_URL": url_of(target),
        "SLACK_API_URL": fake.base_url,
        "SLACK_SIGNING_SECRET": "s",
        **tokens,
    }
    command = [sys.executable, "-m", "bot", "serve", "--config", str(DEMO), *args]
    with log.open("wb") as out:
        return subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    ("tokens", "named"),
    [
        (
            {"SLACK_BOT_TOKEN": GOOD_BOT, "SLACK_APP_TOKEN": "xapp-1-A0DRIFT-1-revoked"},
            "SLACK_APP_TOKEN",
        ),
        ({"SLACK_BOT_TOKEN": "xoxb-revoked", "SLACK_APP_TOKEN": GOOD_APP}, "SLACK_BOT_TOKEN"),
    ],
    ids=["app-token", "bot-token"],
)
def test_a_refused_token_fails_at_start_up_naming_its_variable(
    redis_target, tmp_path, tokens, named
):
    with FakeSlack(valid_tokens={GOOD_BOT, GOOD_APP}) as fake:
        process = serve(fake, redis_target, tmp_path / "serve.log", **tokens)
        try:
            code = process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            pytest.fail("drift serve kept running with a token Slack refuses")
    log = (tmp_path / "serve.log").read_text()
    assert code == 1
    assert f"Slack refused {named} (invalid_auth)" in log
    assert "Traceback" not in log


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_http_serve_stops_on_a_signal(redis_target, tmp_path, sig):
    log = tmp_path / "serve.log"
    with FakeSlack(valid_tokens={GOOD_BOT}) as fake:
        process = serve(
            fake, redis_target, log, "--http", "--port", str(free_port()), SLACK_BOT_TOKEN=GOOD_BOT
        )
        try:
            deadline = time.monotonic() + WAIT
            while not re.search("listening on", log.read_text()):
                assert process.poll() is None, log.read_text()
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.05)
            process.send_signal(sig)
            code = process.wait(timeout=WAIT)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert code == 0
    assert f"stopping on {sig.name}" in log.read_text()
    assert "Traceback" not in log.read_text()
