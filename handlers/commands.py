"""`/drift …`: parse, authorize, ack within Slack's 3 seconds (the work goes to the worker),
then post the check's progress message, which the worker updates in place."""

from __future__ import annotations

from typing import Any

from bot.lifecycle.transitions import ACTIVE
from bot.slack import (
    render_envs,
    render_findings_list,
    render_help,
    render_history,
    render_progress,
    render_status,
    render_usage,
)
from bot.slack.commands import Command, Usage, parse_command
from handlers.base import HandlerBase, Refused, log


def _reply(message: Any) -> dict[str, Any]:
    """ack() keywords for an ephemeral reply from a card Message (or a plain string)."""
    if isinstance(message, str):
        return {"text": message}
    return {"text": message.text, "blocks": message.blocks}


class CommandHandlers(HandlerBase):
    async def on_command(self, ack: Any, body: dict[str, Any]) -> None:
        """`/drift` — every path acks exactly once, quickly, and never shows a stack trace."""
        user, text = str(body.get("user_id", "")), str(body.get("text", ""))
        parsed = parse_command(text, self.environments, list(self.deps.runbooks))
        if isinstance(parsed, Usage):
            await ack(**_reply(render_usage(parsed)))
            return
        try:
            if parsed.verb == "check":
                await self._check(ack, user, parsed)
            elif parsed.verb == "status":
                await ack(**_reply(await self._status(parsed.arg)))
            elif parsed.verb == "findings":
                assert parsed.env is not None  # noqa: S101  (the grammar requires it)
                await self.require_checker(user, parsed.env)
                records = await self.deps.store.records(parsed.env, set(ACTIVE) | {"accepted"})
                await ack(**_reply(render_findings_list(parsed.env, records)))
            elif parsed.verb == "history":
                await ack(**_reply(await self._history(user, parsed)))
            elif parsed.verb == "envs":
                await ack(**_reply(render_envs(await self.visible_envs(user))))
            else:
                await ack(**_reply(render_help()))
        except Refused as exc:
            await ack(text=str(exc))

    async def _check(self, ack: Any, user: str, cmd: Command) -> None:
        assert cmd.env is not None  # noqa: S101
        conf = await self.require_checker(user, cmd.env)
        job_id, fresh = await self.deps.queue.enqueue_check(
            cmd.env, trigger="slack", requested_by=user, runbook=cmd.arg
        )
        what = f"`{cmd.env}`" + (f" ({cmd.arg})" if cmd.arg else "")
        if not fresh:
            await ack(text=f"A check of `{cmd.env}` is already queued or running: job `{job_id}`.")
            return
        await ack(text=f"Queued a check of {what}: job `{job_id}`. Progress in <#{conf.channel}>.")
        try:  # after the ack: the progress message the worker keeps up to date
            message = render_progress(cmd.env, job_id, "queued", None, None, None)
            ts = await self.deps.slack.post(conf.channel, message.text, message.blocks)
            await self.deps.store.set_job(
                job_id, progress_channel=conf.channel, progress_ts=ts, progress_requested_by=user
            )
        except Exception:  # the check runs anyway; only its progress message is missing
            log.exception("progress message for %s", job_id)

    async def _status(self, job_id: str | None) -> Any:
        if job_id:
            info = await self.deps.queue.status(job_id)
            if info is None:
                return f"No job `{job_id}` (unknown, or finished more than 7 days ago)."
            return render_status(job_id, info)
        lines = []
        for env in self.environments:
            running = await self.deps.store.running(env)
            if running:
                lines.append(f"`{env}`: job `{running}` is queued or running")
        return "\n".join(lines) or "No checks are queued or running."

    async def _history(self, user: str, cmd: Command) -> Any:
        assert cmd.env is not None  # noqa: S101
        await self.require_checker(user, cmd.env)
        fid = None
        if cmd.arg:
            records = await self.deps.store.records(cmd.env)
            matches = [
                r
                for r in records
                if cmd.arg in (r.id, r.finding.resource_id) or cmd.arg in r.finding.addresses
            ]
            if not matches:
                raise Refused(f"No finding for `{cmd.arg}` in `{cmd.env}`.")
            fid = matches[0].id
        entries = await self.deps.store.history(cmd.env, fid, limit=30)
        return render_history(cmd.env, entries)
