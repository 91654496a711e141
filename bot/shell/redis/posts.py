"""Redis: the ledger of Slack posts made exactly once (bot/shell/posting.py). The key is
`post:{key}` (keys.py): a HASH written before the post (the intent: `channel`, `thread_ts`,
`at`) and completed after it (`ts`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import redis.asyncio

from bot.shell.redis import keys
from bot.shell.redis.connection import px

KEPT = timedelta(days=30)


class PostLedger:
    def __init__(
        self, client: redis.asyncio.Redis, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self.redis = client
        self.clock = clock

    async def get(self, key: str) -> dict[str, str] | None:
        """The post's record: an intent (`at`, no `ts`) or a post (`ts`); None: neither."""
        raw: dict[bytes, bytes] = await self.redis.hgetall(keys.post(key))  # type: ignore[misc]
        return {k.decode(): v.decode() for k, v in raw.items()} or None

    async def intend(self, key: str, channel: str, thread_ts: str | None) -> datetime:
        """Record that `key` is about to be posted; returns the intent's time."""
        at = self.clock()
        fields = {"channel": channel, "thread_ts": thread_ts or "", "at": at.isoformat()}
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(keys.post(key), mapping=fields)
            pipe.pexpire(keys.post(key), px(KEPT))
            await pipe.execute()
        return at

    async def posted(self, key: str, ts: str) -> None:
        await self.redis.hset(keys.post(key), "ts", ts)  # type: ignore[misc]
