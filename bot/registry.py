"""Registry[T]: a named str -> T map filled at import time (or, for the catalog's tables, just
before its first lookup), with close-match errors."""

from __future__ import annotations

import difflib
import threading
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from bot.errors import DuplicateKey, UnknownKey
from bot.messages import registry as say

T = TypeVar("T")

# One filling at a time, in any thread: a lookup from another thread waits for the whole
# table, never reads it half filled. Re-entrant, for lookups the filling itself makes.
_FILLING = threading.RLock()


class Registry(Generic[T]):
    """A named str -> T map, filled at import time by decorators or add()."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}
        self._fill: Callable[[], None] | None = None

    def fill_with(self, fill: Callable[[], None] | None) -> None:
        """Have `fill` run just before the first lookup (not before add()): a package whose
        tables cost time to build registers them so that a run which never looks anything up
        never builds them. `fill` ends with `fill_with(None)` (filled) on each table it
        fills, and returns at once when called again while it runs (a lookup it makes)."""
        self._fill = fill

    def _filled(self) -> dict[str, T]:
        if self._fill is not None:
            with _FILLING:
                fill = self._fill
                if fill is not None:
                    fill()
        return self._items

    def add(self, key: str, item: T) -> T:
        """Register `item` under `key`; a second registration of the same key raises."""
        if key in self._items:
            raise DuplicateKey(*say.duplicate_key(self.kind, key))
        self._items[key] = item
        return item

    def register(self, key: str) -> Callable[[T], T]:
        """Decorator form of add()."""

        def deco(item: T) -> T:
            return self.add(key, item)

        return deco

    def get(self, key: str) -> T:
        """The entry under `key`; UnknownKey names close matches when there is none."""
        items = self._filled()
        try:
            return items[key]
        except KeyError:
            close = difflib.get_close_matches(key, items, n=3)
            raise UnknownKey(*say.unknown_key(self.kind, key, close)) from None

    def find(self, key: str) -> T | None:
        """The entry under `key`, or None (the hot path: no exception cost)."""
        if self._fill is not None:
            self._filled()
        return self._items.get(key)

    def __contains__(self, key: object) -> bool:
        if self._fill is not None:
            self._filled()
        return key in self._items

    def __iter__(self) -> Iterator[tuple[str, T]]:
        return iter(sorted(self._filled().items()))

    def __len__(self) -> int:
        return len(self._filled())

    def keys(self) -> list[str]:
        return sorted(self._filled())
