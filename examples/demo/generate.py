"""Writes the demo environment: a Terraform state and a day of CloudTrail logs (S3 layout).

    python -m examples.demo.generate [--out examples/demo]

Deterministic: the same files every run. The day (2026-11-23, UTC) holds ~6,000 records of
read-only and AWS-service noise in two regions, and these changes:

- by people, through AWS SSO (console), IAM users (CLI) and an SDK script: a security group
  opened to the internet, a bucket policy replaced, a database's backups cut, a role given
  AdministratorAccess, a Lambda function reconfigured (modified); an instance terminated
  (deleted); a bucket and an instance created by hand (unmanaged); a security group created
  and deleted again within the day (not reported);
- by the pipeline role `terraform-ci` (skipped: it is the IaC's own identity);
- failed calls (AccessDenied, UnauthorizedOperation), which changed nothing.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from examples.synth import (
    CLI_UA,
    CONSOLE_UA,
    SDK_UA,
    TERRAFORM_UA,
    Identities,
    Record,
    noise,
    record,
    write_log_files,
)

ACCOUNT = "111122223333"
REGIONS = ("us-east-1", "eu-west-1")
DAY = datetime(2026, 11, 23, tzinfo=UTC)
SG_WEB, SG_DB = "sg-0a11b22c33d44e55f", "sg-0b22c33d44e55f661"
SG_EU = "sg-0c33d44e55f66a772"
APP_INSTANCES = ("i-0123456789abcdef0", "i-0fedcba9876543210")
LOGS_BUCKET, ASSETS_BUCKET = "demo-logs-111122223333", "demo-assets-111122223333"
AWS_PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]'


def at(hour: int, minute: int, second: int = 0) -> datetime:
    return DAY + timedelta(hours=hour, minutes=minute, seconds=second)


def changes(ids: Identities, rng: random.Random) -> list[tuple[str, Record]]:
    """The day's changes as (region, record)."""
    dev = ids.sso("dev@example.com")
    ops = ids.sso("ops@example.com")
    alice, bob, intern = ids.iam_user("alice"), ids.iam_user("bob"), ids.iam_user("intern")
    ci = ids.assumed_role("terraform-ci", "gh-actions-run-4411")
    use1, euw1 = "us-east-1", "eu-west-1"

    def rec(region: str, when: datetime, **kw: Any) -> tuple[str, Record]:
        return region, record(when=when, account=ACCOUNT, region=region, rng=rng, **kw)

    out = [
        rec(
            use1,
            at(9, 14, 9),
            source="ec2.amazonaws.com",
            name="AuthorizeSecurityGroupIngress",
            identity=dev,
            agent=CONSOLE_UA,
            ip="203.0.113.7",
            console=True,
            request={
                "groupId": SG_WEB,
                "ipPermissions": {
                    "items": [
                        {
                            "ipProtocol": "tcp",
                            "fromPort": 22,
                            "toPort": 22,
                            "ipRanges": {
                                "items": [{"cidrIp": "0.0.0.0/0", "description": "debug"}]
                            },
                        }
                    ]
                },
            },
            response={
                "requestId": "5f1d3c2a-1111-4c3b-9a0e-0e1f2a3b4c5d",
                "_return": True,
                "securityGroupRuleSet": {
                    "items": [
                        {
                            "groupOwnerId": ACCOUNT,
                            "groupId": SG_WEB,
                            "securityGroupRuleId": "sgr-0e1d2c3b4a5968778",
                            "isEgress": False,
                            "ipProtocol": "tcp",
                            "fromPort": 22,
                            "toPort": 22,
                            "cidrIpv4": "0.0.0.0/0",
                            "description": "debug",
                        }
                    ]
                },
            },
        ),
        rec(
            use1,
            at(10, 2, 41),
            source="s3.amazonaws.com",
            name="PutBucketPolicy",
            identity=alice,
            agent=CLI_UA,
            ip="198.51.100.34",
            request={
                "bucketName": LOGS_BUCKET,
                "Host": f"{LOGS_BUCKET}.s3.amazonaws.com",
                "policy": "",
                "bucketPolicy": {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": "*",
                            "Action": "s3:GetObject",
                            "Resource": f"arn:aws:s3:::{LOGS_BUCKET}/*",
                        }
                    ],
                },
            },
        ),
        rec(
            use1,
            at(11, 30, 5),
            source="rds.amazonaws.com",
            name="ModifyDBInstance",
            identity=ops,
            agent=CONSOLE_UA,
            ip="203.0.113.9",
            console=True,
            request={
                "dBInstanceIdentifier": "orders-db",
                "backupRetentionPeriod": 1,
                "applyImmediately": True,
            },
            response={
                "dBInstanceIdentifier": "orders-db",
                "backupRetentionPeriod": 1,
                "dBInstanceArn": f"arn:aws:rds:us-east-1:{ACCOUNT}:db:orders-db",
                "dbiResourceId": "db-ABCDEFGHIJKLMNOPQRSTUVWXY1",
            },
        ),
        rec(
            use1,
            at(12, 0, 30),
            source="ec2.amazonaws.com",
            name="AuthorizeSecurityGroupIngress",
            identity=ci,
            agent=TERRAFORM_UA,
            ip="198.51.100.20",
            request={
                "groupId": SG_DB,
                "ipPermissions": {
                    "items": [
                        {
                            "ipProtocol": "tcp",
                            "fromPort": 5432,
                            "toPort": 5432,
                            "groups": {"items": [{"groupId": SG_WEB}]},
                        }
                    ]
                },
            },
            response={"_return": True},
        ),
        rec(
            use1,
            at(13, 45, 12),
            source="ec2.amazonaws.com",
            name="TerminateInstances",
            identity=bob,
            agent=CLI_UA,
            ip="198.51.100.77",
            request={"instancesSet": {"items": [{"instanceId": APP_INSTANCES[1]}]}},
            response={
                "instancesSet": {
                    "items": [
                        {
                            "instanceId": APP_INSTANCES[1],
                            "currentState": {"code": 32, "name": "shutting-down"},
                            "previousState": {"code": 16, "name": "running"},
                        }
                    ]
                }
            },
        ),
        rec(
            use1,
            at(14, 20, 3),
            source="iam.amazonaws.com",
            name="AttachRolePolicy",
            identity=alice,
            agent=CLI_UA,
            ip="198.51.100.34",
            request={
                "roleName": "app-runtime",
                "policyArn": "arn:aws:iam::aws:policy/AdministratorAccess",
            },
        ),
        rec(
            use1,
            at(14, 52, 40),
            source="lambda.amazonaws.com",
            name="UpdateFunctionConfiguration20150331v2",
            identity=ops,
            agent=CONSOLE_UA,
            ip="203.0.113.9",
            console=True,
            request={"functionName": "thumbnailer", "timeout": 900, "memorySize": 3008},
            response={
                "functionName": "thumbnailer",
                "timeout": 900,
                "memorySize": 3008,
                "functionArn": f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:thumbnailer",
            },
        ),
        rec(
            use1,
            at(15, 5, 18),
            source="s3.amazonaws.com",
            name="CreateBucket",
            identity=dev,
            agent=CONSOLE_UA,
            ip="203.0.113.7",
            console=True,
            request={"bucketName": "demo-scratch-export", "Host": "s3.amazonaws.com"},
        ),
        rec(
            euw1,
            at(15, 40, 55),
            source="ec2.amazonaws.com",
            name="RunInstances",
            identity=dev,
            agent=SDK_UA,
            ip="203.0.113.7",
            request={
                "instancesSet": {
                    "items": [{"imageId": "ami-0abcdef1234567890", "minCount": 1, "maxCount": 1}]
                },
                "instanceType": "t3.large",
            },
            response={
                "instancesSet": {
                    "items": [{"instanceId": "i-0aaaabbbbccccdddd", "instanceType": "t3.large"}]
                }
            },
        ),
        rec(
            use1,
            at(16, 10, 0),
            source="ec2.amazonaws.com",
            name="CreateSecurityGroup",
            identity=dev,
            agent=CONSOLE_UA,
            ip="203.0.113.7",
            console=True,
            request={
                "groupName": "tmp-debug",
                "groupDescription": "debug",
                "vpcId": "vpc-0f1e2d3c4b5a69788",
            },
            response={"_return": True, "groupId": "sg-0deadbeef0000111a"},
        ),
        rec(
            use1,
            at(16, 25, 30),
            source="ec2.amazonaws.com",
            name="DeleteSecurityGroup",
            identity=dev,
            agent=CONSOLE_UA,
            ip="203.0.113.7",
            console=True,
            request={"groupId": "sg-0deadbeef0000111a"},
            response={"_return": True},
        ),
        rec(
            use1,
            at(17, 0, 2),
            source="s3.amazonaws.com",
            name="DeleteBucket",
            identity=intern,
            agent=CLI_UA,
            ip="198.51.100.99",
            request={"bucketName": LOGS_BUCKET, "Host": f"{LOGS_BUCKET}.s3.amazonaws.com"},
            error=("AccessDenied", "Access Denied"),
        ),
        rec(
            euw1,
            at(17, 5, 44),
            source="ec2.amazonaws.com",
            name="RunInstances",
            identity=intern,
            agent=CLI_UA,
            ip="198.51.100.99",
            request={
                "instancesSet": {"items": [{"imageId": "ami-0abcdef1234567890"}]},
                "instanceType": "p5.48xlarge",
            },
            error=("Client.UnauthorizedOperation", "You are not authorized"),
        ),
        rec(
            euw1,
            at(18, 30, 0),
            source="ec2.amazonaws.com",
            name="CreateTags",
            identity=ci,
            agent=TERRAFORM_UA,
            ip="198.51.100.20",
            request={
                "resourcesSet": {"items": [{"resourceId": SG_EU}]},
                "tagSet": {"items": [{"key": "team", "value": "web"}]},
            },
            response={"_return": True},
        ),
    ]
    return out


