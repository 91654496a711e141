"""The generic reapply target: an HTTPS webhook, signed with HMAC-SHA256.

The receiver (the IaC pipeline) verifies `X-Driftbot-Signature: sha256=HEX` where HEX is
HMAC-SHA256(secret, "{X-Driftbot-Timestamp}.{raw body}"), and rejects old timestamps, as Slack
signs its own requests. The secret comes from the environment variable the runbook names.

Where it goes (bot/config/urls.py): the host's addresses are checked when it is called, every
one the name resolves to, and the connection goes to the addresses checked (no second lookup
an attacker's DNS could answer differently): never a cloud metadata endpoint, and a loopback,
private or link-local address only when the runbook allows private networks. A redirect is
not followed (it would re-send the signed body elsewhere): it is a failure. No message shows
the URL's query.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import socket
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import orjson
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from bot.config.urls import address_refusal, shown_url
from bot.errors import ConfigError, ExternalServiceError
from bot.messages import jobs as say
from bot.shell.http import Answer, asked_wait

TIMEOUT = aiohttp.ClientTimeout(total=15)


@dataclass(frozen=True)
class WebhookResult:
    status: int
    body: str


def sign(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return "sha256=" + digest.hexdigest()


def secret_from_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise ConfigError(*say.webhook_secret_missing(name))
    return value


class _TargetRefused(Exception):
    """An address the webhook may not go to (raised inside aiohttp's connector)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class GuardedResolver(AbstractResolver):
    """Resolves with `inner` (aiohttp's default), and refuses a name with any address the
    webhook may not go to."""

    def __init__(self, allow_private: bool, inner: AbstractResolver | None = None) -> None:
        self.allow_private = allow_private
        self.inner = inner or DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self.inner.resolve(host, port, family)
        for result in results:
            refusal = address_refusal(ipaddress.ip_address(result["host"]), self.allow_private)
            if refusal is not None:
                raise _TargetRefused(refusal)
        return results

    async def close(self) -> None:
        await self.inner.close()


async def trigger(
    url: str,
    secret: str,
    payload: dict[str, Any],
    *,
    allow_private: bool = False,
    resolver: AbstractResolver | None = None,
) -> WebhookResult:
    """POST the signed payload; raises ExternalServiceError unless the target answers 2xx
    (a redirect included), or when the target's address is one it may not go to."""
    shown = shown_url(url)
    host = (urlsplit(url).hostname or "").strip("[]")
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:  # aiohttp connects to a literal address without resolving it
        refusal = address_refusal(literal, allow_private)
        if refusal is not None:
            raise ExternalServiceError(*say.webhook_target_refused(shown, refusal))
    body = orjson.dumps(payload)
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "driftbot",
        "X-Driftbot-Timestamp": timestamp,
        "X-Driftbot-Signature": sign(secret, timestamp, body),
    }
    guarded = GuardedResolver(allow_private, resolver)
    connector = aiohttp.TCPConnector(resolver=guarded, use_dns_cache=False)
    try:
        async with (
            aiohttp.ClientSession(timeout=TIMEOUT, connector=connector) as session,
            session.post(url, data=body, headers=headers, allow_redirects=False) as response,
        ):
            text = (await response.text())[:500]
            if 300 <= response.status < 400:
                raise ExternalServiceError(*say.webhook_redirected(shown, response.status))
            if response.status >= 300:
                refused = ExternalServiceError(*say.webhook_refused(shown, response.status))
                # 429 and 5xx may pass: the trigger job tries again with backoff (issue 11)
                refused.retryable = response.status == 429 or response.status >= 500
                names = {k.lower(): v for k, v in response.headers.items()}
                refused.retry_after = asked_wait(Answer(response.status, names, b""))
                raise refused
            return WebhookResult(response.status, text)
    except _TargetRefused as exc:
        raise ExternalServiceError(*say.webhook_target_refused(shown, exc.reason)) from None
    except (aiohttp.ClientError, TimeoutError) as exc:
        unreachable = ExternalServiceError(*say.webhook_unreachable(shown, type(exc).__name__))
        unreachable.retryable = True
        raise unreachable from exc
