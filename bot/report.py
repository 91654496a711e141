"""Rendering a check for people (tables) and for tools (JSON). Pure; returns strings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import orjson

from bot.findings import Finding, Report
from bot.models import FindingKind

TITLES: dict[FindingKind, str] = {
    "modified": "Modified: managed by IaC, changed by hand",
    "deleted": "Deleted: managed by IaC, deleted by hand",
    "unmanaged": "Unmanaged: no IaC state of this environment manages it",
}
MAX_CELL = 60


def render_json(report: Report, unknown: Counter[tuple[str, str]] | None = None) -> str:
    """The JSON contract; with `unknown`, a list of calls the catalog does not know."""
    doc = report.model_dump(mode="json")
    if unknown is not None:
        doc["unknown"] = [
            {"event_source": s, "event_name": n, "count": c} for (s, n), c in _ranked(unknown)
        ]
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode() + "\n"


def render_text(report: Report, unknown: Counter[tuple[str, str]] | None = None) -> str:
    """A table per kind of drift, then a summary line."""
    w = report.window
    lines = [f"drift check {report.environment}: {w.start} → {w.end}", ""]
    for kind in ("deleted", "modified", "unmanaged"):
        found = [f for f in report.findings if f.kind == kind]
        if found:
            lines.append(f"{TITLES[kind]} ({len(found)})")
            lines.extend(_table(found))
            lines.append("")
    if unknown is not None:
        lines.append(f"Calls the catalog does not know ({sum(unknown.values())})")
        rows = [["EVENT SOURCE", "EVENT NAME", "COUNT"]]
        rows += [[s, n, str(c)] for (s, n), c in _ranked(unknown)]
        lines.extend(_grid(rows) if len(rows) > 1 else ["  (none)"])
        lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def summary_line(report: Report) -> str:
    counts = Counter(f.kind for f in report.findings)
    s = report.stats
    tail = (
        f"{s.records:,} records, {s.changes:,} changes, {s.skipped_files} skipped files, "
        f"{s.unknown_events} unknown events"
    )
    if not report.findings:
        return f"No drift in {report.environment}. ({tail})"
    parts = [f"{counts[k]} {k}" for k in ("modified", "deleted", "unmanaged") if counts[k]]
    return f"Drift in {report.environment}: {', '.join(parts)}. ({tail})"


def _table(findings: Sequence[Finding]) -> list[str]:
    rows = [["RESOURCE TYPE", "RESOURCE ID", "REGION", "ACTOR", "VIA", "LAST CHANGE", "TIME",
             "ADDRESSES"]]  # fmt: skip
    for f in findings:
        last = f.events[-1]
        actors = list(dict.fromkeys(e.actor for e in f.events))
        vias = list(dict.fromkeys(e.via for e in f.events))
        changes = f"{last.event_name}" + (f" (+{len(f.events) - 1})" if len(f.events) > 1 else "")
        rows.append(
            [
                f.resource_type,
                f.resource_id,
                f.region,
                ", ".join(actors),
                ", ".join(vias),
                changes,
                last.event_time,
                ", ".join(f.addresses) or "-",
            ]
        )
    return _grid(rows)


def _grid(rows: list[list[str]]) -> list[str]:
    """Aligned columns; long cells are cut, except in the last column, which can run on."""
    cells = [[*(_clip(c) for c in row[:-1]), row[-1]] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    return ["  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
            for row in cells]  # fmt: skip


def _clip(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _ranked(counter: Counter[tuple[str, str]]) -> list[tuple[tuple[str, str], int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
