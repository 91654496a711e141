"""The generic live reader, AWS Cloud Control's GetResource, through botocore's Stubber (moto
does not serve Cloud Control) with answers in the documented shape: existence for deleted and
unmanaged findings, attribute diffs for modified ones, identifiers built from the schema's
primary identifier (composite ones joined with `|`), and every failure kept on its finding."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from botocore.stub import Stubber

from bot.config.drift import Environment
from bot.drift.findings import Finding
from bot.iac.index import StateIndex
from bot.shell.aws.access import AwsAccess
from bot.shell.aws.cloudcontrol import CloudControlReader
from bot.shell.confirm import LiveConfirmer, confirm_findings, read_actions
from tests.live_state import owners

ACCOUNT = "123456789012"
REGION = "eu-west-3"
QUEUE_URL = f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/orders"
GET = "get_resource"


@pytest.fixture(autouse=True)
def credentials(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)


@pytest.fixture
def aws() -> AwsAccess:
    env = Environment.model_validate(
        {"account_id": ACCOUNT, "regions": [REGION], "cloudtrail": {"source": "files", "path": "x"}}
    )
    return AwsAccess(env, "test")


async def _no_wait(_: float) -> None:
    return None


def confirmer(aws: AwsAccess, retries: int = 2) -> LiveConfirmer:
    return LiveConfirmer(
        aws, cloud_control=CloudControlReader(aws, retries=retries, sleep=_no_wait)
    )


def stubbed(aws: AwsAccess) -> Stubber:
    return Stubber(aws.client("cloudcontrol", REGION, ACCOUNT))


def answer(type_name: str, identifier: str, props: dict[str, Any]) -> dict[str, Any]:
    return {
        "TypeName": type_name,
        "ResourceDescription": {"Identifier": identifier, "Properties": json.dumps(props)},
    }


def finding(kind: str, resource_type: str, resource_id: str) -> Finding:
    return Finding(
        kind=kind,
        resource_type=resource_type,
        resource_id=resource_id,
        account_id=ACCOUNT,
        region=REGION,
        addresses=[],
        events=[],
    )


# An SQS queue as provider v5 records it (tests/data/tfstate shapes) and as Cloud Control
# describes it, from the same values.
QUEUE_STATE = {
    "id": QUEUE_URL,
    "url": QUEUE_URL,
    "arn": f"arn:aws:sqs:{REGION}:{ACCOUNT}:orders",
    "name": "orders",
    "name_prefix": "",
    "content_based_deduplication": False,
    "deduplication_scope": "",
    "delay_seconds": 0,
    "fifo_queue": False,
    "fifo_throughput_limit": "",
    "kms_data_key_reuse_period_seconds": 300,
    "kms_master_key_id": "",
    "max_message_size": 262144,
    "message_retention_seconds": 345600,
    "policy": "",
    "receive_wait_time_seconds": 0,
    "redrive_allow_policy": "",
    "redrive_policy": json.dumps(
        {"deadLetterTargetArn": f"arn:aws:sqs:{REGION}:{ACCOUNT}:orders-dlq", "maxReceiveCount": 5}
    ),
    "sqs_managed_sse_enabled": True,
    "tags": {"team": "orders"},
    "tags_all": {"team": "orders", "env": "prod"},
    "visibility_timeout_seconds": 30,
}
QUEUE_LIVE: dict[str, Any] = {
    "QueueUrl": QUEUE_URL,
    "Arn": f"arn:aws:sqs:{REGION}:{ACCOUNT}:orders",
    "QueueName": "orders",
    "DelaySeconds": 0,
    "KmsDataKeyReusePeriodSeconds": 300,
    "MaximumMessageSize": 262144,
    "MessageRetentionPeriod": 345600,
    "ReceiveMessageWaitTimeSeconds": 0,
    "RedrivePolicy": {
        "maxReceiveCount": 5,
        "deadLetterTargetArn": f"arn:aws:sqs:{REGION}:{ACCOUNT}:orders-dlq",
    },
    "SqsManagedSseEnabled": True,
    "Tags": [{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": "orders"}],
    "VisibilityTimeout": 30,
}


def queue_owners():
    return owners("AWS::SQS::Queue", QUEUE_URL, ("aws_sqs_queue", QUEUE_STATE))


def run(aws: AwsAccess, stub: Stubber, f: Finding, found, **kw):
    with stub:
        result = asyncio.run(confirmer(aws, **kw).confirm(f, found))
        stub.assert_no_pending_responses()
    return result


def test_no_change_is_resolved_and_one_call_is_made(aws):
    """Same values on both sides: `confirmed: false`; the identifier is the queue URL (the
    schema's primary identifier) and `api_calls` names Cloud Control's action."""
    stub = stubbed(aws)
    expected = {"TypeName": "AWS::SQS::Queue", "Identifier": QUEUE_URL}
    stub.add_response(GET, answer("AWS::SQS::Queue", QUEUE_URL, QUEUE_LIVE), expected)

    result = run(aws, stub, finding("modified", "AWS::SQS::Queue", QUEUE_URL), queue_owners())

    assert (result.confirmed, result.changes, result.reason) == (False, [], None)
    assert result.api_calls == ["cloudformation:GetResource"]


def test_hand_changes_are_the_exact_changes(aws):
    """Visibility timeout raised, the dead-letter count changed, a tag added by hand."""
    live = {
        **QUEUE_LIVE,
        "VisibilityTimeout": 900,
        "RedrivePolicy": {**QUEUE_LIVE["RedrivePolicy"], "maxReceiveCount": 50},
        "Tags": [*QUEUE_LIVE["Tags"], {"Key": "owner", "Value": "bob"}],
    }
    stub = stubbed(aws)
    stub.add_response(GET, answer("AWS::SQS::Queue", QUEUE_URL, live))

    result = run(aws, stub, finding("modified", "AWS::SQS::Queue", QUEUE_URL), queue_owners())

    assert result.confirmed is True
    assert [(c.path, c.expected, c.actual) for c in result.changes] == [
        ("redrive_policy.maxReceiveCount", 5, 50),
        ("tags.owner", None, "bob"),
        ("visibility_timeout_seconds", 30, 900),
    ]


@pytest.mark.parametrize(
    ("kind", "exists", "confirmed"),
    [
        ("deleted", False, True),
        ("deleted", True, False),
        ("unmanaged", True, True),
        ("unmanaged", False, False),
        ("modified", False, True),
    ],
)
def test_existence(aws, kind, exists, confirmed):
    """Deleted: confirmed on ResourceNotFoundException, resolved when it is there again;
    unmanaged: confirmed when it exists, resolved when gone; modified and gone: the change."""
    topic = f"arn:aws:sns:{REGION}:{ACCOUNT}:alerts"
    stub = stubbed(aws)
    expected = {"TypeName": "AWS::SNS::Topic", "Identifier": topic}
    if exists:
        stub.add_response(GET, answer("AWS::SNS::Topic", topic, {"TopicArn": topic}), expected)
    else:
        stub.add_client_error(GET, "ResourceNotFoundException", "not found", 404, expected)
    found = owners(
        "AWS::SNS::Topic", topic, ("aws_sns_topic", {"arn": topic, "id": topic, "name": "alerts"})
    )

    result = run(aws, stub, finding(kind, "AWS::SNS::Topic", topic), found)

    assert result.confirmed is confirmed
    assert result.api_calls == ["cloudformation:GetResource"]
    if kind == "modified":
        assert [c.path for c in result.changes] == ["(resource)"]


def test_an_arn_identifier_is_built_from_a_name(aws):
    """An EventBridge rule's physical id is its name; Cloud Control wants its ARN."""
    stub = stubbed(aws)
    arn = f"arn:aws:events:{REGION}:{ACCOUNT}:rule/nightly"
    stub.add_client_error(
        GET,
        "ResourceNotFoundException",
        "gone",
        404,
        {"TypeName": "AWS::Events::Rule", "Identifier": arn},
    )

    result = run(aws, stub, finding("unmanaged", "AWS::Events::Rule", "nightly"), [])

    assert result.confirmed is False


def test_composite_identifiers_follow_the_schema_order(aws):
    """`ClusterName|AddonName` from EKS's `CLUSTER/NAME` id; `DetectorId|Name` from the state."""
    stub = stubbed(aws)
    stub.add_response(
        GET,
        answer("AWS::EKS::Addon", "prod|vpc-cni", {"ClusterName": "prod", "AddonName": "vpc-cni"}),
        {"TypeName": "AWS::EKS::Addon", "Identifier": "prod|vpc-cni"},
    )
    stub.add_client_error(
        GET,
        "ResourceNotFoundException",
        "gone",
        404,
        {"TypeName": "AWS::GuardDuty::Filter", "Identifier": "d-123|quiet"},
    )
    found = owners(
        "AWS::GuardDuty::Filter",
        "quiet",
        ("aws_guardduty_filter", {"id": "d-123:quiet", "detector_id": "d-123", "name": "quiet"}),
    )
    with stub:
        conf = confirmer(aws)
        addon = asyncio.run(
            conf.confirm(finding("unmanaged", "AWS::EKS::Addon", "prod/vpc-cni"), [])
        )
        gone = asyncio.run(
            conf.confirm(finding("deleted", "AWS::GuardDuty::Filter", "quiet"), found)
        )

    assert (addon.confirmed, gone.confirmed) == (True, True)


def test_throttling_is_retried_and_never_loses_the_finding(aws):
    """Two ThrottlingExceptions then the answer: confirmed, three calls logged. Throttled past
    the retries: `confirmed: null`, the reason naming the action."""
    stub = stubbed(aws)
    for _ in range(2):
        stub.add_client_error(GET, "ThrottlingException", "Rate exceeded", 400)
    stub.add_response(GET, answer("AWS::SQS::Queue", QUEUE_URL, QUEUE_LIVE))
    ok = run(aws, stub, finding("modified", "AWS::SQS::Queue", QUEUE_URL), queue_owners())

    stub = stubbed(aws)
    for _ in range(3):
        stub.add_client_error(GET, "ThrottlingException", "Rate exceeded", 400)
    throttled = run(aws, stub, finding("modified", "AWS::SQS::Queue", QUEUE_URL), queue_owners())

    assert (ok.confirmed, len(ok.api_calls)) == (False, 3)
    assert throttled.confirmed is None
    assert "`cloudformation:GetResource`" in (throttled.reason or "")
    assert "throttling" in (throttled.reason or "")


def test_a_busy_handler_is_retried_too(aws):
    """GeneralServiceException "Rate exceeded" is the downstream service throttling."""
    stub = stubbed(aws)
    stub.add_client_error(GET, "GeneralServiceException", "Rate exceeded for sqs", 400)
    stub.add_response(GET, answer("AWS::SQS::Queue", QUEUE_URL, QUEUE_LIVE))

    result = run(aws, stub, finding("modified", "AWS::SQS::Queue", QUEUE_URL), queue_owners())

    assert result.confirmed is False


def test_access_denied_names_both_grants(aws):
    """Denied: the reason names `cloudformation:GetResource` and the type's read permissions."""
    stub = stubbed(aws)
    stub.add_client_error(GET, "AccessDeniedException", "not authorized", 403)

    result = run(aws, stub, finding("modified", "AWS::SQS::Queue", QUEUE_URL), queue_owners())

    assert result.confirmed is None
    assert "`cloudformation:GetResource`" in (result.reason or "")
    assert "`sqs:GetQueueAttributes`" in (result.reason or "")


def test_a_type_cloud_control_does_not_read_says_why_without_a_call(aws):
    """AMIs have no Cloud Control schema; CodeBuild projects no read handler; a region that
    lacks the type answers TypeNotFoundException."""
    stub = stubbed(aws)
    stub.add_client_error(GET, "TypeNotFoundException", "no such type", 404)
    with stub:
        conf = confirmer(aws)
        ami = asyncio.run(conf.confirm(finding("deleted", "AWS::EC2::Image", "ami-1"), []))
        build = asyncio.run(conf.confirm(finding("deleted", "AWS::CodeBuild::Project", "b"), []))
        topic = asyncio.run(
            conf.confirm(finding("deleted", "AWS::SNS::Topic", "arn:aws:sns:x"), [])
        )

    assert (ami.confirmed, ami.api_calls) == (None, [])
    assert "does not know AWS::EC2::Image" in (ami.reason or "")
    assert "no read handler" in (build.reason or "")
    assert "TypeNotFoundException" in (topic.reason or "")


def test_a_properties_text_that_is_not_json_is_a_failed_call(aws):
    stub = stubbed(aws)
    stub.add_response(
        GET,
        {
            "TypeName": "AWS::SQS::Queue",
            "ResourceDescription": {"Identifier": QUEUE_URL, "Properties": "<html>"},
        },
    )

    result = run(aws, stub, finding("modified", "AWS::SQS::Queue", QUEUE_URL), queue_owners())

    assert result.confirmed is None
    assert "not a JSON object" in (result.reason or "")


def test_the_check_keeps_every_finding(aws):
    """Through confirm_findings: one throttled (its region's client), one confirmed (another
    region's); both come out."""
    throttled = stubbed(aws)
    throttled.add_client_error(GET, "ThrottlingException", "Rate exceeded", 400)
    answered = Stubber(aws.client("cloudcontrol", "eu-west-1", ACCOUNT))
    answered.add_response(GET, answer("AWS::SNS::Topic", "arn:aws:sns:x", {}))
    findings = [
        finding("unmanaged", "AWS::SNS::Topic", "arn:aws:sns:y"),
        finding("unmanaged", "AWS::SNS::Topic", "arn:aws:sns:x").model_copy(
            update={"region": "eu-west-1"}
        ),
    ]
    with throttled, answered:
        done = asyncio.run(confirm_findings(findings, StateIndex(), confirmer(aws, retries=0)))

    assert [f.confirmed for f in done] == [None, True]


def test_read_actions_list_what_a_state_needs():
    """Hand-written readers' calls, and Cloud Control's action with each type's read
    permissions (issue 13's `drift iam-policy` builds on this)."""
    actions = read_actions(["AWS::SQS::Queue", "AWS::EC2::SecurityGroup", "AWS::EC2::Image"])

    assert actions == [
        "cloudformation:GetResource",
        "ec2:DescribeSecurityGroups",
        "sqs:GetQueueAttributes",
        "sqs:ListQueueTags",
    ]
