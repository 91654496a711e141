"""Redis keys of the Slack app: where each card is, reapply approval requests, Events API
de-duplication, the user group cache, and the "clean" state behind back-to-clean notices.

    card:{env}:{fid}            HASH channel, ts, version (rendered), audited (last version
                                whose transitions were replied in the thread)   no TTL
    card-lock:{env}:{fid}       one renderer at a time per card                 30 s
    approval:{id}               JSON ApprovalRequest                            expiry + 7 days
    approval-open:{env}:{fid}   the pending request of a finding                its expiry
    slack-event:{event_id}      an Events API delivery already handled          15 min
    usergroup:{id}              JSON list of member user ids                    10 min
    clean:{env}                 "1" when the last notice said the env is clean  no TTL
    digest-clean:{env}          "1" when the last digest found nothing          no TTL
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import redis.asyncio
from redis.exceptions import WatchError

from bot.lifecycle.approvals import ApprovalRequest
from bot.shell.redis.store import PREFIX

EVENT_TTL = timedelta(minutes=15)  # Slack's last retry comes about 5 minutes after the first
GROUP_TTL = timedelta(minutes=10)
LOCK_TTL = timedelta(seconds=30)


def k_card(env: str, fid: str) -> str:
    return f"{PREFIX}card:{env}:{fid}"


def k_card_lock(env: str, fid: str) -> str:
    return f"{PREFIX}card-lock:{env}:{fid}"


def k_approval(request_id: str) -> str:
    return f"{PREFIX}approval:{request_id}"


def k_approval_open(env: str, fid: str) -> str:
    return f"{PREFIX}approval-open:{env}:{fid}"


def _ms(delta: timedelta) -> int:
    return max(1, int(delta.total_seconds() * 1000))


class SlackState:
    """Slack-side state in Redis."""

    def __init__(
        self, client: redis.asyncio.Redis, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self.redis = client
        self.clock = clock

    # ---- cards ----

    async def card(self, env: str, fid: str) -> dict[str, str] | None:
        raw: dict[bytes, bytes] = await self.redis.hgetall(k_card(env, fid))  # type: ignore[misc]
        return {k.decode(): v.decode() for k, v in raw.items()} or None

    async def save_card(self, env: str, fid: str, **fields: str | int) -> None:
        values = {k: str(v) for k, v in fields.items()}
        await self.redis.hset(k_card(env, fid), mapping=values)  # type: ignore[misc]

    async def lock_card(self, env: str, fid: str) -> bool:
        return bool(await self.redis.set(k_card_lock(env, fid), "1", nx=True, px=_ms(LOCK_TTL)))

    async def unlock_card(self, env: str, fid: str) -> None:
        await self.redis.delete(k_card_lock(env, fid))

    # ---- approvals ----

    async def approval(self, request_id: str) -> ApprovalRequest | None:
        raw = await self.redis.get(k_approval(request_id))
        return ApprovalRequest.model_validate_json(raw) if raw else None

    async def open_approval(self, env: str, fid: str) -> ApprovalRequest | None:
        raw = await self.redis.get(k_approval_open(env, fid))
        return await self.approval(raw.decode()) if raw else None

    async def pending_approvals(self, env: str, fids: list[str]) -> dict[str, ApprovalRequest]:
        """The pending requests of these findings, by finding id (two round trips)."""
        if not fids:
            return {}
        ids = await self.redis.mget([k_approval_open(env, fid) for fid in fids])
        wanted = [raw.decode() for raw in ids if raw]
        if not wanted:
            return {}
        raws = await self.redis.mget([k_approval(request_id) for request_id in wanted])
        requests = [ApprovalRequest.model_validate_json(raw) for raw in raws if raw]
        return {r.finding_id: r for r in requests if r.state == "pending"}

    async def create_approval(self, request: ApprovalRequest) -> ApprovalRequest | None:
        """Store a new request unless the finding already has a pending one (returned then)."""
        ttl = request.expires_at - self.clock()
        claimed = await self.redis.set(k_approval_open(request.env, request.finding_id),
                                       request.id, nx=True, px=_ms(ttl))  # fmt: skip
        if not claimed:
            existing = await self.open_approval(request.env, request.finding_id)
            if existing is not None and existing.state == "pending":
                return existing
            await self.redis.set(k_approval_open(request.env, request.finding_id), request.id,
                                 px=_ms(ttl))  # fmt: skip
        await self.redis.set(k_approval(request.id), request.model_dump_json(),
                             px=_ms(ttl + timedelta(days=7)))  # fmt: skip
        return None

    async def update_approval(
        self, request_id: str, change: Callable[[ApprovalRequest], ApprovalRequest]
    ) -> tuple[ApprovalRequest, ApprovalRequest]:
        """Compare-and-set one request: (before, after). `change` may raise to refuse."""
        key = k_approval(request_id)
        async with self.redis.pipeline(transaction=True) as pipe:
            while True:
                try:
                    await pipe.watch(key)
                    raw = await pipe.get(key)
                    if raw is None:
                        raise KeyError(request_id)
                    before = ApprovalRequest.model_validate_json(raw)
                    after = change(before)
                    if after.version == before.version:
                        await pipe.reset()
                        return before, after
                    ttl = await pipe.pttl(key)
                    pipe.multi()
                    pipe.set(key, after.model_dump_json(), px=ttl if ttl > 0 else None)
                    if after.state != "pending":
                        pipe.delete(k_approval_open(after.env, after.finding_id))
                    await pipe.execute()
                    return before, after
                except WatchError:
                    continue

    # ---- events, groups, clean flags ----

    async def first_delivery(self, event_id: str) -> bool:
        """True the first time an Events API `event_id` is seen (retries are dropped)."""
        key = f"{PREFIX}slack-event:{event_id}"
        return bool(await self.redis.set(key, "1", nx=True, px=_ms(EVENT_TTL)))

    async def cached_group(self, group: str) -> list[str] | None:
        raw = await self.redis.get(f"{PREFIX}usergroup:{group}")
        return orjson.loads(raw) if raw else None

    async def cache_group(self, group: str, members: list[str]) -> None:
        await self.redis.set(f"{PREFIX}usergroup:{group}", orjson.dumps(members),
                             px=_ms(GROUP_TTL))  # fmt: skip

    async def set_flag(self, name: str, env: str, value: str) -> None:
        await self.redis.set(f"{PREFIX}{name}:{env}", value)

    async def swap_flag(self, name: str, env: str, value: str) -> str | None:
        """Set a flag and return its previous value, atomically."""
        old: Any = await self.redis.getset(f"{PREFIX}{name}:{env}", value)
        return old.decode() if old else None
