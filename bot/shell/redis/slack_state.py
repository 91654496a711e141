"""Redis state of the Slack app: cards (`cards.py`), reapply approval requests
(`approvals.py`), Events API de-duplication, the user group cache, and the "clean" flags behind
back-to-clean notices and quiet digests. The keys are in `keys.py`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import redis.asyncio

from bot.shell.redis import keys
from bot.shell.redis.approvals import ApprovalState
from bot.shell.redis.cards import CardState
from bot.shell.redis.connection import px

EVENT_TTL = timedelta(minutes=15)  # Slack's last retry comes about 5 minutes after the first
GROUP_TTL = timedelta(minutes=10)


class SlackState(CardState, ApprovalState):
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

    async def set_flag(self, name: str, env: str, value: str) -> None:
        await self.redis.set(keys.flag(name, env), value)

    async def swap_flag(self, name: str, env: str, value: str) -> str | None:
        """Set a flag and return its previous value, atomically."""
        old: Any = await self.redis.getset(keys.flag(name, env), value)
        return old.decode() if old else None
