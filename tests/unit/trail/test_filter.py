"""Which records are changes of an environment (TrailFilter.drop_reason)."""

from __future__ import annotations

import pytest

from bot.trail.fields import parse_event_time
from bot.trail.filter import TrailFilter, compile_principals
from tests.records import ACCOUNT, make_record, role_identity, user_identity


def scoped(**kw) -> TrailFilter:
    return TrailFilter("2026-11-23T10:00:00Z", "2026-11-24T10:00:00Z", **kw)


def test_successful_change_in_scope_is_kept():
    """A successful write by a person, in the window, account and region, is kept."""
    f = scoped(accounts=frozenset({ACCOUNT}), regions=frozenset({"us-east-1"}))

    assert f.drop_reason(make_record()) is None


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"readOnly": True}, "read_only"),
        ({"readOnly": "true"}, "read_only"),
        ({"readOnly": None, "eventName": "DescribeSecurityGroups"}, "read_only"),
        ({"errorCode": "AccessDenied"}, "failed"),
        ({"errorCode": "Client.DryRunOperation"}, "failed"),
        ({"eventType": "AwsConsoleSignIn"}, "not_api_call"),
        ({"eventType": "AwsServiceEvent"}, "not_api_call"),
        ({"managementEvent": False}, "operational"),
        ({"eventCategory": "Data"}, "operational"),
        ({"eventSource": "sts.amazonaws.com", "eventName": "AssumeRole"}, "operational"),
        ({"eventSource": "s3.amazonaws.com", "eventName": "PutObject"}, "operational"),
        ({"eventSource": "kms.amazonaws.com", "eventName": "Decrypt"}, "operational"),
        ({"eventTime": "2026-11-23T09:59:59Z"}, "out_of_window"),
        ({"eventTime": "2026-11-24T10:00:01Z"}, "out_of_window"),
        ({"eventTime": "redacted"}, "malformed"),
        ({"eventName": None}, "malformed"),
        (
            {"userIdentity": {"type": "AWSService", "invokedBy": "autoscaling.amazonaws.com"}},
            "aws_service",
        ),
    ],
)
def test_records_that_are_not_changes_are_dropped(overrides, reason):
    """Reads, failures, non-API events, data events, operations and AWS's own calls are dropped."""
    assert scoped().drop_reason(make_record(**overrides)) == reason


def test_read_verb_only_decides_when_read_only_is_missing():
    """A Get… call that says readOnly false is a write (CloudTrail's word wins)."""
    rec = make_record(eventName="GetFooBar", readOnly=False)

    assert scoped().drop_reason(rec) is None


def test_other_accounts_are_dropped_and_star_keeps_all():
    """recipientAccountId must be one of the environment's accounts, unless accounts is `*`."""
    rec = make_record(recipientAccountId="999988887777")

    assert scoped(accounts=frozenset({ACCOUNT})).drop_reason(rec) == "out_of_scope"
    assert scoped(accounts=None).drop_reason(rec) is None


def test_other_regions_are_dropped_but_global_services_are_in_scope():
    """An EC2 call in us-west-2 is out of an eu-west-1 environment; an IAM call is not."""
    f = scoped(regions=frozenset({"eu-west-1"}))
    ec2 = make_record(awsRegion="us-west-2")
    iam = make_record(eventSource="iam.amazonaws.com", eventName="AttachRolePolicy")

    assert f.drop_reason(ec2) == "out_of_scope"
    assert f.drop_reason(iam) is None


def test_iac_role_sessions_match_through_their_session_issuer():
    """Any session of the pipeline role is the IaC's own change."""
    f = scoped(iac_principals=compile_principals(["arn:aws:iam::111122223333:role/terraform-ci"]))
    rec = make_record(userIdentity=role_identity("terraform-ci", "gh-run-4411"))

    assert f.drop_reason(rec) == "iac_principal"


def test_iac_principal_patterns_take_wildcards_and_users():
    """`*` matches within patterns; IAM users match by their ARN; others are not matched."""
    patterns = compile_principals(
        ["arn:aws:iam::*:role/deploy-*", "arn:aws:iam::111122223333:user/ci-bot"]
    )
    f = scoped(iac_principals=patterns)

    assert f.drop_reason(make_record(userIdentity=role_identity("deploy-prod", "x"))) == (
        "iac_principal"
    )
    assert f.drop_reason(make_record(userIdentity=user_identity("ci-bot"))) == "iac_principal"
    assert f.drop_reason(make_record(userIdentity=user_identity("alice"))) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"eventTime": "2026-11-24T05:12:09Z"}, "2026-11-24T05:12:09Z"),
        ({"eventTime": "2022-09-15 13:45:24"}, "2022-09-15T13:45:24Z"),
        ({"eventTime": "2025-01-13 19:58:59.000000000"}, "2025-01-13T19:58:59Z"),
        ({"eventTime": "2021-11-18T09:41:02-08:00"}, "2021-11-18T17:41:02Z"),
        ({"eventTime": "2021-11-18T09:41:02.123Z"}, "2021-11-18T09:41:02Z"),
        ({"@timestamp": "2020-09-11T02:00:00.000Z"}, "2020-09-11T02:00:00Z"),
        ({"eventTime": "redacted"}, None),
        ({"eventTime": None}, None),
        ({}, None),
    ],
)
def test_event_times_in_the_forms_seen_in_real_data(raw, expected):
    """CloudTrail's form, exports' space-separated and nanosecond forms, offsets, @timestamp."""
    assert parse_event_time(raw) == expected
