"""What every escalation client shares: what it is given, and the protocol. One module per
target (pagerduty.py, incident_io.py, jira.py, github_issue.py), listed in this package's
`__init__`; the worker's jobs that use them are runner.py's."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from bot.lifecycle.external import ExternalLink
from bot.lifecycle.transitions import FindingRecord
from bot.messages import escalation as words
from bot.shell.http import Sleep

MAX_CHANGES = 10


@dataclass
class EscalateContext:
    """What a client is given to escalate a finding, or to close what it made for it."""

    record: FindingRecord
    by: str  # who escalated: a Slack user id, or `driftbot` (automatic)
    note: str
    card_url: str
    sleep: Sleep
    now: datetime
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)


class EscalationClient(Protocol):
    """An escalation target's API."""

    async def open(
        self, target: Any, ctx: EscalateContext, existing: ExternalLink | None
    ) -> ExternalLink:
        """Page or file the finding; `existing`: what an earlier escalation made (a ticket is
        commented on, an alert triggered again with the same key)."""

    async def close(self, target: Any, ctx: EscalateContext, link: ExternalLink) -> bool:
        """Resolve the alert or close the ticket now that the finding is resolved or accepted;
        False when it could only be commented on."""


def _last(record: FindingRecord) -> tuple[str, str, str]:
    events = record.finding.events
    if not events:
        return ("", "", "")
    e = events[-1]
    return (e.event_name, e.actor, e.event_time)


def changes(record: FindingRecord) -> list[str]:
    """The finding's differences as `path: IaC → live` lines, at most MAX_CHANGES."""
    out = [words.change_line(c.path, c.expected, c.actual) for c in record.finding.changes]
    more = len(out) - MAX_CHANGES
    return out[:MAX_CHANGES] + ([words.more_changes(more)] if more > 0 else [])


def summary(record: FindingRecord) -> str:
    f = record.finding
    event, actor, _ = _last(record)
    paths = [c.path for c in f.changes]
    return words.summary(
        record.env, f.resource_type, f.resource_id, f.kind, actor, event, f.region, paths
    )


def title(record: FindingRecord) -> str:
    f = record.finding
    return words.issue_title(f.resource_type, f.resource_id, record.env)


def details(record: FindingRecord, by: str, note: str) -> dict[str, Any]:
    """The structured details of an alert (PagerDuty's custom_details, incident.io's
    metadata)."""
    f = record.finding
    event, actor, at = _last(record)
    return {
        "finding_id": record.id,
        "environment": record.env,
        "account_id": f.account_id,
        "region": f.region,
        "resource_type": f.resource_type,
        "resource_id": f.resource_id,
        "kind": f.kind,
        "severity": f.severity or "unrated",
        "iac_addresses": list(f.addresses),
        "last_change": event,
        "changed_by": actor,
        "changed_at": at,
        "changes": changes(record),
        "escalated_by": by,
        "note": note,
    }


def description(ctx: EscalateContext) -> str:
    """The Markdown description of a ticket or alert."""
    r, f = ctx.record, ctx.record.finding
    event, actor, at = _last(r)
    return words.description(
        r.env,
        f.resource_type,
        f.resource_id,
        f.account_id,
        f.region,
        f.kind,
        event,
        actor,
        at,
        f.addresses,
        r.id,
        ctx.by,
        ctx.note,
        ctx.card_url,
        changes(r),
    )


def ended(record: FindingRecord) -> str:
    """The comment that closes a ticket: why the finding ended."""
    if record.state == "accepted" and record.acceptance is not None:
        return words.accepted_comment(record.acceptance.by, record.acceptance.reason)
    return words.resolved_comment(record.resolution)
