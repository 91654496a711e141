"""The generic reapply target: an HTTPS webhook, signed with HMAC-SHA256.

The receiver (the IaC pipeline) verifies `X-Driftbot-Signature: sha256=HEX` where HEX is
HMAC-SHA256(secret, "{X-Driftbot-Timestamp}.{raw body}"), and rejects old timestamps, as Slack
signs its own requests. The secret comes from the environment variable the runbook names.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from dataclasses import dataclass
from typing import Any

import aiohttp
import orjson

from bot.errors import ConfigError, ExternalServiceError
from bot.messages import jobs as say

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


async def trigger(url: str, secret: str, payload: dict[str, Any]) -> WebhookResult:
    """POST the signed payload; raises ExternalServiceError unless the target answers 2xx."""
    body = orjson.dumps(payload)
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "driftbot",
        "X-Driftbot-Timestamp": timestamp,
        "X-Driftbot-Signature": sign(secret, timestamp, body),
    }
    try:
        async with (
            aiohttp.ClientSession(timeout=TIMEOUT) as session,
            session.post(url, data=body, headers=headers) as response,
        ):
            text = (await response.text())[:500]
            if response.status >= 300:
                raise ExternalServiceError(*say.webhook_refused(url, response.status))
            return WebhookResult(response.status, text)
    except (aiohttp.ClientError, TimeoutError) as exc:
        raise ExternalServiceError(*say.webhook_unreachable(url, type(exc).__name__)) from exc
