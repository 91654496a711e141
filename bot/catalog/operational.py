"""OPERATIONAL_CALLS: calls that write but change no configuration IaC manages, with why. No I/O.

Each service module lists its own with `ops(reason, names)`: running a job, sending a message,
rotating a credential, an invalidation. They are dropped as `operational` (never a finding),
and the catalog's coverage test counts them as accounted for. Keys are "eventSource:eventName".
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.registry import Registry

OPERATIONAL_CALLS: Registry[str] = Registry("operational call")


@dataclass(frozen=True)
class Ops:
    """One line of a service's table of operational calls: `names` of `source`, and why."""

    source: str
    names: tuple[str, ...]
    reason: str


def ops(source: str, reason: str, names: str) -> Ops:
    """The calls in `names` (whitespace-separated) of `source` are operational, for `reason`."""
    return Ops(source, tuple(names.split()), reason)


def is_operational(source: str, name: str) -> bool:
    """Whether a service module lists the call as operational."""
    return f"{source}:{name}" in OPERATIONAL_CALLS
