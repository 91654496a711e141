"""A finding's life in Redis: open → accepted / reapplying / escalated → resolved. Pure.

Every function takes the stored record (or None) and returns the new record plus the
transitions it made; the store writes both atomically. Re-detecting what a record already
holds (the same events, from an overlapping window or a re-run job) changes nothing and
records nothing, which is what makes checks idempotent.

- A resource detected again while open, accepted, reapplying or escalated updates the same
  record (new events appended, never a second record).
- An accepted finding stays quiet until its acceptance expires or a new change to that resource
  arrives: either reopens it.
- A resolved finding reopens when a new change arrives.
- Resolution: the live resource matches IaC again (`confirmed: false`), or an unmanaged resource
  became managed.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from bot.drift.findings import EventSummary, Finding
from bot.errors import InvalidTransition
from bot.lifecycle.external import ExternalLink, ReapplyRun
from bot.lifecycle.states import State as State  # re-exported: the models' users import it here
from bot.messages import lifecycle as say

ACTIVE: frozenset[State] = frozenset({"open", "reapplying", "escalated"})
SYSTEM = "driftbot"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Acceptance(_Model):
    """Why a drift is intentional, who said so, and until when."""

    by: str
    reason: str
    at: datetime
    until: datetime | None = None


class Transition(_Model):
    """One change of state: also the history entry that records it."""

    at: datetime
    env: str
    finding_id: str
    resource: str
    from_state: State | None
    to_state: State
    actor: str
    reason: str
    job_id: str | None = None


class FindingRecord(_Model):
    """What Redis keeps per (environment, resource)."""

    id: str
    env: str
    state: State
    version: int = 1
    finding: Finding
    first_seen: datetime
    last_seen: datetime
    state_since: datetime
    acceptance: Acceptance | None = None
    escalation: dict[str, str] | None = None
    reapply: dict[str, str] | None = None
    resolved_at: datetime | None = None
    resolution: str | None = None
    reopened: int = 0
    run: ReapplyRun | None = None
    links: list[ExternalLink] = Field(default_factory=list)

    @property
    def resource(self) -> str:
        return f"{self.finding.resource_type} {self.finding.resource_id}"

    @property
    def event_ids(self) -> set[str]:
        return {e.event_id for e in self.finding.events}


def finding_id(env: str, key: str) -> str:
    """A short, stable id for a resource's finding in an environment (`f-3a9c…`)."""
    return "f-" + hashlib.sha256(f"{env}\0{key}".encode()).hexdigest()[:16]


def move(
    record: FindingRecord, to: State, actor: str, reason: str, now: datetime, job_id: str | None
) -> tuple[FindingRecord, Transition]:
    transition = Transition(
        at=now,
        env=record.env,
        finding_id=record.id,
        resource=record.resource,
        from_state=record.state,
        to_state=to,
        actor=actor,
        reason=reason,
        job_id=job_id,
    )
    update: dict[str, object] = {"state": to, "state_since": now, "version": record.version + 1}
    if to == "resolved":
        update |= {"resolved_at": now, "resolution": reason}
    if to == "open":
        update |= {"acceptance": None, "resolved_at": None, "resolution": None}
        if record.state in ("accepted", "resolved"):
            update["reopened"] = record.reopened + 1
    return record.model_copy(update=update), transition


def detect(
    record: FindingRecord | None,
    finding: Finding,
    env: str,
    now: datetime,
    job_id: str | None = None,
) -> tuple[FindingRecord, list[Transition]]:
    """Merge a check's finding into the stored record (None: first time it is seen)."""
    fid = finding_id(env, finding.key)
    if record is None:
        fresh = FindingRecord(
            id=fid,
            env=env,
            state="open",
            finding=finding,
            first_seen=now,
            last_seen=now,
            state_since=now,
        )
        opened = Transition(
            at=now,
            env=env,
            finding_id=fid,
            resource=fresh.resource,
            from_state=None,
            to_state="open",
            actor=_actor(finding),
            reason=_detected(finding),
            job_id=job_id,
        )
        if not finding.is_drift:  # seen for the first time already back in line
            resolved, done = move(fresh, "resolved", SYSTEM, _resolved_reason(finding), now, job_id)
            return resolved, [opened, done]
        return fresh, [opened]
    known = record.event_ids
    new_events = [e for e in finding.events if e.event_id not in known]
    merged = _merge(record.finding, finding, new_events)
    changed = bool(new_events) or _verdict(merged) != _verdict(record.finding)
    if not changed:
        return record, []
    current = record.model_copy(
        update={"finding": merged, "last_seen": now, "version": record.version + 1}
    )
    transitions: list[Transition] = []
    if new_events and current.state in ("accepted", "resolved"):
        why = say.reopened(current.state == "accepted", _detected(finding))
        current, t = move(current, "open", _actor(finding), why, now, job_id)
        transitions.append(t)
    if not merged.is_drift and current.state != "resolved":
        current, t = move(current, "resolved", SYSTEM, _resolved_reason(merged), now, job_id)
        transitions.append(t)
    return current, transitions


