"""The notifier: keeps each finding's drift card in its environment's channel in step with the
finding, replies every transition in the card's thread (the audit trail), and tells the channel
when an environment is back to clean.

It is the one place a card is rendered. It consumes the store's outbox (a Redis stream written
in the same transaction as each finding change, and by `Store.redraw` when a reapply request
the card shows was asked for or decided) through a consumer group, so each change is handled by
one notifier even with several workers, and entries a dead notifier left pending are claimed
after two leases (a minute by default; `drift worker --job-lease`). A card is posted once per
finding and then only updated (`chat.update`); what was rendered and which transitions were
replied are versioned in Redis, so an entry handled twice changes nothing.

Exactly once as people see it, across crashes: every post (the card, its overflow and audit
replies, the back-to-clean notice) goes through bot/shell/posting.py, which records the intent
before posting and, after a crash between the post and its record, finds the message by its
metadata instead of posting it again. One notifier at a time works on a card: it holds the
card's lease (renewed while it works, so a slow Slack does not let a second one in; lost when
it dies, so another takes over after one lease).

A Redis outage pauses it: one log line when Redis goes, one when it is back; a Redis that came
back empty (no outbox group) gets its group again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator, Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from redis.exceptions import ResponseError

from bot.config.drift import LoadedConfig
from bot.errors import SlackError
from bot.lifecycle.transitions import ACTIVE, FindingRecord, Transition
from bot.policy.approvers import approvers_for
from bot.policy.runbook import Runbook
from bot.shell.posting import OncePoster
from bot.shell.redis import keys
from bot.shell.redis.outage import OutageLog, consume
from bot.shell.redis.posts import PostLedger
from bot.shell.redis.slack_state import SlackState
from bot.shell.redis.store import Store
from bot.shell.slack import SlackGateway
from bot.slack import CardMessage, render_audit, render_back_to_clean, render_card

log = logging.getLogger("driftbot.notifier")
GROUP = "slack"
LEASE = timedelta(seconds=30)


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
        self.poster = OncePoster(PostLedger(store.redis, clock), slack)

    async def ensure_group(self) -> None:
        try:
            await self.store.redis.xgroup_create(keys.OUTBOX, GROUP, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    async def run(self, stop: asyncio.Event, where: str = "Redis") -> None:
        """Handle outbox entries until `stop` is set, through Redis outages."""
        outage = OutageLog(log, "notifier", where)
        await consume(stop, outage, self.ensure_group, lambda: self.step(block_ms=1000))

    async def step(self, block_ms: int | None = None) -> int:
        """Handle what is waiting (new entries, and stale ones a dead consumer left)."""
        redis = self.store.redis
        claimed = await redis.xautoclaim(
            keys.OUTBOX, GROUP, self.consumer, self.idle_ms, "0-0", count=50
        )
        entries = list(claimed[1]) if claimed else []
        new: dict[Any, Any] = {keys.OUTBOX: ">"}
        read = await redis.xreadgroup(GROUP, self.consumer, new, count=50, block=block_ms)
        for _, items in read or []:
            entries.extend(items)
        for entry_id, fields in entries:
            entry = {k.decode(): v.decode() for k, v in fields.items()}
            entry_key = entry_id.decode() if isinstance(entry_id, bytes) else str(entry_id)
            if await self.handle(entry, entry_key):
                await redis.xack(keys.OUTBOX, GROUP, entry_id)
        return len(entries)

    async def handle(self, entry: dict[str, str], entry_id: str = "") -> bool:
        """Bring one finding's card up to date (and, for a `redraw` entry, re-render it even
        at the version it shows). False leaves the entry for a retry."""
        env_name = entry.get("env", "")
        env = self.loaded.config.environments.get(env_name)
        if env is None or env.slack is None:
            return True  # not shown in Slack
        fid = entry["finding_id"]
        async with self._card_lease(env_name, fid) as held:
            if not held:
                return False  # another notifier is on it; retried after the idle time
            try:
                record = await self.store.get(env_name, fid)
                if record is None:
                    return True
                if entry.get("redraw"):
                    await self._redraw(record)
                    return True
                card = await self._render(env.slack.channel, record)
                await self._audit(card, record, entry)
                await self._clean_notice(env.slack.channel, env_name, entry, entry_id)
                return True
            except SlackError as exc:
                log.warning("card %s/%s: %s", env_name, fid, exc.user_message)
                return not exc.retryable

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

    async def _render(self, channel: str, record: FindingRecord) -> dict[str, str]:
        """Post or update the card unless it shows this version already; returns where it is
        (`channel`, `ts`, `audited`)."""
        card = await self.state.card(record.env, record.id)
        if card is not None and int(card.get("version", 0)) >= record.version:
            return card  # already shows this version (or a newer one)
        if card is not None:
            await self._update(card, record)
            return card
        message = await self._message(record)
        key = f"card:{record.env}:{record.id}"
        ts, fresh = await self.poster.post(key, channel, message.text, message.blocks)
        where = {"channel": channel, "ts": ts}
        if not fresh:  # posted before a crash, maybe at an older version: show this one
            await self.slack.update(channel, ts, message.text, message.blocks)
        await self.state.save_card(
            record.env, record.id, **where, version=record.version, audited=0
        )
        for n, text in enumerate(message.thread_overflow):
            await self.poster.post(f"{key}:overflow:{n}", channel, text, thread_ts=ts)
        return {**where, "audited": "0"}

    async def _redraw(self, record: FindingRecord) -> None:
        """Re-render a posted card at its version (its reapply request changed); a card not
        posted yet shows the request when it is."""
        card = await self.state.card(record.env, record.id)
        if card is not None:
            await self._update(card, record)

    async def _update(self, card: Mapping[str, str], record: FindingRecord) -> None:
        message = await self._message(record)
        await self.slack.update(card["channel"], card["ts"], message.text, message.blocks)
        await self.state.save_card(record.env, record.id, version=record.version)

    async def _message(self, record: FindingRecord) -> CardMessage:
        """The card from the stored state: the finding, its runbook, its reapply request."""
        runbook = self.runbooks.get(record.finding.runbook or "")
        approval = await self.state.open_approval(record.env, record.id)
        env = self.loaded.config.environments.get(record.env)
        codify = env is not None and env.codify is not None  # the Codify button (issue 12)
        approvers = approvers_for(runbook, env.slack if env else None)
        return render_card(
            record, runbook, approval, now=self.clock(), codify=codify, approvers=approvers
        )

    async def _audit(
        self, card: Mapping[str, str], record: FindingRecord, entry: Mapping[str, str]
    ) -> None:
        """Reply the entry's transitions in the card's thread, once per version."""
        version = int(entry.get("version", "0"))
        if int(card.get("audited", 0)) >= version:
            return
        for n, raw in enumerate(orjson.loads(entry.get("transitions") or "[]")):
            transition = Transition.model_validate(raw)
            text = render_audit(transition)
            key = f"audit:{record.env}:{record.id}:{version}:{n}"
            await self.poster.post(key, card["channel"], text, thread_ts=card["ts"])
        await self.state.save_card(record.env, record.id, audited=version)

    async def _clean_notice(
        self, channel: str, env: str, entry: Mapping[str, str], entry_id: str
    ) -> None:
        """Say so once when the last open finding of an environment resolves."""
        moves: list[dict[str, Any]] = orjson.loads(entry.get("transitions") or "[]")
        if any(m.get("to_state") == "open" for m in moves):
            await self.state.set_flag(keys.CLEAN, env, "0")
        if not any(m.get("to_state") == "resolved" for m in moves):
            return
        key = f"clean:{env}:{entry_id or entry.get('finding_id', '')}:{entry.get('version', '')}"
        if not await self.poster.intended(key):
            if await self.store.records(env, set(ACTIVE)):
                return
            if await self.state.swap_flag(keys.CLEAN, env, "1") == "1":
                return  # already announced
        last = moves[-1]
        message = render_back_to_clean(env, last.get("resource", ""))
        await self.poster.post(key, channel, message.text, message.blocks)
