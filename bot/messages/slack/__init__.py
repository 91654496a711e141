"""What the Slack app shows a person, as small functions returning Slack mrkdwn. Pure.

Their arguments are fragments that bot/slack/ or handlers/ have already escaped and formatted
(code spans, mentions, dates), so nothing here escapes again. By surface, as bot/slack/ is:
`card` (a finding wherever it is shown: the card, its audit replies, the approval request, the
escalation message), `views` (the modals and App Home), `replies` (the progress message, the
digest, the `/drift` replies and the grammar's problems), `answers` (what listeners answer a
click or a command: acks, refusals, errors; (message, hint) where the error has one). Here:
the labels and words every surface shares, and the limits' errors (programming errors).
"""

from __future__ import annotations


class Label:
    """Words shown as they are: buttons, modal titles, inputs and placeholders, and the
    stand-ins for what is missing (plain text, safe in mrkdwn too)."""

    ACCEPT = "Accept"
    REAPPLY = "Reapply"
    ESCALATE = "Escalate"
    APPROVE = "Approve"
    DENY = "Deny"
    RETRY = "Retry"
    CODIFY = "Codify"
    IAC_NOTE = "Update the IaC"
    IAC_NOTE_OPTION = "and open an issue/PR note to update the IaC"
    CANCEL = "Cancel"
    CLOSE = "Close"
    ACCEPT_TITLE = "Accept drift"
    REASON = "Why is this change intended?"
    REASON_EXAMPLE = "e.g. a hotfix; IaC catches up in PR #123"
    UNTIL = "Until"
    NO_EXPIRY = "No expiry"
    ESCALATE_TITLE = "Escalate drift"
    TARGET = "Escalate to"
    TARGET_PLACEHOLDER = "Choose a team or channel"
    NOTE = "Note"
    NOTE_PLACEHOLDER = "What should they know?"
    REAPPLY_TITLE = "Reapply IaC?"
    ASK_APPROVAL = "Ask for approval"
    APPROVE_TITLE = "Approve the reapply?"
    HOME_TITLE = "Drift"
    YES_KEEP = "Yes, keep it"
    NO_PUT_BACK = "No, put it back"
    NOT_ME = "Not me"
    NOTICE_TITLE = "driftbot"
    INTENDED_REASON = "I made this change on purpose: "
    UNRATED = "unrated"
    SOMEONE = "someone"
    SYSTEM = "driftbot"
    UNKNOWN_TIME = "unknown time"
    NONE = "none"
    NOT_AVAILABLE = "n/a"
    THIS_CHANNEL = "this channel"
    RUNBOOK_NOT_LOADED = "(not loaded)"
    RUNBOOK_TARGET = "the runbook's target"
    NO_ERROR = "no reason was recorded"
    NEW = "new"


def severity_label(name: str | None) -> str:
    """A severity, or `unrated`."""
    return name or Label.UNRATED


def more_findings(count: int, env: str) -> str:
    return f"+{count:,} more — see `/drift findings {env}`"


def no_environment(env: str) -> str:
    return f"No environment named `{env}`."


def plus_more(count: int) -> str:
    return f"+{count} more"


def and_more(count: int) -> str:
    return f"and {count} more"


def too_many_message_blocks(count: int, limit: int) -> str:
    """A message over Slack's blocks limit (a bug: long content is chunked or cut)."""
    return f"a message has {count} blocks; Slack allows {limit}"


def too_many_view_blocks(count: int, limit: int) -> str:
    return f"a view has {count} blocks; Slack allows {limit}"


def button_value_too_long(limit: int) -> str:
    return f"button value over {limit} characters"


def not_a_button_value(value: str) -> str:
    return f"not a driftbot button value: {value!r}"
