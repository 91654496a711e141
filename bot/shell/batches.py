"""A check's cards, posted together once it has applied all its findings (its `checked` outbox
entry), so that a flood does not bury the channel:

- the environment's first check with Slack (`slack.baseline`, default true): one baseline
  summary of what was already drifted, no card each (they are in App Home and
  `/drift findings ENV`); each gets its card with its next change;
- more new findings than `slack.flood_threshold` (default 10): one summary (counts by kind and
  severity, the most severe, who made the changes) with the cards in its thread, most severe
  first, paced at Slack's one message a second per channel;
- otherwise each card on its own, and the person who made the change is asked about it.

Then the check's progress message says "done" (its job is marked `cards_posted`). The cards
are posted one at a time under their lease, so the notifier can do other work of the same
channel in between (`between`), and a stop ends the batch between two cards (the entry is
handled again later, and exactly-once posting skips what was posted).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager

from bot.config.drift import LoadedConfig
from bot.lifecycle.transitions import ACTIVE, FindingRecord
from bot.shell.cards import Cards
from bot.shell.redis.slack_state import SlackState
from bot.shell.redis.store import Store
from bot.slack import render_progress
from bot.slack.finding_text import severity_order
from bot.slack.news import render_baseline, render_flood_summary

log = logging.getLogger("driftbot.notifier")


class Stopped(Exception):
    """The notifier is stopping: the batch ends between two cards, its entry stays pending."""


class Batches:
    def __init__(
        self,
        loaded: LoadedConfig,
        store: Store,
        state: SlackState,
        cards: Cards,
        lease: Callable[[str, str], AbstractAsyncContextManager[bool]],
    ) -> None:
        self.loaded = loaded
        self.store = store
        self.state = state
        self.cards = cards
        self.lease = lease

    async def checked(
        self,
        entry: Mapping[str, str],
        between: Callable[[], Awaitable[None]],
        stop: asyncio.Event,
    ) -> None:
        env, job_id = entry["env"], entry["checked"]
        conf = self.cards.conf(env)
        if conf is None:
            return
        records = await self.store.records(env, set(ACTIVE))
        cards = await self.state.cards(env, [r.id for r in records])
        waiting = sorted((r for r in records if r.id not in cards), key=severity_order)
        first = not await self.state.is_baselined(env) and not any(
            c.get("ts") for c in cards.values()
        )
        if waiting and first and conf.baseline:
            await self._baseline(env, conf.channel, job_id, waiting)
        elif len(waiting) > conf.flood_threshold:
            said = render_flood_summary(env, waiting)
            key = f"batch:{env}:{job_id}"
            ts, _ = await self.cards.poster.post(key, conf.channel, said.text, said.blocks)
            await self._post_all(waiting, conf.channel, ts, between, stop)
        else:
            await self._post_all(waiting, conf.channel, None, between, stop)
        if not await self.state.is_baselined(env):
            await self.state.set_baselined(env)
        await self._done(job_id)

    async def _baseline(
        self, env: str, channel: str, job_id: str, records: list[FindingRecord]
    ) -> None:
        said = render_baseline(env, records)
        await self.cards.poster.post(f"baseline:{env}:{job_id}", channel, said.text, said.blocks)
        for r in records:
            await self.state.save_card(env, r.id, baseline=1, **self.cards.remembered(r))

    async def _post_all(
        self,
        records: list[FindingRecord],
        channel: str,
        thread_ts: str | None,
        between: Callable[[], Awaitable[None]],
        stop: asyncio.Event,
    ) -> None:
        for record in records:
            if stop.is_set():
                raise Stopped
            async with self.lease(record.env, record.id) as held:
                if not held:
                    continue  # another notifier is on it
                current = await self.store.get(record.env, record.id)
                card = await self.state.card(record.env, record.id)
                if current is None or current.state not in ACTIVE or (card and card.get("ts")):
                    continue
                await self.cards.post_card(current, channel, thread_ts)
                if thread_ts is None:
                    await self.cards.ask(current)
            await between()

    async def _done(self, job_id: str) -> None:
        """The check's progress message says "done", now that its cards are posted."""
        await self.store.set_job(job_id, cards_posted="1")
        info = await self.store.job(job_id) or {}
        channel, ts = info.get("progress_channel"), info.get("progress_ts")
        if not channel or not ts or info.get("state") != "succeeded":
            return
        result = info.get("result") if isinstance(info.get("result"), Mapping) else None
        said = render_progress(str(info.get("env", "")), job_id, "succeeded", None, result, None)
        await self.cards.slack.update(str(channel), str(ts), said.text, said.blocks)
