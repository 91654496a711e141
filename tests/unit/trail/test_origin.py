"""Calls no person made: AWS services acting on their own, CloudFormation's stack calls
(bot/trail/origin.py), and the tools people use (bot/trail/attribution.py)."""

from __future__ import annotations

import pytest

from bot.trail.attribution import attribute
from bot.trail.filter import TrailFilter
from bot.trail.origin import origin
from tests.records import (
    backup_restore_record,
    cloudformation_call,
    make_record,
    role_identity,
    user_identity,
)

WIDE = TrailFilter("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z")


def with_role(role: str, session: str = "session", path: str = "/") -> dict:
    identity = role_identity(role, session)
    issuer = identity["sessionContext"]["sessionIssuer"]
    issuer["arn"] = issuer["arn"].replace(f":role/{role}", f":role{path}{role}")
    return make_record(userIdentity=identity, sourceIPAddress="198.51.100.9", userAgent="sdk")


def test_a_restore_by_aws_backup_is_aws_service():
    rec = backup_restore_record()

    assert origin(rec) == ("aws_service", "AWS Backup")
    assert WIDE.drop_reason(rec) == "aws_service"
    who = attribute(rec)
    assert (who.actor, who.role, who.via) == (
        "AWS Backup",
        "AWSBackupDefaultServiceRole",
        "aws_service",
    )


def test_calls_cloudformation_makes_for_a_stack_are_iac():
    """Whoever started the stack operation, CloudFormation's own calls are IaC."""
    rec = cloudformation_call()

    assert origin(rec) == ("cloudformation", "AWS CloudFormation")
    assert WIDE.drop_reason(rec) == "iac_principal"
    assert attribute(rec).via == "cloudformation"


@pytest.mark.parametrize(
    ("rec", "service"),
    [
        (with_role("AWSServiceRoleForAutoScaling", "AutoScaling"), "EC2 Auto Scaling"),
        (
            with_role("AWSServiceRoleForRDS", "x", "/aws-service-role/rds.amazonaws.com/"),
            "rds.amazonaws.com",
        ),
        (
            with_role("MyCustomName", "x", "/aws-service-role/rds.amazonaws.com/"),
            "rds.amazonaws.com",
        ),
        (with_role("AWSBatchServiceRole"), "AWS Batch"),
        (with_role("AmazonSageMaker-ExecutionRole-20240101T000000"), "Amazon SageMaker"),
        (with_role("ecsServiceRole"), "Amazon ECS"),
        (with_role("AmazonEKSClusterRole"), "Amazon EKS"),
        (with_role("platform-eks-node-group-20231128085853957000000011"), "Amazon EKS"),
        (with_role("aws-elasticbeanstalk-service-role"), "AWS Elastic Beanstalk"),
        (with_role("config-role-us-east-1"), "AWS Config"),
        (with_role("AWS-QuickSetup-StackSet-Local-AdministrationRole"), "AWS Systems Manager"),
        (with_role("aws-controltower-ConfigRecorderRole"), "AWS Control Tower"),
        (with_role("SomeRole", "AWSBackup-restore-job-1"), "AWS Backup"),
        (
            make_record(userIdentity={"type": "AWSService", "invokedBy": "ec2.amazonaws.com"}),
            "ec2.amazonaws.com",
        ),
        (make_record(sourceIPAddress="autoscaling.amazonaws.com"), "EC2 Auto Scaling"),
        (make_record(sourceIPAddress="eks-nodegroup.amazonaws.com"), "Amazon EKS"),
        (
            make_record(userIdentity={**user_identity(), "invokedBy": "rds.amazonaws.com"}),
            "rds.amazonaws.com",
        ),
    ],
)
def test_aws_services_own_calls(rec, service):
    """Service-linked roles, service hosts, well-known service roles and session names."""
    assert origin(rec) == ("aws_service", service)


@pytest.mark.parametrize(
    "rec",
    [
        make_record(),
        make_record(userIdentity={**user_identity(), "invokedBy": "signin.amazonaws.com"}),
        make_record(userIdentity={**role_identity("Admin", "bob"), "invokedBy": "AWS Internal"}),
        with_role("AWSControlTowerExecution", "alice"),
        with_role("AWSReservedSSO_Admin_0a1b", "dev@example.com"),
        with_role("deploy", "ECSAdminSession"),
    ],
)
def test_people_and_their_console_are_not_aws_services(rec):
    """The console's sign-in host, roles people assume for their own work."""
    assert origin(rec) is None
    assert WIDE.drop_reason(rec) is None


@pytest.mark.parametrize(
    ("agent", "via"),
    [
        (
            "APN/1.0 HashiCorp/1.0 Terraform/1.9.5 (+https://www.terraform.io) "
            "terraform-provider-aws/5.70.0",
            "terraform",
        ),
        (
            "APN/1.0 HashiCorp/1.0 OpenTofu/1.8.3 (+https://opentofu.org) "
            "terraform-provider-aws/5.70.0",
            "opentofu",
        ),
        ("aws-sdk-js/2.1692.0 linux/v20.17.0 aws-cdk/2.160.0 promise", "cdk"),
        (
            "aws-sdk-js/3.621.0 ua/2.0 os/linux lang/js md/nodejs#20 "
            "api/cloudformation#3.621.0 aws-cdk-lib/2.160.0",
            "cdk",
        ),
        (
            "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux exec-env/AWS_SAM_CLI "
            "aws-sam-cli/1.120.0",
            "sam",
        ),
        ("pulumi-resource-aws/6.52.0 aws-sdk-go-v2/1.30.5", "pulumi"),
        ("aws-cli/2.17.0 md/awscrt#0.20.11 ua/2.0 os/linux", "cli"),
        ("Boto3/1.34.0", "sdk"),
    ],
)
def test_tools_are_named_by_their_user_agents(agent, via):
    assert attribute(make_record(userAgent=agent)).via == via
