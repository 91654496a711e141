"""A reapply run's moves on the finding (dispatched, polled, failed, succeeded, still drifted)
and the links a finding carries, as pure functions."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.errors import InvalidTransition
from bot.lifecycle.external import ExternalLink, ReapplyRun
from bot.lifecycle.runs import (
    add_link,
    close_links,
    dispatch_failed,
    link_of,
    run_dispatched,
    run_failed,
    run_succeeded,
    run_updated,
    still_drifted,
)
from tests.unit.slack.builders import T0, in_state, record

LATER = T0 + timedelta(minutes=5)


def run(status="queued") -> ReapplyRun:
    return ReapplyRun(
        target="github_actions",
        request_id="r-1",
        status=status,
        run_id="42",
        url="https://github.example/acme/infra/actions/runs/42",
        requested_by="U0ALICE01",
        approved_by=["U0BOB0001"],
        started_at=T0,
        updated_at=T0,
    )


def test_a_dispatched_run_moves_the_finding_to_reapplying_with_the_run():
    after, made = run_dispatched(record(), run(), "GitHub Actions", T0)

    assert after.state == "reapplying"
    assert after.run == run()
    assert [(t.from_state, t.to_state, t.actor) for t in made] == [
        ("open", "reapplying", "U0ALICE01")
    ]
    assert after.reapply == {
        "by": "U0ALICE01",
        "approvers": "U0BOB0001",
        "target": "GitHub Actions",
        "at": T0.isoformat(),
    }


def test_a_resolved_finding_cannot_be_dispatched():
    with pytest.raises(InvalidTransition):
        run_dispatched(in_state("resolved"), run(), "GitHub Actions", T0)


def test_polls_write_only_what_changed():
    dispatched, _ = run_dispatched(record(), run(), "x", T0)

    same, made = run_updated(dispatched, "queued", None, None, LATER)
    running, _ = run_updated(dispatched, "running", "in_progress", None, LATER)

    assert (same, made) == (dispatched, [])
    assert running.version == dispatched.version + 1
    assert running.run is not None
    assert (running.run.status, running.run.detail, running.run.updated_at) == (
        "running",
        "in_progress",
        LATER,
    )


def test_a_failed_run_reopens_the_finding_and_keeps_the_run_and_why():
    dispatched, _ = run_dispatched(record(), run(), "x", T0)

    failed, made = run_failed(dispatched, "it ended `failure`", "press Retry", LATER, "failure")

    assert failed.state == "open"
    assert failed.run is not None
    assert (failed.run.status, failed.run.error, failed.run.hint) == (
        "failed",
        "it ended `failure`",
        "press Retry",
    )
    assert [(t.from_state, t.to_state) for t in made] == [("reapplying", "open")]
    assert run_failed(failed, "again", None, LATER) == (failed, [])


def test_a_refused_dispatch_leaves_the_finding_open_with_the_failure():
    after, made = dispatch_failed(record(), run("dispatching"), "403", "give the token", LATER)

    assert (after.state, made) == ("open", [])
    assert after.run is not None
    assert after.run.status == "failed"


def test_success_waits_for_the_resource_then_still_drifted_reopens():
    dispatched, _ = run_dispatched(record(), run(), "x", T0)

    done, _ = run_succeeded(dispatched, "success", None, LATER)
    reopened, made = still_drifted(done, LATER)

    assert done.state == "reapplying"
    assert done.run is not None
    assert done.run.status == "succeeded"
    assert reopened.state == "open"
    assert "still differs from IaC" in made[0].reason


def test_links_one_per_kind_and_target_replaced_and_closed():
    r = record()
    first = ExternalLink(kind="jira", target="jira", key="OPS-1", url="u", by="U1", at=T0)
    second = first.model_copy(update={"key": "OPS-2"})

    one, _ = add_link(r, first)
    same, made = add_link(one, first)
    two, _ = add_link(one, second)
    closed, _ = close_links(two, [("jira", "jira")])

    assert (same, made) == (one, [])
    assert [k.key for k in two.links] == ["OPS-2"]
    assert link_of(closed, "jira", "jira") == second.model_copy(update={"state": "closed"})
    assert close_links(closed, [("jira", "jira")]) == (closed, [])
