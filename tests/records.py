"""Small builders of CloudTrail records in the documented shape, for unit tests."""

from __future__ import annotations

from typing import Any

from examples.synth import ACCOUNT as ACCOUNT
from examples.synth import management_event


def sso_identity(email: str = "dev@example.com", account: str = ACCOUNT) -> dict[str, Any]:
    role = "AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6a7b"
    return {
        "type": "AssumedRole",
        "principalId": f"AROAEXAMPLEID:{email}",
        "arn": f"arn:aws:sts::{account}:assumed-role/{role}/{email}",
        "accountId": account,
        "sessionContext": {
            "sessionIssuer": {
                "type": "Role",
                "arn": f"arn:aws:iam::{account}:role/aws-reserved/sso.amazonaws.com/{role}",
                "accountId": account,
                "userName": role,
            }
        },
    }


def role_identity(role: str, session: str, account: str = ACCOUNT) -> dict[str, Any]:
    return {
        "type": "AssumedRole",
        "principalId": f"AROAEXAMPLEID:{session}",
        "arn": f"arn:aws:sts::{account}:assumed-role/{role}/{session}",
        "accountId": account,
        "sessionContext": {
            "sessionIssuer": {
                "type": "Role",
                "arn": f"arn:aws:iam::{account}:role/{role}",
                "accountId": account,
                "userName": role,
            }
        },
    }


def user_identity(name: str = "alice", account: str = ACCOUNT) -> dict[str, Any]:
    return {
        "type": "IAMUser",
        "principalId": "AIDAEXAMPLE",
        "arn": f"arn:aws:iam::{account}:user/{name}",
        "accountId": account,
        "userName": name,
    }


def make_record(**overrides: Any) -> dict[str, Any]:
    """A successful AuthorizeSecurityGroupIngress by an SSO user, with any field replaced (a
    None value removes the field)."""
    rec = management_event(
        when="2026-11-24T05:12:09Z",
        account=ACCOUNT,
        region="us-east-1",
        source="ec2.amazonaws.com",
        name="AuthorizeSecurityGroupIngress",
        identity=sso_identity(),
        agent="AWS Internal",
        ip="203.0.113.7",
        request={"groupId": "sg-0a11b22c33d44e55f"},
        response={"_return": True},
        request_id="req-1",
        event_id="11111111-2222-3333-4444-555555555555",
    )
    for key, value in overrides.items():
        if value is None:
            rec.pop(key, None)
        else:
            rec[key] = value
    return rec
