"""Redis: findings and their lifecycle, history, watermarks, digests, and (from `JobRecords`)
job records and running marks. The keys are in `keys.py` (the README's "State in Redis").

Each finding update is one WATCH/MULTI transaction: the record, its history entries and its
outbox entry are written together or not at all, and a record that did not change writes
nothing, so a job that runs twice (a worker killed mid-check) duplicates nothing. The outbox
is what the notifier reads to bring cards up to date; `redraw` adds an entry for a change the
card shows that is not the finding's own (a reapply request asked for or decided).

A check's updates carry its job id (`batch`): the notifier holds their new cards back until the
check's `checked` entry, then posts them together, as one summary with the cards in its
thread when there are many (bot/shell/batches.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import redis.asyncio
from redis.exceptions import WatchError

from bot.lifecycle.transitions import FindingRecord, State, Transition
from bot.shell.redis import keys
from bot.shell.redis.job_records import JobRecords

OUTBOX_MAXLEN = 10_000
DEFAULT_RETENTION = timedelta(days=90)

Update = Callable[[FindingRecord | None], tuple[FindingRecord | None, list[Transition]]]


def _ms(when: datetime) -> int:
    return int(when.timestamp() * 1000)


class Store(JobRecords):
    """The lifecycle's persistence. `now` comes from a clock so tests control time."""

    def __init__(
        self,
        client: redis.asyncio.Redis,
        retention: timedelta = DEFAULT_RETENTION,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.redis = client
        self.retention = retention
        self.clock = clock

    async def get(self, env: str, fid: str) -> FindingRecord | None:
        raw = await self.redis.get(keys.finding(env, fid))
        return FindingRecord.model_validate_json(raw) if raw else None

    async def records(self, env: str, states: set[State] | None = None) -> list[FindingRecord]:
        """Every finding of `env` (in the given states), oldest first."""
        members: set[bytes] = await self.redis.smembers(keys.findings(env))  # type: ignore[misc]
        fids = sorted(m.decode() for m in members)
        if not fids:
            return []
        raws = await self.redis.mget([keys.finding(env, f) for f in fids])
        records = [FindingRecord.model_validate_json(r) for r in raws if r]
        if states is not None:
            records = [r for r in records if r.state in states]
        return sorted(records, key=lambda r: (r.first_seen, r.id))

    async def apply(
        self, env: str, fid: str, update: Update, batch: str | None = None
    ) -> tuple[FindingRecord | None, list[Transition]]:
        """Read-modify-write one finding atomically; history and outbox entries go with it.
        `batch`: the check (its job id) making the change; its new cards wait for `checked`."""
        key = keys.finding(env, fid)
        async with self.redis.pipeline(transaction=True) as pipe:
            while True:
                try:
                    await pipe.watch(key)
                    raw = await pipe.get(key)
                    before = FindingRecord.model_validate_json(raw) if raw else None
                    after, transitions = update(before)
                    if after is None or (before is not None and after.version == before.version):
                        await pipe.reset()
                        return before, []
                    pipe.multi()
                    pipe.set(key, after.model_dump_json())
                    pipe.sadd(keys.findings(env), fid)
                    for t in transitions:
                        self._history(pipe, env, t)
                    moves = [t.model_dump(mode="json") for t in transitions]
                    entry: dict[Any, Any] = {
                        "env": env,
                        "finding_id": fid,
                        "version": str(after.version),
                        "state": after.state,
                        "transitions": orjson.dumps(moves),
                    }
                    if batch:
                        entry["batch"] = batch
                    pipe.xadd(keys.OUTBOX, entry, maxlen=OUTBOX_MAXLEN, approximate=True)
                    await pipe.execute()
                    return after, transitions
                except WatchError:
                    continue

    async def redraw(self, env: str, fid: str) -> None:
        """Ask the notifier to re-render a finding's card that shows something other than the
        finding changed (its reapply request's state): an outbox entry with no transitions."""
        entry: dict[Any, Any] = {"env": env, "finding_id": fid, "redraw": "1"}
        await self.redis.xadd(keys.OUTBOX, entry, maxlen=OUTBOX_MAXLEN, approximate=True)

    async def checked(self, env: str, job_id: str) -> None:
        """Tell the notifier that the check `job_id` of `env` has applied all its findings (or
        failed): the cards it held back are posted now."""
        entry: dict[Any, Any] = {"env": env, "checked": job_id}
        await self.redis.xadd(keys.OUTBOX, entry, maxlen=OUTBOX_MAXLEN, approximate=True)

    async def record_answer(self, env: str, fid: str, fields: Mapping[str, str]) -> None:
        """An answer to "was that intended?" in the finding's and the environment's history
        (`type=answer`)."""
        entry: dict[Any, Any] = {"type": "answer", "env": env, "finding_id": fid, **fields}
        minid = _ms(self.clock() - self.retention)
        async with self.redis.pipeline(transaction=True) as pipe:
            for stream in (keys.history(env), keys.history(env, fid)):
                pipe.xadd(stream, entry)
                pipe.xtrim(stream, minid=minid, approximate=True)
            await pipe.execute()

    def _history(self, pipe: Any, env: str, t: Transition) -> None:
        values = {k: "" if v is None else str(v) for k, v in t.model_dump(mode="json").items()}
        fields: dict[Any, Any] = {"type": "transition", **values}
        minid = _ms(self.clock() - self.retention)
        for stream in (keys.history(env), keys.history(env, t.finding_id)):
            pipe.xadd(stream, fields)
            pipe.xtrim(stream, minid=minid, approximate=True)

    async def history(
        self, env: str, fid: str | None = None, limit: int = 200
    ) -> list[dict[str, str]]:
        """The newest `limit` entries, oldest first (one finding's, or the environment's)."""
        entries = await self.redis.xrevrange(keys.history(env, fid), count=limit)
        return [
            {k.decode(): v.decode() for k, v in fields.items()} for _, fields in reversed(entries)
        ]

    async def record_check(
        self,
        env: str,
        job_id: str,
        summary: Mapping[str, object],
        watermark: tuple[str, datetime] | None = None,
    ) -> bool:
        """Record a finished check once (a re-run job writes nothing); move the watermark.

        Returns False when this job's check was already recorded.
        """
        done = keys.done(job_id)
        async with self.redis.pipeline(transaction=True) as pipe:
            while True:
                try:
                    await pipe.watch(done)
                    if await pipe.exists(done):
                        await pipe.reset()
                        return False
                    pipe.multi()
                    at = self.clock()
                    fields: dict[Any, Any] = {"type": "check", "env": env, "job_id": job_id}
                    fields |= {"at": at.isoformat(), **{k: str(v) for k, v in summary.items()}}
                    pipe.xadd(keys.history(env), fields)
                    minid = _ms(self.clock() - self.retention)
                    pipe.xtrim(keys.history(env), minid=minid, approximate=True)
                    pipe.set(done, "1", px=int(self.retention.total_seconds() * 1000))
                    if watermark is not None:
                        source, end = watermark
                        pipe.set(keys.watermark(env, source), end.isoformat())
                    await pipe.execute()
                    return True
                except WatchError:
                    continue

    async def watermark(self, env: str, source: str) -> datetime | None:
        raw = await self.redis.get(keys.watermark(env, source))
        return datetime.fromisoformat(raw.decode()) if raw else None

    async def last_digest(self, env: str) -> datetime | None:
        raw = await self.redis.get(keys.digest(env))
        return datetime.fromisoformat(raw.decode()) if raw else None

    async def set_last_digest(self, env: str, when: datetime) -> None:
        await self.redis.set(keys.digest(env), when.isoformat())
