"""Rendering a check for people (tables) and for tools (JSON). Pure; returns strings.

The sentences are bot/messages/report.py's; the layout (columns, indents) is here."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import orjson

from bot.drift.findings import CONTRACT_EXCLUDE, Finding, Report
from bot.messages import report as say
from bot.models import SEVERITY_RANK

MAX_CELL = 60
MAX_VALUE = 80


def render_json(report: Report, unknown: Counter[tuple[str, str]] | None = None) -> str:
    """The JSON contract; with `unknown` (`--show-unknown`), a list of the calls the catalog
    does not know and one of what AWS services changed on their own (`aws_service`)."""
    doc = report.model_dump(mode="json", exclude={"findings": {"__all__": CONTRACT_EXCLUDE}})
    if unknown is not None:
        doc["unknown"] = [
            {"event_source": s, "event_name": n, "count": c} for (s, n), c in _ranked(unknown)
        ]
        doc["aws_service"] = [call.model_dump(mode="json") for call in report.aws_service]
    return orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode() + "\n"


def render_text(report: Report, unknown: Counter[tuple[str, str]] | None = None) -> str:
    """A table per kind of drift (with what changed, when confirmed), resolved changes, then
    a summary line; with `unknown` (`--show-unknown`), also the calls the catalog does not
    know, the known calls that named nothing, and what AWS services changed."""
    w = report.window
    lines = [say.heading(report.environment, w.start, w.end), ""]
    for kind in ("deleted", "modified", "unmanaged"):
        found = [f for f in report.findings if f.kind == kind and f.is_drift]
        if found:
            lines.append(say.kind_title(kind, len(found)))
            lines.extend(_table(found))
            lines.extend(_details(found, report.read_live))
            lines.append("")
    resolved = [f for f in report.findings if not f.is_drift]
    if resolved:
        lines.append(say.resolved_title(len(resolved)))
        lines.extend(_table(resolved))
        lines.extend(_details(resolved, report.read_live))
        lines.append("")
    if unknown is not None:
        lines.extend(_listings(report, unknown))
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def _listings(report: Report, unknown: Counter[tuple[str, str]]) -> list[str]:
    """`--show-unknown`: unknown calls, unresolved calls, AWS services' own changes."""
    lines = [say.unknown_title(sum(unknown.values()))]
    rows = [["EVENT SOURCE", "EVENT NAME", "COUNT"]]
    rows += [[s, n, str(c)] for (s, n), c in _ranked(unknown)]
    lines.extend(_grid(rows) if len(rows) > 1 else ["  " + say.none_listed()])
    lines.append("")
    lines.append(say.unresolved_title(report.stats.unresolved))
    rows = [["EVENT SOURCE", "EVENT NAME", "COUNT", "EXAMPLE EVENT ID"]]
    rows += [[u.event_source, u.event_name, str(u.count), u.event_id] for u in report.unresolved]
    lines.extend(_grid(rows) if len(rows) > 1 else ["  " + say.none_listed()])
    lines.append("")
    lines.append(say.aws_service_title(sum(c.count for c in report.aws_service)))
    rows = [["EVENT SOURCE", "EVENT NAME", "SERVICE", "COUNT"]]
    rows += [[c.event_source, c.event_name, c.service, str(c.count)] for c in report.aws_service]
    lines.extend(_grid(rows) if len(rows) > 1 else ["  " + say.none_listed()])
    lines.append("")
    return lines


def summary_line(report: Report) -> str:
    drift: Counter[str] = Counter(f.kind for f in report.findings if f.is_drift)
    s, trail = report.stats, report.cloudtrail
    scanned = trail.get("bytes_scanned")
    read = say.stats(
        s.records,
        s.changes,
        s.skipped_files,
        s.unknown_events,
        s.unresolved,
        s.aws_service,
        trail.get("api_calls"),
        scanned if isinstance(scanned, int) else None,
        trail.get("estimated_cost_usd"),
    )
    resolved = len(report.findings) - sum(drift.values())
    return say.summary(report.environment, drift, resolved, read)


def _details(findings: Sequence[Finding], read_live: bool) -> list[str]:
    """Under a table: what changed (confirmed), or why it could not be told (not repeated
    when the check did not read live: every finding has the same `reason` then)."""
    lines = []
    for f in findings:
        if f.changes:
            for change in f.changes:
                lines.append(
                    f"    {f.resource_id}: {change.path}: {_value(change.expected)} → "
                    f"{_value(change.actual)}"
                )
        elif f.confirmed is None and f.reason and read_live:
            lines.append("    " + say.not_confirmed(f.resource_id, f.reason))
        elif f.confirmed is False and f.reason:
            lines.append(f"    {f.resource_id}: {f.reason}")
    return lines


def _value(value: object) -> str:
    text = orjson.dumps(value).decode() if not isinstance(value, str) else value
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def _table(findings: Sequence[Finding]) -> list[str]:
    rows = [
        [
            "SEVERITY",
            "RESOURCE TYPE",
            "RESOURCE ID",
            "REGION",
            "ACTOR",
            "VIA",
            "LAST CHANGE",
            "TIME",
            "CONFIRMED",
            "ADDRESSES",
        ]
    ]
    for f in sorted(findings, key=lambda f: SEVERITY_RANK.get(f.severity, 4)):
        last = f.events[-1]
        actors = list(dict.fromkeys(e.actor for e in f.events))
        vias = list(dict.fromkeys(e.via for e in f.events))
        changes = f"{last.event_name}" + (f" (+{len(f.events) - 1})" if len(f.events) > 1 else "")
        rows.append(
            [
                f.severity or "-",
                f.resource_type,
                f.resource_id,
                f.region,
                ", ".join(actors),
                ", ".join(vias),
                changes,
                last.event_time,
                {True: "yes", False: "no", None: "-"}[f.confirmed],
                ", ".join(f.addresses) or "-",
            ]
        )
    return _grid(rows)


def _grid(rows: list[list[str]]) -> list[str]:
    """Aligned columns; long cells are cut, except in the last column, which can run on."""
    cells = [[*(_clip(c) for c in row[:-1]), row[-1]] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    return [
        "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]


def _clip(text: str) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _ranked(counter: Counter[tuple[str, str]]) -> list[tuple[tuple[str, str], int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
