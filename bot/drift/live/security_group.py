"""AWS::EC2::SecurityGroup: name, description, tags and every rule, from `aws_security_group`
(or `aws_default_security_group`) inline `ingress`/`egress` blocks and the child rules
`aws_security_group_rule`, `aws_vpc_security_group_ingress_rule` and `_egress_rule`, against
`DescribeSecurityGroups`.

Rules are keyed by protocol and ports so paths read `ingress["tcp 22-22"].cidr_blocks`:
protocols by name (`-1` → `all`, `6` → `tcp`, `17` → `udp`, `1` → `icmp`, `58` → `icmpv6`),
ports only where the protocol has them (tcp, udp, icmp, icmpv6). Each rule holds its sources as
sorted sets (`cidr_blocks`, `ipv6_cidr_blocks`, `prefix_list_ids`, `security_groups`; `self` is
the group's own id) and the description of each source. The desired rules are the union of all
owners' rules (the group's own state records the rules its children added after a refresh).

Default egress: AWS gives every new VPC group an allow-all egress rule, which Terraform revokes
and records as `egress = []`. A group whose state records no `egress` at all, and no egress
children, is expected to have AWS's default rule.

Every live rule the state does not declare is a change, whoever manages the group's other rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot.drift.live.compare import LIVE_TYPES, Attrs, LiveType
from bot.drift.live.normalize import (
    UNMANAGED,
    attrs_of,
    blocks,
    desired_tags,
    flag,
    number,
    string_set,
    tag_map,
    terraform_owners,
    text,
)
from bot.iac.index import DesiredResource

RESOURCE_TYPE = "AWS::EC2::SecurityGroup"
GROUPS = ("aws_security_group", "aws_default_security_group")
RULE = "aws_security_group_rule"
INGRESS_RULE = "aws_vpc_security_group_ingress_rule"
EGRESS_RULE = "aws_vpc_security_group_egress_rule"
VPC_RULES = (INGRESS_RULE, EGRESS_RULE)
ADDRESSES = ("cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids")
SOURCES = (*ADDRESSES, "security_groups")
PROTOCOLS = {"-1": "all", "6": "tcp", "17": "udp", "1": "icmp", "58": "icmpv6"}
WITH_PORTS = frozenset({"tcp", "udp", "icmp", "icmpv6"})
VPC_RULE_SOURCES = (
    ("cidr_blocks", "cidr_ipv4"),
    ("ipv6_cidr_blocks", "cidr_ipv6"),
    ("prefix_list_ids", "prefix_list_id"),
    ("security_groups", "referenced_security_group_id"),
)
DEFAULT_EGRESS = {"protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}

Source = tuple[str, str, str | None]  # (kind, value, description)


def protocol_name(value: object) -> str:
    """`-1`/`all` → `all`, protocol numbers with names → the name, others as given."""
    raw = str(value if value is not None else "-1").strip().lower()
    return PROTOCOLS.get(raw, raw)


def rule_key(protocol: object, from_port: object, to_port: object) -> str:
    """`tcp 22-22`, `icmp -1--1`, `all`, `50`: protocol, and ports where they apply."""
    name = protocol_name(protocol)
    if name not in WITH_PORTS:
        return name
    return f"{name} {number(from_port, 0)}-{number(to_port, 0)}"


class _Rules:
    """Rules being gathered for one direction: key → sources and their descriptions."""

    def __init__(self) -> None:
        self.rules: dict[str, dict[str, Any]] = {}

    def add(self, key: str, sources: Iterable[Source]) -> None:
        rule = self.rules.setdefault(key, {kind: set() for kind in SOURCES} | {"descriptions": {}})
        for kind, value, description in sources:
            rule[kind].add(value)
            if description:
                rule["descriptions"][value] = description

    def project(self) -> dict[str, Any]:
        return {
            key: {kind: sorted(rule[kind]) for kind in SOURCES}
            | {"descriptions": dict(sorted(rule["descriptions"].items()))}
            for key, rule in sorted(self.rules.items())
        }


def _group_ref(value: object) -> str:
    """`sg-1` or `123456789012/sg-1` (another account's group) → `sg-1`."""
    return str(value).rsplit("/", 1)[-1]


def _inline_sources(rule: Mapping[str, Any], group_id: str) -> list[Source]:
    """Sources of an inline block or an `aws_security_group_rule`."""
    desc = text(rule.get("description"))
    found: list[Source] = [
        (kind, v, desc) for kind in ADDRESSES for v in string_set(rule.get(kind))
    ]
    groups = string_set(rule.get("security_groups")) + string_set(
        rule.get("source_security_group_id")
    )
    if flag(rule.get("self")):
        groups.append(group_id)
    found += [("security_groups", _group_ref(g), desc) for g in groups]
    return found


def _vpc_rule_sources(rule: Mapping[str, Any]) -> list[Source]:
    """Sources of an `aws_vpc_security_group_ingress_rule` / `_egress_rule` (one each)."""
    desc = text(rule.get("description"))
    return [
        (kind, _group_ref(value) if kind == "security_groups" else str(value), desc)
        for kind, attr in VPC_RULE_SOURCES
        if (value := text(rule.get(attr))) is not None
    ]


def _desired_rules(
    tf: Sequence[DesiredResource], group: Mapping[str, Any] | None, group_id: str
) -> dict[str, _Rules]:
    """Both directions' rules: the group's inline blocks and every child rule, merged."""
    rules = {"ingress": _Rules(), "egress": _Rules()}
    for direction, found in rules.items():
        for inline in blocks(group.get(direction)) if group else []:
            key = rule_key(inline.get("protocol"), inline.get("from_port"), inline.get("to_port"))
            found.add(key, _inline_sources(inline, group_id))
    for owner in tf:
        attrs = owner.attributes
        if owner.iac_type == RULE and attrs.get("type") in rules:
            key = rule_key(attrs.get("protocol"), attrs.get("from_port"), attrs.get("to_port"))
            rules[str(attrs["type"])].add(key, _inline_sources(attrs, group_id))
        elif owner.iac_type in (INGRESS_RULE, EGRESS_RULE):
            direction = "ingress" if owner.iac_type == INGRESS_RULE else "egress"
            key = rule_key(attrs.get("ip_protocol"), attrs.get("from_port"), attrs.get("to_port"))
            rules[direction].add(key, _vpc_rule_sources(attrs))
    if group is not None and group.get("egress") is None and not rules["egress"].rules:
        rules["egress"].add(rule_key("-1", 0, 0), _inline_sources(DEFAULT_EGRESS, group_id))
    return rules


def project_desired(owners: Sequence[DesiredResource]) -> Attrs | None:
    tf = terraform_owners(owners)
    groups = attrs_of(tf, *GROUPS)
    if not groups and not attrs_of(tf, RULE, INGRESS_RULE, EGRESS_RULE):
        return None
    group = groups[0] if groups else None
    rules = _desired_rules(tf, group, group_id=tf[0].resource_id)
    return {
        "name": text(group.get("name")) if group else UNMANAGED,
        "description": text(group.get("description")) if group else UNMANAGED,
        "tags": desired_tags(group) if group else UNMANAGED,
        "ingress": rules["ingress"].project(),
        "egress": rules["egress"].project(),
    }


def _permission_sources(permission: Mapping[str, Any]) -> list[Source]:
    found: list[Source] = []
    for kind, field, attr in (
        ("cidr_blocks", "IpRanges", "CidrIp"),
        ("ipv6_cidr_blocks", "Ipv6Ranges", "CidrIpv6"),
        ("prefix_list_ids", "PrefixListIds", "PrefixListId"),
        ("security_groups", "UserIdGroupPairs", "GroupId"),
    ):
        for item in blocks(permission.get(field)):
            if (value := text(item.get(attr))) is not None:
                found.append((kind, value, text(item.get("Description"))))
    return found


def project_actual(raw: Mapping[str, Any]) -> Attrs:
    rules = {"ingress": _Rules(), "egress": _Rules()}
    for direction, field in (("ingress", "IpPermissions"), ("egress", "IpPermissionsEgress")):
        for permission in blocks(raw.get(field)):
            key = rule_key(
                permission.get("IpProtocol"), permission.get("FromPort"), permission.get("ToPort")
            )
            rules[direction].add(key, _permission_sources(permission))
    return {
        "name": text(raw.get("GroupName")),
        "description": text(raw.get("Description")),
        "tags": tag_map(raw.get("Tags")),
        "ingress": rules["ingress"].project(),
        "egress": rules["egress"].project(),
    }


IAC_TYPES = (*GROUPS, RULE, *VPC_RULES)
LIVE_TYPES.add(RESOURCE_TYPE, LiveType(RESOURCE_TYPE, project_desired, project_actual, IAC_TYPES))
