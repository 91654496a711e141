"""IaC state sources by kind (`terraform:`, `cloudformation:`, `pulumi:`): importing the package
registers each one's factory, called with the context and the config entry."""

from __future__ import annotations

from bot.shell.states import cloudformation, pulumi, terraform  # noqa: F401  (each registers itself)
from bot.shell.states.registry import STATE_SOURCES

__all__ = ["STATE_SOURCES"]