def _merge(old: Finding, new: Finding, new_events: list[EventSummary]) -> Finding:
    """The newer finding's verdict and addresses, with every event either one has seen."""
    events = sorted([*old.events, *new_events], key=lambda e: (e.event_time, e.event_id))
    return new.model_copy(update={"events": events})


def _verdict(finding: Finding) -> tuple[object, ...]:
    return (
        finding.kind,
        finding.confirmed,
        tuple(c.path for c in finding.changes),
        tuple(finding.addresses),
    )


def _actor(finding: Finding) -> str:
    return finding.events[-1].actor if finding.events else SYSTEM


def _detected(finding: Finding) -> str:
    if not finding.events:
        return say.detected(finding.kind, None)
    last = finding.events[-1]
    return say.detected(finding.kind, last.event_name, last.actor, last.via)


def _resolved_reason(finding: Finding) -> str:
    return finding.reason or say.matches_iac_again()


def reconfirm(
    record: FindingRecord, finding: Finding, now: datetime, job_id: str | None = None
) -> tuple[FindingRecord, list[Transition]]:
    """A later check looked at an active finding again, without new events: resolve it when the
    live resource matches IaC again, or when an unmanaged resource is now managed."""
    if record.state == "resolved":
        return record, []
    became_managed = record.finding.kind == "unmanaged" and bool(finding.addresses)
    if finding.is_drift and not became_managed:
        return record, []
    reason = say.now_managed(finding.addresses) if became_managed else _resolved_reason(finding)
    updated = record.model_copy(
        update={
            "finding": record.finding.model_copy(
                update={
                    "confirmed": finding.confirmed,
                    "changes": finding.changes,
                    "reason": finding.reason,
                    "addresses": finding.addresses,
                    "api_calls": finding.api_calls,
                }
            )
        }
    )
    moved, t = move(updated, "resolved", SYSTEM, reason, now, job_id)
    return moved, [t]


def expire(record: FindingRecord, now: datetime) -> tuple[FindingRecord, list[Transition]]:
    """An acceptance whose `until` has passed reopens the finding."""
    acceptance = record.acceptance
    if record.state != "accepted" or acceptance is None or acceptance.until is None:
        return record, []
    if now < acceptance.until:
        return record, []
    why = say.acceptance_expired(acceptance.by, acceptance.reason)
    moved, t = move(record, "open", SYSTEM, why, now, None)
    return moved, [t]


def accept(
    record: FindingRecord, by: str, reason: str, until: datetime | None, now: datetime
) -> tuple[FindingRecord, list[Transition]]:
    """Mark a drift intentional. Raises InvalidTransition (a ValueError) when it is resolved
    or the expiry is past."""
    if record.state == "resolved":
        raise InvalidTransition(say.already_resolved())
    if until is not None and until <= now:
        raise InvalidTransition(say.expiry_in_past(until))
    acceptance = Acceptance(by=by, reason=reason, at=now, until=until)
    accepting = record.model_copy(update={"acceptance": acceptance})
    moved, t = move(accepting, "accepted", by, say.accepted(reason, until), now, None)
    return moved, [t]


def escalate(
    record: FindingRecord, by: str, target: str, note: str, now: datetime
) -> tuple[FindingRecord, list[Transition]]:
    """Hand a drift to its owning team. Raises InvalidTransition when it is resolved."""
    if record.state == "resolved":
        raise InvalidTransition(say.already_resolved())
    escalation = {"by": by, "target": target, "note": note, "at": now.isoformat()}
    escalating = record.model_copy(update={"escalation": escalation})
    moved, t = move(escalating, "escalated", by, say.escalated(target, note), now, None)
    return moved, [t]


def start_reapply(
    record: FindingRecord, by: str, approvers: list[str], target: str, now: datetime
) -> tuple[FindingRecord, list[Transition]]:
    """An approved reapply was triggered: the pipeline is putting IaC back. Raises
    InvalidTransition when it is resolved."""
    if record.state == "resolved":
        raise InvalidTransition(say.already_resolved())
    reapply = {"by": by, "approvers": ",".join(approvers), "target": target, "at": now.isoformat()}
    reapplying = record.model_copy(update={"reapply": reapply})
    moved, t = move(reapplying, "reapplying", by, say.reapplying(target, approvers), now, None)
    return moved, [t]
