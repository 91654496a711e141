"""The notifier: keeps Slack in step with the findings. It is the one place cards are drawn.

It consumes the store's outbox (a Redis stream written in the same transaction as each finding
change, by `Store.redraw` when a reapply request the card shows changed, and by a check's
`checked` when it has applied all its findings) through a consumer group, so each entry is
handled by one notifier even with several processes; entries a dead notifier left pending are
claimed after two leases (a minute by default; `drift worker --job-lease`).

What an entry does is bot/shell/cards.py's (one finding: its card, thread, news, approval
message, the question to whoever made the change) and bot/shell/batches.py's (a check's cards
together: a baseline summary, a flood's summary with the cards in its thread, or each card).

No floods, no waiting behind another channel: entries are handed to one lane per channel,
and the lanes run concurrently; posts are paced per channel within Slack's limits
(bot/shell/redis/pace.py), so a burst of 200 cards in one environment's channel takes its
channel's time and delays no other environment's cards. Within a lane a batch lets the
channel's other entries (a click's redraw) go between two of its cards. Entries being worked
on are claimed again every third of a lease, so a long batch is not taken over by another
notifier while it is alive. App Home is published again for the people who opened it after
the changes it shows (at most every few seconds).

Exactly once as people see it, across crashes: every post goes through bot/shell/posting.py,
and one notifier at a time works on a card (its lease, renewed while it works).

A Redis outage pauses it: one log line when Redis goes, one when it is back; a Redis that came
back empty (no outbox group) gets its group again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import deque
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from redis.exceptions import ResponseError

from bot.config.drift import LoadedConfig
from bot.errors import SlackError
from bot.policy.runbook import Runbook
from bot.shell.batches import Batches, Stopped
from bot.shell.cards import Cards, entry_fields
from bot.shell.home import HomeBoard, HomeRefresher
from bot.shell.posting import OncePoster
from bot.shell.redis import keys
from bot.shell.redis.connection import redis_outage
from bot.shell.redis.outage import OutageLog, consume
from bot.shell.redis.pace import Pacer
from bot.shell.redis.posts import PostLedger
from bot.shell.redis.slack_state import SlackState
from bot.shell.redis.store import Store
from bot.shell.slack import SlackGateway

log = logging.getLogger("driftbot.notifier")
GROUP = "slack"
LEASE = timedelta(seconds=30)
READ = 50  # entries read at a time
STOP_GRACE = 4.0  # seconds the lanes get to finish their entries when stopping (then 2 more)


@dataclass
class Item:
    entry_id: str
    entry: dict[str, str]
    done: asyncio.Future[bool]


@dataclass
class Lane:
    """One channel's entries, handled in order."""

    key: str
    items: deque[Item] = field(default_factory=deque)
    task: asyncio.Task[None] | None = None


