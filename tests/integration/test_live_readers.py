"""Live readers against moto: each type built in a moto account, the Terraform state provider v5
would record for it (written by hand from the provider's docs, shaped like the real states in
tests/data/tfstate/), no change → no diff, a hand change through boto3 → the exact changes, and
the resource deleted → the reader answers None."""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws

from bot.config.drift import Environment
from bot.drift.findings import AttributeChange, Finding
from bot.drift.live.normalize import normalize_policy
from bot.errors import AwsAccessDenied, AwsError
from bot.shell.aws.access import AwsAccess, CallLog
from bot.shell.aws.readers import READERS
from bot.shell.confirm import LiveConfirmer
from tests.live_state import (
    bucket_log_policy,
    change,
    check,
    owners,
    public_access_block,
    security_group,
)

REGION = "us-east-1"
ACCOUNT = "123456789012"  # moto's account


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


def client(service: str) -> Any:
    return boto3.client(service, region_name=REGION)  # type: ignore[call-overload]


def read(aws: AwsAccess, resource_type: str, resource_id: str) -> tuple[Any, list[str]]:
    log = CallLog()

    async def go() -> dict[str, Any] | None:
        return await READERS.get(resource_type)(aws, resource_id, REGION, ACCOUNT, log)

    return asyncio.run(go()), log.calls


def diff(aws: AwsAccess, resource_type: str, found, resource_id: str) -> list[AttributeChange]:
    raw, _ = read(aws, resource_type, resource_id)
    return check(resource_type, found, raw)


# Security groups


def _security_group() -> tuple[str, str, list]:
    ec2 = client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    sg = ec2.create_security_group(
        GroupName="web",
        Description="Web",
        VpcId=vpc,
        TagSpecifications=[
            {"ResourceType": "security-group", "Tags": [{"Key": "Name", "Value": "web"}]}
        ],
    )["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=sg,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 22,
                "ToPort": 22,
                "IpRanges": [{"CidrIp": "10.0.0.0/8", "Description": "ssh"}],
            },
            {"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": sg}]},
            {
                "IpProtocol": "tcp",
                "FromPort": 443,
                "ToPort": 443,
                "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
            },
        ],
    )
    found = owners(
        "AWS::EC2::SecurityGroup",
        sg,
        ("aws_security_group", security_group(sg, account=ACCOUNT, vpc_id=vpc, timeouts=None)),
        (
            "aws_security_group_rule",
            {
                "id": "sgrule-2990167998",
                "type": "ingress",
                "protocol": "-1",
                "from_port": 0,
                "to_port": 0,
                "self": True,
                "source_security_group_id": sg,
                "cidr_blocks": None,
                "ipv6_cidr_blocks": None,
                "prefix_list_ids": None,
                "description": "",
                "security_group_id": sg,
                "security_group_rule_id": "sgr-0a1",
                "timeouts": None,
            },
        ),
        (
            "aws_vpc_security_group_ingress_rule",
            {
                "arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:security-group-rule/sgr-0b2",
                "id": "sgr-0b2",
                "security_group_id": sg,
                "security_group_rule_id": "sgr-0b2",
                "ip_protocol": "tcp",
                "from_port": 443,
                "to_port": 443,
                "cidr_ipv4": None,
                "cidr_ipv6": "::/0",
                "description": None,
                "prefix_list_id": None,
                "referenced_security_group_id": None,
                "tags": None,
                "tags_all": {},
            },
        ),
    )
    return sg, vpc, found


def test_security_group_as_created_matches_its_state(aws):
    """Inline rules, a self rule and a VPC rule resource: one DescribeSecurityGroups, no diff."""
    sg, _, found = _security_group()

    _, calls = read(aws, "AWS::EC2::SecurityGroup", sg)

    assert diff(aws, "AWS::EC2::SecurityGroup", found, sg) == []
    assert calls == ["ec2:DescribeSecurityGroups"]


