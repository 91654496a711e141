"""The Accept and Escalate modals, and App Home."""

from __future__ import annotations


def accept_intro(resource: str, env: str) -> str:
    return (
        f"Accept the drift on {resource} in *{env}* as intended. It stays quiet until the "
        "expiry or the next change to the resource."
    )


def accept_until_hint() -> str:
    return "Leave empty for no expiry. The finding reopens after this day (UTC)."


def escalate_intro(resource: str, env: str) -> str:
    return f"Bring in the owners of {resource} in *{env}*. They get a message with a link here."


def no_escalation_targets(env: str) -> str:
    return (
        f"No escalation target is set up for *{env}*. Add `fix.escalate` to the runbook, or "
        f"`escalation_channel` to the environment's `slack:` block in drift.yml."
    )


def home_intro(when: str) -> str:
    return (
        f"Drift in the environments you can see: open, being reapplied, escalated and "
        f"accepted, with pending reapply requests. Updated {when}."
    )


def home_nothing_visible() -> str:
    return (
        "You can't see any environment yet. Ask an admin to add you (or your user group) to "
        "an environment's `slack.check` in drift.yml."
    )


def home_env_clean(env: str) -> str:
    return f"✨ No open drift in *{env}*."


def home_finding(
    emoji: str,
    severity: str,
    what: str,
    resource: str,
    region: str,
    last_actor: str | None,
    age: str,
) -> str:
    by = f" · by {last_actor}" if last_actor else ""
    return f"{emoji} *{severity}* {resource} {what} ({region}){by} · {age} ago"


def home_env_title(env: str, count: int) -> str:
    return f"{env} · {count} not resolved"
