"""What time does to findings, run every minute by the worker's tick (and idempotent, so any
number of workers may run it):

- a finding still `reapplying` after its runbook's `fix.reapply.timeout` (default 2h) is open
  again, its run failed, so Reapply (Retry) is offered again and its requester is told;
- an acceptance past its `until` reopens its finding (news for whoever accepted it);
- a reapply request past its expiry is marked expired: its message loses its buttons and says
  so, and the card offers Reapply again.

Each change goes through the store, so the notifier draws it like any other.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.lifecycle.approvals import ApprovalRequest
from bot.lifecycle.runs import reapply_timed_out
from bot.lifecycle.transitions import FindingRecord, Transition, expire
from bot.shell.deps import Deps
from bot.shell.redis.store import Update

log = logging.getLogger("driftbot.sweep")
DEFAULT_TIMEOUT = timedelta(hours=2)


def _timing_out(timeout: timedelta, now: datetime) -> Update:
    def update(r: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        return (r, []) if r is None else reapply_timed_out(r, timeout, now)

    return update


def _expiring(now: datetime) -> Update:
    def update(r: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        return (r, []) if r is None else expire(r, now)

    return update


async def sweep(deps: Deps) -> dict[str, int]:
    """One pass; returns how many findings and requests it moved."""
    now = deps.clock()
    moved = {"timed_out": 0, "expired": 0, "requests_expired": 0}
    for env in deps.loaded.config.environments:
        for record in await deps.store.records(env, {"reapplying", "accepted"}):
            if record.state == "reapplying":
                runbook = deps.runbooks.get(record.finding.runbook or "")
                reapply = runbook.fix.reapply if runbook is not None else None
                timeout = reapply.timeout if reapply is not None else DEFAULT_TIMEOUT
                if now - record.state_since < timeout:
                    continue
                _, made = await deps.store.apply(env, record.id, _timing_out(timeout, now))
                moved["timed_out"] += bool(made)
            elif expire(record, now)[1]:
                _, made = await deps.store.apply(env, record.id, _expiring(now))
                moved["expired"] += bool(made)
    if deps.slack_state is not None:
        for request_id in await deps.slack_state.due_approvals(now):
            moved["requests_expired"] += await _expire_request(deps, request_id, now)
    return moved


async def _expire_request(deps: Deps, request_id: str, now: datetime) -> int:
    state = deps.slack_state
    assert state is not None  # noqa: S101  (the caller checked)

    def mark(r: ApprovalRequest) -> ApprovalRequest:
        if r.state != "pending" or not r.is_expired(now):
            return r
        return r.model_copy(update={"state": "expired", "version": r.version + 1})

    try:
        before, after = await state.update_approval(request_id, mark)
    except KeyError:  # gone from Redis already
        await state.forget_pending(request_id)
        return 0
    await state.forget_pending(request_id)
    if before.state == after.state:
        return 0
    await deps.store.redraw(after.env, after.finding_id)
    return 1
