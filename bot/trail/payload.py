"""The shapes CloudTrail records arrive in, turned into lists of records. Pure; no I/O.

- a trail's S3 object: `{"Records": [...]}` (gzip or plain);
- what `aws cloudtrail lookup-events` prints: `{"Events": [{"CloudTrailEvent": "<json>"}]}`;
- CloudTrail Lake query results as `aws cloudtrail get-query-results` prints them
  (`{"QueryResultRows": [[{"eventName": "…"}, …], …]}`; nested columns as JSON text);
- EventBridge deliveries: `{"detail-type": "AWS API Call via CloudTrail", "detail": {...}}`,
  alone, in a JSON array, or one per line / back to back as Firehose writes them to S3;
- CloudWatch Logs subscription payloads (`{"messageType": "DATA_MESSAGE", "logEvents":
  [{"message": "<record as JSON>"}]}`), gzip as delivered, base64 as a Lambda receives them
  (alone or as `{"awslogs": {"data": …}}`) or already decoded; `CONTROL_MESSAGE`s hold none;
- a bare record, a JSON array of records, or JSON Lines of records or of envelopes.

One odd record never costs a file: an item that is not a CloudTrail API call (an Insights
event, another kind of EventBridge event, a line that is not JSON) is counted by reason and the
rest is kept. A file is refused (MalformedInput, with the reason) only when nothing in it can be
read, or when it is JSON of another kind ("not CloudTrail: …").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.errors import MalformedInput
from bot.messages import sources as say
from bot.trail.decode import DEFAULT_LIMIT, Decoded, decode, gunzip, loads, unbase64

# A dict is taken for a record when it has one of these (an Insights record has no eventName).
RECORD_KEYS = ("eventName", "eventSource", "eventVersion", "eventType", "eventID")
CLOUDTRAIL_DETAIL_TYPES = frozenset(
    {
        "AWS API Call via CloudTrail",
        "AWS Console Sign In via CloudTrail",
        "AWS Console Action via CloudTrail",
        "AWS Service Event via CloudTrail",
        "AWS Insight via CloudTrail",
    }
)

# Why an item of a file is not a record (these are the check's drop reasons too).
MALFORMED = "malformed"
NOT_API_CALL = "not_api_call"


@dataclass
class FileRecords:
    """What one file (or S3 object) holds.

    Attributes:
        records: the CloudTrail records, in file order.
        skipped: items that are not records, by reason (`malformed`, `not_api_call`).
        broke_off: why the file ends early, when it does; `records` holds what came before.
        dropped: records read but never built, by the filter's reason (the fast path,
            bot/trail/quick.py, drops reads and failed calls before building them).
    """

    records: list[dict[str, Any]] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    broke_off: str | None = None
    dropped: Counter[str] = field(default_factory=Counter)

    @property
    def note(self) -> str | None:
        """A warning for the file that did not cost it: the break, or the items lost."""
        notes = []
        if self.broke_off is not None:
            notes.append(say.kept_before_break(len(self.records), self.broke_off))
        if self.skipped[MALFORMED]:
            notes.append(say.items_not_records(self.skipped[MALFORMED], len(self.records)))
        return "; ".join(notes) or None


def parse_records(data: bytes, limit: int = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    """Every CloudTrail record in a file's bytes (gzip or not); MalformedInput (with the
    reason) when nothing can be read, or for JSON of another kind."""
    return read_file(data, limit).records


def read_file(data: bytes, limit: int = DEFAULT_LIMIT) -> FileRecords:
    """Every CloudTrail record in a file's bytes, what was skipped, and where it broke off."""
    decoded = decode(data, limit)
    out = FileRecords(broke_off=decoded.broke_off)
    if decoded.bad_lines:
        out.skipped[MALFORMED] += decoded.bad_lines
    reader = _Reader(out, limit)
    for doc in decoded.docs:
        reader.document(doc, top=len(decoded.docs) == 1)
    if not reader.known:
        raise MalformedInput(say.not_cloudtrail(_describe(decoded)))
    return out


def extract_records(doc: Any) -> list[dict[str, Any]]:
    """Every CloudTrail record in a parsed document; MalformedInput for other JSON."""
    out = FileRecords()
    reader = _Reader(out, DEFAULT_LIMIT)
    reader.document(doc, top=True)
    if not reader.known:
        raise MalformedInput(say.not_cloudtrail(_describe(Decoded([doc]))))
    return out.records


def is_record(item: Mapping[str, Any]) -> bool:
    return any(key in item for key in RECORD_KEYS)


