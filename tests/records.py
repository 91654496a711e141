"""Small builders of CloudTrail records in the documented shape, for unit tests."""

from __future__ import annotations

from typing import Any

ACCOUNT = "111122223333"


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
    """A successful AuthorizeSecurityGroupIngress by an SSO user, with any field replaced."""
    rec: dict[str, Any] = {
        "eventVersion": "1.11",
        "userIdentity": sso_identity(),
        "eventTime": "2026-11-24T05:12:09Z",
        "eventSource": "ec2.amazonaws.com",
        "eventName": "AuthorizeSecurityGroupIngress",
        "awsRegion": "us-east-1",
        "sourceIPAddress": "203.0.113.7",
        "userAgent": "AWS Internal",
        "requestParameters": {"groupId": "sg-0a11b22c33d44e55f"},
        "responseElements": {"_return": True},
        "requestID": "req-1",
        "eventID": "11111111-2222-3333-4444-555555555555",
        "readOnly": False,
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": ACCOUNT,
        "eventCategory": "Management",
    }
    for key, value in overrides.items():
        if value is None:
            rec.pop(key, None)
        else:
            rec[key] = value
    return rec
