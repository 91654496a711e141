"""EC2 and VPC calls in words: security group rules opened or closed, network ACL entries,
an instance's type and security groups, instances launched and terminated. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.messages.slack import changes as say
from bot.slack.summaries.base import Said, Summariser, items, listed, text

Rule = tuple[str, str, str]  # protocol, ports, sources


def _ports(low: Any, high: Any, protocol: str) -> str:
    if protocol in ("-1", "all") or low is None:
        return ""
    return str(low) if high in (None, low) else f"{low}-{high}"


def _sources(permission: Mapping[str, Any]) -> list[str]:
    out = [str(r.get("cidrIp")) for r in items(permission.get("ipRanges")) if r.get("cidrIp")]
    out += [
        str(r.get("cidrIpv6")) for r in items(permission.get("ipv6Ranges")) if r.get("cidrIpv6")
    ]
    out += [str(g.get("groupId")) for g in items(permission.get("groups")) if g.get("groupId")]
    out += [
        str(p.get("prefixListId"))
        for p in items(permission.get("prefixListIds"))
        if p.get("prefixListId")
    ]
    return out


def _rules(request: Mapping[str, Any]) -> list[Rule]:
    rules: list[Rule] = []
    for p in items(request.get("ipPermissions")):
        if not isinstance(p, Mapping):
            continue
        protocol = str(p.get("ipProtocol", "-1"))
        ports = _ports(p.get("fromPort"), p.get("toPort"), protocol)
        rules.append((protocol, ports, listed(_sources(p)) or "?"))
    if not rules and request.get("cidrIp"):  # the old flat form
        protocol = str(request.get("ipProtocol", "-1"))
        ports = _ports(request.get("fromPort"), request.get("toPort"), protocol)
        rules.append((protocol, ports, str(request["cidrIp"])))
    return rules


def _rule_change(added: bool, egress: bool) -> Summariser:
    direction = "egress" if egress else "ingress"

    def summarise(request: Mapping[str, Any]) -> Said | None:
        rules = _rules(request)
        if not rules:
            return None
        protocol, ports, sources = rules[0]
        verb = say.opened if added else say.closed
        what = verb(say.rule_text(protocol, ports), sources, egress)
        if len(rules) > 1:
            what += f" {say.and_more(len(rules) - 1)}"
        lines = tuple(say.rule_line(added, direction, p, ports_, s) for p, ports_, s in rules)
        return Said(what, lines)

    return summarise


def _modify_rules(request: Mapping[str, Any]) -> Said | None:
    changed = items(request.get("securityGroupRules") or request.get("SecurityGroupRules"))
    lines = []
    for entry in changed:
        rule = entry.get("securityGroupRule") or entry.get("SecurityGroupRule") or {}
        protocol = str(rule.get("ipProtocol") or rule.get("IpProtocol") or "-1")
        ports = _ports(
            rule.get("fromPort") or rule.get("FromPort"),
            rule.get("toPort") or rule.get("ToPort"),
            protocol,
        )
        source = (
            rule.get("cidrIpv4") or rule.get("CidrIpv4") or rule.get("referencedGroupId") or "?"
        )
        lines.append(say.rule_line(True, "rule", protocol, ports, str(source)))
    return Said(say.rules_modified(len(changed)), tuple(lines)) if changed else None


def _acl_entry(added: bool | None) -> Summariser:
    def summarise(request: Mapping[str, Any]) -> Said | None:
        rule = text(request.get("ruleNumber", "?"))
        egress = bool(request.get("egress"))
        if added is False:
            return Said(say.acl_deleted(rule), (say.acl_entry(False, rule, "", "", egress),))
        action = text(request.get("ruleAction", "?"))
        cidr = text(request.get("cidrBlock") or request.get("ipv6CidrBlock") or "?")
        line = say.acl_entry(True, rule, action, cidr, egress)
        return Said(say.acl_changed(rule, action, cidr), (line,))

    return summarise


def _modify_instance(request: Mapping[str, Any]) -> Said | None:
    if request.get("instanceType") is not None:
        kind = text(request["instanceType"])
        return Said(say.instance_type_changed(kind), (say.value_line("instance type", kind),))
    groups = [g.get("groupId") for g in items(request.get("groupSet")) if isinstance(g, Mapping)]
    if groups:
        shown = listed(groups)
        return Said(say.security_groups_changed(shown), (say.value_line("security groups", shown),))
    for key, value in request.items():
        if key not in ("instanceId", "attribute"):
            return Said(say.attribute_set(key, text(value)), (say.value_line(key, text(value)),))
    return None


def _run_instances(request: Mapping[str, Any]) -> Said | None:
    kind = text(request.get("instanceType") or "")
    return Said(say.launched(kind), (say.value_line("instance type", kind),) if kind else ())


def _terminate(request: Mapping[str, Any]) -> Said | None:
    return Said(say.terminated())


SUMMARISERS: dict[str, Summariser] = {
    "AuthorizeSecurityGroupIngress": _rule_change(True, False),
    "AuthorizeSecurityGroupEgress": _rule_change(True, True),
    "RevokeSecurityGroupIngress": _rule_change(False, False),
    "RevokeSecurityGroupEgress": _rule_change(False, True),
    "ModifySecurityGroupRules": _modify_rules,
    "CreateNetworkAclEntry": _acl_entry(True),
    "ReplaceNetworkAclEntry": _acl_entry(None),
    "DeleteNetworkAclEntry": _acl_entry(False),
    "ModifyInstanceAttribute": _modify_instance,
    "ModifyNetworkInterfaceAttribute": _modify_instance,
    "RunInstances": _run_instances,
    "TerminateInstances": _terminate,
}
