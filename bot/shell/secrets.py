"""Secrets: read from the environment variables a runbook or drift.yml names, at the moment
they are needed, and never kept, logged or shown (errors name the variable, not its value)."""

from __future__ import annotations

from collections.abc import Mapping

from bot.errors import ConfigError
from bot.messages import integrations as say


def secret(environ: Mapping[str, str], variable: str, key: str) -> str:
    """The value of the environment variable a runbook's `key` names; ConfigError naming both
    when it is not set."""
    value = environ.get(variable, "")
    if not value:
        raise ConfigError(*say.secret_missing(variable, key))
    return value
