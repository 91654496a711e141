"""The lifecycle's words: why a finding moved (the reason each transition records, which the
audit thread, `/drift history` and `drift history` show), why a move is refused, and the daily
digest as a terminal prints it. Pure; plain text (the Slack app escapes what it shows)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

DIGEST_SECTIONS = {
    "new": "New",
    "open": "Still open",
    "accepted": "Accepted",
    "resolved": "Resolved",
}


def already_resolved() -> str:
    """A refusal clause: its callers frame it ("Can't accept X: it is already resolved.")."""
    return "it is already resolved"


def expiry_in_past(until: datetime) -> str:
    """A refusal clause, as `already_resolved`."""
    return f"the expiry {until:%Y-%m-%d %H:%M} UTC is in the past"


def detected(kind: str, event: str | None, actor: str = "", via: str = "") -> str:
    """Why a finding opened: its kind and its last event (None: it has none)."""
    what = f"{event} by {actor} via {via}" if event is not None else "detected"
    return f"{kind}: {what}"


def reopened(was_accepted: bool, detected: str) -> str:
    why = "new change while accepted" if was_accepted else "changed again"
    return f"{why}: {detected}"


def matches_iac_again() -> str:
    return "the live resource matches IaC again"


def now_managed(addresses: Sequence[str]) -> str:
    return f"now managed by {', '.join(addresses)}"


def acceptance_expired(by: str, reason: str) -> str:
    return f"acceptance by {by} expired ({reason})"


def accepted(reason: str, until: datetime | None) -> str:
    return reason + (f" (until {until:%Y-%m-%d %H:%M} UTC)" if until else "")


def escalated(target: str, note: str) -> str:
    return f"escalated to {target}" + (f": {note}" if note else "")


def reapplying(target: str, approvers: Sequence[str]) -> str:
    return f"reapply via {target}, approved by {', '.join(approvers)}"


def reapply_failed(error: str) -> str:
    return f"the reapply run failed: {error}"


def still_drifted_after(target: str) -> str:
    return (
        f"the {target} run succeeded, but the live resource still differs from IaC"
        if target
        else "the reapply run succeeded, but the live resource still differs from IaC"
    )


def already_reapplying() -> str:
    """A refusal clause, as `already_resolved`."""
    return "it is already being reapplied"


def reapply_timed_out(hours: float) -> str:
    """A reapply run's error when its finding was not resolved in time."""
    return f"the resource was not back in line with IaC {hours:g} h after the reapply started"


def reapply_timed_out_reason(hours: float, requester: str) -> str:
    """Why a reapplying finding is open again (`requester`: who asked for the reapply)."""
    by = f" (asked by {requester})" if requester else ""
    return f"not resolved {hours:g} h after the reapply started{by}: open again"


def accepted_note(by: str, reason: str, until: datetime | None) -> str:
    """An accepted finding's note in the digest."""
    return f"{by}: {reason}" + (f" (until {until:%Y-%m-%d})" if until else "")


def digest_section_title(name: str) -> str:
    """The title of a digest's section (`new`, `open`, `accepted`, `resolved`)."""
    return DIGEST_SECTIONS[name]


def digest_heading(env: str, at: datetime, since: datetime | None) -> str:
    window = f"since {since:%Y-%m-%d %H:%M} UTC" if since else "so far"
    return f"Drift digest for {env}, {at:%Y-%m-%d %H:%M} UTC ({window})"


def digest_counts(new: int, open_: int, accepted: int, resolved: int, mttr: float | None) -> str:
    hours = f"{mttr} h" if mttr is not None else "-"
    return (
        f"  new: {new}  open: {open_}  accepted: {accepted}  "
        f"resolved: {resolved}  mean time to resolve: {hours}"
    )


def digest_line(
    severity: str | None,
    kind: str,
    resource: str,
    region: str,
    age_hours: float,
    note: str | None,
) -> str:
    sev = f"[{severity}] " if severity else ""
    extra = f" — {note}" if note else ""
    return f"  {sev}{kind} {resource} ({region}), {age_hours} h old{extra}"


def digest_all_clean() -> str:
    return "All clean."
