"""Events API: App Home, and de-duplication of Slack's retried deliveries by `event_id`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from slack_bolt.response import BoltResponse

from bot.shell.home import HomeBoard
from handlers import payloads
from handlers.base import HandlerBase
from handlers.payloads import Body


class EventHandlers(HandlerBase):
    async def on_home_opened(self, event: Body) -> None:
        """The Home tab (bot/shell/home.py): the findings of each environment the viewer may
        see, linked to their cards; the viewer is remembered, so Home is published again for
        them after the changes it shows."""
        if not payloads.home_tab(event):
            return
        board = HomeBoard(
            self.deps.loaded,
            self.deps.runbooks,
            self.deps.store,
            self.deps.state,
            self.deps.slack,
            self.deps.clock,
        )
        await board.opened(payloads.event_user(event))

    async def dedupe_events(
        self,
        body: Body,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        """Global middleware: an Events API delivery whose `event_id` was handled is dropped
        (Slack retries after 3 s even while the first delivery is being handled) and answered
        200, as delivered: Bolt answers 404 for a middleware that neither calls `next` nor
        returns a response. A first delivery that arrives with a retry header is handled."""
        event_id = payloads.event_id(body)
        if event_id and not await self.deps.state.first_delivery(event_id):
            return BoltResponse(status=200, body="")
        await next()
        return None
