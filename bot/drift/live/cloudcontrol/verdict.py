"""The verdict of a Cloud Control read, the generic counterpart of `shell/confirm.decide`. Pure.

- `deleted`: confirmed when Cloud Control finds no such resource, `confirmed: false` (resolved)
  when it is there again;
- `unmanaged`: confirmed when it exists, resolved when it is gone;
- `modified`: the state's attributes against the live properties, through the owners'
  mappings (`mapping.py`); gone counts as a change of the whole resource.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.catalog.terraform_types import TF_TYPES
from bot.drift.findings import Confirmation, Finding
from bot.drift.live.cloudcontrol.mapping import project
from bot.drift.live.cloudcontrol.schema import TypeSchema
from bot.drift.live.compare import compare, existence_verdict
from bot.drift.live.normalize import terraform_owners
from bot.iac.index import DesiredResource
from bot.messages import confirm as say


def own_attributes(owners: Sequence[DesiredResource]) -> list[Mapping[str, Any]]:
    """The attributes of the Terraform (or Pulumi) owners that are the resource itself, not a
    child of it: where its identifier's parts are recorded."""
    out = []
    for owner in terraform_owners(owners):
        spec = TF_TYPES.find(owner.iac_type)
        if spec is not None and not spec.child and spec.alias_for is None:
            out.append(owner.attributes)
    return out


def decide_generic(
    finding: Finding,
    owners: Sequence[DesiredResource],
    schema: TypeSchema,
    props: Mapping[str, Any] | None,
    api_calls: list[str],
) -> Confirmation:
    """The verdict from a Cloud Control read (`props` None: no such resource)."""
    if props is None or finding.kind != "modified":
        return existence_verdict(finding, props is not None, api_calls)
    projected = project(schema, terraform_owners(owners), props)
    if projected is None:
        return Confirmation(
            reason=say.nothing_to_compare(finding.resource_type), api_calls=api_calls
        )
    changes = compare(*projected)
    return Confirmation(confirmed=bool(changes), changes=changes, api_calls=api_calls)
