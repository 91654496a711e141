"""S3 bucket calls in words: the bucket policy (who it now lets in), the public access block,
ACLs, default encryption, versioning, a bucket created. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.messages.slack import changes as say
from bot.slack.summaries.base import (
    Said,
    Summariser,
    document,
    is_everyone,
    items,
    listed,
    principals,
    statements,
    text,
)


def policy_lines(doc: Mapping[str, Any] | None) -> tuple[list[str], list[str]]:
    """(lines, actions open to everyone): one line per statement, `policy: Principal "*" now
    allowed s3:GetObject`."""
    lines: list[str] = []
    public: list[str] = []
    for statement in statements(doc):
        actions = statement.get("Action") or statement.get("NotAction") or "*"
        shown = listed(actions)
        allow = statement.get("Effect", "Allow") == "Allow"
        for principal in principals(statement) or ["?"]:
            lines.append((say.policy_allows if allow else say.policy_denies)(principal, shown))
            if allow and is_everyone(principal) and not statement.get("Condition"):
                public.append(shown)
    return lines, public


def _put_policy(request: Mapping[str, Any]) -> Said | None:
    doc = document(request.get("bucketPolicy") or request.get("policy"))
    lines, public = policy_lines(doc)
    what = say.bucket_policy_public(", ".join(public)) if public else say.bucket_policy_set()
    return Said(what, tuple(lines))


def _delete_policy(request: Mapping[str, Any]) -> Said | None:
    return Said(say.bucket_policy_deleted())


BLOCK_KEYS = ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets")


def _public_access_block(request: Mapping[str, Any]) -> Said | None:
    config = request.get("PublicAccessBlockConfiguration") or {}
    if not isinstance(config, Mapping):
        return Said(say.public_access_block_set())
    off = [k for k in BLOCK_KEYS if str(config.get(k)).lower() == "false"]
    lines = tuple(say.setting_line(k, text(config[k])) for k in BLOCK_KEYS if k in config)
    if off:
        return Said(say.public_access_block_off(", ".join(off)), lines)
    return Said(say.public_access_block_set(), lines)


def _delete_public_access_block(request: Mapping[str, Any]) -> Said | None:
    return Said(say.public_access_block_deleted())


def _bucket_acl(request: Mapping[str, Any]) -> Said | None:
    canned = request.get("x-amz-acl")
    if canned:
        acl = text(canned[0] if isinstance(canned, list) and canned else canned)
        return Said(say.acl_set(acl), (say.setting_line("ACL", acl),))
    policy = request.get("AccessControlPolicy") or {}
    grants = (
        items((policy.get("AccessControlList") or {}).get("Grant"))
        if isinstance(policy, Mapping)
        else []
    )
    lines = []
    for grant in grants:
        grantee = grant.get("Grantee") or {}
        who = grantee.get("URI") or grantee.get("ID") or grantee.get("EmailAddress") or "?"
        lines.append(
            say.acl_granted(text(who).rsplit("/", 1)[-1], text(grant.get("Permission", "?")))
        )
    return (
        Said(lines[0] if len(lines) == 1 else say.acl_set(str(len(lines))), tuple(lines))
        if lines
        else None
    )


def _encryption(request: Mapping[str, Any]) -> Said | None:
    config = request.get("ServerSideEncryptionConfiguration") or {}
    rules = items(config.get("Rule")) if isinstance(config, Mapping) else []
    for rule in rules:
        default = rule.get("ApplyServerSideEncryptionByDefault") or {}
        algorithm = text(default.get("SSEAlgorithm") or "?")
        return Said(say.encryption_set(algorithm), (say.setting_line("SSE", algorithm),))
    return None


def _delete_encryption(request: Mapping[str, Any]) -> Said | None:
    return Said(say.encryption_off())


def _versioning(request: Mapping[str, Any]) -> Said | None:
    config = request.get("VersioningConfiguration") or {}
    status = text(config.get("Status") or "?") if isinstance(config, Mapping) else "?"
    return Said(say.versioning(status), (say.setting_line("versioning", status),))


def _create(request: Mapping[str, Any]) -> Said | None:
    return Said(say.created_bucket())


SUMMARISERS: dict[str, Summariser] = {
    "PutBucketPolicy": _put_policy,
    "DeleteBucketPolicy": _delete_policy,
    "PutBucketPublicAccessBlock": _public_access_block,
    "PutPublicAccessBlock": _public_access_block,
    "DeleteBucketPublicAccessBlock": _delete_public_access_block,
    "DeletePublicAccessBlock": _delete_public_access_block,
    "PutBucketAcl": _bucket_acl,
    "PutBucketEncryption": _encryption,
    "DeleteBucketEncryption": _delete_encryption,
    "PutBucketVersioning": _versioning,
    "CreateBucket": _create,
}
