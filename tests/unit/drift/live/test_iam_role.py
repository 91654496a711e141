"""AWS::IAM::Role: the role, its inline policies and attachments against GetRole and its
policy lists."""

from __future__ import annotations

import json
from typing import Any

from bot.drift.live.normalize import normalize_policy
from tests.live_state import ACCOUNT, change, check, owners

ROLE = "app-runtime"
ROLE_TYPE = "AWS::IAM::Role"
TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "sts:AssumeRole",
            "Principal": {"Service": "ecs-tasks.amazonaws.com"},
        }
    ],
}
READ = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}],
}
READONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess"


def _role(**over: Any) -> dict[str, Any]:
    attrs = {
        "name": ROLE,
        "id": ROLE,
        "arn": f"arn:aws:iam::{ACCOUNT}:role/{ROLE}",
        "path": "/",
        "assume_role_policy": json.dumps(TRUST),
        "description": "",
        "max_session_duration": 3600,
        "permissions_boundary": "",
        "tags": {},
        "tags_all": {},
        "inline_policy": [{"name": "read", "policy": json.dumps(READ)}],
        "managed_policy_arns": [],
    }
    return attrs | over


def _live_role(**over: Any) -> dict[str, Any]:
    role = {
        "RoleName": ROLE,
        "Path": "/",
        "AssumeRolePolicyDocument": TRUST,
        "MaxSessionDuration": 3600,
    }
    return {"role": role, "inline_policies": {"read": READ}, "attached_policy_arns": []} | over


def test_role_matching_the_state_has_no_changes():
    """Trust policy (JSON text vs parsed), unset description, inline policy."""
    found = owners(ROLE_TYPE, ROLE, ("aws_iam_role", _role()))

    assert check(ROLE_TYPE, found, _live_role()) == []


def test_attachments_of_children_are_expected_and_extra_ones_reported():
    """An `aws_iam_role_policy_attachment` is expected; a hand-attached policy is a change."""
    found = owners(
        ROLE_TYPE,
        ROLE,
        ("aws_iam_role", _role()),
        (
            "aws_iam_role_policy_attachment",
            {"role": ROLE, "policy_arn": READONLY, "id": f"{ROLE}-1"},
        ),
    )
    admin = "arn:aws:iam::aws:policy/AdministratorAccess"

    changes = check(ROLE_TYPE, found, _live_role(attached_policy_arns=[admin, READONLY]))

    assert changes == [change("managed_policy_arns", [READONLY], [admin, READONLY])]


def test_inline_policy_child_wins_and_extra_inline_policy_is_reported():
    """`aws_iam_role_policy` declares `read`; a hand-put `debug` policy shows under its name."""
    found = owners(
        ROLE_TYPE,
        ROLE,
        ("aws_iam_role", _role(inline_policy=[])),
        (
            "aws_iam_role_policy",
            {"role": ROLE, "name": "read", "id": f"{ROLE}:read", "policy": json.dumps(READ)},
        ),
    )
    debug = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
    }

    changes = check(ROLE_TYPE, found, _live_role(inline_policies={"read": READ, "debug": debug}))

    assert changes == [change("inline_policies.debug", None, normalize_policy(debug))]


def test_role_known_only_by_an_attachment_compares_only_attachments():
    """No `aws_iam_role` in the state: trust policy and tags are not compared."""
    found = owners(
        ROLE_TYPE,
        ROLE,
        ("aws_iam_role_policy_attachment", {"role": ROLE, "policy_arn": READONLY, "id": "x"}),
    )
    live = _live_role(attached_policy_arns=[READONLY])
    live["role"]["Description"] = "changed"

    assert check(ROLE_TYPE, found, live) == []
