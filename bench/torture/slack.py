"""Part 1: fuzzed signed commands and payloads, and unverifiable requests, against a real
`drift serve --http`."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp

from bench.torture.report import BOT_TOKEN, OK, ROOT, Report
from bot.slack import ActionId, ViewId
from tests import slack_requests as sr
from tests.fake_slack import FakeSlack
from tests.redis_process import RedisProcess
from tests.slack_world import write_config


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_serve(config: Path, redis: RedisProcess, fake: FakeSlack, log: Path, port: int):
    env = {
        **os.environ,
        "REDIS_URL": redis.url,
        "SLACK_API_URL": fake.base_url,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": sr.SECRET,
        "TEST_REAPPLY_SECRET": "s",
    }
    command = [sys.executable, "-m", "bot", "serve", "--config", str(config), "--http"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*command, "--port", str(port), "--host", "127.0.0.1"],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 30
    while "listening on" not in log.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"drift serve did not start:\n{log.read_text()[-2000:]}")
        time.sleep(0.05)
    return process


WORDS = [
    "check",
    "chekc",
    "status",
    "findings",
    "history",
    "envs",
    "help",
    "demo",
    "locked",
    "staging",
    "prod",
    "prdo",
    "sg-open-to-internet",
    "catch-all",
    "check-demo-1",
    "<!channel>",
    "<@U0ALICE>",
    "`rm -rf`",
    "*bold*",
    "ünïcødé",
    "🔥",
    "\u202eevil",
    "--since",
    "'",
    '"',
    "a" * 4000,
    "\t",
    "drop table",
    "../../etc/passwd",
    "%s%s%n",
    "${jndi:x}",
]


def fuzzed_text(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(0, 60)))
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 4)))


def fuzzed_commands(rng: random.Random, n: int) -> list[tuple[sr.SignedRequest, bool]]:
    """(request, foreign workspace)."""
    out = []
    for _ in range(n):
        foreign = rng.random() < 0.1
        user = rng.choice([sr.USER_ID, "U0BOB", "U0CAROL", "U0DAVE", "W0ENTERPRISE"])
        team = "T0ELSEWHERE" if foreign else sr.TEAM_ID
        out.append((sr.slash_command(fuzzed_text(rng), user_id=user, team_id=team), foreign))
    return out


def _templates(rng: random.Random) -> list[dict[str, Any]]:
    value = f"demo|f-{rng.getrandbits(32):08x}"
    meta = json.dumps({"env": "demo", "fid": "f-1", "version": 1})
    reason = {"reason": {"reason": sr.text_input("why")}}
    return [
        sr.block_actions(rng.choice(list(ActionId)), value).payload,
        sr.view_submission(ViewId.ACCEPT, reason, private_metadata=meta).payload,
        sr.view_submission(ViewId.ESCALATE, {}, private_metadata=meta).payload,
        json.loads(sr.app_home_opened().body),
    ]


GARBAGE: list[Any] = [None, [], {}, "", "x", 0, -1, 1e308, True, "a" * 5000, [None], {"": []}]


def mutate(doc: Any, rng: random.Random, depth: int = 0) -> Any:
    """Drop a key, swap a value's type, or go one level deeper."""
    if isinstance(doc, dict) and doc:
        key = rng.choice(list(doc))
        roll = rng.random()
        copy = dict(doc)
        if roll < 0.3:
            copy.pop(key)
        elif roll < 0.6 or depth > 4:
            copy[key] = rng.choice(GARBAGE)
        else:
            copy[key] = mutate(doc[key], rng, depth + 1)
        return copy
    if isinstance(doc, list) and doc:
        i = rng.randrange(len(doc))
        return [*doc[:i], mutate(doc[i], rng, depth + 1), *doc[i + 1 :]]
    return rng.choice(GARBAGE)


def fuzzed_payloads(rng: random.Random, n: int) -> list[sr.SignedRequest]:
    out = []
    for _ in range(n):
        doc: Any = rng.choice(_templates(rng))
        for _ in range(rng.randint(0, 3)):
            doc = mutate(doc, rng)
        roll = rng.random()
        if isinstance(doc, dict) and doc.get("type") == "event_callback" and roll < 0.5:
            body, kind = json.dumps(doc), sr.JSON_TYPE
        elif roll < 0.8:
            body, kind = urlencode({"payload": json.dumps(doc)}), sr.FORM
        elif roll < 0.9:
            body, kind = urlencode({"payload": json.dumps(doc)[: rng.randint(0, 40)]}), sr.FORM
        else:  # the content type lies
            body, kind = urlencode({"payload": json.dumps(doc)}), sr.JSON_TYPE
        out.append(sr.sign(body, kind))
    return out


