"""`bot.slack`'s `__all__` is what it exports, and what the rest of the app uses of it (as httpx
checks `httpx.__all__` in tests/test_exported_members.py): a name the package imports into its
`__init__` is exported, an exported name has a caller outside the package, and everything else
stays in the package's own modules."""

from __future__ import annotations

import ast
from pathlib import Path
from types import ModuleType

import bot.slack

ROOT = Path(__file__).resolve().parents[2]
CALLERS = [
    p
    for p in [*(ROOT / "bot").rglob("*.py"), *(ROOT / "handlers").rglob("*.py")]
    if (ROOT / "bot" / "slack") not in p.parents
]


def exported(package: ModuleType) -> list[str]:
    """The public names in the package's namespace, its submodules aside."""
    return sorted(
        name
        for name, value in vars(package).items()
        if not name.startswith("_") and not isinstance(value, ModuleType)
    )


def imported_from(module: str) -> set[str]:
    """Every name the callers import from `module` (`from bot.slack import X`)."""
    names: set[str] = set()
    for path in CALLERS:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module == module:
                names |= {alias.name for alias in node.names}
    return names


def test_all_is_what_bot_slack_exports():
    assert sorted(bot.slack.__all__) == exported(bot.slack)


def test_every_exported_name_has_a_caller():
    """Nothing is exported that no other room uses (tests import the modules directly)."""
    unused = set(bot.slack.__all__) - imported_from("bot.slack")

    assert unused == set()


def test_callers_import_only_what_is_exported():
    assert imported_from("bot.slack") <= set(bot.slack.__all__)


def test_the_checks_bite():
    """A module namespace with a stray name, or a name no caller imports, is seen."""
    stray = ModuleType("stray")
    stray.render = lambda: None  # type: ignore[attr-defined]
    stray.sub = ModuleType("stray.sub")  # type: ignore[attr-defined]
    stray._private = 1  # type: ignore[attr-defined]

    assert exported(stray) == ["render"]
    assert "render_card" in imported_from("bot.slack")
    assert "nothing_imports_this" not in imported_from("bot.slack")
