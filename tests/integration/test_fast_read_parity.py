"""The fast read of trail files (bot/trail/quick.py) and `--jobs` change nothing a person sees:
over all the test data (the public corpus, the per-service CloudTrail fixtures, the demo, a
synthetic trail with reads, failures, AWS services and IaC, and hostile files) the check's
JSON and its warnings are the same, byte for byte, read the plain way (DRIFT_PLAIN_READ) or
the fast way, in this process alone or with worker processes."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from bench.bench_check import ACCOUNT, PER_FILE, records
from bot.entry.cli import main
from bot.errors import MalformedInput
from bot.shell.sources.log_files import PLAIN_READ_ENV, read_file_records
from bot.trail.filter import early_reason
from bot.trail.payload import read_file
from bot.trail.quick import read_quick
from examples.synth import write_log_files
from tests.records import make_record, numbered_records

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
WIDE = ["--since", "2000-01-01", "--until", "2030-01-01"]
ANY_ENV = """
environments:
  all:
    account_id: "*"
    regions: "*"
    cloudtrail: {{source: files, path: {path}{extra}}}
    iac_principals: [arn:aws:iam::111122223333:role/terraform-ci]
"""


def run(capsys, monkeypatch, argv: list[str], *, plain: bool, jobs: int) -> tuple[int, str, str]:
    if plain:
        monkeypatch.setenv(PLAIN_READ_ENV, "1")
    else:
        monkeypatch.delenv(PLAIN_READ_ENV, raising=False)
    code = main([*argv, "--format", "json", "--show-unknown", "--jobs", str(jobs)])
    out, err = capsys.readouterr()
    return code, out, err


def assert_same_everywhere(capsys, monkeypatch, argv: list[str]) -> dict:
    """The plain read with one job is the reference; the fast read with one and two jobs, and
    the plain read with two, print the same."""
    reference = run(capsys, monkeypatch, argv, plain=True, jobs=1)
    for plain, jobs in ((False, 1), (False, 2), (True, 2)):
        assert run(capsys, monkeypatch, argv, plain=plain, jobs=jobs) == reference, (plain, jobs)
    return json.loads(reference[1])


def config_for(tmp_path: Path, path: Path, extra: str = "") -> list[str]:
    config = tmp_path / "drift.yml"
    config.write_text(ANY_ENV.format(path=path, extra=extra))
    return ["check", "all", "--config", str(config), *WIDE]


@pytest.mark.parametrize(
    "folder",
    [
        DATA / "corpus" / "cloudtrail",
        DATA / "corpus" / "lookup-events",
        DATA / "corpus" / "eventbridge",
        ROOT / "examples" / "demo" / "cloudtrail",
    ],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_the_test_data_gives_the_same_report(capsys, monkeypatch, tmp_path, folder):
    doc = assert_same_everywhere(capsys, monkeypatch, config_for(tmp_path, folder))
    assert doc["stats"]["records"] > 0


def fixture_trail(logs: Path) -> int:
    """The records of tests/data/cloudtrail (one rule fixture a file), as trail objects: one
    gzip file per service, every fixture's record in it, and a read of each beside it."""
    count = 0
    for service in sorted(p for p in (DATA / "cloudtrail").iterdir() if p.is_dir()):
        records = []
        for fixture in sorted(service.glob("*.json")):
            record = json.loads(fixture.read_text())["record"]
            records += [record, {**record, "readOnly": True, "eventID": "read"}]
        folder = logs / service.name
        folder.mkdir(parents=True)
        body = json.dumps({"Records": records}).encode()
        (folder / "trail.json.gz").write_bytes(gzip.compress(body))
        count += len(records)
    return count


def test_the_rule_fixtures_give_the_same_report(capsys, monkeypatch, tmp_path):
    count = fixture_trail(tmp_path / "logs")
    doc = assert_same_everywhere(capsys, monkeypatch, config_for(tmp_path, tmp_path / "logs"))
    assert doc["stats"]["records"] == count > 5_000


def test_the_demo_gives_the_same_report(capsys, monkeypatch):
    """`make demo`'s command, with its Terraform state and IaC principal."""
    argv = ["check", "demo", "--config", str(ROOT / "examples" / "demo" / "drift.yml")]
    argv += ["--since", "24h", "--until", "2026-11-24T00:00:00Z"]
    doc = assert_same_everywhere(capsys, monkeypatch, argv)
    assert doc["findings"]


def synthetic_trail(root: Path, count: int) -> None:
    """The benchmark's trail, with some of its reads turned into writes, failed writes and
    records without `readOnly`: AWS services', the IaC pipeline's and people's."""
    per_region: dict[str, list[dict]] = {}
    for i, (region, record) in enumerate(records(count, seed=3)):
        if i % 7 == 0:
            record["readOnly"] = False
        if i % 11 == 0:
            record.update(readOnly=False, errorCode="ThrottlingException")
        if i % 13 == 0:
            record.pop("readOnly")
        per_region.setdefault(region, []).append(record)
    for region, batch in per_region.items():
        write_log_files(root, batch, account=ACCOUNT, region=region, per_file=PER_FILE)


def test_a_synthetic_trail_gives_the_same_report(capsys, monkeypatch, tmp_path):
    synthetic_trail(tmp_path / "trail", 6_000)
    doc = assert_same_everywhere(capsys, monkeypatch, config_for(tmp_path, tmp_path / "trail"))
    stats = doc["stats"]
    assert stats["records"] == 6_000
    assert all(stats[k] for k in ("read_only", "failed", "aws_service", "iac_principal"))
    assert stats["changes"]
    assert stats["operational"]


