"""A throwaway real redis-server for tests: REDIS_URL when set, else one started on a unix
socket in a temporary folder (no TCP port to collide on). Missing redis-server skips the Redis
tests locally and fails them under CI=true, so CI can never pass by skipping."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from bot.shell.redis.connection import RedisTarget

# Read before the autouse fixture clears REDIS_URL for each test.
REDIS_URL = os.environ.get("REDIS_URL")


def start_redis(folder: Path) -> Iterator[RedisTarget]:
    if REDIS_URL:
        yield RedisTarget(url=REDIS_URL)
        return
    binary = shutil.which("redis-server")
    if binary is None:
        message = (
            "redis-server is not installed: `apt-get install redis-server` "
            "(make test does it), or set REDIS_URL"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; CI=true, so this fails instead of skipping")
        pytest.skip(message)
    sock = folder / "redis.sock"
    process = subprocess.Popen(
        [
            binary,
            "--port",
            "0",
            "--unixsocket",
            str(sock),
            "--unixsocketperm",
            "700",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(unix_socket_path=str(sock))
    deadline = time.monotonic() + 10
    while True:
        try:
            if sock.exists() and client.ping():
                break
        except redis.ConnectionError:
            pass
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            process.wait()
            pytest.fail(f"redis-server did not start in {folder}")
        time.sleep(0.02)
    client.close()
    try:
        yield RedisTarget(unix_socket=str(sock))
    finally:
        process.terminate()
        process.wait(timeout=10)


def flush(target: RedisTarget) -> None:
    client = (
        redis.Redis.from_url(target.url)
        if target.url
        else redis.Redis(unix_socket_path=target.unix_socket)
    )
    client.flushdb()
    client.close()
