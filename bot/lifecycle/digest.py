"""The daily digest of one environment, computed from stored findings. Pure; `now` is given.

New since the last digest, still open (with the age of its last change), accepted, resolved
since the last digest, and the mean time to resolve of those. The Slack app posts it;
`drift digest ENV` prints it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pydantic import BaseModel, ConfigDict

from bot.lifecycle.transitions import ACTIVE, FindingRecord, State
from bot.messages import lifecycle as say


class DigestItem(BaseModel):
    model_config = ConfigDict(frozen=True)

    finding_id: str
    kind: str
    state: State
    resource_type: str
    resource_id: str
    region: str
    severity: str | None
    runbook: str | None
    first_seen: datetime
    age_hours: float
    actor: str | None
    note: str | None = None
    new: bool = False  # first seen since the last digest
    accepted_by: str | None = None
    reason: str | None = None  # an acceptance's, or how it was resolved


class Digest(BaseModel):
    model_config = ConfigDict(frozen=True)

    environment: str
    at: datetime
    since: datetime | None
    new: list[DigestItem]
    open: list[DigestItem]
    accepted: list[DigestItem]
    resolved: list[DigestItem]
    mean_time_to_resolve_hours: float | None

    @property
    def is_clean(self) -> bool:
        """Nothing open and nothing happened since the last digest."""
        return not (self.new or self.open or self.resolved)

    def sections(self) -> list[tuple[str, list[DigestItem]]]:
        """(name, items) in the order they are shown: new, open, accepted, resolved."""
        return [
            ("new", self.new),
            ("open", self.open),
            ("accepted", self.accepted),
            ("resolved", self.resolved),
        ]


def changed_at(record: FindingRecord) -> datetime:
    """When the resource was last changed (its last event), else when it was last seen."""
    events = record.finding.events
    if events:
        try:
            at = datetime.fromisoformat(events[-1].event_time.replace("Z", "+00:00"))
        except ValueError:
            return record.last_seen
        return at if at.tzinfo else at.replace(tzinfo=UTC)
    return record.last_seen


def _item(
    record: FindingRecord, now: datetime, note: str | None = None, new: bool = False
) -> DigestItem:
    f = record.finding
    a = record.acceptance
    return DigestItem(
        finding_id=record.id,
        kind=f.kind,
        state=record.state,
        resource_type=f.resource_type,
        resource_id=f.resource_id,
        region=f.region,
        severity=f.severity,
        runbook=f.runbook,
        first_seen=record.first_seen,
        age_hours=round(max(now - changed_at(record), timedelta(0)) / timedelta(hours=1), 1),
        actor=f.events[-1].actor if f.events else None,
        note=note,
        new=new,
        accepted_by=a.by if a else None,
        reason=a.reason if a else record.resolution,
    )


def build_digest(
    env: str, records: list[FindingRecord], since: datetime | None, now: datetime
) -> Digest:
    """The digest for `env` covering (since, now]; `since` None means everything so far."""

    def after_since(when: datetime | None) -> bool:
        return when is not None and (since is None or when > since)

    new = [_item(r, now, new=True) for r in records if after_since(r.first_seen)]
    still_open = sorted(
        (_item(r, now, new=after_since(r.first_seen)) for r in records if r.state in ACTIVE),
        key=lambda i: (-i.age_hours, i.resource_id),
    )
    accepted = [
        _item(r, now, note=_accepted_note(r), new=after_since(r.first_seen))
        for r in records
        if r.state == "accepted"
    ]
    resolved_records = [r for r in records if r.state == "resolved" and after_since(r.resolved_at)]
    resolved = [
        _item(r, now, note=r.resolution, new=after_since(r.first_seen)) for r in resolved_records
    ]
    durations = [
        (r.resolved_at - r.first_seen) / timedelta(hours=1)
        for r in resolved_records
        if r.resolved_at
    ]
    mttr = round(sum(durations) / len(durations), 1) if durations else None
    return Digest(
        environment=env,
        at=now,
        since=since,
        new=new,
        open=still_open,
        accepted=accepted,
        resolved=resolved,
        mean_time_to_resolve_hours=mttr,
    )


def _accepted_note(record: FindingRecord) -> str | None:
    a = record.acceptance
    return say.accepted_note(a.by, a.reason, a.until) if a else None


def render_digest_text(d: Digest) -> str:
    """The digest for a terminal: counts, then the lists."""
    counts = (len(d.new), len(d.open), len(d.accepted), len(d.resolved))
    lines = [
        say.digest_heading(d.environment, d.at, d.since),
        say.digest_counts(*counts, d.mean_time_to_resolve_hours),
    ]
    for name, items in d.sections():
        if not items:
            continue
        lines.append(f"{say.digest_section_title(name)}:")
        for i in items:
            resource = f"{i.resource_type} {i.resource_id}"
            lines.append(
                say.digest_line(i.severity, i.kind, resource, i.region, i.age_hours, i.note)
            )
    if d.is_clean:
        lines.append(say.digest_all_clean())
    return "\n".join(lines) + "\n"
