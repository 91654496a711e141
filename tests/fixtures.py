"""Loading the recorded test data under tests/data."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
TRAIL_FIXTURES = DATA / "cloudtrail"


@dataclass(frozen=True)
class TrailFixture:
    """One CloudTrail record with the resources a rule must find in it."""

    path: Path
    source: str
    license: str
    expect: list[dict[str, str]]
    record: dict[str, Any]
    expect_names: list[dict[str, str]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.record['eventSource']}:{self.record['eventName']}"

    @property
    def id(self) -> str:
        return str(self.path.relative_to(TRAIL_FIXTURES))


def trail_fixtures() -> list[TrailFixture]:
    """Every fixture file tests/data/cloudtrail/<eventSource>/<EventName>[.variant].json."""
    out = []
    for path in sorted(TRAIL_FIXTURES.glob("*/*.json")):
        doc = json.loads(path.read_text())
        out.append(
            TrailFixture(
                path,
                doc["source"],
                doc["license"],
                doc["expect"],
                doc["record"],
                doc.get("expect_names", []),
            )
        )
    return out
