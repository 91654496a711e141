"""Reapply approvals: the two-person rule, distinct approvers, expiry. Pure; `now` is given.

A person asks to reapply IaC over a drift; the approvers (bot/policy/approvers.py: the runbook's
groups, else the environment's approver groups, else who may act on its cards) approve it.
Nobody else may: a request that names no approver can be approved by nobody. The requester
cannot approve their own request unless the runbook says so; a protected environment needs its
configured number of distinct approvers (a runbook may ask for more); a request expires. The
store applies these functions under compare-and-set, so two approvers clicking at once, or one
clicking twice, count once.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.errors import ApprovalRefused
from bot.messages.slack import answers as say
from bot.policy.approvers import Approvers

ApprovalState = Literal["pending", "approved", "denied", "expired"]


class ApprovalRequest(BaseModel):
    """One request to reapply IaC over a finding."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    env: str
    finding_id: str
    requester: str
    created_at: datetime
    expires_at: datetime
    needed: int = Field(ge=1)
    approver_groups: list[str] = Field(default_factory=list)
    approver_users: list[str] = Field(default_factory=list)
    requester_can_approve: bool = False
    approvals: list[str] = Field(default_factory=list)
    denied_by: str | None = None
    state: ApprovalState = "pending"
    version: int = 1
    channel: str | None = None
    ts: str | None = None

    def is_expired(self, now: datetime) -> bool:
        return self.state == "pending" and now >= self.expires_at


def needed_approvals(runbook_count: int, protected: bool, env_count: int) -> int:
    """How many distinct approvers: the runbook's count, and at least the environment's when
    it is protected."""
    return max(runbook_count, env_count) if protected else runbook_count


def new_request(
    request_id: str,
    env: str,
    finding_id: str,
    requester: str,
    needed: int,
    approvers: Approvers,
    requester_can_approve: bool,
    expires_after: timedelta,
    now: datetime,
) -> ApprovalRequest:
    return ApprovalRequest(
        id=request_id,
        env=env,
        finding_id=finding_id,
        requester=requester,
        created_at=now,
        expires_at=now + expires_after,
        needed=needed,
        approver_groups=list(approvers.groups),
        approver_users=list(approvers.users),
        requester_can_approve=requester_can_approve,
    )


def approvers_of(request: ApprovalRequest) -> Approvers:
    return Approvers(users=tuple(request.approver_users), groups=tuple(request.approver_groups))


def approve(
    request: ApprovalRequest, user: str, user_groups: set[str], now: datetime
) -> ApprovalRequest:
    """Count `user`'s approval. Raises ApprovalRefused saying why it does not count."""
    _check_open(request, now)
    if user == request.requester and not request.requester_can_approve:
        raise ApprovalRefused(say.own_request())
    approvers = approvers_of(request)
    if approvers.nobody:
        raise ApprovalRefused(say.nobody_may_approve(request.env))
    if not approvers.includes(user, user_groups):
        raise ApprovalRefused(say.only_approvers_approve(_named(approvers)))
    if user in request.approvals:
        raise ApprovalRefused(say.approved_already())
    approvals = [*request.approvals, user]
    state: ApprovalState = "approved" if len(approvals) >= request.needed else "pending"
    return request.model_copy(
        update={"approvals": approvals, "state": state, "version": request.version + 1}
    )


def deny(
    request: ApprovalRequest, user: str, user_groups: set[str], now: datetime
) -> ApprovalRequest:
    """An approver (or the requester, withdrawing) turns the request down."""
    _check_open(request, now)
    if user != request.requester and not approvers_of(request).includes(user, user_groups):
        raise ApprovalRefused(say.only_approver_or_requester())
    return request.model_copy(
        update={"denied_by": user, "state": "denied", "version": request.version + 1}
    )


def _named(approvers: Approvers) -> str:
    """The approvers as Slack mentions: groups, then users."""
    mentions = [f"<!subteam^{g}>" for g in approvers.groups] + [f"<@{u}>" for u in approvers.users]
    return ", ".join(mentions)


def _check_open(request: ApprovalRequest, now: datetime) -> None:
    if request.is_expired(now) or request.state == "expired":
        raise ApprovalRefused(say.request_expired())
    if request.state == "approved":
        raise ApprovalRefused(say.request_approved())
    if request.state == "denied":
        raise ApprovalRefused(say.request_denied(f"<@{request.denied_by}>"))
