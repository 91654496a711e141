"""Registry: a table filled lazily runs its filler once, just before the first lookup."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from bot.errors import UnknownKey
from bot.registry import Registry


def _add(table: Registry[int], key: str, value: int) -> None:
    """A filler: adds its entry, then marks the table filled."""
    table.add(key, value)
    table.fill_with(None)


def test_a_lazy_table_is_filled_once_before_the_first_lookup() -> None:
    table: Registry[int] = Registry("number")
    calls: list[str] = []

    def fill() -> None:
        calls.append("fill")
        _add(table, "one", 1)

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


def test_another_thread_waits_for_the_whole_table() -> None:
    """A lookup from a second thread while the first fills gets the filled table."""
    table: Registry[int] = Registry("number")
    started, release = threading.Event(), threading.Event()

    def slow_fill() -> None:
        table.add("one", 1)
        started.set()
        release.wait(5)
        table.add("two", 2)
        table.fill_with(None)

    table.fill_with(slow_fill)
    first = threading.Thread(target=table.find, args=("one",))
    first.start()
    started.wait(5)
    seen: list[int | None] = []
    second = threading.Thread(target=lambda: seen.append(table.find("two")))
    second.start()
    release.set()
    first.join(5)
    second.join(5)

    assert seen == [2]
