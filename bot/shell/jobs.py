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
from datetime import datetime, timedelta
from typing import Any

from arq import Retry

from bot.config.drift import Environment
from bot.config.window import LOOKUP_DAYS, beyond_lookup, resolve_window
from bot.drift.findings import CONTRACT_EXCLUDE, Finding
from bot.drift.progress import ProgressUpdate, progress_fields
from bot.errors import DriftBotError, SlackError
from bot.lifecycle.digest import Digest, build_digest
from bot.lifecycle.external import ReapplyRun
from bot.lifecycle.runs import dispatch_failed, run_dispatched, run_triggering
from bot.lifecycle.transitions import (
    ACTIVE,
    FindingRecord,
    Transition,
    detect,
    expire,
    finding_id,
    reconfirm,
)
from bot.messages import jobs as say
from bot.shell.check import CheckOptions, run_check_async
from bot.shell.deps import Deps as Deps  # re-exported: the worker and tests build it from here
from bot.shell.digest import due_reminders
from bot.shell.home import card_links
from bot.shell.http import deferred
from bot.shell.posting import OncePoster
from bot.shell.reapply.runner import dispatch_run
from bot.shell.reapply.webhook import secret_from_env
from bot.shell.reapply.webhook import trigger as trigger_webhook
from bot.shell.redis import keys
from bot.shell.redis.posts import PostLedger
from bot.shell.redis.queue import Queue
from bot.shell.redis.store import Update
from bot.slack import render_digest, render_progress

log = logging.getLogger("driftbot.jobs")
FIRST_WINDOW = "24h"  # a scheduled environment's first check reads this far back


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
    await deps.store.set_job(
        job_id, state="running", env=env_name, attempt=attempt, started_at=now.isoformat()
    )
    start, end, watermark = await window_for(deps, env_name, env, payload, now)
    stored = await deps.store.records(env_name)
    active = [r.finding for r in stored if r.state in ACTIVE]
    outcome = await run_check_async(
        deps.loaded,
        env_name,
        start,
        end,
        CheckOptions(
            progress=progress,
            runbooks=deps.runbooks,
            runbook=payload.get("runbook"),
            reconfirm=active,
            session_factory=deps.session_factory,
            now=deps.clock,
        ),
    )
    transitions: Counter[str] = Counter()
    touched: set[str] = set()
    for finding in outcome.report.findings:
        fid = finding_id(env_name, finding.key)
        touched.add(fid)
        _, made = await deps.store.apply(
            env_name, fid, _detecting(finding, env_name, now, job_id), batch=job_id
        )
        transitions.update(t.to_state for t in made)
    for finding in outcome.reconfirmed:
        fid = finding_id(env_name, finding.key)
        if fid in touched:
            continue
        _, made = await deps.store.apply(env_name, fid, _reconfirming(finding, now, job_id))
        transitions.update(t.to_state for t in made)
    # Only acceptances that ran out (apply re-reads each under WATCH); the rest would write nothing.
    for record in (r for r in stored if expire(r, now)[1]):
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
    if env.cloudtrail.source == "lookup_events" and beyond_lookup(start, now):
        summary["lookup_days"] = LOOKUP_DAYS  # the progress message and status warn of it
    await deps.store.record_check(
        env_name, job_id, summary, (watermark, end) if watermark else None
    )
    await deps.store.set_job(
        job_id, state="succeeded", finished_at=deps.clock().isoformat(), result=summary
    )
    # The cards are posted by the notifier from here: the progress message says so until then.
    await show_progress(deps, job_id, "posting", progress.update, summary)
    await deps.store.checked(env_name, job_id)
    return summary


