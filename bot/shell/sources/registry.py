"""CloudTrail sources by `cloudtrail.source`: the registry each source module fills."""

from __future__ import annotations

from collections.abc import Callable

from bot.registry import Registry
from bot.shell.ports import SourceContext, TrailSource

TRAIL_SOURCES: Registry[Callable[[SourceContext], TrailSource]] = Registry("CloudTrail source")