class _Reader:
    """Walks a file's documents, adding records and counting what is not one."""

    def __init__(self, out: FileRecords, limit: int) -> None:
        self.out = out
        self.limit = limit
        self.known = False  # a known shape was seen (even one holding no records)

    def document(self, doc: Any, *, top: bool) -> None:
        if isinstance(doc, list):
            self.known = self.known or not doc  # an empty array holds no records, rightly
            for item in doc:
                self.item(item)
        elif isinstance(doc, dict):
            self.item(doc, top=top)
        else:
            self.out.skipped[MALFORMED] += 1

    def item(self, item: Any, *, top: bool = False) -> None:  # noqa: C901
        """One object: a container of records, an envelope, or a record."""
        if not isinstance(item, dict):
            self.out.skipped[MALFORMED] += 1
            return
        if isinstance(item.get("Records"), list):
            self.known = True
            for record in item["Records"]:
                self._record(record)
        elif isinstance(item.get("Events"), list):
            self.known = True
            for event in item["Events"]:
                self._lookup_event(event)
        elif isinstance(item.get("QueryResultRows"), list):
            self.known = True
            for row in item["QueryResultRows"]:
                self._lake_row(row)
        elif "messageType" in item and "logEvents" in item:
            self.known = True
            self._log_events(item)
        elif isinstance(item.get("awslogs"), dict):
            self._lambda_logs(item["awslogs"])
        elif "detail-type" in item and "detail" in item:
            self._envelope(item)
        elif is_record(item):
            self.known = True
            self.out.records.append(item)
        elif not top:
            self.out.skipped[MALFORMED] += 1

    def _record(self, record: Any) -> None:
        if isinstance(record, dict):
            self.out.records.append(record)
        else:
            self.out.skipped[MALFORMED] += 1

    def _envelope(self, item: Mapping[str, Any]) -> None:
        self.known = True
        detail = item.get("detail")
        if isinstance(detail, dict) and is_record(detail):
            self.out.records.append(detail)
        elif item.get("detail-type") in CLOUDTRAIL_DETAIL_TYPES:
            self.out.skipped[MALFORMED] += 1
        else:
            self.out.skipped[NOT_API_CALL] += 1

    def _lookup_event(self, event: Any) -> None:
        """LookupEvents gives the record as a JSON string under `CloudTrailEvent`."""
        raw = event.get("CloudTrailEvent") if isinstance(event, dict) else None
        self._json_record(raw)

    def _json_record(self, raw: Any) -> None:
        if isinstance(raw, str):
            try:
                raw = loads(raw)
            except MalformedInput:
                raw = None
        if isinstance(raw, dict) and is_record(raw):
            self.out.records.append(raw)
        elif isinstance(raw, dict) and "detail" in raw:
            self._envelope(raw)
        else:
            self.out.skipped[MALFORMED] += 1

    def _log_events(self, payload: Mapping[str, Any]) -> None:
        """A CloudWatch Logs subscription payload: each log event's message is a record."""
        if payload.get("messageType") != "DATA_MESSAGE":
            return  # CONTROL_MESSAGE: CloudWatch Logs checking the destination, no records
        events = payload.get("logEvents")
        for event in events if isinstance(events, list) else ():
            self._json_record(event.get("message") if isinstance(event, dict) else None)

    def _lambda_logs(self, awslogs: Mapping[str, Any]) -> None:
        """`{"awslogs": {"data": "<base64 gzip>"}}`, the event a subscribed Lambda receives."""
        data = awslogs.get("data")
        raw = unbase64(data.encode()) if isinstance(data, str) else None
        if raw is None:
            self.out.skipped[MALFORMED] += 1
            return
        self.known = True
        body, broke = gunzip(raw, self.limit)
        if broke is not None:
            self.out.broke_off = broke
        self.document(loads(body), top=False)

    def _lake_row(self, row: Any) -> None:
        """A CloudTrail Lake result row: one single-key object per column."""
        if not isinstance(row, list):
            self.out.skipped[MALFORMED] += 1
            return
        record: dict[str, Any] = {}
        for column in row:
            if isinstance(column, dict):
                record.update({k: _lake_value(v) for k, v in column.items()})
        self._record(record if is_record(record) else None)


def _lake_value(value: Any) -> Any:
    """Lake gives every column as text: nested ones (when selected as JSON) are parsed."""
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            return loads(value)
        except MalformedInput:
            return value
    return value


def _describe(decoded: Decoded) -> str:
    """What a JSON file of another kind holds, in a few words."""
    docs = decoded.docs
    if len(docs) != 1:
        return say.json_documents(len(docs))
    doc = docs[0]
    if isinstance(doc, dict):
        if "terraform_version" in doc:
            return say.looks_like("a Terraform state")
        if "AWSTemplateFormatVersion" in doc:
            return say.looks_like("a CloudFormation template")
        if "configurationItems" in doc:
            return say.looks_like("an AWS Config snapshot")
        if "digestStartTime" in doc:
            return say.looks_like("a CloudTrail digest file")
        return say.json_object(sorted(map(str, doc))[:5], len(doc))
    if isinstance(doc, list):
        kinds = sorted({type(i).__name__ for i in doc})
        return say.json_array(len(doc), kinds)
    return say.json_value(type(doc).__name__)
