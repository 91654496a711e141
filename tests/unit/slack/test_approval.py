"""The reapply approval request (bot/slack/approval.py): who is asked, what, and its
outcome. Pure; no Slack."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.lifecycle.approvals import approve, deny
from bot.slack import ActionId, render_approval_request
from tests.unit.slack.builders import T0, buttons, dump, record, request, runbook


def test_approval_request_asks_the_approver_groups():
    """Pending: the approver groups are mentioned, the requester named, and the buttons shown."""
    msg = render_approval_request(record(), request(), runbook())
    button_list = buttons(msg.blocks)

    assert "<!subteam^S0APPROVE>: <@U0ALICE01> asks to reapply IaC over a drift in *prod*" in (
        dump(msg)
    )
    assert "<!subteam^S0APPROVE>" in msg.text
    assert [b["action_id"] for b in button_list] == [ActionId.APPROVE, ActionId.DENY]
    assert {b["value"] for b in button_list} == {"prod|r-1"}


def test_approval_request_shows_what_where_how_many_and_until_when():
    """The resource, where, the IaC to reapply, the target, approvals given/needed, expiry."""
    pending = approve(request(needed=2), "U0BOB0001", {"S0APPROVE"}, T0)
    text = dump(render_approval_request(record(), pending, runbook()))

    for part in (
        "`sg-0a11b22c33d44e55f`",
        "account `111122223333`",
        "`us-east-1`",
        "`module.network.aws_security_group.web`",
        "webhook `ci.example.com`",
        "1 of 2: <@U0BOB0001>",
        "*Expires*",
        "|2026-11-23 13:00 UTC>",
        "The requester can't approve their own request.",
    ):
        assert part in text


@pytest.mark.parametrize("outcome", ["approved", "denied"])
def test_approval_buttons_disappear_once_decided(outcome):
    """Approved or denied: the outcome is shown and there are no buttons."""
    req = request(needed=1)
    decided = (approve if outcome == "approved" else deny)(req, "U0BOB0001", {"S0APPROVE"}, T0)
    msg = render_approval_request(record(), decided, runbook())

    assert buttons(msg.blocks) == []
    assert (
        "✅ *Approved* by <@U0BOB0001>"
        if outcome == "approved"
        else "🚫 *Turned down* by <@U0BOB0001>"
    ) in dump(msg)
    assert "<!subteam^" not in dump(msg)


def test_approval_request_past_expiry_shows_expired_without_buttons():
    """A pending request rendered after its expiry shows as expired, with no buttons."""
    msg = render_approval_request(record(), request(), runbook(), now=T0 + timedelta(hours=4))

    assert buttons(msg.blocks) == []
    assert "⌛ *Expired*" in dump(msg)
