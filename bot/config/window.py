"""The time window of a check, from `--since` and `--until`. Pure; `now` is an argument."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from bot.errors import ConfigError
from bot.messages import config as say

_PART = re.compile(r"(\d+)\s*([smhdw])")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_duration(text: str) -> timedelta | None:
    """`24h`, `90m`, `7d`, `2w`, `1d12h` as a timedelta; None when it is not a duration."""
    compact = text.strip().lower().replace(" ", "")
    if not compact or _PART.sub("", compact):
        return None
    total = timedelta()
    for amount, unit in _PART.findall(compact):
        total += timedelta(**{_UNITS[unit]: int(amount)})
    return total


# LookupEvents keeps 90 days of events; the sources that read the trail's files go further.
LOOKUP_DAYS = 90
OLDER = ("athena", "s3", "files")


def beyond_lookup(start: datetime, now: datetime) -> bool:
    """Whether a window starting at `start` reaches past what LookupEvents keeps."""
    return start < now - timedelta(days=LOOKUP_DAYS)


def since_beyond_lookup(source: str, since: str | None) -> bool:
    """Whether a check of a `source` environment over the last `since` (`120d`) asks for more
    than the source keeps (LookupEvents: LOOKUP_DAYS)."""
    duration = parse_duration(since) if since else None
    return (
        source == "lookup_events"
        and duration is not None
        and duration > timedelta(days=LOOKUP_DAYS)
    )


def parse_instant(text: str) -> datetime | None:
    """`2026-11-23`, `2026-11-23T10:00:00Z` or with an offset, as an aware UTC datetime."""
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def resolve_window(since: str, until: str | None, now: datetime) -> tuple[datetime, datetime]:
    """(start, end) of the check; ConfigError names the flag and the accepted forms."""
    end = now.astimezone(UTC)
    if until:
        parsed_end = parse_instant(until)
        if parsed_end is None:
            raise ConfigError(say.until_expected(until))
        end = parsed_end
    duration = parse_duration(since)
    if duration is not None:
        start = end - duration
    else:
        parsed_start = parse_instant(since)
        if parsed_start is None:
            raise ConfigError(say.since_expected(since))
        start = parsed_start
    if start > end:
        raise ConfigError(say.window_backwards(start, end))
    return start.replace(microsecond=0), end.replace(microsecond=0)
