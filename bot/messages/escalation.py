"""What driftbot writes into the alerts and tickets it makes: summaries, descriptions, comments
and details (plain text and Markdown, not Slack mrkdwn), and the thread replies about them.
Pure."""

from __future__ import annotations

from collections.abc import Sequence


def summary(
    env: str,
    resource_type: str,
    resource_id: str,
    kind: str,
    actor: str,
    event: str,
    region: str,
    paths: Sequence[str],
) -> str:
    """One line: what changed (the attributes that differ, a few), where, by whom."""
    what = {"deleted": "deleted", "unmanaged": "created outside IaC"}.get(kind, "changed")
    differs = f"; differs from IaC: {', '.join(paths[:3])}" if paths else ""
    more = f" and {len(paths) - 3} more" if len(paths) > 3 else ""
    return (
        f"Drift in {env}: {resource_type} {resource_id} {what} by {actor} "
        f"({event}, {region}){differs}{more}"
    )


def change_line(path: str, expected: object, actual: object) -> str:
    return f"{path}: {expected!s} → {actual!s}"


def more_changes(count: int) -> str:
    return f"… and {count} more"


def card_link_text() -> str:
    return "Drift card in Slack"


def description(
    env: str,
    resource_type: str,
    resource_id: str,
    account: str,
    region: str,
    kind: str,
    event: str,
    actor: str,
    at: str,
    addresses: Sequence[str],
    finding_id: str,
    by: str,
    note: str,
    card_url: str,
    diff: Sequence[str],
) -> str:
    """A Markdown description: what changed, who, where, the diff lines, the note, the card."""
    lines = [
        f"`{resource_type}` `{resource_id}` in `{env}` (account {account}, {region}): {kind}.",
        f"Last change: {event} by {actor} at {at}.",
        "IaC: " + (", ".join(f"`{a}`" for a in addresses) or "none (unmanaged)"),
        f"Finding: `{finding_id}`. Escalated by {by}.",
    ]
    if diff:
        lines += ["", "Differences (IaC → live):", *[f"- `{d}`" for d in diff]]
    if note:
        lines += ["", f"Note: {note}"]
    if card_url:
        lines += ["", f"Drift card: {card_url}"]
    return "\n".join(lines)


def again(by: str, note: str, state: str) -> str:
    """The comment of a second escalation on an existing ticket."""
    return f"Escalated again by {by} (the finding is {state})." + (f" Note: {note}" if note else "")


def accepted_comment(by: str, reason: str) -> str:
    return f"The drift was accepted by {by}: {reason}. driftbot closes this."


def resolved_comment(reason: str | None) -> str:
    why = reason or "the live resource matches IaC again"
    return f"The drift is resolved: {why}. driftbot closes this."


def issue_title(resource_type: str, resource_id: str, env: str) -> str:
    return f"Drift: {resource_type} {resource_id} ({env})"


# Thread replies.


def escalated_to(target: str, key: str, url: str | None) -> str:
    shown = f"<{url}|{key}>" if url else f"`{key}`"
    return f"📣 Escalated to {target}: {shown}."


def commented_on(target: str, key: str, url: str | None) -> str:
    shown = f"<{url}|{key}>" if url else f"`{key}`"
    return f"📣 Escalated again: commented on {target} {shown}."


def escalation_failed(target: str, error: str, hint: str, by: str) -> str:
    who = f"<@{by}>" if by.startswith(("U", "W")) else "driftbot"
    return f"❌ Escalation to {target} failed: {error} {hint}".strip() + f" (asked by {who})"


def closed(target: str, key: str, resolved: bool) -> str:
    what = "resolved" if resolved else "commented on"
    return f"🔕 {target} `{key}` {what}: the finding no longer needs it."


def auto_note(after: str) -> str:
    return (
        f"Escalated automatically: this critical finding was open for {after} with nobody "
        "acting on it."
    )
