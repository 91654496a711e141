"""Live readers: per canonical type, fetch a resource's current configuration from AWS.

A reader gathers what the type's projection needs (several calls for an S3 bucket) into one raw
dict and returns None when the resource does not exist. `bot/live/` projects and compares.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.adapters.aws import AwsAccess, CallLog
from bot.registry import Registry

Reader = Callable[[AwsAccess, str, str, str, CallLog], Awaitable[dict[str, Any] | None]]

READERS: Registry[Reader] = Registry("live reader")
