"""What the codify forges share: what they opened, and the protocol (github.py, gitlab.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Opened:
    """A pull request, merge request or issue: its reference (`#12`, `!7`) and link."""

    key: str
    url: str | None


class Forge(Protocol):
    async def open_pull_request(
        self, branch: str, path: str, content: str, message: str, title: str, body: str
    ) -> Opened:
        """Put `content` at `path` on `branch` (made from the base) and open a pull request."""

    async def open_issue(self, title: str, body: str) -> Opened:
        """Open an issue."""
