"""The `athena` source's result rows turned back into CloudTrail records."""

from __future__ import annotations

from bot.trail.athena.rows import row_to_record
from bot.trail.attribution import attribute

ROLE = "AWSReservedSSO_Admin_0a1b"
ROW = {
    "eventversion": "1.09",
    "eventtime": "2026-11-23T09:14:09Z",
    "eventsource": "ec2.amazonaws.com",
    "eventname": "AuthorizeSecurityGroupIngress",
    "awsregion": "us-east-1",
    "sourceipaddress": "203.0.113.7",
    "useragent": "console.ec2.amazonaws.com",
    "errorcode": None,
    "requestparameters": '{"groupId": "sg-0a11b22c33d44e55f", "ipPermissions": {"items": []}}',
    "responseelements": '{"_return": true}',
    "eventid": "e-1",
    "readonly": "false",
    "recipientaccountid": "111122223333",
    "sessioncredentialfromconsole": "true",
    "resources": '[{"arn": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1", '
    '"accountid": "111122223333", "type": "AWS::EC2::SecurityGroup"}]',
    "ui_type": "AssumedRole",
    "ui_arn": "arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0a1b/dev@example.com",
    "ui_invokedby": None,
    "ui_sessioncontext_sessionissuer_arn": f"arn:aws:iam::111122223333:role/{ROLE}",
    "ui_sessioncontext_sessionissuer_username": ROLE,
    "ui_sessioncontext_attributes_mfaauthenticated": "false",
}


def to_record(row: dict) -> dict:
    return row_to_record(list(row), list(row.values()))


def test_row_becomes_a_cloudtrail_record():
    """Column names get the record's spelling; JSON documents are parsed; readOnly is a bool."""
    record = to_record(ROW)

    assert record["eventName"] == "AuthorizeSecurityGroupIngress"
    assert record["sourceIPAddress"] == "203.0.113.7"
    assert record["eventID"] == "e-1"
    assert record["readOnly"] is False
    assert record["requestParameters"]["groupId"] == "sg-0a11b22c33d44e55f"
    assert record["responseElements"] == {"_return": True}
    assert "errorCode" not in record


def test_row_rebuilds_user_identity_with_session_issuer():
    """userIdentity comes back nested, down to sessionContext.sessionIssuer."""
    identity = to_record(ROW)["userIdentity"]

    assert identity["type"] == "AssumedRole"
    assert identity["sessionContext"]["sessionIssuer"] == {
        "arn": "arn:aws:iam::111122223333:role/AWSReservedSSO_Admin_0a1b",
        "userName": "AWSReservedSSO_Admin_0a1b",
    }
    assert identity["sessionContext"]["attributes"] == {"mfaAuthenticated": "false"}
    assert "invokedBy" not in identity


def test_rebuilt_record_attributes_like_the_original():
    """The actor, role and `via` read off the rebuilt record are the person's."""
    who = attribute(to_record(ROW))

    assert (who.actor, who.role, who.via) == (
        "dev@example.com",
        "AWSReservedSSO_Admin_0a1b",
        "console",
    )


def test_row_restores_resources_and_invoked_by():
    """resources[] gets back `ARN` and `accountId`; invokedBy is kept."""
    record = to_record({**ROW, "ui_type": "AWSService", "ui_invokedby": "ec2.amazonaws.com"})

    assert record["resources"] == [
        {
            "ARN": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-1",
            "accountId": "111122223333",
            "type": "AWS::EC2::SecurityGroup",
        }
    ]
    assert record["userIdentity"]["invokedBy"] == "ec2.amazonaws.com"


def test_row_keeps_unparseable_json_as_text():
    """A JSON column that is not JSON (truncated by CloudTrail) stays a string."""
    record = to_record({**ROW, "requestparameters": '{"truncated'})

    assert record["requestParameters"] == '{"truncated'
