"""The worker's side of escalation outside Slack, and of automatic escalation.

- `escalate_finding`: one target. A person's escalation was already applied to the finding
  from the Escalate modal. `channel` posts the escalation message to the runbook's Slack
  channel (exactly once, bot/shell/posting.py); any other target goes through its client (a
  second escalation comments on the ticket, or triggers the alert again with the same key),
  and the card links what it made. An automatic one (`auto`) posts first and escalates the
  finding only once the post succeeded (if it is still open and nobody acted). A failure
  leaves the finding as it was and is said in the card's thread, naming the target, the fix
  and who asked.
- `deescalate_finding`: the finding is resolved or accepted: resolve its alerts and close its
  tickets (each saying why), and mark them closed on the card.
- `auto_escalate`: (the worker's tick) an open critical finding whose runbook says
  `fix.escalate.auto_after`, open that long with no reapply asked and no run since, is queued
  for escalation to every target of its runbook, once per finding version.
- `EscalationFollower`: reads the store's outbox (its own consumer group, beside the Slack
  notifier's) and queues `deescalate_finding` for every finding that resolved or was accepted
  while it had open alerts or tickets, whatever resolved it (a check, a reapply, `drift accept`).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from redis.exceptions import ResponseError

from bot.errors import DriftBotError, InvalidTransition
from bot.lifecycle.runs import add_link, close_links, link_of
from bot.lifecycle.transitions import SYSTEM, FindingRecord, Transition, escalate
from bot.messages import escalation as words
from bot.messages.integrations import label
from bot.policy.escalation import EXTERNAL_TARGETS
from bot.shell.deps import Deps
from bot.shell.escalate import CLIENTS
from bot.shell.escalate.base import EscalateContext
from bot.shell.reapply.runner import card_url, once_poster, say_in_thread
from bot.shell.redis import keys
from bot.shell.redis.outage import OutageLog, consume
from bot.shell.redis.queue import Queue
from bot.slack import render_escalation

log = logging.getLogger("driftbot.escalate")
CHANNEL = "channel"
GROUP = "integrations"
ENDED = frozenset({"resolved", "accepted"})


def _nobody_acted(record: FindingRecord) -> bool:
    run = record.run
    return record.state == "open" and (run is None or run.updated_at < record.state_since)


def _still_due(record: FindingRecord) -> bool:
    """An automatic escalation goes on while the finding is open with nobody acting on it, or
    was escalated by another target of the same automatic escalation."""
    if record.state == "escalated":
        return (record.escalation or {}).get("by") == SYSTEM
    return _nobody_acted(record)


async def escalate_finding(
    deps: Deps, env: str, fid: str, kind: str, by: str, note: str, auto: bool
) -> dict[str, Any]:
    """Escalate one finding to one target (see the module docstring). The target is posted
    to (or paged, or filed) first; an automatic escalation changes the finding's state only
    once that succeeded, and a failure leaves it as it was, said in the card's thread."""
    record = await deps.store.get(env, fid)
    runbook = deps.runbooks.get(record.finding.runbook or "") if record else None
    esc = runbook.fix.escalate if runbook else None
    if record is None or esc is None or record.state == "resolved":
        return {"skipped": kind}
    if auto:
        if not _still_due(record):
            return {"skipped": kind}
        after = esc.auto_after
        note = words.auto_note(f"{after}" if after else "")
    if kind == CHANNEL:
        result = await _to_channel(deps, env, record, esc.channel, esc.usergroup, by, note)
        shown = f"<#{result['channel']}>" if "channel" in result else label(kind)
    else:
        target = esc.external.get(kind)
        if target is None:
            return {"skipped": kind}
        result = await _to_external(deps, env, record, kind, target, by, note)
        shown = label(kind)
    if auto and "error" not in result and "skipped" not in result:
        await _mark_escalated(deps, env, fid, shown, note)
    return result


