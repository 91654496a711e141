"""A registry's key given twice, or not found. Each returns (message, hint)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.messages import Message


def duplicate_key(kind: str, key: str) -> Message:
    return (f"{kind} `{key}` is registered twice.", "")


def unknown_key(kind: str, key: str, close: Sequence[str]) -> Message:
    """No entry under `key`; `close` are the nearest keys, suggested in the hint."""
    hint = f"Did you mean {', '.join(f'`{c}`' for c in close)}?" if close else ""
    return (f"No {kind} named `{key}`.", hint)
