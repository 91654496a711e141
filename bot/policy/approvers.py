"""Who may approve (or deny) a reapply from Slack. Pure; no I/O.

In order, the first that names anyone:
1. the runbook's `fix.approvals.groups` (Slack user groups);
2. the environment's `slack.approvers` (user groups);
3. the environment's `slack.check` users and user groups (who may act on its cards).

With none of them, nobody may approve, so the environment's findings cannot be reapplied from
Slack until one is configured: the card says so instead of offering Reapply, Reapply is
refused, and `drift runbook validate --config drift.yml` lists each such environment and
runbook. Never "anyone in the workspace".
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from bot.config.drift import DriftConfig, EnvSlack
from bot.policy.runbook import Runbook

Source = Literal["runbook", "approvers", "check", "nobody"]


@dataclass(frozen=True)
class Approvers:
    """Who may approve a reapply: Slack user ids and user group ids, and where they came from
    (the key that named them)."""

    users: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    source: Source = "nobody"

    @property
    def nobody(self) -> bool:
        return not (self.users or self.groups)

    def includes(self, user: str, user_groups: set[str]) -> bool:
        """Whether `user`, a member of `user_groups`, is one of them."""
        return user in self.users or bool(user_groups & set(self.groups))


NOBODY = Approvers()


def approvers_for(runbook: Runbook | None, env: EnvSlack | None) -> Approvers:
    """The approvers of a reapply of a finding matched by `runbook` in an environment with
    these Slack settings (None: not on Slack, so nobody)."""
    if runbook is not None and runbook.fix.approvals.groups:
        return Approvers(groups=tuple(runbook.fix.approvals.groups), source="runbook")
    if env is None:
        return NOBODY
    if env.approvers:
        return Approvers(groups=tuple(env.approvers), source="approvers")
    if env.check.users or env.check.usergroups:
        return Approvers(
            users=tuple(env.check.users), groups=tuple(env.check.usergroups), source="check"
        )
    return NOBODY


def applies_to(runbook: Runbook, env_name: str) -> bool:
    """Whether `runbook` can match findings of `env_name` (its `when.environments`)."""
    patterns = runbook.when.environments
    return patterns is None or any(fnmatch.fnmatchcase(env_name, p) for p in patterns)


def reapply_off(config: DriftConfig, runbooks: Mapping[str, Runbook]) -> list[tuple[str, str]]:
    """(environment, runbook) pairs where the runbook has a reapply target but nobody may
    approve it in that Slack environment, sorted."""
    out = []
    for env_name, env in sorted(config.environments.items()):
        if env.slack is None:
            continue
        for name, runbook in sorted(runbooks.items()):
            if runbook.fix.reapply is None or not applies_to(runbook, env_name):
                continue
            if approvers_for(runbook, env.slack).nobody:
                out.append((env_name, name))
    return out