def unverifiable(fake: FakeSlack) -> list[sr.SignedRequest]:
    """54 requests that must all be 401, each with a response_url of an attacker's choosing."""
    sink = fake.response_url("attacker")
    base = sr.slash_command("findings demo", response_url=sink)
    now = int(time.time())
    stamps = ["", "x", "1e9", "-1", " 1", "1 ", "0x10", "١٢٣", "9" * 30, "NaN", "None", "0"]
    stamps += [str(now - 301), str(now + 301), str(now - 3600), str(now + 86400)]
    signatures = ["", "v0=", "v0=" + "0" * 64, "v1=" + "0" * 64, "v0=é", "sha256=x", "v0"]
    signatures += [
        base.headers["X-Slack-Signature"][:-1],
        base.headers["X-Slack-Signature"].upper(),
    ]
    out = [
        sr.SignedRequest(base.body, base.headers | {"X-Slack-Request-Timestamp": t}) for t in stamps
    ]
    out += [
        sr.SignedRequest(base.body, base.headers | {"X-Slack-Signature": s}) for s in signatures
    ]
    out += [
        sr.slash_command("findings demo", response_url=sink, wrong_secret=True) for _ in range(3)
    ]
    out += [sr.slash_command("findings demo", response_url=sink, stale=True) for _ in range(3)]
    tampered = [base.body + "&x=1", base.body.replace("findings", "check"), "", "payload=%7B%7D"]
    out += [sr.SignedRequest(b, base.headers) for b in tampered]
    no_headers = {"Content-Type": sr.FORM}
    out += [sr.SignedRequest(base.body, no_headers) for _ in range(3)]
    clicks = [
        sr.block_actions(ActionId.ACCEPT, "demo|f-1", response_url=sink, wrong_secret=True),
        sr.block_actions(ActionId.APPROVE, "demo|r-1", response_url=sink, stale=True),
    ]
    out += clicks
    for click in clicks[:1]:
        out += [
            sr.SignedRequest(click.body, click.headers | {"X-Slack-Request-Timestamp": t})
            for t in ("abc", "", "1.5", "+100", "1_000")
        ]
    events = [sr.app_home_opened(wrong_secret=True), sr.url_verification(wrong_secret=True)]
    out += [*events, sr.event_callback({"type": "app_home_opened"}, stale=True)]
    view = sr.view_submission(ViewId.ACCEPT, {}, private_metadata="{}")
    out += [
        sr.SignedRequest(view.body, view.headers | {"X-Slack-Request-Timestamp": t})
        for t in ("", "1e3", "∞", "0b1", "12 34", "1" * 13)
    ]
    return out[:54]


async def send_all(port: int, requests: list[sr.SignedRequest]) -> list[tuple[int, float]]:
    """POST each request (50 at a time); (status, seconds) each, status 599 for no answer."""
    url = f"http://127.0.0.1:{port}/slack/events"
    limit = asyncio.Semaphore(50)

    async def one(session: aiohttp.ClientSession, req: sr.SignedRequest) -> tuple[int, float]:
        async with limit:
            started = time.monotonic()
            try:
                async with session.post(url, data=req.body.encode(), headers=req.headers) as r:
                    await r.read()
                    return r.status, time.monotonic() - started
            except (aiohttp.ClientError, TimeoutError):
                return 599, time.monotonic() - started

    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        return await asyncio.gather(*(one(session, r) for r in requests))


def ms(seconds: list[float], q: float) -> str:
    ordered = sorted(seconds)
    return f"{ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000:.0f} ms"


def torture_serve(report: Report, tmp: Path, redis: RedisProcess, args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    with FakeSlack(valid_tokens={BOT_TOKEN}) as fake:
        config = write_config(tmp, webhook_port=9)
        log = tmp / "serve.log"
        port = free_port()
        serve = start_serve(config, redis, fake, log, port)
        try:
            commands = fuzzed_commands(rng, args.commands)
            answers = asyncio.run(send_all(port, [r for r, _ in commands]))
            statuses = Counter(s for s, _ in answers)
            foreign_ok = all(
                s == (403 if foreign else 200)
                for (_, foreign), (s, _) in zip(commands, answers, strict=True)
            )
            times = [t for _, t in answers]
            report.line(
                "signed /drift commands",
                f"{len(commands)} sent: {_counts(statuses)}; ack p50 {ms(times, 0.5)}, "
                f"p99 {ms(times, 0.99)}, max {ms(times, 1.0)}",
            )
            report.expect(foreign_ok, "every command answered 200 (403 from another workspace)")

            payloads = fuzzed_payloads(rng, args.payloads)
            answers = asyncio.run(send_all(port, payloads))
            statuses = Counter(s for s, _ in answers)
            report.line("interaction payloads", f"{len(payloads)} sent: {_counts(statuses)}")
            report.expect(set(statuses) <= OK - {401}, "every payload answered 200, 400 or 403")

            cases = unverifiable(fake)
            answers = asyncio.run(send_all(port, cases))
            statuses = Counter(s for s, _ in answers)
            time.sleep(0.5)
            posted = len(fake.webhooks("attacker"))
            report.line(
                "unverifiable requests",
                f"{len(cases)} sent: {_counts(statuses)}; {posted} posts to their response_url",
            )
            report.expect(set(statuses) == {401}, "every unverifiable request answered 401")
            report.expect(posted == 0, "nothing posted for an unverified request")
        finally:
            started = time.monotonic()
            serve.send_signal(signal.SIGTERM)
            try:
                code = serve.wait(timeout=30)
            except subprocess.TimeoutExpired:
                serve.kill()
                code = serve.wait()
            stopped = time.monotonic() - started
        text = log.read_text(errors="replace")
        tracebacks = text.count("Traceback")
        body_leaks = text.count("verification-token-unused")
        report.line(
            "serve",
            f"{tracebacks} tracebacks, {body_leaks} request bodies in its log; exit {code} "
            f"{stopped:.1f} s after SIGTERM",
        )
        report.expect(tracebacks == 0, "no traceback in serve's log")
        report.expect(body_leaks == 0, "no request body in serve's log")
        report.expect(code == 0 and stopped < 10, "serve stops within 10 s of SIGTERM")


def _counts(statuses: Counter[int]) -> str:
    return ", ".join(f"{n} x {s}" for s, n in sorted(statuses.items()))
