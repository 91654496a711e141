"""The job queue (arq over Redis): enqueue checks and digests, one check per environment.

arq job names are only ever written here. Payloads and results are JSON, never pickle: the
process that enqueues and the worker may run different versions during a deploy.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from arq.connections import ArqRedis
from arq.jobs import Job, JobStatus

from bot.shell.redis import keys
from bot.shell.redis.connection import SOCKET_TIMEOUT, RedisTarget, ping
from bot.shell.redis.store import Store

CHECK = "check_environment"
DIGEST = "digest_environment"
REAPPLY = "reapply_finding"
FOLLOW = "follow_reapply_run"
ESCALATE = "escalate_finding"
DEESCALATE = "deescalate_finding"
CODIFY = "codify_finding"
# A check holds its environment's "running" mark this long without a heartbeat.
RUNNING_TTL = timedelta(minutes=10)
ALIVE = frozenset({JobStatus.queued, JobStatus.deferred, JobStatus.in_progress})


def serialize(obj: dict[str, Any]) -> bytes:
    return orjson.dumps(obj, default=str)


def deserialize(data: bytes) -> dict[str, Any]:
    loaded: dict[str, Any] = orjson.loads(data)
    return loaded


async def open_pool(target: RedisTarget) -> ArqRedis:
    """An arq pool, after a ping that fails fast naming the URL. Its commands time out after
    SOCKET_TIMEOUT (connection.py): `drift serve` answers /drift within Slack's 3 seconds
    even when Redis accepts connections and never answers."""
    await ping(target, SOCKET_TIMEOUT)
    pool = target.connect(ArqRedis, SOCKET_TIMEOUT)
    pool.job_serializer = serialize
    pool.job_deserializer = deserialize
    return pool


class Queue:
    """Enqueue work and read its state."""

    def __init__(self, pool: ArqRedis, store: Store) -> None:
        self.pool = pool
        self.store = store

    async def enqueue_check(
        self,
        env: str,
        *,
        trigger: str,
        requested_by: str,
        since: str | None = None,
        until: str | None = None,
        runbook: str | None = None,
        scheduled: bool = False,
        job_id: str | None = None,
    ) -> tuple[str, bool]:
        """Queue a check of `env`; returns (job id, queued now). While a check of `env` is
        queued or running, asking again returns that job's id instead; so does a `job_id` that
        arq already holds (a schedule slot's check that already ran keeps its record)."""
        holder = await self.store.running(env)
        if holder is not None:
            if await self._holds(holder):
                return holder, False
            await self.store.release_running(env, holder)  # a job that died for good
        if job_id is not None and await self._arq_status(job_id) != JobStatus.not_found:
            return job_id, False
        new_id = job_id or keys.check_job(env, uuid.uuid4().hex[:12])
        claimed = await self.store.claim_running(env, new_id, RUNNING_TTL)
        if claimed != new_id:
            return claimed, False
        payload = {
            "env": env,
            "trigger": trigger,
            "requested_by": requested_by,
            "since": since,
            "until": until,
            "runbook": runbook,
            "scheduled": scheduled,
        }
        queued_at = datetime.now(UTC).isoformat()
        await self.store.set_job(
            new_id,
            state="queued",
            env=env,
            trigger=trigger,
            requested_by=requested_by,
            queued_at=queued_at,
        )
        job = await self.pool.enqueue_job(CHECK, payload, _job_id=new_id)
        # None: another process enqueued the same id at the same moment; the mark is its job's
        return new_id, job is not None

    async def enqueue_digest(self, env: str, day: str) -> bool:
        """Queue the digest of `env` for `day` (at most one per environment and day)."""
        payload = {"env": env, "day": day}
        job = await self.pool.enqueue_job(DIGEST, payload, _job_id=keys.digest_job(env, day))
        return job is not None

    async def enqueue_reapply(self, env: str, request_id: str, attempt: int = 1) -> bool:
        """Queue the trigger of an approved reapply (once per request and attempt: a Retry is
        the next attempt)."""
        payload = {"env": env, "request_id": request_id, "attempt": attempt}
        job_id = keys.reapply_job(request_id, attempt)
        job = await self.pool.enqueue_job(REAPPLY, payload, _job_id=job_id)
        return job is not None

    async def enqueue_follow(
        self, env: str, fid: str, request_id: str, attempt: int, poll: int, defer: timedelta
    ) -> bool:
        """Queue one poll of a reapply run, `defer` from now (once per poll)."""
        payload = {
            "env": env,
            "finding_id": fid,
            "request_id": request_id,
            "attempt": attempt,
            "poll": poll,
        }
        job_id = keys.follow_job(request_id, attempt, poll)
        job = await self.pool.enqueue_job(FOLLOW, payload, _job_id=job_id, _defer_by=defer)
        return job is not None

    async def enqueue_escalate(
        self, env: str, fid: str, target: str, by: str, note: str, unique: str, auto: bool
    ) -> bool:
        """Queue an escalation of a finding to one target outside Slack (`auto`: nobody acted;
        the job escalates the finding itself)."""
        payload = {
            "env": env,
            "finding_id": fid,
            "target": target,
            "by": by,
            "note": note,
            "auto": auto,
        }
        job_id = keys.escalate_job(env, fid, target, unique)
        job = await self.pool.enqueue_job(ESCALATE, payload, _job_id=job_id)
        return job is not None

    async def enqueue_deescalate(self, env: str, fid: str, version: int) -> bool:
        """Queue the resolution of a finding's alerts and tickets (once per finding version)."""
        payload = {"env": env, "finding_id": fid, "version": version}
        job_id = keys.deescalate_job(env, fid, version)
        job = await self.pool.enqueue_job(DEESCALATE, payload, _job_id=job_id)
        return job is not None

    async def enqueue_codify(
        self, env: str, fid: str, kind: str, by: str, unique: str, note: str = ""
    ) -> bool:
        """Queue a codify pull request (`kind` codify) or an IaC note (`iac_note`)."""
        payload = {"env": env, "finding_id": fid, "kind": kind, "by": by, "note": note}
        job_id = keys.codify_job(env, fid, kind, unique)
        job = await self.pool.enqueue_job(CODIFY, payload, _job_id=job_id)
        return job is not None

    async def _arq_status(self, job_id: str) -> JobStatus:
        return await Job(job_id, self.pool, _deserializer=deserialize).status()

    async def _holds(self, job_id: str) -> bool:
        """Whether the check `job_id` still holds its environment's mark: arq has it queued or
        running, or it is between claiming the mark and reaching arq (arq does not know it yet
        and our record is missing or says queued). One that crashed in that gap keeps the mark
        until it expires (RUNNING_TTL)."""
        status = await self._arq_status(job_id)
        if status in ALIVE:
            return True
        if status != JobStatus.not_found:
            return False
        record = await self.store.job(job_id)
        return record is None or record.get("state") == "queued"

    async def status(self, job_id: str) -> dict[str, Any] | None:
        """Our record of the job (state, progress, counts, error) with arq's view of it."""
        record = await self.store.job(job_id)
        arq_status = await self._arq_status(job_id)
        if record is None and arq_status == JobStatus.not_found:
            return None
        out = dict(record or {})
        out["queue_status"] = arq_status.value
        if out.get("state") == "queued" and arq_status == JobStatus.in_progress:
            out["state"] = "running"
        return out