def _detecting(finding: Finding, env: str, now: datetime, job_id: str) -> Update:
    def update(record: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        return detect(record, finding, env, now, job_id)

    return update


def _reconfirming(finding: Finding, now: datetime, job_id: str) -> Update:
    def update(record: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        if record is None:
            return None, []
        return reconfirm(record, finding, now, job_id)

    return update


def _expiring(now: datetime) -> Update:
    def update(record: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        if record is None:
            return None, []
        return expire(record, now)

    return update


async def fail_job(deps: Deps, job_id: str, exc: BaseException) -> dict[str, Any]:
    """Record why a job failed, in words a person can act on."""
    if isinstance(exc, DriftBotError):
        error, hint = exc.user_message, exc.hint
    else:
        log.exception("check job %s failed", job_id, exc_info=exc)
        error, hint = say.internal_error(job_id, type(exc).__name__)
    await deps.store.set_job(
        job_id, state="failed", error=error, hint=hint, finished_at=deps.clock().isoformat()
    )
    record = await deps.store.job(job_id) or {}
    if record.get("env"):  # the cards of what it applied before failing are posted now
        await deps.store.checked(str(record["env"]), job_id)
    return {"error": error, "hint": hint}


async def run_digest_job(deps: Deps, env_name: str) -> Digest:
    """Build the digest of `env` since the last one, post it to the environment's channel
    (one message, the breakdown in its thread; nothing when it was and stays clean), and
    remember that it was made."""
    now = deps.clock()
    env = deps.loaded.environment(env_name)
    since = await deps.store.last_digest(env_name)
    records = await deps.store.records(env_name)
    digest = build_digest(env_name, records, since, now)
    if env.slack is not None and deps.slack is not None and deps.slack_state is not None:
        # A re-run of this job (its worker died) reads the same `since`: the same posts.
        key = f"digest:{env_name}:{since.isoformat() if since else 'first'}"
        poster = OncePoster(PostLedger(deps.store.redis, deps.clock), deps.slack)
        flag = "1" if digest.is_clean else "0"
        quiet = False
        if not await poster.intended(key):
            was_clean = await deps.slack_state.swap_flag(keys.DIGEST_CLEAN, env_name, flag)
            quiet = digest.is_clean and was_clean == "1"
        reminders = await due_reminders(deps.slack_state, env_name, records, now)
        quiet = quiet and not reminders
        if not quiet:
            links = await card_links(
                deps.slack_state, deps.slack, env_name, [r.id for r in records]
            )
            summary, breakdown = render_digest(digest, links, reminders)
            ts, _ = await poster.post(key, env.slack.channel, summary.text, summary.blocks)
            for n, part in enumerate(breakdown):
                await poster.post(
                    f"{key}:{n}", env.slack.channel, part.text, part.blocks, thread_ts=ts
                )
    await deps.store.set_last_digest(env_name, now)
    return digest


async def show_progress(
    deps: Deps,
    job_id: str,
    state: str,
    update: ProgressUpdate | None,
    result: dict[str, Any] | None = None,
    error: str | None = None,
) -> None:
    """Update the check's progress message in Slack, if `/drift check` posted one. A check
    that succeeded says "done" only once its cards are posted (the notifier marks the job
    `cards_posted` and shows it then); until then it says the cards are being posted."""
    if deps.slack is None:
        return
    info = await deps.store.job(job_id) or {}
    channel, ts = info.get("progress_channel"), info.get("progress_ts")
    if not channel or not ts:
        return
    if state == "succeeded" and not info.get("cards_posted"):
        return  # the notifier says "done" when the cards are posted
    progress = None if update is None else progress_fields(update)
    message = render_progress(str(info.get("env", "")), job_id, state, progress, result, error)
    try:
        await deps.slack.update(str(channel), str(ts), message.text, message.blocks)
    except SlackError as exc:
        log.warning("progress of %s: %s", job_id, exc.user_message)


async def run_reapply_job(
    deps: Deps,
    env_name: str,
    request_id: str,
    queue: Queue | None = None,
    attempt: int = 1,
    job_try: int = 1,
) -> dict[str, Any]:
    """Trigger an approved reapply: the run is `dispatching` on the card while the target is
    called (the runbook's webhook, signed; any other target is dispatched and followed by
    bot/shell/reapply/runner.py, `queue` taking the polls; `attempt` counts Retries). A call
    that fails for a reason that may pass (no answer, 5xx, 429) is tried again with backoff
    (arq's Retry: TRIGGER_DELAYS) up to TRIGGER_TRIES times; then the run is failed on the
    card, with Retry.

    At least once: a re-run job may call the webhook again, with the same `request_id` for
    the receiver to de-duplicate on."""
    if deps.slack_state is None:
        return {"error": say.slack_not_configured()}
    request = await deps.slack_state.approval(request_id)
    if request is None or request.state != "approved":
        return {"skipped": say.request_not_approved(request_id)}
    record = await deps.store.get(env_name, request.finding_id)
    runbook = deps.runbooks.get(record.finding.runbook or "") if record else None
    if record is None or runbook is None or runbook.fix.reapply is None:
        return {"error": say.reapply_target_gone()}
    fid = record.id
    await deps.store.apply(env_name, fid, _triggering(fid, request_id, attempt, deps.clock()))
    webhook = runbook.fix.reapply.webhook
    if webhook is None:
        if queue is None:
            return {"error": say.reapply_target_gone()}
        return await dispatch_run(
            deps, queue, deps.follow, env_name, request, record, runbook, attempt, job_try
        )
    payload = {
        "event": "driftbot.reapply",
        "idempotency_key": request_id,
        "environment": env_name,
        "runbook": runbook.name,
        "requested_by": request.requester,
        "approved_by": request.approvals,
        "finding": record.finding.model_dump(mode="json", exclude=CONTRACT_EXCLUDE),
    }
    now = deps.clock()
    run = ReapplyRun(
        target="webhook",
        request_id=request_id,
        attempt=attempt,
        requested_by=request.requester,
        approved_by=list(request.approvals),
        started_at=now,
        updated_at=now,
        followed=False,
    )
    try:
        result = await trigger_webhook(
            webhook.url,
            secret_from_env(webhook.secret_env),
            payload,
            allow_private=webhook.allow_private_network,
        )
    except DriftBotError as exc:
        if exc.retryable and job_try < TRIGGER_TRIES:
            raise Retry(defer=deferred(trigger_delay(job_try), exc)) from exc
        error, hint = exc.user_message, exc.hint

        def failed(r: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
            return (r, []) if r is None else dispatch_failed(r, run, error, hint, deps.clock())

        await deps.store.apply(env_name, fid, failed)
        return {"error": exc.user_message}
    sent = run.model_copy(update={"status": "sent", "detail": str(result.status)})

    def update(r: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        if r is None or r.state == "resolved":
            return r, []
        return run_dispatched(r, sent, "webhook", now)

    await deps.store.apply(env_name, fid, update)
    return {"status": result.status}


TRIGGER_TRIES = 3  # the worker's max_tries for the trigger job
TRIGGER_DELAYS = (5, 20)  # seconds before the 2nd and 3rd tries


def trigger_delay(job_try: int) -> int:
    return TRIGGER_DELAYS[min(job_try - 1, len(TRIGGER_DELAYS) - 1)]


def _triggering(fid: str, request_id: str, attempt: int, now: datetime) -> Update:
    def update(r: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        if r is None or r.id != fid:
            return r, []
        return run_triggering(r, request_id, attempt, now)

    return update


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
