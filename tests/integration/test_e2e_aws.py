"""End to end against a moto account: resources, a Terraform state describing them, hand
changes made through boto3, the CloudTrail records of those changes served by LookupEvents (moto
has none, so a botocore hook answers it), and the findings asserted down to `changes`."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse, HTTPHeaders
from moto import mock_aws

from bot.config.drift import parse_config
from bot.drift.report import render_json, render_text
from bot.shell.check import CheckOptions, CheckOutcome, run_check_async
from tests.records import sso_identity, user_identity

ACCOUNT = "123456789012"  # moto's
REGION = "us-east-1"
START = datetime(2026, 11, 23, tzinfo=UTC)
END = datetime(2026, 11, 24, tzinfo=UTC)
PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]'


def record(name: str, source: str, when: str, request: dict, response: Any = None, **kw) -> dict:
    """A CloudTrail record of a call, in the shape CloudTrail writes."""
    return {
        "eventVersion": "1.11",
        "userIdentity": kw.get("identity", sso_identity("dev@example.com", ACCOUNT)),
        "eventTime": when,
        "eventSource": source,
        "eventName": name,
        "awsRegion": REGION,
        "sourceIPAddress": "203.0.113.7",
        "userAgent": kw.get("agent", "AWS Internal"),
        "requestParameters": request,
        "responseElements": response,
        "requestID": str(uuid.uuid4()),
        "eventID": str(uuid.uuid4()),
        "readOnly": False,
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": ACCOUNT,
        "eventCategory": "Management",
    }


def lookup_events_from(records: list[dict], calls: list[dict]):
    """Sessions whose CloudTrail LookupEvents answers with `records` (everything else: moto)."""

    def answer(params, **_):
        body = json.loads(params["body"])
        calls.append(body)
        events = [{"EventId": r["eventID"], "CloudTrailEvent": json.dumps(r)} for r in records]
        return AWSResponse("https://cloudtrail", 200, HTTPHeaders(), None), {"Events": events}

    def factory():
        session = boto3.Session(region_name=REGION)
        session.events.register("before-call.cloudtrail.LookupEvents", answer)
        return session

    return factory


def state(*resources: tuple[str, str, dict]) -> dict:
    return {
        "version": 4,
        "terraform_version": "1.9.8",
        "serial": 7,
        "lineage": "e2e",
        "outputs": {},
        "resources": [
            {
                "mode": "managed",
                "type": t,
                "name": n,
                "provider": PROVIDER,
                "instances": [{"schema_version": 0, "attributes": a}],
            }
            for t, n, a in resources
        ],
    }


def sg_rule(port: int, cidr: str, description: str = "") -> dict:
    return {
        "cidr_blocks": [cidr],
        "description": description,
        "from_port": port,
        "ipv6_cidr_blocks": [],
        "prefix_list_ids": [],
        "protocol": "tcp",
        "security_groups": [],
        "self": False,
        "to_port": port,
    }


@pytest.fixture
def account(tmp_path: Path):
    """A moto account with a security group, two buckets and a topic, their Terraform state,
    the hand changes, and the CloudTrail records of those changes."""
    with mock_aws():
        ec2: Any = boto3.client("ec2", region_name=REGION)
        s3: Any = boto3.client("s3", region_name=REGION)
        sns: Any = boto3.client("sns", region_name=REGION)
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        sg = ec2.create_security_group(GroupName="web", Description="Web", VpcId=vpc)["GroupId"]
        https = [
            {
                "IpProtocol": "tcp",
                "FromPort": 443,
                "ToPort": 443,
                "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "https"}],
            }
        ]
        ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=https)
        for bucket in ("e2e-logs", "e2e-assets"):
            s3.create_bucket(Bucket=bucket)
        topic = sns.create_topic(Name="alerts")["TopicArn"]
        tfstate = state(
            (
                "aws_security_group",
                "web",
                {
                    "id": sg,
                    "arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:security-group/{sg}",
                    "name": "web",
                    "description": "Web",
                    "vpc_id": vpc,
                    "owner_id": ACCOUNT,
                    "tags": {},
                    "tags_all": {},
                    "ingress": [sg_rule(443, "0.0.0.0/0", "https")],
                    "egress": [{**sg_rule(0, "0.0.0.0/0"), "protocol": "-1"}],
                },
            ),
            # Provider v4+ records the policy it read; "" is "no policy".
            (
                "aws_s3_bucket",
                "logs",
                {
                    "id": "e2e-logs",
                    "bucket": "e2e-logs",
                    "policy": "",
                    "arn": "arn:aws:s3:::e2e-logs",
                    "tags": {},
                    "tags_all": {},
                },
            ),
            (
                "aws_s3_bucket",
                "assets",
                {
                    "id": "e2e-assets",
                    "bucket": "e2e-assets",
                    "policy": "",
                    "arn": "arn:aws:s3:::e2e-assets",
                    "tags": {},
                    "tags_all": {},
                },
            ),
            ("aws_sns_topic", "alerts", {"id": topic, "arn": topic, "name": "alerts"}),
        )
        (tmp_path / "terraform.tfstate").write_text(json.dumps(tfstate))

        # The hand changes, made the way a person would: SSH opened to the world; a public
        # policy put on one bucket; a policy put on the other and removed again (reverted);
        # the topic's display name changed (no live reader for SNS topics yet).
        ssh = [
            {
                "IpProtocol": "tcp",
                "FromPort": 22,
                "ToPort": 22,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
            }
        ]
        ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=ssh)
        public = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": "arn:aws:s3:::e2e-logs/*",
                }
            ],
        }
        s3.put_bucket_policy(Bucket="e2e-logs", Policy=json.dumps(public))
        s3.put_bucket_policy(
            Bucket="e2e-assets", Policy=json.dumps(public).replace("logs", "assets")
        )
        s3.delete_bucket_policy(Bucket="e2e-assets")
        sns.set_topic_attributes(TopicArn=topic, AttributeName="DisplayName", AttributeValue="x")

        records = [
            record(
                "AuthorizeSecurityGroupIngress",
                "ec2.amazonaws.com",
                "2026-11-23T09:14:09Z",
                {
                    "groupId": sg,
                    "ipPermissions": {
                        "items": [
                            {
                                "ipProtocol": "tcp",
                                "fromPort": 22,
                                "toPort": 22,
                                "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0"}]},
                            }
                        ]
                    },
                },
                {"_return": True},
            ),
            record(
                "PutBucketPolicy",
                "s3.amazonaws.com",
                "2026-11-23T10:02:41Z",
                {"bucketName": "e2e-logs", "bucketPolicy": public},
                identity=user_identity("alice", ACCOUNT),
                agent="aws-cli/2.22.4",
            ),
            record(
                "PutBucketPolicy",
                "s3.amazonaws.com",
                "2026-11-23T11:00:00Z",
                {"bucketName": "e2e-assets", "bucketPolicy": public},
                identity=user_identity("alice", ACCOUNT),
                agent="aws-cli/2.22.4",
            ),
            record(
                "DeleteBucketPolicy",
                "s3.amazonaws.com",
                "2026-11-23T11:05:00Z",
                {"bucketName": "e2e-assets"},
                identity=user_identity("alice", ACCOUNT),
                agent="aws-cli/2.22.4",
            ),
            record(
                "SetTopicAttributes",
                "sns.amazonaws.com",
                "2026-11-23T12:00:00Z",
                {"topicArn": topic, "attributeName": "DisplayName", "attributeValue": "x"},
            ),
        ]
        config = tmp_path / "drift.yml"
        config.write_text(
            "environments:\n  e2e:\n"
            f'    account_id: "{ACCOUNT}"\n    regions: [{REGION}]\n'
            "    cloudtrail: {source: lookup_events}\n"
            "    state:\n      - terraform: ./terraform.tfstate\n"
        )
        yield {"config": config, "records": records, "sg": sg, "topic": topic}


def check(account: dict, calls: list[dict]) -> CheckOutcome:
    loaded = parse_config(account["config"].read_text(), account["config"])
    options = CheckOptions(session_factory=lookup_events_from(account["records"], calls))
    return asyncio.run(run_check_async(loaded, "e2e", START, END, options))


def test_hand_changes_are_confirmed_down_to_the_changed_attributes(account):
    """The SSH rule and the public policy are confirmed drift with their exact changes."""
    calls: list[dict] = []

    outcome = check(account, calls)

    findings = {f.resource_id: f for f in outcome.report.findings}
    sg = findings[account["sg"]]
    assert (sg.kind, sg.confirmed) == ("modified", True)
    assert [(c.path, c.expected, c.actual) for c in sg.changes] == [
        (
            'ingress["tcp 22-22"]',
            None,
            {
                "cidr_blocks": ["0.0.0.0/0"],
                "ipv6_cidr_blocks": [],
                "prefix_list_ids": [],
                "security_groups": [],
                "descriptions": {},
            },
        )
    ]
    assert sg.api_calls == ["ec2:DescribeSecurityGroups"]
    logs = findings["e2e-logs"]
    assert (logs.kind, logs.confirmed, [c.path for c in logs.changes]) == (
        "modified",
        True,
        ["policy"],
    )
    assert logs.changes[0].expected is None
    assert logs.events[0].actor == "alice"
    assert logs.events[0].via == "cli"


def test_a_reverted_change_is_resolved_not_drift(account):
    """A policy put and removed again: `confirmed: false`, shown as resolved in the text."""
    outcome = check(account, [])

    assets = next(f for f in outcome.report.findings if f.resource_id == "e2e-assets")
    text = render_text(outcome.report)

    assert (assets.confirmed, assets.changes) == (False, [])
    assert not assets.is_drift
    assert "Resolved: changed by hand, but the live resource matches IaC again (1)" in text
    assert "e2e-assets" in text.split("Resolved:")[1]


def test_a_read_that_fails_is_unconfirmed_with_a_reason(account):
    """SNS topics are read through Cloud Control, which moto does not serve (it answers 404
    "Not yet implemented"): `confirmed: null` and the reason naming the call, in JSON and text.
    (tests/integration/test_cloud_control.py reads them through botocore's Stubber.)"""
    outcome = check(account, [])

    topic = next(f for f in outcome.report.findings if f.resource_id == account["topic"])
    doc = json.loads(render_json(outcome.report))
    text = render_text(outcome.report)

    assert topic.confirmed is None
    assert topic.reason == (
        f"`cloudformation:GetResource` for `{account['topic']}` failed: 404 (Not yet implemented)."
    )
    assert topic.api_calls == ["cloudformation:GetResource"]
    as_json = next(f for f in doc["findings"] if f["resource_id"] == account["topic"])
    assert (as_json["confirmed"], as_json["changes"]) == (None, [])
    assert f"{account['topic']}: not confirmed: `cloudformation:GetResource`" in text


def test_lookup_events_asked_once_per_region_with_the_window(account):
    """LookupEvents was asked for writes only, 50 a page, over the window; the report counts it."""
    calls: list[dict] = []

    outcome = check(account, calls)

    assert calls == [
        {
            "LookupAttributes": [{"AttributeKey": "ReadOnly", "AttributeValue": "false"}],
            "StartTime": START.timestamp(),
            "EndTime": END.timestamp(),
            "MaxResults": 50,
        }
    ]
    assert outcome.report.cloudtrail == {"source": "lookup_events", "api_calls": 1}
    assert outcome.report.has_drift
