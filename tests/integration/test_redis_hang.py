"""A Redis that accepts connections but never answers (issue 9, "Redis down during /drift"): a
real redis-server stopped with SIGSTOP, so the kernel still accepts connections and commands
are written, but nothing ever comes back. Every `/drift` command is still answered (its ack),
telling the person the state store is unreachable, because serve's Redis clients have a socket
timeout (bot/shell/redis/connection.py's SOCKET_TIMEOUT, under Slack's 3 seconds).

Before: no socket timeout, so the listener waited for Redis forever; Bolt gave up waiting for
its ack after 3 seconds and answered 404 (Slack shows "operation_timeout"), and the person was
told nothing. The guard below only stops a hung test; no timing is asserted.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Iterator

import pytest
from slack_bolt.request.async_request import AsyncBoltRequest

from bot.shell.redis.connection import SOCKET_TIMEOUT, RedisTarget, ping
from bot.shell.redis.queue import open_pool
from tests import slack_requests as sr
from tests.redis_process import RedisProcess
from tests.slack_world import ALICE, World, slack_world

HUNG = 20.0  # seconds after which a command is taken as hung (the test fails, not waits)


@pytest.fixture
def frozen_world(own_redis, tmp_path, monkeypatch) -> Iterator[tuple[World, RedisProcess]]:
    with slack_world(own_redis.target, tmp_path, monkeypatch) as w:
        try:
            yield w, own_redis
        finally:
            if own_redis.process is not None:
                own_redis.process.send_signal(signal.SIGCONT)


def freeze(server: RedisProcess) -> None:
    assert server.process is not None
    server.process.send_signal(signal.SIGSTOP)


@pytest.mark.parametrize("text", ["check demo", "findings demo", "status", "history demo"])
def test_a_redis_that_never_answers_still_gets_every_command_answered(frozen_world, text):
    world, server = frozen_world
    freeze(server)
    request = sr.slash_command(text, user_id=ALICE)
    started = time.monotonic()

    async def dispatch() -> object:
        bolt = AsyncBoltRequest(body=request.body, headers=dict(request.headers))
        return await asyncio.wait_for(world.app.async_dispatch(bolt), HUNG)

    try:
        response = world.run(dispatch())
    except TimeoutError:
        pytest.fail(f"/drift {text} was not answered while Redis hung")
    print(f"/drift {text}: answered in {time.monotonic() - started:.2f}s")  # a figure, no assert

    assert response.status == 200
    assert "can't reach its state store (Redis)" in response.body


def test_serves_pool_and_the_start_up_ping_time_out(own_redis):
    """The clients themselves: a command to a frozen Redis raises (redis-py's timeout, as a
    TimeoutError or, while connecting, a ConnectionError: both are outages to the handlers)
    instead of waiting forever; so does the start-up ping."""
    import redis

    async def scenario() -> None:
        pool = await open_pool(own_redis.target)
        try:
            freeze(own_redis)
            with pytest.raises((redis.TimeoutError, redis.ConnectionError)) as caught:
                await asyncio.wait_for(pool.get("anything"), HUNG)
            assert "Timeout" in str(caught.value)
            from bot.errors import RedisUnavailable

            with pytest.raises(RedisUnavailable):
                await asyncio.wait_for(ping(own_redis.target, SOCKET_TIMEOUT), HUNG)
        finally:
            own_redis.process.send_signal(signal.SIGCONT)
            await pool.aclose(close_connection_pool=True)

    asyncio.run(scenario())
    assert SOCKET_TIMEOUT < 3.0  # under Slack's ack deadline


def test_a_redis_url_may_set_its_own_socket_timeout(own_redis):
    """`REDIS_URL=redis://…?socket_timeout=5` (redis-py's URL options) overrides the default."""
    target = RedisTarget(url=f"unix://{own_redis.socket}?socket_timeout=5")

    async def scenario() -> float | None:
        pool = await open_pool(target)
        try:
            timeout: float | None = pool.connection_pool.connection_kwargs.get("socket_timeout")
            return timeout
        finally:
            await pool.aclose(close_connection_pool=True)

    assert asyncio.run(scenario()) == 5.0
    default = RedisTarget(url=f"unix://{own_redis.socket}")

    async def default_timeout() -> float | None:
        pool = await open_pool(default)
        try:
            timeout: float | None = pool.connection_pool.connection_kwargs.get("socket_timeout")
            return timeout
        finally:
            await pool.aclose(close_connection_pool=True)

    assert asyncio.run(default_timeout()) == SOCKET_TIMEOUT
