"""Small builders of CloudTrail records in the documented shape, for unit tests."""

from __future__ import annotations

import json
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


def insights_record() -> dict[str, Any]:
    """A CloudTrail Insights event as trails deliver it: no top-level eventName (documented
    shape: CloudTrail user guide, "Insights events")."""
    return {
        "eventVersion": "1.07",
        "eventTime": "2026-11-24T05:00:00Z",
        "awsRegion": "us-east-1",
        "eventID": "a1b2c3d4-9621-4d00-b913-beca2e000001",
        "eventType": "AwsCloudTrailInsight",
        "recipientAccountId": ACCOUNT,
        "sharedEventID": "a1b2c3d4-1729-42f1-b735-5d8c0e000002",
        "insightDetails": {
            "state": "Start",
            "eventSource": "ec2.amazonaws.com",
            "eventName": "RunInstances",
            "insightType": "ApiCallRateInsight",
            "insightContext": {"statistics": {"baseline": {"average": 0.01}}},
        },
        "eventCategory": "Insight",
    }


def numbered_records(count: int) -> list[dict[str, Any]]:
    """`count` distinct security group changes (AuthorizeSecurityGroupIngress on sg-…01, 02…)."""
    return [
        make_record(
            eventID=f"00000000-0000-0000-0000-{i:012d}",
            requestParameters={"groupId": f"sg-{i:017x}"},
        )
        for i in range(1, count + 1)
    ]


def logs_payload(records: list[dict[str, Any]], kind: str = "DATA_MESSAGE") -> dict[str, Any]:
    """A CloudWatch Logs subscription payload carrying `records` as log events (documented
    shape: CloudWatch Logs user guide, "Using subscription filters")."""
    return {
        "messageType": kind,
        "owner": ACCOUNT,
        "logGroup": "aws-cloudtrail-logs-111122223333",
        "logStream": f"{ACCOUNT}_CloudTrail_us-east-1",
        "subscriptionFilters": ["to-driftbot"],
        "logEvents": [
            {"id": str(i), "timestamp": 1795000000000 + i, "message": json.dumps(r)}
            for i, r in enumerate(records)
        ],
    }


def backup_identity(account: str = ACCOUNT) -> dict[str, Any]:
    """AWS Backup working with its default service role, as its calls carry it."""
    role = "AWSBackupDefaultServiceRole"
    return {
        "type": "AssumedRole",
        "principalId": f"AROAEXAMPLEBACKUP:AWSBackup-{role}",
        "arn": f"arn:aws:sts::{account}:assumed-role/{role}/AWSBackup-{role}",
        "accountId": account,
        "sessionContext": {
            "sessionIssuer": {
                "type": "Role",
                "principalId": "AROAEXAMPLEBACKUP",
                "arn": f"arn:aws:iam::{account}:role/service-role/{role}",
                "accountId": account,
                "userName": role,
            }
        },
        "invokedBy": "backup.amazonaws.com",
    }


def backup_restore_record(**overrides: Any) -> dict[str, Any]:
    """AWS Backup restoring a database from a recovery point (a new DB instance)."""
    rec = make_record(
        eventSource="rds.amazonaws.com",
        eventName="RestoreDBInstanceFromDBSnapshot",
        userIdentity=backup_identity(),
        sourceIPAddress="backup.amazonaws.com",
        userAgent="backup.amazonaws.com",
        requestParameters={
            "dBInstanceIdentifier": "orders-restored",
            "dBSnapshotIdentifier": "awsbackup:job-0a1b2c3d",
        },
        responseElements={"dBInstanceIdentifier": "orders-restored"},
        eventID="22222222-3333-4444-5555-666666666666",
    )
    rec.update(overrides)
    return rec


def cloudformation_call(**overrides: Any) -> dict[str, Any]:
    """A call CloudFormation made for a stack update started by a person (their identity,
    `invokedBy` CloudFormation)."""
    identity = sso_identity()
    identity["invokedBy"] = "cloudformation.amazonaws.com"
    rec = make_record(
        userIdentity=identity,
        sourceIPAddress="cloudformation.amazonaws.com",
        userAgent="cloudformation.amazonaws.com",
        eventID="33333333-4444-5555-6666-777777777777",
    )
    rec.update(overrides)
    return rec
