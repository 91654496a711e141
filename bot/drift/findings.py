"""Changes folded into drift findings, and the report's JSON shape. Pure; no I/O.

One finding per resource (account, type, id; plus region for regional types), with every event
that touched it in time order. Its kind:
- `deleted`: IaC manages it and the last change deleted it;
- `modified`: IaC manages it (or part of it) and someone changed it;
- `unmanaged`: no IaC state of the environment manages it. A resource created and deleted by
  hand within the window, or only ever deleted, is not reported: nothing is left to fix.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.rules import NameRef
from bot.iac.index import StateIndex
from bot.models import FindingKind, ResourceRef, Severity
from bot.trail.attribution import Attribution

KIND_ORDER: dict[FindingKind, int] = {"deleted": 0, "modified": 1, "unmanaged": 2}


@dataclass(frozen=True, slots=True)
class Change:
    """One kept CloudTrail call: who changed what, when.

    `names` are the resources it names only by name, until they are resolved to ids (see
    bot/drift/names.py); `known` is False when no rule of the catalog knows the call.
    """

    event_id: str
    event_source: str
    event_name: str
    event_time: str
    account_id: str
    region: str
    who: Attribution
    refs: tuple[ResourceRef, ...]
    names: tuple[NameRef, ...] = ()
    known: bool = True
    request: dict[str, JsonValue] | None = None


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class EventSummary(_Model):
    """One event of a finding, as the JSON contract shows it."""

    event_id: str
    event_name: str
    event_time: str
    actor: str
    role: str | None
    via: str
    source_ip: str
    # The call's requestParameters (long values cut), so a card can say what it did in words.
    request: dict[str, JsonValue] | None = None


# Not in the JSON contract (`drift check --format json`, `drift findings --json`, webhook
# payloads): the events' requestParameters, kept for the Slack card's words.
CONTRACT_EXCLUDE: dict[str, Any] = {"events": {"__all__": {"request"}}}

# The path of a change to the resource as a whole (it is gone, or it exists unmanaged).
WHOLE_RESOURCE = "(resource)"


class AttributeChange(_Model):
    """One attribute that differs between the IaC state and the live resource."""

    path: str
    expected: JsonValue
    actual: JsonValue


class Confirmation(_Model):
    """What reading the live resource said about a suspected drift.

    `confirmed` is True when the live resource differs from the state (or, for `deleted`,
    is gone; for `unmanaged`, exists), False when it matches again (the change was reverted:
    resolved, not drift), None when it could not be told (`reason` says why).
    """

    confirmed: bool | None = None
    changes: list[AttributeChange] = Field(default_factory=list)
    reason: str | None = None
    api_calls: list[str] = Field(default_factory=list)


class Finding(_Model):
    """One drifted resource."""

    kind: FindingKind
    resource_type: str
    resource_id: str
    account_id: str
    region: str
    addresses: list[str]
    events: list[EventSummary]
    confirmed: bool | None = None
    changes: list[AttributeChange] = Field(default_factory=list)
    reason: str | None = None
    api_calls: list[str] = Field(default_factory=list)
    runbook: str | None = None
    severity: Severity | None = None

    @property
    def key(self) -> str:
        """The resource's identity: account, region (empty for global types), type, id."""
        return resource_key(self.account_id, self.region, self.resource_type, self.resource_id)

    @property
    def is_drift(self) -> bool:
        """Still drift: not confirmed back in line with the state (`confirmed: false`)."""
        return self.confirmed is not False

    def with_confirmation(self, result: Confirmation) -> Finding:
        return self.model_copy(
            update={
                "confirmed": result.confirmed,
                "changes": list(result.changes),
                "reason": result.reason,
                "api_calls": list(result.api_calls),
            }
        )


def resource_key(account: str, region: str, resource_type: str, resource_id: str) -> str:
    """`account|region|type|id`, the region left empty for global types (IAM, CloudFront…)."""
    regional = not RESOURCE_TYPES.get(resource_type).is_global
    return f"{account}|{region if regional else ''}|{resource_type}|{resource_id}"


