"""The check's accumulator: feed it raw records, get changes, unknown calls and counts. Pure.

It holds only what is kept (changes are a small share of what CloudTrail records), so a check
over millions of records needs memory for the changes, not for the records.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from bot.catalog.rules import resolve
from bot.drift.findings import Change
from bot.trail.attribution import attribute
from bot.trail.fields import parse_event_time, record_account
from bot.trail.filter import DropReason, TrailFilter


class Detector:
    """Classifies each record once; keeps changes (deduplicated by event id) and counts."""

    def __init__(self, trail_filter: TrailFilter) -> None:
        self.filter = trail_filter
        self.records = 0
        self.changes: dict[str, Change] = {}
        self.unknown: Counter[tuple[str, str]] = Counter()
        self.dropped: Counter[DropReason] = Counter()

    def feed_many(self, records: Sequence[Mapping[str, Any]]) -> None:
        """Look at a batch of raw records (one file's): the hot loop of every check."""
        drop = self.filter.drop_reason
        dropped = self.dropped
        read_only = 0
        for record in records:
            if record.get("readOnly") is True:  # most of any trail: skip the call
                read_only += 1
                continue
            reason = drop(record)
            if reason is None:
                self._keep(record)
            else:
                dropped[reason] += 1
        dropped["read_only"] += read_only
        self.records += len(records)

    def _keep(self, record: Mapping[str, Any]) -> None:
        source, name = str(record["eventSource"]), str(record["eventName"]).strip()
        event_time = parse_event_time(record) or ""
        event_id = record.get("eventID")
        if not isinstance(event_id, str) or not event_id:
            event_id = f"{source}/{name}/{event_time}/{record.get('requestID', '')}"
        if event_id in self.changes:  # the same event from two files (org and account trails)
            return
        refs = resolve(record)
        if refs is None:
            self.unknown[(source, name)] += 1
        region = record.get("awsRegion")
        self.changes[event_id] = Change(
            event_id=event_id,
            event_source=source,
            event_name=name,
            event_time=event_time,
            account_id=record_account(record),
            region=region if isinstance(region, str) else "",
            who=attribute(record),
            refs=tuple(refs or ()),
            request=kept_request(record.get("requestParameters")),
        )

    @property
    def unknown_events(self) -> int:
        return sum(self.unknown.values())


REQUEST_VALUE_MAX = 4000  # characters of JSON per top-level value of requestParameters
REQUEST_MAX = 8000


def kept_request(params: object) -> dict[str, Any] | None:
    """A call's requestParameters as kept on its finding: values longer than REQUEST_VALUE_MAX
    characters of JSON (and any past REQUEST_MAX in all) are replaced by `"…"`."""
    if not isinstance(params, dict) or not params:
        return None
    kept: dict[str, Any] = {}
    size = 0
    for key, value in params.items():
        length = len(json.dumps(value, default=str))
        if length > REQUEST_VALUE_MAX or size + length > REQUEST_MAX:
            kept[str(key)] = "…"
            continue
        kept[str(key)] = value
        size += length
    return kept
