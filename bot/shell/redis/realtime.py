"""What the real-time path keeps in Redis (keys.py): the events stored per environment (so a
second delivery changes nothing), its counters, and the messages it gave up on or ignored, for
`drift status realtime`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import redis.asyncio

from bot.shell.redis import keys

SEEN_TTL = timedelta(days=15)  # longer than SQS keeps a message (14 days at most)
STREAM_MAXLEN = 1_000


class RealtimeLedger:
    """The real-time path's Redis state."""

    def __init__(self, client: redis.asyncio.Redis) -> None:
        self.redis = client

    async def seen(self, env: str, event_ids: Iterable[str]) -> set[str]:
        """Which of `event_ids` were stored for `env` already."""
        ids = list(event_ids)
        if not ids:
            return set()
        async with self.redis.pipeline(transaction=False) as pipe:
            for event_id in ids:
                pipe.exists(keys.realtime_seen(env, event_id))
            found = await pipe.execute()
        return {event_id for event_id, hit in zip(ids, found, strict=True) if hit}

    async def mark(self, env: str, event_ids: Iterable[str]) -> None:
        """Remember that these events of `env` are stored."""
        ttl = int(SEEN_TTL.total_seconds())
        async with self.redis.pipeline(transaction=False) as pipe:
            for event_id in event_ids:
                pipe.set(keys.realtime_seen(env, event_id), "1", ex=ttl)
            await pipe.execute()

    async def count(self, counts: Mapping[str, int], last: Mapping[str, str] | None = None) -> None:
        """Add to the counters (and set `last_*` fields: the newest event's time, its lag)."""
        async with self.redis.pipeline(transaction=False) as pipe:
            for name, n in counts.items():
                if n:
                    pipe.hincrby(keys.REALTIME, name, n)
            if last:
                pipe.hset(keys.REALTIME, mapping=dict(last))
            await pipe.execute()

    async def counters(self) -> dict[str, str]:
        raw: dict[bytes, bytes] = await self.redis.hgetall(keys.REALTIME)  # type: ignore[misc]
        return {k.decode(): v.decode() for k, v in raw.items()}

    async def given_up(self, message_id: str, name: str, receives: int, reason: str) -> None:
        """A message failed on its last receive: SQS moves it to the dead-letter queue."""
        await self._note(keys.REALTIME_DEAD, message_id, name, receives, reason)

    async def ignored(self, message_id: str, name: str, reason: str) -> None:
        """A message that was no CloudTrail event, deleted."""
        await self._note(keys.REALTIME_IGNORED, message_id, name, 1, reason)

    async def _note(self, stream: str, message_id: str, name: str, receives: int, why: str) -> None:
        fields: dict[Any, Any] = {
            "message_id": message_id,
            "name": name,
            "receives": str(receives),
            "reason": why,
            "at": datetime.now(UTC).isoformat(),
        }
        await self.redis.xadd(stream, fields, maxlen=STREAM_MAXLEN, approximate=True)

    async def recent(self, stream: str, limit: int = 10) -> list[dict[str, str]]:
        entries = await self.redis.xrevrange(stream, count=limit)
        return [{k.decode(): v.decode() for k, v in fields.items()} for _, fields in entries]
