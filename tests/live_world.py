"""A Slack world whose environment is live in moto: a security group opened to SSH by hand (its
Terraform state says HTTPS only) and an S3 bucket made by hand, with the CloudTrail records of
both in a log file, `confirm: true` so checks read them live, and runbooks whose targets are
the local fakes (GitHub Actions, PagerDuty, incident.io, Jira, GitHub issues; codify on GitHub).
A test's "pipeline" puts the security group back (`revert_ssh`), as an applied Terraform
would."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from bot.shell.deps import FollowPolicy
from bot.shell.redis.connection import RedisTarget
from tests.fakes.github import FakeGitHub
from tests.fakes.incident_io import FakeIncidentIo
from tests.fakes.jira import FakeJira
from tests.fakes.pagerduty import FakePagerDuty
from tests.records import sso_identity
from tests.slack_world import APPROVERS, CHANNEL, ESCALATIONS, World, slack_world

ACCOUNT = "123456789012"  # moto's
REGION = "us-east-1"
ENV = "live"
REPO = "acme/infra"
GITHUB_TOKEN = "ghp_LIVEworldToken0123456789abcdefABCD"  # noqa: S105  (test fixtures)
ROUTING_KEY = "c0ffee00c0ffee00c0ffee00c0ffee00"
INCIDENT_TOKEN = "inc-LIVE-world-token-0123456789"  # noqa: S105
INCIDENT_SOURCE = "01GW2G3V0S59R238FAHPDS1R66"
JIRA_EMAIL = "bot@acme.example"
JIRA_TOKEN = "ATATT3xLIVEjiraToken0123456789"  # noqa: S105
SECRETS = (GITHUB_TOKEN, ROUTING_KEY, INCIDENT_TOKEN, JIRA_TOKEN)
BUCKET = "scratch-export"
PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]'


def rule(port: int, cidr: str, description: str = "") -> dict[str, Any]:
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


def trail(
    name: str, source: str, when: str, request: dict[str, Any], response: Any = None
) -> dict[str, Any]:
    return {
        "eventVersion": "1.11",
        "userIdentity": sso_identity("dev@example.com", ACCOUNT),
        "eventTime": when,
        "eventSource": source,
        "eventName": name,
        "awsRegion": REGION,
        "sourceIPAddress": "203.0.113.7",
        "userAgent": "AWS Internal",
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


@dataclass
class Live:
    """The world, its fakes, and the security group the runbook's pipeline reverts."""

    world: World
    github: FakeGitHub
    pagerduty: FakePagerDuty
    incident_io: FakeIncidentIo
    jira: FakeJira
    sg: str

    def revert_ssh(self, *_: object) -> None:
        ec2: Any = boto3.client("ec2", region_name=REGION)
        ssh = [
            {
                "IpProtocol": "tcp",
                "FromPort": 22,
                "ToPort": 22,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
            }
        ]
        ec2.revoke_security_group_ingress(GroupId=self.sg, IpPermissions=ssh)


