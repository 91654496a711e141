"""Who in Slack made a change: a CloudTrail actor (an SSO session name, an assumed role's
session, an IAM user name) as a Slack user id, when it can be told.

In order: drift.yml's `slack.user_map` (the environment's, then the top-level one), which maps
actors to user ids; else, when the actor is an email address (AWS SSO session names usually
are, and some IAM user names), the Slack user with that email (`users.lookupByEmail`, scope
`users:read.email`). Answers are cached in Redis (`slack-user:{actor}`: a day when found, an
hour when not), so a flood of changes by one person asks Slack once.
"""

from __future__ import annotations

import logging
import re
from datetime import timedelta

import redis.asyncio

from bot.config.drift import EnvSlack, LoadedConfig
from bot.errors import SlackError
from bot.shell.redis import keys
from bot.shell.redis.connection import px
from bot.shell.slack import SlackGateway

log = logging.getLogger("driftbot.identity")
EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
FOUND_TTL = timedelta(days=1)
NOT_FOUND_TTL = timedelta(hours=1)


class Identities:
    def __init__(
        self, loaded: LoadedConfig, redis_client: redis.asyncio.Redis, slack: SlackGateway
    ) -> None:
        self.loaded = loaded
        self.redis = redis_client
        self.slack = slack
        self._warned = False

    async def slack_user(self, actor: str | None, conf: EnvSlack | None) -> str | None:
        """The Slack user id of `actor`, or None when it can't be told."""
        if not actor:
            return None
        mapped = (conf.user_map if conf else {}).get(
            actor
        ) or self.loaded.config.slack.user_map.get(actor)
        if mapped:
            return mapped
        if not EMAIL.match(actor):
            return None
        key = keys.slack_user(actor.lower())
        cached = await self.redis.get(key)
        if cached is not None:
            return cached.decode() or None
        try:
            user = await self.slack.user_by_email(actor)
        except SlackError as exc:
            if not self._warned:
                log.warning(
                    "can't look Slack users up by email (%s): asking who made a change needs "
                    "the users:read.email scope (manifest.yml)",
                    exc.code,
                )
                self._warned = True
            return None
        ttl = FOUND_TTL if user else NOT_FOUND_TTL
        await self.redis.set(key, user or "", px=px(ttl))
        return user
