"""Synthetic CloudTrail records and log files in the S3 layout, for the demo and the benchmark.

Records follow the documented shape (eventVersion 1.11): the same keys, nesting and value forms
real trails write, with the mix real accounts show: mostly read-only calls, some made by AWS
services, a few failed calls, and the odd change.
"""

from __future__ import annotations

import gzip
import random
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

Record = dict[str, Any]
ACCOUNT = "111122223333"

CONSOLE_UA = "AWS Internal"
CLI_UA = "aws-cli/2.22.4 md/awscrt#0.23.4 ua/2.0 os/linux#6.8.0 md/arch#x86_64 lang/python#3.12.6"
SDK_UA = "Boto3/1.35.80 md/Botocore#1.35.80 ua/2.0 os/linux#6.1.0 lang/python#3.12.8"
TERRAFORM_UA = (
    "APN/1.0 HashiCorp/1.0 Terraform/1.9.8 (+https://www.terraform.io) "
    "terraform-provider-aws/5.80.0 (+https://registry.terraform.io/providers/hashicorp/aws) "
    "aws-sdk-go-v2/1.32.6 os/linux lang/go#1.23.3 md/GOOS#linux md/GOARCH#amd64"
)


def iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Identities:
    """The callers of one account: SSO people, IAM users, the pipeline role, AWS services."""

    def __init__(self, account: str) -> None:
        self.account = account

    def sso(self, email: str, permission_set: str = "AdministratorAccess") -> Record:
        role = f"AWSReservedSSO_{permission_set}_0a1b2c3d4e5f6a7b"
        return self.assumed_role(role, email, path="/aws-reserved/sso.amazonaws.com/")

    def assumed_role(self, role: str, session: str, path: str = "/") -> Record:
        role_id = "AROA" + uuid.uuid5(uuid.NAMESPACE_DNS, role).hex[:17].upper()
        return {
            "type": "AssumedRole",
            "principalId": f"{role_id}:{session}",
            "arn": f"arn:aws:sts::{self.account}:assumed-role/{role}/{session}",
            "accountId": self.account,
            "accessKeyId": "ASIA" + uuid.uuid5(uuid.NAMESPACE_URL, session).hex[:16].upper(),
            "sessionContext": {
                "sessionIssuer": {
                    "type": "Role",
                    "principalId": role_id,
                    "arn": f"arn:aws:iam::{self.account}:role{path}{role}",
                    "accountId": self.account,
                    "userName": role,
                },
                "attributes": {"creationDate": "2026-11-23T06:00:00Z", "mfaAuthenticated": "false"},
            },
        }

    def iam_user(self, name: str) -> Record:
        return {
            "type": "IAMUser",
            "principalId": "AIDA" + uuid.uuid5(uuid.NAMESPACE_DNS, name).hex[:17].upper(),
            "arn": f"arn:aws:iam::{self.account}:user/{name}",
            "accountId": self.account,
            "accessKeyId": "AKIA" + uuid.uuid5(uuid.NAMESPACE_OID, name).hex[:16].upper(),
            "userName": name,
        }

    def service(self, host: str) -> Record:
        return {"type": "AWSService", "invokedBy": host}


def management_event(
    *,
    when: str,
    account: str,
    region: str,
    source: str,
    name: str,
    identity: Record,
    agent: str,
    ip: str,
    request: Record | None,
    response: Record | None,
    request_id: str,
    event_id: str,
    read_only: bool = False,
) -> Record:
    """The keys every management event's record carries, in the order trails write them."""
    return {
        "eventVersion": "1.11",
        "userIdentity": identity,
        "eventTime": when,
        "eventSource": source,
        "eventName": name,
        "awsRegion": region,
        "sourceIPAddress": ip,
        "userAgent": agent,
        "requestParameters": request,
        "responseElements": response,
        "requestID": request_id,
        "eventID": event_id,
        "readOnly": read_only,
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": account,
        "eventCategory": "Management",
    }


def record(
    *,
    when: datetime,
    account: str,
    region: str,
    source: str,
    name: str,
    identity: Record,
    agent: str,
    ip: str,
    request: Record | None = None,
    response: Record | None = None,
    read_only: bool = False,
    error: tuple[str, str] | None = None,
    rng: random.Random,
    console: bool = False,
) -> Record:
    """One CloudTrail record as a trail writes it: ids drawn from `rng`, TLS details, and the
    error or the console flag when given."""
    rec = management_event(
        when=iso(when),
        account=account,
        region=region,
        source=source,
        name=name,
        identity=identity,
        agent=agent,
        ip=ip,
        request=request,
        response=None if error else response,
        request_id=str(uuid.UUID(int=rng.getrandbits(128))),
        event_id=str(uuid.UUID(int=rng.getrandbits(128))),
        read_only=read_only,
    )
    rec["tlsDetails"] = {
        "tlsVersion": "TLSv1.3",
        "cipherSuite": "TLS_AES_128_GCM_SHA256",
        "clientProvidedHostHeader": f"{source.split('.')[0]}.{region}.amazonaws.com",
    }
    if error:
        rec["errorCode"], rec["errorMessage"] = error
    if console:
        rec["sessionCredentialFromConsole"] = "true"
    return rec


