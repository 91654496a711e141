"""AWS::KMS::Key: key policy, rotation, description, enabled, usage, spec and tags, from
`aws_kms_key` (and `aws_kms_key_policy`, which wins for the policy) against `DescribeKey`,
`GetKeyPolicy`, `GetKeyRotationStatus` and `ListResourceTags`.

A key scheduled for deletion counts as deleted (the reader answers None), as Terraform treats it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.drift.live.compare import LIVE_TYPES, Attrs, LiveType
from bot.drift.live.normalize import (
    UNMANAGED,
    desired_tags,
    first_attrs,
    flag,
    managed_or_none,
    normalize_policy,
    tag_map,
    terraform_owners,
    text,
)
from bot.iac.index import DesiredResource

RESOURCE_TYPE = "AWS::KMS::Key"
KEY = "aws_kms_key"
KEY_POLICY = "aws_kms_key_policy"
DEFAULT_USAGE, DEFAULT_SPEC = "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT"
OWN = ("description", "enabled", "rotation_enabled", "key_usage", "key_spec", "tags")


def project_desired(owners: Sequence[DesiredResource]) -> Attrs | None:
    tf = terraform_owners(owners)
    key = first_attrs(tf, KEY)
    policy = first_attrs(tf, KEY_POLICY)
    if key is None and policy is None:
        return None
    out: dict[str, Any] = dict.fromkeys(OWN, UNMANAGED)
    if key is not None:
        out |= {
            "description": text(key.get("description")),
            "enabled": flag(key.get("is_enabled"), default=True),
            "rotation_enabled": flag(key.get("enable_key_rotation")),
            "key_usage": text(key.get("key_usage")) or DEFAULT_USAGE,
            "key_spec": text(key.get("customer_master_key_spec")) or DEFAULT_SPEC,
            "tags": desired_tags(key),
        }
    source = policy if policy is not None else key
    out["policy"] = normalize_policy(source.get("policy")) if source is not None else UNMANAGED
    return managed_or_none(out)


def project_actual(raw: Mapping[str, Any]) -> Attrs:
    """`raw`: `metadata` (DescribeKey's KeyMetadata), `policy` (text), `rotation_enabled`,
    `tags` (ListResourceTags)."""
    meta = raw.get("metadata") or {}
    return {
        "description": text(meta.get("Description")),
        "enabled": flag(meta.get("Enabled"), default=True),
        "rotation_enabled": flag(raw.get("rotation_enabled")),
        "key_usage": text(meta.get("KeyUsage")) or DEFAULT_USAGE,
        "key_spec": text(meta.get("KeySpec") or meta.get("CustomerMasterKeySpec")) or DEFAULT_SPEC,
        "tags": tag_map(raw.get("tags")),
        "policy": normalize_policy(raw.get("policy")),
    }


IAC_TYPES = (KEY, KEY_POLICY)
LIVE_TYPES.add(RESOURCE_TYPE, LiveType(RESOURCE_TYPE, project_desired, project_actual, IAC_TYPES))
