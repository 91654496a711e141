"""How a finding reads wherever it is shown (card, App Home, approval and escalation messages,
/drift replies): severity, resource, last changes, state and approval lines. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.drift.findings import Finding
from bot.lifecycle.approvals import ApprovalRequest
from bot.lifecycle.transitions import FindingRecord
from bot.messages.slack import Label, and_more
from bot.messages.slack import card as say
from bot.models import SEVERITY_RANK
from bot.policy.approvers import Approvers
from bot.policy.runbook import Runbook
from bot.slack.text import clip, code, escape, iso_when, people, person, target_text, when

SEVERITY_EMOJI: dict[str | None, str] = {
    "critical": "🔴",
    "high": "🟠",
    "medium": "🟡",
    "low": "🔵",
    None: "⚪",
}


def can_reapply(runbook: Runbook | None, approvers: Approvers | None = None) -> bool:
    """Whether the finding's runbook says where to reapply IaC (`fix.reapply`) and, when the
    approvers are given, somebody may approve it (bot/policy/approvers.py)."""
    if runbook is None or runbook.fix.reapply is None:
        return False
    return approvers is None or not approvers.nobody


def severity_of(f: Finding, runbook: Runbook | None) -> str | None:
    """The finding's severity, else its runbook's."""
    return f.severity or (runbook.severity if runbook else None)


def resource_code(f: Finding) -> str:
    """The resource as `TYPE` `ID` code spans (the id cut to 200 characters)."""
    return f"{code(f.resource_type)} {code(clip(f.resource_id, 200))}"


def severity_order(record: FindingRecord) -> tuple[int, datetime, str]:
    """Sort key: most severe first, then oldest, then by id."""
    return (SEVERITY_RANK.get(record.finding.severity, 4), record.first_seen, record.id)


def events_text(f: Finding, line: Callable[..., str] = say.last_change) -> str:
    """The last CloudTrail change (who, how, from where, when; written by `line`) and who else
    changed it."""
    if not f.events:
        return say.no_events()
    last = f.events[-1]
    text = line(
        code(last.event_name),
        escape(last.actor),
        code(last.role) if last.role else None,
        escape(last.via),
        code(last.source_ip),
        iso_when(last.event_time),
    )
    earlier = f.events[:-1]
    if earlier:
        actors = list(dict.fromkeys(e.actor for e in reversed(earlier)))
        named = ", ".join(escape(clip(a, 80)) for a in actors[:3])
        if len(actors) > 3:
            named += " " + and_more(len(actors) - 3)
        text += "\n" + say.earlier_changes(len(earlier), named)
    return text


def state_text(
    record: FindingRecord,
    runbook: Runbook | None,
    approval: ApprovalRequest | None,
    now: datetime | None,
    approvers: Approvers | None = None,
) -> str:
    """The state line, the reapply request's line, and why there is no Reapply, if so (no
    target in the runbook, or nobody may approve in the environment)."""
    lines = [_state_line(record)]
    if record.state != "resolved" and approval is not None:
        lines.append(approval_line(approval, now))
    if record.state in ("open", "accepted", "escalated") and not can_reapply(runbook):
        lines.append(say.no_reapply_target(code(runbook.name) if runbook else None))
    elif record.state in ("open", "accepted", "escalated") and not can_reapply(runbook, approvers):
        lines.append(say.no_approvers(escape(record.env)))
    return "\n".join(lines)


def _state_line(record: FindingRecord) -> str:
    if record.state == "accepted" and record.acceptance is not None:
        a = record.acceptance
        return say.state_accepted(
            person(a.by), when(a.until) if a.until else None, escape(clip(a.reason, 1000))
        )
    if record.state == "escalated" and record.escalation is not None:
        e = record.escalation
        note = escape(clip(e["note"], 1000)) if e.get("note") else None
        return say.state_escalated(target_text(e.get("target")), person(e.get("by")), note)
    if record.state == "reapplying" and record.reapply is not None:
        r = record.reapply
        approvers = [a for a in r.get("approvers", "").split(",") if a]
        return say.state_reapplying(
            escape(r.get("target", Label.RUNBOOK_TARGET)),
            person(r.get("by")),
            people(approvers),
            iso_when(r.get("at")),
        )
    if record.state == "resolved":
        reason = escape(clip(record.resolution, 1000)) if record.resolution else None
        return say.state_resolved(when(record.resolved_at or record.state_since), reason)
    return say.state_open(None, record.reopened)  # the card's one time is the change's


def approval_line(approval: ApprovalRequest, now: datetime | None) -> str:
    """One line on a reapply request: pending (who asked, approvals so far), or its outcome."""
    state = approval_state(approval, now)
    given = len(approval.approvals)
    if state == "pending":
        return say.approval_pending(
            person(approval.requester),
            given,
            approval.needed,
            people(approval.approvals),
            when(approval.expires_at),
        )
    if state == "denied":
        return say.approval_denied(person(approval.denied_by))
    if state == "expired":
        return say.approval_expired(when(approval.expires_at), given, approval.needed)
    return say.approval_approved(people(approval.approvals))


def approval_state(request: ApprovalRequest, now: datetime | None) -> str:
    """The request's state, with a pending request past its expiry shown as `"expired"`."""
    if request.state == "pending" and now is not None and request.is_expired(now):
        return "expired"
    return request.state
