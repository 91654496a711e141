"""What `/readyz` checks beyond Redis (bot/shell/health.py): the Slack bot token still valid
(`auth.test`, its answer kept a minute so probes do not call Slack each time) and the realtime
queue reachable (the consumer's last receive answered)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from bot.errors import SlackError
from bot.shell.health import Readiness
from bot.shell.slack import SlackGateway

TOKEN_TTL = 60.0  # seconds an auth.test answer is trusted


def slack_token(slack: SlackGateway) -> Readiness:
    """`slack`: whether Slack accepts the bot token."""
    cached: dict[str, tuple[float, bool, str]] = {}

    async def check() -> tuple[bool, str]:
        hit = cached.get("answer")
        if hit is not None and time.monotonic() - hit[0] < TOKEN_TTL:
            return hit[1], hit[2]
        try:
            who = await slack.identity()
            answer = (True, f"team {who.team_id}")
        except SlackError as exc:
            answer = (False, exc.code or "error")
        cached["answer"] = (time.monotonic(), *answer)
        return answer

    return ("slack", check)


def queue(state: Callable[[], tuple[bool, str]]) -> Readiness:
    """`queue`: the consumer's own word on its queue (`Consumer.reachable`)."""

    async def check() -> tuple[bool, str]:
        return state()

    return ("queue", check)


def redis_ping(ping: Callable[[], Awaitable[object]]) -> Readiness:
    """`redis`: a PING answered (for `drift serve`, whose health has no poll loop)."""

    async def check() -> tuple[bool, str]:
        try:
            await ping()
        except Exception as exc:  # any failure: not ready, named
            return False, type(exc).__name__
        return True, "up"

    return ("redis", check)
