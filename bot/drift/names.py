"""Calls that name a resource only by its name, resolved to its id. Pure; no I/O.

A few APIs take a name where the resource's id is one AWS made (`DeleteSecurityGroup` with
`groupName`). Two things know which id a name stands for: the trail itself (the create call
that made the resource logged its name and id) and the IaC state (`aws_security_group.name`).
A name resolves when exactly one resource of that type carries it (within the scope the call
names, a VPC, when it names one); otherwise the call stays unresolved and is reported so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.rules import Learned, NameRef
from bot.catalog.terraform_types import TF_TYPES
from bot.iac.index import DesiredResource
from bot.models import ResourceRef

# (account, region or "" for global types, type, name) → {(scope, id)}
_Key = tuple[str, str, str, str]


@dataclass
class NameBook:
    """Which ids each name stands for: learned from the trail's creates (per account and
    region) and from the IaC state (any account: a state rarely says which)."""

    trail: dict[_Key, set[tuple[str, str]]] = field(default_factory=dict)
    state: dict[tuple[str, str], set[tuple[str, str]]] = field(default_factory=dict)

    def learn(self, account: str, region: str, found: Learned) -> None:
        key = (account, _region(found.resource_type, region), found.resource_type, found.name)
        self.trail.setdefault(key, set()).add((found.scope, found.resource_id))

    def add_state(self, resources: Iterable[DesiredResource]) -> None:
        """The names the state records, for the Terraform types that say where theirs is (a
        child's name, an association id, stands for its parent)."""
        for resource in resources:
            spec = TF_TYPES.find(resource.iac_type)
            if spec is None or spec.name is None:
                continue
            name = resource.attributes.get(spec.name)
            if not isinstance(name, str) or not name:
                continue
            scope = resource.attributes.get(spec.scope) if spec.scope else ""
            key = (resource.resource_type, name)
            found = (scope if isinstance(scope, str) else "", resource.resource_id)
            self.state.setdefault(key, set()).add(found)

    def resolve(self, account: str, region: str, ref: NameRef) -> ResourceRef | None:
        """The resource `ref` names, when exactly one candidate is left (trail first)."""
        key = (account, _region(ref.resource_type, region), ref.resource_type, ref.name)
        for candidates in (self.trail.get(key), self.state.get((ref.resource_type, ref.name))):
            ids = {rid for scope, rid in candidates or () if not ref.scope or scope == ref.scope}
            if len(ids) == 1:
                return ResourceRef(ref.resource_type, ids.pop(), ref.change)
        return None


def _region(resource_type: str, region: str) -> str:
    return "" if RESOURCE_TYPES.get(resource_type).is_global else region
