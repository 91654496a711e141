"""Redis: where each finding's card is, what it shows, and one renderer at a time per card.
`SlackState` has these methods; the keys are `card:{env}:{fid}` and `card-lock:{env}:{fid}`."""

from __future__ import annotations

from datetime import timedelta

import redis.asyncio

from bot.shell.redis import keys
from bot.shell.redis.connection import px

LOCK_TTL = timedelta(seconds=30)


class CardState:
    """Cards, on `self.redis`."""

    redis: redis.asyncio.Redis

    async def card(self, env: str, fid: str) -> dict[str, str] | None:
        """Where the card is (`channel`, `ts`), the `version` it shows, the last version whose
        transitions were replied in its thread (`audited`); None before it is posted."""
        raw: dict[bytes, bytes] = await self.redis.hgetall(keys.card(env, fid))  # type: ignore[misc]
        return {k.decode(): v.decode() for k, v in raw.items()} or None

    async def save_card(self, env: str, fid: str, **fields: str | int) -> None:
        values = {k: str(v) for k, v in fields.items()}
        await self.redis.hset(keys.card(env, fid), mapping=values)  # type: ignore[misc]

    async def lock_card(self, env: str, fid: str) -> bool:
        return bool(await self.redis.set(keys.card_lock(env, fid), "1", nx=True, px=px(LOCK_TTL)))

    async def unlock_card(self, env: str, fid: str) -> None:
        await self.redis.delete(keys.card_lock(env, fid))
