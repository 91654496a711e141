"""Shared value types of the core: resource references and kinds of change. No I/O."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ChangeKind = Literal["create", "update", "delete"]
FindingKind = Literal["modified", "deleted", "unmanaged"]
Severity = Literal["low", "medium", "high", "critical"]
# Most severe first; a finding without a severity (no runbook matched) after every other.
SEVERITY_RANK: dict[Severity | None, int] = {
    "critical": 0,
    "high": 1,
    "medium": 2,
    "low": 3,
    None: 4,
}


@dataclass(frozen=True, slots=True)
class ResourceRef:
    """A resource a CloudTrail call touched: canonical type, physical id, and how it changed."""

    resource_type: str
    resource_id: str
    change: ChangeKind
