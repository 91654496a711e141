"""A CloudTrail record's loosely typed fields read as values: flags written as booleans or as
strings, texts, the event time and the account. Pure functions, no I/O."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

_FRACTION = re.compile(r"(\.\d{1,6})\d*")


def parse_event_time(record: Mapping[str, Any]) -> str | None:
    """`eventTime` as `YYYY-MM-DDTHH:MM:SSZ` (UTC), or None when it is missing or unreadable.

    Real logs use that form; exports and rule fixtures also carry `2022-09-15 13:45:24(.000…)`
    and Logstash's `@timestamp` in place of a missing `eventTime`.
    """
    raw = record.get("eventTime")
    if isinstance(raw, str) and len(raw) == 20 and raw[-1] == "Z" and raw[10] == "T":
        return raw
    if not isinstance(raw, str):
        raw = record.get("@timestamp")
        if not isinstance(raw, str):
            return None
    try:
        when = datetime.fromisoformat(_FRACTION.sub(r"\1", raw.strip()))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def format_time(when: datetime) -> str:
    """A datetime as CloudTrail writes times: `2026-11-24T05:12:09Z`."""
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def truthy(value: object) -> bool:
    """True, or the string `true` in any case (CloudTrail writes flags both ways)."""
    return value is True or (isinstance(value, str) and value.lower() == "true")


def falsy(value: object) -> bool:
    """False, or the string `false` in any case."""
    return value is False or (isinstance(value, str) and value.lower() == "false")


def text(value: object) -> str:
    """A string field, or `` when it is missing or not a string."""
    return value if isinstance(value, str) else ""


def record_account(record: Mapping[str, Any]) -> str:
    """The account the call was made in: `recipientAccountId`, else the caller's account."""
    account = record.get("recipientAccountId")
    if isinstance(account, str) and account:
        return account
    identity = record.get("userIdentity")
    if isinstance(identity, dict) and isinstance(identity.get("accountId"), str):
        return str(identity["accountId"])
    return ""
