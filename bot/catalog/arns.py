"""ARNs, and ids that name their own type. No I/O.

Each service module says how its ARNs and ids read (see `service.py`); the registries here hold
what all of them said:

- ARN_KINDS: an ARN's service and resource kind → the canonical type (`kms`, `key` → KMS's
  key type), for calls that take any ARN (tagging).
- ARN_ID_RULES: a service whose ARNs hold more than the id after the type's prefix (IAM paths,
  EKS UUIDs) → how to read the id.
- EC2_ID_PREFIXES: the prefix of a server-made EC2 id → its type (`sg-` → security group),
  for calls that touch many kinds (CreateTags).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.registry import Registry

if TYPE_CHECKING:
    from bot.catalog.resource_types import ResourceType


@dataclass(frozen=True)
class Arn:
    """The parts of `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`."""

    partition: str
    service: str
    region: str
    account: str
    resource: str

    @classmethod
    def parse(cls, value: str) -> Arn | None:
        """The parts of `value`; None when it is not an ARN."""
        parts = value.split(":", 5)
        if len(parts) < 6 or parts[0] != "arn":
            return None
        return cls(parts[1], parts[2], parts[3], parts[4], parts[5])

    def after(self, prefix: str) -> Arn:
        """The same ARN with `prefix` taken off the start of its resource part."""
        return replace(self, resource=self.resource[len(prefix) :])


# How the id sits in an ARN whose resource part has already lost its type's prefix.
ArnRule = Callable[[Arn], str]

ARN_KINDS: Registry[str] = Registry("ARN kind")
ARN_ID_RULES: Registry[ArnRule] = Registry("ARN id rule")
EC2_ID_PREFIXES: Registry[str] = Registry("EC2 id prefix")


def arn_kind(service: str, kind: str) -> str:
    """The ARN_KINDS key of a (service, resource kind) pair: `kms:key`, `s3:` for no kind."""
    return f"{service}:{kind}"


def kinds_from_prefixes(service: str, types: Iterable[ResourceType]) -> dict[tuple[str, str], str]:
    """ARN kinds read off the types' ARN prefixes (`security-group/` → `security-group`), for a
    service whose ARNs all have the form SERVICE:REGION:ACCOUNT:KIND/ID (EC2)."""
    return {(service, t.arn_prefix.rstrip("/")): t.name for t in types if t.arn_prefix}


def resolve_arn_type(value: str) -> str | None:
    """The canonical type an ARN names, from its service and resource kind, if we know it."""
    arn = Arn.parse(value)
    if arn is None:
        return None
    pieces = arn.resource.replace(":", "/").split("/")
    path = arn.resource.startswith("/")  # `/restapis/ID/…` (API Gateway): the kind is the path's
    # first segment. Otherwise the longest kind first: "loadbalancer/app/…" before "loadbalancer".
    for n in (2, 1):
        kind = ("/" + pieces[1] if len(pieces) > 1 else "") if path else "/".join(pieces[:n])
        found = ARN_KINDS.find(arn_kind(arn.service, kind))
        if found and (n == 1 or len(pieces) > n):
            return found
    return ARN_KINDS.find(arn_kind(arn.service, ""))


def resolve_ec2_id_type(resource_id: str) -> str | None:
    """The canonical type of an EC2 id from its prefix (`sg-0a1…` → SecurityGroup); the longest
    prefix wins (`vpce-svc-…` is an endpoint service, `vpce-…` an endpoint)."""
    end = resource_id.rfind("-")
    while end > 0:
        found = EC2_ID_PREFIXES.find(resource_id[: end + 1])
        if found is not None:
            return found
        end = resource_id.rfind("-", 0, end)
    return None
