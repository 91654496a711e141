"""Who may do what where. Authorization is on Slack ids only (users `U…`, user groups `S…`),
from drift.yml. Group members come from Slack (`usergroups.users.list`) through a 10-minute
Redis cache, so a click rarely waits on Slack before its ack."""

from __future__ import annotations

from bot.config.drift import EnvSlack
from bot.errors import Refused
from bot.messages.slack import answers as say
from bot.messages.slack import no_environment
from bot.shell.visibility import Visibility
from handlers.deps import SlackDeps


class Access:
    """The environments' Slack settings, and who may check, act and approve."""

    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps
        self.visibility = Visibility(deps.loaded, deps.state, deps.slack)

    def env_slack(self, env: str) -> EnvSlack:
        """The environment's Slack settings; Refused when it is not set up for Slack."""
        environment = self.deps.loaded.config.environments.get(env)
        if environment is None:
            raise Refused(no_environment(env))
        if environment.slack is None:
            if self.deps.loaded.config.slack.allow_unconfigured:
                raise Refused(say.env_without_channel(env))
            raise Refused(say.env_not_on_slack(env))
        return environment.slack

    async def members(self, group: str) -> set[str]:
        return await self.visibility.members(group)

    async def groups_of(self, user: str, groups: list[str]) -> set[str]:
        """Which of `groups` the user is a member of."""
        return await self.visibility.groups_of(user, groups)

    async def require_checker(self, user: str, env: str) -> EnvSlack:
        """The env's settings if `user` may run checks and act on its cards; Refused if not."""
        conf = self.env_slack(env)
        access = conf.check
        if access.anyone or user in access.users:
            return conf
        if await self.groups_of(user, access.usergroups):
            return conf
        groups = ", ".join(f"<!subteam^{g}>" for g in access.usergroups)
        raise Refused(say.only_checkers(groups, env))

    async def visible_envs(self, user: str) -> list[str]:
        """The environments whose findings `user` may see (may check or approve)."""
        return await self.visibility.visible_envs(user)
