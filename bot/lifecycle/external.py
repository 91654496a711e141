"""What a finding record keeps of the world outside driftbot: its reapply run, and its links
(alerts, tickets, pull requests). Models only; runs.py moves them. Pure.

RUN_STATUSES lists a run's statuses in their order, so that a later status (a `triggering`, an
approval wait) can be added without touching who reads them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RunStatus = Literal["approved", "dispatching", "queued", "running", "succeeded", "failed", "sent"]
RUN_STATUSES: tuple[RunStatus, ...] = (
    "approved",
    "dispatching",
    "queued",
    "running",
    "succeeded",
    "failed",
    "sent",
)
FINAL: frozenset[RunStatus] = frozenset({"succeeded", "failed", "sent"})
# Approved, not yet handed to the target (the worker's trigger job is queued or running): the
# card says so and offers no second Reapply.
WAITING: frozenset[RunStatus] = frozenset({"approved", "dispatching"})
LinkKind = Literal["pagerduty", "incident_io", "jira", "github_issue", "codify", "iac_note"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ReapplyRun(_Model):
    """One attempt of an approved reapply at its target."""

    target: str
    request_id: str
    attempt: int = 1
    status: RunStatus = "dispatching"
    tries: int = 0  # the trigger's tries so far (the job retries with backoff before failing)
    run_id: str | None = None
    url: str | None = None
    detail: str | None = None  # the target's own word for the state (`in_progress`, `planned`)
    error: str | None = None
    hint: str | None = None
    requested_by: str
    approved_by: list[str] = Field(default_factory=list)
    started_at: datetime
    updated_at: datetime
    followed: bool = True  # False: the target gives nothing to follow


class ExternalLink(_Model):
    """Something outside Slack made for a finding: an alert, a ticket, a pull request."""

    kind: LinkKind
    target: str  # what was asked: `pagerduty`, `jira`, the forge of a pull request
    key: str  # the dedup key, the issue key or number, the pull request number
    url: str | None = None
    state: Literal["open", "closed"] = "open"
    by: str
    at: datetime
