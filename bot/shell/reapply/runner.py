"""The worker's side of a reapply through a followed target (everything but the webhook):
dispatch the run, then poll it with backoff until it ends, then read the resource again at once.

- `dispatch_run`: the runbook's target gets the run (placeholders filled in for the finding and
  the request); the finding moves to `reapplying` with the run (its id and link) on the card, and
  the first poll is queued. A refusal is recorded on the card (error, fix, who asked and who
  approved, Retry) and said in the card's thread.
- `follow_run`: one poll. A new status is written (the card redraws: queued → running); a
  failed run brings the finding back to `open` with the failure on the card; a succeeded run
  leads to `recheck_after_run`; anything else queues the next poll (FollowPolicy's delays). A
  run not over after `give_up_after` is marked failed, its link kept. A poll that fails
  retryably (429, 5xx, no answer) is tried again at the next delay, or after the target's
  Retry-After when that is longer (bounded: bot/shell/http.py's MAX_DEFER).
- `recheck_after_run`: the resource read live (bot/shell/recheck.py); matching IaC again
  resolves the finding, still differing reopens it, not readable leaves it for the next check.

Every step re-reads the finding and checks that its run is still this request's attempt, so a
poll queued twice, or one that outlived a Retry, changes nothing.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta
from typing import Any

from arq import Retry

from bot.errors import DriftBotError, InvalidTransition
from bot.lifecycle.approvals import ApprovalRequest
from bot.lifecycle.external import FINAL, ReapplyRun
from bot.lifecycle.runs import (
    dispatch_failed,
    run_dispatched,
    run_failed,
    run_succeeded,
    run_updated,
    still_drifted,
)
from bot.lifecycle.transitions import FindingRecord, Transition, reconfirm
from bot.messages import jobs as say
from bot.messages.integrations import label
from bot.policy.placeholders import PlaceholderValues
from bot.policy.runbook import Runbook
from bot.shell.deps import Deps, FollowPolicy
from bot.shell.http import deferred
from bot.shell.posting import OncePoster
from bot.shell.reapply import CLIENTS
from bot.shell.reapply.base import ReapplyContext
from bot.shell.recheck import recheck
from bot.shell.redis.posts import PostLedger
from bot.shell.redis.queue import Queue
from bot.shell.redis.store import Update

log = logging.getLogger("driftbot.reapply")
TRIGGER_TRIES = 3  # as bot/shell/jobs.py's: the worker's max_tries for the trigger job
TRIGGER_DELAYS = (5, 20)


async def card_url(deps: Deps, env: str, fid: str) -> str:
    """The card's permalink, or `` (no Slack, no card yet, Slack refused)."""
    if deps.slack is None or deps.slack_state is None:
        return ""
    card = await deps.slack_state.card(env, fid)
    if not card:
        return ""
    try:
        return await deps.slack.permalink(card["channel"], card["ts"]) or ""
    except DriftBotError:
        return ""


def once_poster(deps: Deps) -> OncePoster:
    """The exactly-once poster of the worker's Slack posts (bot/shell/posting.py)."""
    assert deps.slack is not None  # noqa: S101  (callers check it)
    return OncePoster(PostLedger(deps.store.redis, deps.clock), deps.slack)


async def say_in_thread(deps: Deps, env: str, fid: str, text: str, key: str | None = None) -> None:
    """A reply in the finding's card thread, when it has a card, posted exactly once under
    `key` (default: the finding's version and the text), so a job run again after a crash
    between the post and its record does not say it twice. A failure to post is logged: the
    card shows the same."""
    if deps.slack is None or deps.slack_state is None:
        return
    card = await deps.slack_state.card(env, fid)
    if not card:
        return
    if key is None:
        record = await deps.store.get(env, fid)
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        key = f"thread:{env}:{fid}:{record.version if record else 0}:{digest}"
    thread = card.get("thread") or card["ts"]
    try:
        await once_poster(deps).post(key, card["channel"], text, thread_ts=thread)
    except DriftBotError as exc:
        log.warning("thread of %s/%s: %s", env, fid, exc.user_message)


