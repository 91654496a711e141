"""What every listener class shares: the app's dependencies, who may do what (`Access`), the
finding a click is about, and the ephemeral line back to the person who clicked."""

from __future__ import annotations

import logging

from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.errors import Refused
from bot.lifecycle.transitions import FindingRecord
from bot.messages.slack import answers as say
from handlers.authz import Access
from handlers.deps import SlackDeps

log = logging.getLogger("driftbot.slack")


class HandlerBase:
    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps
        self.access = Access(deps)

    @property
    def environments(self) -> list[str]:
        return sorted(self.deps.loaded.config.environments)

    async def finding(self, env: str, fid: str) -> FindingRecord:
        """The stored finding a button is about; Refused when it is gone."""
        record = await self.deps.store.get(env, fid)
        if record is None:
            raise Refused(say.finding_gone(maybe_expired=True))
        return record


async def tell(respond: AsyncRespond, text: str) -> None:
    """An ephemeral line to the person who clicked."""
    try:
        await respond(text=text, response_type="ephemeral", replace_original=False)
    except Exception:  # no response_url (App Home): nothing else to do
        log.info("could not reply to a click: %s", text)
