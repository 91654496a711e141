"""IaC state sources by kind (`terraform:`, `cloudformation:`, `pulumi:`): the registry each
module fills with its factory, called with the context and the config entry."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.registry import Registry
from bot.shell.ports import SourceContext, StateSource

STATE_SOURCES: Registry[Callable[[SourceContext, Any], StateSource]] = Registry("state source")
