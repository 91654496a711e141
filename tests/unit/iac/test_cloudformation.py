"""parse_stack: a CloudFormation stack's resource summaries as desired resources.

Summaries are in the shape ListStackResources returns (API reference, StackResourceSummary);
ids are made up in AWS's formats for account 111122223333.
"""

from __future__ import annotations

from typing import Any

from bot.iac.cloudformation import is_custom, parse_stack, stack_ref
from bot.iac.index import build_index

ARN = "arn:aws:cloudformation:eu-west-1:111122223333:stack/app/5b1e7c40-a6f1-11ef-9c3a-0a1b2c3d4e5f"
NESTED = (
    "arn:aws:cloudformation:eu-west-1:111122223333:stack/app-Network-1QX8Z7Y6W5V4/"
    "6c2f8d50-a6f1-11ef-8d4b-0a1b2c3d4e5f"
)
STACK = {"StackId": ARN, "StackName": "app", "StackStatus": "UPDATE_COMPLETE"}


def summary(logical: str, rtype: str, physical: str | None, status: str = "CREATE_COMPLETE"):
    out: dict[str, Any] = {
        "LogicalResourceId": logical,
        "ResourceType": rtype,
        "ResourceStatus": status,
        "LastUpdatedTimestamp": "2026-11-20T09:12:44Z",
        "DriftInformation": {"StackResourceDriftStatus": "NOT_CHECKED"},
    }
    if physical is not None:
        out["PhysicalResourceId"] = physical
    return out


def parsed(*summaries: dict[str, Any]):
    return parse_stack(STACK, list(summaries))


def test_stack_itself_is_recorded():
    """The stack is a resource of its own, addressed by its name, keyed by its ARN."""
    stack = parsed().resources[0]

    assert (stack.address, stack.backend, stack.resource_type, stack.resource_id) == (
        "app",
        "cloudformation",
        "AWS::CloudFormation::Stack",
        ARN,
    )


def test_stack_name_stands_for_its_arn():
    """CloudTrail names a stack by name in some calls: the name resolves to the ARN."""
    index = build_index([parsed()])

    assert [o.address for o in index.owners("AWS::CloudFormation::Stack", "app")] == ["app"]


def test_source_is_the_stack_arn():
    """Each stack is its own ParsedState, named by its ARN."""
    state = parsed(summary("Bucket", "AWS::S3::Bucket", "app-bucket-1x2y3z"))

    assert state.source == ARN
    assert {r.source for r in state.resources} == {ARN}


def test_resources_addressed_stack_slash_logical_id():
    """Resources are `STACK/LogicalId` with the CloudFormation type and physical id."""
    state = parsed(
        summary("Bucket", "AWS::S3::Bucket", "app-bucket-1x2y3z"),
        summary("WebSg", "AWS::EC2::SecurityGroup", "sg-0a11b22c33d44e55f"),
    )

    got = [(r.address, r.iac_type, r.owns) for r in state.resources[1:]]

    assert got == [
        ("app/Bucket", "AWS::S3::Bucket", (("AWS::S3::Bucket", "app-bucket-1x2y3z"),)),
        (
            "app/WebSg",
            "AWS::EC2::SecurityGroup",
            (("AWS::EC2::SecurityGroup", "sg-0a11b22c33d44e55f"),),
        ),
    ]


def test_physical_arns_normalised():
    """Physical ids given as ARNs become the canonical id (an IAM role's name)."""
    state = parsed(
        summary("Role", "AWS::IAM::Role", "app-Role-1ABCDEF"),
        summary(
            "Fn",
            "AWS::Lambda::Function",
            "arn:aws:lambda:eu-west-1:111122223333:function:app-Fn-9XYZ",
        ),
    )

    assert [r.resource_id for r in state.resources[1:]] == ["app-Role-1ABCDEF", "app-Fn-9XYZ"]


def test_attributes_carry_stack_and_logical_id():
    """What confirmation needs (stack ARN and logical id) is kept on the resource."""
    resource = parsed(summary("Bucket", "AWS::S3::Bucket", "b-1")).resources[1]

    assert resource.attributes["StackId"] == ARN
    assert resource.attributes["LogicalResourceId"] == "Bucket"
    assert resource.attributes["PhysicalResourceId"] == "b-1"


def test_unknown_types_counted_not_recorded():
    """Types driftbot does not know are counted in unknown_types."""
    state = parsed(summary("Thing", "AWS::Made::Up", "thing-1"))

    assert (len(state.resources), dict(state.unknown_types)) == (1, {"AWS::Made::Up": 1})


def test_custom_resources_and_helpers_skipped():
    """Custom resources and wait conditions stand for nothing in AWS and are not counted."""
    state = parsed(
        summary("Seed", "Custom::DbSeed", "2026/11/20/[$LATEST]abc"),
        summary("Seed2", "AWS::CloudFormation::CustomResource", "seed-2"),
        summary("Handle", "AWS::CloudFormation::WaitConditionHandle", "https://cfn-waitcondition"),
        summary("CDKMetadata", "AWS::CDK::Metadata", "5a6b7c8d-0000"),
    )

    assert (len(state.resources), dict(state.unknown_types)) == (1, {})


def test_gone_and_unnamed_resources_skipped():
    """Resources deleted, failed to create or without a physical id do not exist in AWS."""
    state = parsed(
        summary("Old", "AWS::S3::Bucket", "old-bucket", status="DELETE_COMPLETE"),
        summary("Failed", "AWS::S3::Bucket", None, status="CREATE_FAILED"),
        summary("Pending", "AWS::S3::Bucket", None, status="CREATE_IN_PROGRESS"),
    )

    assert [r.address for r in state.resources] == ["app"]


def test_nested_stack_resource_owns_the_nested_arn():
    """A nested stack is a resource of its parent whose physical id is the nested ARN."""
    state = parsed(summary("Network", "AWS::CloudFormation::Stack", NESTED))

    assert state.resources[1].owns == (("AWS::CloudFormation::Stack", NESTED),)


def test_nested_stack_recorded_with_its_parent():
    """A nested stack parsed on its own names its parent."""
    nested = {"StackId": NESTED, "StackName": "app-Network-1QX8Z7Y6W5V4", "ParentId": ARN}

    stack = parse_stack(nested, []).resources[0]

    assert (stack.address, stack.attributes["ParentId"]) == ("app-Network-1QX8Z7Y6W5V4", ARN)


def test_stack_ref_reads_region_account_name():
    """A stack ARN gives its region, account and name; anything else gives None."""
    ref = stack_ref(NESTED)

    assert ref is not None
    assert (ref.region, ref.account, ref.name) == (
        "eu-west-1",
        "111122223333",
        "app-Network-1QX8Z7Y6W5V4",
    )
    assert stack_ref("app") is None
    assert stack_ref("arn:aws:s3:::bucket") is None


def test_is_custom():
    """Custom:: types and CloudFormation's helpers are custom; AWS types are not."""
    assert is_custom("Custom::Anything")
    assert is_custom("AWS::CloudFormation::WaitCondition")
    assert not is_custom("AWS::CloudFormation::Stack")
    assert not is_custom("AWS::S3::Bucket")
