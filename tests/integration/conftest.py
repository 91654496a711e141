"""Fixtures of the integration tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.redis_process import RedisProcess
from tests.slack_world import World, slack_world


@pytest.fixture
def world(redis_target, tmp_path, monkeypatch) -> Iterator[World]:
    """The Slack app, a fake Slack, a real Redis, the worker and the notifier (slack_world.py)."""
    with slack_world(redis_target, tmp_path, monkeypatch) as w:
        yield w


@pytest.fixture
def own_redis(redis_server, tmp_path) -> Iterator[RedisProcess]:
    """A redis-server this test may kill and start again (tests/redis_process.py); skipped or
    failed as the session's Redis is when redis-server is missing."""
    server = RedisProcess(tmp_path / "own-redis").start()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def own_redis_world(own_redis, tmp_path, monkeypatch) -> Iterator[tuple[World, RedisProcess]]:
    """The Slack world on a Redis the test may kill."""
    with slack_world(own_redis.target, tmp_path, monkeypatch) as w:
        yield w, own_redis
