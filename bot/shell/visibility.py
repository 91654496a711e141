"""Who may see and act on which environment in Slack: drift.yml's `slack.check` users and user
groups, and its approvers. Group members come from Slack (`usergroups.users.list`) through a
10-minute Redis cache. Used by the listeners (handlers/authz.py) and by the notifier, which
draws App Home again for the people who opened it."""

from __future__ import annotations

import logging

from bot.config.drift import EnvSlack, LoadedConfig
from bot.errors import SlackError
from bot.shell.redis.slack_state import SlackState
from bot.shell.slack import SlackGateway

log = logging.getLogger("driftbot.slack")


class Visibility:
    def __init__(self, loaded: LoadedConfig, state: SlackState, slack: SlackGateway) -> None:
        self.loaded = loaded
        self.state = state
        self.slack = slack

    async def members(self, group: str) -> set[str]:
        cached = await self.state.cached_group(group)
        if cached is not None:
            return set(cached)
        try:
            users = await self.slack.group_members(group)
        except SlackError as exc:
            log.warning("user group %s: %s", group, exc.user_message)
            return set()
        await self.state.cache_group(group, users)
        return set(users)

    async def groups_of(self, user: str, groups: list[str]) -> set[str]:
        """Which of `groups` the user is a member of."""
        return {g for g in groups if user in await self.members(g)}

    async def may_check(self, user: str, conf: EnvSlack) -> bool:
        access = conf.check
        if access.anyone or user in access.users:
            return True
        return bool(await self.groups_of(user, access.usergroups))

    async def visible_envs(self, user: str) -> list[str]:
        """The environments whose findings `user` may see (may check or approve)."""
        out = []
        for name, env in sorted(self.loaded.config.environments.items()):
            if env.slack is None:
                continue
            if await self.may_check(user, env.slack) or await self.groups_of(
                user, env.slack.approvers
            ):
                out.append(name)
        return out
