"""What every reapply client shares: the run it reports, what it is given, how it reads its
secrets. The clients are one module per target (github_actions.py, gitlab.py, …), listed in
this package's `__init__`; the worker's jobs that use them are runner.py's."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from bot.config.drift import Environment
from bot.lifecycle.external import ReapplyRun, RunStatus
from bot.lifecycle.transitions import FindingRecord
from bot.policy.placeholders import PlaceholderValues
from bot.shell.aws.access import SessionFactory
from bot.shell.http import Sleep


@dataclass(frozen=True)
class RunRef:
    """What a target answered a dispatch with."""

    status: RunStatus = "queued"
    run_id: str | None = None
    url: str | None = None
    detail: str | None = None
    followed: bool = True


@dataclass(frozen=True)
class RunPoll:
    """What a target says about a run now (`run_id` and `url` when only now found)."""

    status: RunStatus
    detail: str | None = None
    url: str | None = None
    run_id: str | None = None


@dataclass
class ReapplyContext:
    """What a client is given for one dispatch or poll."""

    env_name: str
    env: Environment
    record: FindingRecord
    request_id: str
    attempt: int
    values: PlaceholderValues
    sleep: Sleep
    now: datetime
    session_factory: SessionFactory | None = None
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)


class ReapplyClient(Protocol):
    """A reapply target's API."""

    async def dispatch(self, target: Any, ctx: ReapplyContext) -> RunRef: ...

    async def poll(self, target: Any, run: ReapplyRun, ctx: ReapplyContext) -> RunPoll: ...
