"""HTTP for the integrations (reapply targets, escalation targets, forges): one request at a
time over aiohttp, retried on 429 and 5xx (and a service's own rate-limit answers) with backoff
that honours `Retry-After` (seconds or an HTTP date) and `X-RateLimit-Reset`, and aiohttp's
errors translated, here and nowhere else, into IntegrationError.

Redirects are not followed (a 3xx is an answer like any other), and an answer's text is cut and
scrubbed of the secrets the client was given before anything shows it. The clients turn the
last answer into the service's own error message (the target and what to fix).
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import orjson

from bot import __version__
from bot.errors import DriftBotError, IntegrationError
from bot.messages import integrations as say

log = logging.getLogger("driftbot.http")
Sleep = Callable[[float], Awaitable[None]]
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
ATTEMPTS = 4
MAX_WAIT = 120.0  # a service asking for a longer wait gets an error saying to retry later
MAX_DEFER = 900.0  # the longest a job waits for a service's Retry-After before trying again
BACKOFF = 1.0
TIMEOUT = aiohttp.ClientTimeout(total=30)
USER_AGENT = f"driftbot/{__version__}"


@dataclass(frozen=True)
class Answer:
    """A service's answer: status, headers (lower-case names), body."""

    status: int
    headers: Mapping[str, str]
    body: bytes
    secrets: Sequence[str] = field(default=(), repr=False)

    def json(self) -> Any:
        """The body as JSON, every string scrubbed of the secrets; None when it is not JSON."""
        try:
            parsed = orjson.loads(self.body) if self.body else None
        except orjson.JSONDecodeError:
            return None
        return _scrubbed(parsed, self.secrets)

    def text(self, limit: int = 300) -> str:
        """The body as text, cut to `limit` characters, secrets replaced by `***`."""
        return redact(self.body.decode("utf-8", "replace")[:limit].strip(), self.secrets)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


def redact(text: str, secrets: Sequence[str]) -> str:
    """`text` with every secret (and its URL-quoted form) replaced by `***`."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return text


def _scrubbed(value: Any, secrets: Sequence[str]) -> Any:
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, list):
        return [_scrubbed(v, secrets) for v in value]
    if isinstance(value, dict):
        return {k: _scrubbed(v, secrets) for k, v in value.items()}
    return value


def retry_after(answer: Answer, now: float | None = None) -> float | None:
    """How long the answer asks to wait: `Retry-After` (seconds or an HTTP date), else
    `X-RateLimit-Reset` (epoch seconds) when `X-RateLimit-Remaining` is 0; None if neither."""
    current = time.time() if now is None else now
    value = answer.headers.get("retry-after")
    if value:
        value = value.strip()
        if value.replace(".", "", 1).isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            when = None
        if when is not None:
            return max(0.0, when.timestamp() - current)
    if answer.headers.get("x-ratelimit-remaining") == "0":
        reset = answer.headers.get("x-ratelimit-reset", "")
        if reset.isdigit():
            return max(0.0, float(reset) - current)
    return None


def asked_wait(answer: Answer) -> float | None:
    """What a retryable answer asked to wait (seconds), for the job that tries again later;
    None for an answer that is not to be retried or did not say."""
    return retry_after(answer) if answer.status in RETRY_STATUSES or answer.status == 403 else None


def deferred(delay: float, exc: DriftBotError) -> float:
    """How long a job waits before trying a service again: its own `delay`, or longer when
    the service asked to wait (Retry-After), bounded by MAX_DEFER."""
    asked = exc.retry_after or 0.0
    return max(delay, min(asked, MAX_DEFER))


def default_retryable(answer: Answer) -> bool:
    return answer.status in RETRY_STATUSES


class Http:
    """Requests to one service, with its retry policy and its secrets kept out of errors."""

    def __init__(
        self,
        service: str,
        *,
        secrets: Sequence[str] = (),
        sleep: Sleep = asyncio.sleep,
        attempts: int = ATTEMPTS,
        max_wait: float = MAX_WAIT,
        retryable: Callable[[Answer], bool] = default_retryable,
        wait_of: Callable[[Answer], float | None] = retry_after,
    ) -> None:
        self.service = service
        self.secrets = [s for s in secrets if s]
        self.sleep = sleep
        self.attempts = attempts
        self.max_wait = max_wait
        self.retryable = retryable
        self.wait_of = wait_of

    async def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        data: Mapping[str, str] | Sequence[tuple[str, str]] | bytes | None = None,
        params: Mapping[str, str] | None = None,
    ) -> Answer:
        """Send the request, retrying what the service says to retry; the last answer.

        Raises IntegrationError (retryable) when the service could not be reached at all, or
        asked to wait longer than `max_wait`."""
        sent = {"User-Agent": USER_AGENT, **(headers or {})}
        body = orjson.dumps(json) if json is not None else data
        if json is not None:
            sent.setdefault("Content-Type", "application/json")
        host = urlsplit(url).netloc
        for attempt in range(1, self.attempts + 1):
            try:
                answer = await self._send(method, url, sent, body, params)
            except (aiohttp.ClientError, TimeoutError) as exc:
                if attempt == self.attempts:
                    raise IntegrationError(
                        *say.unreachable(self.service, host, type(exc).__name__),
                        service=self.service,
                        retryable=True,
                    ) from exc
                await self.sleep(BACKOFF * 2 ** (attempt - 1))
                continue
            if not self.retryable(answer) or attempt == self.attempts:
                return answer
            wait = self.wait_of(answer)
            if wait is None:
                wait = BACKOFF * 2 ** (attempt - 1)
            if wait > self.max_wait:
                raise IntegrationError(
                    *say.asked_to_wait(self.service, answer.status, round(wait)),
                    service=self.service,
                    status=answer.status,
                    retryable=True,
                    retry_after=wait,
                )
            log.info("%s answered %s; retrying in %.1fs", self.service, answer.status, wait)
            await self.sleep(wait)
        raise AssertionError("unreachable")  # the loop returns or raises

    async def _send(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: Any,
        params: Mapping[str, str] | None,
    ) -> Answer:
        async with (
            aiohttp.ClientSession(timeout=TIMEOUT) as session,
            session.request(
                method, url, headers=headers, data=body, params=params, allow_redirects=False
            ) as response,
        ):
            raw = await response.read()
            names = {k.lower(): v for k, v in response.headers.items()}
            return Answer(response.status, names, raw, self.secrets)
