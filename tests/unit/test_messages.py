"""bot/messages: every function returns a sentence or a (message, hint); and a sentence is
never a state flag (the text report knows `confirm` was off from the report, not from the
words of a finding's reason)."""

from __future__ import annotations

import ast
from pathlib import Path

import orjson
import pytest

from bot.drift.findings import EventSummary, Finding, Report, Stats, Window
from bot.drift.report import render_json, render_text
from bot.messages import cli as say_cli
from bot.messages import confirm as say_confirm

MESSAGES = Path(__file__).resolve().parents[2] / "bot" / "messages"
MODULES = sorted(MESSAGES.glob("*.py"))


def _functions(path: Path) -> list[ast.FunctionDef]:
    tree = ast.parse(path.read_text())
    return [n for n in tree.body if isinstance(n, ast.FunctionDef)]


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_a_message_is_a_string_or_a_message_and_hint(path):
    """`-> str` (one sentence) or `-> Message` ((message, hint), for an error)."""
    wrong = [
        f.name
        for f in _functions(path)
        if not f.name.startswith("_")
        and ast.unparse(f.returns or ast.Constant(None)) not in ("str", "Message")
    ]

    assert wrong == []


def finding(reason: str | None, confirmed: bool | None = None) -> Finding:
    event = EventSummary(
        event_id="e1",
        event_name="AuthorizeSecurityGroupIngress",
        event_time="2026-11-23T09:14:09Z",
        actor="dev@example.com",
        role=None,
        via="console",
        source_ip="203.0.113.7",
    )
    return Finding(
        kind="modified",
        resource_type="AWS::EC2::SecurityGroup",
        resource_id="sg-1",
        account_id="111122223333",
        region="us-east-1",
        addresses=["aws_security_group.web"],
        events=[event],
        confirmed=confirmed,
        reason=reason,
    )


def report(findings: list[Finding], read_live: bool) -> Report:
    return Report(
        environment="prod",
        window=Window(start="2026-11-23T00:00:00Z", end="2026-11-24T00:00:00Z"),
        findings=findings,
        stats=Stats(records=10, changes=1, skipped_files=0, unknown_events=0),
        read_live=read_live,
    )


def test_the_text_report_repeats_no_reason_when_confirm_was_off():
    """Off: every finding's reason is confirm_off(), and the table does not repeat it."""
    text = render_text(report([finding(say_confirm.confirm_off())], read_live=False))

    assert "not confirmed" not in text
    assert say_confirm.confirm_off() not in text


def test_the_text_report_says_why_a_live_read_decided_nothing():
    """On: a finding that could not be told shows its reason under the table."""
    reason = say_confirm.not_in_cloud_control("AWS::EC2::Image")

    text = render_text(report([finding(reason)], read_live=True))

    assert f"    sg-1: not confirmed: {reason}" in text.splitlines()


def test_the_flag_is_not_in_the_json_contract():
    """`read_live` stays out of `drift check --format json`: the same bytes either way."""
    off = report([finding(say_confirm.confirm_off())], read_live=False)
    on = report([finding(say_confirm.confirm_off())], read_live=True)

    assert "read_live" not in orjson.loads(render_json(off))
    assert render_json(off) == render_json(on)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("No config file.", "drift: error: No config file."),
        (
            "No config file.\nPass --config FILE.",
            "drift: error: No config file.\nPass --config FILE.",
        ),
    ],
)
def test_a_cli_error_names_the_program_on_its_first_line(text, shown):
    assert say_cli.error(text) == shown
