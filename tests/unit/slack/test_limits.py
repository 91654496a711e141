"""Slack's limits: a huge finding, a huge diff and giant values still fit, and every message has
a fallback text. Pure; no Slack."""

from __future__ import annotations

from datetime import timedelta

from bot.drift.findings import AttributeChange, Finding
from bot.lifecycle.digest import build_digest
from bot.slack import (
    Message,
    render_approval_request,
    render_back_to_clean,
    render_card,
    render_digest,
    render_envs,
    render_escalation,
    render_findings_list,
    render_help,
    render_history,
    render_progress,
    render_status,
    render_usage,
)
from bot.slack.card import DIFF_ON_CARD
from tests.unit.slack.builders import (
    T0,
    assert_within_limits,
    dump,
    event,
    finding,
    in_state,
    record,
    request,
    runbook,
)


def huge_finding(value_size: int = 40) -> Finding:
    changes = [
        AttributeChange(
            path=f"ingress[{i}].cidr_blocks", expected=["x" * value_size], actual=[f"10.{i}.0.0/16"]
        )
        for i in range(200)
    ]
    events = [event(i, actor=f"user{i % 7}") for i in range(300)]
    return finding(events=events, changes=changes)


def test_huge_finding_stays_within_slack_limits():
    """200 changes and 300 events: ≤ 50 blocks, sections ≤ 3,000 characters, a text."""
    card = render_card(record(huge_finding()), runbook())

    assert_within_limits(card)
    assert "+299 earlier changes" in dump(card)


def test_huge_diff_continues_in_the_thread():
    """The first changes are on the card; every other one is in thread_overflow, in order."""
    card = render_card(record(huge_finding()), runbook())
    on_card = dump(card).count("ingress[")
    as_json = [t for t in card.thread_overflow if t.startswith("*Diff of")]
    in_thread = "\n".join(as_json)

    assert on_card == DIFF_ON_CARD  # in words: `+ ingress[0].cidr_blocks 10.0.0.0/16`
    assert "_+395 more in the thread_" in dump(card)  # two lines (+ and -) per change
    assert all(len(t) <= 3000 for t in card.thread_overflow)
    assert in_thread.count("ingress[") == 200  # every change, as JSON
    assert in_thread.index("ingress[5]") < in_thread.index("ingress[199]")
    assert as_json[0].startswith("*Diff of `sg-0a11b22c33d44e55f` as JSON* (1 to")


def test_giant_attribute_values_are_cut_to_fit():
    """Values of 50,000 characters (worst case for escaping) are cut; limits still hold."""
    change = AttributeChange(path="policy", expected="&" * 50_000, actual="<" * 50_000)
    card = render_card(record(finding(changes=[change] * 12)), runbook())

    assert_within_limits(card)
    assert all(len(t) <= 3000 for t in card.thread_overflow)
    assert len(card.thread_overflow) >= 1


def every_message() -> list[Message]:
    r = record()
    req = request()
    digest = build_digest("prod", [r], None, T0 + timedelta(hours=1))
    summary, thread = render_digest(digest)
    return [
        render_card(r, runbook()),
        render_approval_request(r, req, runbook()),
        render_escalation(
            r, "S0SECURITY", "note", "U0ALICE01", "https://x.slack.com/archives/C1/p1"
        ),
        render_progress("prod", "job-1", "queued", None, None, None),
        summary,
        *thread,
        render_back_to_clean("prod", in_state("resolved")),
        render_help(),
        render_usage("Unknown command `chek`."),
        render_envs({"prod": None}),
        render_findings_list("prod", [r]),
        render_history("prod", []),
        render_status("job-9", None),
    ]


def test_every_message_has_a_fallback_text():
    """Every message carries a non-empty top-level text within 4,000 characters."""
    for message in every_message():
        assert_within_limits(message)
