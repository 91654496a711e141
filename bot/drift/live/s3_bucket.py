"""AWS::S3::Bucket: policy, public access block, ACL grants, versioning, default encryption and
tags, from `aws_s3_bucket` (its provider-v3 inline arguments and the values provider v4+ records
from a refresh) and the child resources that own each facet, which win over the bucket's own
attributes: `aws_s3_bucket_policy`, `_public_access_block`, `_acl`, `_versioning`,
`_server_side_encryption_configuration`.

- policy: a recorded `policy` of "" or null means "no policy" (provider v4+ records what it
  read); the facet is unmanaged only when nothing records a policy at all.
- public access block: compared only when an `aws_s3_bucket_public_access_block` manages it; no
  configuration on the bucket reads as all four settings false.
- ACL: grants as sorted `"GRANTEE PERMISSION"` strings, the bucket owner written `owner`
  (`owner FULL_CONTROL`, `group:AllUsers READ`, `id:<canonical id> WRITE`). Canned ACLs expand
  to their grants. For `aws_s3_bucket.grant`, which records no owner, the owner is the one
  canonical user holding FULL_CONTROL.
- versioning: `enabled` and `mfa_delete` booleans ("Suspended" and never-enabled are both off).
- encryption: the first default-encryption rule; no rule means AWS's default since 2023
  (SSE-S3, `AES256`, no bucket key), on either side.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.drift.live.compare import LIVE_TYPES, Attrs, LiveType
from bot.drift.live.normalize import (
    UNMANAGED,
    block,
    blocks,
    desired_tags,
    first_attrs,
    flag,
    managed_or_none,
    normalize_policy,
    string_set,
    tag_map,
    terraform_owners,
    text,
)
from bot.iac.index import DesiredResource

RESOURCE_TYPE = "AWS::S3::Bucket"
BUCKET = "aws_s3_bucket"
POLICY = "aws_s3_bucket_policy"
PUBLIC_ACCESS_BLOCK = "aws_s3_bucket_public_access_block"
ACL = "aws_s3_bucket_acl"
VERSIONING = "aws_s3_bucket_versioning"
ENCRYPTION = "aws_s3_bucket_server_side_encryption_configuration"

OWNER = "owner"
CANNED_ACLS: dict[str, list[str]] = {
    "private": [],
    "public-read": ["group:AllUsers READ"],
    "public-read-write": ["group:AllUsers READ", "group:AllUsers WRITE"],
    "authenticated-read": ["group:AuthenticatedUsers READ"],
    "log-delivery-write": ["group:LogDelivery READ_ACP", "group:LogDelivery WRITE"],
    "bucket-owner-read": [],  # object ACLs: on a bucket they leave only the owner's grant
    "bucket-owner-full-control": [],
}
PAB_FIELDS = (
    ("block_public_acls", "BlockPublicAcls"),
    ("block_public_policy", "BlockPublicPolicy"),
    ("ignore_public_acls", "IgnorePublicAcls"),
    ("restrict_public_buckets", "RestrictPublicBuckets"),
)
DEFAULT_ENCRYPTION = {
    "sse_algorithm": "AES256",
    "kms_master_key_id": None,
    "bucket_key_enabled": False,
}


def grantee(kind: object, ident: object, uri: object, email: object, owner: str | None) -> str:
    """`owner`, `id:<canonical id>`, `group:AllUsers` or `email:<address>`."""
    if text(uri) is not None or kind == "Group":
        return "group:" + str(uri).rstrip("/").rsplit("/", 1)[-1]
    if text(email) is not None or kind == "AmazonCustomerByEmail":
        return f"email:{email}"
    return OWNER if owner is not None and ident == owner else f"id:{ident}"


def canned_grants(acl: str) -> Any:
    grants = CANNED_ACLS.get(acl)
    return UNMANAGED if grants is None else sorted({f"{OWNER} FULL_CONTROL", *grants})


def _acl_policy_grants(policy: Mapping[str, Any]) -> list[str]:
    """`aws_s3_bucket_acl.access_control_policy`: its grants, and the owner they name."""
    owner = text((block(policy.get("owner")) or {}).get("id"))
    grants = set()
    for grant in blocks(policy.get("grant")):
        who = block(grant.get("grantee")) or {}
        name = grantee(
            who.get("type"), who.get("id"), who.get("uri"), who.get("email_address"), owner
        )
        grants.add(f"{name} {grant.get('permission')}")
    return sorted(grants)


def _bucket_grants(grants: list[Mapping[str, Any]]) -> list[str]:
    """`aws_s3_bucket.grant`: `{id, type, uri, permissions}` sets, no owner recorded."""
    full = {
        g.get("id")
        for g in grants
        if g.get("type") == "CanonicalUser" and "FULL_CONTROL" in string_set(g.get("permissions"))
    }
    owner = str(next(iter(full))) if len(full) == 1 else None
    return sorted(
        {
            f"{grantee(g.get('type'), g.get('id'), g.get('uri'), None, owner)} {permission}"
            for g in grants
            for permission in string_set(g.get("permissions"))
        }
    )


def _desired_acl(bucket: Mapping[str, Any] | None, acl: Mapping[str, Any] | None) -> Any:
    if acl is not None:
        if text(acl.get("acl")) is not None:
            return canned_grants(str(acl["acl"]))
        policy = block(acl.get("access_control_policy"))
        return _acl_policy_grants(policy) if policy is not None else UNMANAGED
    if bucket is None:
        return UNMANAGED
    if text(bucket.get("acl")) is not None:
        return canned_grants(str(bucket["acl"]))
    grants = blocks(bucket.get("grant"))
    return _bucket_grants(grants) if grants else UNMANAGED


def _desired_policy(bucket: Mapping[str, Any] | None, policy: Mapping[str, Any] | None) -> Any:
    if policy is not None:
        return normalize_policy(policy.get("policy"))
    if bucket is not None and "policy" in bucket:
        return normalize_policy(bucket.get("policy"))
    return UNMANAGED


def _desired_versioning(bucket: Mapping[str, Any] | None, child: Mapping[str, Any] | None) -> Any:
    if child is not None:
        config = block(child.get("versioning_configuration")) or {}
        return {
            "enabled": config.get("status") == "Enabled",
            "mfa_delete": config.get("mfa_delete") == "Enabled",
        }
    recorded = block(bucket.get("versioning")) if bucket is not None else None
    if recorded is None:
        return UNMANAGED
    return {
        "enabled": flag(recorded.get("enabled")),
        "mfa_delete": flag(recorded.get("mfa_delete")),
    }


def _encryption_rule(rule: Mapping[str, Any] | None) -> dict[str, Any]:
    if rule is None:
        return dict(DEFAULT_ENCRYPTION)
    default = block(rule.get("apply_server_side_encryption_by_default")) or {}
    return {
        "sse_algorithm": text(default.get("sse_algorithm")),
        "kms_master_key_id": text(default.get("kms_master_key_id")),
        "bucket_key_enabled": flag(rule.get("bucket_key_enabled")),
    }


def _desired_encryption(bucket: Mapping[str, Any] | None, child: Mapping[str, Any] | None) -> Any:
    if child is not None:
        return _encryption_rule(block(child.get("rule")))
    if bucket is None or "server_side_encryption_configuration" not in bucket:
        return UNMANAGED
    config = block(bucket.get("server_side_encryption_configuration")) or {}
    return _encryption_rule(block(config.get("rule")))


def project_desired(owners: Sequence[DesiredResource]) -> Attrs | None:
    tf = terraform_owners(owners)
    if not tf:
        return None
    bucket = first_attrs(tf, BUCKET)
    pab = first_attrs(tf, PUBLIC_ACCESS_BLOCK)
    return managed_or_none(
        {
            "policy": _desired_policy(bucket, first_attrs(tf, POLICY)),
            "public_access_block": UNMANAGED
            if pab is None
            else {name: flag(pab.get(name)) for name, _ in PAB_FIELDS},
            "acl": _desired_acl(bucket, first_attrs(tf, ACL)),
            "versioning": _desired_versioning(bucket, first_attrs(tf, VERSIONING)),
            "encryption": _desired_encryption(bucket, first_attrs(tf, ENCRYPTION)),
            "tags": desired_tags(bucket) if bucket is not None else UNMANAGED,
        }
    )


def actual_encryption(config: Mapping[str, Any] | None) -> dict[str, Any]:
    rules = blocks((config or {}).get("Rules"))
    if not rules:
        return dict(DEFAULT_ENCRYPTION)
    default = rules[0].get("ApplyServerSideEncryptionByDefault") or {}
    return {
        "sse_algorithm": text(default.get("SSEAlgorithm")),
        "kms_master_key_id": text(default.get("KMSMasterKeyID")),
        "bucket_key_enabled": flag(rules[0].get("BucketKeyEnabled")),
    }


def project_actual(raw: Mapping[str, Any]) -> Attrs:
    """`raw`: `policy` (text or None), `public_access_block`, `acl` (GetBucketAcl),
    `versioning` (GetBucketVersioning), `encryption` (its ServerSideEncryptionConfiguration or
    None), `tags` (the TagSet)."""
    pab = raw.get("public_access_block") or {}
    acl = raw.get("acl") or {}
    owner = text((acl.get("Owner") or {}).get("ID"))
    grants = set()
    for grant in blocks(acl.get("Grants")):
        who = grant.get("Grantee") or {}
        name = grantee(
            who.get("Type"), who.get("ID"), who.get("URI"), who.get("EmailAddress"), owner
        )
        grants.add(f"{name} {grant.get('Permission')}")
    versioning = raw.get("versioning") or {}
    return {
        "policy": normalize_policy(raw.get("policy")),
        "public_access_block": {name: flag(pab.get(field)) for name, field in PAB_FIELDS},
        "acl": sorted(grants),
        "versioning": {
            "enabled": versioning.get("Status") == "Enabled",
            "mfa_delete": versioning.get("MFADelete") == "Enabled",
        },
        "encryption": actual_encryption(raw.get("encryption")),
        "tags": tag_map(raw.get("tags")),
    }


IAC_TYPES = (BUCKET, POLICY, PUBLIC_ACCESS_BLOCK, ACL, VERSIONING, ENCRYPTION)
LIVE_TYPES.add(RESOURCE_TYPE, LiveType(RESOURCE_TYPE, project_desired, project_actual, IAC_TYPES))
