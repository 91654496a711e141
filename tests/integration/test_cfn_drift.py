"""CloudFormationConfirmer: CloudFormation's drift detection as confirmation. moto lacks the drift
calls, so botocore's Stubber answers them on `aws.client("cloudformation", region, account)`,
inside `mock_aws` so nothing can reach AWS. Answers follow the API reference's shapes."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from botocore.stub import Stubber
from moto import mock_aws

from bot.config.drift import parse_config
from bot.drift.findings import Finding
from bot.iac.cloudformation import parse_stack
from bot.iac.index import DesiredResource
from bot.shell.aws.access import AwsAccess
from bot.shell.aws.cfn_drift import CloudFormationConfirmer, differences
from bot.shell.confirm import LiveConfirmer

ACCOUNT = "111122223333"
REGION = "us-east-1"
STACK = f"arn:aws:cloudformation:{REGION}:{ACCOUNT}:stack/app/5b1e7c40-a6f1-11ef-9c3a-0a1b2c3d4e5f"
EU_STACK = (
    f"arn:aws:cloudformation:eu-west-1:{ACCOUNT}:stack/iam/7d3a9e60-a6f1-11ef-8e5c-0a1b2c3d4e5f"
)
NOW = datetime(2026, 11, 23, 10, 5, tzinfo=UTC)
DETECT = "cloudformation:DetectStackResourceDrift"


@pytest.fixture
def aws(tmp_path: Path):
    text = (
        f'environments:\n  prod:\n    account_id: "{ACCOUNT}"\n    regions: [{REGION}]\n'
        "    cloudtrail: {source: files, path: ./trail}\n"
    )
    env = parse_config(text, tmp_path / "drift.yml").environment("prod")
    with mock_aws():
        yield AwsAccess(env, "prod")


def owners(stack_id: str = STACK, name: str = "app", *resources: tuple[str, str, str]):
    """The desired resources of a stack, as the CloudFormation state source records them."""
    summaries = [
        {
            "LogicalResourceId": logical,
            "ResourceType": rtype,
            "PhysicalResourceId": physical,
            "ResourceStatus": "CREATE_COMPLETE",
        }
        for logical, rtype, physical in resources
    ]
    return parse_stack({"StackId": stack_id, "StackName": name}, summaries).resources


def bucket_owners() -> list[DesiredResource]:
    return [
        r
        for r in owners(STACK, "app", ("Bucket", "AWS::S3::Bucket", "app-assets"))
        if r.resource_type == "AWS::S3::Bucket"
    ]


def finding(
    kind: str = "modified",
    rtype: str = "AWS::S3::Bucket",
    rid: str = "app-assets",
    region: str = REGION,
    addresses: tuple[str, ...] = ("app/Bucket",),
) -> Finding:
    return Finding(
        kind=kind,
        resource_type=rtype,
        resource_id=rid,
        account_id=ACCOUNT,
        region=region,
        addresses=list(addresses),
        events=[],
    )


def drift(status: str, logical: str = "Bucket", **extra: Any) -> dict[str, Any]:
    return {
        "StackResourceDrift": {
            "StackId": STACK,
            "LogicalResourceId": logical,
            "PhysicalResourceId": "app-assets",
            "ResourceType": "AWS::S3::Bucket",
            "StackResourceDriftStatus": status,
            "Timestamp": NOW,
            **extra,
        }
    }


def stubbed(aws: AwsAccess, region: str = REGION) -> Stubber:
    return Stubber(aws.client("cloudformation", region, ACCOUNT))


def confirm(confirmer: CloudFormationConfirmer, f: Finding, own: list[DesiredResource]):
    return asyncio.run(confirmer.confirm(f, own))


def changes(result) -> list[dict[str, Any]]:
    return [c.model_dump() for c in result.changes]


# ---- one resource ---------------------------------------------------------------------------


def test_modified_resource_confirmed_with_property_differences(aws):
    """MODIFIED: confirmed, each PropertyDifference a change with its JSON values parsed."""
    diffs = [
        {
            "PropertyPath": "/VersioningConfiguration/Status",
            "ExpectedValue": "Enabled",
            "ActualValue": "Suspended",
            "DifferenceType": "NOT_EQUAL",
        },
        {
            "PropertyPath": "/Tags/1",
            "ExpectedValue": "null",
            "ActualValue": '{"Key":"owner","Value":"bob"}',
            "DifferenceType": "ADD",
        },
        {
            "PropertyPath": "/ObjectLockConfiguration/Rule/DefaultRetention/Days",
            "ExpectedValue": "30",
            "ActualValue": "1",
            "DifferenceType": "NOT_EQUAL",
        },
    ]
    with stubbed(aws) as stub:
        stub.add_response(
            "detect_stack_resource_drift",
            drift("MODIFIED", PropertyDifferences=diffs),
            {"StackName": STACK, "LogicalResourceId": "Bucket"},
        )

        result = confirm(CloudFormationConfirmer(aws), finding(), bucket_owners())

    assert result.confirmed is True
    assert changes(result) == [
        {"path": "/VersioningConfiguration/Status", "expected": "Enabled", "actual": "Suspended"},
        {"path": "/Tags/1", "expected": None, "actual": {"Key": "owner", "Value": "bob"}},
        {
            "path": "/ObjectLockConfiguration/Rule/DefaultRetention/Days",
            "expected": 30,
            "actual": 1,
        },
    ]
    assert result.api_calls == [DETECT]


def test_in_sync_resource_not_confirmed(aws):
    """IN_SYNC: the change was reverted: confirmed false, no changes."""
    with stubbed(aws) as stub:
        stub.add_response("detect_stack_resource_drift", drift("IN_SYNC"))

        result = confirm(CloudFormationConfirmer(aws), finding(), bucket_owners())

    assert (result.confirmed, result.changes, result.api_calls) == (False, [], [DETECT])


def test_deleted_finding_confirmed_by_deleted(aws):
    """A deleted finding is confirmed when CloudFormation finds the resource DELETED."""
    with stubbed(aws) as stub:
        stub.add_response("detect_stack_resource_drift", drift("DELETED"))

        result = confirm(CloudFormationConfirmer(aws), finding("deleted"), bucket_owners())

    assert (result.confirmed, result.changes, result.reason) == (True, [], None)


def test_deleted_finding_existing_again_not_confirmed(aws):
    """A deleted finding whose resource CloudFormation finds IN_SYNC exists again."""
    with stubbed(aws) as stub:
        stub.add_response("detect_stack_resource_drift", drift("IN_SYNC"))

        result = confirm(CloudFormationConfirmer(aws), finding("deleted"), bucket_owners())

    assert result.confirmed is False
    assert "exists again" in (result.reason or "")


def test_modified_finding_of_deleted_resource(aws):
    """A modified resource that CloudFormation finds DELETED is confirmed as gone."""
    with stubbed(aws) as stub:
        stub.add_response("detect_stack_resource_drift", drift("DELETED"))

        result = confirm(CloudFormationConfirmer(aws), finding(), bucket_owners())

    assert result.confirmed is True
    assert changes(result) == [{"path": "(resource)", "expected": "exists", "actual": "not found"}]


@pytest.mark.parametrize("status", ["NOT_CHECKED", "UNKNOWN", "UNSUPPORTED"])
def test_undecided_statuses_give_null_with_reason(aws, status):
    """NOT_CHECKED, UNKNOWN and UNSUPPORTED leave it undecided, saying why."""
    with stubbed(aws) as stub:
        stub.add_response(
            "detect_stack_resource_drift",
            drift(status, DriftStatusReason="Resource type not supported"),
        )

        result = confirm(CloudFormationConfirmer(aws), finding(), bucket_owners())

    assert result.confirmed is None
    assert "app/Bucket" in (result.reason or "")
    assert "Resource type not supported" in (result.reason or "")
    assert result.api_calls == [DETECT]


def test_global_resource_asked_in_its_stacks_region(aws):
    """An IAM role's finding is in us-east-1; its stack lives in eu-west-1 and is asked there."""
    own = [
        r
        for r in owners(EU_STACK, "iam", ("AppRole", "AWS::IAM::Role", "iam-AppRole-1AB"))
        if r.resource_type == "AWS::IAM::Role"
    ]
    with stubbed(aws, "eu-west-1") as stub:
        stub.add_response(
            "detect_stack_resource_drift",
            drift("IN_SYNC", logical="AppRole"),
            {"StackName": EU_STACK, "LogicalResourceId": "AppRole"},
        )

        result = confirm(
            CloudFormationConfirmer(aws),
            finding(rtype="AWS::IAM::Role", rid="iam-AppRole-1AB"),
            own,
        )

    assert result.confirmed is False


