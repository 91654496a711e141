"""A finding's lifecycle (bot.lifecycle.transitions): detection, re-detection, acceptance and
its expiry, resolution, reopening — with time passed in, never read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.drift.findings import AttributeChange, EventSummary, Finding
from bot.lifecycle.transitions import accept, detect, escalate, expire, reconfirm, start_reapply

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def event(eid: str, when: str = "2026-11-24T08:00:00Z", actor: str = "dev@example.com"):
    return EventSummary(
        event_id=eid,
        event_name="AuthorizeSecurityGroupIngress",
        event_time=when,
        actor=actor,
        role=None,
        via="console",
        source_ip="203.0.113.7",
    )


def finding(*events: EventSummary, kind="modified", confirmed=True, addresses=("aws_sg.web",)):
    return Finding(
        kind=kind,
        resource_type="AWS::EC2::SecurityGroup",
        resource_id="sg-1",
        account_id="111122223333",
        region="us-east-1",
        addresses=list(addresses),
        events=list(events),
        confirmed=confirmed,
        changes=[AttributeChange(path="ingress", expected=None, actual=["x"])] if confirmed else [],
    )


def test_first_detection_opens_a_finding():
    """A new finding is `open`, with one transition naming who did what."""
    record, transitions = detect(None, finding(event("e1")), "prod", T0, "job-1")

    assert (record.state, record.version, record.first_seen) == ("open", 1, T0)
    assert [(t.from_state, t.to_state, t.actor, t.job_id) for t in transitions] == [
        (None, "open", "dev@example.com", "job-1")
    ]
    assert transitions[0].reason == (
        "modified: AuthorizeSecurityGroupIngress by dev@example.com via console"
    )


def test_detecting_the_same_events_again_changes_nothing():
    """An overlapping window or a re-run job re-detects the same events: no write, no history."""
    record, _ = detect(None, finding(event("e1")), "prod", T0)

    again, transitions = detect(record, finding(event("e1")), "prod", T0 + timedelta(minutes=15))

    assert again is record
    assert transitions == []


def test_new_events_update_the_same_finding_without_a_transition():
    """A second change to an open resource is appended to the same finding."""
    record, _ = detect(None, finding(event("e1")), "prod", T0)

    updated, transitions = detect(
        record, finding(event("e2", "2026-11-24T09:30:00Z")), "prod", T0 + timedelta(hours=1)
    )

    assert [e.event_id for e in updated.finding.events] == ["e1", "e2"]
    assert (updated.id, updated.state, updated.version) == (record.id, "open", 2)
    assert transitions == []


def test_accepted_finding_stays_quiet_until_a_new_change_reopens_it():
    """Accepted: re-detecting old events is quiet; a new event reopens it."""
    record, _ = detect(None, finding(event("e1")), "prod", T0)
    accepted, _ = accept(record, "lead@example.com", "planned migration", None, T0)

    quiet, none = detect(accepted, finding(event("e1")), "prod", T0 + timedelta(hours=1))
    reopened, moved = detect(
        accepted,
        finding(event("e1"), event("e2", "2026-11-24T11:00:00Z")),
        "prod",
        T0 + timedelta(hours=2),
    )

    assert (quiet.state, none) == ("accepted", [])
    assert reopened.state == "open"
    assert reopened.acceptance is None
    assert reopened.reopened == 1
    assert [(t.from_state, t.to_state) for t in moved] == [("accepted", "open")]
    assert moved[0].reason.startswith("new change while accepted")


def test_acceptance_expires_at_its_until():
    """Until the expiry nothing happens; after it, the finding reopens, by driftbot."""
    record, _ = detect(None, finding(event("e1")), "prod", T0)
    accepted, _ = accept(record, "lead@example.com", "freeze", T0 + timedelta(days=1), T0)

    early, none = expire(accepted, T0 + timedelta(hours=23))
    late, moved = expire(accepted, T0 + timedelta(days=1, seconds=1))

    assert (early.state, none) == ("accepted", [])
    assert late.state == "open"
    assert [(t.from_state, t.to_state, t.actor) for t in moved] == [
        ("accepted", "open", "driftbot")
    ]
    assert "expired" in moved[0].reason


def test_accepting_with_a_past_expiry_or_a_resolved_finding_is_refused():
    """Acceptance needs a future expiry and an unresolved finding."""
    record, _ = detect(None, finding(event("e1")), "prod", T0)
    resolved, _ = detect(record, finding(event("e1"), confirmed=False), "prod", T0)

    with pytest.raises(ValueError, match="in the past"):
        accept(record, "a", "b", T0 - timedelta(days=1), T0)
    with pytest.raises(ValueError, match="already resolved"):
        accept(resolved, "a", "b", None, T0)


def test_live_matching_iac_again_resolves_and_a_new_change_reopens():
    """confirmed: false resolves the finding; a later new change reopens it."""
    record, _ = detect(None, finding(event("e1")), "prod", T0)

    resolved, moved = detect(
        record, finding(event("e1"), confirmed=False), "prod", T0 + timedelta(hours=1)
    )
    again, reopened = detect(
        resolved,
        finding(event("e1"), event("e3", "2026-11-24T12:00:00Z")),
        "prod",
        T0 + timedelta(hours=3),
    )

    assert (resolved.state, resolved.resolved_at) == ("resolved", T0 + timedelta(hours=1))
    assert [t.to_state for t in moved] == ["resolved"]
    assert again.state == "open"
    assert [(t.from_state, t.to_state) for t in reopened] == [("resolved", "open")]


def test_reconfirm_resolves_when_an_unmanaged_resource_becomes_managed():
    """An unmanaged finding whose resource now has an IaC owner is resolved."""
    record, _ = detect(None, finding(event("e1"), kind="unmanaged", addresses=()), "prod", T0)

    still, none = reconfirm(record, finding(event("e1"), kind="unmanaged", addresses=()), T0)
    managed, moved = reconfirm(
        record, finding(event("e1"), kind="unmanaged", addresses=("aws_sg.imported",)), T0
    )

    assert (still.state, none) == ("open", [])
    assert managed.state == "resolved"
    assert moved[0].reason == "now managed by aws_sg.imported"


def test_escalate_and_reapply_record_who_and_where():
    """Escalation and reapply are states of their own, with their details kept."""
    record, _ = detect(None, finding(event("e1")), "prod", T0)

    escalated, t1 = escalate(record, "oncall@example.com", "#sec-oncall", "public SSH", T0)
    reapplying, t2 = start_reapply(
        escalated, "dev@example.com", ["lead@example.com"], "webhook", T0
    )

    assert escalated.escalation is not None
    assert escalated.escalation["target"] == "#sec-oncall"
    assert reapplying.state == "reapplying"
    assert [t.to_state for t in (*t1, *t2)] == ["escalated", "reapplying"]