def test_security_group_hand_changes_are_reported_by_rule(aws):
    """SSH opened to the world, RDP added, the Name tag changed."""
    sg, _, found = _security_group()
    ec2 = client("ec2")
    ec2.authorize_security_group_ingress(
        GroupId=sg,
        IpPermissions=[
            {
                "IpProtocol": "tcp",
                "FromPort": 22,
                "ToPort": 22,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
            },
            {
                "IpProtocol": "tcp",
                "FromPort": 3389,
                "ToPort": 3389,
                "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "rdp"}],
            },
        ],
    )
    ec2.create_tags(Resources=[sg], Tags=[{"Key": "Name", "Value": "web-old"}])

    changes = diff(aws, "AWS::EC2::SecurityGroup", found, sg)

    assert changes == [
        change('ingress["tcp 22-22"].cidr_blocks', ["10.0.0.0/8"], ["0.0.0.0/0", "10.0.0.0/8"]),
        change(
            'ingress["tcp 3389-3389"]',
            None,
            {
                "cidr_blocks": ["0.0.0.0/0"],
                "ipv6_cidr_blocks": [],
                "prefix_list_ids": [],
                "security_groups": [],
                "descriptions": {"0.0.0.0/0": "rdp"},
            },
        ),
        change("tags.Name", "web", "web-old"),
    ]


def test_deleted_security_group_reads_as_none(aws):
    """InvalidGroup.NotFound is the answer that the group is gone."""
    sg, _, _ = _security_group()
    client("ec2").delete_security_group(GroupId=sg)

    assert read(aws, "AWS::EC2::SecurityGroup", sg) == (None, ["ec2:DescribeSecurityGroups"])


def test_other_errors_are_raised_not_read_as_a_deletion(aws):
    """Only not-found codes mean deleted: a malformed id answer raises AwsError."""
    stub = Stubber(aws.client("ec2", REGION, ACCOUNT))
    stub.add_client_error("describe_security_groups", "InvalidGroupId.Malformed", "bad id", 400)

    with stub, pytest.raises(AwsError) as caught:
        read(aws, "AWS::EC2::SecurityGroup", "sg-zz")

    assert (caught.value.code, caught.value.operation) == (
        "InvalidGroupId.Malformed",
        "ec2:DescribeSecurityGroups",
    )


# S3 buckets

BUCKET = "logs-123456789012"
POLICY = bucket_log_policy(BUCKET)
PAB = {
    "BlockPublicAcls": True,
    "IgnorePublicAcls": True,
    "BlockPublicPolicy": True,
    "RestrictPublicBuckets": True,
}


def _bucket() -> list:
    s3 = client("s3")
    s3.create_bucket(Bucket=BUCKET)
    s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(POLICY))
    s3.put_public_access_block(Bucket=BUCKET, PublicAccessBlockConfiguration=PAB)
    s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})
    s3.put_bucket_tagging(Bucket=BUCKET, Tagging={"TagSet": [{"Key": "team", "Value": "data"}]})
    owner = s3.get_bucket_acl(Bucket=BUCKET)["Owner"]["ID"]
    # The bucket's computed attributes as provider v5 records them after creating it (before
    # the child resources applied their settings).
    return owners(
        "AWS::S3::Bucket",
        BUCKET,
        (
            "aws_s3_bucket",
            {
                "id": BUCKET,
                "bucket": BUCKET,
                "arn": f"arn:aws:s3:::{BUCKET}",
                "bucket_prefix": "",
                "acceleration_status": "",
                "acl": None,
                "force_destroy": False,
                "grant": [
                    {
                        "id": owner,
                        "permissions": ["FULL_CONTROL"],
                        "type": "CanonicalUser",
                        "uri": "",
                    }
                ],
                "policy": "",
                "region": REGION,
                "request_payer": "BucketOwner",
                "server_side_encryption_configuration": [
                    {
                        "rule": [
                            {
                                "apply_server_side_encryption_by_default": [
                                    {"kms_master_key_id": "", "sse_algorithm": "AES256"}
                                ],
                                "bucket_key_enabled": False,
                            }
                        ]
                    }
                ],
                "versioning": [{"enabled": False, "mfa_delete": False}],
                "object_lock_enabled": False,
                "tags": {"team": "data"},
                "tags_all": {"team": "data"},
                "timeouts": None,
            },
        ),
        ("aws_s3_bucket_policy", {"bucket": BUCKET, "id": BUCKET, "policy": json.dumps(POLICY)}),
        public_access_block(BUCKET),
        (
            "aws_s3_bucket_versioning",
            {
                "bucket": BUCKET,
                "id": BUCKET,
                "expected_bucket_owner": "",
                "mfa": None,
                "versioning_configuration": [{"mfa_delete": "", "status": "Enabled"}],
            },
        ),
    )


