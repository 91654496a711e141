"""TRAIL_RULES: (eventSource, eventName) -> which resources a CloudTrail call changed. No I/O.

The rules themselves are data: each module in `bot/catalog/services/` lists its service's calls
with `on(…)`, in the spirit of Cloud Custodian's `trail_events` table, and `event_rules()` joins
the lines of one call into one rule. Keys are always "eventSource:eventName", never the event
name alone: `CreateCluster`, `CreateAlias` and `DeleteRule` each exist in several services.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
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

# API versions in event names: Lambda's (UpdateFunctionConfiguration20150331v2) and
# CloudFront's (UpdateDistribution2020_05_31).
_VERSION_SUFFIX = re.compile(
    r"^(?P<base>[A-Za-z]+?)(?P<version>20\d{6}(?:v\d+)?|20\d{2}_\d{2}_\d{2})$"
)


@dataclass(frozen=True)
class NameRef:
    """A resource a call names only by its name (`DeleteSecurityGroup` with `groupName`), to
    be resolved to its id through what the trail and the IaC state know of that name.

    Attributes:
        scope: what the name is unique within (a VPC id), when the record says; else empty.
    """

    resource_type: str
    name: str
    change: ChangeKind
    scope: str = ""


@dataclass(frozen=True)
class Learned:
    """A name and the id AWS gave it, read off a create call (`CreateSecurityGroup`'s
    `groupName` and `groupId`), so later calls by name can be resolved."""

    resource_type: str
    name: str
    resource_id: str
    scope: str = ""


@dataclass(frozen=True)
class Target:
    """One kind of resource a call changes, and where its ids are in the record.

    Attributes:
        resource_type: canonical type, or BY_EC2_ID / BY_ARN to work it out from each id.
        ids: JMESPath over the whole CloudTrail record; may yield one id or a list. For a
            by-name target, the path of the resource's name instead.
        change: create, update or delete, as seen from that resource.
        by_name: True when `ids` finds names, resolved later (see NameRef).
        name: JMESPath of the created resource's name, for a create whose id AWS makes.
        scope: JMESPath of what the name is unique within (a VPC id), with `name` or by_name.
    """

    resource_type: str
    ids: str
    change: ChangeKind
    by_name: bool = False
    name: str | None = None
    scope: str | None = None

    @cached_property
    def _expr(self) -> jmespath.parser.ParsedResult:
        """`ids` compiled, on first use: the catalog's thousands of paths are not compiled at
        start-up, only those of the calls a check meets (the syntax of all of them is checked
        by tests/contract/test_trail_rules.py)."""
        return _compiled(self.ids)

    def extract(self, record: Mapping[str, Any]) -> list[ResourceRef]:
        """The resources of this target that `record` names (none when the path finds none)."""
        if self.by_name:
            return []
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

    def names(self, record: Mapping[str, Any]) -> list[NameRef]:
        """The names a by-name target finds in `record`."""
        if not self.by_name:
            return []
        scope = _first(_search(self.scope, record))
        return [
            NameRef(self.resource_type, name, self.change, scope)
            for name in _flatten(self._expr.search(record))
        ]

    def learn(self, record: Mapping[str, Any]) -> Learned | None:
        """The name and id of the one resource a create call made, when the target says
        where its name is."""
        if self.name is None:
            return None
        ids, names = self.extract(record), _flatten(_search(self.name, record))
        if len(ids) != 1 or len(names) != 1:
            return None
        scope = _first(_search(self.scope, record))
        return Learned(ids[0].resource_type, names[0], ids[0].resource_id, scope)


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

    def names(self, record: Mapping[str, Any], found: list[ResourceRef]) -> list[NameRef]:
        """The resources the call names only by name: those of its by-name targets whose type
        no id target found."""
        types = {ref.resource_type for ref in found}
        return [
            ref
            for target in self.targets
            if target.by_name and target.resource_type not in types
            for ref in target.names(record)
        ]

    def learn(self, record: Mapping[str, Any]) -> list[Learned]:
        """The names and ids of what the call created, for the targets that say where."""
        return [found for t in self.targets if (found := t.learn(record)) is not None]


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
    *,
    name: str | None = None,
    scope: str | None = None,
) -> On:
    """The call(s) `names` of `source` change `resource_type` ids found at `ids`.

    A call may change several kinds of resource: give it one line per kind. For a create whose
    id AWS makes, `name` (and `scope`) say where the resource's name is, so a later call that
    names it only by name (`by_name`) can be resolved.
    """
    target = Target(resource_type, ids, change, False, name, scope)
    return On(source, (names,) if isinstance(names, str) else tuple(names), target)


def lifecycle(
    source: str,
    noun: str,
    resource_type: str,
    ids: str,
    *,
    created: str | None = None,
    creates: tuple[str, ...] = ("Create",),
    updates: tuple[str, ...] = ("Update",),
    deletes: tuple[str, ...] = ("Delete",),
) -> list[On]:
    """The usual three calls of one resource: `Create{noun}`, `Update{noun}`, `Delete{noun}`
    (other verbs as given; an empty tuple for a verb the API lacks), the id at `ids`, or for
    the create at `created` when AWS makes the id and answers it."""
    lines = [on(source, f"{verb}{noun}", resource_type, CREATE, created or ids) for verb in creates]
    lines += [on(source, f"{verb}{noun}", resource_type, UPDATE, ids) for verb in updates]
    lines += [on(source, f"{verb}{noun}", resource_type, DELETE, ids) for verb in deletes]
    return lines


def by_name(
    source: str,
    names: str | tuple[str, ...],
    resource_type: str,
    change: ChangeKind,
    name: str,
    *,
    scope: str | None = None,
) -> On:
    """The call(s) `names` of `source` change the `resource_type` named at `name` (when no id
    target of the call finds one): resolved through the trail's creates and the IaC state."""
    target = Target(resource_type, name, change, True, None, scope)
    return On(source, (names,) if isinstance(names, str) else tuple(names), target)


