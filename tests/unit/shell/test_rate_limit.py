"""The token bucket: slots handed out at `rate` a second, bursts capped, time from the clock."""

from __future__ import annotations

import itertools

import pytest

from bot.shell.sources.rate_limit import TokenBucket


class FakeClock:
    def __init__(self, now: float = 100.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def calls_at(bucket: TokenBucket, clock: FakeClock, n: int) -> list[float]:
    """Make n calls as fast as the bucket allows; the clock time of each."""
    times = []
    for _ in range(n):
        clock.now += bucket.reserve()
        times.append(clock.now)
    return times


def most_in_one_second(times: list[float]) -> int:
    return max(sum(1 for t in times if start <= t < start + 1.0) for start in times)


def test_first_call_goes_at_once():
    """A fresh bucket lets the first call through without waiting."""
    bucket = TokenBucket(2.0, clock=FakeClock())

    assert bucket.reserve() == 0.0


def test_second_call_waits_one_interval():
    """Two calls at the same instant: the second waits 1/rate seconds."""
    bucket = TokenBucket(2.0, clock=FakeClock())
    bucket.reserve()

    assert bucket.reserve() == pytest.approx(0.5)


def test_queued_callers_get_successive_slots():
    """Callers sharing a bucket queue up: the third at the same instant waits two intervals."""
    bucket = TokenBucket(2.0, clock=FakeClock())

    waits = [bucket.reserve() for _ in range(3)]

    assert waits == pytest.approx([0.0, 0.5, 1.0])


def test_tokens_refill_with_time():
    """After waiting one interval the next call goes at once."""
    clock = FakeClock()
    bucket = TokenBucket(2.0, clock=clock)
    bucket.reserve()
    clock.now += 0.5

    assert bucket.reserve() == 0.0


def test_idle_time_saves_at_most_capacity():
    """A long idle period saves up `capacity` tokens, not more."""
    clock = FakeClock()
    bucket = TokenBucket(2.0, capacity=3, clock=clock)
    clock.now += 60

    waits = [bucket.reserve() for _ in range(4)]

    assert waits == pytest.approx([0.0, 0.0, 0.0, 0.5])


def test_never_more_than_rate_calls_in_any_second():
    """With capacity 1, 40 back-to-back calls never put more than 2 in one second."""
    clock = FakeClock()
    bucket = TokenBucket(2.0, capacity=1, clock=clock)

    times = calls_at(bucket, clock, 40)

    assert most_in_one_second(times) == 2
    assert times[-1] - times[0] == pytest.approx(19.5)


def test_slower_rate_spaces_calls_further():
    """At 0.5 calls a second, calls are two seconds apart."""
    clock = FakeClock()
    bucket = TokenBucket(0.5, clock=clock)

    times = calls_at(bucket, clock, 3)

    assert [b - a for a, b in itertools.pairwise(times)] == pytest.approx([2.0, 2.0])


@pytest.mark.parametrize(("rate", "capacity"), [(0, 1), (-1, 1), (2, 0.5)])
def test_invalid_settings_are_refused(rate, capacity):
    """A rate of zero or less, or a capacity under one call, is a programming error."""
    with pytest.raises(ValueError, match="must be"):
        TokenBucket(rate, capacity)
