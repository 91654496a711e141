"""AWS::IAM::Role: trust policy, description, path, max session duration, permissions boundary,
tags, inline policies and attached managed policies.

The role's own attributes come from `aws_iam_role`. Inline policies are the union of the role's
recorded `inline_policy` blocks and its `aws_iam_role_policy` children (a child wins for its
name); attached policies the union of `managed_policy_arns` and the `aws_iam_role_policy_
attachment`, `aws_iam_role_policy_attachments_exclusive` and `aws_iam_policy_attachment` owners.
A facet is compared only when some owner manages it (a role known only through an attachment
has its attachments compared, not its trust policy).

Decision: whether or not an owner declares the set exclusively, the set is compared whole: a
live inline policy or attachment that no owner declares is reported (`expected: null`), since
a hand-added permission is exactly what a reviewer needs to see.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.drift.live.compare import LIVE_TYPES, Attrs, LiveType
from bot.drift.live.normalize import (
    UNMANAGED,
    attrs_of,
    blocks,
    desired_tags,
    first_attrs,
    managed_or_none,
    normalize_policy,
    number,
    string_set,
    tag_map,
    terraform_owners,
    text,
)
from bot.iac.index import DesiredResource

RESOURCE_TYPE = "AWS::IAM::Role"
ROLE = "aws_iam_role"
ROLE_POLICY = "aws_iam_role_policy"
ROLE_POLICIES_EXCLUSIVE = "aws_iam_role_policies_exclusive"
ATTACHMENT = "aws_iam_role_policy_attachment"
ATTACHMENTS_EXCLUSIVE = "aws_iam_role_policy_attachments_exclusive"
POLICY_ATTACHMENT = "aws_iam_policy_attachment"
DEFAULT_MAX_SESSION = 3600
OWN = (
    "trust_policy",
    "description",
    "path",
    "max_session_duration",
    "permissions_boundary",
    "tags",
)


def _inline_policies(role: Mapping[str, Any] | None, owners: Sequence[DesiredResource]) -> Any:
    children = attrs_of(owners, ROLE_POLICY)
    recorded = role is not None and "inline_policy" in role
    if not recorded and not children and not attrs_of(owners, ROLE_POLICIES_EXCLUSIVE):
        return UNMANAGED
    found: dict[str, Any] = {}
    for item in blocks(role.get("inline_policy")) if role is not None else []:
        if (name := text(item.get("name"))) is not None:
            found[name] = normalize_policy(item.get("policy"))
    for child in children:
        if (name := text(child.get("name"))) is not None:
            found[name] = normalize_policy(child.get("policy"))
    return dict(sorted(found.items()))


def _attached(role: Mapping[str, Any] | None, owners: Sequence[DesiredResource]) -> Any:
    arns: list[str] = []
    manages = role is not None and "managed_policy_arns" in role
    if role is not None:
        arns += string_set(role.get("managed_policy_arns"))
    for attrs in attrs_of(owners, ATTACHMENT, POLICY_ATTACHMENT):
        arns += string_set(attrs.get("policy_arn"))
        manages = True
    for attrs in attrs_of(owners, ATTACHMENTS_EXCLUSIVE):
        arns += string_set(attrs.get("policy_arns"))
        manages = True
    return string_set(arns) if manages else UNMANAGED


def project_desired(owners: Sequence[DesiredResource]) -> Attrs | None:
    tf = terraform_owners(owners)
    if not tf:
        return None
    role = first_attrs(tf, ROLE)
    own: dict[str, Any] = dict.fromkeys(OWN, UNMANAGED)
    if role is not None:
        own = {
            "trust_policy": normalize_policy(role.get("assume_role_policy")),
            "description": text(role.get("description")),
            "path": text(role.get("path")) or "/",
            "max_session_duration": number(role.get("max_session_duration"), DEFAULT_MAX_SESSION),
            "permissions_boundary": text(role.get("permissions_boundary")),
            "tags": desired_tags(role),
        }
    own["inline_policies"] = _inline_policies(role, tf)
    own["managed_policy_arns"] = _attached(role, tf)
    return managed_or_none(own)


def project_actual(raw: Mapping[str, Any]) -> Attrs:
    """`raw`: `role` (GetRole's Role), `inline_policies` ({name: document}),
    `attached_policy_arns` (ListAttachedRolePolicies)."""
    role = raw.get("role") or {}
    boundary = role.get("PermissionsBoundary") or {}
    inline = raw.get("inline_policies") or {}
    return {
        "trust_policy": normalize_policy(role.get("AssumeRolePolicyDocument")),
        "description": text(role.get("Description")),
        "path": text(role.get("Path")) or "/",
        "max_session_duration": number(role.get("MaxSessionDuration"), DEFAULT_MAX_SESSION),
        "permissions_boundary": text(boundary.get("PermissionsBoundaryArn")),
        "tags": tag_map(role.get("Tags")),
        "inline_policies": {str(n): normalize_policy(d) for n, d in sorted(inline.items())},
        "managed_policy_arns": string_set(raw.get("attached_policy_arns")),
    }


IAC_TYPES = (
    ROLE,
    ROLE_POLICY,
    ROLE_POLICIES_EXCLUSIVE,
    ATTACHMENT,
    ATTACHMENTS_EXCLUSIVE,
    POLICY_ATTACHMENT,
)
LIVE_TYPES.add(RESOURCE_TYPE, LiveType(RESOURCE_TYPE, project_desired, project_actual, IAC_TYPES))
