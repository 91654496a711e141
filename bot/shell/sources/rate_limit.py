"""A token bucket that hands out call slots: at most `rate` calls a second, bursts of at most
`capacity`. Pure: the clock is injected and the caller does the waiting.

Each `reserve()` takes a slot and says how long to wait before using it, so callers that share
a bucket queue up in order instead of racing for the next token. With `capacity=1` calls are at
least `1/rate` seconds apart, so no window of one second ever holds more than `rate` calls.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from bot.messages import sources as say

Clock = Callable[[], float]


class TokenBucket:
    """`rate` tokens a second, at most `capacity` saved up; one token per call.

    Args:
        rate: tokens added per second (> 0).
        capacity: the largest burst (>= 1); the bucket starts full.
        clock: seconds from any fixed origin, never going back (`time.monotonic`).
    """

    def __init__(self, rate: float, capacity: float = 1.0, clock: Clock = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError(say.rate_not_positive(rate))
        if capacity < 1:
            raise ValueError(say.capacity_below_one(capacity))
        self.rate = rate
        self.capacity = capacity
        self.clock = clock
        self._tokens = capacity
        self._stamp: float | None = None

    def reserve(self) -> float:
        """Take the next slot; the seconds to wait before the call may be made (0: now).

        The token is taken even when the caller must wait, so the next caller's slot comes
        after this one.
        """
        now = self.clock()
        if self._stamp is not None:
            self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now
        self._tokens -= 1
        return 0.0 if self._tokens >= 0 else -self._tokens / self.rate


class SlidingWindow:
    """At most `limit` calls in every window of `window` seconds, wherever the window starts:
    a call's slot is at least `window` (plus a margin) after the slot `limit` calls before it.

    A token bucket of capacity c refilled at r a second lets c + r calls into some one-second
    windows (capacity 2 at 2/s: 3), and even at capacity 1 calls exactly 1/r apart put r + 1
    calls into a closed one-second window; AWS throttles LookupEvents on that. The margin
    keeps the (limit+1)-th call strictly outside any window holding the first.

    Args:
        rate: calls a second (> 0): `limit` = max(1, floor(rate)) calls per
            `window` = max(1 s, limit / rate).
        clock: seconds from any fixed origin, never going back (`time.monotonic`).
        margin: seconds added to each window's end (timers and clocks are not exact).
    """

    def __init__(self, rate: float, clock: Clock = time.monotonic, margin: float = 0.05) -> None:
        if rate <= 0:
            raise ValueError(say.rate_not_positive(rate))
        self.limit = max(1, int(rate))
        self.window = max(1.0, self.limit / rate)
        self.clock = clock
        self.margin = margin
        self._slots: list[float] = []  # the last `limit` slots handed out, oldest first

    def reserve(self) -> float:
        """Take the next slot; the seconds to wait before the call may be made (0: now)."""
        now = self.clock()
        slot = now
        if len(self._slots) >= self.limit:
            slot = max(now, self._slots[-self.limit] + self.window + self.margin)
        self._slots.append(slot)
        del self._slots[: -self.limit]
        return slot - now