def test_access_denied_gives_null_naming_the_action(aws):
    """AccessDenied: undecided, the reason names the IAM action to grant; the call is logged."""
    with stubbed(aws) as stub:
        stub.add_client_error("detect_stack_resource_drift", "AccessDenied", "no", 403)

        result = confirm(CloudFormationConfirmer(aws), finding(), bucket_owners())

    assert result.confirmed is None
    assert "`cloudformation:DetectStackResourceDrift`" in (result.reason or "")
    assert result.api_calls == [DETECT]


def test_validation_error_gives_null_with_awss_words(aws):
    """A resource CloudFormation cannot check (ValidationError) is undecided with AWS's reason."""
    with stubbed(aws) as stub:
        stub.add_client_error(
            "detect_stack_resource_drift",
            "ValidationError",
            "Drift detection is not supported for resource type X",
            400,
        )

        result = confirm(CloudFormationConfirmer(aws), finding(), bucket_owners())

    assert result.confirmed is None
    assert "Drift detection is not supported" in (result.reason or "")


def test_not_owned_by_cloudformation(aws):
    """Owners of other backends are not CloudFormation's to confirm."""
    tf = DesiredResource(
        address="aws_s3_bucket.b",
        backend="terraform",
        source="x.tfstate",
        iac_type="aws_s3_bucket",
        resource_type="AWS::S3::Bucket",
        resource_id="app-assets",
        owns=(("AWS::S3::Bucket", "app-assets"),),
    )

    result = confirm(CloudFormationConfirmer(aws), finding(), [tf])

    assert (result.confirmed, result.api_calls) == (None, [])
    assert "No CloudFormation stack" in (result.reason or "")