def ec2_param(call: str, member: str) -> str:
    """Where an EC2 request member is: inside the PascalCase `<call>Request` wrapper that calls
    added since about 2019 log, or under its lowerCamel name as classic Query calls log it."""
    return f"requestParameters.{call}Request.{member} || requestParameters.{_lower(member)}"


def ec2_result(call: str, path: str) -> str:
    """Where an EC2 response member is (`path` in XML names): inside a `<call>Response` wrapper
    or not."""
    return f"responseElements.{call}Response.{path} || responseElements.{path}"


def _lower(name: str) -> str:
    return name[:1].lower() + name[1:]


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


@functools.lru_cache(maxsize=4096)  # a check asks for the same few names once per change
def base_event_name(name: str) -> str:
    """`UpdateFunctionConfiguration20150331v2` → `UpdateFunctionConfiguration` (Lambda's API
    versions), `UpdateDistribution2020_05_31` → `UpdateDistribution` (CloudFront's, as newer
    SDKs call it); other names unchanged."""
    m = _VERSION_SUFFIX.match(name)
    return m["base"] if m else name


def find_rule(source: str, name: str) -> EventRule | None:
    """The rule for a call, also for Lambda's versioned names (CreateFunction20150331)."""
    rule = TRAIL_RULES.find(f"{source}:{name}")
    if rule is None and (base := base_event_name(name)) != name:
        rule = TRAIL_RULES.find(f"{source}:{base}")
    return rule


def _search(path: str | None, record: Mapping[str, Any]) -> object:
    return None if path is None else _compiled(path).search(record)


_COMPILED: dict[str, jmespath.parser.ParsedResult] = {}


def _compiled(path: str) -> jmespath.parser.ParsedResult:
    found = _COMPILED.get(path)
    if found is None:
        found = _COMPILED[path] = jmespath.compile(path)
    return found


def _first(value: object) -> str:
    found = _flatten(value)
    return found[0] if found else ""


def resolve(record: Mapping[str, Any]) -> list[ResourceRef] | None:
    """The resources a CloudTrail record's call changed; None when no rule knows the call."""
    source, name = record.get("eventSource"), record.get("eventName")
    if not isinstance(source, str) or not isinstance(name, str):
        return None
    rule = find_rule(source, name.strip())
    return None if rule is None else rule.resolve(record)


def _flatten(value: object) -> list[str]:
    """JMESPath results as a flat list of non-empty id strings (iteratively: a hostile record
    may nest lists deeper than recursion goes)."""
    out: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if item is None or item == "":
            continue
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, int | float) and not isinstance(item, bool):
            out.append(str(item))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return out
