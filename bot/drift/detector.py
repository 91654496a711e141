"""The check's accumulator: feed it raw records, get changes, unknown calls and counts. Pure.

It holds only what is kept (changes are a small share of what CloudTrail records), so a check
over millions of records needs memory for the changes, not for the records.
"""

from __future__ import annotations

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
        )

    @property
    def unknown_events(self) -> int:
        return sum(self.unknown.values())
