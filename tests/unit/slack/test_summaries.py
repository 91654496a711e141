"""A change in words (bot/slack/summaries/, bot/slack/diff_words.py): each common change the
issue lists, from the CloudTrail call's request parameters as AWS logs them, and the generic
fallback; the live diff in words. Pure; no Slack."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest

from bot.catalog.console import CONSOLE_URLS, console_url, event_url
from bot.catalog.resource_types import RESOURCE_TYPES
from bot.drift.findings import AttributeChange, EventSummary
from bot.slack.diff_words import change_lines
from bot.slack.summaries import event_words, summarise


def said(
    name: str, request: dict[str, Any] | None, kind: str = "modified"
) -> tuple[str, list[str]]:
    event = EventSummary(
        event_id="e-1",
        event_name=name,
        event_time="2026-11-23T09:00:00Z",
        actor="dev@example.com",
        role=None,
        via="console",
        source_ip="203.0.113.7",
        request=request,
    )
    result = summarise(event, kind)
    return result.what, list(result.lines)


def permission(proto: str, low: int, high: int, cidr: str) -> dict[str, Any]:
    return {
        "ipPermissions": {
            "items": [
                {
                    "ipProtocol": proto,
                    "fromPort": low,
                    "toPort": high,
                    "ipRanges": {"items": [{"cidrIp": cidr}]},
                }
            ]
        }
    }


ENCODED_TRUST = quote(
    json.dumps(
        {
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"AWS": "arn:aws:iam::999988887777:root"},
                    "Action": "sts:AssumeRole",
                }
            ]
        }
    )
)

CASES = [
    (
        "AuthorizeSecurityGroupIngress",
        permission("tcp", 22, 22, "0.0.0.0/0"),
        "opened tcp/22 to 0.0.0.0/0",
        "+ ingress tcp 22 from 0.0.0.0/0",
    ),
    (
        "RevokeSecurityGroupEgress",
        permission("-1", -1, -1, "10.0.0.0/8"),
        "closed egress all traffic to 10.0.0.0/8",
        "- egress all traffic to 10.0.0.0/8",
    ),
    (
        "PutBucketPolicy",
        {
            "bucketPolicy": {
                "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}]
            }
        },
        "made public (s3:GetObject for everyone)",
        'policy: Principal "*" now allowed s3:GetObject',
    ),
    (
        "PutBucketPublicAccessBlock",
        {
            "PublicAccessBlockConfiguration": {
                "BlockPublicAcls": False,
                "IgnorePublicAcls": True,
                "BlockPublicPolicy": False,
                "RestrictPublicBuckets": True,
            }
        },
        "turned off public access block (BlockPublicAcls, BlockPublicPolicy)",
        "• BlockPublicAcls: false",
    ),
    ("PutBucketAcl", {"x-amz-acl": ["public-read"]}, "set ACL public-read", "• ACL: public-read"),
    ("DeleteBucketEncryption", {"bucketName": "b"}, "turned off default encryption", None),
    (
        "PutBucketVersioning",
        {"VersioningConfiguration": {"Status": "Suspended"}},
        "suspended versioning",
        "• versioning: Suspended",
    ),
    (
        "DetachRolePolicy",
        {"roleName": "r", "policyArn": "arn:aws:iam::aws:policy/ReadOnlyAccess"},
        "detached ReadOnlyAccess",
        "- policy ReadOnlyAccess",
    ),
    (
        "UpdateAssumeRolePolicy",
        {"roleName": "r", "policyDocument": ENCODED_TRUST},
        "changed the trust policy (now trusts arn:aws:iam::999988887777:root)",
        "trust: arn:aws:iam::999988887777:root may assume the role",
    ),
    (
        "ModifyInstanceAttribute",
        {"instanceId": "i-1", "instanceType": {"value": "m5.24xlarge"}},
        "changed the instance type to m5.24xlarge",
        "• instance type: m5.24xlarge",
    ),
    (
        "ModifyInstanceAttribute",
        {"instanceId": "i-1", "groupSet": {"items": [{"groupId": "sg-1"}]}},
        "set its security groups to sg-1",
        "• security groups: sg-1",
    ),
    (
        "ModifyDBInstance",
        {"dBInstanceIdentifier": "db", "deletionProtection": False},
        "turned off deletion protection",
        "• deletionProtection: false",
    ),
    (
        "ModifyDBInstance",
        {"dBInstanceIdentifier": "db", "publiclyAccessible": True},
        "made it publicly accessible",
        "• publiclyAccessible: true",
    ),
    (
        "UpdateFunctionCode20150331v2",
        {"functionName": "f", "s3Key": "builds/f-1.2.zip"},
        "deployed new code from f-1.2.zip",
        None,
    ),
    (
        "UpdateFunctionConfiguration20150331v2",
        {"functionName": "f", "environment": {"variables": {"DEBUG": "****", "URL": "****"}}},
        "changed environment variables (DEBUG, URL)",
        "• environment: DEBUG, URL",
    ),
    ("PutKeyPolicy", {"keyId": "k", "policy": "{}"}, "replaced the key policy", None),
    ("DisableKeyRotation", {"keyId": "k"}, "turned off key rotation", None),
    (
        "CreateRule",
        {"conditions": [{"field": "path-pattern", "values": ["/admin/*"]}]},
        "added a listener rule (path-pattern /admin/*)",
        None,
    ),
    (
        "AddListenerCertificates",
        {"certificates": [{"certificateArn": "a"}, {"certificateArn": "b"}]},
        "added 2 listener certificates",
        None,
    ),
    (
        "ModifyLoadBalancerAttributes",
        {"attributes": [{"key": "deletion_protection.enabled", "value": "false"}]},
        "turned off deletion protection",
        None,
    ),
    (
        "CreateTags",
        {"resourcesSet": {}, "tagSet": {"items": [{"key": "team", "value": "web"}]}},
        "tagged team=web",
        "+ tag team = web",
    ),
    (
        "UntagResource",
        {"resourceArn": "a", "tagKeys": ["owner"]},
        "removed tags owner",
        "- tag owner",
    ),
]


@pytest.mark.parametrize(("name", "request_", "what", "line"), CASES)
def test_common_changes_in_words(name, request_, what, line):
    got, lines = said(name, request_)
    assert got == what
    if line is not None:
        assert line in lines


def test_an_unknown_call_reads_as_its_name_in_words():
    assert said("PutResourcePolicyV2", {"x": 1}) == ("put resource policy v 2", [])
    assert event_words("UpdateFunctionConfiguration20150331v2") == "update function configuration"


def test_a_shape_nobody_expected_falls_back_to_the_generic_words():
    assert said("AuthorizeSecurityGroupIngress", {"ipPermissions": "garbage"})[0] == (
        "authorize security group ingress"
    )


def test_kinds_without_a_summariser():
    assert said("DeleteQueue", None, "deleted")[0] == "delete queue"
    assert said("StopLogging", None, "deleted")[0] == "deleted"
    assert said("CreateQueue", None, "unmanaged")[0] == "created"


def test_the_live_diff_in_words():
    rule = AttributeChange(
        path='ingress["tcp 22-22"].cidr_blocks',
        expected=["10.0.0.0/8"],
        actual=["0.0.0.0/0", "10.0.0.0/8"],
    )
    value = AttributeChange(path="instance_class", expected="db.t3.micro", actual="db.r6g.4xlarge")
    added = AttributeChange(path='tags["owner"]', expected=None, actual="bob")
    assert change_lines(rule, "modified") == ["+ ingress tcp 22 from 0.0.0.0/0"]
    assert change_lines(value, "modified") == ["~ instance_class: db.t3.micro → db.r6g.4xlarge"]
    assert change_lines(added, "modified") == ["+ tags owner bob"]


def test_console_urls_are_for_catalogued_types_and_fall_back_to_the_event_history():
    assert all(t in RESOURCE_TYPES for t in CONSOLE_URLS)
    assert console_url("AWS::IAM::Role", "app", "eu-west-1", "1").startswith(
        "https://us-east-1.console.aws.amazon.com/iam/home#/roles/details/app"
    )
    assert "#/events?ResourceName=q%2F1" in console_url("AWS::Foo::Bar", "q/1", "eu-west-1", "1")
    assert event_url("abc", "eu-west-1").endswith("cloudtrailv2/home?region=eu-west-1#/events/abc")
