"""Redis: each job's record (state, progress, counts, error; what `drift status` shows) and the
per-environment "running" mark that lets one check run at a time. `Store` has these methods;
the keys are `job:{job_id}` and `running:{env}` (see `keys.py`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import orjson
import redis.asyncio

from bot.shell.redis import keys

JOB_TTL = timedelta(days=7)


class JobRecords:
    """Job records and running marks, on `self.redis`."""

    redis: redis.asyncio.Redis

    async def set_job(self, job_id: str, **fields: object) -> None:
        values = {
            k: v if isinstance(v, str) else orjson.dumps(v).decode() for k, v in fields.items()
        }
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(keys.job(job_id), mapping=values)
            pipe.pexpire(keys.job(job_id), int(JOB_TTL.total_seconds() * 1000))
            await pipe.execute()

    async def job(self, job_id: str) -> dict[str, Any] | None:
        raw: dict[bytes, bytes] = await self.redis.hgetall(keys.job(job_id))  # type: ignore[misc]
        if not raw:
            return None
        out: dict[str, Any] = {}
        for k, v in raw.items():
            text = v.decode()
            try:
                out[k.decode()] = orjson.loads(text)
            except orjson.JSONDecodeError:
                out[k.decode()] = text
        return out

    async def claim_running(self, env: str, job_id: str, ttl: timedelta) -> str:
        """Mark `job_id` as env's running check; returns the id that holds the mark (another
        job's when one already runs)."""
        key = keys.running(env)
        ok = await self.redis.set(key, job_id, nx=True, px=int(ttl.total_seconds() * 1000))
        if ok:
            return job_id
        holder = await self.redis.get(key)
        return holder.decode() if holder else job_id

    async def refresh_running(self, env: str, job_id: str, ttl: timedelta) -> None:
        await _COMPARE_AND_PEXPIRE(
            keys=[keys.running(env)],
            args=[job_id, int(ttl.total_seconds() * 1000)],
            client=self.redis,
        )

    async def release_running(self, env: str, job_id: str) -> None:
        await _COMPARE_AND_DELETE(keys=[keys.running(env)], args=[job_id], client=self.redis)

    async def running(self, env: str) -> str | None:
        raw = await self.redis.get(keys.running(env))
        return raw.decode() if raw else None


def _script(source: str) -> Callable[..., Awaitable[Any]]:
    def call(*, keys: list[str], args: list[object], client: Any) -> Awaitable[Any]:
        return client.eval(source, len(keys), *keys, *args)

    return call


_COMPARE_AND_DELETE = _script(
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
)
_COMPARE_AND_PEXPIRE = _script(
    "if redis.call('get', KEYS[1]) == ARGV[1] then "
    "return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0"
)