def logs(out: Path) -> int:
    """Write the day's CloudTrail files under out/cloudtrail; returns the number of records."""
    rng = random.Random(20261123)
    ids = Identities(ACCOUNT)
    by_region: dict[str, list[Record]] = {r: [] for r in REGIONS}
    for region, rec in changes(ids, rng):
        by_region[region].append(rec)
    total = 0
    for region in REGIONS:
        when = DAY
        while when < DAY + timedelta(days=1):
            by_region[region].append(noise(rng, ids, ACCOUNT, region, when))
            when += timedelta(seconds=rng.randrange(10, 40))
        records = sorted(by_region[region], key=lambda r: r["eventTime"])
        total += len(records)
        write_log_files(
            out / "cloudtrail", records, account=ACCOUNT, region=region, every=timedelta(minutes=30)
        )
    return total


def state() -> dict[str, Any]:
    """A Terraform 1.9 / AWS provider 5 state for the demo's managed resources."""

    def resource(
        type_: str, name: str, instances: list[tuple[object, dict[str, Any]]], **extra: Any
    ) -> dict[str, Any]:
        return {
            **extra,
            "mode": "managed",
            "type": type_,
            "name": name,
            "provider": extra.pop("provider", AWS_PROVIDER),
            "instances": [
                {
                    "schema_version": 0,
                    "attributes": attrs,
                    "sensitive_attributes": [],
                    **({"index_key": key} if key is not None else {}),
                }
                for key, attrs in instances
            ],
        }

    arn = f"arn:aws:iam::{ACCOUNT}"
    resources = [
        resource(
            "aws_vpc",
            "main",
            [(None, {"id": "vpc-0f1e2d3c4b5a69788", "cidr_block": "10.0.0.0/16"})],
            module="module.network",
        ),
        resource(
            "aws_security_group",
            "web",
            [
                (
                    None,
                    {
                        "id": SG_WEB,
                        "name": "web",
                        "vpc_id": "vpc-0f1e2d3c4b5a69788",
                        "arn": f"arn:aws:ec2:us-east-1:{ACCOUNT}:security-group/{SG_WEB}",
                        "ingress": [
                            {
                                "cidr_blocks": ["0.0.0.0/0"],
                                "from_port": 443,
                                "to_port": 443,
                                "protocol": "tcp",
                                "description": "https",
                            }
                        ],
                    },
                )
            ],
            module="module.network",
        ),
        resource(
            "aws_security_group",
            "db",
            [(None, {"id": SG_DB, "name": "db"})],
            module="module.network",
        ),
        resource(
            "aws_security_group_rule",
            "db_from_web",
            [
                (
                    None,
                    {
                        "id": "sgrule-1794835432",
                        "security_group_id": SG_DB,
                        "type": "ingress",
                        "from_port": 5432,
                        "to_port": 5432,
                        "protocol": "tcp",
                        "source_security_group_id": SG_WEB,
                    },
                )
            ],
            module="module.network",
        ),
        resource(
            "aws_s3_bucket",
            "buckets",
            [
                (
                    "logs",
                    {
                        "id": LOGS_BUCKET,
                        "bucket": LOGS_BUCKET,
                        "arn": f"arn:aws:s3:::{LOGS_BUCKET}",
                    },
                ),
                (
                    "assets",
                    {
                        "id": ASSETS_BUCKET,
                        "bucket": ASSETS_BUCKET,
                        "arn": f"arn:aws:s3:::{ASSETS_BUCKET}",
                    },
                ),
            ],
        ),
        resource(
            "aws_s3_bucket_policy",
            "logs",
            [
                (
                    None,
                    {
                        "id": LOGS_BUCKET,
                        "bucket": LOGS_BUCKET,
                        "policy": '{"Version":"2012-10-17","Statement":[]}',
                    },
                )
            ],
        ),
        resource(
            "aws_iam_role",
            "app",
            [
                (
                    None,
                    {"id": "app-runtime", "name": "app-runtime", "arn": f"{arn}:role/app-runtime"},
                )
            ],
        ),
        resource(
            "aws_iam_role_policy_attachment",
            "app_readonly",
            [
                (
                    None,
                    {
                        "id": "app-runtime-20261101093000000000000001",
                        "role": "app-runtime",
                        "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess",
                    },
                )
            ],
        ),
        resource(
            "aws_db_instance",
            "orders",
            [
                (
                    None,
                    {
                        "id": "db-ABCDEFGHIJKLMNOPQRSTUVWXY1",
                        "identifier": "orders-db",
                        "resource_id": "db-ABCDEFGHIJKLMNOPQRSTUVWXY1",
                        "engine": "postgres",
                        "instance_class": "db.t4g.medium",
                        "backup_retention_period": 7,
                    },
                )
            ],
        ),
        resource(
            "aws_instance",
            "app",
            [
                (0, {"id": APP_INSTANCES[0], "instance_type": "t3.small"}),
                (1, {"id": APP_INSTANCES[1], "instance_type": "t3.small"}),
            ],
        ),
        resource(
            "aws_lambda_function",
            "thumbnailer",
            [
                (
                    None,
                    {
                        "id": "thumbnailer",
                        "function_name": "thumbnailer",
                        "timeout": 30,
                        "memory_size": 512,
                        "arn": f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:thumbnailer",
                    },
                )
            ],
        ),
        resource(
            "aws_security_group",
            "web",
            [(None, {"id": SG_EU, "name": "web"})],
            module="module.replica",
            provider=f"{AWS_PROVIDER}.eu",
        ),
        {
            "mode": "data",
            "type": "aws_ami",
            "name": "ubuntu",
            "provider": AWS_PROVIDER,
            "instances": [{"schema_version": 0, "attributes": {"id": "ami-0abcdef1234567890"}}],
        },
    ]
    return {
        "version": 4,
        "terraform_version": "1.9.8",
        "serial": 42,
        "lineage": "3f0c9c3e-8a4e-4a52-9b8e-2f6a9d0c1b7e",
        "outputs": {},
        "resources": resources,
        "check_results": None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent)
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "terraform.tfstate").write_text(json.dumps(state(), indent=2) + "\n")
    total = logs(out)
    print(
        f"wrote {out / 'terraform.tfstate'} and {total:,} CloudTrail records under "
        f"{out / 'cloudtrail'}"
    )


if __name__ == "__main__":
    main()
