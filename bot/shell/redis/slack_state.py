"""Redis state of the Slack app: cards (`cards.py`), reapply approval requests
(`approvals.py`), the questions asked about changes (`asks.py`), Events API de-duplication, the
user group cache, the workspace's address, who opened App Home, the first check's baseline, and
the "clean" flags behind back-to-clean notices and quiet digests. The keys are in `keys.py`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import redis.asyncio

from bot.shell.redis import keys
from bot.shell.redis.approvals import ApprovalState
from bot.shell.redis.asks import AskState
from bot.shell.redis.cards import CardState
from bot.shell.redis.connection import px

EVENT_TTL = timedelta(minutes=15)  # Slack's last retry comes about 5 minutes after the first
GROUP_TTL = timedelta(minutes=10)
WORKSPACE_TTL = timedelta(days=1)
VIEWERS_KEPT = timedelta(days=7)


class SlackState(CardState, ApprovalState, AskState):
    """Slack-side state in Redis."""

    def __init__(
        self, client: redis.asyncio.Redis, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self.redis = client
        self.clock = clock

    async def first_delivery(self, event_id: str) -> bool:
        """True the first time an Events API `event_id` is seen (retries are dropped)."""
        key = keys.slack_event(event_id)
        return bool(await self.redis.set(key, "1", nx=True, px=px(EVENT_TTL)))

    async def cached_group(self, group: str) -> list[str] | None:
        raw = await self.redis.get(keys.usergroup(group))
        return orjson.loads(raw) if raw else None

    async def cache_group(self, group: str, members: list[str]) -> None:
        await self.redis.set(keys.usergroup(group), orjson.dumps(members), px=px(GROUP_TTL))

    async def workspace_url(self) -> str | None:
        raw = await self.redis.get(keys.WORKSPACE)
        return orjson.loads(raw).get("url") if raw else None

    async def save_workspace_url(self, url: str) -> None:
        await self.redis.set(keys.WORKSPACE, orjson.dumps({"url": url}), px=px(WORKSPACE_TTL))

    async def saw_home(self, user: str, at: datetime) -> None:
        """`user` opened App Home at `at` (viewers are kept 7 days)."""
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.zadd(keys.HOME_VIEWERS, {user: at.timestamp()})
            pipe.zremrangebyscore(keys.HOME_VIEWERS, 0, (at - VIEWERS_KEPT).timestamp())
            await pipe.execute()

    async def home_viewers(self, since: datetime) -> list[str]:
        """Who opened App Home since `since`."""
        raw = await self.redis.zrangebyscore(keys.HOME_VIEWERS, since.timestamp(), "+inf")
        return [r.decode() for r in raw]

    async def is_baselined(self, env: str) -> bool:
        return bool(await self.redis.exists(keys.baselined(env)))

    async def set_baselined(self, env: str) -> None:
        await self.redis.set(keys.baselined(env), "1")

    async def cards(self, env: str, fids: list[str]) -> dict[str, dict[str, str]]:
        """Several findings' cards at once (`card`'s fields), by finding id."""
        async with self.redis.pipeline(transaction=False) as pipe:
            for fid in fids:
                pipe.hgetall(keys.card(env, fid))
            raws = await pipe.execute()
        out = {}
        for fid, raw in zip(fids, raws, strict=True):
            if raw:
                out[fid] = {k.decode(): v.decode() for k, v in raw.items()}
        return out

    async def set_flag(self, name: str, env: str, value: str) -> None:
        await self.redis.set(keys.flag(name, env), value)

    async def swap_flag(self, name: str, env: str, value: str) -> str | None:
        """Set a flag and return its previous value, atomically."""
        old: Any = await self.redis.getset(keys.flag(name, env), value)
        return old.decode() if old else None
