"""The real-time consumer: `concurrency` pollers, each long-polling the queue (20 s, 10 messages)
and handling what it gets as one batch (batch.py):

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
from collections.abc import Callable, Mapping, Sequence

from bot.config.drift import LoadedConfig
from bot.errors import AwsError, ConfigError
from bot.messages import ops as say
from bot.policy.runbook import Runbook
from bot.shell import metrics
from bot.shell.aws.access import SessionFactory
from bot.shell.realtime.batch import Batches, BatchOutcome
from bot.shell.realtime.ingest import EnvironmentIngest
from bot.shell.realtime.queue import WAIT_SECONDS, Message, RealtimeQueue, Redrive
from bot.shell.realtime.router import Router
from bot.shell.redis.connection import redis_outage
from bot.shell.redis.outage import Backoff, OutageLog, pause
from bot.shell.redis.realtime import RealtimeLedger
from bot.shell.redis.store import Store

log = logging.getLogger("driftbot.realtime")


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
        self.batch = Batches(queue, self.ledger, self.router, self.ingests, self.visibility)

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
        """Route, ingest and delete one batch (batch.py)."""
        self.batches += 1
        self.batch.redrive = self.redrive
        return await self.batch.process(messages)


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