def test_two_stacks_merged(aws):
    """One resource in two stacks (rare): each is asked; changes are prefixed by address."""
    second = f"arn:aws:cloudformation:{REGION}:{ACCOUNT}:stack/other/9f5b0a70-a6f1-11ef-8d4b-0a1b"
    own = bucket_owners() + [
        r
        for r in owners(second, "other", ("Assets", "AWS::S3::Bucket", "app-assets"))
        if r.resource_type == "AWS::S3::Bucket"
    ]
    diff = [
        {
            "PropertyPath": "/BucketName",
            "ExpectedValue": "a",
            "ActualValue": "b",
            "DifferenceType": "NOT_EQUAL",
        }
    ]
    with stubbed(aws) as stub:
        stub.add_response("detect_stack_resource_drift", drift("IN_SYNC"))
        stub.add_response(
            "detect_stack_resource_drift",
            drift("MODIFIED", logical="Assets", PropertyDifferences=diff),
        )

        result = confirm(CloudFormationConfirmer(aws), finding(), own)

    assert result.confirmed is True
    assert changes(result) == [{"path": "other/Assets:/BucketName", "expected": "a", "actual": "b"}]
    assert result.api_calls == [DETECT, DETECT]


def test_live_confirmer_routes_cloudformation_owned(aws):
    """LiveConfirmer hands CloudFormation-owned findings to the CloudFormation confirmer."""
    with stubbed(aws) as stub:
        stub.add_response("detect_stack_resource_drift", drift("IN_SYNC"))

        live = LiveConfirmer(aws, cloudformation=CloudFormationConfirmer(aws))
        result = asyncio.run(live.confirm(finding(), bucket_owners()))

    assert (result.confirmed, result.api_calls) == (False, [DETECT])