def hostile_files(logs: Path) -> None:
    """Files the fast read must hand to the plain one, and files it reads itself."""
    logs.mkdir()
    good = {"Records": numbered_records(3)}
    body = json.dumps(good).encode()
    (logs / "good.json.gz").write_bytes(gzip.compress(body))
    (logs / "cut.json.gz").write_bytes(gzip.compress(body)[:-30])
    (logs / "two-members.json.gz").write_bytes(gzip.compress(body) + b"\0\0")
    (logs / "bomb.json.gz").write_bytes(gzip.compress(b"[" + b" " * (3 << 20) + b"]"))
    (logs / "deep.json").write_bytes(b'{"Records": [' + b"[" * 5_000)
    read = make_record(readOnly=True, eventID="read")
    deep = json.dumps(read)[:-1] + ', "x": ' + '{"a": ' * 1_010 + "1" + "}" * 1_011
    rest = json.dumps(numbered_records(1))[1:]
    (logs / "deep-read.json").write_text('{"Records": [' + deep + ", " + rest + "}")
    latin = json.dumps({"Records": [read, *numbered_records(1)]}).replace("read", "r\xe9ad")
    (logs / "latin1.json").write_bytes(latin.encode("latin-1"))
    (logs / "utf8.json").write_bytes(latin.encode("utf-8"))
    huge = json.dumps({"Records": [read, *numbered_records(1)]}).replace('"read"', "1e400")
    (logs / "huge-number.json").write_text(huge)
    odd = {"Records": [read, "not a record", None, *numbered_records(1)]}
    (logs / "odd-items.json").write_text(json.dumps(odd))
    text = '{"Records": [{"readOnly": false, "readOnly": true, "eventName": "X"}]}'
    (logs / "duplicate-keys.json").write_text(text)
    failed = make_record(errorCode="AccessDenied", eventID="failed")
    flags = [failed, make_record(readOnly="true"), make_record(errorCode={"x": 1}), read]
    (logs / "flags.json").write_text(json.dumps({"Records": flags}))
    (logs / "lines.json").write_text("\n".join(json.dumps(r) for r in numbered_records(2)))
    (logs / "empty.json").write_text('{"Records": []}')
    (logs / "not-cloudtrail.json").write_text('{"terraform_version": "1.9"}')


def test_hostile_files_give_the_same_report_and_warnings(capsys, monkeypatch, tmp_path):
    hostile_files(tmp_path / "logs")
    argv = config_for(tmp_path, tmp_path / "logs", ", max_file_size: 2MiB")
    doc = assert_same_everywhere(capsys, monkeypatch, argv)
    assert doc["stats"]["skipped_files"] >= 3
    _, _, err = run(capsys, monkeypatch, argv, plain=False, jobs=2)
    assert "bomb.json.gz: the gzip data inflates past 2,097,152 bytes" in err


def all_files() -> list[Path]:
    roots = [DATA / "corpus", ROOT / "examples" / "demo" / "cloudtrail"]
    return [p for root in roots for p in sorted(root.rglob("*.json*")) if p.is_file()]


def test_every_file_reads_to_the_records_the_filter_keeps(tmp_path):
    """File by file: the fast read keeps exactly the records the filter's first checks keep,
    in order, and counts the others by the same reasons; or it hands the file back."""
    hostile_files(tmp_path / "logs")
    fixture_trail(tmp_path / "fixtures")
    synthetic_trail(tmp_path / "synthetic", 3_000)
    files = [*all_files(), *sorted((tmp_path / "logs").iterdir())]
    files += sorted((tmp_path / "fixtures").rglob("*.gz"))
    files += sorted((tmp_path / "synthetic").rglob("*.gz"))
    handed_back = read = 0
    for path in files:
        data = path.read_bytes()
        quick = read_quick(data, 2 << 20)
        try:
            plain = read_file(data, 2 << 20)
        except MalformedInput:
            assert quick is None, path
            continue
        if quick is None:
            handed_back += 1
            continue
        read += 1
        reasons = [early_reason(r.get("readOnly"), r.get("errorCode")) for r in plain.records]
        assert quick.records == [
            r for r, why in zip(plain.records, reasons, strict=True) if not why
        ]
        assert quick.dropped == Counter(why for why in reasons if why), path
        assert (quick.skipped, quick.broke_off) == (plain.skipped, plain.broke_off), path
    assert read > 100
    assert handed_back > 5


def test_read_file_records_plain_is_the_payload_reader(tmp_path):
    path = tmp_path / "trail.json"
    path.write_text(json.dumps({"Records": [make_record(readOnly=True), *numbered_records(2)]}))
    plain = read_file_records(path)
    fast = read_file_records(path, fast=True)
    assert len(plain.records) == 3
    assert not plain.dropped
    assert len(fast.records) == 2
    assert fast.dropped == Counter(read_only=1)


def test_jobs_must_be_a_count(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["check", "x", "--jobs", "0"])
    assert stopped.value.code == 1
    assert "--jobs takes a whole number of processes" in capsys.readouterr().err


@pytest.mark.parametrize(("jobs", "pools"), [(1, 0), (2, 1)])
def test_jobs_reads_in_worker_processes(capsys, monkeypatch, tmp_path, jobs, pools):
    """`--jobs 2` reads through a pool of two processes (and `--jobs 1` through none), each
    file once, and the report counts every record."""
    made: list[int] = []

    class CountedPool(ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs) -> None:
            made.append(max_workers)
            super().__init__(max_workers, **kwargs)

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", CountedPool)
    synthetic_trail(tmp_path / "trail", 3_000)
    argv = config_for(tmp_path, tmp_path / "trail")
    _, out, _ = run(capsys, monkeypatch, argv, plain=False, jobs=jobs)
    assert made == [2] * pools
    assert json.loads(out)["stats"]["records"] == 3_000
