"""The check's accumulator: feed it raw records, get changes, unknown calls and counts. Pure.

It holds only what is kept (changes are a small share of what CloudTrail records), so a check
over millions of records needs memory for the changes, not for the records. Every record read
is counted once: as a change, or under the reason it was dropped (`dropped`), so the counts
add up to `records`.

A record is the same event as one seen before when its identity is: source, name, time and
event id (an organization trail and an account trail deliver the same record twice; two calls
that happen to share an event id are two). Such a repeat is counted as `duplicate`.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from bot.catalog.rules import find_rule
from bot.drift.findings import Change, ServiceCall, UnresolvedCall
from bot.drift.names import NameBook
from bot.messages import report as say
from bot.trail.attribution import attribute
from bot.trail.fields import parse_event_time, record_account, text
from bot.trail.filter import DROP_REASONS, DropReason, TrailFilter, malformed_body
from bot.trail.origin import origin

Identity = tuple[str, str, str, str]
MAX_EXAMPLES = 3


class Detector:
    """Classifies each record once; keeps changes (each event once) and counts the rest.

    Attributes:
        report_aws_service: keep AWS services' own changes as changes (the environment's
            `report_aws_service_changes`), instead of counting them under `aws_service`.
    """

    def __init__(self, trail_filter: TrailFilter, *, report_aws_service: bool = False) -> None:
        self.filter = trail_filter
        self.report_aws_service = report_aws_service
        self.records = 0
        self.changes: dict[Identity, Change] = {}
        self.unknown: Counter[tuple[str, str]] = Counter()
        self.dropped: Counter[DropReason] = Counter()
        self.aws_service: Counter[tuple[str, str, str]] = Counter()
        self.malformed: list[str] = []  # a few examples, for the warning
        self.names = NameBook()
        self._service_seen: set[bytes] = set()

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
            elif reason == "aws_service":
                self._aws_service(record)
            else:
                dropped[reason] += 1
                if reason == "malformed" and len(self.malformed) < MAX_EXAMPLES:
                    self.malformed.append(_example(record))
                elif reason == "iac_principal":
                    self._learn(record)
        dropped["read_only"] += read_only
        self.records += len(records)

    def count_skipped(self, skipped: Mapping[str, int]) -> None:
        """Items of files that were not records (an Insights event, a line that is not JSON):
        records read, dropped for their reason."""
        for reason, count in skipped.items():
            if reason in ("malformed", "not_api_call"):
                self.dropped[reason] += count  # type: ignore[index]
                self.records += count

    def count_dropped(self, dropped: Mapping[str, int]) -> None:
        """Records a source dropped before building them, by the filter's first checks
        (`early_reason`: reads, failed calls): records read, dropped for their reason."""
        for reason, count in dropped.items():
            if reason in DROP_REASONS:
                self.dropped[reason] += count
                self.records += count

    def _aws_service(self, record: Mapping[str, Any]) -> None:
        if self.report_aws_service:
            self._keep(record)
            return
        digest = hashlib.blake2b("\0".join(_identity(record)).encode(), digest_size=16).digest()
        if digest in self._service_seen:
            self.dropped["duplicate"] += 1
            return
        self._service_seen.add(digest)
        self.dropped["aws_service"] += 1
        found = origin(record)
        service = found[1] if found else "AWS"
        self.aws_service[(str(record["eventSource"]), str(record["eventName"]), service)] += 1
        self._learn(record)

    def _learn(self, record: Mapping[str, Any]) -> None:
        """Names and ids of what a create call made, whoever made it."""
        rule = find_rule(str(record["eventSource"]), str(record["eventName"]).strip())
        if rule is None:
            return
        for found in rule.learn(record):
            self.names.learn(record_account(record), text(record.get("awsRegion")), found)

    def _keep(self, record: Mapping[str, Any]) -> None:
        key = _identity(record)
        if key in self.changes:  # the same event from two files (org and account trails)
            self.dropped["duplicate"] += 1
            return
        source, name, event_time, event_id = key
        rule = find_rule(source, name)
        refs = rule.resolve(record) if rule is not None else []
        names = rule.names(record, refs) if rule is not None else []
        if rule is None:
            self.unknown[(source, name)] += 1
        else:
            for found in rule.learn(record):
                self.names.learn(record_account(record), text(record.get("awsRegion")), found)
        self.changes[key] = Change(
            event_id=event_id,
            event_source=source,
            event_name=name,
            event_time=event_time,
            account_id=record_account(record),
            region=text(record.get("awsRegion")),
            who=attribute(record),
            refs=tuple(refs),
            names=tuple(names),
            known=rule is not None,
            request=kept_request(record.get("requestParameters")),
        )

    def resolve_names(self, state: NameBook | None = None) -> None:
        """Resolve the calls that named resources only by name, through the trail's creates
        and (when given) the names the IaC state records. Run once, after the last batch."""
        if state is not None:
            self.names.state = state.state
        for key, change in self.changes.items():
            if not change.names:
                continue
            refs = list(change.refs)
            left = []
            for ref in change.names:
                found = self.names.resolve(change.account_id, change.region, ref)
                if found is None:
                    left.append(ref)
                elif found not in refs:
                    refs.append(found)
            self.changes[key] = replace(change, refs=tuple(refs), names=tuple(left))

    @property
    def unknown_events(self) -> int:
        return sum(self.unknown.values())

    def unresolved(self) -> list[UnresolvedCall]:
        """Known calls whose records named no resource the check could find, by call."""
        counts: Counter[tuple[str, str]] = Counter()
        examples: dict[tuple[str, str], str] = {}
        for change in self.changes.values():
            if change.known and not change.refs:
                key = (change.event_source, change.event_name)
                counts[key] += 1
                examples.setdefault(key, change.event_id)
        return [
            UnresolvedCall(event_source=s, event_name=n, count=c, event_id=examples[(s, n)])
            for (s, n), c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]

    def service_calls(self) -> list[ServiceCall]:
        """What AWS services changed on their own, by call and service, most first."""
        return [
            ServiceCall(event_source=s, event_name=n, service=svc, count=c)
            for (s, n, svc), c in sorted(self.aws_service.items(), key=lambda kv: (-kv[1], kv[0]))
        ]

    def drop_counts(self) -> dict[str, int]:
        """Records dropped, by reason (every reason, zero when none)."""
        return {reason: self.dropped.get(reason, 0) for reason in DROP_REASONS}


def _identity(record: Mapping[str, Any]) -> Identity:
    """Source, name, time and event id: what makes two deliveries one event."""
    source, name = str(record["eventSource"]), str(record["eventName"]).strip()
    event_time = parse_event_time(record) or ""
    event_id = record.get("eventID")
    if not isinstance(event_id, str) or not event_id:
        event_id = f"{source}/{name}/{event_time}/{text(record.get('requestID'))}"
    return source, name, event_time, event_id


def _example(record: Mapping[str, Any]) -> str:
    """One malformed record, as a person could find it again: its call, ids and fault."""
    call = f"{text(record.get('eventSource'))}:{text(record.get('eventName'))}".strip(":")
    ident = text(record.get("eventID")) or text(record.get("requestID"))
    return say.malformed_example(call, ident, _what_is_wrong(record))


def _what_is_wrong(record: Mapping[str, Any]) -> str:
    if not isinstance(record.get("eventName"), str) or not isinstance(
        record.get("eventSource"), str
    ):
        return say.no_event_name()
    if parse_event_time(record) is None:
        return say.bad_event_time(record.get("eventTime"))
    return say.not_an_object(malformed_body(record) or "?")


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
