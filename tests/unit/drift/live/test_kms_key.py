"""AWS::KMS::Key against DescribeKey, GetKeyPolicy, GetKeyRotationStatus and ListResourceTags."""

from __future__ import annotations

import json

from tests.live_state import ACCOUNT, change, check, owners


def test_kms_key_policy_resource_wins_over_the_key_policy():
    """`aws_kms_key_policy` is the policy to expect; the key's recorded one is older."""
    key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
    old = {"Version": "2012-10-17", "Statement": []}
    new = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": ACCOUNT}, "Action": "kms:*", "Resource": "*"}
        ],
    }
    key = {
        "key_id": key_id,
        "id": key_id,
        "arn": f"arn:aws:kms:us-east-1:{ACCOUNT}:key/{key_id}",
        "description": "k",
        "is_enabled": True,
        "enable_key_rotation": True,
        "key_usage": "ENCRYPT_DECRYPT",
        "customer_master_key_spec": "SYMMETRIC_DEFAULT",
        "policy": json.dumps(old),
        "tags": {},
        "tags_all": {},
    }
    found = owners(
        "AWS::KMS::Key",
        key_id,
        ("aws_kms_key", key),
        ("aws_kms_key_policy", {"key_id": key_id, "policy": json.dumps(new)}),
    )
    live = {
        "metadata": {
            "Description": "k",
            "Enabled": True,
            "KeyUsage": "ENCRYPT_DECRYPT",
            "KeySpec": "SYMMETRIC_DEFAULT",
        },
        "policy": json.dumps(new),
        "rotation_enabled": False,
        "tags": [],
    }

    assert check("AWS::KMS::Key", found, live) == [change("rotation_enabled", True, False)]
