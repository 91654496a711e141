"""Benchmark: how fast `drift serve --http` acknowledges slash commands under load.

    python -m bench.bench_ack [--requests 200]

Starts a throwaway redis-server (or uses REDIS_URL), a fake Slack Web API on loopback and
`drift serve --http` as a child process, then sends `--requests` signed `/drift` commands at
once (checks, findings, history, status, envs, help) and prints the p50, p99 and max time to
the HTTP 200 that carries the acknowledgement, against Slack's 3,000 ms limit.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from tests import slack_requests as sr
from tests.fake_slack import FakeSlack

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


async def fire(port: int, n: int) -> list[float]:
    async with aiohttp.ClientSession() as http:

        async def one(i: int) -> float:
            req = sr.slash_command(COMMANDS[i % len(COMMANDS)], user_id=f"U0USER{i:04d}")
            started = time.perf_counter()
            async with http.post(
                f"http://127.0.0.1:{port}/slack/events", data=req.body, headers=req.headers
            ) as response:
                await response.read()
                if response.status != 200:
                    raise RuntimeError(f"HTTP {response.status}")
            return (time.perf_counter() - started) * 1000

        return list(await asyncio.gather(*(one(i) for i in range(n))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
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
            asyncio.run(fire(args.port, 8))  # warm up: auth.test, connections
            latencies = sorted(asyncio.run(fire(args.port, args.requests)))
        finally:
            server.terminate()
            server.wait(timeout=10)
            if redis_proc is not None:
                redis_proc.terminate()
                redis_proc.wait(timeout=10)
    p50 = statistics.median(latencies)
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
    print(
        f"{args.requests} concurrent signed /drift commands to drift serve --http "
        f"(real Redis, fake Slack on loopback)"
    )
    print(
        f"ack latency: p50 {p50:.0f} ms, p99 {p99:.0f} ms, max {latencies[-1]:.0f} ms "
        f"(Slack's limit: 3,000 ms; p99 uses {p99 / 3000:.0%} of it)"
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
