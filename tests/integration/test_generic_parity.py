"""The generic path against the hand-written readers, on the 8 types that have both: moto's
resource is read by the hand-written reader, and the same read is turned into the Cloud Control
shape (what GetResource would answer for it, per the type's CloudFormation schema); on the same
scenarios (as built, after a hand change, deleted) both reach the same verdict.

Facets Cloud Control does not expose are left out of the scenarios and said so here: a bucket's
policy (its own type, AWS::S3::BucketPolicy) and ACL (write-only `AccessControl`), MFA delete."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from moto import mock_aws

from bot.config.drift import Environment
from bot.drift.findings import Finding
from bot.drift.live.cloudcontrol.verdict import decide_generic
from bot.drift.live.normalize import parse_json
from bot.shell.aws.access import AwsAccess
from bot.shell.aws.schemas import SchemaStore
from bot.shell.confirm import decide
from tests.integration.test_live_readers import (
    ACCOUNT,
    REGION,
    _bucket,
    _db,
    _function,
    _instance,
    _key,
    _listener,
    _role,
    _security_group,
    client,
    read,
)

STORE = SchemaStore()


@pytest.fixture
def aws():
    with mock_aws():
        env = Environment.model_validate(
            {
                "account_id": ACCOUNT,
                "regions": [REGION],
                "cloudtrail": {"source": "files", "path": "logs"},
            }
        )
        yield AwsAccess(env, "test")


INGRESS_SOURCES = (
    ("IpRanges", "CidrIp", "CidrIp"),
    ("Ipv6Ranges", "CidrIpv6", "CidrIpv6"),
    ("PrefixListIds", "PrefixListId", "SourcePrefixListId"),
    ("UserIdGroupPairs", "GroupId", "SourceSecurityGroupId"),
)
EGRESS_SOURCES = (
    ("IpRanges", "CidrIp", "CidrIp"),
    ("Ipv6Ranges", "CidrIpv6", "CidrIpv6"),
    ("PrefixListIds", "PrefixListId", "DestinationPrefixListId"),
    ("UserIdGroupPairs", "GroupId", "DestinationSecurityGroupId"),
)


def _entries(permissions: list[dict] | None, sources: tuple) -> list[dict]:
    out = []
    for p in permissions or []:
        base = {k: p[k] for k in ("IpProtocol", "FromPort", "ToPort") if k in p}
        for field, key, prop in sources:
            for item in p.get(field) or []:
                entry = {**base, prop: item[key]}
                if item.get("Description"):
                    entry["Description"] = item["Description"]
                out.append(entry)
    return out


def sg_cc(raw: dict) -> dict:
    return {
        "Id": raw["GroupId"],
        "GroupId": raw["GroupId"],
        "GroupName": raw["GroupName"],
        "GroupDescription": raw["Description"],
        "VpcId": raw.get("VpcId"),
        "SecurityGroupIngress": _entries(raw.get("IpPermissions"), INGRESS_SOURCES),
        "SecurityGroupEgress": _entries(raw.get("IpPermissionsEgress"), EGRESS_SOURCES),
        "Tags": raw.get("Tags") or [],
    }


def bucket_cc(raw: dict) -> dict:
    out: dict[str, Any] = {"BucketName": raw["name"], "Tags": raw.get("tags") or []}
    if (raw.get("versioning") or {}).get("Status"):
        out["VersioningConfiguration"] = {"Status": raw["versioning"]["Status"]}
    if raw.get("public_access_block"):
        out["PublicAccessBlockConfiguration"] = raw["public_access_block"]
    if raw.get("encryption"):
        out["BucketEncryption"] = {"ServerSideEncryptionConfiguration": raw["encryption"]["Rules"]}
    return out


def role_cc(raw: dict) -> dict:
    role = raw["role"]
    out = {
        "RoleName": role["RoleName"],
        "Arn": role["Arn"],
        "Path": role.get("Path"),
        "AssumeRolePolicyDocument": parse_json(role.get("AssumeRolePolicyDocument")),
        "MaxSessionDuration": role.get("MaxSessionDuration"),
        "Tags": role.get("Tags") or [],
        "Policies": [
            {"PolicyName": n, "PolicyDocument": parse_json(d)}
            for n, d in raw["inline_policies"].items()
        ],
        "ManagedPolicyArns": raw["attached_policy_arns"],
    }
    if role.get("Description"):
        out["Description"] = role["Description"]
    return out


def db_cc(raw: dict) -> dict:
    return {
        "DBInstanceIdentifier": raw["DBInstanceIdentifier"],
        "DBInstanceClass": raw["DBInstanceClass"],
        "Engine": raw.get("Engine"),
        "EngineVersion": raw.get("EngineVersion"),
        "AllocatedStorage": str(raw.get("AllocatedStorage")),
        "StorageType": raw.get("StorageType"),
        "MultiAZ": raw.get("MultiAZ"),
        "PubliclyAccessible": raw.get("PubliclyAccessible"),
        "BackupRetentionPeriod": raw.get("BackupRetentionPeriod"),
        "DeletionProtection": raw.get("DeletionProtection"),
        "AutoMinorVersionUpgrade": raw.get("AutoMinorVersionUpgrade"),
        "VPCSecurityGroups": [g["VpcSecurityGroupId"] for g in raw.get("VpcSecurityGroups", [])],
        "DBParameterGroupName": (raw.get("DBParameterGroups") or [{}])[0].get(
            "DBParameterGroupName"
        ),
        "Tags": raw.get("TagList") or [],
    }


def instance_cc(raw: dict) -> dict:
    profile = (raw.get("IamInstanceProfile") or {}).get("Arn", "")
    return {
        "InstanceId": raw["InstanceId"],
        "InstanceType": raw["InstanceType"],
        "SecurityGroupIds": [g["GroupId"] for g in raw.get("SecurityGroups", [])],
        "IamInstanceProfile": profile.rsplit("/", 1)[-1],
        "Tags": raw.get("Tags") or [],
    }


def function_cc(raw: dict) -> dict:
    c = raw["Configuration"]
    vpc = c.get("VpcConfig") or {}
    out = {
        "FunctionName": c["FunctionName"],
        "Runtime": c.get("Runtime"),
        "Handler": c.get("Handler"),
        "Role": c.get("Role"),
        "Timeout": c.get("Timeout"),
        "MemorySize": c.get("MemorySize"),
        "Description": c.get("Description"),
        "Environment": {"Variables": (c.get("Environment") or {}).get("Variables") or {}},
        "Layers": [layer["Arn"] for layer in c.get("Layers") or []],
        "VpcConfig": {
            "SubnetIds": vpc.get("SubnetIds") or [],
            "SecurityGroupIds": vpc.get("SecurityGroupIds") or [],
        },
        "Architectures": c.get("Architectures") or ["x86_64"],
        "EphemeralStorage": {"Size": (c.get("EphemeralStorage") or {}).get("Size", 512)},
        "TracingConfig": {"Mode": (c.get("TracingConfig") or {}).get("Mode", "PassThrough")},
        "Tags": [{"Key": k, "Value": v} for k, v in (raw.get("Tags") or {}).items()],
    }
    return out


def key_cc(raw: dict) -> dict:
    meta = raw["metadata"]
    return {
        "KeyId": meta["KeyId"],
        "Description": meta.get("Description"),
        "Enabled": meta.get("Enabled"),
        "EnableKeyRotation": raw["rotation_enabled"],
        "KeyUsage": meta.get("KeyUsage"),
        "KeySpec": meta.get("KeySpec"),
        "KeyPolicy": parse_json(raw.get("policy")),
        "Tags": [{"Key": t["TagKey"], "Value": t["TagValue"]} for t in raw.get("tags") or []],
    }


def listener_cc(raw: dict) -> dict:
    listener = raw["listener"]
    tls = listener.get("Protocol") in ("HTTPS", "TLS")  # moto answers a policy for HTTP too
    return {
        "ListenerArn": listener["ListenerArn"],
        "Port": listener.get("Port"),
        "Protocol": listener.get("Protocol"),
        "SslPolicy": listener.get("SslPolicy") if tls else None,
        "Certificates": listener.get("Certificates") or [],
        "DefaultActions": listener.get("DefaultActions") or [],
    }


def verdicts(aws, resource_type: str, rid: str, found, to_cc: Callable[[dict], dict], kind: str):
    """(hand-written verdict, generic verdict) of the same moto read."""
    raw, _ = read(aws, resource_type, rid)
    finding = Finding(
        kind=kind,
        resource_type=resource_type,
        resource_id=rid,
        account_id=ACCOUNT,
        region=REGION,
        addresses=[],
        events=[],
    )
    schema = STORE.get(resource_type, REGION)
    assert schema is not None
    hand = decide(finding, found, raw, [])
    props = None if raw is None else json.loads(json.dumps(to_cc(raw), default=str))
    generic = decide_generic(finding, found, schema, props, [])
    return hand, generic


def same(aws, resource_type, rid, found, to_cc, expected: bool | None, kind="modified"):
    hand, generic = verdicts(aws, resource_type, rid, found, to_cc, kind)
    assert (hand.confirmed, generic.confirmed) == (expected, expected), (hand, generic)
    return hand, generic


def test_security_group(aws):
    sg, _, found = _security_group()
    same(aws, "AWS::EC2::SecurityGroup", sg, found, sg_cc, False)
    client("ec2").authorize_security_group_ingress(
        GroupId=sg,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 22,
                "ToPort": 22,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
            }
        ],
    )
    hand, generic = same(aws, "AWS::EC2::SecurityGroup", sg, found, sg_cc, True)
    assert [c.path for c in hand.changes] == [c.path for c in generic.changes]
    client("ec2").create_tags(Resources=[sg], Tags=[{"Key": "owner", "Value": "bob"}])
    same(aws, "AWS::EC2::SecurityGroup", sg, found, sg_cc, True)
    client("ec2").delete_security_group(GroupId=sg)
    same(aws, "AWS::EC2::SecurityGroup", sg, found, sg_cc, True, kind="deleted")


def test_bucket(aws):
    found = _bucket()
    name = found[0].resource_id
    same(aws, "AWS::S3::Bucket", name, found, bucket_cc, False)
    client("s3").put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": "x", "Value": "y"}]})
    same(aws, "AWS::S3::Bucket", name, found, bucket_cc, True)


def test_role(aws):
    found, arn = _role()
    name = found[0].resource_id
    same(aws, "AWS::IAM::Role", name, found, role_cc, False)
    client("iam").detach_role_policy(RoleName=name, PolicyArn=arn)
    hand, generic = same(aws, "AWS::IAM::Role", name, found, role_cc, True)
    assert [c.path for c in hand.changes] == [c.path for c in generic.changes]


def test_db_instance(aws):
    found, _ = _db()
    rid = "orders-db"
    same(aws, "AWS::RDS::DBInstance", rid, found, db_cc, False)
    client("rds").modify_db_instance(
        DBInstanceIdentifier=rid, DBInstanceClass="db.m5.large", ApplyImmediately=True
    )
    same(aws, "AWS::RDS::DBInstance", rid, found, db_cc, True)


def test_instance(aws):
    found, rid, _ = _instance()
    same(aws, "AWS::EC2::Instance", rid, found, instance_cc, False)
    client("ec2").create_tags(Resources=[rid], Tags=[{"Key": "Name", "Value": "renamed"}])
    same(aws, "AWS::EC2::Instance", rid, found, instance_cc, True)


def test_function(aws):
    found = _function()
    rid = found[0].resource_id
    same(aws, "AWS::Lambda::Function", rid, found, function_cc, False)
    client("lambda").update_function_configuration(FunctionName=rid, Timeout=300)
    hand, generic = same(aws, "AWS::Lambda::Function", rid, found, function_cc, True)
    assert [c.path for c in hand.changes] == [c.path for c in generic.changes] == ["timeout"]
    client("lambda").delete_function(FunctionName=rid)
    same(aws, "AWS::Lambda::Function", rid, found, function_cc, True, kind="deleted")


def test_key(aws):
    found, rid = _key()
    same(aws, "AWS::KMS::Key", rid, found, key_cc, False)
    client("kms").update_key_description(KeyId=rid, Description="changed by hand")
    same(aws, "AWS::KMS::Key", rid, found, key_cc, True)


def test_listener(aws):
    found, arn, _ = _listener()
    same(aws, "AWS::ElasticLoadBalancingV2::Listener", arn, found, listener_cc, False)
    client("elbv2").modify_listener(ListenerArn=arn, Port=8080)
    same(aws, "AWS::ElasticLoadBalancingV2::Listener", arn, found, listener_cc, True)


@pytest.mark.parametrize("kind", ["deleted", "unmanaged"])
def test_existence_alike_when_gone(aws, kind):
    """A function that is gone: both paths say the same for deleted and unmanaged findings."""
    found = _function()
    rid = found[0].resource_id
    client("lambda").delete_function(FunctionName=rid)
    expected = kind == "deleted"
    same(aws, "AWS::Lambda::Function", rid, found, function_cc, expected, kind=kind)
