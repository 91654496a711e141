"""Registry: a table filled lazily runs its filler once, just before the first lookup."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.errors import UnknownKey
from bot.registry import Registry


def _add(table: Registry[int], key: str, value: int) -> None:
    table.add(key, value)


def test_a_lazy_table_is_filled_once_before_the_first_lookup() -> None:
    table: Registry[int] = Registry("number")
    calls: list[str] = []

    def fill() -> None:
        calls.append("fill")
        table.add("one", 1)

    table.fill_with(fill)
    table.add("two", 2)  # adding is not a lookup

    assert calls == []
    assert table.find("one") == 1
    assert "two" in table
    assert table.keys() == ["one", "two"]
    assert calls == ["fill"]


@pytest.mark.parametrize(
    "look",
    [
        lambda t: t.get("one"),
        lambda t: t.find("one"),
        lambda t: "one" in t,
        lambda t: list(t),
        lambda t: len(t),
        lambda t: t.keys(),
    ],
    ids=["get", "find", "in", "iter", "len", "keys"],
)
def test_every_lookup_fills_first(look: Callable[[Registry[int]], object]) -> None:
    table: Registry[int] = Registry("number")
    table.fill_with(lambda: _add(table, "one", 1))

    look(table)

    assert table.find("one") == 1


def test_an_unknown_key_names_close_matches_after_filling() -> None:
    table: Registry[int] = Registry("number")
    table.fill_with(lambda: _add(table, "eleven", 11))

    with pytest.raises(UnknownKey) as caught:
        table.get("elevem")
    assert "eleven" in str(caught.value.hint)
