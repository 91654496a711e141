"""Which environments an event belongs to: each environment's own filter (its accounts and
regions, its IaC principals; the check's TrailFilter, with no time window), and, for an event no
environment keeps, the reason it was dropped (`read_only`, `failed`, `aws_service`,
`iac_principal`, … or `no_environment` when it is out of every environment's accounts and
regions)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.config.drift import Environment
from bot.trail.filter import TrailFilter, compile_principals

EVER_START, EVER_END = "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"
OUT_OF_SCOPE = frozenset({"out_of_scope"})
NO_ENVIRONMENT = "no_environment"


def event_filter(env: Environment) -> TrailFilter:
    """The environment's filter for events as they come: no window."""
    return TrailFilter(
        start=EVER_START,
        end=EVER_END,
        accounts=frozenset(env.account_id) if env.account_id is not None else None,
        regions=frozenset(env.regions) if env.regions is not None else None,
        iac_principals=compile_principals(env.iac_principals),
    )


class Router:
    """Routes records to the environments whose filter keeps them."""

    def __init__(self, environments: Mapping[str, Environment]) -> None:
        self.filters = {name: event_filter(env) for name, env in environments.items()}

    def route(self, record: Mapping[str, Any]) -> tuple[list[str], str | None]:
        """The environments that keep `record`, or none and why."""
        if record.get("readOnly") is True:  # most of what arrives when reads are forwarded
            return [], "read_only"
        kept: list[str] = []
        reasons: list[str] = []
        for name, trail_filter in self.filters.items():
            reason = trail_filter.drop_reason(record)
            if reason is None:
                kept.append(name)
            else:
                reasons.append(reason)
        if kept or not reasons:
            return kept, None if kept else NO_ENVIRONMENT
        if set(reasons) <= OUT_OF_SCOPE:
            return [], NO_ENVIRONMENT
        if len(set(reasons)) == 1:
            return [], reasons[0]
        return [], next(r for r in reasons if r not in OUT_OF_SCOPE)
