"""Codify: the card's Codify button on an unmanaged finding queues a pull request (GitHub) or
merge request (GitLab) that adds the finding's Terraform import block, on the forge the
environment's `codify:` names. The worker opens it (bot/shell/codify/runner.py) and the card
links it."""

from __future__ import annotations

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.errors import Refused
from bot.messages.integrations import label
from bot.messages.slack import answers as say
from handlers import payloads
from handlers.base import HandlerBase
from handlers.payloads import Body


class CodifyHandlers(HandlerBase):
    async def on_codify(self, ack: AsyncAck, body: Body, respond: AsyncRespond) -> None:
        await ack()
        try:
            env, fid = payloads.button(body)
            user = payloads.user_id(body)
            await self.access.require_checker(user, env)
            record = await self.finding(env, fid)
            codify = self.deps.loaded.config.environments[env].codify
            if codify is None:
                raise Refused(say.codify_not_set_up(env))
            if record.finding.kind != "unmanaged" or record.state == "resolved":
                raise Refused(say.nothing_to_codify())
            queued = await self.deps.queue.enqueue_codify(
                env, fid, "codify", user, str(record.version)
            )
            forge = label(codify.forge)
            await self.tell(
                body, respond, say.codify_queued(forge) if queued else say.codify_already_queued()
            )
        except Refused as exc:
            await self.tell(body, respond, str(exc))
