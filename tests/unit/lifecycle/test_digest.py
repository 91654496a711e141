"""The digest's data from stored findings (build_digest), with time passed in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.drift.findings import EventSummary, Finding
from bot.lifecycle.digest import build_digest, render_digest_text
from bot.lifecycle.transitions import accept, detect

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def finding(rid: str, confirmed: bool = True) -> Finding:
    event = EventSummary(
        event_id=f"e-{rid}",
        event_name="PutBucketPolicy",
        event_time="2026-11-20T08:00:00Z",
        actor="alice",
        role=None,
        via="cli",
        source_ip="198.51.100.34",
    )
    return Finding(
        kind="modified",
        resource_type="AWS::S3::Bucket",
        resource_id=rid,
        account_id="111122223333",
        region="us-east-1",
        addresses=[f"b.{rid}"],
        events=[event],
        confirmed=confirmed,
        severity="critical",
        runbook="s3-public-or-unencrypted",
    )


def test_new_open_accepted_resolved_and_mean_time_to_resolve():
    """Each list and the mean time to resolve of what was resolved since the last digest."""
    old, _ = detect(None, finding("old"), "prod", T0)
    fixed, _ = detect(None, finding("fixed"), "prod", T0)
    fixed, _ = detect(fixed, finding("fixed", confirmed=False), "prod", T0 + timedelta(hours=6))
    fresh, _ = detect(None, finding("fresh"), "prod", T0 + timedelta(days=1, hours=2))
    okayed, _ = detect(None, finding("okayed"), "prod", T0)
    okayed, _ = accept(okayed, "lead", "migration", None, T0 + timedelta(hours=1))
    since = T0 + timedelta(hours=3)
    now = T0 + timedelta(days=1, hours=3)

    d = build_digest("prod", [old, fixed, fresh, okayed], since, now)

    assert [i.resource_id for i in d.new] == ["fresh"]
    # Ages count from the change (both at 08:00 the first day), not from detection; the
    # oldest change first, then by resource.
    assert [i.resource_id for i in d.open] == ["fresh", "old"]
    assert [i.new for i in d.open] == [True, False]
    assert d.open[0].age_hours == 28.0
    assert [(i.resource_id, i.note) for i in d.accepted] == [("okayed", "lead: migration")]
    assert [i.resource_id for i in d.resolved] == ["fixed"]
    assert d.mean_time_to_resolve_hours == 6.0
    assert not d.is_clean


def test_a_clean_environment_says_so():
    """Nothing new, open or resolved since the last digest: clean."""
    done, _ = detect(None, finding("x"), "prod", T0)
    done, _ = detect(done, finding("x", confirmed=False), "prod", T0 + timedelta(hours=1))

    d = build_digest("prod", [done], T0 + timedelta(hours=2), T0 + timedelta(days=1))

    assert d.is_clean
    assert render_digest_text(d).rstrip().endswith("All clean.")
