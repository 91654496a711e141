"""One finding's Slack presence, brought up to date from the store (the notifier calls it, one
finding at a time under the card's lease): its card posted once and then updated in place, its
thread (the audit trail, the diff that did not fit, its JSON form), news broadcast to the
channel when something happened people must not miss, the reapply request's message in step
with the run, and the question to the person who made the change.

News (a thread reply broadcast to the channel, mentioning the people involved: whoever
accepted it, asked for or approved the reapply, escalated it or was escalated to, and the
Slack user who made the change when known): a new change to a finding that is open, accepted,
being reapplied or escalated (an accepted one reopens), an acceptance that ran out, a reapply
that failed (or timed out), a reapply that ran but did not fix it. Anything else is an audit
reply in the thread, and the card itself.

A card is not posted while its check is still running (`batch`: bot/shell/batches.py posts
the check's cards together); a finding first seen already resolved gets no card; a finding the
first check only summarised (`baseline`) gets its card with its next change.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import orjson

from bot.config.drift import EnvSlack, LoadedConfig
from bot.errors import SlackError
from bot.lifecycle.transitions import ACTIVE, SYSTEM, FindingRecord, Transition
from bot.policy.approvers import approvers_for
from bot.policy.runbook import Runbook
from bot.shell.home import HomeRefresher, workspace_url
from bot.shell.identity import Identities
from bot.shell.posting import OncePoster
from bot.shell.redis import keys
from bot.shell.redis.slack_state import SlackState
from bot.shell.redis.store import Store
from bot.shell.slack import SlackGateway
from bot.slack import (
    CardMessage,
    render_approval_request,
    render_audit,
    render_back_to_clean,
    render_card,
)
from bot.slack.finding_text import approval_state
from bot.slack.news import NewsKind, before_text, render_news, render_question
from bot.slack.text import SLACK_REFERENCE, permalink, person

log = logging.getLogger("driftbot.notifier")
SHOWN = frozenset({*ACTIVE, "accepted"})
News = tuple[NewsKind, str | None]


def run_marker(record: FindingRecord) -> str:
    run = record.run
    return f"{run.request_id}:{run.attempt}:{run.status}" if run else ""


def last_event_id(record: FindingRecord) -> str:
    events = record.finding.events
    return events[-1].event_id if events else ""


class Cards:
    def __init__(
        self,
        loaded: LoadedConfig,
        runbooks: Mapping[str, Runbook],
        store: Store,
        state: SlackState,
        slack: SlackGateway,
        poster: OncePoster,
        clock: Callable[[], datetime],
        home: HomeRefresher | None = None,
    ) -> None:
        self.loaded = loaded
        self.runbooks = runbooks
        self.store = store
        self.state = state
        self.slack = slack
        self.poster = poster
        self.clock = clock
        self.home = home
        self.identities = Identities(loaded, store.redis, slack)

    def conf(self, env: str) -> EnvSlack | None:
        environment = self.loaded.config.environments.get(env)
        return environment.slack if environment is not None else None

    def _touch(self) -> None:
        if self.home is not None:
            self.home.touch()

    async def finding_entry(self, entry: Mapping[str, str], entry_id: str = "") -> None:
        """Bring one finding's card, thread and approval message up to date (SlackError when
        Slack refused; the entry is tried again when the error is retryable)."""
        env, fid = entry["env"], entry["finding_id"]
        conf = self.conf(env)
        record = await self.store.get(env, fid)
        if conf is None or record is None:
            return
        card = await self.state.card_hash(env, fid)
        posted = card is not None and bool(card.get("ts"))
        if entry.get("redraw"):
            if card is not None and posted:
                await self._update(card, record)
                await self.sync_approval(card, record)
                self._touch()
            return
        if card is None or not posted:
            await self._first(conf, record, card, entry)
            return
        await self._existing(card, record, entry, entry_id)

    async def _first(
        self,
        conf: EnvSlack,
        record: FindingRecord,
        card: Mapping[str, str] | None,
        entry: Mapping[str, str],
    ) -> None:
        if record.state not in SHOWN:
            return  # first seen already back in line: nothing to show
        batch = entry.get("batch")
        if batch and not await self.batch_done(batch):
            return  # the check is still applying its findings: its batch posts this card
        baseline = card is not None and bool(card.get("baseline"))
        if baseline and card is not None and card.get("last_event") == last_event_id(record):
            return  # summarised by the first check, and not changed since
        await self.post_card(record, conf.channel)
        await self.ask(record)

    async def batch_done(self, job_id: str) -> bool:
        """Whether the check `job_id` has posted its cards (or is long gone)."""
        info = await self.store.job(job_id)
        return info is None or bool(info.get("cards_posted"))

    async def message(self, record: FindingRecord) -> CardMessage:
        """The card from the stored state: the finding, its runbook, its reapply request."""
        runbook = self.runbooks.get(record.finding.runbook or "")
        approval = await self.state.open_approval(record.env, record.id)
        env = self.loaded.config.environments.get(record.env)
        codify = env is not None and env.codify is not None
        approvers = approvers_for(runbook, env.slack if env else None)
        sources = [s.source_url for s in env.state if s.source_url] if env else []
        return render_card(
            record,
            runbook,
            approval,
            now=self.clock(),
            codify=codify,
            approvers=approvers,
            iac_sources=sources,
        )

    def remembered(self, record: FindingRecord) -> dict[str, str | int]:
        """What the card hash keeps to tell news from what was shown."""
        fields: dict[str, str | int] = {
            "version": record.version,
            "last_event": last_event_id(record),
            "run": run_marker(record),
        }
        if record.acceptance is not None:
            fields["acceptor"] = record.acceptance.by
        return fields

    async def post_card(
        self, record: FindingRecord, channel: str, thread_ts: str | None = None
    ) -> dict[str, str]:
        """Post the card once (in `thread_ts`: a flood's thread); its transitions so far are
        not replied (the card shows them); the diff that did not fit and its JSON go to the
        thread."""
        message = await self.message(record)
        key = f"card:{record.env}:{record.id}"
        ts, fresh = await self.poster.post(
            key, channel, message.text, message.blocks, thread_ts=thread_ts
        )
        if not fresh:  # posted before a crash, maybe at an older version: show this one
            await self.slack.update(channel, ts, message.text, message.blocks)
        where = {"channel": channel, "ts": ts, "thread": thread_ts or ""}
        await self.state.save_card(
            record.env, record.id, **where, audited=record.version, **self.remembered(record)
        )
        for n, text in enumerate(message.thread_overflow):
            await self.poster.post(f"{key}:overflow:{n}", channel, text, thread_ts=thread_ts or ts)
        self._touch()
        return where

    async def _update(self, card: Mapping[str, str], record: FindingRecord) -> None:
        message = await self.message(record)
        await self.slack.update(card["channel"], card["ts"], message.text, message.blocks)
        await self.state.save_card(record.env, record.id, version=record.version)

    async def _existing(
        self,
        card: Mapping[str, str],
        record: FindingRecord,
        entry: Mapping[str, str],
        entry_id: str,
    ) -> None:
        moves = [
            Transition.model_validate(m) for m in orjson.loads(entry.get("transitions") or "[]")
        ]
        news = self.news(card, record, moves)
        if int(card.get("version", 0)) < record.version:
            await self._update(card, record)
        version = int(entry.get("version", "0"))
        thread = card.get("thread") or card["ts"]
        for kind, before in news:
            people = await self._people(kind, card, record)
            said = render_news(kind, record, people, before)
            key = f"news:{record.env}:{record.id}:{version}:{kind}"
            await self.poster.post(
                key, card["channel"], said.text, said.blocks, thread_ts=thread, broadcast=True
            )
        if not news:
            await self._audit(card, record, moves, version, thread)
        await self.state.save_card(
            record.env,
            record.id,
            audited=max(version, int(card.get("audited", 0))),
            **self.remembered(record),
        )
        await self.sync_approval(card, record)
        if any(kind == "change" for kind, _ in news):
            await self.ask(record)
        await self._clean_notice(card["channel"], record.env, entry, entry_id, moves)
        self._touch()

    def news(
        self, card: Mapping[str, str], record: FindingRecord, moves: list[Transition]
    ) -> list[News]:
        """What in this change people must hear about (see the module docstring)."""
        out: list[News] = []
        known = card.get("last_event")
        latest = last_event_id(record)
        reopened = next((m for m in moves if m.to_state == "open" and m.from_state), None)
        if known and latest and latest != known and record.state in SHOWN:
            was = reopened.from_state if reopened is not None else record.state
            out.append(("change", before_text(str(was), record, card.get("acceptor"))))
        elif any(m.from_state == "accepted" and m.to_state == "open" for m in moves):
            out.append(("expired", None))
        run = record.run
        if run is not None and run.status == "failed" and card.get("run") != run_marker(record):
            out.append(("reapply_failed", None))
        drifted = any(
            m.from_state == "reapplying" and m.to_state == "open" and m.actor == SYSTEM
            for m in moves
        )
        if drifted and run is not None and run.status == "succeeded":
            out.append(("still_drifted", None))
        return out

    async def _people(
        self, kind: NewsKind, card: Mapping[str, str], record: FindingRecord
    ) -> list[str]:
        """Who to mention about this news."""
        out: list[str] = []
        if kind in ("change", "expired") and card.get("acceptor"):
            out.append(person(card["acceptor"]))
        run = record.run
        if run is not None and (
            kind in ("reapply_failed", "still_drifted") or record.state == "reapplying"
        ):
            out += [person(run.requested_by), *(person(a) for a in run.approved_by)]
        if kind == "change" and record.escalation:
            out += [person(record.escalation.get("by")), record.escalation.get("target") or ""]
        if kind == "change" and record.finding.events:
            user = await self.identities.slack_user(
                record.finding.events[-1].actor, self.conf(record.env)
            )
            if user:
                out.append(f"<@{user}>")
        return [p for p in out if p and all(SLACK_REFERENCE.fullmatch(w) for w in p.split())]

    async def _audit(
        self,
        card: Mapping[str, str],
        record: FindingRecord,
        moves: list[Transition],
        version: int,
        thread: str,
    ) -> None:
        """Reply the entry's transitions in the card's thread, once per version (not the
        detection: the card says it)."""
        if int(card.get("audited", 0)) >= version:
            return
        for n, transition in enumerate(moves):
            if transition.from_state is None:
                continue
            key = f"audit:{record.env}:{record.id}:{version}:{n}"
            await self.poster.post(key, card["channel"], render_audit(transition), thread_ts=thread)

    async def sync_approval(self, card: Mapping[str, str], record: FindingRecord) -> None:
        """Keep the reapply request's message in step: expired (no buttons), approved and
        then the run's state (triggering, triggered with its link, failed)."""
        pending = await self.state.open_approval(record.env, record.id)
        request_id = (
            pending.id
            if pending
            else (record.run.request_id if record.run else card.get("request"))
        )
        if not request_id:
            return
        request = pending or await self.state.approval(request_id)
        if request is None or not request.channel or not request.ts:
            return
        now = self.clock()
        run = record.run if record.run and record.run.request_id == request.id else None
        status = run.status if run else ""
        shown = f"{request.id}:{approval_state(request, now)}:{request.version}:{status}"
        if card.get("approval_shown") == shown:
            return
        runbook = self.runbooks.get(record.finding.runbook or "")
        message = render_approval_request(record, request, runbook, now)
        await self.slack.update(request.channel, request.ts, message.text, message.blocks)
        await self.state.save_card(record.env, record.id, approval_shown=shown, request=request.id)

    async def _clean_notice(
        self,
        channel: str,
        env: str,
        entry: Mapping[str, str],
        entry_id: str,
        moves: list[Transition],
    ) -> None:
        """Say so once when the last open finding of an environment resolves."""
        if any(m.to_state == "open" for m in moves):
            await self.state.set_flag(keys.CLEAN, env, "0")
        if not any(m.to_state == "resolved" for m in moves):
            return
        key = f"clean:{env}:{entry_id or entry.get('finding_id', '')}:{entry.get('version', '')}"
        if not await self.poster.intended(key):
            if await self.store.records(env, set(ACTIVE)):
                return
            if await self.state.swap_flag(keys.CLEAN, env, "1") == "1":
                return  # already announced
        message = render_back_to_clean(env, moves[-1].resource)
        await self.poster.post(key, channel, message.text, message.blocks)

    async def ask(self, record: FindingRecord) -> None:
        """Ask whoever made the finding's last change whether it was intended: in a DM, or
        (DMs off) mentioning them in the card's thread. Once per person per finding."""
        conf = self.conf(record.env)
        events = record.finding.events
        if conf is None or not conf.ask_actor or record.state not in ACTIVE or not events:
            return
        user = await self.identities.slack_user(events[-1].actor, conf)
        if user is None:
            return
        now = self.clock()
        asked = {"at": now.isoformat(), "event_id": events[-1].event_id}
        if not await self.state.ask_once(record.env, record.id, user, asked):
            return
        card = await self.state.card(record.env, record.id) or {}
        url = await workspace_url(self.state, self.slack)
        link = None
        if url and card.get("ts"):
            link = permalink(url, card["channel"], card["ts"], card.get("thread") or None)
        where = await self._ask_dm(record, user, now, link)
        if where is None and card.get("ts"):
            said = render_question(record, user, now, None, in_thread=True)
            thread = card.get("thread") or card["ts"]
            key = f"ask:{record.env}:{record.id}:{user}:thread"
            ts, _ = await self.poster.post(
                key, card["channel"], said.text, said.blocks, thread_ts=thread
            )
            where = (card["channel"], ts)
        if where is not None:
            await self.state.update_ask(record.env, record.id, user, channel=where[0], ts=where[1])

    async def _ask_dm(
        self, record: FindingRecord, user: str, now: datetime, link: str | None
    ) -> tuple[str, str] | None:
        try:
            channel = await self.slack.open_dm(user)
            said = render_question(record, user, now, link, in_thread=False)
            key = f"ask:{record.env}:{record.id}:{user}"
            ts, _ = await self.poster.post(key, channel, said.text, said.blocks)
        except SlackError as exc:
            log.info("can't ask %s in a DM (%s): asking in the card's thread", user, exc.code)
            return None
        return channel, ts


def entry_fields(fields: Mapping[Any, Any]) -> dict[str, str]:
    return {
        (k.decode() if isinstance(k, bytes) else str(k)): (
            v.decode() if isinstance(v, bytes) else str(v)
        )
        for k, v in fields.items()
    }
