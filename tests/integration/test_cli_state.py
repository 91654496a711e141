"""The lifecycle from the command line, against a real Redis (REDIS_URL) and against the
embedded one: check --async, worker, status, findings, accept, history, digest, and what
happens when Redis is unreachable."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import redis

from bot.entry.cli import main
from bot.shell.redis.connection import EmbeddedRedis

ROOT = Path(__file__).resolve().parents[2]
DEMO = str(ROOT / "examples" / "demo" / "drift.yml")
DAY = ["--since", "2026-11-23T00:00:00Z", "--until", "2026-11-24T00:00:00Z"]
SG = "sg-0a11b22c33d44e55f"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def lifecycle(capsys) -> dict[str, str]:
    """Queue a check, run a burst worker, then drive the lifecycle; returns each output."""
    code, job, err = run(capsys, "check", "demo", "--config", DEMO, *DAY, "--async")
    assert code == 0, err
    job_id = job.strip()
    outputs = {"job_id": job_id}
    code, outputs["queued"], _ = run(capsys, "status", job_id)
    assert code == 0
    code, _, err = run(capsys, "worker", "--config", DEMO, "--burst")
    assert code == 0, err
    code, outputs["status"], _ = run(capsys, "status", job_id)
    assert code == 0
    code, outputs["findings"], err = run(capsys, "findings", "demo", "--config", DEMO)
    assert code == 0, err
    code, outputs["accept"], err = run(
        capsys,
        "accept",
        "demo",
        SG,
        "--config",
        DEMO,
        "--reason",
        "debugging session",
        "--until",
        "2099-01-31",
        "--by",
        "lead@example.com",
    )
    assert code == 0, err
    code, outputs["accepted"], err = run(
        capsys, "findings", "demo", "--config", DEMO, "--state", "accepted", "--format", "json"
    )
    assert code == 0, err
    code, outputs["history"], err = run(capsys, "history", "demo", SG, "--config", DEMO)
    assert code == 0, err
    code, outputs["digest"], err = run(
        capsys, "digest", "demo", "--config", DEMO, "--format", "json"
    )
    assert code == 0, err
    return outputs


def check_lifecycle(out: dict[str, str]) -> None:
    assert out["job_id"].startswith("check-demo-")
    assert out["queued"].strip() == f"{out['job_id']} (demo): queued"
    assert out["status"].startswith(
        f"{out['job_id']} (demo): succeeded — 5 modified, 1 deleted, 2 unmanaged"
    )
    assert "8 findings in demo" in out["findings"]
    assert SG in out["findings"]
    assert "sg-open-to-internet" in out["findings"]
    assert out["accept"].startswith(
        f"Accepted AWS::EC2::SecurityGroup {SG} in demo until 2099-01-31 23:59 UTC"
    )
    [accepted] = json.loads(out["accepted"])
    assert accepted["acceptance"]["by"] == "lead@example.com"
    assert accepted["acceptance"]["reason"] == "debugging session"
    lines = out["history"].strip().splitlines()
    assert "- → open" in lines[0]
    assert "dev@example.com" in lines[0]
    assert "open → accepted" in lines[1]
    assert "lead@example.com: debugging session" in lines[1]
    digest = json.loads(out["digest"])
    assert (len(digest["new"]), len(digest["open"]), len(digest["accepted"])) == (8, 7, 1)


def test_lifecycle_from_the_command_line_on_redis(capsys, redis_target, monkeypatch):
    """Every command works against a real Redis named by REDIS_URL."""
    url = redis_target.url or f"unix://{redis_target.unix_socket}"
    monkeypatch.setenv("REDIS_URL", url)

    check_lifecycle(lifecycle(capsys))


def test_lifecycle_from_the_command_line_on_the_embedded_redis(capsys, tmp_path, monkeypatch):
    """Without REDIS_URL the same works on the embedded Redis, whose data survives the
    processes (check --async's server stops; the worker's next one reads the same data)."""
    monkeypatch.setenv("DRIFT_STATE_DIR", str(tmp_path / "state"))

    check_lifecycle(lifecycle(capsys))
    assert (tmp_path / "state" / "redis").is_dir()
    assert not (tmp_path / "state" / "redis" / "redis.sock").exists()  # stopped with us


def test_unreachable_redis_fails_fast_naming_the_url(capsys, monkeypatch):
    """`check --async`, `worker` and `status` fail within seconds, naming the URL."""
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")

    for argv in (
        ["check", "demo", "--config", DEMO, "--async"],
        ["worker", "--config", DEMO],
        ["status", "check-demo-x"],
    ):
        started = time.monotonic()
        code, _, err = run(capsys, *argv)

        assert code == 1
        assert time.monotonic() - started < 5
        assert "I can't reach Redis at redis://127.0.0.1:1/0" in err
        assert "REDIS_URL" in err


def test_embedded_redis_dies_with_a_killed_worker(tmp_path):
    """SIGKILL the worker that started the embedded Redis: its redis-server goes too."""
    state = tmp_path / "state"
    env = {**os.environ, "DRIFT_STATE_DIR": str(state)}
    env.pop("REDIS_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "worker", "--config", DEMO],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    sock = state / "redis" / "redis.sock"
    try:
        deadline = time.monotonic() + 20
        while not sock.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sock.exists(), "the embedded Redis did not start"
        info: Any = redis.Redis(unix_socket_path=str(sock)).info("server")
        server_pid = int(info["process_id"])
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while _alive(server_pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(server_pid), "redis-server was left running"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return "State:\tZ" not in status.read()
    except FileNotFoundError:
        return False


def test_a_starting_servers_socket_is_never_removed_and_a_stale_one_is(tmp_path):
    """A server binds its socket before it listens: a ping then is refused, and removing the
    socket at that moment would hide the server for good. Only `start`, before it launches its
    own server, clears a socket nobody answers on."""
    folder = tmp_path / "redis"
    folder.mkdir()
    embedded = EmbeddedRedis(folder)
    bound = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    bound.bind(str(embedded.socket))  # bound, not listening: a server mid-start
    try:
        assert not embedded._answers()
        assert embedded.socket.exists()
    finally:
        bound.close()

    try:
        target = embedded.start()  # the socket left behind is stale now: cleared, then started
        client = redis.Redis(unix_socket_path=target.unix_socket)
        assert client.ping()
        client.close()
    finally:
        embedded.stop()
