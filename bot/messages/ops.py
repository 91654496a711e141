"""Running driftbot as a service: `drift listen`, `drift status realtime`, `drift iam-policy`,
and the LookupEvents reach warning. Errors return (message, hint); lines return a string."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.messages import Message


def no_realtime(path: str) -> Message:
    return (
        f"`{path}` has no `realtime:` block: there is no queue to listen to.",
        "Add `realtime: {sqs: {queue_url: …, region: …}}` (README: Real time), or run "
        "`drift worker` for scheduled checks only.",
    )


def realtime_counters(counters: Mapping[str, str]) -> str:
    """`drift status realtime`: the counters, one per line, in a fixed order."""
    order = (
        ("received", "messages received"),
        ("routed", "events routed to an environment"),
        ("changes", "changes kept"),
        ("findings", "findings updated"),
        ("duplicates", "events already stored (duplicate deliveries)"),
        ("deleted", "messages deleted"),
        ("failed", "failed tries (left on the queue)"),
        ("dead_lettered", "given up on their last receive (moved to the dead-letter queue)"),
        ("delete_failed", "deletes SQS refused (stored; a redelivery changes nothing)"),
    )
    lines = [f"  {counters.get(key, '0'):>8}  {label}" for key, label in order]
    for key in sorted(k for k in counters if k.startswith(("dropped:", "ignored:"))):
        kind, _, reason = key.partition(":")
        what = "dropped" if kind == "dropped" else "not a CloudTrail event"
        lines.append(f"  {counters[key]:>8}  {what}: {reason}")
    return "\n".join(lines)


def realtime_header(queue_url: str) -> str:
    return f"Real-time queue {queue_url}"


def realtime_last(event_time: str | None, stored_at: str | None) -> str:
    if not event_time:
        return "No event stored yet."
    return f"Newest event stored: eventTime {event_time}, stored at {stored_at or '?'}."


def queue_depth(which: str, waiting: int, in_flight: int) -> str:
    return f"{which}: {waiting} waiting, {in_flight} in flight."


def queue_unreadable(which: str, reason: str) -> str:
    return f"{which}: could not be read ({reason})."


def no_dead_letter_queue() -> str:
    return (
        "The queue has no redrive policy: a message that always fails stays on it. "
        "Give it a dead-letter queue (deploy/central.yaml)."
    )


def given_up_line(entry: Mapping[str, str]) -> str:
    return (
        f"  {entry.get('at', '?')}  {entry.get('message_id', '?')}  {entry.get('name', '?')}  "
        f"after {entry.get('receives', '?')} receives: {entry.get('reason', '?')}"
    )


def given_up_header(count: int) -> str:
    return f"Messages given up (newest first, {count} shown):"


def ignored_header(count: int) -> str:
    return f"Messages that were no CloudTrail event (newest first, {count} shown):"


def lookup_events_reach(days: int, env: str, others: Sequence[str]) -> str:
    names = ", ".join(f"`{o}`" for o in others)
    return (
        f"warning: --since reaches further back than LookupEvents keeps events ({days} days): "
        f"`{env}` reads only the last {days} days. For older events use a source that reads "
        f"the trail's log files: {names}."
    )


def policy_size(chars: int, limit: int) -> str:
    return (
        f"note: this policy is {chars} characters without spaces, more than a managed policy "
        f"may hold ({limit}); attach it as an inline policy or split its statements "
        f"(deploy/reader-role.yaml takes them in parts)."
    )
