"""What every listener class shares: the app's dependencies, who may do what (`Access`), the
finding a click is about, the line back to the person who clicked (`tell`: ephemeral under a
message, a small modal from App Home, a DM as the last resort), and what to tell them when
something failed (`explain`).

A listener that has acked handles its own failures (`except Exception` → `explain` → `tell`):
an exception that leaves a listener after its ack makes Bolt overwrite the ack with nothing,
and the person sees a timeout instead of the answer."""

from __future__ import annotations

import logging
import uuid

from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.errors import DriftBotError, Refused
from bot.lifecycle.transitions import FindingRecord
from bot.messages.slack import answers as say
from bot.shell.posting import OncePoster
from bot.shell.redis.connection import redis_outage
from bot.shell.redis.posts import PostLedger
from bot.slack.modals import render_notice
from handlers.authz import Access
from handlers.deps import SlackDeps
from handlers.payloads import Body

log = logging.getLogger("driftbot.slack")


class HandlerBase:
    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps
        self.access = Access(deps)
        self.poster = OncePoster(PostLedger(deps.store.redis, deps.clock), deps.slack)

    async def tell(self, body: Body, respond: AsyncRespond, text: str) -> None:
        """A line to the person who clicked: ephemeral under the message clicked on; from App
        Home (no response_url), a small modal while the click's trigger holds, else a DM."""
        if body.get("response_url"):
            await tell(respond, text)
            return
        user = str((body.get("user") or {}).get("id") or body.get("user_id") or "")
        trigger = body.get("trigger_id")
        if isinstance(trigger, str) and await self.deps.slack.show_modal(
            trigger, render_notice(text)
        ):
            return
        if not user:
            log.info("could not reply to a click: %s", text)
            return
        try:
            await self.poster.post(f"notice:{uuid.uuid4().hex}", user, text)
        except Exception:  # nothing else to tell them through
            log.info("could not reply to %s: %s", user, text)

    @property
    def environments(self) -> list[str]:
        return sorted(self.deps.loaded.config.environments)

    async def finding(self, env: str, fid: str) -> FindingRecord:
        """The stored finding a button is about; Refused when it is gone."""
        record = await self.deps.store.get(env, fid)
        if record is None:
            raise Refused(say.finding_gone(maybe_expired=True))
        return record


def explain(error: BaseException) -> str:
    """What to tell the person about a failure: a refusal's reason, Redis being unreachable,
    a DriftBotError's own words, or an internal error's reference (its traceback logged)."""
    if isinstance(error, Refused):
        return str(error)
    ref = uuid.uuid4().hex[:8]
    lost = redis_outage(error)
    if lost is not None:
        log.warning("Slack request (ref %s) without Redis: %s", ref, lost.user_message)
        return say.state_store_unreachable(ref)
    if isinstance(error, DriftBotError):
        log.warning("Slack request (ref %s) failed: %s", ref, error.user_message)
        return str(error)
    log.error("listener failed (ref %s)", ref, exc_info=error)
    return say.internal_error(ref)


async def tell(respond: AsyncRespond, text: str) -> None:
    """An ephemeral line to the person who clicked."""
    try:
        await respond(text=text, response_type="ephemeral", replace_original=False)
    except Exception:  # no response_url (App Home): nothing else to do
        log.info("could not reply to a click: %s", text)
