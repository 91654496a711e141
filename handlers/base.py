"""What every listener shares: the app's dependencies, and who may do what where.

Authorization is on Slack ids only (users `U…`, user groups `S…`), from drift.yml. Group
members come from Slack (`usergroups.users.list`) through a 10-minute Redis cache, so a click
rarely waits on Slack before its ack.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.config.drift import EnvSlack, LoadedConfig
from bot.policy.runbook import Runbook
from bot.shell.redis.queue import Queue
from bot.shell.redis.slack_state import SlackState
from bot.shell.redis.store import Store
from bot.shell.slack import SlackError, SlackGateway
from bot.slack import parse_button_value

log = logging.getLogger("driftbot.slack")


@dataclass
class SlackDeps:
    """Built once by `bot.entry.app`, passed to every handler."""

    loaded: LoadedConfig
    runbooks: Mapping[str, Runbook]
    store: Store
    state: SlackState
    queue: Queue
    slack: SlackGateway
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))


class Refused(Exception):
    """The user may not do this here; the text says why and what to do."""


class HandlerBase:
    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    @property
    def environments(self) -> list[str]:
        return sorted(self.deps.loaded.config.environments)

    def env_slack(self, env: str) -> EnvSlack:
        """The environment's Slack settings; Refused when it is not set up for Slack."""
        environment = self.deps.loaded.config.environments.get(env)
        if environment is None:
            raise Refused(f"No environment named `{env}`.")
        if environment.slack is None:
            if self.deps.loaded.config.slack.allow_unconfigured:
                raise Refused(f"`{env}` has no `slack.channel` in drift.yml to post to.")
            raise Refused(
                f"`{env}` is not set up for Slack. Add a `slack:` block (channel, who may check, "
                "approvers) to its entry in drift.yml."
            )
        return environment.slack

    async def members(self, group: str) -> set[str]:
        cached = await self.deps.state.cached_group(group)
        if cached is not None:
            return set(cached)
        try:
            users = await self.deps.slack.group_members(group)
        except SlackError as exc:
            log.warning("user group %s: %s", group, exc.user_message)
            return set()
        await self.deps.state.cache_group(group, users)
        return set(users)

    async def groups_of(self, user: str, groups: list[str]) -> set[str]:
        """Which of `groups` the user is a member of."""
        return {g for g in groups if user in await self.members(g)}

    async def require_checker(self, user: str, env: str) -> EnvSlack:
        """The env's settings if `user` may run checks and act on its cards; Refused if not."""
        conf = self.env_slack(env)
        access = conf.check
        if access.anyone or user in access.users:
            return conf
        if await self.groups_of(user, access.usergroups):
            return conf
        groups = ", ".join(f"<!subteam^{g}>" for g in access.usergroups)
        raise Refused(f"Only {groups or 'the listed people'} may run checks and act on `{env}`.")

    async def visible_envs(self, user: str) -> list[str]:
        """The environments whose findings `user` may see (may check or approve)."""
        out = []
        for name, env in sorted(self.deps.loaded.config.environments.items()):
            if env.slack is None:
                continue
            try:
                await self.require_checker(user, name)
                out.append(name)
                continue
            except Refused:
                pass
            if await self.groups_of(user, env.slack.approvers):
                out.append(name)
        return out


def split_value(value: str) -> tuple[str, str]:
    """A button value `env|id` (Refused when it is not one of ours)."""
    try:
        return parse_button_value(value)
    except ValueError:
        raise Refused("That button is not one of driftbot's.") from None


def input_value(view: Mapping[str, Any], action_id: str) -> tuple[str | None, Any]:
    """(block_id, value) of a modal input by its action_id."""
    for block_id, actions in view.get("state", {}).get("values", {}).items():
        if action_id in actions:
            element = actions[action_id]
            for key in ("value", "selected_date", "selected_option"):
                if element.get(key) is not None:
                    value = element[key]
                    return block_id, value.get("value") if key == "selected_option" else value
            return block_id, None
    return None, None
