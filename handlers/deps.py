"""What the listeners depend on: the configuration, the runbooks, Redis state, the job queue,
Slack, and the clock. Built once by `bot.entry.app`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.config.drift import LoadedConfig
from bot.policy.runbook import Runbook
from bot.shell.redis.queue import Queue
from bot.shell.redis.slack_state import SlackState
from bot.shell.redis.store import Store
from bot.shell.slack import SlackGateway


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
