"""The seams between the check and the world: where CloudTrail records, IaC state and live
resources come from. Adapters implement these; tests substitute them."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from bot.drift.findings import Confirmation, Finding
from bot.iac.index import DesiredResource, ParsedState
from bot.trail.paths import PathScope

Records = list[dict[str, Any]]


@dataclass
class Problem:
    """Something read that had to be skipped (a file, an S3 object), and why."""

    where: str
    reason: str


@dataclass
class SourceReport:
    """What a CloudTrail source did: calls made, data scanned, what it skipped.

    `problems` are files (objects) skipped whole; `warnings` are files read in part (one that
    breaks off keeps the records before the break); `skipped_records` counts the items of read
    files that are not records, by drop reason (`malformed`, `not_api_call`); `dropped` counts
    the records a source dropped before building them (the filter's first checks, by reason)
    since the check last moved them into its counts (after each batch).
    `to_json()` is the report's `cloudtrail` object; keys with no value are left out.
    """

    source: str
    api_calls: int = 0
    files: int = 0
    objects: int = 0
    bytes_scanned: int | None = None
    estimated_cost_usd: float | None = None
    query_execution_ids: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    skipped_records: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source}
        for key in ("api_calls", "files", "objects", "bytes_scanned", "estimated_cost_usd"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.query_execution_ids:
            out["query_execution_ids"] = list(self.query_execution_ids)
        return out


class TrailSource(Protocol):
    """Where CloudTrail records come from (files, LookupEvents, Athena, S3)."""

    report: SourceReport

    def batches(self, scope: PathScope) -> AsyncIterator[Records]:
        """Raw records in batches (a file's, a page's), for the window and scope given."""
        ...


class StateSource(Protocol):
    """Where IaC state comes from (Terraform, CloudFormation, Pulumi)."""

    async def load(self) -> list[ParsedState]:
        """Every state this entry names (several workspaces or stacks give several)."""
        ...


class Confirmer(Protocol):
    """Reads a suspected drift's live resource and says whether it really drifted."""

    async def confirm(
        self, finding: Finding, owners: Sequence[DesiredResource]
    ) -> Confirmation: ...


@dataclass(frozen=True)
class SourceContext:
    """What a source or state adapter may need: the environment, its config file's folder
    (relative paths), and AWS access (None when the environment uses no AWS)."""

    env_name: str
    env: Any  # bot.config.drift.Environment (Any: adapters import config, config imports nothing)
    base_dir: Path
    aws: Any | None = None  # bot.shell.aws.access.AwsAccess
    runbook: Any | None = None  # bot.policy.runbook.Runbook, when checking what one runbook covers
    jobs: int = 1  # processes that read log files (`drift check --jobs`); 1: no pool

    def resolve(self, value: str) -> Path:
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.base_dir / path