def write_live(
    tmp: Path,
    sg: str,
    vpc: str,
    github: FakeGitHub,
    pagerduty: FakePagerDuty,
    incident_io: FakeIncidentIo,
    jira: FakeJira,
    auto_after: str | None,
) -> Path:
    state = {
        "version": 4,
        "terraform_version": "1.9.8",
        "serial": 1,
        "lineage": "live",
        "outputs": {},
        "resources": [
            {
                "mode": "managed",
                "type": "aws_security_group",
                "name": "web",
                "provider": PROVIDER,
                "instances": [
                    {
                        "schema_version": 1,
                        "attributes": {
                            "id": sg,
                            "arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:security-group/{sg}",
                            "name": "web",
                            "description": "Web",
                            "vpc_id": vpc,
                            "owner_id": ACCOUNT,
                            "tags": {},
                            "tags_all": {},
                            "ingress": [rule(443, "0.0.0.0/0", "https")],
                            "egress": [{**rule(0, "0.0.0.0/0"), "protocol": "-1"}],
                        },
                    }
                ],
            }
        ],
    }
    (tmp / "terraform.tfstate").write_text(json.dumps(state))
    ssh = {
        "items": [
            {
                "ipProtocol": "tcp",
                "fromPort": 22,
                "toPort": 22,
                "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0"}]},
            }
        ]
    }
    records = [
        trail(
            "AuthorizeSecurityGroupIngress",
            "ec2.amazonaws.com",
            "2026-11-23T09:14:09Z",
            {"groupId": sg, "ipPermissions": ssh},
            {"_return": True},
        ),
        trail(
            "CreateBucket",
            "s3.amazonaws.com",
            "2026-11-23T15:05:18Z",
            {"bucketName": BUCKET, "Host": f"{BUCKET}.s3.amazonaws.com"},
        ),
    ]
    (tmp / "trail.json").write_text(json.dumps({"Records": records}))
    runbooks = tmp / "runbooks"
    runbooks.mkdir()
    auto = f"\n    auto_after: {auto_after}" if auto_after else ""
    (runbooks / "sg-open.yml").write_text(
        f"""description: A security group was opened to the internet
when:
  resource_types: [AWS::EC2::SecurityGroup]
severity: critical
confirm:
  attributes: [ingress]
  ignore: ['ingress*.descriptions*']
fix:
  reapply:
    github_actions:
      repo: {REPO}
      workflow: drift-reapply.yml
      ref: main
      inputs: {{environment: "{{env}}", targets: "{{addresses}}", finding: "{{finding_id}}"}}
      token_env: DRIFT_GITHUB_TOKEN
      api_url: {github.base_url}
  escalate:
    channel: "{ESCALATIONS}"
    pagerduty:
      routing_key_env: DRIFT_PAGERDUTY_KEY
      api_url: "{pagerduty.base_url}"
    incident_io:
      alert_source_config_id: {INCIDENT_SOURCE}
      token_env: DRIFT_INCIDENT_IO_TOKEN
      api_url: "{incident_io.base_url}"
    jira:
      base_url: "{jira.base_url}"
      project: OPS
      issue_type: Task
      email_env: DRIFT_JIRA_EMAIL
      token_env: DRIFT_JIRA_TOKEN
    github_issue:
      repo: {REPO}
      labels: [drift]
      token_env: DRIFT_GITHUB_TOKEN
      api_url: "{github.base_url}"{auto}
  approvals: {{count: 1, requester_can_approve: false, expires_after: 4h}}
"""
    )
    (runbooks / "catch-all.yml").write_text(
        "description: Any other drift\nwhen: {}\nseverity: medium\n"
    )
    config = tmp / "drift.yml"
    config.write_text(
        f"""runbooks: ./runbooks
environments:
  {ENV}:
    account_id: "{ACCOUNT}"
    regions: [{REGION}]
    cloudtrail: {{source: files, path: ./trail.json}}
    state: [{{terraform: ./terraform.tfstate}}]
    confirm: true
    slack:
      channel: {CHANNEL}
      approvers: [{APPROVERS}]
      protected: true
      approvals: 2
      escalation_channel: {ESCALATIONS}
      baseline: false
    codify:
      github:
        repo: {REPO}
        base: main
        path: imports/
        token_env: DRIFT_GITHUB_TOKEN
        api_url: "{github.base_url}"
"""
    )
    return config


@contextmanager
def live_world(
    redis_target: RedisTarget,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    auto_after: str | None = None,
) -> Iterator[Live]:
    """The live world: moto, the fakes, the Slack world on a `live` environment."""
    with ExitStack() as stack:
        stack.enter_context(mock_aws())
        github = stack.enter_context(FakeGitHub())
        pagerduty = stack.enter_context(FakePagerDuty())
        incident_io = stack.enter_context(FakeIncidentIo())
        jira = stack.enter_context(FakeJira())
        github.add_token(
            GITHUB_TOKEN,
            {REPO},
            {"actions:write", "contents:write", "pull_requests:write", "issues:write"},
        )
        github.add_workflow(REPO, "drift-reapply.yml", {"environment", "targets", "finding"})
        pagerduty.routing_keys.add(ROUTING_KEY)
        incident_io.sources[INCIDENT_SOURCE] = INCIDENT_TOKEN
        jira.accounts[JIRA_EMAIL] = (JIRA_TOKEN, {"OPS"})
        for name, value in {
            "DRIFT_GITHUB_TOKEN": GITHUB_TOKEN,
            "DRIFT_PAGERDUTY_KEY": ROUTING_KEY,
            "DRIFT_INCIDENT_IO_TOKEN": INCIDENT_TOKEN,
            "DRIFT_JIRA_EMAIL": JIRA_EMAIL,
            "DRIFT_JIRA_TOKEN": JIRA_TOKEN,
        }.items():
            monkeypatch.setenv(name, value)
        ec2: Any = boto3.client("ec2", region_name=REGION)
        s3: Any = boto3.client("s3", region_name=REGION)
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
        ssh = [
            {
                "IpProtocol": "tcp",
                "FromPort": 22,
                "ToPort": 22,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
            }
        ]
        ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=ssh)
        s3.create_bucket(Bucket=BUCKET)

        def writer(tmp: Path, _port: int) -> Path:
            return write_live(tmp, sg, vpc, github, pagerduty, incident_io, jira, auto_after)

        world = stack.enter_context(slack_world(redis_target, tmp_path, monkeypatch, writer, ENV))
        world.follow = FollowPolicy(delays=(0.05,))
        live = Live(world, github, pagerduty, incident_io, jira, sg)
        github.on_completed = live.revert_ssh
        yield live
