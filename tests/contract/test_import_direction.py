"""Imports point inward: kernel ← pure rooms ← shell ← entry points and handlers.

Among the pure rooms: config, catalog → trail, iac → drift → policy → lifecycle → slack (a
room imports only rooms of a lower rank; two rooms of one rank do not import each other).
Checked on the source by folder, so a new module is covered the day it lands."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KERNEL = {"__init__", "__main__", "__version__", "errors", "registry", "models", "messages"}
RANK = {
    "kernel": 0,
    "config": 1,
    "catalog": 1,
    "trail": 2,
    "iac": 2,
    "drift": 3,
    "policy": 4,
    "lifecycle": 5,
    "slack": 6,
    "shell": 7,
    "handlers": 8,
    "entry": 9,
}
MODULES = sorted([*(ROOT / "bot").rglob("*.py"), *(ROOT / "handlers").rglob("*.py")])


def room_of(module: str) -> str:
    """The room of a dotted module name (`bot.trail.filter` → `trail`)."""
    parts = module.split(".")
    if parts[0] == "handlers":
        return "handlers"
    if len(parts) == 1 or parts[1] in KERNEL:
        return "kernel"
    return parts[1]


def imported(tree: ast.AST) -> list[str]:
    """Every bot/handlers module a module imports (`from bot import x` counts as `bot.x`)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "bot":
                found += [f"bot.{a.name}" for a in node.names]
            else:
                found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return [n for n in found if n.split(".")[0] in ("bot", "handlers")]


def wrong_way(module: str, tree: ast.AST) -> list[str]:
    """The imports of `module` that point outward or sideways."""
    here = room_of(module)
    bad = []
    for target in imported(tree):
        there = room_of(target)
        if there == here:
            continue
        if RANK[there] >= RANK[here] and not (here == "entry" and there == "handlers"):
            bad.append(f"{here} imports {there} ({target})")
    return bad


def _name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


@pytest.mark.parametrize("path", MODULES, ids=[_name(p) for p in MODULES])
def test_imports_point_inward(path):
    """No module imports a room further out than its own, nor a sibling room of its rank."""
    name = _name(path)
    if name == "bot.__main__":  # `python -m bot` is an entry point by Python's naming
        return

    assert wrong_way(name, ast.parse(path.read_text())) == []


def test_every_room_has_a_rank():
    """A new folder under bot/ gets its place in the order before it gets code."""
    rooms = {room_of(_name(p)) for p in MODULES}

    assert rooms <= set(RANK)


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("bot.trail.filter", "from bot.drift.findings import Finding"),
        ("bot.config.drift", "from bot.catalog.rules import TRAIL_RULES"),
        ("bot.slack.card", "from bot.shell.redis.store import Store"),
        ("bot.shell.check", "from bot.entry.cli import main"),
        ("handlers.actions", "from bot.entry.app import serve"),
        ("bot.errors", "from bot import trail"),
    ],
)
def test_an_outward_import_fails(module, source):
    """The check itself bites."""
    assert wrong_way(module, ast.parse(source)) != []
