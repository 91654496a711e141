"""IaC state as desired resources, and the index that says who owns a resource. No I/O."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# The id of an account-wide setting whose state names no account anywhere: it matches any account.
UNKNOWN_ACCOUNT = "*"


@dataclass(frozen=True)
class DesiredResource:
    """One resource instance an IaC state manages.

    Attributes:
        address: how the IaC tool names it (`module.network.aws_security_group.web`).
        backend: `terraform`, `cloudformation` or `pulumi`.
        source: where the state came from (a path or URL), for messages.
        iac_type: the tool's own type name (`aws_security_group`).
        resource_type: canonical type of what it manages.
        resource_id: physical id of what it manages.
        owns: every (canonical type, physical id) it manages or manages part of: itself, or the
            parent a child resource belongs to (a rule's security group, a policy's bucket).
        attributes: the attributes recorded in the state.
    """

    address: str
    backend: str
    source: str
    iac_type: str
    resource_type: str
    resource_id: str
    owns: tuple[tuple[str, str], ...]
    attributes: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class StateIndex:
    """(canonical type, physical id) -> the desired resources that manage it."""

    _owners: dict[tuple[str, str], list[DesiredResource]] = field(default_factory=dict)
    _aliases: dict[tuple[str, str], str] = field(default_factory=dict)
    unknown_types: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, resources: Iterable[DesiredResource]) -> StateIndex:
        index = cls()
        for resource in resources:
            index.add(resource)
        return index

    def add(self, resource: DesiredResource) -> None:
        for key in resource.owns:
            owners = self._owners.setdefault(key, [])
            if resource not in owners:
                owners.append(resource)

    def add_alias(self, resource_type: str, alias: str, resource_id: str) -> None:
        """Let `alias` stand for `resource_id` (a KMS alias for its key)."""
        self._aliases[(resource_type, alias)] = resource_id

    def owners(self, resource_type: str, resource_id: str) -> list[DesiredResource]:
        """Who manages this resource, or any part of it; empty when nobody does.

        An owner recorded under UNKNOWN_ACCOUNT manages that type whatever the id: account-wide
        settings in a state that never names its account (`aws_ebs_encryption_by_default`).
        """
        rid = self._aliases.get((resource_type, resource_id), resource_id)
        found = self._owners.get((resource_type, rid)) or self._owners.get(
            (resource_type, UNKNOWN_ACCOUNT)
        )
        return list(found or ())

    def canonical_id(self, resource_type: str, resource_id: str) -> str:
        """The physical id an alias stands for (or the id itself)."""
        return self._aliases.get((resource_type, resource_id), resource_id)

    def __len__(self) -> int:
        return len({r.address + "\0" + r.source for rs in self._owners.values() for r in rs})


@dataclass
class ParsedState:
    """What one state (a Terraform file, a CloudFormation stack, a Pulumi stack) holds."""

    source: str
    resources: list[DesiredResource] = field(default_factory=list)
    aliases: list[tuple[str, str, str]] = field(default_factory=list)  # (type, alias, id)
    unknown_types: Counter[str] = field(default_factory=Counter)
    data_sources: int = 0


def build_index(states: Iterable[ParsedState]) -> StateIndex:
    """One ownership index over every state of an environment."""
    states = list(states)
    index = StateIndex.build(r for s in states for r in s.resources)
    for state in states:
        for rtype, alias, target in state.aliases:
            index.add_alias(rtype, alias, target)
        for iac_type, count in state.unknown_types.items():
            index.unknown_types[iac_type] = index.unknown_types.get(iac_type, 0) + count
    return index