async def _mark_escalated(deps: Deps, env: str, fid: str, target: str, note: str) -> None:
    """After an automatic escalation was posted: the finding is escalated, if it still is
    open with nobody acting on it."""
    now = deps.clock()

    def first(r: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        if r is None or not _nobody_acted(r):
            return r, []
        return escalate(r, SYSTEM, target, note, now)

    try:
        await deps.store.apply(env, fid, first)
    except InvalidTransition:
        log.info("%s/%s: escalated to %s, but its state moved on", env, fid, target)


async def _to_external(
    deps: Deps, env: str, record: FindingRecord, kind: str, target: Any, by: str, note: str
) -> dict[str, Any]:
    fid = record.id
    existing = link_of(record, kind, kind)
    ctx = EscalateContext(
        record, by, note, await card_url(deps, env, fid), deps.sleep, deps.clock()
    )
    try:
        made = await CLIENTS[kind].open(target, ctx, existing)
    except DriftBotError as exc:
        text = words.escalation_failed(label(kind), exc.user_message, exc.hint, by)
        await say_in_thread(deps, env, fid, text)
        return {"error": exc.user_message}

    def linked(r: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        return (r, []) if r is None else add_link(r, made)

    await deps.store.apply(env, fid, linked)
    said = words.commented_on if existing is not None else words.escalated_to
    await say_in_thread(deps, env, fid, said(label(kind), made.key, made.url))
    return {"key": made.key, "url": made.url}


async def _to_channel(
    deps: Deps,
    env: str,
    record: FindingRecord,
    channel: str | None,
    usergroup: str | None,
    by: str,
    note: str,
) -> dict[str, Any]:
    """Post the escalation message to the runbook's (or the environment's) escalation
    channel, exactly once (a job run again after a crash adopts the message it posted)."""
    slack_conf = deps.loaded.environment(env).slack
    where = channel or (slack_conf.escalation_channel if slack_conf else None)
    if deps.slack is None or where is None:
        return {"skipped": CHANNEL}
    link = await card_url(deps, env, record.id)
    message = render_escalation(record, usergroup, note, by, link or None, usergroup)
    key = f"escalate:{env}:{record.id}:{record.version}:{where}"
    try:
        await once_poster(deps).post(key, where, message.text, message.blocks)
    except DriftBotError as exc:
        text = words.escalation_failed(f"<#{where}>", exc.user_message, exc.hint, by)
        await say_in_thread(deps, env, record.id, text)
        return {"error": exc.user_message}
    return {"channel": where}


async def deescalate_finding(deps: Deps, env: str, fid: str) -> dict[str, Any]:
    """Resolve the alerts and close the tickets of a resolved or accepted finding."""
    record = await deps.store.get(env, fid)
    if record is None or record.state not in ENDED:
        return {"skipped": fid}
    runbook = deps.runbooks.get(record.finding.runbook or "")
    esc = runbook.fix.escalate if runbook else None
    now = deps.clock()
    ctx = EscalateContext(record, SYSTEM, "", await card_url(deps, env, fid), deps.sleep, now)
    closed: list[tuple[str, str]] = []
    errors: list[str] = []
    for link in record.links:
        if link.state != "open" or link.kind not in EXTERNAL_TARGETS:
            continue
        target = esc.external.get(link.kind) if esc else None
        if target is None:
            log.warning("%s/%s: no %s target left to close %s", env, fid, link.kind, link.key)
            continue
        try:
            resolved = await CLIENTS[link.kind].close(target, ctx, link)
        except DriftBotError as exc:
            errors.append(exc.user_message)
            text = words.escalation_failed(label(link.kind), exc.user_message, exc.hint, SYSTEM)
            await say_in_thread(deps, env, fid, text)
            continue
        closed.append((link.kind, link.target))
        await say_in_thread(deps, env, fid, words.closed(label(link.kind), link.key, resolved))

    def mark(r: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        return (r, []) if r is None else close_links(r, closed)

    await deps.store.apply(env, fid, mark)
    return {"closed": len(closed), "errors": errors}


async def auto_escalate(deps: Deps, queue: Queue) -> int:
    """Queue the escalation of every open critical finding nobody acted on for its runbook's
    `auto_after`; returns how many jobs were queued."""
    now, queued = deps.clock(), 0
    for env in deps.loaded.config.environments:
        for record in await deps.store.records(env, {"open"}):
            runbook = deps.runbooks.get(record.finding.runbook or "")
            esc = runbook.fix.escalate if runbook else None
            if runbook is None or esc is None or esc.auto_after is None:
                continue
            if (record.finding.severity or runbook.severity) != "critical":
                continue
            if now - record.state_since < esc.auto_after or not _nobody_acted(record):
                continue
            if deps.slack_state is not None and await deps.slack_state.open_approval(
                env, record.id
            ):
                continue
            targets = ([CHANNEL] if esc.channel or esc.usergroup else []) + list(esc.external)
            for kind in targets:
                unique = f"auto-{record.version}"
                if await queue.enqueue_escalate(env, record.id, kind, SYSTEM, "", unique, True):
                    queued += 1
    return queued


class EscalationFollower:
    """Queues the de-escalation of findings that resolved or were accepted (see above)."""

    def __init__(self, deps: Deps, queue: Queue, consumer: str) -> None:
        self.deps = deps
        self.queue = queue
        self.consumer = consumer

    async def ensure_group(self) -> None:
        try:
            await self.deps.store.redis.xgroup_create(keys.OUTBOX, GROUP, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    async def run(self, stop: asyncio.Event, where: str = "Redis") -> None:
        """Handle outbox entries until `stop` is set, through Redis outages (a failing step is
        logged, not fatal)."""
        outage = OutageLog(log, "escalation follower", where)
        await consume(stop, outage, self.ensure_group, lambda: self.step(block_ms=1000))

    async def step(self, block_ms: int | None = None) -> int:
        """Handle the outbox entries waiting for this group; returns how many."""
        redis = self.deps.store.redis
        streams: dict[Any, Any] = {keys.OUTBOX: ">"}
        read = await redis.xreadgroup(GROUP, self.consumer, streams, count=100, block=block_ms)
        handled = 0
        for _, items in read or []:
            for entry_id, fields in items:
                entry = {k.decode(): v.decode() for k, v in fields.items()}
                await self._handle(entry)
                await redis.xack(keys.OUTBOX, GROUP, entry_id)
                handled += 1
        return handled

    async def _handle(self, entry: dict[str, str]) -> None:
        if entry.get("state") not in ENDED or entry.get("redraw"):
            return
        env, fid = entry.get("env", ""), entry.get("finding_id", "")
        record = await self.deps.store.get(env, fid)
        if record is None or record.state not in ENDED:
            return
        if any(k.state == "open" and k.kind in EXTERNAL_TARGETS for k in record.links):
            await self.queue.enqueue_deescalate(env, fid, record.version)
