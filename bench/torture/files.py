"""Part 2: hostile drift.yml and runbook files, each to be refused with one error."""

from __future__ import annotations

import contextlib
import io
import os
import random
import resource
import time
from pathlib import Path

from bench.torture.report import DEMO, Report
from bot.entry.cli import main as drift

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
