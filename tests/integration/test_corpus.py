"""`drift check` over the whole real-data corpus (public CloudTrail records from rule tests,
attack simulations, AWS documentation and real trail objects; see tests/data/corpus)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from bot.catalog.service import Service
from bot.catalog.services import SERVICES
from bot.drift.detector import Detector
from bot.entry.cli import main
from bot.trail.filter import TrailFilter
from bot.trail.payload import parse_records
from tests.botocore_models import operations

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
CONFIG = """
environments:
  corpus:
    account_id: "*"
    regions: "*"
    cloudtrail: {{source: files, path: {path}}}
"""
WIDE = ["--since", "2000-01-01", "--until", "2030-01-01"]


def write_config(tmp_path: Path, folder: str) -> Path:
    path = tmp_path / "drift.yml"
    path.write_text(CONFIG.format(path=CORPUS / folder))
    return path


def count_records(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*.json*"):
        data = path.read_bytes()
        doc = json.loads(gzip.decompress(data) if path.suffix == ".gz" else data)
        if "Records" in doc:
            total += len(doc["Records"])
        elif "Events" in doc:
            total += len(doc["Events"])
        else:
            total += 1
    return total


@pytest.mark.parametrize("folder", ["cloudtrail", "lookup-events", "eventbridge"])
def test_whole_corpus_is_read_without_error(capsys, tmp_path, folder):
    """Every file of every shape is read, every record counted, nothing skipped."""
    code = main(
        [
            "check",
            "corpus",
            "--config",
            str(write_config(tmp_path, folder)),
            *WIDE,
            "--format",
            "json",
            "--show-unknown",
        ]
    )
    out, err = capsys.readouterr()
    doc = json.loads(out)

    assert code in (0, 2), err
    assert doc["stats"]["records"] == count_records(CORPUS / folder)
    assert doc["stats"]["skipped_files"] == 0
    warnings = [line for line in err.splitlines() if "warning" in line]
    # Only the records a rule-test fixture left without an eventTime are warned about.
    assert all("malformed records" in line for line in warnings), warnings
    assert doc["stats"]["unknown_events"] == sum(u["count"] for u in doc["unknown"])


def corpus_detector() -> Detector:
    detector = Detector(TrailFilter(start="2000-01-01T00:00:00Z", end="2030-01-01T00:00:00Z"))
    for folder in ("cloudtrail", "lookup-events", "eventbridge"):
        for path in sorted((CORPUS / folder).rglob("*.json*")):
            detector.feed_many(parse_records(path.read_bytes()))
    return detector


def test_catalog_knows_at_least_90_percent_of_the_corpus_changing_calls():
    """Of the (eventSource, eventName) pairs the corpus changes resources with, >= 90% are known."""
    detector = corpus_detector()
    pairs = {(c.event_source, c.event_name) for c in detector.changes.values()}
    unknown = set(detector.unknown)

    known_share = 1 - len(unknown) / len(pairs)

    assert known_share >= 0.9, sorted(unknown)


def test_known_calls_in_the_corpus_resolve_to_resources():
    """A call the catalog knows yields at least one resource id in nearly every real record
    (the exceptions are fixtures with ids redacted to "..." or left out)."""
    detector = corpus_detector()
    known = [
        c
        for c in detector.changes.values()
        if (c.event_source, c.event_name) not in detector.unknown
    ]
    resolved = [c for c in known if c.refs]

    unresolved = sorted({(c.event_source, c.event_name) for c in known if not c.refs})
    assert len(resolved) / len(known) >= 0.9, unresolved


def _service_of(source: str) -> Service | None:
    return next(
        (m.SERVICE for m in SERVICES if any(line.source == source for line in m.SERVICE.rules)),
        None,
    )


def is_a_call_of_its_service(source: str, name: str) -> bool:
    """Whether `name` is an operation of the service `source` is (the panther-analysis
    negative tests pair names with the wrong service: ec2 + PutBucketVersioning, iam +
    NotCreateUser). A source the catalog has no module for counts as a real call."""
    service = _service_of(source)
    if service is None or not service.models:
        return True
    return bool(operations(service, source, name)) or name in service.not_in_models


def test_at_most_2_percent_of_the_corpus_changing_calls_are_unknown():
    """Of the calls in the corpus that change resources, at most 2% are calls the catalog does
    not know (counted per call, as the report does; the negative-test records whose name is
    no call of their eventSource's service are left out, as SOURCES.md counts them)."""
    detector = corpus_detector()
    real = [
        c
        for c in detector.changes.values()
        if is_a_call_of_its_service(c.event_source, c.event_name)
    ]
    unknown = sorted({(c.event_source, c.event_name) for c in real if not c.known})

    share = sum(1 for c in real if not c.known) / len(real)

    print(f"corpus: {len(real)} resource-changing calls, {share:.2%} unknown")
    assert share <= 0.02, unknown
