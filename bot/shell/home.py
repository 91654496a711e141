"""App Home: built for one person from Redis (the environments they may see, each finding
linked to its card), published when they open it, and published again for everyone who opened
it in the last day after every change it shows (the notifier calls `refresh`, at most every few
seconds, so a flood of changes is a few publishes per person, not one per change)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.config.drift import LoadedConfig
from bot.errors import DriftBotError
from bot.lifecycle.approvals import ApprovalRequest
from bot.lifecycle.transitions import ACTIVE, FindingRecord
from bot.policy.runbook import Runbook
from bot.shell.redis.slack_state import SlackState
from bot.shell.redis.store import Store
from bot.shell.slack import SlackGateway
from bot.shell.visibility import Visibility
from bot.slack import render_home
from bot.slack.text import permalink

log = logging.getLogger("driftbot.home")
RECENT = timedelta(hours=24)  # who opened Home this recently gets it published again
SHOWN = frozenset({*ACTIVE, "accepted"})


async def workspace_url(state: SlackState, slack: SlackGateway) -> str | None:
    """The workspace's address (for card links), from Redis or `auth.test`."""
    url = await state.workspace_url()
    if url:
        return url
    try:
        url = (await slack.identity()).url
    except DriftBotError:
        return None
    if url:
        await state.save_workspace_url(url)
    return url or None


async def card_links(
    state: SlackState, slack: SlackGateway, env: str, fids: list[str]
) -> dict[str, str]:
    """Each finding's card address, by finding id (those with a card)."""
    url = await workspace_url(state, slack)
    if not url or not fids:
        return {}
    out = {}
    for fid, card in (await state.cards(env, fids)).items():
        if card.get("ts") and card.get("channel"):
            out[fid] = permalink(url, card["channel"], card["ts"], card.get("thread") or None)
    return out


class HomeBoard:
    def __init__(
        self,
        loaded: LoadedConfig,
        runbooks: Mapping[str, Runbook],
        store: Store,
        state: SlackState,
        slack: SlackGateway,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.loaded = loaded
        self.runbooks = runbooks
        self.store = store
        self.state = state
        self.slack = slack
        self.clock = clock
        self.visibility = Visibility(loaded, state, slack)

    async def view(self, user: str) -> dict[str, Any]:
        sections: list[tuple[str, list[FindingRecord]]] = []
        pending: dict[str, ApprovalRequest] = {}
        links: dict[str, str] = {}
        for env in await self.visibility.visible_envs(user):
            records = await self.store.records(env, set(SHOWN))
            sections.append((env, records))
            fids = [r.id for r in records]
            pending |= await self.state.pending_approvals(env, fids)
            links |= await card_links(self.state, self.slack, env, fids)
        env_slack = {n: e.slack for n, e in self.loaded.config.environments.items()}
        return render_home(sections, self.runbooks, self.clock(), pending, env_slack, links)

    async def opened(self, user: str) -> None:
        """`user` opened the Home tab: remember it, and publish their Home."""
        await self.state.saw_home(user, self.clock())
        await self.slack.publish_home(user, await self.view(user))

    async def refresh(self) -> int:
        """Publish Home again for everyone who opened it recently; returns how many."""
        users = await self.state.home_viewers(self.clock() - RECENT)
        done = 0
        for user in users:
            try:
                await self.slack.publish_home(user, await self.view(user))
                done += 1
            except DriftBotError as exc:
                log.warning("App Home of %s: %s", user, exc.user_message)
        return done


class HomeRefresher:
    """Publishes Home again at most every `every` seconds after `touch()` (the notifier
    touches it after each change it draws)."""

    def __init__(self, board: HomeBoard, every: float = 3.0) -> None:
        self.board = board
        self.every = every
        self.dirty = asyncio.Event()

    def touch(self) -> None:
        self.dirty.set()

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            waiting = asyncio.create_task(self.dirty.wait())
            stopping = asyncio.create_task(stop.wait())
            await asyncio.wait({waiting, stopping}, return_when=asyncio.FIRST_COMPLETED)
            waiting.cancel()
            stopping.cancel()
            if stop.is_set():
                return
            self.dirty.clear()
            await self.flush()
            await asyncio.sleep(self.every)

    async def flush(self) -> None:
        try:
            await self.board.refresh()
        except Exception:  # Redis away, Slack away: the next change tries again
            log.warning("App Home refresh failed", exc_info=True)
