"""botocore's API models read the way CloudTrail logs calls, for the catalog's contract tests and
the fixture tool (tests/tools/rule_fixtures.py).

CloudTrail spells a call's `requestParameters` and `responseElements` after the API's members,
by the service's casing (`Service.casing`), worked out from the real records in
tests/data/corpus and tests/data/cloudtrail:

- `lower` (JSON, query and CBOR services, and most REST ones): the member's name with a
  lower-case first letter, at every level (`KeyMetadata.KeyId` → `keyMetadata.keyId`,
  `DBInstanceIdentifier` → `dBInstanceIdentifier`); REST services may use the name of the
  member's path, query or JSON key instead (`restapi_id`). Query responses are logged either
  wrapped (`role.arn`) or unwrapped (RDS: the DBInstance's members at the top).
- `wire`: REST JSON services that log bodies exactly as sent (`Name`, `Schedule`:
  Synthetics, Security Hub, Internet Monitor); path and query members lower-case first.
- `ec2`: the EC2 Query API's XML names, lower-case first (`groupId`, `vpc.vpcId`), lists as
  `…Set.items[]` / `….items[]`; later calls wrap the request in a PascalCase object named after
  it (`ModifySecurityGroupRulesRequest.GroupId`, abbreviated as `DelTGwVpcAttachReq`), and the
  response in a `…Response` object.
- `s3`: the bucket as `bucketName`, the `Host`, and XML bodies by their element names, exactly
  (`PublicAccessBlockConfiguration.BlockPublicAcls`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import botocore.session
import jmespath
from botocore.model import ListShape, MapShape, OperationModel, ServiceModel, Shape, StructureShape

from bot.catalog.rules import base_event_name
from bot.catalog.service import Service

ITEMS = "[]"  # a path step into every element of a list
RECORD_ROOTS = ("requestParameters", "responseElements")


@cache
def session() -> botocore.session.Session:
    return botocore.session.get_session()


@cache
def model(name: str) -> ServiceModel:
    return session().get_service_model(name)


def lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


@dataclass(frozen=True)
class Operation:
    """The API operation a CloudTrail event name is, in one of a service's models."""

    model: ServiceModel
    op: OperationModel


def endpoint_source(found: ServiceModel) -> str:
    """The eventSource CloudTrail gives a model's calls, by its endpoint prefix."""
    prefix = str(found.metadata.get("endpointPrefix", ""))
    return prefix.removeprefix("api.") + ".amazonaws.com"


def operations(service: Service, source: str, event_name: str) -> list[Operation]:
    """Every operation `event_name` of `source` may stand for, in the service's models (those
    whose endpoint is `source` first): Lambda's versioned names, `api_names` (`Op`, or
    `model:Op` for one model)."""
    name = service.api_names.get(event_name, event_name)
    only, _, name = name.rpartition(":")
    names = list(dict.fromkeys((name, base_event_name(name))))
    models = [model(m) for m in service.models if not only or m == only]
    matching = [m for m in models if endpoint_source(m) == source]
    ordered = matching + [m for m in models if m not in matching]
    return [
        Operation(m, m.operation_model(candidate))
        for m in ordered
        for candidate in names
        if candidate in m.operation_names
    ]


def operation(service: Service, event_name: str, source: str = "") -> Operation | None:
    """The first operation `event_name` stands for (see operations)."""
    found = operations(service, source, event_name)
    return found[0] if found else None


def field_paths(expression: str) -> list[list[str]]:
    """The record paths a JMESPath expression reads: lists of field names (ITEMS where it
    steps into list elements), each rooted at the record."""
    tree: dict[str, Any] = dict(jmespath.compile(expression).parsed)
    return [p for p in _paths(tree, [[]]) if p]


