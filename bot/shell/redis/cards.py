"""Redis: where each finding's card is, what it shows, and one renderer at a time per card.
`SlackState` has these methods; the keys are `card:{env}:{fid}` and `card-lock:{env}:{fid}`.

The lock is a lease held by an owner (a random token): renewed while its owner works, released
only by its owner, and lost after its TTL when the owner dies, so a dead notifier's card is
taken over after one lease and a live one never loses its card to another."""

from __future__ import annotations

from datetime import timedelta

import redis.asyncio

from bot.shell.redis import keys
from bot.shell.redis.connection import px

LOCK_TTL = timedelta(seconds=30)
_RENEW = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0
"""
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""


class CardState:
    """Cards, on `self.redis`."""

    redis: redis.asyncio.Redis

    async def card(self, env: str, fid: str) -> dict[str, str] | None:
        """Where the card is (`channel`, `ts`, and `thread` when it is in a flood summary's
        thread), the `version` it shows, the last version whose transitions were replied in
        its thread (`audited`); None before it is posted."""
        found = await self.card_hash(env, fid)
        return found if found and found.get("ts") else None

    async def card_hash(self, env: str, fid: str) -> dict[str, str] | None:
        """Everything kept about the finding's card, posted or not (a finding the first check
        only summarised has `baseline` and no `ts`)."""
        raw: dict[bytes, bytes] = await self.redis.hgetall(keys.card(env, fid))  # type: ignore[misc]
        return {k.decode(): v.decode() for k, v in raw.items()} or None

    async def save_card(self, env: str, fid: str, **fields: str | int) -> None:
        values = {k: str(v) for k, v in fields.items()}
        await self.redis.hset(keys.card(env, fid), mapping=values)  # type: ignore[misc]

    async def lock_card(
        self, env: str, fid: str, owner: str = "1", ttl: timedelta = LOCK_TTL
    ) -> bool:
        """Take the card's lease for `owner`; False while someone else holds it."""
        key = keys.card_lock(env, fid)
        return bool(await self.redis.set(key, owner, nx=True, px=px(ttl)))

    async def renew_card(self, env: str, fid: str, owner: str, ttl: timedelta = LOCK_TTL) -> bool:
        """Extend `owner`'s lease; False when it was lost (expired, taken)."""
        renew = self.redis.register_script(_RENEW)
        return bool(await renew(keys=[keys.card_lock(env, fid)], args=[owner, px(ttl)]))

    async def unlock_card(self, env: str, fid: str, owner: str = "1") -> None:
        """Release the lease if `owner` still holds it."""
        release = self.redis.register_script(_RELEASE)
        await release(keys=[keys.card_lock(env, fid)], args=[owner])
