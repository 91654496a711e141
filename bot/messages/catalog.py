"""The catalog's sentences: mistakes in a service module's tables, found when they are read."""

from __future__ import annotations


def target_twice(rule: str, resource_type: str) -> str:
    return f"CloudTrail rule `{rule}` declares {resource_type} twice."
