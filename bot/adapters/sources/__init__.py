"""CloudTrail sources by `cloudtrail.source`; each module registers its factory."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

from bot.ports import SourceContext, TrailSource
from bot.registry import Registry

TRAIL_SOURCES: Registry[Callable[[SourceContext], TrailSource]] = Registry("CloudTrail source")

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
