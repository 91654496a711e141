"""CloudTrail sources by `cloudtrail.source`: importing the package registers each one."""

from __future__ import annotations

from bot.shell.sources import athena, files, lookup_events, s3  # noqa: F401  (each registers itself)
from bot.shell.sources.registry import TRAIL_SOURCES

__all__ = ["TRAIL_SOURCES"]
