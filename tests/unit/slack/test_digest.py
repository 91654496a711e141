"""The daily digest and the back-to-clean notice in Slack (bot/slack/digest.py). Pure; no Slack."""

from __future__ import annotations

from datetime import timedelta

from bot.lifecycle.digest import Digest, DigestItem
from bot.slack import render_back_to_clean, render_digest
from tests.unit.slack.builders import T0, assert_within_limits, dump, in_state


def digest_item(i: int, note: str | None = None) -> DigestItem:
    return DigestItem(
        finding_id=f"f-{i:016x}",
        kind="modified",
        state="open",
        resource_type="AWS::S3::Bucket",
        resource_id=f"bucket-{i:05d}",
        region="us-east-1",
        severity="high",
        runbook="catch-all",
        first_seen=T0,
        age_hours=30.0,
        actor="alice",
        note=note,
    )


def test_digest_summary_gives_the_counts_and_mean_time_to_resolve():
    """One summary message: new, open, accepted, resolved and the mean time to resolve."""
    d = Digest(
        environment="prod",
        at=T0,
        since=T0 - timedelta(days=1),
        new=[digest_item(1)],
        open=[digest_item(1), digest_item(2)],
        accepted=[],
        resolved=[digest_item(3)],
        mean_time_to_resolve_hours=5.25,
    )

    summary, thread = render_digest(d)

    for part in ("New *1*", "Open *2*", "Accepted *0*", "Resolved *1*"):
        assert part in summary.text
    assert "Mean time to resolve *5.2 h*" in summary.text
    assert len(thread) == 1
    assert "*Still open (2)*" in dump(thread[0])


def test_clean_digest_has_no_breakdown():
    """A clean environment gets a short summary and no thread."""
    d = Digest(
        environment="prod",
        at=T0,
        since=None,
        new=[],
        open=[],
        accepted=[],
        resolved=[],
        mean_time_to_resolve_hours=None,
    )

    summary, thread = render_digest(d)

    assert thread == []
    assert "is clean" in summary.text


def test_digest_breakdown_is_chunked_within_limits():
    """1,500 items: several thread messages, each ≤ 50 blocks with sections ≤ 3,000 chars."""
    items = [digest_item(i, note="x" * 100) for i in range(1500)]
    d = Digest(
        environment="prod",
        at=T0,
        since=None,
        new=[],
        open=items,
        accepted=[],
        resolved=[],
        mean_time_to_resolve_hours=None,
    )

    _, thread = render_digest(d)

    assert len(thread) > 1
    for message in thread:
        assert_within_limits(message)
        assert len(dump(message)) <= 40_000
    assert sum(dump(m).count("bucket-") for m in thread) == 1500
    assert thread[0].text == f"Drift digest for prod, breakdown (part 1 of {len(thread)})"


def test_back_to_clean_names_the_last_resolved_resource():
    """The notice names the environment and the finding that resolved last."""
    msg = render_back_to_clean("prod", in_state("resolved"))

    assert msg.text.startswith("✨ *prod* is back to clean: the last open finding, ")
    assert "`sg-0a11b22c33d44e55f`" in msg.text


def test_back_to_clean_takes_the_resource_of_the_last_transition():
    """Given the resource (`TYPE ID`) instead of the record, it names that."""
    msg = render_back_to_clean("prod", "AWS::S3::Bucket logs")

    assert msg.text == (
        "✨ *prod* is back to clean: the last open finding, `AWS::S3::Bucket logs`, resolved."
    )
