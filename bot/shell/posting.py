"""Slack posts made exactly once, as people see them, across crashes of driftbot or Redis.

A post has a key naming what it is (`card:{env}:{fid}`, `audit:{env}:{fid}:{version}:{n}`, …).
Before posting, the intent is recorded in Redis (bot/shell/redis/posts.py); the message carries
the key in its metadata (`event_type: driftbot_post`); after posting, its ts is recorded. The
next time the same post is asked for:
- with a ts recorded, nothing is posted (it is returned);
- with only the intent recorded, the post may or may not have reached Slack (the process died,
  or the answer was lost): the channel (or thread) is read back from a little before the intent
  (`conversations.history` / `.replies` with metadata) and a message with the key is adopted;
  only if there is none is it posted.

So a card is never posted twice, and never lost. Callers hold the lock that makes them the only
one posting a key (the notifier's card lease); the one exception, a post whose key's reader
lacks the history scopes, is posted again with a warning rather than lost.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from bot.errors import SlackError
from bot.shell.redis.posts import PostLedger
from bot.shell.slack import SlackGateway

log = logging.getLogger("driftbot.posting")
# Slack's ts and our clock may disagree a little: read back from this long before the intent.
SKEW = timedelta(minutes=5)
NO_HISTORY = frozenset({"missing_scope", "not_in_channel", "channel_not_found"})


class Posted(NamedTuple):
    """Where a post is, and whether this call made it (False: an earlier attempt did)."""

    ts: str
    fresh: bool


class OncePoster:
    def __init__(self, ledger: PostLedger, slack: SlackGateway) -> None:
        self.ledger = ledger
        self.slack = slack

    async def post(
        self,
        key: str,
        channel: str,
        text: str,
        blocks: Sequence[dict[str, Any]] | None = None,
        thread_ts: str | None = None,
        broadcast: bool = False,
    ) -> Posted:
        """Post once under `key`: the message (posted now, or by an earlier attempt).
        `broadcast`: a thread reply shown in the channel too."""
        record = await self.ledger.get(key)
        if record is not None and record.get("ts"):
            return Posted(record["ts"], fresh=False)
        if record is not None:
            found = await self._find(key, record)
            if found is not None:
                log.info("post %s was made before a crash: adopted %s", key, found)
                await self.ledger.posted(key, found)
                return Posted(found, fresh=False)
        else:
            await self.ledger.intend(key, channel, thread_ts)
        ts = await self.slack.post(
            channel, text, blocks, thread_ts=thread_ts, post_key=key, broadcast=broadcast
        )
        await self.ledger.posted(key, ts)
        return Posted(ts, fresh=True)

    async def intended(self, key: str) -> bool:
        """Whether `key` was (or was about to be) posted."""
        return await self.ledger.get(key) is not None

    async def posted(self, key: str) -> str | None:
        """The ts of the post made under `key`, or None (not posted, or only intended)."""
        record = await self.ledger.get(key)
        return record.get("ts") or None if record else None

    async def _find(self, key: str, intent: dict[str, str]) -> str | None:
        """The ts of a message posted for `intent` before, or None."""
        oldest = datetime.fromisoformat(intent["at"]) - SKEW
        try:
            return await self.slack.find_post(
                intent["channel"], key, intent.get("thread_ts") or None, oldest.timestamp()
            )
        except SlackError as exc:
            if exc.code not in NO_HISTORY:
                raise
            log.warning(
                "post %s: can't read %s back to see whether it was posted before a crash (%s); "
                "posting it (add the channels:history and groups:history scopes to avoid a "
                "possible second copy)",
                key,
                intent["channel"],
                exc.code,
            )
            return None
