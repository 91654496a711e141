"""CloudFormation stacks -> desired resources. Pure: takes what DescribeStacks and
ListStackResources answered, returns values.

A stack is recorded as itself (`AWS::CloudFormation::Stack`, addressed by its name) and as its
resources, addressed `STACK/LogicalId`. CloudFormation types are already the canonical types and
physical ids already the canonical ids (after normalising ARNs); types driftbot does not know are
counted in `unknown_types`. Custom resources and CloudFormation's own helpers (wait conditions,
macros, modules' metadata) manage nothing in AWS and are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.services.cloudformation import NOT_AWS, STACK
from bot.iac.index import DesiredResource, ParsedState

BACKEND = "cloudformation"
STACK_TYPE = STACK
# Resources in these states do not exist (any more, or yet) in AWS.
GONE_STATUSES = frozenset({"DELETE_COMPLETE", "CREATE_FAILED", "DELETE_SKIPPED"})


@dataclass(frozen=True)
class StackRef:
    """Where a stack lives, read from its ARN
    (`arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/UUID`)."""

    arn: str
    region: str
    account: str
    name: str


def stack_ref(arn: str) -> StackRef | None:
    """The region, account and name in a stack ARN; None when `arn` is not one."""
    parts = arn.split(":", 5)
    if len(parts) != 6 or parts[0] != "arn" or parts[2] != "cloudformation":
        return None
    kind, _, rest = parts[5].partition("/")
    name = rest.split("/", 1)[0]
    if kind != "stack" or not name:
        return None
    return StackRef(arn=arn, region=parts[3], account=parts[4], name=name)


def is_custom(resource_type: str) -> bool:
    """Custom resources (`Custom::Anything`) and CloudFormation's helper types."""
    return resource_type.startswith("Custom::") or resource_type in NOT_AWS


def parse_stack(stack: Mapping[str, Any], resources: Iterable[Mapping[str, Any]]) -> ParsedState:
    """One stack as a ParsedState whose `source` is the stack's ARN.

    Args:
        stack: the stack as DescribeStacks describes it (at least `StackId` and `StackName`;
            `ParentId` for a nested stack).
        resources: its `StackResourceSummaries` from ListStackResources, every page.

    Returns:
        The stack itself (address: its name) and each resource that exists (address:
        `STACK/LogicalId`). Nested stacks appear as resources of their parent (physical id: the
        nested stack's ARN); the caller parses each nested stack on its own as well.
    """
    stack_id = str(stack["StackId"])
    name = str(stack["StackName"])
    parsed = ParsedState(source=stack_id)
    meta: dict[str, Any] = {"StackId": stack_id, "StackName": name}
    if stack.get("ParentId"):
        meta["ParentId"] = stack["ParentId"]
    parsed.resources.append(
        DesiredResource(
            address=name,
            backend=BACKEND,
            source=stack_id,
            iac_type=STACK_TYPE,
            resource_type=STACK_TYPE,
            resource_id=stack_id,
            owns=((STACK_TYPE, stack_id),),
            attributes=meta,
        )
    )
    # CloudTrail names a stack by ARN or by name, depending on the call.
    parsed.aliases.append((STACK_TYPE, name, stack_id))
    for summary in resources:
        resource = _resource(summary, stack_id, name, parsed)
        if resource is not None:
            parsed.resources.append(resource)
    return parsed


def _resource(
    summary: Mapping[str, Any], stack_id: str, stack_name: str, parsed: ParsedState
) -> DesiredResource | None:
    rtype = summary.get("ResourceType")
    logical = summary.get("LogicalResourceId")
    physical = summary.get("PhysicalResourceId")
    if not isinstance(rtype, str) or not isinstance(logical, str) or is_custom(rtype):
        return None
    if (
        not isinstance(physical, str)
        or not physical
        or summary.get("ResourceStatus") in (GONE_STATUSES)
    ):
        return None
    kind = RESOURCE_TYPES.find(rtype)
    if kind is None:
        parsed.unknown_types[rtype] += 1
        return None
    rid = kind.normalize_id(physical)
    return DesiredResource(
        address=f"{stack_name}/{logical}",
        backend=BACKEND,
        source=stack_id,
        iac_type=rtype,
        resource_type=rtype,
        resource_id=rid,
        owns=((rtype, rid),),
        attributes={
            "StackId": stack_id,
            "StackName": stack_name,
            "LogicalResourceId": logical,
            "PhysicalResourceId": physical,
            "ResourceType": rtype,
            "ResourceStatus": summary.get("ResourceStatus"),
        },
    )