def _paths(node: dict[str, Any], bases: list[list[str]]) -> list[list[str]]:  # noqa: C901
    kind, children = node["type"], node.get("children", [])
    if kind == "field":
        return [[*b, node["value"]] for b in bases]
    if kind in ("current", "identity"):
        return bases
    if kind in ("literal", "raw_string", "index", "slice"):
        return []
    if kind == "subexpression":
        out = bases
        for child in children:
            out = _paths(child, out)
        return out
    if kind == "index_expression":
        left = _paths(children[0], bases)
        return [[*p, ITEMS] for p in left]
    if kind in ("projection", "value_projection"):
        left = _into(children[0], bases)
        return _paths(children[1], left) or left
    if kind == "flatten":
        return _into(children[0], bases)
    if kind == "filter_projection":
        left = _into(children[0], bases)
        return (_paths(children[1], left) or left) + _paths(children[2], left)
    if kind == "pipe":
        return _paths(children[1], _paths(children[0], bases))
    if kind in ("or_expression", "and_expression", "comparator", "multi_select_list"):
        return [p for child in children for p in _paths(child, bases)]
    if kind == "multi_select_dict":
        return [p for child in children for p in _paths(child["children"][0], bases)]
    if kind in ("not_expression", "key_val_pair"):
        return [p for child in children for p in _paths(child, bases)]
    if kind == "function_expression":
        return [p for child in children for p in _paths(child, bases)]
    if kind == "expref":
        return []
    raise ValueError(f"JMESPath node {kind} is not read by the model check")


def _into(node: dict[str, Any], bases: list[list[str]]) -> list[list[str]]:
    """The paths of a projection's elements: into a list field's items; the elements of a
    list built in the expression (`[a, b][?…]`) are the values themselves."""
    if node["type"] == "multi_select_list":
        return _paths(node, bases)
    return [p if p and p[-1] == ITEMS else [*p, ITEMS] for p in _paths(node, bases)]


