"""AWS::S3::Bucket: the bucket and its child resources against the facets read live."""

from __future__ import annotations

import json
from typing import Any

from bot.drift.live import LIVE_TYPES
from tests.live_state import bucket_log_policy, change, check, owners, public_access_block

OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a"

BUCKET = "logs-111122223333"
S3_TYPE = "AWS::S3::Bucket"
POLICY = bucket_log_policy(BUCKET)


def _bucket(**over: Any) -> dict[str, Any]:
    """`aws_s3_bucket` as provider v5 records it after a refresh."""
    attrs = {
        "bucket": BUCKET,
        "id": BUCKET,
        "arn": f"arn:aws:s3:::{BUCKET}",
        "acl": None,
        "grant": [
            {"id": OWNER_ID, "permissions": ["FULL_CONTROL"], "type": "CanonicalUser", "uri": ""}
        ],
        "policy": "",
        "versioning": [{"enabled": False, "mfa_delete": False}],
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
        "tags": {"team": "data"},
        "tags_all": {"team": "data"},
    }
    return attrs | over


def _live_bucket(**over: Any) -> dict[str, Any]:
    raw = {
        "name": BUCKET,
        "policy": None,
        "public_access_block": None,
        "acl": {
            "Owner": {"ID": OWNER_ID},
            "Grants": [
                {"Grantee": {"ID": OWNER_ID, "Type": "CanonicalUser"}, "Permission": "FULL_CONTROL"}
            ],
        },
        "versioning": {},
        "encryption": None,
        "tags": [{"Key": "team", "Value": "data"}],
    }
    return raw | over


def test_bucket_matching_the_state_has_no_changes():
    """A v5 bucket's recorded grant, policy, versioning, encryption and tags against AWS's."""
    found = owners(S3_TYPE, BUCKET, ("aws_s3_bucket", _bucket()))

    assert check(S3_TYPE, found, _live_bucket()) == []


def test_child_resources_win_over_the_bucket_attributes():
    """`aws_s3_bucket_policy`, `_versioning`, `_public_access_block` and a canned `_acl`."""
    found = owners(
        S3_TYPE,
        BUCKET,
        ("aws_s3_bucket", _bucket()),
        ("aws_s3_bucket_policy", {"bucket": BUCKET, "id": BUCKET, "policy": json.dumps(POLICY)}),
        (
            "aws_s3_bucket_versioning",
            {
                "bucket": BUCKET,
                "id": BUCKET,
                "mfa": None,
                "versioning_configuration": [{"mfa_delete": "", "status": "Enabled"}],
            },
        ),
        public_access_block(BUCKET),
        (
            "aws_s3_bucket_acl",
            {
                "bucket": BUCKET,
                "id": f"{BUCKET},private",
                "acl": "private",
                "access_control_policy": [],
            },
        ),
    )
    pab = dict.fromkeys(
        ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"), True
    )
    live = _live_bucket(
        policy=json.dumps(POLICY), versioning={"Status": "Enabled"}, public_access_block=pab
    )

    assert check(S3_TYPE, found, live) == []


def test_public_read_acl_and_suspended_versioning_are_changes():
    """A canned ACL made public by hand, and versioning suspended."""
    found = owners(
        S3_TYPE,
        BUCKET,
        (
            "aws_s3_bucket",
            _bucket(acl="private", grant=[], versioning=[{"enabled": True, "mfa_delete": False}]),
        ),
    )
    live = _live_bucket(versioning={"Status": "Suspended"})
    live["acl"]["Grants"].append(
        {
            "Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"},
            "Permission": "READ",
        }
    )

    changes = check(S3_TYPE, found, live)

    assert changes == [
        change("acl", ["owner FULL_CONTROL"], ["group:AllUsers READ", "owner FULL_CONTROL"]),
        change("versioning.enabled", True, False),
    ]


def test_only_a_policy_in_the_state_compares_only_the_policy():
    """Only `aws_s3_bucket_policy` owns the bucket: its tags and versioning are not compared."""
    found = owners(
        S3_TYPE,
        BUCKET,
        ("aws_s3_bucket_policy", {"bucket": BUCKET, "id": BUCKET, "policy": json.dumps(POLICY)}),
    )
    live = _live_bucket(policy=json.dumps(POLICY), versioning={"Status": "Enabled"}, tags=[])

    assert check(S3_TYPE, found, live) == []


def test_only_a_lifecycle_rule_in_the_state_has_nothing_to_compare():
    """An owner that manages no compared facet gives no projection (confirmed: null)."""
    found = owners(
        S3_TYPE,
        BUCKET,
        ("aws_s3_bucket_lifecycle_configuration", {"bucket": BUCKET, "id": BUCKET, "rule": []}),
    )

    assert LIVE_TYPES.get(S3_TYPE).desired(found) is None


def test_kms_default_encryption_changed_by_hand():
    """SSE-S3 in the state, SSE-KMS live."""
    found = owners(S3_TYPE, BUCKET, ("aws_s3_bucket", _bucket()))
    kms = {
        "Rules": [
            {
                "ApplyServerSideEncryptionByDefault": {
                    "SSEAlgorithm": "aws:kms",
                    "KMSMasterKeyID": "alias/logs",
                },
                "BucketKeyEnabled": True,
            }
        ]
    }

    changes = check(S3_TYPE, found, _live_bucket(encryption=kms))

    assert changes == [
        change("encryption.bucket_key_enabled", False, True),
        change("encryption.kms_master_key_id", None, "alias/logs"),
        change("encryption.sse_algorithm", "AES256", "aws:kms"),
    ]
