"""A resource's Cloud Control identifier, built from a finding. Pure.

Cloud Control takes the type's primary identifier (`primaryIdentifier` in its schema), which is
not always driftbot's physical id: an SNS topic's is its ARN (driftbot's id too), an EventBridge
rule's is its ARN (driftbot's id is the name), an inline role policy's is `PolicyName|RoleName`
(several properties, joined with `|` in the schema's order). Each part is found, best first:
1. in the attributes the state records for the resource (`arn`, or the attribute the generic
   rule pairs with the property: `role` ↔ `RoleName` through an override, `cluster_name` ↔
   `ClusterName`);
2. in the finding: the physical id itself for a one-part identifier of the same form; an ARN
   built from the id (the catalog's ARN prefix and service) for an `…Arn` identifier; the name
   at the end of an ARN id for a name identifier; the account for `CatalogId`/`AccountId`-like
   parts; the id's own parts for the composite ids listed in ID_PARTS.
None when some part cannot be found: the finding then says why, with the type's identifier.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.catalog.arns import ARN_KINDS
from bot.catalog.resource_types import RESOURCE_TYPES, ResourceType
from bot.drift.live.cloudcontrol.schema import TypeSchema
from bot.drift.live.cloudcontrol.values import name_key

SEPARATOR = "|"
ACCOUNT_PARTS = frozenset({"catalogid", "accountid", "awsaccountid", "registryid"})
# Composite identifiers whose parts driftbot's physical id holds, in the schema's order, and
# the separator between them (EKS's `CLUSTER/NAME`).
ID_PARTS: dict[str, str] = {
    "AWS::EKS::Addon": "/",
    "AWS::EKS::FargateProfile": "/",
}
# Identifier properties whose state attribute the generic rule cannot guess.
ATTRIBUTE_FOR: dict[str, dict[str, str]] = {
    "AWS::EKS::Nodegroup": {"Id": "id"},
    "AWS::EC2::EIP": {"AllocationId": "allocation_id", "PublicIp": "public_ip"},
    "AWS::CodeCommit::Repository": {"RepositoryId": "repository_id"},
    "AWS::ElastiCache::User": {"UserId": "user_id"},
    "AWS::EC2::PlacementGroup": {"GroupName": "name"},
}


def is_arn_part(name: str) -> bool:
    """`TopicArn`, `Arn`, `ARN`: a part that holds an ARN."""
    return name.lower().endswith("arn")


def arn_service(resource_type: str) -> str | None:
    """The service part of the type's ARNs (`events` for `AWS::Events::Rule`), read off the
    catalog's ARN kinds."""
    for key, rtype in ARN_KINDS:
        if rtype == resource_type:
            return key.split(":", 1)[0]
    return None


def partition(region: str) -> str:
    if region.startswith("cn-"):
        return "aws-cn"
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    return "aws"


def build_arn(rtype: ResourceType, resource_id: str, account: str, region: str) -> str | None:
    """The ARN of a resource whose physical id is a name or id, from the catalog's prefix."""
    if resource_id.startswith("arn:"):
        return resource_id
    service = arn_service(rtype.name)
    if service is None or not account:
        return None
    where = "" if rtype.is_global else region
    return f"arn:{partition(region)}:{service}:{where}:{account}:{rtype.arn_prefix}{resource_id}"


def _from_state(
    schema: TypeSchema, prop: str, attributes: Sequence[Mapping[str, Any]]
) -> str | None:
    wanted = ATTRIBUTE_FOR.get(schema.type_name, {}).get(prop)
    keys = [wanted] if wanted else []
    if not wanted:
        keys = [k for attrs in attributes for k in attrs if name_key(str(k)) == name_key(prop)]
        if is_arn_part(prop):
            keys.append("arn")
    for attrs in attributes:
        for key in keys:
            value = attrs.get(key)
            if isinstance(value, str | int) and not isinstance(value, bool) and str(value):
                return str(value)
    return None


def _from_finding(
    schema: TypeSchema, prop: str, resource_id: str, account: str, region: str
) -> str | None:
    rtype = RESOURCE_TYPES.find(schema.type_name)
    if name_key(prop) in ACCOUNT_PARTS and len(schema.primary) > 1:
        return account or None
    if len(schema.primary) > 1 or rtype is None:
        return None
    if is_arn_part(prop) and rtype.id_form != "arn":
        return build_arn(rtype, resource_id, account, region)
    if rtype.id_form == "arn" and not is_arn_part(prop) and resource_id.startswith("arn:"):
        if prop == "Id":  # an ARN under another name (Secrets Manager's secrets)
            return resource_id
        return resource_id.replace(":", "/").rsplit("/", 1)[-1]
    return resource_id


def build_identifier(
    schema: TypeSchema,
    resource_id: str,
    account: str,
    region: str,
    attributes: Sequence[Mapping[str, Any]] = (),
) -> str | None:
    """The Cloud Control identifier of the resource, or None when a part cannot be found."""
    names = schema.primary_names
    if not names or any(len(path) != 1 for path in schema.primary):
        return None
    separator = ID_PARTS.get(schema.type_name)
    split = resource_id.split(separator) if separator else []
    parts = []
    for index, prop in enumerate(names):
        value = _from_state(schema, prop, attributes)
        if value is None and len(split) == len(names):
            value = split[index]
        if value is None:
            value = _from_finding(schema, prop, resource_id, account, region)
        if value is None:
            return None
        parts.append(value)
    return SEPARATOR.join(parts)


def buildable_from_id(schema: TypeSchema, account: str = "123456789012") -> bool:
    """Whether a finding with no state (an unmanaged resource) gets an identifier: every part
    comes from the physical id, the account or the region."""
    return build_identifier(schema, "x", account, "us-east-1") is not None
