"""The daily digest of one environment, computed from stored findings. Pure; `now` is given.

New since the last digest, still open (with age), accepted, resolved since the last digest, and
the mean time to resolve of those. The Slack app posts it; `drift digest ENV` prints it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict

from bot.lifecycle.transitions import ACTIVE, FindingRecord, State


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


def _item(record: FindingRecord, now: datetime, note: str | None = None) -> DigestItem:
    f = record.finding
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
        age_hours=round((now - record.first_seen) / timedelta(hours=1), 1),
        actor=f.events[-1].actor if f.events else None,
        note=note,
    )


def build_digest(
    env: str, records: list[FindingRecord], since: datetime | None, now: datetime
) -> Digest:
    """The digest for `env` covering (since, now]; `since` None means everything so far."""

    def after_since(when: datetime | None) -> bool:
        return when is not None and (since is None or when > since)

    new = [_item(r, now) for r in records if after_since(r.first_seen)]
    still_open = sorted(
        (_item(r, now) for r in records if r.state in ACTIVE),
        key=lambda i: (-i.age_hours, i.resource_id),
    )
    accepted = [
        _item(r, now, note=(f"{r.acceptance.by}: {r.acceptance.reason}"
                            + (f" (until {r.acceptance.until:%Y-%m-%d})" if r.acceptance.until
                               else "")) if r.acceptance else None)
        for r in records if r.state == "accepted"
    ]  # fmt: skip
    resolved_records = [r for r in records if r.state == "resolved" and after_since(r.resolved_at)]
    resolved = [_item(r, now, note=r.resolution) for r in resolved_records]
    durations = [(r.resolved_at - r.first_seen) / timedelta(hours=1)
                 for r in resolved_records if r.resolved_at]  # fmt: skip
    mttr = round(sum(durations) / len(durations), 1) if durations else None
    return Digest(environment=env, at=now, since=since, new=new, open=still_open,
                  accepted=accepted, resolved=resolved,
                  mean_time_to_resolve_hours=mttr)  # fmt: skip


def render_digest_text(d: Digest) -> str:
    """The digest for a terminal: counts, then the lists."""
    since = f"since {d.since:%Y-%m-%d %H:%M} UTC" if d.since else "so far"
    lines = [
        f"Drift digest for {d.environment}, {d.at:%Y-%m-%d %H:%M} UTC ({since})",
        f"  new: {len(d.new)}  open: {len(d.open)}  accepted: {len(d.accepted)}  "
        f"resolved: {len(d.resolved)}  mean time to resolve: "
        + (
            f"{d.mean_time_to_resolve_hours} h" if d.mean_time_to_resolve_hours is not None else "-"
        ),
    ]
    for title, items in (("New", d.new), ("Still open", d.open), ("Accepted", d.accepted),
                         ("Resolved", d.resolved)):  # fmt: skip
        if not items:
            continue
        lines.append(f"{title}:")
        for i in items:
            extra = f" — {i.note}" if i.note else ""
            sev = f"[{i.severity}] " if i.severity else ""
            lines.append(f"  {sev}{i.kind} {i.resource_type} {i.resource_id} ({i.region}), "
                         f"{i.age_hours} h old{extra}")  # fmt: skip
    if d.is_clean:
        lines.append("All clean.")
    return "\n".join(lines) + "\n"
