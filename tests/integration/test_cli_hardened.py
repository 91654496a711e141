"""The command line against hostile paths and concurrent use (issue 9): a directory, FIFO or
device given as --config says what it is; two `drift accept` at once make one transition."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from bot.entry.cli import main


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda tmp: tmp, "is a directory, not a file"),
        (lambda tmp: _fifo(tmp / "drift.yml"), "is a named pipe (FIFO), not a file"),
        (lambda tmp: Path("/dev/null"), "is a character device, not a file"),
    ],
    ids=["directory", "fifo", "device"],
)
def test_a_config_path_that_is_not_a_file_says_what_it_is(tmp_path, capsys, make, words):
    """Not "does not exist": it does exist, and the FIFO must not hang the command."""
    path = make(tmp_path)

    code = main(["check", "prod", "--config", str(path)])

    err = capsys.readouterr().err
    assert code == 1
    assert f"`{path}` (from --config) {words}" in err
    assert "does not exist" not in err


def test_a_config_from_the_environment_that_is_a_directory_says_so(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DRIFT_CONFIG", str(tmp_path))

    assert main(["check", "prod"]) == 1
    assert "(from $DRIFT_CONFIG) is a directory, not a file" in capsys.readouterr().err


def test_a_missing_config_still_says_it_does_not_exist(tmp_path, capsys):
    assert main(["check", "prod", "--config", str(tmp_path / "nope.yml")]) == 1
    assert "does not exist" in capsys.readouterr().err


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


DEMO_CONFIG = Path(__file__).resolve().parents[2] / "examples" / "demo" / "drift.yml"
PASSWORD = "hunter2-redis-password"  # noqa: S105  (a test fixture)


@pytest.mark.parametrize(
    "argv",
    [
        ["status", "check-demo-1"],
        ["findings", "demo", "--config", str(DEMO_CONFIG)],
        ["worker", "--config", str(DEMO_CONFIG), "--burst"],
        ["serve", "--config", str(DEMO_CONFIG), "--http", "--port", "0"],
    ],
    ids=["status", "findings", "worker", "serve"],
)
def test_the_redis_password_is_never_printed(argv, capsys, monkeypatch):
    """Port 9 on loopback refuses: every "can't reach Redis" line names the URL, redacted."""
    monkeypatch.setenv("REDIS_URL", f"redis://driftbot:{PASSWORD}@127.0.0.1:9/0")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "s")

    assert main(argv) == 1

    err = capsys.readouterr().err
    assert PASSWORD not in err
    assert "redis://driftbot:***@127.0.0.1:9/0" in err


def test_a_bad_redis_url_is_shown_without_its_password(capsys, monkeypatch):
    monkeypatch.setenv("REDIS_URL", f"http://user:{PASSWORD}@redis.example:6379")

    assert main(["status", "x"]) == 1

    err = capsys.readouterr().err
    assert PASSWORD not in err
    assert "http://user:***@redis.example:6379" in err


RUNBOOKS = Path(__file__).resolve().parents[2] / "runbooks"


def test_runbook_validate_says_where_nobody_may_approve_a_reapply(tmp_path, capsys, monkeypatch):
    """prod names no approvers and no `check`: the shipped runbooks' reapplies are off there."""
    monkeypatch.setenv("DRIFT_REAPPLY_WEBHOOK_SECRET", "set-where-driftbot-runs")
    config = tmp_path / "drift.yml"
    config.write_text(
        "environments:\n"
        "  prod:\n"
        '    account_id: "111122223333"\n'
        "    regions: [us-east-1]\n"
        "    cloudtrail: {source: files, path: ./ct}\n"
        "    slack: {channel: C0PROD001}\n"
        "  staging:\n"
        '    account_id: "111122223333"\n'
        "    regions: [us-east-1]\n"
        "    cloudtrail: {source: files, path: ./ct}\n"
        "    slack: {channel: C0STAGE01, approvers: [S0APPROVE1]}\n"
    )

    assert main(["runbook", "validate", str(RUNBOOKS), "--config", str(config)]) == 0

    out = capsys.readouterr().out
    [line] = [x for x in out.splitlines() if x.startswith("off ")]
    assert line.startswith("off prod: reapply from Slack is off (")
    assert "catch-all" in line
    assert "nobody may approve it" in line
    assert "staging" not in out.split("runbooks valid")[1]


SG = "sg-0a11b22c33d44e55f"
DAY = ["--since", "2026-11-23T00:00:00Z", "--until", "2026-11-24T00:00:00Z"]


def test_two_concurrent_accepts_make_one_transition(redis_target, monkeypatch, capsys):
    """Before: each `drift accept` added a transition, an outbox entry and a thread reply,
    even on an accepted finding. Now the second (concurrent or not) changes nothing."""
    import subprocess
    import sys

    import redis as redis_py

    url = redis_target.url or f"unix://{redis_target.unix_socket}"
    monkeypatch.setenv("REDIS_URL", url)
    assert main(["check", "demo", "--config", str(DEMO_CONFIG), *DAY, "--async"]) == 0
    assert main(["worker", "--config", str(DEMO_CONFIG), "--burst"]) == 0
    capsys.readouterr()
    accept = [sys.executable, "-m", "bot", "accept", "demo", SG, "--config", str(DEMO_CONFIG)]
    env = {**os.environ, "REDIS_URL": url}
    procs = [
        subprocess.Popen(
            [*accept, "--reason", f"hotfix {n}", "--by", f"ops{n}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in (1, 2)
    ]
    outputs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    again = main([*accept[3:], "--reason", "hotfix 3", "--by", "ops3"])

    client = redis_py.Redis.from_url(url)
    try:
        history_entries: list[Any] = client.xrange("driftbot:history:demo")  # type: ignore[assignment]
        outbox_entries: list[Any] = client.xrange("driftbot:outbox")  # type: ignore[assignment]
    finally:
        client.close()
    history = [
        json.dumps({k.decode(): v.decode() for k, v in f.items()}) for _, f in history_entries
    ]
    outbox = [f for _, f in outbox_entries]
    assert again == 0
    assert "already accepted by ops" in capsys.readouterr().out
    assert sum("already accepted" in out for out, _ in outputs) == 1
    assert len([h for h in history if "hotfix" in h]) == 1
    assert sum(1 for f in outbox if f.get(b"state") == b"accepted") == 1
