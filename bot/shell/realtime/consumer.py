"""The real-time consumer: `concurrency` pollers, each long-polling the queue (20 s, 10 messages)
and handling what it gets as one batch:

1. each body is parsed (envelope.py); what is no CloudTrail event is named in the log, counted,
   noted in Redis and deleted;
2. each event is routed to the environments that keep it (router.py), or dropped with its
   reason (counted);
3. each environment's events are ingested (ingest.py: findings stored through the lifecycle);
4. the messages are deleted, only now that what they changed is stored.

While a batch is worked on, its messages' visibility is extended every half timeout. When Redis
is unreachable the batch is held (visibility still extended) and tried again once Redis is
back: an outage sends nothing to the dead-letter queue. Any other failure is tried again
message by message, so one poison message does not take its batch with it; a message that
still fails is left on the queue (visible again after a short backoff) and, on the receive
that SQS's redrive policy makes its last, named in the log, counted and noted in Redis: SQS
moves it to the dead-letter queue. A signal stops the pollers; a batch in hand is finished.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.config.drift import LoadedConfig
from bot.errors import AwsError, ConfigError, DriftBotError
from bot.messages import ops as say
from bot.policy.runbook import Runbook
from bot.shell import metrics
from bot.shell.aws.access import SessionFactory
from bot.shell.realtime.envelope import Envelope, parse_body
from bot.shell.realtime.ingest import EnvironmentIngest
from bot.shell.realtime.queue import WAIT_SECONDS, Message, RealtimeQueue, Redrive
from bot.shell.realtime.router import Router
from bot.shell.redis.connection import redis_outage
from bot.shell.redis.outage import Backoff, OutageLog, pause
from bot.shell.redis.realtime import RealtimeLedger
from bot.shell.redis.store import Store
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


class Consumer:
    """Consumes `drift.yml`'s `realtime.sqs` queue into every environment's findings."""

    def __init__(
        self,
        loaded: LoadedConfig,
        runbooks: Mapping[str, Runbook] | None,
        store: Store,
        queue: RealtimeQueue,
        *,
        where: str = "Redis",
        wait: int = WAIT_SECONDS,
        session_factory: SessionFactory | None = None,
        ingests: Mapping[str, EnvironmentIngest] | None = None,
    ) -> None:
        realtime = loaded.config.realtime
        if realtime is None:  # pragma: no cover - the callers check first
            raise ConfigError(*say.no_realtime(str(loaded.path)))
        self.queue = queue
        self.store = store
        self.ledger = RealtimeLedger(store.redis)
        self.concurrency = realtime.sqs.concurrency
        self.visibility = realtime.sqs.visibility_timeout
        self.wait = wait
        envs = loaded.config.environments
        self.router = Router(envs)
        self.ingests = dict(ingests or {})
        for name, env in envs.items():
            if name not in self.ingests:
                self.ingests[name] = EnvironmentIngest(
                    name,
                    env,
                    loaded.base_dir,
                    store,
                    self.ledger,
                    runbooks,
                    realtime.state_refresh_delta,
                    session_factory=session_factory,
                )
        self.redrive = Redrive()
        self.outage = OutageLog(log, "realtime", where)
        self.batches = 0
        self.last_receive: float | None = None  # monotonic time of the last answered receive
        self.queue_error: AwsError | None = None
        self._late: set[asyncio.Future[None]] = set()

    # ---- the pollers --------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event) -> None:
        """Poll until `stop` is set."""
        await self._redrive(stop)
        log.info("realtime: consuming %s with %d poller(s)", self.queue.url, self.concurrency)
        await asyncio.gather(*(self._poller(stop) for _ in range(self.concurrency)))
        log.info("realtime: stopped")

    async def _poller(self, stop: asyncio.Event) -> None:
        """One poller, started again after anything unexpected (logged with its traceback)."""
        backoff = Backoff(first=1.0, cap=30.0)
        while not stop.is_set():
            try:
                await self._poll(stop)
            except Exception:  # a bug must not silently stop consuming
                log.exception("realtime: a poller failed; starting it again")
                await pause(stop, backoff.next())

    async def _redrive(self, stop: asyncio.Event) -> None:
        backoff = Backoff(first=1.0, cap=30.0)
        while not stop.is_set():
            try:
                self.redrive = await self.queue.redrive()
            except AwsError as exc:
                self._queue_failed(exc)
                await pause(stop, backoff.next())
                continue
            self._queue_ok()
            if self.redrive.max_receives is None:
                log.warning(
                    "realtime: %s has no redrive policy: a message that always fails stays on "
                    "the queue; give it a dead-letter queue (deploy/central.yaml)",
                    self.queue.url,
                )
            return

    async def _poll(self, stop: asyncio.Event) -> None:
        backoff = Backoff(first=1.0, cap=30.0)
        while not stop.is_set():
            receiving = asyncio.ensure_future(self.queue.receive(self.wait, self.visibility))
            stopped = asyncio.ensure_future(stop.wait())
            await asyncio.wait({receiving, stopped}, return_when=asyncio.FIRST_COMPLETED)
            stopped.cancel()
            if not receiving.done():
                receiving.add_done_callback(self._release_late)
                return
            try:
                messages = receiving.result()
            except AwsError as exc:
                metrics.SQS_RECEIVES.labels("error").inc()
                self._queue_failed(exc)
                await pause(stop, backoff.next())
                continue
            backoff.reset()
            self._queue_ok()
            metrics.SQS_RECEIVES.labels("messages" if messages else "empty").inc()
            if messages:
                await self.handle(messages, stop)

    def _release_late(self, receiving: asyncio.Future[list[Message]]) -> None:
        """A poll that answered after the stop: its messages are made visible again."""
        if receiving.cancelled() or receiving.exception() is not None:
            return
        messages = receiving.result()
        if messages:
            task = asyncio.ensure_future(self._release(messages))
            self._late.add(task)
            task.add_done_callback(self._late.discard)

    async def _release(self, messages: Sequence[Message]) -> None:
        try:
            await self.queue.extend(messages, 0)
        except AwsError as exc:
            log.warning("realtime: could not release %d message(s): %s", len(messages), exc)

    def reachable(self) -> tuple[bool, str]:
        """Whether the queue answers (for /readyz): its last call's outcome."""
        if self.queue_error is not None:
            return False, self.queue_error.code or "error"
        if self.last_receive is None:
            return False, "not polled yet"
        return True, f"last receive {time.monotonic() - self.last_receive:.0f} s ago"

    def _queue_failed(self, exc: AwsError) -> None:
        if self.queue_error is None:
            log.warning("realtime: the queue %s: %s", self.queue.url, exc.user_message)
        self.queue_error = exc

    def _queue_ok(self) -> None:
        if self.queue_error is not None:
            log.warning("realtime: the queue %s answers again", self.queue.url)
        self.queue_error = None
        self.last_receive = time.monotonic()

    # ---- one batch ----------------------------------------------------------------------------

    async def handle(self, messages: Sequence[Message], stop: asyncio.Event) -> BatchOutcome:
        """Work on one received batch, its visibility extended meanwhile."""
        done = asyncio.Event()
        beating = asyncio.create_task(self._keep_invisible(messages, done))
        try:
            return await self._held(messages, stop)
        finally:
            done.set()
            await beating

    async def _keep_invisible(self, messages: Sequence[Message], done: asyncio.Event) -> None:
        every = max(1.0, self.visibility / 2)
        while True:
            await pause(done, every)
            if done.is_set():
                return
            try:
                await self.queue.extend(messages, self.visibility)
            except AwsError as exc:
                log.warning("realtime: visibility of %d message(s): %s", len(messages), exc)

    async def _held(self, messages: Sequence[Message], stop: asyncio.Event) -> BatchOutcome:
        """The batch, tried again while Redis is unreachable (never counted as a failure)."""
        backoff = Backoff()
        while True:
            try:
                outcome = await self.process(messages)
                self.outage.back()
                return outcome
            except Exception as exc:
                if redis_outage(exc) is None:
                    raise
                if self.outage.since is None:
                    metrics.REDIS_ERRORS.labels("realtime").inc()
                self.outage.lost(exc)
                if stop.is_set():
                    await self._release(messages)
                    return BatchOutcome(received=len(messages))
                await pause(stop, backoff.next())

    async def process(self, messages: Sequence[Message]) -> BatchOutcome:
        """Route, ingest and delete one batch (see the module docstring)."""
        self.batches += 1
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


def consumer_factory(
    loaded: LoadedConfig,
    runbooks: Mapping[str, Runbook] | None,
    store: Store,
    *,
    where: str = "Redis",
    session_factory: SessionFactory | None = None,
) -> Callable[[], Consumer]:
    """A function making the consumer of `loaded`'s queue."""

    def make() -> Consumer:
        assert loaded.config.realtime is not None  # noqa: S101  (the callers check)
        queue = RealtimeQueue(loaded.config.realtime.sqs, session_factory)
        return Consumer(
            loaded, runbooks, store, queue, where=where, session_factory=session_factory
        )

    return make
