"""The catalogs as plain data, for `drift catalog … --format json`. Pure."""

from __future__ import annotations

from typing import Any

from bot.catalog.rules import TRAIL_RULES
from bot.catalog.terraform_types import TF_TYPES


def event_entries() -> list[dict[str, Any]]:
    """One object per (eventSource, eventName) rule; the first target is the main one."""
    out = []
    for _, rule in TRAIL_RULES:
        first = rule.targets[0]
        out.append(
            {
                "event_source": rule.source,
                "event_name": rule.name,
                "resource_type": first.resource_type,
                "ids": [t.ids for t in rule.targets],
                "change": first.change,
                "targets": [
                    {"resource_type": t.resource_type, "ids": t.ids, "change": t.change}
                    for t in rule.targets
                ],
            }
        )
    return out


def terraform_entries() -> list[dict[str, Any]]:
    """One object per Terraform type; children name the parent type they change."""
    return [
        {
            "terraform_type": spec.tf_type,
            "resource_type": spec.resource_type,
            "identifiers": list(spec.identifiers),
            "parent": spec.resource_type if spec.child else None,
            "alias_for": spec.alias_for[0] if spec.alias_for else None,
            "also": [{"resource_type": t, "attribute": a} for t, a in spec.also],
        }
        for _, spec in TF_TYPES
    ]
