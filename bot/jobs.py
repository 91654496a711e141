"""What the worker's jobs do: a check that updates the findings' lifecycle, and a digest.

Idempotent by construction: every finding update is an atomic, versioned write that changes
nothing when re-applied (lifecycle.detect merges events by id), and a job's check record is
written once per job id, so a job that runs again after its worker was killed duplicates no
finding, history entry or notification.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.adapters.aws import SessionFactory
from bot.adapters.store import Store, Update
from bot.check import CheckOptions, run_check_async
from bot.config import Environment, LoadedConfig
from bot.digest import Digest, build_digest
from bot.errors import DriftBotError
from bot.findings import Finding
from bot.lifecycle import (
    ACTIVE,
    FindingRecord,
    Transition,
    detect,
    expire,
    finding_id,
    reconfirm,
)
from bot.progress import ProgressUpdate
from bot.runbook import Runbook
from bot.window import resolve_window

log = logging.getLogger("driftbot.jobs")
FIRST_WINDOW = "24h"  # a scheduled environment's first check reads this far back


@dataclass
class Deps:
    """What jobs need, built once per worker process."""

    loaded: LoadedConfig
    runbooks: Mapping[str, Runbook]
    store: Store
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    session_factory: SessionFactory | None = None


@dataclass
class LatestProgress:
    """The newest progress update, written to Redis by the job's heartbeat."""

    update: ProgressUpdate | None = None
    written: ProgressUpdate | None = field(default=None, repr=False)

    def __call__(self, update: ProgressUpdate) -> None:
        self.update = update


async def window_for(
    deps: Deps, env_name: str, env: Environment, payload: Mapping[str, Any], now: datetime
) -> tuple[datetime, datetime, str | None]:
    """The window to read, and the watermark key to move (scheduled checks only).

    A scheduled check reads from its last read minus the overlap (CloudTrail delivers late,
    about 5 minutes and not guaranteed) up to now; events read twice merge by event id."""
    if not payload.get("scheduled"):
        start, end = resolve_window(payload.get("since") or "24h", payload.get("until"), now)
        return start, end, None
    source = env.cloudtrail.source
    mark = await deps.store.watermark(env_name, source)
    end = now.replace(microsecond=0)
    if mark is None:
        start, _ = resolve_window(FIRST_WINDOW, None, end)
    else:
        start = min(mark - env.schedule.overlap_delta, end)
    return start, end, source


async def run_check_job(
    deps: Deps, payload: Mapping[str, Any], job_id: str, attempt: int, progress: LatestProgress
) -> dict[str, Any]:
    """One check of one environment, applied to the stored lifecycle."""
    env_name = str(payload["env"])
    env = deps.loaded.environment(env_name)
    now = deps.clock()
    await deps.store.set_job(job_id, state="running", env=env_name, attempt=attempt,
                             started_at=now.isoformat())  # fmt: skip
    start, end, watermark = await window_for(deps, env_name, env, payload, now)
    active = await deps.store.records(env_name, set(ACTIVE))
    outcome = await run_check_async(
        deps.loaded, env_name, start, end,
        CheckOptions(progress=progress, runbooks=deps.runbooks, runbook=payload.get("runbook"),
                     reconfirm=[r.finding for r in active], session_factory=deps.session_factory,
                     now=deps.clock),
    )  # fmt: skip
    transitions: Counter[str] = Counter()
    touched: set[str] = set()
    for finding in outcome.report.findings:
        fid = finding_id(env_name, finding.key)
        touched.add(fid)
        _, made = await deps.store.apply(env_name, fid, _detecting(finding, env_name, now, job_id))
        transitions.update(t.to_state for t in made)
    for finding in outcome.reconfirmed:
        fid = finding_id(env_name, finding.key)
        if fid in touched:
            continue
        _, made = await deps.store.apply(env_name, fid, _reconfirming(finding, now, job_id))
        transitions.update(t.to_state for t in made)
    for record in await deps.store.records(env_name, {"accepted"}):
        _, made = await deps.store.apply(env_name, record.id, _expiring(now))
        transitions.update(t.to_state for t in made)
    report = outcome.report
    kinds = Counter(f.kind for f in report.findings if f.is_drift)
    summary: dict[str, Any] = {
        "window_start": report.window.start,
        "window_end": report.window.end,
        "records": report.stats.records,
        "changes": report.stats.changes,
        "findings": len(report.findings),
        "modified": kinds["modified"],
        "deleted": kinds["deleted"],
        "unmanaged": kinds["unmanaged"],
        "resolved": transitions["resolved"],
        "opened": transitions["open"],
        "skipped_files": report.stats.skipped_files,
        "unknown_events": report.stats.unknown_events,
        "trigger": payload.get("trigger", ""),
        "requested_by": payload.get("requested_by", ""),
    }
    await deps.store.record_check(env_name, job_id, summary,
                                  (watermark, end) if watermark else None)  # fmt: skip
    await deps.store.set_job(job_id, state="succeeded", finished_at=deps.clock().isoformat(),
                             result=summary)  # fmt: skip
    return summary


def _detecting(finding: Finding, env: str, now: datetime, job_id: str) -> Update:
    def update(record: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        after, made = detect(record, finding, env, now, job_id)
        return after, made

    return update


def _reconfirming(finding: Finding, now: datetime, job_id: str) -> Update:
    def update(record: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        if record is None:
            return None, []
        after, made = reconfirm(record, finding, now, job_id)
        return after, made

    return update


def _expiring(now: datetime) -> Update:
    def update(record: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        if record is None:
            return None, []
        after, made = expire(record, now)
        return after, made

    return update


async def fail_job(deps: Deps, job_id: str, exc: BaseException) -> dict[str, Any]:
    """Record why a job failed, in words a person can act on."""
    if isinstance(exc, DriftBotError):
        error, hint = exc.user_message, exc.hint
    else:
        log.exception("check job %s failed", job_id, exc_info=exc)
        error = f"driftbot hit an internal error (ref {job_id}): {type(exc).__name__}."
        hint = "The worker's log has the details under that reference."
    await deps.store.set_job(job_id, state="failed", error=error, hint=hint,
                             finished_at=deps.clock().isoformat())  # fmt: skip
    return {"error": error, "hint": hint}


async def run_digest_job(deps: Deps, env_name: str) -> Digest:
    """Build the digest of `env` since the last one, and remember that it was made."""
    now = deps.clock()
    deps.loaded.environment(env_name)
    since = await deps.store.last_digest(env_name)
    digest = build_digest(env_name, await deps.store.records(env_name), since, now)
    await deps.store.set_last_digest(env_name, now)
    return digest


async def heartbeat(beat: Callable[[], Any], every: timedelta, stop: asyncio.Event) -> None:
    """Call `beat` every `every` until `stop` is set (the job's liveness and progress)."""
    while not stop.is_set():
        try:
            await beat()
        except Exception:  # a missed beat must not kill the job
            log.warning("heartbeat failed", exc_info=True)
        try:
            await asyncio.wait_for(stop.wait(), timeout=every.total_seconds())
        except TimeoutError:
            continue
