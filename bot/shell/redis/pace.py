"""Redis: pacing Slack calls within Slack's rate limits, shared by every driftbot process
(`drift serve` and each `drift worker` post to the same workspace). Key `pace:{bucket}`.

Each bucket is a GCRA (the "generic cell rate algorithm"): Redis keeps the theoretical arrival
time of the next call; a caller reserves the next slot atomically and waits until it comes. A
bucket allows `burst` calls at once, then one every `interval`. Slack's limits
(https://docs.slack.dev/apis/web-api/rate-limits):
- `chat.postMessage`: about one message a second per channel, short bursts allowed: one
  bucket per channel (`post:{channel}`), 1 s, a burst of 3;
- `chat.update`: Tier 3, about 50 a minute per workspace: one bucket (`update`), 1.2 s, a burst
  of 10;
- `views.publish`: Tier 4, about 100 a minute: one bucket (`publish`), 0.6 s, a burst of 10.

Reservations are made just before each call, one at a time per caller, so the queue in a
bucket stays short: a click's post waits at most a slot or two behind a flood in its channel,
and a channel's flood never delays another channel.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import redis.asyncio

from bot.shell.redis import keys

_RESERVE = """
local tat = tonumber(redis.call('get', KEYS[1]) or '0')
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local tolerance = tonumber(ARGV[3])
if tat < now then tat = now end
local wait = tat - tolerance - now
if wait < 0 then wait = 0 end
local next_tat = tat + interval
redis.call('set', KEYS[1], tostring(next_tat), 'PX', math.ceil(next_tat - now) + 1000)
return tostring(wait)
"""


@dataclass(frozen=True)
class Rate:
    """One call every `interval` seconds, `burst` at once."""

    interval: float
    burst: int = 1

    @property
    def tolerance(self) -> float:
        return (self.burst - 1) * self.interval


POST = Rate(interval=1.0, burst=3)
UPDATE = Rate(interval=1.2, burst=10)
PUBLISH = Rate(interval=0.6, burst=10)


class Pacer:
    """Reserve a slot in a bucket and wait for it."""

    def __init__(self, client: redis.asyncio.Redis) -> None:
        self.redis = client
        self._script = client.register_script(_RESERVE)

    async def reserve(self, bucket: str, rate: Rate) -> float:
        """Reserve the next slot of `bucket`; returns the seconds to wait before the call."""
        now_ms = time.time() * 1000
        wait = await self._script(
            keys=[keys.pace(bucket)],
            args=[f"{now_ms:.3f}", rate.interval * 1000, rate.tolerance * 1000],
        )
        return max(float(wait.decode() if isinstance(wait, bytes) else wait) / 1000, 0.0)

    async def wait(self, bucket: str, rate: Rate) -> float:
        """Reserve and wait for the slot; returns how long it waited."""
        delay = await self.reserve(bucket, rate)
        if delay > 0:
            await asyncio.sleep(delay)
        return delay
