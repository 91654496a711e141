"""Modal submissions: Accept (reason, optional expiry) and Escalate (target, note).

The modal carries the finding's version from when it was opened: if the finding changed in
between (someone else accepted it, a new change arrived), nothing is applied and the person is
told, so two modals opened from one card change state once."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

import orjson

from bot.lifecycle.transitions import FindingRecord, Transition, accept, escalate
from bot.slack import InputId, render_escalation
from handlers.base import HandlerBase, Refused, input_value, log


class Stale(Exception):
    """The finding changed since the modal was opened."""


class ViewHandlers(HandlerBase):
    async def _notify(self, user: str, env: str, text: str) -> None:
        conf = self.deps.loaded.config.environments[env].slack
        if conf is not None:
            try:
                await self.deps.slack.ephemeral(conf.channel, user, text)
            except Exception:
                log.info("could not tell %s: %s", user, text)

    def _meta(self, body: dict[str, Any]) -> tuple[str, str, int]:
        meta = orjson.loads(body["view"].get("private_metadata") or "{}")
        return str(meta["env"]), str(meta["fid"]), int(meta["version"])

    async def _apply(
        self, env: str, fid: str, version: int, change: Any
    ) -> tuple[FindingRecord | None, list[Transition]]:
        def update(record: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
            if record is None:
                raise Refused("That finding is no longer stored.")
            if record.version != version:
                raise Stale
            try:
                after, made = change(record)
            except ValueError as exc:
                raise Refused(f"Can't do that: {exc}.") from exc
            return after, made

        return await self.deps.store.apply(env, fid, update)

    async def on_accept_submitted(self, ack: Any, body: dict[str, Any]) -> None:
        view = body["view"]
        reason_block, reason = input_value(view, InputId.REASON)
        until_block, until_text = input_value(view, InputId.UNTIL)
        user = str(body.get("user", {}).get("id", ""))
        until = None
        if until_text:
            until = datetime.combine(
                datetime.fromisoformat(str(until_text)).date(), time(23, 59, 59), tzinfo=UTC
            )
            if until <= self.deps.clock():
                await ack(
                    response_action="errors",
                    errors={until_block: "Pick a day in the future, or leave it empty."},
                )
                return
        if not reason or not str(reason).strip():
            await ack(response_action="errors", errors={reason_block: "Say why it is intended."})
            return
        await ack()
        env, fid, version = self._meta(body)
        try:
            await self.require_checker(user, env)
            now = self.deps.clock()
            await self._apply(
                env,
                fid,
                version,
                lambda r: accept(r, f"<@{user}>", str(reason).strip(), until, now),
            )
        except Stale:
            await self._notify(
                user,
                env,
                "That finding changed while the form was open; its "
                "card shows the current state. Nothing was accepted.",
            )
        except Refused as exc:
            await self._notify(user, env, str(exc))

    async def on_escalate_submitted(self, ack: Any, body: dict[str, Any]) -> None:
        await ack()
        view = body["view"]
        _, target = input_value(view, InputId.TARGET)
        _, note = input_value(view, InputId.NOTE)
        user = str(body.get("user", {}).get("id", ""))
        env, fid, version = self._meta(body)
        channel, _, group = str(target or "").partition("|")
        try:
            await self.require_checker(user, env)
            if not channel:
                raise Refused("Pick where to escalate to.")
            now = self.deps.clock()
            label = f"<#{channel}>" + (f" <!subteam^{group}>" if group else "")
            after, _ = await self._apply(
                env, fid, version, lambda r: escalate(r, f"<@{user}>", label, str(note or ""), now)
            )
        except Stale:
            await self._notify(
                user,
                env,
                "That finding changed while the form was open; its "
                "card shows the current state. Nothing was escalated.",
            )
            return
        except Refused as exc:
            await self._notify(user, env, str(exc))
            return
        if after is None:
            return
        card = await self.deps.state.card(env, fid)
        link = await self.deps.slack.permalink(card["channel"], card["ts"]) if card else None
        message = render_escalation(after, group or None, str(note or ""), user, link)
        await self.deps.slack.post(channel, message.text, message.blocks)
