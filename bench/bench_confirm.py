"""Benchmark: what confirmation costs, against a full scan of every managed resource.

    python -m bench.bench_confirm [--resources 10000] [--changes 100] [--generic]

Builds, in moto (in-process), an account with `--resources` managed resources (40% security
groups, 30% S3 buckets, 30% IAM roles) and their Terraform state, makes `--changes` hand changes
through boto3 (SSH opened, public bucket policies, AdministratorAccess attached) and writes the
CloudTrail records of those changes among read-only noise. Then, in one run:
1. `drift check` (files source, confirmation on): AWS calls made and wall time;
2. a full scan, which reads every managed resource with the same readers: its calls and time.

`--generic` runs the mixed-type variant instead (bench/cloud_control_fake.py): resources of a
dozen types read through the generic reader (Cloud Control's GetResource, served by a fake on
loopback), the changed ones confirmed against a full scan.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import random
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import boto3
from moto import mock_aws

from bot.config.drift import parse_config
from bot.drift.live import LIVE_TYPES, compare
from bot.iac.index import build_index
from bot.iac.terraform import parse_state
from bot.shell.aws.access import AwsAccess, CallLog
from bot.shell.aws.readers import READERS
from bot.shell.check import CheckOptions, run_check_async
from examples.synth import Identities, noise, record

ACCOUNT = "123456789012"  # moto's
REGION = "us-east-1"
DAY = datetime(2026, 11, 23, tzinfo=UTC)
PROVIDER = 'provider["registry.terraform.io/hashicorp/aws"]'
TRUST = json.dumps(
    {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Action": "sts:AssumeRole",
                "Principal": {"Service": "ec2.amazonaws.com"},
            }
        ],
    }
)
ADMIN = f"arn:aws:iam::{ACCOUNT}:policy/Admin"  # moto has no AWS-managed policies by default


def build(n: int) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """Create the resources in moto; return their Terraform state resources and ids by kind."""
    ec2, s3, iam = (_client(s) for s in ("ec2", "s3", "iam"))
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    n_sg, n_bucket = n * 4 // 10, n * 3 // 10
    n_role = n - n_sg - n_bucket
    resources: list[dict[str, Any]] = []
    ids: dict[str, list[str]] = {"sg": [], "bucket": [], "role": []}
    egress = {
        "cidr_blocks": ["0.0.0.0/0"],
        "description": "",
        "from_port": 0,
        "to_port": 0,
        "ipv6_cidr_blocks": [],
        "prefix_list_ids": [],
        "protocol": "-1",
        "security_groups": [],
        "self": False,
    }
    for i in range(n_sg):
        sg = ec2.create_security_group(GroupName=f"sg-{i}", Description="app", VpcId=vpc)
        gid = sg["GroupId"]
        ids["sg"].append(gid)
        resources.append(
            _tf(
                "aws_security_group",
                f"sg{i}",
                {
                    "id": gid,
                    "name": f"sg-{i}",
                    "description": "app",
                    "vpc_id": vpc,
                    "owner_id": ACCOUNT,
                    "ingress": [],
                    "egress": [egress],
                    "tags": {},
                    "tags_all": {},
                },
            )
        )
    for i in range(n_bucket):
        name = f"bench-bucket-{i:05d}"
        s3.create_bucket(Bucket=name)
        ids["bucket"].append(name)
        resources.append(
            _tf(
                "aws_s3_bucket",
                f"b{i}",
                {
                    "id": name,
                    "bucket": name,
                    "arn": f"arn:aws:s3:::{name}",
                    "policy": "",
                    "tags": {},
                    "tags_all": {},
                },
            )
        )
    admin = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
    }
    iam.create_policy(PolicyName="Admin", PolicyDocument=json.dumps(admin))
    for i in range(n_role):
        name = f"bench-role-{i:05d}"
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=TRUST)
        ids["role"].append(name)
        resources.append(
            _tf(
                "aws_iam_role",
                f"r{i}",
                {
                    "id": name,
                    "name": name,
                    "arn": f"arn:aws:iam::{ACCOUNT}:role/{name}",
                    "assume_role_policy": TRUST,
                    "description": "",
                    "path": "/",
                    "max_session_duration": 3600,
                    "permissions_boundary": None,
                    "tags": {},
                    "tags_all": {},
                    "managed_policy_arns": [],
                    "inline_policy": [],
                },
            )
        )
    return resources, ids


def _client(service: str) -> Any:
    return boto3.client(service, region_name=REGION)  # type: ignore[call-overload]


def _tf(tf_type: str, name: str, attrs: dict[str, Any]) -> dict[str, Any]:
    return {
        "mode": "managed",
        "type": tf_type,
        "name": name,
        "provider": PROVIDER,
        "instances": [{"schema_version": 0, "attributes": attrs}],
    }


def change(ids: dict[str, list[str]], count: int, rng: random.Random) -> list[dict[str, Any]]:
    """Make `count` hand changes through boto3; return their CloudTrail records."""
    ec2, s3, iam = (_client(s) for s in ("ec2", "s3", "iam"))
    who = Identities(ACCOUNT).sso("dev@example.com")
    records = []
    n_sg, n_bucket = count * 4 // 10, count * 3 // 10
    picks = (
        [("sg", x) for x in rng.sample(ids["sg"], n_sg)]
        + [("bucket", x) for x in rng.sample(ids["bucket"], n_bucket)]
        + [("role", x) for x in rng.sample(ids["role"], count - n_sg - n_bucket)]
    )
    for i, (kind, rid) in enumerate(picks):
        when = DAY + timedelta(minutes=10 * i + 1)
        request: dict[str, Any]
        if kind == "sg":
            ec2.authorize_security_group_ingress(
                GroupId=rid,
                IpPermissions=[
                    {
                        "IpProtocol": "tcp",
                        "FromPort": 22,
                        "ToPort": 22,
                        "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
                    }
                ],
            )
            source, name, request = (
                "ec2.amazonaws.com",
                "AuthorizeSecurityGroupIngress",
                {"groupId": rid},
            )
        elif kind == "bucket":
            policy = {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": "*",
                        "Action": "s3:GetObject",
                        "Resource": f"arn:aws:s3:::{rid}/*",
                    }
                ],
            }
            s3.put_bucket_policy(Bucket=rid, Policy=json.dumps(policy))
            source, name, request = (
                "s3.amazonaws.com",
                "PutBucketPolicy",
                {"bucketName": rid, "bucketPolicy": policy},
            )
        else:
            iam.attach_role_policy(RoleName=rid, PolicyArn=ADMIN)
            source, name, request = (
                "iam.amazonaws.com",
                "AttachRolePolicy",
                {"roleName": rid, "policyArn": ADMIN},
            )
        records.append(
            record(
                when=when,
                account=ACCOUNT,
                region=REGION,
                source=source,
                name=name,
                identity=who,
                agent="AWS Internal",
                ip="203.0.113.7",
                request=request,
                response=None,
                rng=rng,
                console=True,
            )
        )
    return records


def write_logs(root: Path, changes: list[dict[str, Any]], rng: random.Random) -> None:
    ids = Identities(ACCOUNT)
    records = changes + [
        noise(rng, ids, ACCOUNT, REGION, DAY + timedelta(seconds=8 * i)) for i in range(10_000)
    ]
    records.sort(key=lambda r: r["eventTime"])
    folder = root / "cloudtrail"
    folder.mkdir()
    (folder / "day.json.gz").write_bytes(gzip.compress(json.dumps({"Records": records}).encode()))


async def full_scan(env: Any, state: dict[str, Any]) -> tuple[CallLog, int, float]:
    """Read every managed resource with the confirmation readers: calls, diffs, seconds."""
    aws = AwsAccess(env, "bench")
    index = build_index([parse_state(json.dumps(state).encode(), "bench.tfstate")])
    log = CallLog()
    gate = asyncio.Semaphore(8)
    kinds = {
        "aws_security_group": "AWS::EC2::SecurityGroup",
        "aws_s3_bucket": "AWS::S3::Bucket",
        "aws_iam_role": "AWS::IAM::Role",
    }

    async def one(rtype: str, rid: str) -> int:
        async with gate:
            raw = await READERS.get(rtype)(aws, rid, REGION, ACCOUNT, log)
        desired = LIVE_TYPES.get(rtype).desired(index.owners(rtype, rid))
        return bool(
            raw is not None and desired and compare(desired, LIVE_TYPES.get(rtype).actual(raw))
        )

    started = time.perf_counter()
    targets = [
        (kinds[r["type"]], r["instances"][0]["attributes"]["id"]) for r in state["resources"]
    ]
    drifted = sum(await asyncio.gather(*(one(t, i) for t, i in targets)))
    return log, drifted, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--no-full-scan", action="store_true", help="skip the full scan")
    parser.add_argument("--generic", action="store_true", help="mixed types, Cloud Control")
    args = parser.parse_args()
    rng = random.Random(3)
    if args.generic:
        from bench.cloud_control_fake import run

        run(args.resources, args.changes, rng)
        return
    with mock_aws(), TemporaryDirectory(prefix="drift-bench-confirm-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        resources, ids = build(args.resources)
        state = {
            "version": 4,
            "terraform_version": "1.9.8",
            "serial": 1,
            "lineage": "bench",
            "outputs": {},
            "resources": resources,
        }
        (root / "terraform.tfstate").write_text(json.dumps(state))
        write_logs(root, change(ids, args.changes, rng), rng)
        print(
            f"moto account: {len(resources):,} managed resources ({len(ids['sg'])} security "
            f"groups, {len(ids['bucket'])} buckets, {len(ids['role'])} roles), "
            f"{args.changes} hand changes, built in {time.perf_counter() - t0:.0f}s"
        )
        text = (
            f'environments:\n  bench:\n    account_id: "{ACCOUNT}"\n    regions: [{REGION}]\n'
            "    confirm: true\n    cloudtrail: {source: files, path: ./cloudtrail}\n"
            "    state: [{terraform: ./terraform.tfstate}]\n"
        )
        loaded = parse_config(text, root / "drift.yml")
        started = time.perf_counter()
        outcome = asyncio.run(
            run_check_async(
                loaded, "bench", DAY, DAY + timedelta(days=1), CheckOptions(confirm=True)
            )
        )
        check_s = time.perf_counter() - started
        findings = outcome.report.findings
        calls = Counter(c for f in findings for c in f.api_calls)
        confirmed = sum(1 for f in findings if f.confirmed)
        print(
            f"drift check : {sum(calls.values()):>7,} AWS calls  {check_s:7.1f}s  "
            f"({len(findings)} findings, {confirmed} confirmed)"
        )
        print(f"              {dict(sorted(calls.items()))}")
        if not args.no_full_scan:
            log, drifted, scan_s = asyncio.run(full_scan(loaded.environment("bench"), state))
            print(
                f"full scan   : {len(log):>7,} AWS calls  {scan_s:7.1f}s  "
                f"({drifted} resources differ from the state)"
            )
            print(f"              {dict(sorted(log.counts.items()))}")
            ratio = len(log) / max(1, sum(calls.values()))
            print(
                f"ratio       : full scan / check = {ratio:.0f}x the calls, "
                f"{scan_s / check_s:.0f}x the time"
            )


if __name__ == "__main__":
    main()
