"""TRAIL_RULES: (eventSource, eventName) -> which resources a CloudTrail call changed. No I/O.

The rules themselves are data: each module in `bot/catalog/services/` lists its service's calls
with `on(…)`, in the spirit of Cloud Custodian's `trail_events` table, and `event_rules()` joins
the lines of one call into one rule. Keys are always "eventSource:eventName", never the event
name alone: `CreateCluster`, `CreateAlias` and `DeleteRule` each exist in several services.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import jmespath
import jmespath.parser

from bot.catalog.arns import resolve_arn_type, resolve_ec2_id_type
from bot.catalog.resource_types import RESOURCE_TYPES
from bot.errors import DuplicateKey
from bot.messages import catalog as messages
from bot.models import ChangeKind, ResourceRef
from bot.registry import Registry

CREATE: ChangeKind = "create"
UPDATE: ChangeKind = "update"
DELETE: ChangeKind = "delete"

# Resource types that are worked out from each id rather than fixed by the rule.
BY_EC2_ID = "@ec2-id"  # the id's prefix names the type (sg-… → AWS::EC2::SecurityGroup)
BY_ARN = "@arn"  # the ARN's service and resource kind name the type

# Lambda logs API versions in event names: UpdateFunctionConfiguration20150331v2.
_VERSION_SUFFIX = re.compile(r"^(?P<base>[A-Za-z]+?)(?P<version>20\d{6}(?:v\d+)?)$")


@dataclass(frozen=True)
class Target:
    """One kind of resource a call changes, and where its ids are in the record.

    Attributes:
        resource_type: canonical type, or BY_EC2_ID / BY_ARN to work it out from each id.
        ids: JMESPath over the whole CloudTrail record; may yield one id or a list.
        change: create, update or delete, as seen from that resource.
    """

    resource_type: str
    ids: str
    change: ChangeKind
    _expr: jmespath.parser.ParsedResult = field(compare=False, repr=False)

    def extract(self, record: Mapping[str, Any]) -> list[ResourceRef]:
        """The resources of this target that `record` names (none when the path finds none)."""
        refs: list[ResourceRef] = []
        for raw in _flatten(self._expr.search(record)):
            rtype = self.resource_type
            if rtype == BY_EC2_ID:
                found = resolve_ec2_id_type(raw)
            elif rtype == BY_ARN:
                found = resolve_arn_type(raw)
            else:
                found = rtype
            if found is None:
                continue
            rid = RESOURCE_TYPES.get(found).normalize_id(raw)
            if rid:
                refs.append(ResourceRef(found, rid, self.change))
        return refs


@dataclass(frozen=True)
class EventRule:
    """What one (eventSource, eventName) call changes: one or more targets."""

    source: str
    name: str
    targets: tuple[Target, ...]

    @property
    def key(self) -> str:
        return f"{self.source}:{self.name}"

    def resolve(self, record: Mapping[str, Any]) -> list[ResourceRef]:
        """Every resource the call in `record` changed, without duplicates, in rule order."""
        seen: dict[tuple[str, str], ResourceRef] = {}
        for target in self.targets:
            for ref in target.extract(record):
                seen.setdefault((ref.resource_type, ref.resource_id), ref)
        return list(seen.values())


TRAIL_RULES: Registry[EventRule] = Registry("CloudTrail rule")


@dataclass(frozen=True)
class On:
    """One line of a service's rule table: the calls `names` of `source` change `target`."""

    source: str
    names: tuple[str, ...]
    target: Target


def on(
    source: str,
    names: str | tuple[str, ...],
    resource_type: str,
    change: ChangeKind,
    ids: str,
) -> On:
    """The call(s) `names` of `source` change `resource_type` ids found at `ids`.

    A call may change several kinds of resource: give it one line per kind.
    """
    target = Target(resource_type, ids, change, jmespath.compile(ids))
    return On(source, (names,) if isinstance(names, str) else tuple(names), target)


def event_rules(lines: Iterable[On]) -> list[EventRule]:
    """One rule per call, with the targets of all its lines in their order. The same target
    twice for one call is a mistake and raises DuplicateKey."""
    targets: dict[tuple[str, str], list[Target]] = {}
    for line in lines:
        new = line.target
        for name in line.names:
            found = targets.setdefault((line.source, name), [])
            if any(t.resource_type == new.resource_type and t.ids == new.ids for t in found):
                raise DuplicateKey(
                    messages.target_twice(f"{line.source}:{name}", new.resource_type)
                )
            found.append(new)
    return [EventRule(source, name, tuple(found)) for (source, name), found in targets.items()]


def base_event_name(name: str) -> str:
    """`UpdateFunctionConfiguration20150331v2` → `UpdateFunctionConfiguration` (Lambda's API
    versions); other names unchanged."""
    m = _VERSION_SUFFIX.match(name)
    return m["base"] if m else name


def find_rule(source: str, name: str) -> EventRule | None:
    """The rule for a call, also for Lambda's versioned names (CreateFunction20150331)."""
    rule = TRAIL_RULES.find(f"{source}:{name}")
    if rule is None and (base := base_event_name(name)) != name:
        rule = TRAIL_RULES.find(f"{source}:{base}")
    return rule


def resolve(record: Mapping[str, Any]) -> list[ResourceRef] | None:
    """The resources a CloudTrail record's call changed; None when no rule knows the call."""
    source, name = record.get("eventSource"), record.get("eventName")
    if not isinstance(source, str) or not isinstance(name, str):
        return None
    rule = find_rule(source, name.strip())
    return None if rule is None else rule.resolve(record)


def _flatten(value: object) -> list[str]:
    """JMESPath results as a flat list of non-empty id strings."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            out.extend(_flatten(item))
        return out
    return []
