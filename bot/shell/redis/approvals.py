"""Redis: reapply approval requests, changed under compare-and-set so two approvers clicking at
once, or one clicking twice, count once. `SlackState` has these methods; the keys are
`approval:{id}` and `approval-open:{env}:{fid}` (a finding's one pending request)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import redis.asyncio
from redis.exceptions import WatchError

from bot.lifecycle.approvals import ApprovalRequest
from bot.shell.redis import keys
from bot.shell.redis.connection import px

KEPT_AFTER_EXPIRY = timedelta(days=7)


class ApprovalState:
    """Approval requests, on `self.redis`, with `self.clock` for their expiry."""

    redis: redis.asyncio.Redis
    clock: Callable[[], datetime]

    async def approval(self, request_id: str) -> ApprovalRequest | None:
        raw = await self.redis.get(keys.approval(request_id))
        return ApprovalRequest.model_validate_json(raw) if raw else None

    async def open_approval(self, env: str, fid: str) -> ApprovalRequest | None:
        raw = await self.redis.get(keys.approval_open(env, fid))
        return await self.approval(raw.decode()) if raw else None

    async def pending_approvals(self, env: str, fids: list[str]) -> dict[str, ApprovalRequest]:
        """The pending requests of these findings, by finding id (two round trips)."""
        if not fids:
            return {}
        ids = await self.redis.mget([keys.approval_open(env, fid) for fid in fids])
        wanted = [raw.decode() for raw in ids if raw]
        if not wanted:
            return {}
        raws = await self.redis.mget([keys.approval(request_id) for request_id in wanted])
        requests = [ApprovalRequest.model_validate_json(raw) for raw in raws if raw]
        return {r.finding_id: r for r in requests if r.state == "pending"}

    async def create_approval(self, request: ApprovalRequest) -> ApprovalRequest | None:
        """Store a new request unless the finding already has a pending one (returned then)."""
        ttl = request.expires_at - self.clock()
        is_open = keys.approval_open(request.env, request.finding_id)
        claimed = await self.redis.set(is_open, request.id, nx=True, px=px(ttl))
        if not claimed:
            existing = await self.open_approval(request.env, request.finding_id)
            if existing is not None and existing.state == "pending":
                return existing
            await self.redis.set(is_open, request.id, px=px(ttl))
        kept = px(ttl + KEPT_AFTER_EXPIRY)
        await self.redis.set(keys.approval(request.id), request.model_dump_json(), px=kept)
        await self.redis.zadd(keys.APPROVALS_PENDING, {request.id: request.expires_at.timestamp()})
        return None

    async def due_approvals(self, now: datetime) -> list[str]:
        """Pending requests whose expiry has come (the sweep marks them expired)."""
        raw = await self.redis.zrangebyscore(keys.APPROVALS_PENDING, 0, now.timestamp())
        return [r.decode() for r in raw]

    async def forget_pending(self, request_id: str) -> None:
        await self.redis.zrem(keys.APPROVALS_PENDING, request_id)

    async def update_approval(
        self, request_id: str, change: Callable[[ApprovalRequest], ApprovalRequest]
    ) -> tuple[ApprovalRequest, ApprovalRequest]:
        """Compare-and-set one request: (before, after). `change` may raise to refuse."""
        key = keys.approval(request_id)
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
                        pipe.delete(keys.approval_open(after.env, after.finding_id))
                        pipe.zrem(keys.APPROVALS_PENDING, after.id)
                    await pipe.execute()
                    return before, after
                except WatchError:
                    continue
