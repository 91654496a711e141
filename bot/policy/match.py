"""Which runbook a finding falls under, and what its policies leave of the finding. Pure.

Matching (`match_runbook`): among the runbooks whose `when` matches a finding, the most specific
wins: more `when` keys given beats fewer, then fewer values listed in them, then the name (a
stable tie-break). Catch-alls come last.

Policies (`apply_policies`): each finding gets its runbook's name and severity, and loses the
changes that `confirm` or an active attribute ignore rule (the environment's or the runbook's)
rules out. An active rule without `attribute` that matches the resource moves the whole finding
to the ignored list, as does a finding confirmed only by changes that were all ruled out.
Expired rules do nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from bot.config.ignores import IgnoreRule, path_matches
from bot.drift.findings import WHOLE_RESOURCE, AttributeChange, Finding, IgnoredFinding
from bot.messages import runbook as say
from bot.policy.runbook import Confirm, Runbook

Rules = list[tuple[str, IgnoreRule]]  # (whose rule, for messages; the rule)


def match_runbook(
    finding: Finding, env_name: str, runbooks: Mapping[str, Runbook]
) -> Runbook | None:
    """The most specific runbook whose `when` matches `finding` (see the module docstring)."""
    candidates = [rb for rb in runbooks.values() if rb.when.matches(finding, env_name)]
    return min(candidates, key=lambda rb: rb.rank, default=None)


def apply_policies(
    findings: Iterable[Finding],
    runbooks: Mapping[str, Runbook],
    env_ignores: Sequence[IgnoreRule],
    env_name: str,
    now: datetime,
) -> tuple[list[Finding], list[IgnoredFinding]]:
    """Each finding with its runbook and severity, and its changes filtered by the runbook's
    `confirm` and every active attribute ignore rule; the findings ignored as a whole apart,
    each with the rule and reason that took it out."""
    env_origin = say.environment_origin(env_name)
    env_rules = [(env_origin, r) for r in env_ignores if r.is_active(now)]
    kept: list[Finding] = []
    ignored: list[IgnoredFinding] = []
    for finding in findings:
        runbook = match_runbook(finding, env_name, runbooks)
        rules = [
            (origin, rule)
            for origin, rule in env_rules + _active(runbook, now)
            if rule.matches_resource(finding.resource_type, finding.resource_id, finding.addresses)
        ]
        whole = next(((o, r) for o, r in rules if r.attribute is None), None)
        if whole is not None:
            origin, rule = whole
            why = say.ignored_by_rule(origin, rule.describe())
            ignored.append(_ignored(finding, why, rule.reason))
            continue
        changes, reasons = _filter_changes(finding.changes, runbook, rules)
        if finding.confirmed is True and finding.changes and not changes:
            why = "; ".join(dict.fromkeys(reasons))
            paths = [c.path for c in finding.changes]
            ignored.append(_ignored(finding, why, say.every_change_ignored(paths)))
            continue
        kept.append(
            finding.model_copy(
                update={
                    "changes": changes,
                    "runbook": runbook.name if runbook else None,
                    "severity": runbook.severity if runbook else None,
                }
            )
        )
    return kept, ignored


def _active(runbook: Runbook | None, now: datetime) -> Rules:
    if runbook is None:
        return []
    origin = say.runbook_origin(runbook.name)
    return [(origin, r) for r in runbook.ignore if r.is_active(now)]


def _filter_changes(
    changes: Sequence[AttributeChange], runbook: Runbook | None, rules: Rules
) -> tuple[list[AttributeChange], list[str]]:
    """The changes that still count, and why each other one was dropped."""
    confirm = runbook.confirm if runbook else Confirm()
    name = runbook.name if runbook else ""
    kept: list[AttributeChange] = []
    why: list[str] = []
    for change in changes:
        path = change.path
        if (
            confirm.attributes is not None
            and path != WHOLE_RESOURCE
            and not any(path_matches(path, p) for p in confirm.attributes)
        ):
            why.append(say.outside_confirm_attributes(name, confirm.attributes))
            continue
        pattern = next((p for p in confirm.ignore if path_matches(path, p)), None)
        if pattern is not None:
            why.append(say.confirm_ignored(name, pattern))
            continue
        rule = next(
            ((o, r) for o, r in rules if r.attribute is not None and r.matches_path(path)), None
        )
        if rule is not None:
            why.append(say.ignored_by_rule(rule[0], rule[1].describe()))
            continue
        kept.append(change)
    return kept, why


def _ignored(finding: Finding, rule: str, reason: str) -> IgnoredFinding:
    return IgnoredFinding(
        resource_type=finding.resource_type,
        resource_id=finding.resource_id,
        account_id=finding.account_id,
        region=finding.region,
        rule=rule,
        reason=reason,
    )
