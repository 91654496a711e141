"""The replies to `/drift` commands (bot/slack/replies.py): help, usage, envs, findings and
history. Pure; no Slack."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config.drift import EnvSlack
from bot.slack import render_envs, render_findings_list, render_help, render_history, render_usage
from tests.unit.slack.builders import T0, assert_within_limits, dump, many_records


def test_help_lists_every_command():
    """`/drift help` names each command."""
    text = render_help().text

    for command in ("check ENV", "status", "findings ENV", "history ENV", "envs", "help"):
        assert f"/drift {command}" in text


def test_usage_escapes_what_was_typed():
    """The problem (which may quote the user's input) is escaped, then the usage follows."""
    msg = render_usage("Unknown command `<!channel>`.")

    assert msg.text.startswith("Unknown command `&lt;!channel&gt;`.\nUsage: `/drift ")


def test_usage_takes_a_problem_with_a_suggestion():
    """A parsed problem (problem and suggestion, as bot.slack.commands.Usage) is shown, escaped."""

    @dataclass
    class Usage:
        problem: str
        suggestion: str | None = None

    msg = render_usage(Usage("Unknown command `chek`.", "Did you mean `check`?"))

    assert msg.text.startswith("Unknown command `chek`. Did you mean `check`?\nUsage: ")


def test_envs_from_names_lists_them():
    """Given only names, /drift envs lists them."""
    assert render_envs(["staging", "prod"]).text == "*Environments* (2):\n• `prod`\n• `staging`"


def test_envs_lists_channels_and_approvers_without_pinging_them():
    """Each environment with its channel; approver groups as ids, never mentioned."""
    slack = EnvSlack(channel="C0PROD0001", approvers=["S0APPROVE"], protected=True, approvals=2)

    text = render_envs({"prod": slack, "dev": None}).text

    assert "• `prod` → <#C0PROD0001> · protected (2 approvers) · approvers `S0APPROVE`" in text
    assert "• `dev`: not set up for Slack" in text
    assert "<!subteam^" not in text


def test_findings_list_truncates_with_a_pointer():
    """Over 100 findings: the first 100, then a pointer to `drift findings ENV`."""
    msg = render_findings_list("prod", many_records(130), now=T0)

    assert_within_limits(msg)
    assert dump(msg).count("sg-0") == 100
    assert "+30 more — see `/drift findings prod`" in dump(msg)


def test_history_shows_checks_and_transitions():
    """Check entries and transitions, each with time, who and why."""
    entries = [
        {
            "type": "check",
            "at": "2026-11-23T09:00:00Z",
            "job_id": "j",
            "trigger": "slack",
            "requested_by": "U0ALICE01",
            "window_start": "2026-11-22T09:00:00Z",
            "window_end": "2026-11-23T09:00:00Z",
            "findings": "8",
            "changes": "10",
        },
        {
            "type": "transition",
            "at": "2026-11-23T09:05:00Z",
            "resource": "AWS::S3::Bucket logs",
            "from_state": "open",
            "to_state": "accepted",
            "actor": "U0ALICE01",
            "reason": "ok",
        },
    ]

    text = dump(render_history("prod", entries))

    assert "check <!date^" in text
    assert "8 findings, 10 changes (slack by <@U0ALICE01>)" in text
    assert "*open → accepted* `AWS::S3::Bucket logs` by <@U0ALICE01>: ok" in text
