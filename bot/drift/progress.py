"""How far a long check is, for the people waiting on it (the CLI's line, `drift status`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProgressUpdate:
    """How far a check is: records read and changes found, then resources confirmed."""

    phase: str  # "reading" | "confirming"
    records: int = 0
    changes: int = 0
    confirmed: int = 0
    to_confirm: int = 0


Progress = Callable[[ProgressUpdate], None]


def progress_fields(update: ProgressUpdate) -> dict[str, str | int]:
    """What a job's record and the Slack progress message keep of an update."""
    return {
        "phase": update.phase,
        "records": update.records,
        "changes": update.changes,
        "confirmed": update.confirmed,
        "to_confirm": update.to_confirm,
    }


def describe_progress(update: ProgressUpdate) -> str:
    """One line for a person: records read, changes found, resources confirmed."""
    text = f"read {update.records:,} records, {update.changes:,} changes"
    if update.phase == "confirming":
        text += f"; confirmed {update.confirmed}/{update.to_confirm} resources"
    return text
