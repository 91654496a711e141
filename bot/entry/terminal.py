"""What the `drift` command line draws on a terminal: the progress line on stderr, aligned
grids, ages, and the lines of `drift status`, `drift findings`, `drift history` and
`drift catalog`. Sentences come from bot/messages/cli.py; the layout is here."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, TextIO

from bot.drift.progress import ProgressUpdate, describe_progress
from bot.messages import cli as say

if TYPE_CHECKING:
    from bot.lifecycle.transitions import FindingRecord

# The columns of `drift findings` (labels of a format, as JSON keys: not sentences).
FINDINGS_COLUMNS = (
    "ID",
    "STATE",
    "KIND",
    "SEVERITY",
    "RESOURCE TYPE",
    "RESOURCE ID",
    "REGION",
    "AGE",
    "BY",
    "RUNBOOK",
    "NOTE",
)


class Progress:
    """How far the check is (describe_progress), on one stderr line, at most every half
    second."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last = 0.0
        self.shown = False

    @classmethod
    def for_stream(cls, stream: TextIO) -> Progress | None:
        return cls(stream) if stream.isatty() else None

    def __call__(self, update: ProgressUpdate) -> None:
        now = time.monotonic()
        if now - self.last >= 0.5:
            self.last = now
            self.shown = True
            self.stream.write("\r" + describe_progress(update))
            self.stream.flush()

    def done(self) -> None:
        if self.shown:
            self.stream.write("\n")


def grid(rows: list[list[str]]) -> str:
    """Aligned columns, two spaces apart; one line per row."""
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    return "".join(
        "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n"
        for row in rows
    )


def age(delta: timedelta) -> str:
    """`5h` under two days, `3d` beyond."""
    hours = delta.total_seconds() / 3600
    return f"{hours:.0f}h" if hours < 48 else f"{hours / 24:.0f}d"


def cell(value: object) -> str:
    """One value of `drift catalog`'s rows: lists joined by commas, nothing as `-`."""
    if isinstance(value, list):
        return ",".join(cell(v) for v in value) or "-"
    if isinstance(value, dict):
        return cell(list(value.values()))
    return "-" if value is None else str(value)


def describe_job(job_id: str, info: dict[str, Any]) -> str:
    """One line of `drift status`: the job's state, and its progress, result or error."""
    state = str(info.get("state", info.get("queue_status", "unknown")))
    env = info.get("env", "?")
    if state == "running":
        p = info.get("progress") or {}
        update = ProgressUpdate(
            str(p.get("phase", "reading")),
            records=p.get("records", 0),
            changes=p.get("changes", 0),
            confirmed=p.get("confirmed", 0),
            to_confirm=p.get("to_confirm", 0),
        )
        return say.job_running(job_id, env, describe_progress(update))
    if state == "succeeded":
        r = info.get("result") or {}
        return say.job_succeeded(
            job_id,
            env,
            r.get("modified", 0),
            r.get("deleted", 0),
            r.get("unmanaged", 0),
            r.get("resolved", 0),
            r.get("records", 0),
            r.get("changes", 0),
            r.get("window_start"),
            r.get("window_end"),
        )
    if state == "failed":
        return say.job_failed(job_id, env, info.get("error"), info.get("hint"))
    return say.job_state(job_id, env, state)


def findings_grid(records: list[FindingRecord], now: datetime) -> str:
    """`drift findings` as a grid: one row per finding, under FINDINGS_COLUMNS."""
    rows = [list(FINDINGS_COLUMNS)]
    for r in records:
        f = r.finding
        note = ""
        if r.acceptance:
            note = say.acceptance_note(r.acceptance.by, r.acceptance.reason, r.acceptance.until)
        elif r.resolution:
            note = r.resolution
        rows.append(
            [
                r.id,
                r.state,
                f.kind,
                f.severity or "-",
                f.resource_type,
                f.resource_id,
                f.region,
                age(now - r.first_seen),
                f.events[-1].actor if f.events else "-",
                f.runbook or "-",
                note,
            ]
        )
    return grid(rows)


def history_line(entry: dict[str, str]) -> str:
    """One entry of `drift history`: a check, or a transition of a finding."""
    at = entry.get("at", "")
    if entry.get("type") == "check":
        return say.history_check(
            at,
            entry.get("window_start"),
            entry.get("window_end"),
            entry.get("findings", 0),
            entry.get("changes", 0),
            entry.get("trigger", ""),
            entry.get("requested_by", ""),
            entry.get("job_id"),
        )
    moved = f"{entry.get('from_state') or '-'} → {entry.get('to_state')}"
    return say.history_transition(
        at, moved, entry.get("resource"), entry.get("actor"), entry.get("reason")
    )
