"""The check window from --since and --until (resolve_window)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.config.window import parse_duration, resolve_window
from bot.errors import ConfigError

NOW = datetime(2026, 11, 24, 10, 0, 0, 123456, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("24h", timedelta(hours=24)),
        ("90m", timedelta(minutes=90)),
        ("7d", timedelta(days=7)),
        ("2w", timedelta(weeks=2)),
        ("1d12h", timedelta(days=1, hours=12)),
        ("3600s", timedelta(seconds=3600)),
        ("yesterday", None),
        ("", None),
        ("24", None),
    ],
)
def test_durations(text, delta):
    """Durations with s, m, h, d and w units, combined or not."""
    assert parse_duration(text) == delta


def test_default_window_is_the_last_24_hours_to_the_second():
    """`--since 24h` ends now and starts a day earlier, without microseconds."""
    start, end = resolve_window("24h", None, NOW)

    assert (start, end) == (
        datetime(2026, 11, 23, 10, tzinfo=UTC),
        datetime(2026, 11, 24, 10, tzinfo=UTC),
    )


def test_absolute_since_and_until():
    """Dates and times with or without offsets are UTC instants."""
    start, end = resolve_window("2026-11-01", "2026-11-02T12:00:00+02:00", NOW)

    assert start == datetime(2026, 11, 1, tzinfo=UTC)
    assert end == datetime(2026, 11, 2, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("since", "until", "words"),
    [
        ("yesterday", None, "--since"),
        ("24h", "soon", "--until"),
        ("2026-12-01", "2026-11-01", "starts after it ends"),
    ],
)
def test_bad_flags_name_the_flag(since, until, words):
    """A bad --since or --until says which flag and the accepted forms."""
    with pytest.raises(ConfigError) as err:
        resolve_window(since, until, NOW)

    assert words in str(err.value)
