"""Benchmark: a burst of new findings in one environment, posted within Slack's rate limits,
while another environment gets a finding of its own.

    python -m bench.bench_burst [--findings 200]

Starts a throwaway redis-server (or uses REDIS_URL) and a fake Slack Web API on loopback that
enforces Slack's documented limits (chat.postMessage about one a second per channel with a
short burst, chat.update Tier 3, 429 + Retry-After beyond). A check of `prod` that found
`--findings` new drifts is applied to Redis (as the worker applies it), with the notifier
running as `drift serve` runs it; one second later a check of `staging` finds one. Prints the
posts made, the time to the first and the last card of the burst, the 429s Slack answered and
whether any was left unretried, and how long staging's card waited.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.bench_ack import redis_url
from bot.entry.cli import load_config
from bot.shell.notifier import Notifier
from bot.shell.redis.connection import RedisTarget
from bot.shell.redis.pace import Pacer
from bot.shell.redis.queue import open_pool
from bot.shell.redis.slack_state import SlackState
from bot.shell.redis.store import Store
from bot.shell.runbook_files import runbooks_for
from bot.shell.slack import SlackGateway, web_client
from tests.fake_slack import FakeSlack
from tests.slack_flood import seed_burst

PROD, STAGING = "C0PROD0001", "C0STAGING1"
NOW = datetime(2026, 11, 24, tzinfo=UTC)


def write_config(tmp: Path) -> Path:
    config = tmp / "drift.yml"
    config.write_text(f"""
environments:
  prod:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {{source: files, path: {tmp}}}
    slack: {{channel: {PROD}, ask_actor: false}}
  staging:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {{source: files, path: {tmp}}}
    slack: {{channel: {STAGING}, ask_actor: false}}
""")
    return config


def is_card(params: dict[str, object]) -> bool:
    return '"drift.accept"' in json.dumps(params)


def post_key(params: dict[str, object]) -> str:
    """The exactly-once key a post carries in its metadata."""
    return json.dumps(params.get("metadata"), sort_keys=True)


async def burst(findings: int, tmp: Path, url: str, fake: FakeSlack) -> dict[str, float]:
    loaded = load_config(str(write_config(tmp)))
    target = RedisTarget(url=url)
    pool = await open_pool(target)
    store = Store(pool)
    state = SlackState(pool)
    client = web_client(token="xoxb-bench", base_url=fake.base_url)  # noqa: S106  (the fake's)
    slack = SlackGateway(client, Pacer(pool))
    for env in ("prod", "staging"):
        await state.set_baselined(env)  # not the environments' first check
    notifier = Notifier(loaded, runbooks_for(loaded), store, state, slack, consumer="bench")
    stop = asyncio.Event()
    running = asyncio.create_task(notifier.run(stop))

    async def check_prod() -> float:
        await seed_burst(store, "prod", findings, "check-prod", NOW)
        return time.monotonic()

    start = time.monotonic()
    applying = asyncio.create_task(check_prod())
    await asyncio.sleep(1.0)
    other_at = time.monotonic()
    await seed_burst(store, "staging", 1, "check-staging", NOW)
    applied = await applying

    def cards(channel: str) -> list[float]:
        return [
            c.at
            for c in fake.calls("chat.postMessage")
            if c.ok and c.params.get("channel") == channel and is_card(c.params)
        ]

    while len(cards(PROD)) < findings or not cards(STAGING):  # noqa: ASYNC110  (a thread's fake)
        await asyncio.sleep(0.2)
    stop.set()
    await running
    await pool.aclose(close_connection_pool=True)
    prod = cards(PROD)
    calls = fake.calls("chat.postMessage")
    posts = [c for c in calls if c.ok]
    limited = {post_key(c.params) for c in calls if c.status == 429}
    return {
        "posts": len(posts),
        "first": min(prod) - applied,
        "last": max(prod) - applied,
        "applied": applied - start,
        "rate_limited": fake.rate_limited(),
        "unretried": len(limited - {post_key(c.params) for c in posts}),
        "other": min(cards(STAGING)) - other_at,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--findings", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, FakeSlack() as fake:
        tmp = Path(folder)
        url, proc = redis_url(tmp)
        fake.enforce_limits()  # Slack's: ~1 post a second per channel, short bursts
        try:
            figures = asyncio.run(burst(args.findings, tmp, url, fake))
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait(5)
    n = args.findings
    print(f"driftbot Slack burst: {n} new findings in prod, then 1 in staging a second later")
    expected = f"1 summary + {n} cards in its thread + 1 staging card"
    print(f"  posts                      {figures['posts']:.0f} ({expected})")
    print(f"  check applied its findings in {figures['applied']:.2f} s; from then:")
    print(
        f"  time to first card         {figures['first']:.2f} s (the summary is posted before it)"
    )
    rate = n / figures["last"]
    print(f"  time to last card          {figures['last']:.1f} s ({rate:.2f} cards/s)")
    limited, left = figures["rate_limited"], figures["unretried"]
    print(f"  429s answered by Slack     {limited:.0f} ({left:.0f} left unretried)")
    print(f"  staging's card waited      {figures['other']:.2f} s after its check")


if __name__ == "__main__":
    main()
