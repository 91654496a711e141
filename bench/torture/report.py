"""The torture run's report (one line per part, the promises broken) and what its parts
share."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo" / "drift.yml"
DAY = {"since": "2026-11-23T00:00:00Z", "until": "2026-11-24T00:00:00Z"}
BOT_TOKEN = "xoxb-torture"  # noqa: S105  (a fixture)
OK = {200, 400, 401, 403}


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)

    def line(self, what: str, text: str) -> None:
        self.lines.append(f"  {what:<26}{text}")

    def expect(self, ok: bool, promise: str) -> None:
        if not ok:
            self.broken.append(promise)

    def show(self, seconds: float) -> str:
        out = ["driftbot torture run", *self.lines, f"  {'total':<26}{seconds:.1f} s"]
        if self.broken:
            out += ["BROKEN:", *(f"  - {b}" for b in self.broken)]
        else:
            out.append("  every promise held")
        return "\n".join(out)
