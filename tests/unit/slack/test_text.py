"""Text hygiene (bot/slack/text.py): AWS- and user-derived strings render inert, mentions only
where meant, code spans that cannot be broken out of. Pure; no Slack."""

from __future__ import annotations

from bot.drift.findings import AttributeChange
from bot.lifecycle.transitions import accept, detect, escalate
from bot.slack import render_audit, render_card, render_escalation
from bot.slack.text import escape
from tests.unit.slack.builders import EVIL, RAW_TOKENS, T0, dump, event, finding, record, runbook


def test_escape_replaces_only_ampersand_and_angle_brackets():
    """Slack's three escapes, nothing else."""
    assert escape("a & <b> 'c' \"d\"") == "a &amp; &lt;b&gt; 'c' \"d\""


def test_mentions_in_aws_strings_render_inert():
    """A resource id, actor, reason and attribute value holding mentions or links stay text."""
    change = AttributeChange(path=f"tags.{EVIL}", expected=EVIL, actual="<!here>")
    f = finding(
        rid=f"sg-{EVIL}",
        events=[event(0, actor=EVIL)],
        confirmed=None,
        reason=f"why {EVIL}",
        addresses=[f"aws_x.{EVIL}"],
        changes=[change],
    )
    card = render_card(record(f), runbook())
    out = dump(card) + "".join(card.thread_overflow)

    for token in RAW_TOKENS:
        assert token not in out
    assert "&lt;!channel&gt;" in out


def test_mentions_in_user_reasons_render_inert():
    """An acceptance reason, escalation note and audit reason holding mentions stay text."""
    r, made = accept(record(), "U0ALICE01", EVIL, None, T0)
    esc = render_escalation(record(), "S0SECURITY", EVIL, "U0ALICE01", None)
    out = dump(render_card(r, runbook())) + render_audit(made[0]) + dump(esc)

    for token in RAW_TOKENS:
        assert token not in out


def test_aws_actor_that_looks_like_a_slack_id_is_not_mentioned():
    """Only people who acted in Slack are mentioned; an AWS actor is always plain text."""
    _, made = detect(None, finding(events=[event(0, actor="U0ADMIN99")]), "prod", T0)

    assert "<@U0ADMIN99>" not in render_audit(made[0])
    assert "<@U0ADMIN99>" not in dump(
        render_card(record(finding(events=[event(0, "U0ADMIN99")])), runbook())
    )


def test_references_stored_by_handlers_are_kept():
    """`<@U…>`, `<#C…>` and `<!subteam^S…>` stored as actor or target stay references."""
    r, _ = escalate(record(), "<@U0ALICE01>", "<#C0SECURITY> <!subteam^S0SECURITY>", "", T0)

    assert "to <#C0SECURITY> <!subteam^S0SECURITY> by <@U0ALICE01>" in dump(
        render_card(r, runbook())
    )


def test_broadcasts_stored_as_actor_are_still_escaped():
    """Only user, channel and group references are kept: a stored `<!channel>` stays text."""
    r, made = accept(record(), "<!channel> <@U0ALICE01>", "ok", None, T0)
    out = dump(render_card(r, runbook())) + render_audit(made[0])

    assert "<!channel>" not in out
    assert "&lt;!channel&gt; &lt;@U0ALICE01&gt;" in out


def test_backticks_in_values_cannot_break_out_of_code():
    """A backtick in an AWS string is replaced inside a code span."""
    f = finding(rid="sg-`*bold*`")

    assert "`sg-'*bold*'`" in dump(render_card(record(f), runbook()))
