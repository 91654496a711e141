"""A small, repeatable torture run of driftbot's promises (issue 9), against real processes.

    python -m bench.torture [--commands 300] [--payloads 300] [--seed 9]

1. `drift serve --http` (a child process) on a fake Slack and a real redis-server gets fuzzed
   signed `/drift` commands (grammar pieces, unicode, mentions, backticks, 4 kB words, other
   users, 1 in 10 from another workspace) and fuzzed interaction payloads (valid clicks,
   submissions and events, then keys dropped, types swapped, bodies garbled, content types
   lied about), then requests that fail verification (54 cases). Every answer must be 200,
   400, 401 or 403 (never 5xx); foreign workspaces 403; unverified 401 with nothing posted to
   their response_url; no traceback in serve's log; serve stops on SIGTERM.
2. Bad files: hostile drift.yml and runbook files (alias bombs, duplicate keys, deep nesting,
   octal and 11-digit account ids, megabyte values, binary junk, a FIFO, a directory, a
   device, webhooks to metadata and loopback) must each be refused with one error, quickly.
3. A Redis blip: `drift worker` (a child process) loses its Redis for two seconds; it must log
   the outage once and the recovery once, say so on /readyz, and run a check queued after.

Prints its counts; exits 1 if any promise was broken. tests/integration/test_torture.py runs
it in `make test`.
"""

from __future__ import annotations

import argparse
import contextlib
import tempfile
import time
from pathlib import Path

from bench.torture.files import torture_files
from bench.torture.redis_blip import torture_redis
from bench.torture.report import Report
from bench.torture.slack import torture_serve
from tests.redis_process import RedisProcess


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.torture", description=__doc__)
    parser.add_argument("--commands", type=int, default=300)
    parser.add_argument("--payloads", type=int, default=300)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--keep", metavar="DIR", help="work (and keep the logs) in DIR")
    args = parser.parse_args(argv)
    report = Report()
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        if args.keep:
            tmp = Path(args.keep)
            tmp.mkdir(parents=True, exist_ok=True)
        else:
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="driftbot-")))
        redis = RedisProcess(tmp / "redis").start()
        try:
            torture_serve(report, tmp, redis, args)
            torture_files(report, tmp)
            torture_redis(report, tmp, redis)
        finally:
            redis.kill()
    print(report.show(time.monotonic() - started))
    return 1 if report.broken else 0
