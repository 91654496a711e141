"""The escalation message (bot/slack/escalation.py): the owning group, and a link to the
card. Pure; no Slack."""

from __future__ import annotations

from bot.slack import render_escalation
from tests.unit.slack.builders import dump, record


def test_escalation_mentions_the_owning_group_and_links_the_card():
    """Posted to the escalation channel: the group mentioned, who escalated, the note, a link."""
    link = "https://acme.slack.com/archives/C1/p1?thread_ts=1&cid=C1"
    msg = render_escalation(record(), "S0SECURITY", "look at port 22", "U0ALICE01", link)
    text = dump(msg)

    assert msg.text.startswith("<!subteam^S0SECURITY> ")
    assert "<@U0ALICE01> escalated a drift in *prod* to <!subteam^S0SECURITY>." in text
    assert "> look at port 22" in text
    assert "<https://acme.slack.com/archives/C1/p1?thread_ts=1&amp;cid=C1|Open the drift card>" in (
        text
    )


def test_escalation_without_a_group_mentions_no_one():
    """No group to bring in: the message is for the channel, with no mention."""
    msg = render_escalation(record(), None, "", "U0ALICE01", None)

    assert msg.blocks[0]["text"]["text"] == (
        "<@U0ALICE01> escalated a drift in *prod* to this channel."
    )
    assert "<!subteam^" not in dump(msg)


def test_escalation_to_a_channel_mentions_the_runbook_group():
    """A channel target links the channel and mentions the given owning group."""
    msg = render_escalation(record(), "C0SECURITY", None, "U0ALICE01", None, "S0SECURITY")

    assert "<!subteam^S0SECURITY>: <@U0ALICE01> escalated a drift in *prod* to <#C0SECURITY>." in (
        dump(msg)
    )
