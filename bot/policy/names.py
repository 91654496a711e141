"""The names a runbook writes, checked against the catalogs: event names, resource types,
environment globs, Slack user groups and attribute globs, as annotated types for its models
(bot/policy/runbook.py), and how an event name a runbook gives matches a finding's event. Pure.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Annotated

from pydantic import AfterValidator

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.rules import BY_ARN, BY_EC2_ID, TRAIL_RULES, base_event_name
from bot.config.problems import did_you_mean
from bot.messages import runbook as say

_ENV_PATTERN = re.compile(r"^[A-Za-z0-9_.*?\[\]!-]+$")
_USERGROUP = re.compile(r"^S[A-Z0-9]{6,}$")


@functools.cache
def _event_names() -> frozenset[str]:
    return frozenset(rule.name for _, rule in TRAIL_RULES)


def _check_event(value: str) -> str:
    source, qualified, name = value.rpartition(":")
    if qualified:
        known = f"{source}:{base_event_name(name)}" in TRAIL_RULES
        options: Iterable[str] = TRAIL_RULES.keys()
    else:
        known = base_event_name(value) in _event_names()
        options = _event_names()
    if not known:
        raise ValueError(say.unknown_event(value, did_you_mean(value, options)))
    return value


def _check_resource_type(value: str) -> str:
    if value not in RESOURCE_TYPES:
        raise ValueError(
            say.unknown_resource_type(value, did_you_mean(value, RESOURCE_TYPES.keys()))
        )
    return value


def _check_env_pattern(value: str) -> str:
    if not _ENV_PATTERN.match(value):
        raise ValueError(say.expected_environment_pattern(value))
    return value


def _check_usergroup(value: str) -> str:
    if not _USERGROUP.match(value):
        raise ValueError(say.expected_usergroup(value))
    return value


def _check_glob(value: str) -> str:
    if not value.strip():
        raise ValueError(say.expected_glob())
    return value


EventName = Annotated[str, AfterValidator(_check_event)]
ResourceTypeName = Annotated[str, AfterValidator(_check_resource_type)]
EnvironmentPattern = Annotated[str, AfterValidator(_check_env_pattern)]
PathGlob = Annotated[str, AfterValidator(_check_glob)]
UserGroupId = Annotated[str, AfterValidator(_check_usergroup)]


def event_matches(spec: str, event_name: str, resource_type: str) -> bool:
    """Whether an event of a finding of `resource_type` is the call `spec` names."""
    source, qualified, name = spec.rpartition(":")
    if base_event_name(event_name) != base_event_name(name):
        return False
    if not qualified:
        return True
    rule = TRAIL_RULES.find(f"{source}:{base_event_name(name)}")
    if rule is None:
        return False
    return any(t.resource_type in (resource_type, BY_EC2_ID, BY_ARN) for t in rule.targets)
