"""One received batch of the real-time consumer (consumer.py polls): each body parsed
(envelope.py), what is no CloudTrail event named, counted, noted and deleted; each event routed
(router.py) or dropped with its reason; each environment's events ingested (ingest.py), again
message by message after a failure that is not Redis's; the stored messages deleted; the failed
ones left for a retry after a backoff, or, on the receive the redrive policy makes their last,
named, counted and noted as given up (SQS moves them to the dead-letter queue)."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.errors import AwsError, DriftBotError
from bot.shell import metrics
from bot.shell.realtime.envelope import Envelope, parse_body
from bot.shell.realtime.ingest import EnvironmentIngest
from bot.shell.realtime.queue import Message, RealtimeQueue, Redrive
from bot.shell.realtime.router import Router
from bot.shell.redis.connection import redis_outage
from bot.shell.redis.realtime import RealtimeLedger
from bot.trail.fields import parse_event_time

log = logging.getLogger("driftbot.realtime")
RETRY_CAP = 60  # seconds a failed message waits at most before it is visible again


@dataclass
class BatchOutcome:
    """What one batch did (tests and the benchmark read it)."""

    received: int = 0
    deleted: int = 0
    failed: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)


class Batches:
    """Works on received batches."""

    def __init__(
        self,
        queue: RealtimeQueue,
        ledger: RealtimeLedger,
        router: Router,
        ingests: Mapping[str, EnvironmentIngest],
        visibility: int,
    ) -> None:
        self.queue = queue
        self.ledger = ledger
        self.router = router
        self.ingests = ingests
        self.visibility = visibility
        self.redrive = Redrive()

    async def process(self, messages: Sequence[Message]) -> BatchOutcome:
        """Route, ingest and delete one batch (see the module docstring)."""
        outcome = BatchOutcome(received=len(messages))
        metrics.RT_RECEIVED.inc(len(messages))
        counts = outcome.counts
        counts["received"] += len(messages)
        parsed = [(m, parse_body(m.body)) for m in messages]
        done: list[Message] = []
        routes: dict[str, list[tuple[Message, Envelope]]] = {}
        for message, envelope in parsed:
            if envelope.record is None:
                await self._ignore(message, envelope, counts)
                done.append(message)
                continue
            envs, reason = self.router.route(envelope.record)
            if not envs:
                counts[f"dropped:{reason}"] += 1
                metrics.RT_DROPPED.labels(reason or "").inc()
                done.append(message)
                continue
            counts["routed"] += 1
            for env in envs:
                routes.setdefault(env, []).append((message, envelope))
                metrics.RT_ROUTED.labels(env).inc()
        failed: dict[str, tuple[Message, BaseException]] = {}
        for env, items in routes.items():
            for message, error in await self._ingest(env, items, counts):
                failed.setdefault(message.id, (message, error))
        stored = {m.id for _, items in routes.items() for m, _ in items} - set(failed)
        done += [m for m, _ in parsed if m.id in stored]
        last = self._lag([e for m, e in parsed if m.id in stored and e.record is not None])
        await self._delete(done, counts)
        for message, error in failed.values():
            await self._failed(message, error, counts)
            outcome.failed.append(message.id)
        outcome.deleted = counts["deleted"]
        await self.ledger.count(counts, last)
        return outcome

    async def _ingest(
        self, env: str, items: Sequence[tuple[Message, Envelope]], counts: Counter[str]
    ) -> list[tuple[Message, BaseException]]:
        """One environment's share; on a failure (not Redis's), each message again alone."""
        ingest = self.ingests[env]
        records = [e.record for _, e in items if e.record is not None]
        try:
            result = await ingest.ingest(records)
        except Exception as exc:
            if redis_outage(exc) is not None:
                raise
            if len(items) == 1:
                return [(items[0][0], exc)]
            failed: list[tuple[Message, BaseException]] = []
            for item in items:
                failed += await self._ingest(env, [item], counts)
            return failed
        counts["changes"] += result.changes
        counts["duplicates"] += result.duplicates
        counts["findings"] += result.findings
        counts["transitions"] += len(result.transitions)
        if result.changes:
            metrics.CHANGES.labels(env, "realtime").inc(result.changes)
        return []

    async def _ignore(self, message: Message, envelope: Envelope, counts: Counter[str]) -> None:
        reason = envelope.problem or "not_cloudtrail"
        counts[f"ignored:{reason}"] += 1
        metrics.RT_DROPPED.labels(reason).inc()
        log.warning(
            "realtime: message %s is no CloudTrail event (%s: %s); deleted",
            message.id,
            reason,
            envelope.name,
        )
        await self.ledger.ignored(message.id, envelope.name, reason)

    def _lag(self, envelopes: Sequence[Envelope]) -> dict[str, str]:
        now = datetime.now(UTC)
        newest = ""
        for envelope in envelopes:
            when = parse_event_time(envelope.record or {})
            if not when:
                continue
            newest = max(newest, when)
            try:
                at = datetime.fromisoformat(when.replace("Z", "+00:00"))
            except ValueError:
                continue
            metrics.RT_LAG.observe(max(0.0, (now - at).total_seconds()))
        if not newest:
            return {}
        return {"last_event_time": newest, "last_stored_at": now.isoformat(timespec="seconds")}

    async def _delete(self, messages: Sequence[Message], counts: Counter[str]) -> None:
        if not messages:
            return
        try:
            failed = await self.queue.delete(messages)
        except AwsError as exc:
            # Stored already: a later delivery finds every event marked and changes nothing.
            log.warning("realtime: deleting %d message(s): %s", len(messages), exc.user_message)
            counts["delete_failed"] += len(messages)
            metrics.SQS_DELETES.labels("failed").inc(len(messages))
            return
        ok = len(messages) - len(failed.ids)
        counts["deleted"] += ok
        metrics.SQS_DELETES.labels("ok").inc(ok)
        if failed.ids:
            counts["delete_failed"] += len(failed.ids)
            metrics.SQS_DELETES.labels("failed").inc(len(failed.ids))
            log.warning(
                "realtime: SQS refused to delete %s (%s); they are stored and will change "
                "nothing when delivered again",
                ", ".join(failed.ids),
                ", ".join(sorted(set(failed.codes))),
            )

    async def _failed(self, message: Message, error: BaseException, counts: Counter[str]) -> None:
        """A message that failed: retried after a backoff, or, on its last receive, given up."""
        reason = error.user_message if isinstance(error, DriftBotError) else _kind(error)
        name = parse_body(message.body).name
        counts["failed"] += 1
        last = self.redrive.max_receives
        if last is not None and message.receives >= last:
            counts["dead_lettered"] += 1
            metrics.SQS_DEAD.inc()
            log.error(
                "realtime: message %s (%s) failed on receive %d of %d: SQS moves it to the "
                "dead-letter queue %s; %s",
                message.id,
                name,
                message.receives,
                last,
                self.redrive.dead_letter_arn,
                reason,
            )
            await self.ledger.given_up(message.id, name, message.receives, reason)
            return
        if not isinstance(error, DriftBotError):
            log.error("realtime: message %s (%s) failed", message.id, name, exc_info=error)
        else:
            log.warning(
                "realtime: message %s (%s) failed on receive %d: %s; tried again",
                message.id,
                name,
                message.receives,
                reason,
            )
        delay = min(RETRY_CAP, self.visibility, 2 ** min(message.receives, 6))
        try:
            await self.queue.extend([message], delay)
        except AwsError as exc:
            log.warning("realtime: could not set the retry of %s: %s", message.id, exc)


def _kind(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
