"""An SQS message's body as EventBridge writes it: the event's envelope with the CloudTrail
record under `detail` (REALTIME.md §1). Pure.

Anything else (not JSON, JSON that is no EventBridge event, an EventBridge event that is not
CloudTrail's) is named by what it is, for the log and the counters, and deleted by the
consumer: no later delivery would make it a CloudTrail event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import orjson

CLOUDTRAIL_DETAIL = "via CloudTrail"  # AWS API Call / Console Action / Service Event via CloudTrail
NotCloudTrail = Literal["not_json", "not_eventbridge", "not_cloudtrail"]


@dataclass(frozen=True, slots=True)
class Envelope:
    """One message: its CloudTrail record, or why there is none (`problem`), and its name."""

    record: dict[str, Any] | None
    problem: NotCloudTrail | None
    name: str  # what the log and `drift status realtime` call it
    event_id: str = ""
    event_time: str = ""


def parse_body(body: str | bytes) -> Envelope:
    """The CloudTrail record in an SQS message body, or why it is not one."""
    try:
        doc = orjson.loads(body)
    except orjson.JSONDecodeError:
        return Envelope(None, "not_json", "a body that is not JSON")
    if not isinstance(doc, dict) or "detail-type" not in doc or "detail" not in doc:
        kind = type(doc).__name__
        return Envelope(None, "not_eventbridge", f"JSON {kind} without detail-type and detail")
    detail_type = str(doc.get("detail-type"))
    source = str(doc.get("source", ""))
    detail = doc.get("detail")
    if (
        not detail_type.endswith(CLOUDTRAIL_DETAIL)
        or not isinstance(detail, dict)
        or not isinstance(detail.get("eventName"), str)
    ):
        return Envelope(None, "not_cloudtrail", f"{detail_type!r} from {source or '?'}")
    event_id = detail.get("eventID")
    if not isinstance(event_id, str) or not event_id:
        event_id = str(doc.get("id") or "")  # older records: the EventBridge event's id
    name = f"{detail.get('eventSource', source)} {detail['eventName']} {event_id}".strip()
    when = detail.get("eventTime")
    return Envelope(detail, None, name, event_id, when if isinstance(when, str) else "")