# ---- a stack itself -------------------------------------------------------------------------

STACK_TYPE = "AWS::CloudFormation::Stack"


def stack_owners() -> list[DesiredResource]:
    return [r for r in owners() if r.resource_type == STACK_TYPE]


def stack_finding(kind: str = "modified") -> Finding:
    return finding(kind, STACK_TYPE, STACK, addresses=("app",))


class Sleeps:
    """A fake asyncio.sleep that records the delays asked for."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


def status(detection: str, drift_status: str | None = None, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "StackId": STACK,
        "StackDriftDetectionId": "d-1",
        "DetectionStatus": detection,
        "Timestamp": NOW,
        **extra,
    }
    if drift_status:
        out["StackDriftStatus"] = drift_status
    return out


def test_stack_drift_polled_with_backoff(aws):
    """DetectStackDrift is asynchronous: its status is polled, backing off, until complete;
    the drifted resources' differences become changes prefixed by their logical id."""
    sleeps = Sleeps()
    drifts = [
        {
            "StackId": STACK,
            "LogicalResourceId": "WebSg",
            "ResourceType": "AWS::EC2::SecurityGroup",
            "StackResourceDriftStatus": "MODIFIED",
            "Timestamp": NOW,
            "PropertyDifferences": [
                {
                    "PropertyPath": "/SecurityGroupIngress/1",
                    "ExpectedValue": "null",
                    "ActualValue": '{"CidrIp":"0.0.0.0/0","FromPort":22}',
                    "DifferenceType": "ADD",
                }
            ],
        },
        {
            "StackId": STACK,
            "LogicalResourceId": "Bucket",
            "ResourceType": "AWS::S3::Bucket",
            "StackResourceDriftStatus": "DELETED",
            "Timestamp": NOW,
        },
    ]
    with stubbed(aws) as stub:
        stub.add_response(
            "detect_stack_drift", {"StackDriftDetectionId": "d-1"}, {"StackName": STACK}
        )
        for _ in range(3):
            stub.add_response(
                "describe_stack_drift_detection_status",
                status("DETECTION_IN_PROGRESS"),
                {"StackDriftDetectionId": "d-1"},
            )
        stub.add_response(
            "describe_stack_drift_detection_status",
            status("DETECTION_COMPLETE", "DRIFTED", DriftedStackResourceCount=2),
        )
        stub.add_response(
            "describe_stack_resource_drifts",
            {"StackResourceDrifts": drifts[:1], "NextToken": "t2"},
            {"StackName": STACK, "StackResourceDriftStatusFilters": ["MODIFIED", "DELETED"]},
        )
        stub.add_response("describe_stack_resource_drifts", {"StackResourceDrifts": drifts[1:]})

        confirmer = CloudFormationConfirmer(aws, first_delay=1, max_delay=3, sleep=sleeps)
        result = confirm(confirmer, stack_finding(), stack_owners())
        stub.assert_no_pending_responses()

    assert sleeps.delays == [1, 2, 3]
    assert result.confirmed is True
    assert changes(result) == [
        {
            "path": "WebSg/SecurityGroupIngress/1",
            "expected": None,
            "actual": {"CidrIp": "0.0.0.0/0", "FromPort": 22},
        },
        {"path": "Bucket", "expected": "exists", "actual": "not found"},
    ]
    assert result.api_calls == [
        "cloudformation:DetectStackDrift",
        *["cloudformation:DescribeStackDriftDetectionStatus"] * 4,
        "cloudformation:DescribeStackResourceDrifts",
        "cloudformation:DescribeStackResourceDrifts",
    ]


