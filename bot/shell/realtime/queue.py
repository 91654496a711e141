"""The SQS queue of the real-time path, through AwsAccess (every call counted, errors
translated, the IAM action known): long-poll receives (20 s, 10 messages), batch deletes and
visibility changes, the queue's redrive policy and depths.

A receive blocks its thread for up to 20 s, so receives run on threads of their own (daemon
threads: a stopping worker does not wait for a poll in flight; what that poll received comes
back after the visibility timeout). The other calls use the event loop's default threads."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import orjson
from botocore.config import Config

from bot.config.aws import AwsSettings
from bot.config.realtime import SqsQueue
from bot.shell.aws.access import AwsAccess, SessionFactory

T = TypeVar("T")
WAIT_SECONDS = 20  # SQS's longest long poll
BATCH = 10  # SQS's largest batch
ATTRIBUTES = ["ApproximateReceiveCount", "SentTimestamp", "ApproximateFirstReceiveTimestamp"]
SERVICE = "sqs"
# The calls this module makes (bot/shell/aws/permissions.py builds the IAM policy from them).
QUEUE_CALLS = (
    "ReceiveMessage",
    "DeleteMessageBatch",
    "ChangeMessageVisibilityBatch",
    "GetQueueAttributes",
)
DLQ_CALLS = ("GetQueueUrl", "GetQueueAttributes")


@dataclass(frozen=True)
class QueueIdentity:
    """What AwsAccess reads for the queue's calls: its endpoint; no role (driftbot's own)."""

    aws: AwsSettings
    role_arn: str | None = None
    external_id: str | None = None


@dataclass(frozen=True, slots=True)
class Message:
    """One received message: its id, body, latest receipt handle and receive count."""

    id: str
    body: str
    handle: str
    receives: int
    sent_ms: int


@dataclass(frozen=True)
class Redrive:
    """The queue's redrive policy: where poison messages go, after how many receives."""

    dead_letter_arn: str | None = None
    max_receives: int | None = None


@dataclass
class Failed:
    """Entries of a batch call SQS refused (`Failed: [{Id, Code, Message}]`)."""

    ids: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


class RealtimeQueue:
    """The calls the consumer makes on its queue."""

    def __init__(self, settings: SqsQueue, session_factory: SessionFactory | None = None) -> None:
        self.settings = settings
        self.url = settings.queue_url
        self.region = settings.region
        identity = QueueIdentity(AwsSettings(endpoint_url=settings.endpoint_url))
        extra = {"session_factory": session_factory} if session_factory else {}
        self.aws = AwsAccess(identity, "realtime", **extra)
        # A long poll answers within its wait: one that hangs past it is retried, not awaited
        # for botocore's default minute.
        self.aws.config = self.aws.config.merge(Config(read_timeout=WAIT_SECONDS + 10))

    async def receive(
        self, wait: int = WAIT_SECONDS, visibility: int | None = None
    ) -> list[Message]:
        """Up to 10 messages, waiting up to `wait` seconds for the first."""
        params: dict[str, Any] = {
            "QueueUrl": self.url,
            "MaxNumberOfMessages": BATCH,
            "WaitTimeSeconds": wait,
            "MessageSystemAttributeNames": ATTRIBUTES,
            "VisibilityTimeout": visibility or self.settings.visibility_timeout,
        }
        answer = await on_own_thread(lambda: self._call("ReceiveMessage", **params))
        out = []
        for item in answer.get("Messages") or []:
            attributes = item.get("Attributes") or {}
            out.append(
                Message(
                    id=str(item.get("MessageId", "")),
                    body=str(item.get("Body", "")),
                    handle=str(item.get("ReceiptHandle", "")),
                    receives=int(attributes.get("ApproximateReceiveCount") or 1),
                    sent_ms=int(attributes.get("SentTimestamp") or 0),
                )
            )
        return out

    async def delete(self, messages: Sequence[Message]) -> Failed:
        """Delete the messages (in batches of 10); what SQS refused is returned."""
        entries = [{"Id": str(n), "ReceiptHandle": m.handle} for n, m in enumerate(messages)]
        return await self._batches("DeleteMessageBatch", messages, entries)

    async def extend(self, messages: Sequence[Message], seconds: int) -> Failed:
        """Set the messages' visibility timeout to `seconds` from now (0: visible again)."""
        entries = [
            {"Id": str(n), "ReceiptHandle": m.handle, "VisibilityTimeout": seconds}
            for n, m in enumerate(messages)
        ]
        return await self._batches("ChangeMessageVisibilityBatch", messages, entries)

    async def _batches(
        self, operation: str, messages: Sequence[Message], entries: list[dict[str, Any]]
    ) -> Failed:
        failed = Failed()
        for start in range(0, len(entries), BATCH):
            chunk = entries[start : start + BATCH]
            answer = await asyncio.to_thread(
                self._call, operation, QueueUrl=self.url, Entries=chunk
            )
            for item in answer.get("Failed") or []:
                failed.ids.append(messages[int(item["Id"])].id)
                failed.codes.append(str(item.get("Code", "")))
        return failed

    async def redrive(self) -> Redrive:
        """The queue's redrive policy (none: poison messages stay on the queue)."""
        answer = await asyncio.to_thread(
            self._call, "GetQueueAttributes", QueueUrl=self.url, AttributeNames=["RedrivePolicy"]
        )
        raw = (answer.get("Attributes") or {}).get("RedrivePolicy")
        if not raw:
            return Redrive()
        policy = orjson.loads(raw)
        count = policy.get("maxReceiveCount")
        return Redrive(policy.get("deadLetterTargetArn"), int(count) if count else None)

    async def depth(self, url: str | None = None) -> dict[str, int]:
        """Messages waiting and in flight on the queue (or on `url`, the dead-letter queue)."""
        names = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
        answer = await asyncio.to_thread(
            self._call, "GetQueueAttributes", QueueUrl=url or self.url, AttributeNames=names
        )
        attributes = answer.get("Attributes") or {}
        return {
            "waiting": int(attributes.get(names[0]) or 0),
            "in_flight": int(attributes.get(names[1]) or 0),
        }

    async def url_of(self, arn: str) -> str:
        """A queue's URL from its ARN (the dead-letter queue's)."""
        _, _, _, _, account, name = arn.split(":", 5)
        answer = await asyncio.to_thread(
            self._call, "GetQueueUrl", QueueName=name, QueueOwnerAWSAccountId=account
        )
        return str(answer["QueueUrl"])

    def _call(self, operation: str, **params: Any) -> dict[str, Any]:
        return self.aws.call_sync(
            SERVICE, operation, region=self.region, resource=self.url, **params
        )


async def on_own_thread(work: Callable[[], T]) -> T:
    """`work()` on a daemon thread of its own; its result or exception comes back to the loop.
    A process that stops does not wait for it."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        try:
            result = work()
        except BaseException as exc:  # handed to the loop, raised there
            _deliver(loop, settle, None, exc)
            return
        _deliver(loop, settle, result, None)

    threading.Thread(target=run, name="driftbot-sqs-receive", daemon=True).start()
    return await future


def _deliver(loop: asyncio.AbstractEventLoop, settle: Any, result: Any, error: Any) -> None:
    if not loop.is_closed():
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nobody waits
            loop.call_soon_threadsafe(settle, result, error)
