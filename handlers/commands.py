"""`/drift …`: parse, authorize, ack within Slack's 3 seconds (the work goes to the worker),
then post the check's progress message, which the worker updates in place."""

from __future__ import annotations

from slack_bolt.context.ack.async_ack import AsyncAck

from bot.config.window import LOOKUP_DAYS, OLDER, since_beyond_lookup
from bot.errors import Refused
from bot.lifecycle.transitions import ACTIVE
from bot.messages.slack import answers as say
from bot.messages.slack import replies
from bot.slack import (
    Message,
    render_envs,
    render_findings_list,
    render_help,
    render_history,
    render_progress,
    render_status,
    render_usage,
)
from bot.slack.commands import Command, Usage, parse_command
from bot.slack.text import clip, escape
from handlers import payloads
from handlers.base import HandlerBase, log
from handlers.payloads import Body


async def answer(ack: AsyncAck, reply: Message | str) -> None:
    """Ack with an ephemeral reply: a rendered Message, or one line of text."""
    if isinstance(reply, str):
        await ack(text=reply)
    else:
        await ack(text=reply.text, blocks=reply.blocks)


class CommandHandlers(HandlerBase):
    async def on_command(self, ack: AsyncAck, body: Body) -> None:
        """`/drift` — every path acks exactly once, quickly, and never shows a stack trace."""
        user, text = payloads.user_id(body), payloads.command_text(body)
        visible = await self.access.visible_envs(user)
        parsed = parse_command(text, self.environments, list(self.deps.runbooks), visible)
        if isinstance(parsed, Usage):
            await answer(ack, render_usage(parsed))
            return
        try:
            if parsed.verb == "check":
                await self._check(ack, user, parsed)
            elif parsed.verb == "status":
                await answer(ack, await self._status(parsed.arg, visible))
            elif parsed.verb == "findings":
                assert parsed.env is not None  # noqa: S101  (the grammar requires it)
                await self.access.require_checker(user, parsed.env)
                records = await self.deps.store.records(parsed.env, set(ACTIVE) | {"accepted"})
                await answer(ack, render_findings_list(parsed.env, records))
            elif parsed.verb == "history":
                await answer(ack, await self._history(user, parsed))
            elif parsed.verb == "envs":
                configured = any(e.slack for e in self.deps.loaded.config.environments.values())
                await answer(ack, render_envs(visible, configured=configured))
            else:
                await answer(ack, render_help())
        except Refused as exc:
            await ack(text=str(exc))

    async def _check(self, ack: AsyncAck, user: str, cmd: Command) -> None:
        assert cmd.env is not None  # noqa: S101
        conf = await self.access.require_checker(user, cmd.env)
        job_id, fresh = await self.deps.queue.enqueue_check(
            cmd.env, trigger="slack", requested_by=user, runbook=cmd.arg, since=cmd.since
        )
        if not fresh:
            await ack(text=say.check_already_queued(cmd.env, job_id))
            return
        queued = say.check_queued(cmd.env, cmd.arg, job_id, conf.channel, cmd.since)
        source = self.deps.loaded.config.environments[cmd.env].cloudtrail.source
        if since_beyond_lookup(source, cmd.since):
            queued += "\n" + replies.since_beyond_lookup(cmd.env, LOOKUP_DAYS, OLDER)
        await ack(text=queued)
        try:  # after the ack: the progress message the worker keeps up to date
            message = render_progress(cmd.env, job_id, "queued", None, None, None)
            ts = await self.deps.slack.post(conf.channel, message.text, message.blocks)
            await self.deps.store.set_job(
                job_id, progress_channel=conf.channel, progress_ts=ts, progress_requested_by=user
            )
        except Exception:  # the check runs anyway; only its progress message is missing
            log.exception("progress message for %s", job_id)

    async def _status(self, job_id: str | None, visible: list[str]) -> Message | str:
        """A job, or the checks running: only of environments the person may see (a job of
        another one is answered as unknown, so its existence is not told either)."""
        if job_id:
            info = await self.deps.queue.status(job_id)
            if info is None or info.get("env") not in visible:
                return say.job_unknown(job_id)
            return render_status(job_id, info)
        lines = []
        for env in visible:
            running = await self.deps.store.running(env)
            if running:
                lines.append(say.check_running(env, running))
        return "\n".join(lines) or say.nothing_running()

    async def _history(self, user: str, cmd: Command) -> Message:
        assert cmd.env is not None  # noqa: S101
        await self.access.require_checker(user, cmd.env)
        fid = None
        if cmd.arg:
            records = await self.deps.store.records(cmd.env)
            matches = [
                r
                for r in records
                if cmd.arg in (r.id, r.finding.resource_id) or cmd.arg in r.finding.addresses
            ]
            if not matches:
                raise Refused(say.no_finding_for(escape(clip(cmd.arg, 80)), cmd.env))
            fid = matches[0].id
        entries = await self.deps.store.history(cmd.env, fid, limit=30)
        return render_history(cmd.env, entries)
