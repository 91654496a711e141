"""Events API: App Home, and de-duplication of Slack's retried deliveries by `event_id`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.cards import render_home
from bot.lifecycle import ACTIVE
from handlers.base import HandlerBase


class EventHandlers(HandlerBase):
    async def on_home_opened(self, event: dict[str, Any]) -> None:
        """The Home tab: open findings of each environment the viewer may see."""
        if event.get("tab", "home") != "home":
            return
        user = str(event.get("user", ""))
        sections = []
        for env in await self.visible_envs(user):
            sections.append((env, await self.deps.store.records(env, set(ACTIVE))))
        await self.deps.slack.publish_home(
            user, render_home(sections, self.deps.runbooks, self.deps.clock())
        )

    async def dedupe_events(
        self,
        body: dict[str, Any],
        next: Callable[[], Awaitable[None]],
    ) -> None:
        """Global middleware: an Events API delivery whose `event_id` was handled is dropped
        (Slack retries after 3 s even while the first delivery is being handled); a first
        delivery that arrives with a retry header is still handled."""
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not await self.deps.state.first_delivery(str(event_id)):
            return
        await next()
