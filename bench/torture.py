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
import asyncio
import contextlib
import io
import json
import os
import random
import re
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp

from bot.entry.cli import main as drift
from bot.shell.redis.queue import Queue, open_pool
from bot.shell.redis.store import Store
from bot.slack import ActionId, ViewId
from tests import slack_requests as sr
from tests.fake_slack import FakeSlack
from tests.redis_process import RedisProcess
from tests.slack_world import write_config

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "examples" / "demo" / "drift.yml"
DAY = {"since": "2026-11-23T00:00:00Z", "until": "2026-11-24T00:00:00Z"}
BOT_TOKEN = "xoxb-torture"  # noqa: S105  (a fixture)
OK = {200, 400, 401, 403}


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)

    def line(self, what: str, text: str) -> None:
        self.lines.append(f"  {what:<26}{text}")

    def expect(self, ok: bool, promise: str) -> None:
        if not ok:
            self.broken.append(promise)

    def show(self, seconds: float) -> str:
        out = ["driftbot torture run", *self.lines, f"  {'total':<26}{seconds:.1f} s"]
        if self.broken:
            out += ["BROKEN:", *(f"  - {b}" for b in self.broken)]
        else:
            out.append("  every promise held")
        return "\n".join(out)


# -- serve ---------------------------------------------------------------------------------


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


# -- bad files -------------------------------------------------------------------------------

VALID = DEMO.read_text()
ENV = '    account_id: "111122223333"\n'


def _bomb(levels: int) -> str:
    items = ["&a0 [x, x]"] + [f"&a{n} [*a{n - 1}, *a{n - 1}]" for n in range(1, levels)]
    return "[" + ", ".join(items) + "]"


def bad_configs(tmp: Path) -> list[tuple[str, Path]]:
    def write(name: str, text: str | bytes) -> Path:
        path = tmp / f"{name}.yml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        return path

    fifo = tmp / "fifo.yml"
    os.mkfifo(fifo)
    (tmp / "dir.yml").mkdir()
    return [
        (
            "alias bomb 2^26",
            write("bomb26", VALID.replace("regions:", f"regions: {_bomb(26)}\n    x:")),
        ),
        ("alias bomb 2^20", write("bomb20", f"environments: {{demo: {{regions: {_bomb(20)}}}}}\n")),
        (
            "alias bomb in keys",
            write("bombkeys", "a: &a {x: 1}\n" + "".join(f"k{n}: *a\n" for n in range(500))),
        ),
        ("recursive alias", write("recursive", "environments: &e {demo: *e}\n")),
        ("deep nesting", write("deep", "environments: " + "[" * 100_000)),
        ("deep mapping", write("deepmap", "environments:" + " {a:" * 5000 + " 1" + "}" * 5000)),
        ("duplicate env", write("dupenv", VALID + "  demo:\n" + ENV)),
        ("duplicate key", write("dupkey", VALID.replace(ENV, ENV + ENV, 1))),
        (
            "octal account 11 digits",
            write("octal11", VALID.replace('"111122223333"', "01111222233")),
        ),
        ("11-digit account", write("digits11", VALID.replace('"111122223333"', "11112222333"))),
        ("13-digit account", write("digits13", VALID.replace('"111122223333"', '"1111222233334"'))),
        (
            "account with underscores",
            write("underscore", VALID.replace('"111122223333"', "1_111_2222_3333")),
        ),
        (
            "unicode digits account",
            write("unidigits", VALID.replace('"111122223333"', '"١١١١٢٢٢٢٣٣٣٣"')),
        ),
        (
            "1 MB value",
            write("huge", VALID.replace("regions: [", "regions: [" + "x" * 1_000_000 + ", ")),
        ),
        ("1 MB key", write("hugekey", VALID + "x" * 1_000_000 + ": 1\n")),
        ("binary junk", write("junk", bytes(random.Random(1).getrandbits(8) for _ in range(4096)))),
        ("NUL bytes", write("nul", VALID.replace("demo", "de\x00mo"))),
        ("not UTF-8", write("latin1", VALID.encode() + b"\xff\xfe")),
        ("empty", write("empty", "")),
        ("a list", write("list", "- environments\n")),
        ("a scalar", write("scalar", "42\n")),
        ("tabs", write("tabs", VALID.replace("  ", "\t"))),
        ("python tag", write("pytag", "environments: !!python/object/apply:os.system [id]\n")),
        ("a FIFO", fifo),
        ("a directory", tmp / "dir.yml"),
        ("a device", Path("/dev/zero")),
        ("missing", tmp / "missing.yml"),
    ]


RUNBOOK = "description: d\nseverity: high\nwhen: {}\n"


def bad_runbooks() -> list[tuple[str, str]]:
    hook = "fix: {reapply: {webhook: {url: %s, secret_env: S}}}\n"
    return [
        ("alias bomb", RUNBOOK.replace("when: {}", f"when: {{events: {_bomb(24)}}}")),
        ("duplicate key", RUNBOOK + "severity: low\n"),
        ("deep nesting", RUNBOOK + "check: " + "[" * 50_000),
        (
            "1 MB description",
            RUNBOOK.replace("description: d", "description: [" + "x" * 1_000_000 + "]"),
        ),
        ("webhook to metadata", RUNBOOK + hook % "https://169.254.169.254/latest"),
        ("webhook to redis", RUNBOOK + hook % "http://127.0.0.1:6379/"),
        ("webhook lookalike", RUNBOOK + hook % "http://localhost.attacker.example/"),
        ("webhook with query", RUNBOOK + hook % "http://ci.example.com/h?token=s3cr3t"),
        ("webhook private", RUNBOOK + hook % "https://10.0.0.5/hook"),
        ("binary junk", "\x00\x01\x02" * 100),
        ("a list", "- a\n- b\n"),
        ("unknown key", RUNBOOK + "fixx: {}\n"),
        ("bad severity", RUNBOOK.replace("high", "urgent")),
    ]


