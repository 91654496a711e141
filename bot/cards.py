"""Drift cards and the app's other Slack messages and views, as Block Kit dicts. Pure.

Built with `slack_sdk.models` (its validators check Slack's per-element limits), plus the
message-level limits the SDK does not check. Only `bot/adapters/slack.py` sends them.
"""

from __future__ import annotations

from enum import StrEnum


class ActionId(StrEnum):
    """The buttons; cards create them and `handlers.ROUTES` routes them."""

    ACCEPT = "drift.accept"
    REAPPLY = "drift.reapply"
    ESCALATE = "drift.escalate"
    APPROVE = "drift.approve"
    DENY = "drift.deny"


class ViewId(StrEnum):
    """The modals' callback ids."""

    ACCEPT = "drift.accept_modal"
    ESCALATE = "drift.escalate_modal"