class IgnoredFinding(_Model):
    """A finding an ignore rule took out of the report, and the rule's reason."""

    resource_type: str
    resource_id: str
    account_id: str
    region: str
    rule: str
    reason: str


class Window(_Model):
    start: str
    end: str


class Stats(_Model):
    """What the check read. `records` is `changes` plus every drop reason's count (read_only
    … duplicate): each record read is explained once."""

    records: int
    changes: int
    skipped_files: int
    unknown_events: int
    unresolved: int = 0
    read_only: int = 0
    failed: int = 0
    aws_service: int = 0
    iac_principal: int = 0
    operational: int = 0
    out_of_window: int = 0
    out_of_scope: int = 0
    not_api_call: int = 0
    malformed: int = 0
    duplicate: int = 0
    unknown_terraform_types: dict[str, int] = Field(default_factory=dict)


class UnresolvedCall(_Model):
    """A call the catalog knows, but whose rule found no resource id in its records."""

    event_source: str
    event_name: str
    count: int
    event_id: str


class ServiceCall(_Model):
    """Changing calls an AWS service made on its own (not findings unless the environment
    has `report_aws_service_changes: true`)."""

    event_source: str
    event_name: str
    service: str
    count: int


class Report(_Model):
    """The result of one check: the JSON contract of `drift check --format json`."""

    environment: str
    window: Window
    findings: list[Finding]
    stats: Stats
    cloudtrail: dict[str, JsonValue] = Field(default_factory=dict)
    ignored: list[IgnoredFinding] = Field(default_factory=list)
    unresolved: list[UnresolvedCall] = Field(default_factory=list)
    # What AWS services changed on their own: listed with `--show-unknown`, not in the JSON
    # contract otherwise.
    aws_service: list[ServiceCall] = Field(default_factory=list, exclude=True)
    # False when the check did not read resources live (`confirm` off): each finding's `reason`
    # then says so, and the text report does not repeat it. Not part of the JSON contract.
    read_live: bool = Field(default=True, exclude=True)

    @property
    def has_drift(self) -> bool:
        """Any finding that is still drift (reverted changes are resolved, not drift)."""
        return any(f.is_drift for f in self.findings)


def fold(changes: Iterable[Change], index: StateIndex) -> list[Finding]:
    """Group changes per resource and decide each resource's kind (see the module docstring)."""
    groups: dict[tuple[str, str, str, str], list[tuple[Change, ResourceRef]]] = {}
    for change in changes:
        for ref in change.refs:
            rid = index.canonical_id(ref.resource_type, ref.resource_id)
            regional = not RESOURCE_TYPES.get(ref.resource_type).is_global
            key = (change.account_id, change.region if regional else "", ref.resource_type, rid)
            groups.setdefault(key, []).append((change, ref))
    findings = []
    for (account, _, rtype, rid), items in groups.items():
        items.sort(key=lambda item: (item[0].event_time, item[0].event_id))
        owners = index.owners(rtype, rid)
        kind = _kind(bool(owners), [ref.change for _, ref in items])
        if kind is None:
            continue
        last = items[-1][0]
        findings.append(
            Finding(
                kind=kind,
                resource_type=rtype,
                resource_id=rid,
                account_id=account,
                region=last.region,
                addresses=sorted({o.address for o in owners}),
                events=[_summary(change) for change, _ in items],
            )
        )
    findings.sort(key=lambda f: (KIND_ORDER[f.kind], f.resource_type, f.resource_id, f.region))
    return findings


def _kind(managed: bool, changes: list[str]) -> FindingKind | None:
    if managed:
        return "deleted" if changes[-1] == "delete" else "modified"
    if changes[-1] == "delete":
        return None  # created and deleted by hand, or an unmanaged resource removed
    return "unmanaged"


def _summary(change: Change) -> EventSummary:
    who = change.who
    return EventSummary(
        event_id=change.event_id,
        event_name=change.event_name,
        event_time=change.event_time,
        actor=who.actor,
        role=who.role,
        via=who.via,
        source_ip=who.source_ip,
        request=change.request,
    )