class Notifier:
    """Renders outbox entries into Slack."""

    def __init__(
        self,
        loaded: LoadedConfig,
        runbooks: Mapping[str, Runbook],
        store: Store,
        state: SlackState,
        slack: SlackGateway,
        consumer: str = "notifier",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        lease: timedelta = LEASE,
    ) -> None:
        self.loaded = loaded
        self.runbooks = runbooks
        self.store = store
        self.state = state
        self.slack = slack
        self.consumer = consumer
        self.clock = clock
        self.lease = lease
        self.idle_ms = max(1, int(2 * lease.total_seconds() * 1000))
        if slack.pacer is None:
            slack.pacer = Pacer(store.redis)
        self.poster = OncePoster(PostLedger(store.redis, clock), slack)
        self.board = HomeBoard(loaded, runbooks, store, state, slack, clock)
        self.home = HomeRefresher(self.board)
        self.cards = Cards(loaded, runbooks, store, state, slack, self.poster, clock, self.home)
        self.batches = Batches(loaded, store, state, self.cards, self._card_lease)
        self.lanes: dict[str, Lane] = {}
        self.inflight: dict[str, Item] = {}
        self.stopping = asyncio.Event()

    async def ensure_group(self) -> None:
        try:
            await self.store.redis.xgroup_create(keys.OUTBOX, GROUP, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    async def run(self, stop: asyncio.Event, where: str = "Redis") -> None:
        """Handle outbox entries until `stop` is set, through Redis outages."""
        outage = OutageLog(log, "notifier", where)
        helpers = [
            asyncio.create_task(self.home.run(stop)),
            asyncio.create_task(self._renew(stop)),
        ]
        try:
            await consume(
                stop, outage, self.ensure_group, lambda: self.step(block_ms=1000, wait=False)
            )
        finally:
            await self._close_lanes()
            for task in helpers:
                task.cancel()
            await asyncio.gather(*helpers, return_exceptions=True)

    async def step(self, block_ms: int | None = None, wait: bool = True) -> int:
        """Read what is waiting (new entries, and stale ones a dead consumer left) and hand
        each to its channel's lane; with `wait`, return once they are handled."""
        redis = self.store.redis
        claimed = await redis.xautoclaim(
            keys.OUTBOX, GROUP, self.consumer, self.idle_ms, "0-0", count=READ
        )
        entries = list(claimed[1]) if claimed else []
        new: dict[Any, Any] = {keys.OUTBOX: ">"}
        read = await redis.xreadgroup(GROUP, self.consumer, new, count=READ, block=block_ms)
        for _, items in read or []:
            entries.extend(items)
        dispatched: list[asyncio.Future[bool]] = []
        for entry_id, fields in entries:
            key = entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id)
            if key in self.inflight or not fields:
                continue
            dispatched.append(self._dispatch(key, entry_fields(fields)))
        if wait and dispatched:
            try:
                await asyncio.gather(*dispatched)
            except asyncio.CancelledError:  # the caller is gone: so is the work it started
                for lane in self.lanes.values():
                    if lane.task is not None:
                        lane.task.cancel()
                raise
            if self.home.dirty.is_set():  # stepping (tests, drains): Home at once
                self.home.dirty.clear()
                await self.home.flush()
        return len(dispatched)

    def _lane_of(self, entry: Mapping[str, str]) -> str:
        env = self.loaded.config.environments.get(entry.get("env", ""))
        return env.slack.channel if env is not None and env.slack is not None else ""

    def _dispatch(self, entry_id: str, entry: dict[str, str]) -> asyncio.Future[bool]:
        done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        item = Item(entry_id, entry, done)
        self.inflight[entry_id] = item
        key = self._lane_of(entry)
        lane = self.lanes.setdefault(key, Lane(key))
        lane.items.append(item)
        if lane.task is None or lane.task.done():
            lane.task = asyncio.create_task(self._work(lane))
        return done

    async def _work(self, lane: Lane) -> None:
        while lane.items and not self.stopping.is_set():
            await self._handle_item(lane, lane.items.popleft())

    async def _handle_item(self, lane: Lane, item: Item) -> None:
        try:
            ok = await self.handle(item.entry, item.entry_id, lane)
            if ok:
                await self.store.redis.xack(keys.OUTBOX, GROUP, item.entry_id)
        except Exception as exc:  # Redis away mid-entry: it stays pending, claimed again
            if redis_outage(exc) is None:
                log.exception("outbox entry %s failed", item.entry_id)
            ok = False
        finally:
            self.inflight.pop(item.entry_id, None)
        if not item.done.done():
            item.done.set_result(ok)

    async def handle(
        self, entry: dict[str, str], entry_id: str = "", lane: Lane | None = None
    ) -> bool:
        """Handle one entry; False leaves it for a retry (after the idle time)."""
        env = self.loaded.config.environments.get(entry.get("env", ""))
        if env is None or env.slack is None:
            return True  # not shown in Slack
        try:
            if entry.get("checked"):

                async def between() -> None:
                    await self._between(lane)

                await self.batches.checked(entry, between, self.stopping)
                return True
            fid = entry.get("finding_id")
            if not fid:
                return True
            async with self._card_lease(entry["env"], fid) as held:
                if not held:
                    return False  # another notifier is on it; retried after the idle time
                await self.cards.finding_entry(entry, entry_id)
                return True
        except Stopped:
            return False
        except SlackError as exc:
            log.warning("outbox %s (%s): %s", entry_id, entry.get("env"), exc.user_message)
            return not exc.retryable

    async def _between(self, lane: Lane | None) -> None:
        """During a batch: handle the lane's entries that are not batches (a click's redraw,
        a new change) before the next card."""
        if lane is None:
            return
        urgent = [i for i in lane.items if not i.entry.get("checked")]
        for item in urgent:
            lane.items.remove(item)
            await self._handle_item(lane, item)

    async def _renew(self, stop: asyncio.Event) -> None:
        """Claim the entries being worked on again (their idle time back to zero), so another
        notifier does not take over a long batch from a live one."""
        every = max(self.lease.total_seconds() / 3, 0.05)
        while not stop.is_set():
            await asyncio.sleep(every)
            ids: list[int | bytes | str | memoryview[int]] = list(self.inflight)
            if not ids:
                continue
            try:
                await self.store.redis.xclaim(
                    keys.OUTBOX, GROUP, self.consumer, 0, ids, justid=True
                )
            except Exception:  # an outage: consume() reports it
                log.debug("could not renew the claim of %d entries", len(ids), exc_info=True)

    async def _close_lanes(self) -> None:
        """Stopping: the lanes get STOP_GRACE seconds to finish what they were handed, then a
        batch stops between two cards, and whatever is still running is cancelled (what is not
        acked is handled again by the next notifier)."""
        tasks = [lane.task for lane in self.lanes.values() if lane.task is not None]
        if tasks:
            _, tasks_left = await asyncio.wait(tasks, timeout=STOP_GRACE)
            tasks = list(tasks_left)
        self.stopping.set()
        if tasks:
            _, late = await asyncio.wait(tasks, timeout=STOP_GRACE / 2)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)

    @contextlib.asynccontextmanager
    async def _card_lease(self, env: str, fid: str) -> AsyncIterator[bool]:
        """Hold the card's lease while working on it (renewed every third of it)."""
        owner = f"{self.consumer}:{uuid.uuid4().hex[:8]}"
        if not await self.state.lock_card(env, fid, owner, self.lease):
            yield False
            return

        async def renew() -> None:
            while True:
                await asyncio.sleep(self.lease.total_seconds() / 3)
                if not await self.state.renew_card(env, fid, owner, self.lease):
                    log.warning("card %s/%s: lost its lease while working on it", env, fid)
                    return

        renewing = asyncio.create_task(renew())
        try:
            yield True
        finally:
            renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await renewing
            await self.state.unlock_card(env, fid, owner)