def test_bucket_as_configured_matches_its_state(aws):
    """Six reads (policy, public access block, ACL, versioning, encryption, tags), no diff."""
    found = _bucket()

    _, calls = read(aws, "AWS::S3::Bucket", BUCKET)

    assert diff(aws, "AWS::S3::Bucket", found, BUCKET) == []
    assert calls == [
        "s3:GetBucketPolicy",
        "s3:GetBucketPublicAccessBlock",
        "s3:GetBucketAcl",
        "s3:GetBucketVersioning",
        "s3:GetEncryptionConfiguration",
        "s3:GetBucketTagging",
    ]


def test_bucket_hand_changes_are_reported_by_facet(aws):
    """Policy widened, public access block removed, versioning suspended, encryption to KMS."""
    found = _bucket()
    s3 = client("s3")
    wider = {
        **POLICY,
        "Statement": [
            *POLICY["Statement"],
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{BUCKET}/*",
            },
        ],
    }
    s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(wider))
    s3.delete_public_access_block(Bucket=BUCKET)
    s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Suspended"})
    s3.put_bucket_encryption(
        Bucket=BUCKET,
        ServerSideEncryptionConfiguration={
            "Rules": [
                {
                    "ApplyServerSideEncryptionByDefault": {
                        "SSEAlgorithm": "aws:kms",
                        "KMSMasterKeyID": "alias/logs",
                    }
                }
            ]
        },
    )

    changes = diff(aws, "AWS::S3::Bucket", found, BUCKET)

    assert changes == [
        change("encryption.kms_master_key_id", None, "alias/logs"),
        change("encryption.sse_algorithm", "AES256", "aws:kms"),
        change(
            "policy.Statement",
            normalize_policy(POLICY)["Statement"],
            normalize_policy(wider)["Statement"],
        ),
        *[
            change(f"public_access_block.{name}", True, False)
            for name in (
                "block_public_acls",
                "block_public_policy",
                "ignore_public_acls",
                "restrict_public_buckets",
            )
        ],
        change("versioning.enabled", True, False),
    ]


def test_deleted_bucket_reads_as_none_after_one_call(aws):
    """NoSuchBucket on the first call ends the read."""
    client("s3").create_bucket(Bucket=BUCKET)
    client("s3").delete_bucket(Bucket=BUCKET)

    assert read(aws, "AWS::S3::Bucket", BUCKET) == (None, ["s3:GetBucketPolicy"])


def test_access_denied_on_one_facet_raises_naming_the_permission(aws):
    """A missing permission is an error that names the IAM action, not an empty facet."""
    client("s3").create_bucket(Bucket=BUCKET)
    stub = Stubber(aws.client("s3", REGION, ACCOUNT))
    stub.add_client_error("get_bucket_policy", "AccessDenied", "Access Denied", 403)

    with stub, pytest.raises(AwsAccessDenied) as caught:
        read(aws, "AWS::S3::Bucket", BUCKET)

    assert caught.value.operation == "s3:GetBucketPolicy"
    assert "s3:GetBucketPolicy" in caught.value.hint


# IAM roles

ROLE = "app-runtime"
TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {"Service": "ecs-tasks.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ],
}
READ = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"}
    ],
}


def _role() -> tuple[list, str]:
    iam = client("iam")
    iam.create_role(
        RoleName=ROLE,
        AssumeRolePolicyDocument=json.dumps(TRUST),
        Tags=[{"Key": "team", "Value": "app"}],
    )
    iam.put_role_policy(RoleName=ROLE, PolicyName="read", PolicyDocument=json.dumps(READ))
    policy = iam.create_policy(PolicyName="app-read", PolicyDocument=json.dumps(READ))
    arn = policy["Policy"]["Arn"]
    iam.attach_role_policy(RoleName=ROLE, PolicyArn=arn)
    found = owners(
        "AWS::IAM::Role",
        ROLE,
        (
            "aws_iam_role",
            {
                "arn": f"arn:aws:iam::{ACCOUNT}:role/{ROLE}",
                "id": ROLE,
                "name": ROLE,
                "name_prefix": "",
                "path": "/",
                "assume_role_policy": json.dumps(TRUST),
                "description": "",
                "force_detach_policies": False,
                "max_session_duration": 3600,
                "permissions_boundary": "",
                "tags": {"team": "app"},
                "tags_all": {"team": "app"},
                "inline_policy": [],
                "managed_policy_arns": [],
                "unique_id": "AROAEXAMPLE",
            },
        ),
        (
            "aws_iam_role_policy",
            {
                "id": f"{ROLE}:read",
                "name": "read",
                "name_prefix": "",
                "role": ROLE,
                "policy": json.dumps(READ),
            },
        ),
        (
            "aws_iam_role_policy_attachment",
            {"id": f"{ROLE}-20240101", "role": ROLE, "policy_arn": arn},
        ),
    )
    return found, arn


def test_role_as_configured_matches_its_state(aws):
    """GetRole, its inline policies one by one, its attachments: no diff."""
    found, _ = _role()

    _, calls = read(aws, "AWS::IAM::Role", ROLE)

    assert diff(aws, "AWS::IAM::Role", found, ROLE) == []
    assert calls == [
        "iam:GetRole",
        "iam:ListRolePolicies",
        "iam:GetRolePolicy",
        "iam:ListAttachedRolePolicies",
    ]


def test_role_hand_changes_are_reported(aws):
    """A policy attached by hand, an inline policy put by hand, the trust policy widened."""
    found, arn = _role()
    iam = client("iam")
    admin = iam.create_policy(PolicyName="admin", PolicyDocument=json.dumps(READ))["Policy"]["Arn"]
    iam.attach_role_policy(RoleName=ROLE, PolicyArn=admin)
    iam.put_role_policy(RoleName=ROLE, PolicyName="debug", PolicyDocument=json.dumps(READ))
    wider = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": "444455556666"},
                "Action": "sts:AssumeRole",
            }
        ],
    }
    iam.update_assume_role_policy(RoleName=ROLE, PolicyDocument=json.dumps(wider))

    changes = diff(aws, "AWS::IAM::Role", found, ROLE)

    assert changes == [
        change("inline_policies.debug", None, normalize_policy(READ)),
        change("managed_policy_arns", [arn], sorted([admin, arn])),
        change(
            "trust_policy.Statement",
            normalize_policy(TRUST)["Statement"],
            [
                {
                    "Action": ["sts:AssumeRole"],
                    "Effect": "Allow",
                    "Principal": {"AWS": ["arn:aws:iam::444455556666:root"]},
                }
            ],
        ),
    ]


def test_deleted_role_reads_as_none(aws):
    """NoSuchEntity from GetRole: the role is gone."""
    assert read(aws, "AWS::IAM::Role", "nobody") == (None, ["iam:GetRole"])


# RDS DB instances


def _db() -> tuple[list, str]:
    sg = client("ec2").create_security_group(GroupName="db", Description="db")["GroupId"]
    client("rds").create_db_instance(
        DBInstanceIdentifier="orders-db",
        DBInstanceClass="db.t3.micro",
        Engine="postgres",
        EngineVersion="15.4",
        AllocatedStorage=20,
        StorageType="gp3",
        MasterUsername="app",
        MasterUserPassword="not-a-secret-1",
        BackupRetentionPeriod=7,
        DeletionProtection=False,
        VpcSecurityGroupIds=[sg],
        Tags=[{"Key": "team", "Value": "orders"}],
    )
    found = owners(
        "AWS::RDS::DBInstance",
        "orders-db",
        (
            "aws_db_instance",
            {
                "id": "db-M5ENSHXFPU6XHZ4G4ZEI5QIO2U",
                "identifier": "orders-db",
                "identifier_prefix": "",
                "resource_id": "db-M5ENSHXFPU6XHZ4G4ZEI5QIO2U",
                "arn": f"arn:aws:rds:{REGION}:{ACCOUNT}:db:orders-db",
                "allocated_storage": 20,
                "auto_minor_version_upgrade": True,
                "backup_retention_period": 7,
                "deletion_protection": False,
                "engine": "postgres",
                "engine_version": "15.4",
                "engine_version_actual": "15.4",
                "instance_class": "db.t3.micro",
                "iops": 0,
                "max_allocated_storage": 0,
                "multi_az": False,
                "parameter_group_name": "default.postgres15",
                "publicly_accessible": False,
                "storage_type": "gp3",
                "storage_encrypted": False,
                "skip_final_snapshot": True,
                "username": "app",
                "tags": {"team": "orders"},
                "tags_all": {"team": "orders"},
                "vpc_security_group_ids": [sg],
            },
        ),
    )
    return found, sg


def test_db_instance_hand_changes_are_reported(aws):
    """As created: no diff; after a class and backup change applied immediately: both."""
    found, _ = _db()
    assert diff(aws, "AWS::RDS::DBInstance", found, "orders-db") == []

    client("rds").modify_db_instance(
        DBInstanceIdentifier="orders-db",
        ApplyImmediately=True,
        DBInstanceClass="db.t3.large",
        BackupRetentionPeriod=1,
    )

    assert diff(aws, "AWS::RDS::DBInstance", found, "orders-db") == [
        change("backup_retention_period", 7, 1),
        change("instance_class", "db.t3.micro", "db.t3.large"),
    ]


def test_deleted_db_instance_reads_as_none(aws):
    """DBInstanceNotFound: the instance is gone."""
    _db()
    client("rds").delete_db_instance(DBInstanceIdentifier="orders-db", SkipFinalSnapshot=True)

    assert read(aws, "AWS::RDS::DBInstance", "orders-db") == (None, ["rds:DescribeDBInstances"])


# EC2 instances


def _instance() -> tuple[list, str, str]:
    ec2 = client("ec2")
    sg = ec2.create_security_group(GroupName="app", Description="app")["GroupId"]
    client("iam").create_instance_profile(InstanceProfileName="app", Path="/ops/")
    instance = ec2.run_instances(
        ImageId="ami-12c6146b",
        MinCount=1,
        MaxCount=1,
        InstanceType="t3.micro",
        SecurityGroupIds=[sg],
        IamInstanceProfile={"Name": "app"},
        TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "app"}]}],
    )["Instances"][0]["InstanceId"]
    found = owners(
        "AWS::EC2::Instance",
        instance,
        (
            "aws_instance",
            {
                "id": instance,
                "arn": f"arn:aws:ec2:{REGION}:{ACCOUNT}:instance/{instance}",
                "ami": "ami-12c6146b",
                "instance_type": "t3.micro",
                "iam_instance_profile": "app",
                "vpc_security_group_ids": [sg],
                "security_groups": [],
                "instance_state": "running",
                "tags": {"Name": "app"},
                "tags_all": {"Name": "app"},
                "user_data": None,
            },
        ),
    )
    return found, instance, sg


def test_instance_hand_changes_are_reported(aws):
    """As launched: no diff; after a group swap and a new tag: both."""
    found, instance, sg = _instance()
    assert diff(aws, "AWS::EC2::Instance", found, instance) == []
    ec2 = client("ec2")
    other = ec2.create_security_group(GroupName="wide", Description="wide")["GroupId"]

    ec2.modify_instance_attribute(InstanceId=instance, Groups=[other])
    ec2.create_tags(Resources=[instance], Tags=[{"Key": "owner", "Value": "bob"}])

    assert diff(aws, "AWS::EC2::Instance", found, instance) == [
        change("tags.owner", None, "bob"),
        change("vpc_security_group_ids", [sg], [other]),
    ]


def test_terminated_instance_reads_as_none(aws):
    """A terminated instance still answers DescribeInstances for a while: it counts as gone."""
    _, instance, _ = _instance()
    client("ec2").terminate_instances(InstanceIds=[instance])

    assert read(aws, "AWS::EC2::Instance", instance) == (None, ["ec2:DescribeInstances"])


def test_unknown_instance_reads_as_none(aws):
    """InvalidInstanceID.NotFound: never existed, or long gone."""
    assert read(aws, "AWS::EC2::Instance", "i-0123456789abcdef0")[0] is None


# Lambda functions


def _function() -> list:
    role = client("iam").create_role(RoleName="lambda", AssumeRolePolicyDocument=json.dumps(TRUST))
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("index.py", "def handler(event, context):\n    return event\n")
    client("lambda").create_function(
        FunctionName="thumbnailer",
        Runtime="python3.12",
        Role=role["Role"]["Arn"],
        Handler="index.handler",
        Code={"ZipFile": code.getvalue()},
        Timeout=10,
        MemorySize=256,
        Environment={"Variables": {"SIZE": "128"}},
        Tags={"team": "media"},
    )
    return owners(
        "AWS::Lambda::Function",
        "thumbnailer",
        (
            "aws_lambda_function",
            {
                "id": "thumbnailer",
                "function_name": "thumbnailer",
                "arn": f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:thumbnailer",
                "architectures": ["x86_64"],
                "description": "",
                "environment": [{"variables": {"SIZE": "128"}}],
                "ephemeral_storage": [{"size": 512}],
                "handler": "index.handler",
                "layers": [],
                "memory_size": 256,
                "package_type": "Zip",
                "publish": False,
                "role": role["Role"]["Arn"],
                "runtime": "python3.12",
                "timeout": 10,
                "tracing_config": [{"mode": "PassThrough"}],
                "vpc_config": [],
                "tags": {"team": "media"},
                "tags_all": {"team": "media"},
            },
        ),
    )


def test_function_configuration_hand_changes_are_reported(aws):
    """As created: no diff; after a timeout and environment change in the console: both."""
    found = _function()
    assert diff(aws, "AWS::Lambda::Function", found, "thumbnailer") == []

    client("lambda").update_function_configuration(
        FunctionName="thumbnailer",
        Timeout=60,
        Environment={"Variables": {"SIZE": "128", "DEBUG": "1"}},
    )

    assert diff(aws, "AWS::Lambda::Function", found, "thumbnailer") == [
        change("environment.DEBUG", None, "1"),
        change("timeout", 10, 60),
    ]


def test_deleted_function_reads_as_none(aws):
    """ResourceNotFoundException: the function is gone."""
    _function()
    client("lambda").delete_function(FunctionName="thumbnailer")

    assert read(aws, "AWS::Lambda::Function", "thumbnailer") == (None, ["lambda:GetFunction"])


# KMS keys

KEY_POLICY = {
    "Version": "2012-10-17",
    "Id": "key-default-1",
    "Statement": [
        {
            "Sid": "Enable IAM User Permissions",
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:root"},
            "Action": "kms:*",
            "Resource": "*",
        }
    ],
}


def _key() -> tuple[list, str]:
    key = client("kms").create_key(
        Description="orders data",
        Policy=json.dumps(KEY_POLICY),
        Tags=[{"TagKey": "team", "TagValue": "orders"}],
    )
    key_id = key["KeyMetadata"]["KeyId"]
    found = owners(
        "AWS::KMS::Key",
        key_id,
        (
            "aws_kms_key",
            {
                "id": key_id,
                "key_id": key_id,
                "arn": key["KeyMetadata"]["Arn"],
                "bypass_policy_lockout_safety_check": False,
                "customer_master_key_spec": "SYMMETRIC_DEFAULT",
                "deletion_window_in_days": 10,
                "description": "orders data",
                "enable_key_rotation": False,
                "is_enabled": True,
                "key_usage": "ENCRYPT_DECRYPT",
                "multi_region": False,
                "policy": json.dumps(KEY_POLICY),
                "rotation_period_in_days": 0,
                "tags": {"team": "orders"},
                "tags_all": {"team": "orders"},
            },
        ),
    )
    return found, key_id


def test_key_hand_changes_are_reported(aws):
    """As created: no diff in four calls; after rotation on and a new description: both."""
    found, key_id = _key()
    assert diff(aws, "AWS::KMS::Key", found, key_id) == []
    assert read(aws, "AWS::KMS::Key", key_id)[1] == [
        "kms:DescribeKey",
        "kms:GetKeyPolicy",
        "kms:GetKeyRotationStatus",
        "kms:ListResourceTags",
    ]

    client("kms").enable_key_rotation(KeyId=key_id)
    client("kms").update_key_description(KeyId=key_id, Description="scratch")

    assert diff(aws, "AWS::KMS::Key", found, key_id) == [
        change("description", "orders data", "scratch"),
        change("rotation_enabled", False, True),
    ]


def test_key_pending_deletion_reads_as_none(aws):
    """A key scheduled for deletion is gone, as Terraform sees it."""
    _, key_id = _key()
    client("kms").schedule_key_deletion(KeyId=key_id, PendingWindowInDays=7)

    assert read(aws, "AWS::KMS::Key", key_id) == (None, ["kms:DescribeKey"])


def test_unknown_key_reads_as_none(aws):
    """NotFoundException: no such key."""
    assert read(aws, "AWS::KMS::Key", "0d9b0e8c-1111-2222-3333-444455556666")[0] is None


# ELBv2 listeners


def _listener() -> tuple[list, str, str]:
    ec2, elb = client("ec2"), client("elbv2")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=f"{REGION}{z}")[
            "Subnet"
        ]["SubnetId"]
        for i, z in ((1, "a"), (2, "b"))
    ]
    lb = elb.create_load_balancer(Name="web", Subnets=subnets)["LoadBalancers"][0][
        "LoadBalancerArn"
    ]
    tg = elb.create_target_group(Name="web", Protocol="HTTP", Port=80, VpcId=vpc)
    tg_arn = tg["TargetGroups"][0]["TargetGroupArn"]
    listener = elb.create_listener(
        LoadBalancerArn=lb,
        Protocol="HTTP",
        Port=80,
        DefaultActions=[{"Type": "forward", "TargetGroupArn": tg_arn}],
    )
    arn = listener["Listeners"][0]["ListenerArn"]
    found = owners(
        "AWS::ElasticLoadBalancingV2::Listener",
        arn,
        (
            "aws_lb_listener",
            {
                "id": arn,
                "arn": arn,
                "alpn_policy": None,
                "certificate_arn": None,
                "load_balancer_arn": lb,
                "port": 80,
                "protocol": "HTTP",
                "ssl_policy": "",
                "default_action": [
                    {
                        "authenticate_cognito": [],
                        "authenticate_oidc": [],
                        "fixed_response": [],
                        "forward": [],
                        "order": 1,
                        "redirect": [],
                        "target_group_arn": tg_arn,
                        "type": "forward",
                    }
                ],
                "mutual_authentication": [],
                "tags": {},
                "tags_all": {},
                "timeouts": None,
            },
        ),
    )
    return found, arn, vpc


def test_listener_hand_changes_are_reported(aws):
    """As created: no diff; after a port change and a fixed response in place of the forward."""
    found, arn, _ = _listener()
    assert diff(aws, "AWS::ElasticLoadBalancingV2::Listener", found, arn) == []

    client("elbv2").modify_listener(
        ListenerArn=arn,
        Port=8080,
        DefaultActions=[
            {
                "Type": "fixed-response",
                "FixedResponseConfig": {"StatusCode": "503", "ContentType": "text/plain"},
            }
        ],
    )

    changes = diff(aws, "AWS::ElasticLoadBalancingV2::Listener", found, arn)

    assert [c.path for c in changes] == [
        'default_actions["fixed-response"]',
        "default_actions.forward",
        "port",
    ]
    assert changes[0].actual == {
        "content_type": "text/plain",
        "message_body": None,
        "status_code": "503",
    }
    assert changes[2] == change("port", 80, 8080)


def test_deleted_listener_reads_as_none(aws):
    """ListenerNotFound: the listener (or its load balancer) is gone."""
    _, arn, _ = _listener()
    client("elbv2").delete_listener(ListenerArn=arn)

    assert read(aws, "AWS::ElasticLoadBalancingV2::Listener", arn) == (
        None,
        ["elasticloadbalancing:DescribeListeners"],
    )


HTTPS_ARN = (
    f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:listener/app/web/50dc6c495c0c9188/f2f7dc8e"
)
CERT = f"arn:aws:acm:{REGION}:{ACCOUNT}:certificate/"


def _https_listener(stub: Stubber) -> None:
    stub.add_response(
        "describe_listeners",
        {"Listeners": [{"ListenerArn": HTTPS_ARN, "Protocol": "HTTPS", "Port": 443}]},
        {"ListenerArns": [HTTPS_ARN]},
    )


def test_https_listener_certificates_are_read_page_by_page(aws):
    """DescribeListenerCertificates is followed through `NextMarker` (sent back as `Marker`)."""
    stub = Stubber(aws.client("elbv2", REGION, ACCOUNT))
    _https_listener(stub)
    stub.add_response(
        "describe_listener_certificates",
        {"Certificates": [{"CertificateArn": CERT + "a", "IsDefault": True}], "NextMarker": "m1"},
        {"ListenerArn": HTTPS_ARN},
    )
    stub.add_response(
        "describe_listener_certificates",
        {"Certificates": [{"CertificateArn": CERT + "b", "IsDefault": False}]},
        {"ListenerArn": HTTPS_ARN, "Marker": "m1"},
    )

    with stub:
        raw, calls = read(aws, "AWS::ElasticLoadBalancingV2::Listener", HTTPS_ARN)

    assert [c["CertificateArn"] for c in raw["certificates"]] == [CERT + "a", CERT + "b"]
    assert calls == [
        "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeListenerCertificates",
        "elasticloadbalancing:DescribeListenerCertificates",
    ]


def test_listener_deleted_while_its_certificates_are_read_reads_as_none(aws):
    """ListenerNotFound from DescribeListenerCertificates: gone, not an error."""
    stub = Stubber(aws.client("elbv2", REGION, ACCOUNT))
    _https_listener(stub)
    stub.add_client_error("describe_listener_certificates", "ListenerNotFound", "gone", 400)

    with stub:
        raw, calls = read(aws, "AWS::ElasticLoadBalancingV2::Listener", HTTPS_ARN)

    assert (raw, len(calls)) == (None, 2)


# Through the confirmer


def _finding(kind: str, resource_type: str, resource_id: str) -> Finding:
    return Finding(
        kind=kind,
        resource_type=resource_type,
        resource_id=resource_id,
        account_id=ACCOUNT,
        region=REGION,
        addresses=[],
        events=[],
    )


def test_confirmer_confirms_a_change_and_resolves_a_reverted_one(aws):
    """Opened SSH: confirmed with the change; closed again by hand: confirmed false."""
    sg, _, found = _security_group()
    ec2 = client("ec2")
    world = [
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}
    ]
    finding = _finding("modified", "AWS::EC2::SecurityGroup", sg)
    confirmer = LiveConfirmer(aws)

    ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=world)
    opened = asyncio.run(confirmer.confirm(finding, found))
    ec2.revoke_security_group_ingress(GroupId=sg, IpPermissions=world)
    closed = asyncio.run(confirmer.confirm(finding, found))

    assert (opened.confirmed, [c.path for c in opened.changes]) == (
        True,
        ['ingress["tcp 22-22"].cidr_blocks'],
    )
    assert opened.api_calls == ["ec2:DescribeSecurityGroups"]
    assert (closed.confirmed, closed.changes) == (False, [])


def test_confirmer_confirms_a_deletion_by_the_not_found_answer(aws):
    """A deleted function: `confirmed: true` for the `deleted` finding."""
    found = _function()
    client("lambda").delete_function(FunctionName="thumbnailer")

    result = asyncio.run(
        LiveConfirmer(aws).confirm(
            _finding("deleted", "AWS::Lambda::Function", "thumbnailer"), found
        )
    )

    assert (result.confirmed, result.reason) == (True, None)
