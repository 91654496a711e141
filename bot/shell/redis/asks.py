"""Redis: the questions driftbot asked about changes ("You changed X … Was that intended?"),
one per person per finding. `SlackState` has these methods; the key is `ask:{env}:{fid}`, a
HASH of user id → JSON (`at`, `event_id`, `channel`, `ts`, `answer`, `answered_at`,
`reminded`), kept 90 days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import orjson
import redis.asyncio

from bot.shell.redis import keys
from bot.shell.redis.connection import px

ASK_KEPT = timedelta(days=90)


class AskState:
    redis: redis.asyncio.Redis
    clock: Callable[[], datetime]

    async def ask_once(self, env: str, fid: str, user: str, fields: dict[str, Any]) -> bool:
        """Record a question to `user` about the finding; False when one was asked already."""
        key = keys.ask(env, fid)
        made = await self.redis.hsetnx(key, user, orjson.dumps(fields).decode())  # type: ignore[misc]
        await self.redis.pexpire(key, px(ASK_KEPT))
        return bool(made)

    async def asked(self, env: str, fid: str) -> dict[str, dict[str, Any]]:
        raw: dict[bytes, bytes] = await self.redis.hgetall(keys.ask(env, fid))  # type: ignore[misc]
        return {k.decode(): orjson.loads(v) for k, v in raw.items()}

    async def update_ask(self, env: str, fid: str, user: str, **fields: Any) -> dict[str, Any]:
        """Add `fields` to the question asked to `user` (an answer, where it was posted)."""
        key = keys.ask(env, fid)
        raw = await self.redis.hget(key, user)  # type: ignore[misc]
        current: dict[str, Any] = orjson.loads(raw) if raw else {}
        current.update(fields)
        await self.redis.hset(key, user, orjson.dumps(current).decode())  # type: ignore[misc]
        return current
