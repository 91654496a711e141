"""The catalogs as plain data, for `drift catalog … --format json`. Pure.

`confirm` (what a finding of the type can be confirmed for: `attributes`, `existence` or
`none`, with `confirm_reason` for `none`) is worked out outside the catalog, from the resource
schemas, and handed in by the caller."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.catalog.rules import TRAIL_RULES
from bot.catalog.terraform_types import TF_TYPES, TfType

# What a type can be confirmed for, and the reason when nothing: (level, reason).
ConfirmOf = Callable[[str], tuple[str, str | None]]
ConfirmOfTf = Callable[[TfType], tuple[str, str | None]]


def _confirm(found: tuple[str, str | None] | None) -> dict[str, Any]:
    if found is None:
        return {}
    return {"confirm": found[0], "confirm_reason": found[1]}


def event_entries(confirm: ConfirmOf | None = None) -> list[dict[str, Any]]:
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
            | _confirm(confirm(first.resource_type) if confirm else None)
        )
    return out


def terraform_entries(confirm: ConfirmOfTf | None = None) -> list[dict[str, Any]]:
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
        | _confirm(confirm(spec) if confirm else None)
        for _, spec in TF_TYPES
    ]
