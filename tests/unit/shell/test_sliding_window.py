"""The LookupEvents limiter: at most 2 calls in EVERY one-second window (closed, wherever it
starts), however the callers arrive. The token bucket it replaces let 3 through."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.shell.sources.rate_limit import SlidingWindow, TokenBucket


class FakeClock:
    def __init__(self, now: float = 100.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def most_in_any_second(times: list[float]) -> int:
    """The most calls any closed window [t, t + 1] holds (windows start at a call)."""
    ordered = sorted(times)
    return max(sum(1 for u in ordered if t <= u <= t + 1.0) for t in ordered)


def run(limiter, clock: FakeClock, arrivals: list[float]) -> list[float]:
    """Callers arriving at `arrivals` (offsets, sorted) each take a slot; the times they call."""
    start = clock.now
    out = []
    for offset in sorted(arrivals):
        clock.now = max(clock.now, start + offset)
        out.append(clock.now + limiter.reserve())
    return out


def test_the_old_token_bucket_let_three_calls_into_one_second():
    """Capacity 2 refilled at 2/s: a burst of 2, then one more 0.5 s later: 3 in a second."""
    clock = FakeClock()
    times = run(TokenBucket(2.0, capacity=2, clock=clock), clock, [0.0, 0.0, 0.0, 0.0])

    assert most_in_any_second(times) >= 3


def test_back_to_back_calls_never_exceed_two_a_second():
    clock = FakeClock()
    times = run(SlidingWindow(2.0, clock=clock), clock, [0.0] * 40)

    assert most_in_any_second(times) == 2
    assert times[:2] == [100.0, 100.0]  # a burst of two goes at once


@settings(max_examples=300, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=20, allow_nan=False), min_size=3, max_size=60))
def test_any_arrivals_never_put_three_calls_into_a_second(arrivals):
    clock = FakeClock()
    times = run(SlidingWindow(2.0, clock=clock), clock, arrivals)

    assert most_in_any_second(times) <= 2


@given(st.floats(min_value=0.1, max_value=2.0))
def test_a_lower_rate_is_kept_too(rate):
    clock = FakeClock()
    times = run(SlidingWindow(rate, clock=clock), clock, [0.0] * 12)

    assert most_in_any_second(times) <= max(1, int(rate))


def test_an_idle_limiter_lets_a_call_go_at_once():
    clock = FakeClock()
    limiter = SlidingWindow(2.0, clock=clock)
    run(limiter, clock, [0.0, 0.0, 0.0])
    clock.now += 60

    assert limiter.reserve() == 0.0
