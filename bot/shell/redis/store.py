"""Redis: findings and their lifecycle, history, watermarks, job progress, locks.

Keys (all under `driftbot:`; see the README's "State in Redis"):

    finding:{env}:{fid}         JSON FindingRecord                        no TTL
    findings:{env}              SET of finding ids                        no TTL
    history:{env}               STREAM of transitions and checks          trimmed to the retention
    history:{env}:{fid}         STREAM of one finding's transitions       trimmed to the retention
    watermark:{env}:{source}    ISO time up to which CloudTrail was read  no TTL
    job:{job_id}                HASH state, progress, counts, error       7 days
    running:{env}               the id of the check running for env       refreshed while it runs
    done:{job_id}               marks a job's results as written         the retention
    digest:{env}                ISO time of the last digest               no TTL
    outbox                      STREAM of finding changes, for Slack      last 10,000 entries

Each finding update is one WATCH/MULTI transaction: the record, its history entries and its
outbox entry are written together or not at all, and a record that did not change writes
nothing, so a job that runs twice (a worker killed mid-check) duplicates nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import redis.asyncio
from redis.exceptions import WatchError

from bot.lifecycle.transitions import FindingRecord, State, Transition

PREFIX = "driftbot:"
JOB_TTL = timedelta(days=7)
OUTBOX_MAXLEN = 10_000
DEFAULT_RETENTION = timedelta(days=90)

Update = Callable[[FindingRecord | None], tuple[FindingRecord | None, list[Transition]]]


def k_finding(env: str, fid: str) -> str:
    return f"{PREFIX}finding:{env}:{fid}"


def k_findings(env: str) -> str:
    return f"{PREFIX}findings:{env}"


def k_history(env: str, fid: str | None = None) -> str:
    return f"{PREFIX}history:{env}" + (f":{fid}" if fid else "")


def k_watermark(env: str, source: str) -> str:
    return f"{PREFIX}watermark:{env}:{source}"


def k_job(job_id: str) -> str:
    return f"{PREFIX}job:{job_id}"


def k_running(env: str) -> str:
    return f"{PREFIX}running:{env}"


def k_done(job_id: str) -> str:
    return f"{PREFIX}done:{job_id}"


def k_digest(env: str) -> str:
    return f"{PREFIX}digest:{env}"


K_OUTBOX = f"{PREFIX}outbox"


def _ms(when: datetime) -> int:
    return int(when.timestamp() * 1000)


class Store:
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

    # ---- findings ---------------------------------------------------------------------------

    async def get(self, env: str, fid: str) -> FindingRecord | None:
        raw = await self.redis.get(k_finding(env, fid))
        return FindingRecord.model_validate_json(raw) if raw else None

    async def records(self, env: str, states: set[State] | None = None) -> list[FindingRecord]:
        """Every finding of `env` (in the given states), oldest first."""
        members: set[bytes] = await self.redis.smembers(k_findings(env))  # type: ignore[misc]
        fids = sorted(m.decode() for m in members)
        if not fids:
            return []
        raws = await self.redis.mget([k_finding(env, f) for f in fids])
        records = [FindingRecord.model_validate_json(r) for r in raws if r]
        if states is not None:
            records = [r for r in records if r.state in states]
        return sorted(records, key=lambda r: (r.first_seen, r.id))

    async def apply(
        self, env: str, fid: str, update: Update
    ) -> tuple[FindingRecord | None, list[Transition]]:
        """Read-modify-write one finding atomically; history and outbox entries go with it."""
        key = k_finding(env, fid)
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
                    pipe.sadd(k_findings(env), fid)
                    for t in transitions:
                        self._history(pipe, env, t)
                    moves = [t.model_dump(mode="json") for t in transitions]
                    pipe.xadd(K_OUTBOX, {"env": env, "finding_id": fid,
                                         "version": str(after.version), "state": after.state,
                                         "transitions": orjson.dumps(moves)},
                              maxlen=OUTBOX_MAXLEN, approximate=True)  # fmt: skip
                    await pipe.execute()
                    return after, transitions
                except WatchError:
                    continue

    def _history(self, pipe: Any, env: str, t: Transition) -> None:
        fields: dict[Any, Any] = {"type": "transition", **{k: "" if v is None else str(v)
                  for k, v in t.model_dump(mode="json").items()}}  # fmt: skip
        minid = _ms(self.clock() - self.retention)
        for stream in (k_history(env), k_history(env, t.finding_id)):
            pipe.xadd(stream, fields)
            pipe.xtrim(stream, minid=minid, approximate=True)

    # ---- history ----------------------------------------------------------------------------

    async def history(
        self, env: str, fid: str | None = None, limit: int = 200
    ) -> list[dict[str, str]]:
        """The newest `limit` entries, oldest first (one finding's, or the environment's)."""
        entries = await self.redis.xrevrange(k_history(env, fid), count=limit)
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
        done = k_done(job_id)
        async with self.redis.pipeline(transaction=True) as pipe:
            while True:
                try:
                    await pipe.watch(done)
                    if await pipe.exists(done):
                        await pipe.reset()
                        return False
                    pipe.multi()
                    fields: dict[Any, Any] = {"type": "check", "env": env, "job_id": job_id,
                              "at": self.clock().isoformat(),
                              **{k: str(v) for k, v in summary.items()}}  # fmt: skip
                    pipe.xadd(k_history(env), fields)
                    pipe.xtrim(k_history(env), minid=_ms(self.clock() - self.retention),
                               approximate=True)  # fmt: skip
                    pipe.set(done, "1", px=int(self.retention.total_seconds() * 1000))
                    if watermark is not None:
                        source, end = watermark
                        pipe.set(k_watermark(env, source), end.isoformat())
                    await pipe.execute()
                    return True
                except WatchError:
                    continue

    # ---- watermarks, digests ------------------------------------------------------------------

    async def watermark(self, env: str, source: str) -> datetime | None:
        raw = await self.redis.get(k_watermark(env, source))
        return datetime.fromisoformat(raw.decode()) if raw else None

    async def last_digest(self, env: str) -> datetime | None:
        raw = await self.redis.get(k_digest(env))
        return datetime.fromisoformat(raw.decode()) if raw else None

    async def set_last_digest(self, env: str, when: datetime) -> None:
        await self.redis.set(k_digest(env), when.isoformat())

    # ---- jobs ---------------------------------------------------------------------------------

    async def set_job(self, job_id: str, **fields: object) -> None:
        values = {
            k: v if isinstance(v, str) else orjson.dumps(v).decode() for k, v in fields.items()
        }
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.hset(k_job(job_id), mapping=values)
            pipe.pexpire(k_job(job_id), int(JOB_TTL.total_seconds() * 1000))
            await pipe.execute()

    async def job(self, job_id: str) -> dict[str, Any] | None:
        raw: dict[bytes, bytes] = await self.redis.hgetall(k_job(job_id))  # type: ignore[misc]
        if not raw:
            return None
        out: dict[str, Any] = {}
        for k, v in raw.items():
            text = v.decode()
            try:
                out[k.decode()] = orjson.loads(text)
            except orjson.JSONDecodeError:
                out[k.decode()] = text
        return out

    async def claim_running(self, env: str, job_id: str, ttl: timedelta) -> str:
        """Mark `job_id` as env's running check; returns the id that holds the mark (another
        job's when one already runs)."""
        key = k_running(env)
        ok = await self.redis.set(key, job_id, nx=True, px=int(ttl.total_seconds() * 1000))
        if ok:
            return job_id
        holder = await self.redis.get(key)
        return holder.decode() if holder else job_id

    async def refresh_running(self, env: str, job_id: str, ttl: timedelta) -> None:
        await _COMPARE_AND_PEXPIRE(
            keys=[k_running(env)], args=[job_id, int(ttl.total_seconds() * 1000)], client=self.redis
        )

    async def release_running(self, env: str, job_id: str) -> None:
        await _COMPARE_AND_DELETE(keys=[k_running(env)], args=[job_id], client=self.redis)

    async def running(self, env: str) -> str | None:
        raw = await self.redis.get(k_running(env))
        return raw.decode() if raw else None


def _script(source: str) -> Callable[..., Awaitable[Any]]:
    def call(*, keys: list[str], args: list[object], client: Any) -> Awaitable[Any]:
        return client.eval(source, len(keys), *keys, *args)

    return call


_COMPARE_AND_DELETE = _script(
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"
)
_COMPARE_AND_PEXPIRE = _script(
    "if redis.call('get', KEYS[1]) == ARGV[1] then "
    "return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0"
)
