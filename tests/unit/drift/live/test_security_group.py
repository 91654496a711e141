"""AWS::EC2::SecurityGroup: the state's group and its rule resources against
DescribeSecurityGroups."""

from __future__ import annotations

from typing import Any

from bot.drift.live.security_group import rule_key
from tests.live_state import ACCOUNT, change, check, owners, security_group

SG = "sg-0a11b22c33d44e55f"
SG_TYPE = "AWS::EC2::SecurityGroup"


def _group(**over: Any) -> dict[str, Any]:
    return security_group(SG, **over)


def _live_group(ingress: list[dict[str, Any]], egress: list[dict[str, Any]] | None = None):
    return {
        "GroupId": SG,
        "GroupName": "web",
        "Description": "Web",
        "OwnerId": ACCOUNT,
        "Tags": [{"Key": "Name", "Value": "web"}],
        "IpPermissions": ingress,
        "IpPermissionsEgress": egress
        if egress is not None
        else [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
    }


SSH: dict[str, Any] = {
    "IpProtocol": "tcp",
    "FromPort": 22,
    "ToPort": 22,
    "IpRanges": [{"CidrIp": "10.0.0.0/8", "Description": "ssh"}],
}


def test_rule_keys_name_protocols_and_keep_ports_where_they_apply():
    """-1/all, 6/tcp and 58/icmpv6 read alike; ports only for tcp, udp, icmp and icmpv6."""
    keys = [
        rule_key("-1", 0, 0),
        rule_key("all", None, None),
        rule_key("6", 22, 22),
        rule_key("58", -1, -1),
        rule_key("50", 10, 55),
    ]

    assert keys == ["all", "all", "tcp 22-22", "icmpv6 -1--1", "50"]


def test_security_group_matching_the_state_has_no_changes():
    """The inline rules of the state against the same rules read live."""
    found = owners(SG_TYPE, SG, ("aws_security_group", _group()))

    assert check(SG_TYPE, found, _live_group([SSH])) == []


def test_added_source_and_rule_are_reported_by_rule_key():
    """A CIDR added to the SSH rule and a new HTTPS rule, as paths under `ingress`."""
    found = owners(SG_TYPE, SG, ("aws_security_group", _group()))
    ssh = dict(SSH, IpRanges=[*SSH["IpRanges"], {"CidrIp": "0.0.0.0/0"}])
    https = {
        "IpProtocol": "6",
        "FromPort": 443,
        "ToPort": 443,
        "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
    }

    changes = check(SG_TYPE, found, _live_group([ssh, https]))

    assert changes == [
        change('ingress["tcp 22-22"].cidr_blocks', ["10.0.0.0/8"], ["0.0.0.0/0", "10.0.0.0/8"]),
        change(
            'ingress["tcp 443-443"]',
            None,
            {
                "cidr_blocks": ["0.0.0.0/0"],
                "ipv6_cidr_blocks": [],
                "prefix_list_ids": [],
                "security_groups": [],
                "descriptions": {},
            },
        ),
    ]


def test_child_rules_of_every_kind_join_the_group_rules():
    """`aws_security_group_rule` (self) and `aws_vpc_security_group_ingress_rule` add rules."""
    rule = {
        "type": "ingress",
        "protocol": "-1",
        "from_port": 0,
        "to_port": 0,
        "self": True,
        "security_group_id": SG,
        "cidr_blocks": None,
        "ipv6_cidr_blocks": None,
        "prefix_list_ids": None,
        "source_security_group_id": SG,
        "description": "",
    }
    vpc_rule = {
        "security_group_id": SG,
        "ip_protocol": "tcp",
        "from_port": 443,
        "to_port": 443,
        "cidr_ipv6": "::/0",
        "cidr_ipv4": None,
        "description": "web",
        "security_group_rule_id": "sgr-1",
        "tags": None,
        "tags_all": {},
    }
    found = owners(
        SG_TYPE,
        SG,
        ("aws_security_group", _group(ingress=[])),
        ("aws_security_group_rule", rule),
        ("aws_vpc_security_group_ingress_rule", vpc_rule),
    )
    live = _live_group(
        [
            {"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": SG, "UserId": ACCOUNT}]},
            {
                "IpProtocol": "tcp",
                "FromPort": 443,
                "ToPort": 443,
                "Ipv6Ranges": [{"CidrIpv6": "::/0", "Description": "web"}],
            },
        ]
    )

    assert check(SG_TYPE, found, live) == []


def test_a_group_whose_state_records_no_egress_expects_the_default_rule():
    """No `egress` at all in the state: AWS's allow-all egress is what it should have."""
    attrs = _group()
    del attrs["egress"]
    found = owners(SG_TYPE, SG, ("aws_security_group", attrs))

    assert check(SG_TYPE, found, _live_group([SSH])) == []


def test_revoked_default_egress_is_a_change_when_the_state_keeps_it():
    """The state's allow-all egress rule, gone live."""
    found = owners(SG_TYPE, SG, ("aws_security_group", _group()))

    changes = check(SG_TYPE, found, _live_group([SSH], egress=[]))

    assert [c.path for c in changes] == ["egress.all"]


def test_only_child_rules_in_the_state_leave_name_and_tags_unmanaged():
    """A group known only through its rules: rules are compared, its tags are not."""
    rule = {
        "type": "ingress",
        "protocol": "tcp",
        "from_port": 22,
        "to_port": 22,
        "self": False,
        "cidr_blocks": ["10.0.0.0/8"],
        "security_group_id": SG,
        "description": "ssh",
    }
    found = owners(SG_TYPE, SG, ("aws_security_group_rule", rule))
    live = _live_group([SSH], egress=[]) | {"Tags": [{"Key": "x", "Value": "y"}]}

    assert check(SG_TYPE, found, live) == []