def _context(
    deps: Deps, env: str, record: FindingRecord, request_id: str, attempt: int, values: Any
) -> ReapplyContext:
    return ReapplyContext(
        env_name=env,
        env=deps.loaded.environment(env),
        record=record,
        request_id=request_id,
        attempt=attempt,
        values=values,
        sleep=deps.sleep,
        now=deps.clock(),
        session_factory=deps.session_factory,
    )


def _values(record: FindingRecord, run: ReapplyRun, url: str) -> PlaceholderValues:
    f = record.finding
    return PlaceholderValues(
        env=record.env,
        finding_id=record.id,
        resource_type=f.resource_type,
        resource_id=f.resource_id,
        account_id=f.account_id,
        region=f.region,
        addresses=f.addresses,
        requested_by=run.requested_by,
        approved_by=run.approved_by,
        card_url=url,
    )


def _only(record_id: str, step: Any) -> Update:
    """An update that leaves a missing finding missing."""

    def update(r: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        if r is None or r.id != record_id:
            return r, []
        result: tuple[FindingRecord, list[Transition]] = step(r)
        return result

    return update


async def dispatch_run(
    deps: Deps,
    queue: Queue,
    policy: FollowPolicy,
    env: str,
    request: ApprovalRequest,
    record: FindingRecord,
    runbook: Runbook,
    attempt: int,
    job_try: int = 1,
) -> dict[str, Any]:
    """Hand an approved reapply to the runbook's followed target (see the module docstring).
    A refusal that may pass (no answer, 5xx, 429) raises arq's Retry with backoff while the
    trigger job has tries left (bot/shell/jobs.py's TRIGGER_TRIES), deferred at least as long
    as the target's Retry-After asked (bounded: bot/shell/http.py's MAX_DEFER)."""
    reapply = runbook.fix.reapply
    if reapply is None or reapply.kind not in CLIENTS:
        return {"error": say.reapply_target_gone()}
    kind, now = reapply.kind, deps.clock()
    run = ReapplyRun(
        target=kind,
        request_id=request.id,
        attempt=attempt,
        requested_by=request.requester,
        approved_by=list(request.approvals),
        started_at=now,
        updated_at=now,
    )
    url = await card_url(deps, env, record.id)
    ctx = _context(deps, env, record, request.id, attempt, _values(record, run, url))
    try:
        ref = await CLIENTS[kind].dispatch(reapply.target, ctx)
    except DriftBotError as exc:
        if exc.retryable and job_try < TRIGGER_TRIES:
            delay = TRIGGER_DELAYS[min(job_try, len(TRIGGER_DELAYS)) - 1]
            raise Retry(defer=deferred(delay, exc)) from exc
        error, hint = exc.user_message, exc.hint
        await deps.store.apply(
            env, record.id, _only(record.id, lambda r: dispatch_failed(r, run, error, hint, now))
        )
        text = say.run_dispatch_failed(
            label(kind), exc.user_message, exc.hint, request.requester, request.approvals
        )
        await say_in_thread(deps, env, record.id, text)
        return {"error": exc.user_message}
    status = ref.status if ref.followed else "sent"
    dispatched = run.model_copy(
        update={
            "status": status,
            "run_id": ref.run_id,
            "url": ref.url,
            "detail": ref.detail,
            "followed": ref.followed,
        }
    )
    try:
        await deps.store.apply(
            env,
            record.id,
            _only(record.id, lambda r: run_dispatched(r, dispatched, label(kind), now)),
        )
    except InvalidTransition:
        return {"skipped": say.reapply_target_gone()}
    await say_in_thread(deps, env, record.id, say.run_dispatched(label(kind), ref.url))
    if ref.followed and status not in FINAL:
        await queue.enqueue_follow(env, record.id, request.id, attempt, 1, policy.delay(1))
    return {"status": status, "run_id": ref.run_id, "url": ref.url}


async def follow_run(
    deps: Deps,
    queue: Queue,
    policy: FollowPolicy,
    env: str,
    fid: str,
    request_id: str,
    attempt: int,
    poll: int,
) -> dict[str, Any]:
    """One poll of a run (see the module docstring)."""
    record = await deps.store.get(env, fid)
    run = record.run if record else None
    if record is None or run is None or (run.request_id, run.attempt) != (request_id, attempt):
        return {"skipped": say.run_superseded()}
    if run.status in FINAL:
        return {"skipped": say.run_superseded()}
    runbook = deps.runbooks.get(record.finding.runbook or "")
    reapply = runbook.fix.reapply if runbook else None
    if reapply is None or reapply.kind != run.target:
        return {"error": say.reapply_target_gone()}
    now = deps.clock()
    url = await card_url(deps, env, fid)
    ctx = _context(deps, env, record, request_id, attempt, _values(record, run, url))
    give_up = now - run.started_at >= policy.give_up_after
    try:
        seen = await CLIENTS[run.target].poll(reapply.target, run, ctx)
    except DriftBotError as exc:
        if exc.retryable and not give_up:
            wait = deferred(policy.delay(poll + 1).total_seconds(), exc)
            await queue.enqueue_follow(
                env, fid, request_id, attempt, poll + 1, timedelta(seconds=wait)
            )
            return {"retry": exc.user_message}
        return await _failed(deps, env, fid, run, exc.user_message, exc.hint)
    if seen.run_id and not run.run_id:
        found = run.model_copy(update={"run_id": seen.run_id, "url": seen.url})
        await deps.store.apply(
            env,
            fid,
            _only(
                fid, lambda r: (r.model_copy(update={"run": found, "version": r.version + 1}), [])
            ),
        )
    if seen.status == "failed":
        return await _failed(deps, env, fid, run, say.run_ended(seen.detail), None, seen.detail)
    if seen.status == "succeeded":
        await deps.store.apply(
            env, fid, _only(fid, lambda r: run_succeeded(r, seen.detail, seen.url, now))
        )
        await say_in_thread(
            deps, env, fid, say.run_succeeded(label(run.target), seen.url or run.url)
        )
        return await recheck_after_run(deps, env, fid)
    await deps.store.apply(
        env, fid, _only(fid, lambda r: run_updated(r, seen.status, seen.detail, seen.url, now))
    )
    if give_up:
        hours = policy.give_up_after.total_seconds() / 3600
        return await _failed(deps, env, fid, run, say.run_not_over(hours), say.run_not_over_hint())
    await queue.enqueue_follow(env, fid, request_id, attempt, poll + 1, policy.delay(poll + 1))
    return {"status": seen.status}


async def _failed(
    deps: Deps,
    env: str,
    fid: str,
    run: ReapplyRun,
    error: str,
    hint: str | None,
    detail: str | None = None,
) -> dict[str, Any]:
    now = deps.clock()
    await deps.store.apply(env, fid, _only(fid, lambda r: run_failed(r, error, hint, now, detail)))
    text = say.run_failed(
        label(run.target), error, hint, run.url, run.requested_by, run.approved_by
    )
    await say_in_thread(deps, env, fid, text)
    return {"error": error}


async def recheck_after_run(deps: Deps, env: str, fid: str) -> dict[str, Any]:
    """Read the resource again now: resolve, reopen, or leave it for the next check."""
    record = await deps.store.get(env, fid)
    if record is None or record.state != "reapplying":
        return {"skipped": say.run_superseded()}
    try:
        finding = await recheck(
            deps.loaded, env, record.finding, deps.runbooks, deps.clock, deps.session_factory
        )
    except DriftBotError as exc:
        await say_in_thread(deps, env, fid, say.recheck_failed(exc.user_message))
        return {"recheck": exc.user_message}
    now = deps.clock()
    if finding is None:
        await say_in_thread(deps, env, fid, say.recheck_not_live())
        return {"recheck": "not live"}
    back = not finding.is_drift or (record.finding.kind == "unmanaged" and finding.addresses)
    if back:
        after, _ = await deps.store.apply(
            env, fid, _only(fid, lambda r: reconfirm(r, finding, now, None))
        )
        return {"state": after.state if after else None}
    after, _ = await deps.store.apply(env, fid, _only(fid, lambda r: still_drifted(r, now)))
    return {"state": after.state if after else None}
