"""The card's reapply run, links, import block and the Retry and Codify buttons."""

from __future__ import annotations

from datetime import timedelta

from bot.lifecycle.external import ExternalLink, ReapplyRun, RunStatus
from bot.lifecycle.runs import run_dispatched, run_failed, run_updated
from bot.policy.runbook import Runbook
from bot.slack import render_card
from bot.slack.runs import reapply_target_text
from tests.unit.slack.builders import (
    T0,
    action_ids,
    assert_within_limits,
    dump,
    finding,
    record,
    runbook,
    texts,
)


def github_runbook() -> Runbook:
    return Runbook.model_validate(
        {
            "name": "sg-open-to-internet",
            "description": "A security group was opened to the internet",
            "severity": "critical",
            "when": {},
            "fix": {
                "reapply": {
                    "github_actions": {
                        "repo": "acme/infra",
                        "workflow": "drift-reapply.yml",
                        "token_env": "DRIFT_GITHUB_TOKEN",
                    }
                }
            },
        }
    )


def a_run(status="queued") -> ReapplyRun:
    return ReapplyRun(
        target="github_actions",
        request_id="r-1",
        status=status,
        run_id="42",
        url="https://github.example/acme/infra/actions/runs/42",
        requested_by="U0ALICE01",
        approved_by=["U0BOB0001", "U0CAROL01"],
        started_at=T0,
        updated_at=T0,
    )


def run_text(message) -> str:
    return next(t for t in texts(message.blocks) if "Reapply run" in t)


def test_the_run_line_follows_queued_running_succeeded_with_the_link():
    r, _ = run_dispatched(record(), a_run(), "GitHub Actions", T0)
    lines = [run_text(render_card(r, github_runbook()))]
    steps: list[tuple[RunStatus, str]] = [("running", "in_progress"), ("succeeded", "success")]
    for status, detail in steps:
        r, _ = run_updated(r, status, detail, None, T0 + timedelta(minutes=1))
        lines.append(run_text(render_card(r, github_runbook())))

    assert "*queued*" in lines[0]
    assert "<https://github.example/acme/infra/actions/runs/42|42>" in lines[0]
    assert "*running* (in_progress)" in lines[1]
    assert "succeeded" in lines[2]


def test_a_failed_run_names_who_asked_and_approved_and_offers_retry():
    r, _ = run_dispatched(record(), a_run(), "GitHub Actions", T0)
    r, _ = run_failed(r, "it ended `failure`", "Look at the run.", T0)

    card = render_card(r, github_runbook())
    line = run_text(card)

    assert "*failed*" in line
    assert "<@U0ALICE01>" in line
    assert "<@U0BOB0001>, <@U0CAROL01>" in line
    assert "Look at the run." in line
    assert "drift.retry" in action_ids(card)
    assert "drift.reapply" not in action_ids(card)
    assert_within_limits(card)


def test_an_unmanaged_card_shows_the_import_block_and_codify_when_set_up():
    r = record(finding(kind="unmanaged", addresses=[]))

    without = render_card(r, runbook())
    card = render_card(r, runbook(), codify=True)

    assert (
        "```import {\n  to = aws_security_group.sg_0a11b22c33d44e55f\n"
        '  id = "sg-0a11b22c33d44e55f"\n}\n```'
        in dump(card).replace("\\n", "\n").replace('\\"', '"')
    )
    assert "drift.codify" in action_ids(card)
    assert "drift.codify" not in action_ids(without)
    modified = render_card(record(), runbook(), codify=True)
    assert "drift.codify" not in action_ids(modified)
    assert "import {" not in dump(modified)


def test_an_open_codify_pull_request_takes_the_button_away_and_is_linked():
    r = record(finding(kind="unmanaged", addresses=[]))
    link = ExternalLink(
        kind="codify",
        target="github",
        key="#7",
        url="https://github.example/acme/infra/pull/7",
        by="U1",
        at=T0,
    )
    r = r.model_copy(update={"links": [link]})

    card = render_card(r, runbook(), codify=True)

    assert "drift.codify" not in action_ids(card)
    assert "Codify pull request <https://github.example/acme/infra/pull/7|#7>" in dump(card)


def test_the_approval_names_each_target():
    reapply = github_runbook().fix.reapply
    assert reapply is not None

    assert (
        reapply_target_text(reapply)
        == "GitHub Actions `drift-reapply.yml` in `acme/infra` on `main`"
    )
