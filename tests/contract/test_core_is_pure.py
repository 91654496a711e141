"""The folder is the layer. Everything under bot/ outside `shell/` and `entry/` (the kernel and
the pure rooms) does no I/O: no network or process libraries, no file reads or writes, no
environment reads, no async. Checked on the source, so a slip fails CI, not production."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[2] / "bot"
# The layers that may do I/O, by folder; `python -m bot` (__main__) is an entry point by
# what Python makes of the name.
IO_ROOMS = {"shell", "entry"}
PURE = sorted(
    p
    for p in BOT.rglob("*.py")
    if p.relative_to(BOT).parts[0] not in IO_ROOMS and p.name != "__main__.py"
)
BANNED_MODULES = {
    "boto3",
    "botocore",
    "slack_sdk",
    "slack_bolt",
    "redis",
    "arq",
    "aiohttp",
    "requests",
    "urllib.request",
    "http.client",
    "http.server",
    "socket",
    "subprocess",
    "os",
    "shutil",
    "asyncio",
    "tempfile",
}
BANNED_CALLS = {
    "open",
    "read_text",
    "read_bytes",
    "write_text",
    "write_bytes",
    "getenv",
    "iterdir",
    "glob",
    "rglob",
    "mkdir",
    "unlink",
}


def _banned(module: str) -> bool:
    # slack_sdk.models only builds Block Kit dicts (no I/O): the core may render with it.
    if module.startswith("slack_sdk.models"):
        return False
    return any(module == b or module.startswith(b + ".") for b in BANNED_MODULES)


def violations(source: str, filename: str = "<module>") -> list[str]:
    """What in `source` a pure module may not do."""
    tree = ast.parse(source, filename=filename)
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
        if isinstance(node, ast.Await):
            found.append(f"await at line {node.lineno}")
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in BANNED_CALLS:
                found.append(f"calls {name}() at line {node.lineno}")
    return found


@pytest.mark.parametrize("path", PURE, ids=[str(p.relative_to(BOT)) for p in PURE])
def test_pure_module_does_no_io(path):
    """Modules outside bot/shell and bot/entry decide; the shell does the I/O."""
    assert violations(path.read_text(), str(path)) == []


def test_every_layer_is_walked():
    """The walk sees the kernel and every pure room, and skips exactly the I/O rooms."""
    rooms = {p.relative_to(BOT).parts[0] for p in PURE if len(p.relative_to(BOT).parts) > 1}

    assert rooms >= {"config", "catalog", "trail", "iac", "drift", "policy", "lifecycle", "slack"}
    assert not rooms & IO_ROOMS


@pytest.mark.parametrize(
    "source",
    [
        "import boto3",
        "from redis.asyncio import Redis",
        "async def f():\n    pass",
        "open('x')",
        "from pathlib import Path\nPath('x').read_text()",
        "import os",
    ],
)
def test_a_pure_module_doing_io_fails(source):
    """The check itself bites: each of these in a pure room is a violation."""
    assert violations(source) != []
