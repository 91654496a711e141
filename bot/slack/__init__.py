"""Drift cards and the app's other Slack messages and views, as Block Kit dicts. Pure.

Built with `slack_sdk.models` (its validators check Slack's per-element limits), plus the
message-level limits the SDK does not check: at most 50 blocks a message and 100 a modal or Home
view, section text within 3,000 characters, and a top-level `text` fallback within 4,000 on every
message. Only `bot/shell/slack.py` sends them; the sentences come from `bot/messages/slack.py`.

Text hygiene: every AWS- or user-derived string (resource ids, actors, reasons, attribute values)
goes through `escape` and only into mrkdwn text, so nothing becomes a mention or a link by
accident. Mentions we mean are written on purpose (in `text.py`): a Slack user id (`U…`) of a
person who acted in Slack becomes `<@U…>`, a user group id (`S…`) `<!subteam^S…>`, a channel id
`<#C…>`. Times are `<!date^…>` tokens, shown in each reader's own time zone.

The package: `text` (escaping, clipping, mentions, times), `blocks` (limits, `Message`, shared
Block Kit helpers), `ids` (action/view/input ids, block ids, button values), `finding_text` (how a
finding reads anywhere), then one module per surface: `card`, `modals`, `approval`, `escalation`,
`progress`, `digest`, `home`, `replies`. Import from `bot.slack`: `__all__` is what the app's
other rooms use (the renders, the wire ids, `Message`); the rest stays in the modules.
"""

from bot.slack.approval import render_approval_request
from bot.slack.blocks import Message
from bot.slack.card import CardMessage, render_audit, render_card
from bot.slack.digest import render_back_to_clean, render_digest
from bot.slack.escalation import render_escalation
from bot.slack.home import render_home
from bot.slack.ids import ActionId, InputId, ViewId, parse_button_value
from bot.slack.modals import render_accept_modal, render_escalate_modal
from bot.slack.progress import render_progress, render_status
from bot.slack.replies import (
    render_envs,
    render_findings_list,
    render_help,
    render_history,
    render_usage,
)

__all__ = [
    "ActionId",
    "CardMessage",
    "InputId",
    "Message",
    "ViewId",
    "parse_button_value",
    "render_accept_modal",
    "render_approval_request",
    "render_audit",
    "render_back_to_clean",
    "render_card",
    "render_digest",
    "render_envs",
    "render_escalate_modal",
    "render_escalation",
    "render_findings_list",
    "render_help",
    "render_history",
    "render_home",
    "render_progress",
    "render_status",
    "render_usage",
]
