"""What the worker's jobs need, built once per worker process (`bot/entry/worker.py`): the
configuration, the runbooks, Redis, the clock, AWS sessions, Slack (when SLACK_BOT_TOKEN is set),
how reapply runs are followed, and how the integrations wait between retries."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.config.drift import LoadedConfig
from bot.policy.runbook import Runbook
from bot.shell.aws.access import SessionFactory
from bot.shell.http import Sleep
from bot.shell.redis.slack_state import SlackState
from bot.shell.redis.store import Store
from bot.shell.slack import SlackGateway


@dataclass(frozen=True)
class FollowPolicy:
    """How a reapply run is followed: the delays between polls (the last one repeats), and
    when to stop following a run that does not end."""

    delays: tuple[float, ...] = (5.0, 10.0, 20.0, 30.0, 60.0)
    give_up_after: timedelta = timedelta(hours=6)

    def delay(self, poll: int) -> timedelta:
        """The delay before poll number `poll` (from 1)."""
        return timedelta(seconds=self.delays[min(poll - 1, len(self.delays) - 1)])


@dataclass
class Deps:
    """What jobs need, built once per worker process (Slack: when SLACK_BOT_TOKEN is set)."""

    loaded: LoadedConfig
    runbooks: Mapping[str, Runbook]
    store: Store
    clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    session_factory: SessionFactory | None = None
    slack: SlackGateway | None = None
    slack_state: SlackState | None = None
    follow: FollowPolicy = field(default_factory=FollowPolicy)
    sleep: Sleep = asyncio.sleep
