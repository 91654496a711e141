"""IaC state sources by kind (`terraform:`, `cloudformation:`, `pulumi:`); each module
registers its factory, called with the context and the config entry."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

from bot.ports import SourceContext, StateSource
from bot.registry import Registry

STATE_SOURCES: Registry[Callable[[SourceContext, Any], StateSource]] = Registry("state source")

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
