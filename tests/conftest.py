"""Test isolation: no user config, credentials or tokens leak into a test."""

from __future__ import annotations

import pytest

LEAKY = (
    "DRIFT_CONFIG",
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "REDIS_URL",
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_SIGNING_SECRET",
)


@pytest.fixture(scope="session")
def _cache_home(tmp_path_factory: pytest.TempPathFactory):
    """The session's $XDG_CACHE_HOME (the runbook SQL cache, bot/shell/sql_cache.py): never
    the user's."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, _cache_home) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(_cache_home))
    for name in LEAKY:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory):
    """A real redis-server for the session (see tests/redis_server.py)."""
    from tests.redis_server import start_redis

    yield from start_redis(tmp_path_factory.mktemp("redis"))


@pytest.fixture
def redis_target(redis_server):
    """The session's Redis, emptied before the test."""
    from tests.redis_server import flush

    flush(redis_server)
    return redis_server
