"""Events API: App Home, and de-duplication of Slack's retried deliveries by `event_id`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from slack_bolt.response import BoltResponse

from bot.lifecycle.approvals import ApprovalRequest
from bot.lifecycle.transitions import ACTIVE
from bot.slack import render_home
from handlers import payloads
from handlers.base import HandlerBase
from handlers.payloads import Body


class EventHandlers(HandlerBase):
    async def on_home_opened(self, event: Body) -> None:
        """The Home tab: open findings of each environment the viewer may see."""
        if not payloads.home_tab(event):
            return
        user = payloads.event_user(event)
        sections = []
        pending: dict[str, ApprovalRequest] = {}
        for env in await self.access.visible_envs(user):
            records = await self.deps.store.records(env, set(ACTIVE))
            sections.append((env, records))
            pending |= await self.deps.state.pending_approvals(env, [r.id for r in records])
        env_slack = {n: e.slack for n, e in self.deps.loaded.config.environments.items()}
        home = render_home(sections, self.deps.runbooks, self.deps.clock(), pending, env_slack)
        await self.deps.slack.publish_home(user, home)

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
