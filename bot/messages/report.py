"""The text report of `drift check`: its heading, a title per table, why a finding is not
confirmed, and the summary line. The tables' column headers stay with their renderer
(bot/drift/report.py): they label a format, as JSON keys do."""

from __future__ import annotations

from collections.abc import Mapping

KIND_TITLES = {
    "modified": "Modified: managed by IaC, changed by hand",
    "deleted": "Deleted: managed by IaC, deleted by hand",
    "unmanaged": "Unmanaged: no IaC state of this environment manages it",
}
KIND_ORDER = ("modified", "deleted", "unmanaged")


def heading(env: str, start: str, end: str) -> str:
    return f"drift check {env}: {start} → {end}"


def kind_title(kind: str, count: int) -> str:
    return f"{KIND_TITLES[kind]} ({count})"


def resolved_title(count: int) -> str:
    return f"Resolved: changed by hand, but the live resource matches IaC again ({count})"


def unknown_title(count: int) -> str:
    return f"Calls the catalog does not know ({count})"


def none_listed() -> str:
    return "(none)"


def not_confirmed(resource_id: str, reason: str) -> str:
    return f"{resource_id}: not confirmed: {reason}"


def stats(
    records: int,
    changes: int,
    skipped_files: int,
    unknown_events: int,
    unresolved: int = 0,
    aws_service: int = 0,
    api_calls: object = None,
    scanned_bytes: int | None = None,
    cost_usd: object = None,
) -> str:
    """What the check read: counts, and for Athena the calls, bytes scanned and their cost."""
    text = (
        f"{records:,} records, {changes:,} changes, {skipped_files} skipped files, "
        f"{unknown_events} unknown events, {unresolved} unresolved"
    )
    if aws_service:
        text += f", {aws_service:,} changes by AWS services"
    if api_calls:
        text += f", {api_calls} CloudTrail API calls"
    if scanned_bytes is not None:
        text += f", {scanned_bytes / 1e6:,.1f} MB scanned (~${cost_usd})"
    return text


def summary(env: str, drift: Mapping[str, int], resolved: int, stats: str) -> str:
    """The last line: no drift, or how many of each kind; `drift` counts by kind."""
    extra = f", {resolved} resolved" if resolved else ""
    parts = [f"{drift[k]} {k}" for k in KIND_ORDER if drift.get(k)]
    if not parts:
        return f"No drift in {env}{extra}. ({stats})"
    return f"Drift in {env}: {', '.join(parts)}{extra}. ({stats})"


# Records that could not be read as changes, and calls that named nothing (bot/drift/detector.py,
# bot/drift/report.py).


def malformed_example(call: str, event_id: str, what: str) -> str:
    return f"{call or 'a record'} {event_id or '(no eventID)'}: {what}"


def no_event_name() -> str:
    return "no eventName or eventSource"


def bad_event_time(raw: object) -> str:
    return "no eventTime" if raw is None else f"eventTime {raw!r} is not a time"


def not_an_object(key: str) -> str:
    return f"{key} is not a JSON object"


def malformed_records(count: int, examples: str) -> str:
    return f"{count} malformed records counted and skipped (not read as changes), e.g. {examples}"


def unresolved_title(count: int) -> str:
    return f"Known calls whose records name no resource the check could find ({count})"


def aws_service_title(count: int) -> str:
    return (
        f"Changes AWS services made on their own ({count}; not drift, "
        "`report_aws_service_changes: true` makes them findings)"
    )


def records_where() -> str:
    return "records"
