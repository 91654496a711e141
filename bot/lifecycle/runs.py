"""A reapply run and the links a finding carries (alerts, tickets, pull requests). Pure.

A reapply run is what a reapply target did with an approved request: recorded the moment the
last approval is in, dispatched, then followed until it ends. Its `status` moves `approved →
dispatching → queued → running → succeeded | failed` (in words: approved, being triggered,
triggered, …); a target that cannot be followed (the webhook, a GitLab pipeline without a read
token) stops at `sent`. While it is `approved` or `dispatching` the card offers no Reapply.

The finding moves with it: a dispatched run takes it to `reapplying`; a failed run brings it
back to `open` (with the run, its link and who asked and approved still on the card, and a
Retry); a succeeded run leaves it `reapplying` until the resource is read again and matches IaC
(then `resolved`) or does not (back to `open`). A finding still `reapplying` after the
runbook's `fix.reapply.timeout` is `open` again, its run failed (`reapply_timed_out`).

The models are in external.py (the finding record holds them).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.errors import InvalidTransition
from bot.lifecycle.external import FINAL, ExternalLink, ReapplyRun, RunStatus
from bot.lifecycle.transitions import SYSTEM, FindingRecord, Transition, move, start_reapply
from bot.messages import lifecycle as say


def _bump(record: FindingRecord, **update: object) -> FindingRecord:
    return record.model_copy(update={**update, "version": record.version + 1})


def run_approved(
    record: FindingRecord, run: ReapplyRun, now: datetime
) -> tuple[FindingRecord, list[Transition]]:
    """The last approval is in: record the run (`approved`) before the worker triggers it, so
    the card shows it at once and offers no second Reapply. Raises InvalidTransition when the
    finding is resolved or already reapplying."""
    if record.state in ("resolved", "reapplying"):
        raise InvalidTransition(
            say.already_resolved() if record.state == "resolved" else say.already_reapplying()
        )
    current = record.run
    if current is not None and (current.request_id, current.attempt) == (
        run.request_id,
        run.attempt,
    ):
        return record, []
    return _bump(record, run=run.model_copy(update={"status": "approved", "updated_at": now})), []


def run_triggering(
    record: FindingRecord, request_id: str, attempt: int, now: datetime
) -> tuple[FindingRecord, list[Transition]]:
    """The worker is handing the run to its target (`dispatching`, one more try)."""
    run = record.run
    if run is None or (run.request_id, run.attempt) != (request_id, attempt):
        return record, []
    if run.status not in ("approved", "dispatching"):
        return record, []
    moved = run.model_copy(
        update={"status": "dispatching", "tries": run.tries + 1, "updated_at": now}
    )
    return _bump(record, run=moved), []


def reapply_timed_out(
    record: FindingRecord, timeout: timedelta, now: datetime
) -> tuple[FindingRecord, list[Transition]]:
    """A finding still `reapplying` `timeout` after it started is `open` again: its run is
    marked failed (so Retry is offered) and the move names who asked."""
    if record.state != "reapplying" or now - record.state_since < timeout:
        return record, []
    hours = timeout.total_seconds() / 3600
    run = record.run
    requester = run.requested_by if run else (record.reapply or {}).get("by", "")
    error = say.reapply_timed_out(hours)
    updated = record
    if run is not None and run.status not in ("failed",):
        failed = run.model_copy(update={"status": "failed", "error": error, "updated_at": now})
        updated = record.model_copy(update={"run": failed})
    moved, t = move(
        updated, "open", SYSTEM, say.reapply_timed_out_reason(hours, requester), now, None
    )
    return moved, [t]


def run_dispatched(
    record: FindingRecord, run: ReapplyRun, label: str, now: datetime
) -> tuple[FindingRecord, list[Transition]]:
    """The target accepted the run: record it, and move the finding to `reapplying`. Raises
    InvalidTransition when the finding is resolved."""
    if record.state == "resolved":
        raise InvalidTransition(say.already_resolved())
    if record.state == "reapplying":
        return _bump(record, run=run), []
    moved, made = start_reapply(record, run.requested_by, run.approved_by, label, now)
    return moved.model_copy(update={"run": run}), made


def run_updated(
    record: FindingRecord,
    status: RunStatus,
    detail: str | None,
    url: str | None,
    now: datetime,
) -> tuple[FindingRecord, list[Transition]]:
    """A poll saw the run: record a new status (nothing changes when it is the same)."""
    run = record.run
    if run is None or run.status in FINAL:
        return record, []
    if (status, detail, url or run.url) == (run.status, run.detail, run.url):
        return record, []
    polled = run.model_copy(
        update={"status": status, "detail": detail, "url": url or run.url, "updated_at": now}
    )
    return _bump(record, run=polled), []


def run_failed(
    record: FindingRecord, error: str, hint: str | None, now: datetime, detail: str | None = None
) -> tuple[FindingRecord, list[Transition]]:
    """The run (or its dispatch) failed: record why; a `reapplying` finding is `open` again."""
    run = record.run
    if run is None or run.status in ("failed", "succeeded"):
        return record, []
    failed = run.model_copy(
        update={
            "status": "failed",
            "error": error,
            "hint": hint,
            "detail": detail or run.detail,
            "updated_at": now,
        }
    )
    updated = _bump(record, run=failed)
    if record.state != "reapplying":
        return updated, []
    moved, t = move(updated, "open", run.requested_by, say.reapply_failed(error), now, None)
    return moved, [t]


def dispatch_failed(
    record: FindingRecord, run: ReapplyRun, error: str, hint: str | None, now: datetime
) -> tuple[FindingRecord, list[Transition]]:
    """The target refused or could not be reached: record a failed run on the finding."""
    failed = run.model_copy(update={"status": "failed", "error": error, "hint": hint})
    return _bump(record, run=failed.model_copy(update={"updated_at": now})), []


def run_succeeded(
    record: FindingRecord, detail: str | None, url: str | None, now: datetime
) -> tuple[FindingRecord, list[Transition]]:
    """The run succeeded: the finding stays `reapplying` until its resource is read again."""
    run = record.run
    if run is None or run.status in FINAL:
        return record, []
    done = run.model_copy(
        update={"status": "succeeded", "detail": detail, "url": url or run.url, "updated_at": now}
    )
    return _bump(record, run=done), []


def still_drifted(record: FindingRecord, now: datetime) -> tuple[FindingRecord, list[Transition]]:
    """The run succeeded but the live resource still differs from IaC: `open` again."""
    if record.state != "reapplying":
        return record, []
    target = record.run.target if record.run else ""
    moved, t = move(record, "open", "driftbot", say.still_drifted_after(target), now, None)
    return moved, [t]


def add_link(record: FindingRecord, link: ExternalLink) -> tuple[FindingRecord, list[Transition]]:
    """Record an alert, ticket or pull request on the finding (one per kind and target: a new
    one replaces the old, the same one changes nothing)."""
    kept = [k for k in record.links if (k.kind, k.target) != (link.kind, link.target)]
    same = [
        k
        for k in record.links
        if (k.kind, k.target, k.key, k.state, k.url)
        == (link.kind, link.target, link.key, link.state, link.url)
    ]
    if same:
        return record, []
    return _bump(record, links=[*kept, link]), []


def close_links(
    record: FindingRecord, closed: Sequence[tuple[str, str]]
) -> tuple[FindingRecord, list[Transition]]:
    """Mark the links (kind, target) closed (their alert resolved, their issue closed)."""
    if not closed:
        return record, []
    wanted = set(closed)
    links = [
        k.model_copy(update={"state": "closed"}) if (k.kind, k.target) in wanted else k
        for k in record.links
    ]
    if links == record.links:
        return record, []
    return _bump(record, links=links), []


def link_of(record: FindingRecord, kind: str, target: str) -> ExternalLink | None:
    return next((k for k in record.links if (k.kind, k.target) == (kind, target)), None)
