"""Benchmark: `drift check` throughput against a bare gunzip + JSON parse of the same files.

    python -m bench.bench_check [--records 200000] [--rss-records 1000000]

Generates realistic CloudTrail log files (gzip JSON in the S3 layout, ~500 records a file,
mostly read-only and AWS-service noise, about 1% changes), then, in one run and on one core:
1. times a bare `gzip.decompress` + `orjson.loads` of every file (the floor any reader pays),
2. times the check over the same files (walk, read, classify, attribute, resolve, fold),
best of three each, and prints records per second and the ratio; the parse is timed both as a
plain program runs it and with the cyclic GC off, as the check's read loop runs (the parsed
JSON has no cycles), so the second ratio compares like with like;
3. runs `drift check` as a child process over `--rss-records` records and prints its peak RSS.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson

from bot.entry.cli import load_config
from bot.shell.check import run_check
from examples.synth import CLI_UA, CONSOLE_UA, Identities, Record, noise, record, write_log_files

ACCOUNT = "111122223333"
REGIONS = ("us-east-1", "eu-west-1")
START = datetime(2026, 11, 1, tzinfo=UTC)
PER_FILE = 500

_CHANGES = [
    ("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "groupId", "sg-0{:016x}"),
    ("ec2.amazonaws.com", "CreateTags", None, None),
    ("s3.amazonaws.com", "PutBucketPolicy", "bucketName", "bench-bucket-{:04d}"),
    ("iam.amazonaws.com", "AttachRolePolicy", "roleName", "role-{:04d}"),
    ("rds.amazonaws.com", "ModifyDBInstance", "dBInstanceIdentifier", "db-{:04d}"),
]


def records(n: int, seed: int) -> Iterator[tuple[str, Record]]:
    """n records, time-ordered, spread over regions; ~1% are changes by people."""
    rng = random.Random(seed)
    ids = Identities(ACCOUNT)
    step = timedelta(seconds=0.6)
    when = START
    for i in range(n):
        region = REGIONS[i % len(REGIONS)]
        when += step
        if rng.random() < 0.01:
            source, name, key, fmt = rng.choice(_CHANGES)
            request: Record = (
                {key: fmt.format(rng.randrange(2000))}
                if key and fmt
                else {
                    "resourcesSet": {"items": [{"resourceId": f"i-0{rng.getrandbits(60):015x}"}]},
                    "tagSet": {"items": [{"key": "owner", "value": "me"}]},
                }
            )
            yield (
                region,
                record(
                    when=when,
                    account=ACCOUNT,
                    region=region,
                    source=source,
                    name=name,
                    identity=ids.sso("dev@example.com"),
                    agent=rng.choice([CONSOLE_UA, CLI_UA]),
                    ip="203.0.113.7",
                    request=request,
                    response={"_return": True},
                    rng=rng,
                ),
            )
        else:
            yield region, noise(rng, ids, ACCOUNT, region, when)


def generate(root: Path, n: int, seed: int = 7) -> list[Path]:
    """Write n records as log files under root; returns the files."""
    per_region: dict[str, list[Record]] = {r: [] for r in REGIONS}
    for region, rec in records(n, seed):
        batch = per_region[region]
        batch.append(rec)
        if len(batch) >= PER_FILE * 20:
            write_log_files(root, batch, account=ACCOUNT, region=region, per_file=PER_FILE)
            batch.clear()
    for region, batch in per_region.items():
        if batch:
            write_log_files(root, batch, account=ACCOUNT, region=region, per_file=PER_FILE)
    (root / "drift.yml").write_text(
        "environments:\n  bench:\n"
        f'    account_id: "{ACCOUNT}"\n    regions: [{", ".join(REGIONS)}]\n'
        "    cloudtrail: {source: files, path: ./AWSLogs}\n"
        "    iac_principals: [arn:aws:iam::111122223333:role/terraform-ci]\n"
    )
    return sorted(root.rglob("*.json.gz"))


def time_baseline(files: list[Path], *, collect: bool = True) -> tuple[float, int]:
    """A bare gunzip + JSON parse of every file; `collect=False` with the cyclic GC off, as
    the check itself runs its read loop (the strictest floor)."""
    was_enabled = gc.isenabled()
    if not collect:
        gc.disable()
    try:
        started = time.perf_counter()
        count = 0
        for path in files:
            count += len(orjson.loads(gzip.decompress(path.read_bytes()))["Records"])
        return time.perf_counter() - started, count
    finally:
        if was_enabled:
            gc.enable()


def time_check(root: Path) -> tuple[float, int, int]:
    loaded = load_config(str(root / "drift.yml"))
    started = time.perf_counter()
    outcome = run_check(loaded, "bench", START - timedelta(days=1), START + timedelta(days=60))
    elapsed = time.perf_counter() - started
    return elapsed, outcome.report.stats.records, len(outcome.report.findings)


def peak_rss_mb(root: Path) -> float:
    """Peak RSS of `drift check` in a child process, in MB."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "check",
            "bench",
            "--config",
            str(root / "drift.yml"),
            "--since",
            "2026-10-31",
            "--until",
            "2026-12-31",
            "--format",
            "json",
            "--quiet",
        ],
        check=False,
        stdout=subprocess.DEVNULL,
    )
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--rss-records", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="drift-bench-") as tmp:
        root = Path(tmp, "throughput")
        t0 = time.perf_counter()
        files = generate(root, args.records)
        size = sum(f.stat().st_size for f in files)
        print(
            f"generated {args.records:,} records in {len(files)} files "
            f"({size / 1e6:.1f} MB gzip) in {time.perf_counter() - t0:.1f}s"
        )
        base_best = bare_best = check_best = float("inf")
        for _ in range(args.repeat):
            base_s, base_n = time_baseline(files)
            bare_s, _ = time_baseline(files, collect=False)
            check_s, check_n, findings = time_check(root)
            base_best, bare_best = min(base_best, base_s), min(bare_best, bare_s)
            check_best = min(check_best, check_s)
        assert base_n == check_n == args.records, (base_n, check_n)
        base_rate, bare_rate = base_n / base_best, base_n / bare_best
        check_rate = check_n / check_best
        print(f"gunzip + JSON parse          : {base_rate:10,.0f} records/s  ({base_best:.2f}s)")
        print(f"gunzip + JSON parse, GC off  : {bare_rate:10,.0f} records/s  ({bare_best:.2f}s)")
        print(
            f"drift check                  : {check_rate:10,.0f} records/s  ({check_best:.2f}s, "
            f"{findings} findings)"
        )
        print(f"ratio check / parse          : {check_rate / base_rate:.2f}  (goal >= 0.5)")
        print(f"ratio check / parse, GC off  : {check_rate / bare_rate:.2f}")

        if args.rss_records:
            big = Path(tmp, "rss")
            t0 = time.perf_counter()
            big_files = generate(big, args.rss_records, seed=11)
            print(
                f"generated {args.rss_records:,} records in {len(big_files)} files "
                f"in {time.perf_counter() - t0:.1f}s"
            )
            rss = peak_rss_mb(big)
            print(
                f"peak RSS of drift check over {args.rss_records:,} records: {rss:.0f} MB "
                f"(goal < 300 MB)"
            )


if __name__ == "__main__":
    main()