def test_stack_in_sync_is_undecided(aws):
    """A hand-updated stack whose resources match its template: CloudFormation cannot say
    whether the template itself drifted from the IaC source, so it stays undecided."""
    with stubbed(aws) as stub:
        stub.add_response("detect_stack_drift", {"StackDriftDetectionId": "d-1"})
        stub.add_response(
            "describe_stack_drift_detection_status", status("DETECTION_COMPLETE", "IN_SYNC")
        )

        result = confirm(
            CloudFormationConfirmer(aws, sleep=Sleeps()), stack_finding(), stack_owners()
        )

    assert result.confirmed is None
    assert "IN_SYNC" in (result.reason or "")


def test_stack_detection_failed(aws):
    """A failed detection is undecided, with CloudFormation's reason."""
    with stubbed(aws) as stub:
        stub.add_response("detect_stack_drift", {"StackDriftDetectionId": "d-1"})
        stub.add_response(
            "describe_stack_drift_detection_status",
            status("DETECTION_FAILED", DetectionStatusReason="Rate exceeded"),
        )

        result = confirm(
            CloudFormationConfirmer(aws, sleep=Sleeps()), stack_finding(), stack_owners()
        )

    assert result.confirmed is None
    assert "Rate exceeded" in (result.reason or "")


def test_stack_detection_timeout(aws):
    """Polling stops at the timeout; the finding is undecided, pointing at the console."""
    with stubbed(aws) as stub:
        stub.add_response("detect_stack_drift", {"StackDriftDetectionId": "d-1"})
        stub.add_response("describe_stack_drift_detection_status", status("DETECTION_IN_PROGRESS"))

        confirmer = CloudFormationConfirmer(aws, first_delay=5, timeout=1, sleep=Sleeps())
        result = confirm(confirmer, stack_finding(), stack_owners())

    assert result.confirmed is None
    assert "did not finish within 1 s" in (result.reason or "")


def test_deleted_stack_confirmed(aws):
    """A deleted stack is confirmed when DescribeStacks (by ARN) finds it DELETE_COMPLETE."""
    with stubbed(aws) as stub:
        stub.add_response(
            "describe_stacks",
            {
                "Stacks": [
                    {
                        "StackId": STACK,
                        "StackName": "app",
                        "StackStatus": "DELETE_COMPLETE",
                        "CreationTime": NOW,
                    }
                ]
            },
            {"StackName": STACK},
        )

        result = confirm(CloudFormationConfirmer(aws), stack_finding("deleted"), stack_owners())

    assert (result.confirmed, result.api_calls) == (True, ["cloudformation:DescribeStacks"])


def test_deleted_stack_not_found_confirmed(aws):
    """A stack CloudFormation no longer knows is confirmed deleted."""
    with stubbed(aws) as stub:
        stub.add_client_error(
            "describe_stacks", "ValidationError", f"Stack with id {STACK} does not exist", 400
        )

        result = confirm(CloudFormationConfirmer(aws), stack_finding("deleted"), stack_owners())

    assert result.confirmed is True


def test_deleted_stack_still_there(aws):
    """A stack that still exists is not confirmed deleted."""
    with stubbed(aws) as stub:
        stub.add_response(
            "describe_stacks",
            {
                "Stacks": [
                    {
                        "StackId": STACK,
                        "StackName": "app",
                        "StackStatus": "UPDATE_COMPLETE",
                        "CreationTime": NOW,
                    }
                ]
            },
        )

        result = confirm(CloudFormationConfirmer(aws), stack_finding("deleted"), stack_owners())

    assert result.confirmed is False
    assert "UPDATE_COMPLETE" in (result.reason or "")


def test_differences_keep_non_json_text():
    """Values that are not JSON (plain strings) are kept as text."""
    out = differences(
        {
            "PropertyDifferences": [
                {
                    "PropertyPath": "/Description",
                    "ExpectedValue": "web tier",
                    "ActualValue": "web tier (edited)",
                    "DifferenceType": "NOT_EQUAL",
                }
            ]
        }
    )

    assert [c.model_dump() for c in out] == [
        {"path": "/Description", "expected": "web tier", "actual": "web tier (edited)"}
    ]
