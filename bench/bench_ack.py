"""Benchmark: how fast `drift serve --http` acknowledges slash commands under load.

    python -m bench.bench_ack [--requests 200] [--bursts 3]

Starts a throwaway redis-server (or uses REDIS_URL), a fake Slack Web API on loopback and
`drift serve --http` as a child process, then sends `--bursts` bursts of `--requests` signed
`/drift` commands at once (checks, findings, history, status, envs, help, a typo), each on its
own connection, and prints for each burst the p50, p95, p99 and max time to the HTTP answer
that carries the acknowledgement, against Slack's 3,000 ms limit, and how many answers were
not 200. The first burst comes right after start-up (8 warm-up commands); the worst burst's
p99 is the figure.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import aiohttp

from tests import slack_requests as sr
from tests.fake_slack import FakeSlack

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo"
COMMANDS = [
    "check demo",
    "findings demo",
    "history demo",
    "status",
    "envs",
    "help",
    "check prdo",
    "findings demo",
]


def redis_url(tmp: Path) -> tuple[str, subprocess.Popen[bytes] | None]:
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"], None
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed (apt-get install redis-server)")
    sock = tmp / "redis.sock"
    proc = subprocess.Popen(
        [
            binary,
            "--port",
            "0",
            "--unixsocket",
            str(sock),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(200):
        if sock.exists():
            break
        time.sleep(0.02)
    return f"unix://{sock}", proc


def write_config(tmp: Path) -> Path:
    config = tmp / "drift.yml"
    config.write_text(f"""
environments:
  demo:
    account_id: "111122223333"
    regions: [us-east-1, eu-west-1]
    cloudtrail: {{source: files, path: {DEMO / "cloudtrail"}}}
    state: [{{terraform: {DEMO / "terraform.tfstate"}}}]
    slack: {{channel: C0DRIFT01}}
""")
    return config


async def fire(port: int, n: int) -> list[tuple[float, int]]:
    """Send `n` signed commands at once, each on its own connection; (milliseconds from
    connecting to the whole answer, HTTP status) each. The requests are signed and encoded
    before the clock starts, and sent with asyncio's own streams: this process shares the two
    cores with the server, and aiohttp's client spent more on the 200 requests than the trivial
    server of `--floor` does on answering them."""
    requests = [
        _http_request(port, sr.slash_command(COMMANDS[i % len(COMMANDS)], user_id=f"U0USER{i:04d}"))
        for i in range(n)
    ]

    async def one(raw: bytes) -> tuple[float, int]:
        started = time.perf_counter()
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(raw)
        answer = await reader.read()  # the server closes the connection after its answer
        elapsed = (time.perf_counter() - started) * 1000
        writer.close()
        status = int(answer[9:12]) if answer.startswith(b"HTTP/1.1 ") else 0
        return elapsed, status

    return list(await asyncio.gather(*(one(raw) for raw in requests)))


def _http_request(port: int, req: sr.SignedRequest) -> bytes:
    body = req.body.encode()
    lines = [
        "POST /slack/events HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        *(f"{name}: {value}" for name, value in req.headers.items()),
        f"Content-Length: {len(body)}",
        "Connection: close",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def run(main: Coroutine[Any, Any, T]) -> T:
    """The client's event loop: uvloop's where installed, as `drift serve`'s (the client shares
    the two cores with the server, Redis and the fake Slack: the less it spends, the less it
    is measured instead of the server)."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


def percentile(ordered: list[float], fraction: float) -> float:
    """The nearest-rank percentile of sorted values."""
    return ordered[max(0, math.ceil(len(ordered) * fraction) - 1)]


def summary(answers: list[tuple[float, int]]) -> tuple[float, float, float, float, int]:
    """p50, p95, p99, max (ms) and how many answers were not HTTP 200."""
    ordered = sorted(ms for ms, _ in answers)
    failed = sum(1 for _, status in answers if status != 200)
    return (
        statistics.median(ordered),
        percentile(ordered, 0.95),
        percentile(ordered, 0.99),
        ordered[-1],
        failed,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--bursts", type=int, default=3)
    parser.add_argument("--port", type=int, default=3917)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="drift-bench-ack-") as folder, FakeSlack() as fake:
        tmp = Path(folder)
        url, redis_proc = redis_url(tmp)
        env = {
            **os.environ,
            "REDIS_URL": url,
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": sr.SECRET,
            "SLACK_API_URL": fake.base_url,
        }
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bot",
                "serve",
                "--http",
                "--port",
                str(args.port),
                "--host",
                "127.0.0.1",
                "--config",
                str(write_config(tmp)),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            asyncio.run(wait_healthy(args.port))
            run(fire(args.port, 8))  # warm up: auth.test, connections
            bursts = []
            for _ in range(args.bursts):
                bursts.append(summary(run(fire(args.port, args.requests))))
                time.sleep(0.5)  # the checks' progress messages, posted after their acks
        finally:
            server.terminate()
            server.wait(timeout=10)
            if redis_proc is not None:
                redis_proc.terminate()
                redis_proc.wait(timeout=10)
    print(
        f"{args.requests} concurrent signed /drift commands to drift serve --http, "
        f"{args.bursts} bursts (real Redis, fake Slack on loopback)"
    )
    for i, (p50, p95, p99, most, failed) in enumerate(bursts, 1):
        print(
            f"burst {i}: ack latency p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms, "
            f"max {most:.0f} ms; {failed} answers not 200"
        )
    worst = max(p99 for _, _, p99, _, _ in bursts)
    failed = sum(f for *_, f in bursts)
    print(
        f"worst p99 {worst:.0f} ms (Slack's limit: 3,000 ms; it uses {worst / 3000:.1%} of it), "
        f"{failed} of {args.requests * args.bursts} answers not 200"
    )


async def wait_healthy(port: int) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(300):
            try:
                async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.05)
    raise SystemExit("drift serve --http did not become healthy")


if __name__ == "__main__":
    main()
