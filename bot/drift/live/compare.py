"""Live confirmation, the pure half: per resource type, how the IaC state and a live read are
projected onto the same normalised attributes, and how two projections are compared. No I/O.

A type registers a `LiveType` whose `desired(owners)` projects what the state says (the
resource and its children, e.g. a security group and its `aws_security_group_rule`s) and
whose `actual(raw)` projects what the adapter read from AWS. Both sides are normalised (policy
JSON parsed and sorted, tags as a map, sets sorted, AWS defaults filled in) so that no change
means no difference. The readers that fetch `raw` live in `bot/shell/aws/readers.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.drift.findings import WHOLE_RESOURCE, AttributeChange, Confirmation, Finding
from bot.iac.index import DesiredResource
from bot.messages import confirm as say
from bot.registry import Registry

Attrs = dict[str, Any]


@dataclass(frozen=True)
class LiveType:
    """How one canonical type is compared.

    Attributes:
        resource_type: the canonical (CloudFormation) type name, the module's RESOURCE_TYPE.
        desired: the state's owners of the resource → normalised attributes; None when these
            owners carry nothing comparable (e.g. only CloudFormation, which confirms itself).
        actual: the raw live read → normalised attributes.
        iac_types: the Terraform types whose attributes `desired` compares (the catalog's
            `confirm: attributes`; a type's other children are confirmed for existence).
    """

    resource_type: str
    desired: Callable[[Sequence[DesiredResource]], Attrs | None]
    actual: Callable[[Mapping[str, Any]], Attrs]
    iac_types: tuple[str, ...] = ()


LIVE_TYPES: Registry[LiveType] = Registry("live resource type")
# The change of a resource the state expects that AWS no longer has.
GONE = AttributeChange(path=WHOLE_RESOURCE, expected="exists", actual="not found")


def existence_verdict(finding: Finding, exists: bool, api_calls: list[str]) -> Confirmation:
    """The verdict existence alone gives, whatever read the resource:
    a deleted resource confirmed gone or there again, an unmanaged one confirmed there or gone,
    a modified one that is gone changed as a whole (one that is there needs a comparison)."""
    if finding.kind == "deleted":
        return Confirmation(
            confirmed=not exists,
            reason=None if not exists else say.exists_again(),
            api_calls=api_calls,
        )
    if finding.kind == "unmanaged":
        return Confirmation(
            confirmed=exists,
            reason=None if exists else say.no_longer_exists(),
            api_calls=api_calls,
        )
    return Confirmation(confirmed=True, changes=[GONE], api_calls=api_calls)


_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def compare(expected: Mapping[str, Any], actual: Mapping[str, Any]) -> list[AttributeChange]:
    """Every difference between two normalised projections, as paths (`ingress["tcp 22-22"]
    .cidr_blocks`). Mappings are compared key by key; anything else as a whole value."""
    changes: list[AttributeChange] = []
    _compare("", expected, actual, changes)
    return changes


def _compare(path: str, expected: Any, actual: Any, out: list[AttributeChange]) -> None:
    if isinstance(expected, Mapping) and isinstance(actual, Mapping):
        for key in sorted(set(expected) | set(actual), key=str):
            _compare(_join(path, str(key)), expected.get(key), actual.get(key), out)
        return
    if expected != actual:
        out.append(AttributeChange(path=path or WHOLE_RESOURCE, expected=expected, actual=actual))


def _join(path: str, key: str) -> str:
    if _IDENT.match(key):
        return f"{path}.{key}" if path else key
    quoted = '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{path}[{quoted}]"