def lower_acronym(name: str) -> str:
    """`ARN` → `arn`, `AWSAccountIds` → `awsAccountIds`: a leading run of capitals in lower
    case (CloudTrail's spelling of Secrets Manager's `ARN`)."""
    run = len(name) - len(name.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if run < 2:
        return lower_first(name)
    cut = run if run == len(name) or not name[run].islower() else run - 1
    return name[:cut].lower() + name[cut:]


def spellings(member: str, shape: Shape, casing: str, top: bool) -> set[str]:
    """How CloudTrail may spell one member, by the service's casing."""
    ser = shape.serialization
    wire = ser.get("name") or member
    located = ser.get("location") in ("uri", "querystring", "header", "headers")
    if casing == "wire":
        return {lower_first(member), lower_first(wire), wire} if located else {wire}
    if casing == "s3":
        if member == "Bucket":
            return {"bucketName"}
        if located:
            return {lower_first(member), wire}
        return {wire, member} if not top else {wire, member, lower_first(member)}
    if casing == "ec2":
        query = ser.get("queryName") or wire
        names = {lower_first(member), lower_first(wire), lower_first(query)}
        if isinstance(shape, ListShape):
            stems = {n.removesuffix("s") for n in names} | {n.removesuffix("Id") for n in names}
            names |= {n + "Set" for n in names | stems} | {n + "sSet" for n in stems}
        return names
    names = {lower_first(member), lower_first(wire), lower_acronym(member)}
    if member[:2].isupper():
        names.add(member)  # SQS logs `AWSAccountIds` as it is
    return names


def check_path(found: Operation, casing: str, path: list[str]) -> str | None:
    """None when `path` (rooted at the record) names members of the operation's input or
    output, as CloudTrail spells them; else what is wrong. Paths outside requestParameters
    and responseElements are not the model's."""
    if not path or path[0] not in RECORD_ROOTS:
        return None
    side = path[0]
    shape = found.op.input_shape if side == "requestParameters" else found.op.output_shape
    rest = path[1:]
    if shape is None:
        return f"{found.op.name} has no {'input' if side == 'requestParameters' else 'output'}"
    if casing == "ec2" and rest and rest[0].endswith(("Request", "Req", "Response")):
        return _walk(shape, rest[1:], "wrapper", side, top=True)
    if rest and rest[0] == lower_first(found.op.name) + "Input":
        rest = rest[1:]  # API Gateway logs a body wrapped as `createDomainNameInput`
    problem = _walk(shape, rest, casing, side, top=True)
    if problem and side == "responseElements" and found.model.protocol == "query":
        inner = [s for s in shape.members.values() if isinstance(s, StructureShape)]
        if len(inner) == 1 and _walk(inner[0], rest, casing, side, top=True) is None:
            return None  # logged unwrapped (RDS, ElastiCache: the DBInstance's members)
    return problem


def _walk(shape: Shape, rest: list[str], casing: str, side: str, *, top: bool) -> str | None:
    legacy = casing in ("ec2", "wrapper")
    for i, step in enumerate(rest):
        if step == ITEMS:
            if isinstance(shape, ListShape):
                shape = shape.member
            elif not isinstance(shape, MapShape):
                return f"`{'.'.join(rest[:i])}` is not a list"
            continue
        if legacy and isinstance(shape, ListShape) and step in ("items", "item", "content"):
            # The Query API's list wrapper (`instancesSet.items[]`), or one value as an
            # object (`FlowLogId.content`).
            if i + 1 == len(rest) or rest[i + 1] != ITEMS:
                shape = shape.member
            continue
        if isinstance(shape, MapShape):
            shape = shape.value
            continue
        if legacy and not isinstance(shape, StructureShape | ListShape) and i == len(rest) - 1:
            continue  # a scalar logged as an object: `items[].instanceId`, `.content`
        if not isinstance(shape, StructureShape):
            return f"`{step}` under a {shape.type_name}, not a structure"
        member = _member(shape, step, casing, top=top)
        if member is None:
            known = sorted(_all_spellings(shape, casing, top))[:12]
            return f"no member spelled `{step}` in {shape.name} ({', '.join(known)}…)"
        shape = shape.members[member]
        top = False
    return None


def _member(shape: StructureShape, step: str, casing: str, *, top: bool) -> str | None:
    if casing == "wrapper":
        for name, sub in shape.members.items():
            ser = sub.serialization
            if step in (name, ser.get("name"), ser.get("queryName"), lower_first(name)):
                return name
        return None
    nested = "s3" if casing == "s3" and not top else casing
    for name, sub in shape.members.items():
        if step in spellings(name, sub, nested, top):
            return name
    return None


def _all_spellings(shape: StructureShape, casing: str, top: bool) -> set[str]:
    out: set[str] = set()
    for name, sub in shape.members.items():
        out |= spellings(name, sub, casing if casing != "wrapper" else "lower", top)
    return out


def mutating(op_name: str) -> bool:
    """Whether an operation's verb says it changes something."""
    return op_name.startswith(MUTATING_VERBS)


# The verbs of calls that change resources (the list, and the verbs of the same kind
# real APIs use). Runs, sends, invocations and uploads are data-plane and left out.
MUTATING_VERBS = (
    "Create",
    "Delete",
    "Update",
    "Put",
    "Modify",
    "Attach",
    "Detach",
    "Associate",
    "Disassociate",
    "Authorize",
    "Revoke",
    "Enable",
    "Disable",
    "Tag",
    "Untag",
    "Add",
    "Remove",
    "Set",
    "Replace",
    "Register",
    "Deregister",
    "Restore",
    "Copy",
    "Import",
    "Accept",
    "Reject",
    "Allocate",
    "Release",
    "Assign",
    "Unassign",
    "Reset",
    "Apply",
    "Publish",
    "Subscribe",
    "Unsubscribe",
    "Start",
    "Stop",
    "Reboot",
    "Terminate",
    "Promote",
    "Failover",
    "Rotate",
    "Link",
    "Unlink",
    "Lock",
    "Unlock",
    "Activate",
    "Deactivate",
    "Move",
    "Purge",
    "Cancel",
    "Upgrade",
    "Request",
    "Purchase",
    "Provision",
    "Deprovision",
    "Upload",
    "Merge",
    "Split",
    "Pause",
    "Resume",
    "Switchover",
    "Rollback",
    "Decline",
    "Grant",
    "Retire",
    "Revert",
    "Schedule",
    "Renew",
)
