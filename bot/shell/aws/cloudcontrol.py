"""The generic live reader: one resource's current properties through AWS Cloud Control's
`GetResource`, for every type without a hand-written reader (`readers.py`).

One call per resource (its IAM action is `cloudformation:GetResource`: Cloud Control's actions
use CloudFormation's prefix). Calls go through `AwsAccess` (adaptive retries, error
translation, the call log), at most PER_SCOPE at once per account and region. Answers that
Cloud Control's handlers give when a downstream service is busy (`ThrottlingException`
after botocore's retries, `GeneralServiceException` "Rate exceeded", internal and network
failures) are tried again RETRIES more times, BACKOFF seconds apart (doubling); past that the
AwsError goes to the caller, whose finding keeps `confirmed: null` and says why.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

from bot.errors import AwsError
from bot.messages import confirm as say
from bot.shell.aws.access import AwsAccess, CallLog, iam_action

SERVICE, OPERATION = "cloudcontrol", "GetResource"
NOT_FOUND = "ResourceNotFoundException"
BAD_ANSWER = "PropertiesNotJson"  # the local code of an answer whose Properties are not JSON
UNSUPPORTED = frozenset({"TypeNotFoundException", "UnsupportedActionException"})
RETRY_CODES = frozenset(
    {
        "ThrottlingException",
        "ServiceInternalErrorException",
        "NetworkFailureException",
        "HandlerInternalFailureException",
    }
)
RATE_WORDS = ("rate exceeded", "throttl", "too many requests")
PER_SCOPE = 4  # concurrent GetResource calls per account and region
RETRIES = 2
BACKOFF = 1.0

Sleep = Callable[[float], Awaitable[None]]


def retryable(exc: AwsError) -> bool:
    """A busy or failing handler, as opposed to an answer about the resource."""
    if exc.code in RETRY_CODES:
        return True
    detail = exc.detail.lower()
    return exc.code == "GeneralServiceException" and any(w in detail for w in RATE_WORDS)


class CloudControlReader:
    """GetResource with bounded concurrency per (account, region) and retries when busy."""

    def __init__(
        self,
        aws: AwsAccess,
        per_scope: int = PER_SCOPE,
        retries: int = RETRIES,
        backoff: float = BACKOFF,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.aws = aws
        self.per_scope = per_scope
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self._gates: dict[tuple[int, str, str], asyncio.Semaphore] = {}

    def _gate(self, account: str, region: str) -> asyncio.Semaphore:
        key = (id(asyncio.get_running_loop()), account, region)
        gate = self._gates.get(key)
        if gate is None:
            gate = self._gates[key] = asyncio.Semaphore(self.per_scope)
        return gate

    async def read(
        self, type_name: str, identifier: str, region: str, account: str, log: CallLog
    ) -> dict[str, Any] | None:
        """The resource's properties (parsed), or None when Cloud Control finds none."""
        async with self._gate(account, region):
            delay = self.backoff
            for attempt in range(self.retries + 1):
                try:
                    answer = await self.aws.call(
                        SERVICE,
                        OPERATION,
                        region=region,
                        account=account,
                        resource=identifier,
                        log=log,
                        TypeName=type_name,
                        Identifier=identifier,
                    )
                except AwsError as exc:
                    if exc.code == NOT_FOUND:
                        return None
                    if attempt < self.retries and retryable(exc):
                        await self.sleep(delay)
                        delay *= 2
                        continue
                    raise
                return properties(answer, identifier)
        return None  # not reached: the last attempt returns or raises


def properties(answer: dict[str, Any], identifier: str) -> dict[str, Any]:
    """`ResourceDescription.Properties`, a JSON text, as a dict; an AwsError when the text
    is not a JSON object (the answer cannot be compared)."""
    text = (answer.get("ResourceDescription") or {}).get("Properties")
    try:
        parsed = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        action = iam_action(SERVICE, OPERATION)
        raise AwsError(
            say.cloud_control_unreadable(action, identifier),
            code=BAD_ANSWER,
            operation=action,
            resource=identifier,
        )
    return parsed