# Read-only and service noise in the proportions of a busy account.
_NOISE: list[tuple[str, str, Record | None]] = [
    ("ec2.amazonaws.com", "DescribeInstances", {"instancesSet": {}, "filterSet": {}}),
    ("ec2.amazonaws.com", "DescribeSecurityGroups", {"securityGroupSet": {}, "filterSet": {}}),
    ("ec2.amazonaws.com", "DescribeVolumes", {"volumeSet": {}, "filterSet": {}}),
    ("ec2.amazonaws.com", "DescribeNetworkInterfaces", {"networkInterfaceIdSet": {}}),
    ("s3.amazonaws.com", "GetBucketAcl", {"bucketName": "app-assets-111122223333", "acl": ""}),
    ("s3.amazonaws.com", "GetBucketPolicy", {"bucketName": "logs-111122223333", "policy": ""}),
    ("s3.amazonaws.com", "ListBuckets", None),
    ("iam.amazonaws.com", "GetRole", {"roleName": "app-runtime"}),
    ("iam.amazonaws.com", "ListAttachedRolePolicies", {"roleName": "app-runtime"}),
    ("kms.amazonaws.com", "Decrypt", {"encryptionAlgorithm": "SYMMETRIC_DEFAULT"}),
    ("kms.amazonaws.com", "GenerateDataKey", {"keySpec": "AES_256"}),
    (
        "sts.amazonaws.com",
        "AssumeRole",
        {"roleArn": "arn:aws:iam::111122223333:role/app-runtime", "roleSessionName": "app"},
    ),
    ("rds.amazonaws.com", "DescribeDBInstances", {"dBInstanceIdentifier": "orders-db"}),
    ("lambda.amazonaws.com", "GetFunction20150331v2", {"functionName": "thumbnailer"}),
    ("logs.amazonaws.com", "DescribeLogGroups", {"limit": 50}),
    ("cloudwatch.amazonaws.com", "GetMetricData", {"maxDatapoints": 1440}),
    ("ssm.amazonaws.com", "GetParameters", {"names": ["/app/db/url"], "withDecryption": True}),
    (
        "elasticloadbalancing.amazonaws.com",
        "DescribeTargetHealth",
        {"targetGroupArn": f"arn:aws:elasticloadbalancing:us-east-1:{ACCOUNT}:targetgroup/web/0"},
    ),
    ("autoscaling.amazonaws.com", "DescribeAutoScalingGroups", {"maxRecords": 100}),
    ("secretsmanager.amazonaws.com", "GetSecretValue", {"secretId": "prod/app/db"}),
]


def noise(rng: random.Random, ids: Identities, account: str, region: str, when: datetime) -> Record:
    """One record of background traffic: reads by apps and people, AWS services, failures."""
    source, name, request = rng.choice(_NOISE)
    roll = rng.random()
    if roll < 0.55:
        identity = ids.assumed_role("app-runtime", f"i-0{rng.getrandbits(60):015x}")
        agent, ip = SDK_UA, f"10.0.{rng.randrange(256)}.{rng.randrange(256)}"
    elif roll < 0.75:
        identity = ids.service("config.amazonaws.com")
        agent, ip = "config.amazonaws.com", "config.amazonaws.com"
    elif roll < 0.9:
        identity = ids.sso(rng.choice(["dev@example.com", "ops@example.com", "sre@example.com"]))
        agent, ip = CONSOLE_UA, "203.0.113.7"
    else:
        identity = ids.assumed_role("terraform-ci", "terraform-plan")
        agent, ip = TERRAFORM_UA, "198.51.100.20"
    error = ("AccessDenied", "User is not authorized") if rng.random() < 0.02 else None
    return record(
        when=when,
        account=account,
        region=region,
        source=source,
        name=name,
        identity=identity,
        agent=agent,
        ip=ip,
        request=request,
        response=None,
        read_only=True,
        error=error,
        rng=rng,
    )


def write_log_files(
    root: Path,
    records: Iterable[Record],
    *,
    account: str,
    region: str,
    per_file: int = 10**9,
    every: timedelta | None = None,
    org_id: str | None = None,
) -> int:
    """Write time-ordered records as CloudTrail objects in the S3 layout; returns files written.

    A new file starts after `per_file` records or, with `every`, when a record falls in the
    next delivery interval (CloudTrail publishes several files an hour per region).
    """
    files = 0
    for batch in _batches(records, per_file, every):
        _write(root, batch, account, region, org_id, files)
        files += 1
    return files


def _batches(
    records: Iterable[Record], per_file: int, every: timedelta | None
) -> Iterator[list[Record]]:
    batch: list[Record] = []
    interval: int | None = None
    for rec in records:
        if every is not None:
            stamp = datetime.strptime(rec["eventTime"], "%Y-%m-%dT%H:%M:%SZ").timestamp()
            current = int(stamp // every.total_seconds())
            if batch and current != interval:
                yield batch
                batch = []
            interval = current
        batch.append(rec)
        if len(batch) >= per_file:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(
    root: Path, batch: list[Record], account: str, region: str, org_id: str | None, n: int
) -> None:
    last = datetime.strptime(batch[-1]["eventTime"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    delivered = last + timedelta(minutes=5)
    folder = root / "AWSLogs"
    if org_id:
        folder = folder / org_id
    folder = folder / account / "CloudTrail" / region / delivered.strftime("%Y/%m/%d")
    folder.mkdir(parents=True, exist_ok=True)
    unique = uuid.uuid5(uuid.NAMESPACE_OID, f"{account}{region}{n}").hex[:16]
    name = f"{account}_CloudTrail_{region}_{delivered:%Y%m%dT%H%MZ}_{unique}.json.gz"
    body = orjson.dumps({"Records": batch})
    (folder / name).write_bytes(gzip.compress(body, compresslevel=6, mtime=0))
