"""AWS::EC2::Instance against DescribeInstances."""

from __future__ import annotations

from typing import Any

from tests.live_state import ACCOUNT, check, owners


def test_instance_profile_name_matches_its_arn():
    """Terraform records the profile's name; AWS answers its ARN (with a path)."""
    attrs: dict[str, Any] = {
        "id": "i-1",
        "arn": f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-1",
        "instance_type": "t3.micro",
        "vpc_security_group_ids": ["sg-1"],
        "iam_instance_profile": "app",
        "tags": None,
        "tags_all": {},
    }
    found = owners("AWS::EC2::Instance", "i-1", ("aws_instance", attrs))
    live = {
        "InstanceType": "t3.micro",
        "SecurityGroups": [{"GroupId": "sg-1", "GroupName": "x"}],
        "IamInstanceProfile": {"Arn": f"arn:aws:iam::{ACCOUNT}:instance-profile/ops/app"},
    }

    assert check("AWS::EC2::Instance", found, live) == []