def refused(argv: list[str]) -> tuple[int, str, float, int]:
    """(exit code, stderr, seconds, peak RSS growth in kB) of one in-process `drift` run."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    err = io.StringIO()
    started = time.monotonic()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = drift(argv)
    seconds = time.monotonic() - started
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    return code, err.getvalue(), seconds, grown


def torture_files(report: Report, tmp: Path) -> None:
    results: list[tuple[str, int, str, float, int]] = []
    folder = tmp / "configs"
    folder.mkdir()
    for name, path in bad_configs(folder):
        code, err, seconds, grown = refused(["check", "demo", "--config", str(path)])
        results.append((f"config: {name}", code, err, seconds, grown))
    for n, (name, text) in enumerate(bad_runbooks()):
        rb = tmp / f"runbooks-{n}"
        rb.mkdir()
        (rb / "bad.yml").write_text(text)
        code, err, seconds, grown = refused(["runbook", "validate", str(rb)])
        results.append((f"runbook: {name}", code, err, seconds, grown))
    ok = [r for r in results if r[1] == 1 and r[2].count("error:") == 1 and len(r[2]) < 4000]
    crashed = [r[0] for r in results if r not in ok]
    slowest = max(results, key=lambda r: r[3])
    leaked = [r[0] for r in results if "s3cr3t" in r[2]]
    report.line(
        "bad files",
        f"{len(results)} fed: {len(ok)} refused with one error; slowest {slowest[3]:.2f} s "
        f"({slowest[0]}); longest error {max(len(r[2]) for r in results)} chars; peak memory "
        f"+{max(r[4] for r in results) // 1024} MB",
    )
    report.expect(not crashed, f"every bad file refused with one error (not: {crashed})")
    report.expect(not leaked, "no webhook query in an error")


# -- Redis blip ---------------------------------------------------------------------------------


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  (loopback)
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code
    except OSError:
        return 0


def _until(check: Callable[[], bool], within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


async def _enqueue(redis: RedisProcess) -> str:
    pool = await open_pool(redis.target)
    try:
        job_id, _ = await Queue(pool, Store(pool)).enqueue_check(
            "demo", trigger="cli", requested_by="torture", since=DAY["since"], until=DAY["until"]
        )
        return job_id
    finally:
        await pool.aclose(close_connection_pool=True)


async def _state(redis: RedisProcess, job_id: str) -> str:
    pool = await open_pool(redis.target)
    try:
        return str((await Store(pool).job(job_id) or {}).get("state"))
    finally:
        await pool.aclose(close_connection_pool=True)


def torture_redis(report: Report, tmp: Path, redis: RedisProcess) -> None:
    log = tmp / "worker.log"
    env = {**os.environ, "REDIS_URL": redis.url}
    env.pop("SLACK_BOT_TOKEN", None)
    command = [sys.executable, "-m", "bot", "worker", "--config", str(DEMO), "--job-lease", "2"]
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [*command, "--health-port", "0"], env=env, cwd=ROOT, stdout=out, stderr=out
        )
    try:
        found = None
        if _until(lambda: bool(re.search(r"health on http://[\d.]+:(\d+)/", log.read_text())), 30):
            found = re.search(r"health on http://[\d.]+:(\d+)/", log.read_text())
        base = f"http://127.0.0.1:{found.group(1)}" if found else "http://127.0.0.1:9"
        ready = _until(lambda: _get(f"{base}/readyz") == 200, 30)
        redis.stop()
        unready = _until(lambda: _get(f"{base}/readyz") == 503, 30)
        time.sleep(2)
        redis.start()
        ready_again = _until(lambda: _get(f"{base}/readyz") == 200, 30)
        job_id = asyncio.run(_enqueue(redis))
        ran = _until(lambda: asyncio.run(_state(redis, job_id)) == "succeeded", 60)
        alive = worker.poll() is None
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
    text = log.read_text(errors="replace")
    lost = len(re.findall(r"worker: Redis at .* is unreachable", text))
    back = len(re.findall(r"worker: Redis at .* is back after", text))
    report.line(
        "Redis blip (2 s)",
        f"/readyz 200→503→200: {ready and unready and ready_again}; outage lines {lost}, "
        f"recovery lines {back}; check queued after: {'succeeded' if ran else 'NOT RUN'}; "
        f"worker alive: {alive}; tracebacks {text.count('Traceback')}",
    )
    report.expect(ready and unready and ready_again, "/readyz follows Redis")
    report.expect(lost == 1 and back == 1, "the outage logged once, the recovery once")
    report.expect(ran and alive, "the worker lives through the blip and runs the next check")
    report.expect("Traceback" not in text, "no traceback in the worker's log")


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


if __name__ == "__main__":
    raise SystemExit(main())
