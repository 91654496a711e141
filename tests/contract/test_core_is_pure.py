"""The functional core does no I/O: no network or process libraries, no file reads or writes,
no environment reads, no async. Checked on the source, so a slip fails CI, not production."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[2] / "bot"
# The shell (I/O and orchestration) and the seams' Protocol definitions (async signatures).
SHELL = {"check.py", "cli.py", "cli_state.py", "__main__.py", "confirming.py", "ports.py",
         "jobs.py", "worker.py", "app.py", "notifier.py"}  # fmt: skip
# Matched on the path under bot/, so a core module that happens to share a shell module's name
# (say bot/cards/jobs.py) is still checked.
CORE = sorted(
    p for p in BOT.rglob("*.py")
    if p.relative_to(BOT).parts[0] != "adapters" and str(p.relative_to(BOT)) not in SHELL
)  # fmt: skip
BANNED_MODULES = {"boto3", "botocore", "slack_sdk", "slack_bolt", "redis", "arq", "aiohttp",
                  "requests", "urllib.request", "http.client", "http.server", "socket",
                  "subprocess", "os", "shutil", "asyncio", "tempfile"}  # fmt: skip
BANNED_CALLS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "getenv",
                "iterdir", "glob", "rglob", "mkdir", "unlink"}  # fmt: skip


def _banned(module: str) -> bool:
    # slack_sdk.models only builds Block Kit dicts (no I/O): the core may render with it.
    if module.startswith("slack_sdk.models"):
        return False
    return any(module == b or module.startswith(b + ".") for b in BANNED_MODULES)


def violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            names = []
        found += [f"imports {n}" for n in names if _banned(n)]
        if isinstance(node, ast.AsyncFunctionDef):
            found.append(f"async def {node.name}")
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in BANNED_CALLS:
                found.append(f"calls {name}() at line {node.lineno}")
    return found


@pytest.mark.parametrize("path", CORE, ids=[str(p.relative_to(BOT)) for p in CORE])
def test_core_module_does_no_io(path):
    """Core modules decide; bot/adapters and the roots (check.py, cli.py) do the I/O."""
    assert violations(path) == []
