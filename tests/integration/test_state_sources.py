"""State sources against moto (S3, CloudFormation) and botocore Stubber: Terraform in S3 with
versions and workspaces, CloudFormation stacks by name, prefix and tags with nested stacks,
Pulumi exports on disk and in an S3 backend, and a mixed environment through `run_check_async`."""

from __future__ import annotations

import asyncio
import gzip
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws

from bot.config.drift import LoadedConfig, parse_config
from bot.errors import AwsAccessDenied, ConfigError, FileUnreadable, StateUnavailable
from bot.shell.aws.access import AwsAccess
from bot.shell.check import CheckOptions, load_states, run_check_async
from bot.shell.ports import SourceContext
from bot.shell.states import STATE_SOURCES
from tests.fixtures import DATA

ACCOUNT = "123456789012"  # moto's
REGION = "us-east-1"
BUCKET = "tf-state-prod"
KEY = "network/terraform.tfstate"
PULUMI_EXPORT = DATA / "pulumi" / "webapp-prod.json"
CFN_ARN = f"arn:aws:cloudformation:{REGION}:{ACCOUNT}:stack"


def tfstate(*resources: tuple[str, str, dict[str, Any]], serial: int = 1) -> bytes:
    """A format-4 Terraform state with AWS resources (type, name, attributes)."""
    blocks = [
        {
            "mode": "managed",
            "type": t,
            "name": n,
            "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
            "instances": [{"schema_version": 0, "attributes": a}],
        }
        for t, n, a in resources
    ]
    doc = {
        "version": 4,
        "terraform_version": "1.9.8",
        "serial": serial,
        "lineage": "l-1",
        "outputs": {},
        "resources": blocks,
    }
    return json.dumps(doc).encode()


def role(name: str) -> tuple[str, str, dict[str, Any]]:
    return (
        "aws_iam_role",
        name.replace("-", "_"),
        {"name": name, "id": name, "arn": f"arn:aws:iam::{ACCOUNT}:role/{name}"},
    )


def config(tmp_path: Path, state_yaml: str, regions: str = "[us-east-1]") -> LoadedConfig:
    """drift.yml with environment `prod` whose `state:` is the given YAML list."""
    text = (
        f'environments:\n  prod:\n    account_id: "{ACCOUNT}"\n    regions: {regions}\n'
        f"    cloudtrail: {{source: files, path: ./trail}}\n    state:\n{state_yaml}"
    )
    path = tmp_path / "drift.yml"
    path.write_text(text)
    return parse_config(text, path)


def context(tmp_path: Path, state_yaml: str, regions: str = "[us-east-1]") -> SourceContext:
    """A SourceContext for environment `prod` whose `state:` is the given YAML list."""
    env = config(tmp_path, state_yaml, regions).environment("prod")
    return SourceContext("prod", env, tmp_path, AwsAccess(env, "prod"))


def access(ctx: SourceContext) -> AwsAccess:
    assert isinstance(ctx.aws, AwsAccess)
    return ctx.aws


def load(ctx: SourceContext) -> list[Any]:
    return asyncio.run(load_states(ctx))


def sources(states: list[Any]) -> list[str]:
    return sorted(s.source for s in states)


def addresses(states: list[Any]) -> set[str]:
    return {r.address for s in states for r in s.resources}


@pytest.fixture
def aws():
    with mock_aws():
        yield


@pytest.fixture
def s3(aws):
    client = boto3.client("s3", region_name=REGION)
    client.create_bucket(Bucket=BUCKET)
    return client


# ---- terraform ------------------------------------------------------------------------------


def test_terraform_local_file_still_works(tmp_path):
    """A local state path is read as before, named by its path."""
    (tmp_path / "local.tfstate").write_bytes(tfstate(role("app")))
    ctx = context(tmp_path, "      - terraform: ./local.tfstate\n")

    states = load(ctx)

    assert sources(states) == [str(tmp_path / "local.tfstate")]
    assert addresses(states) == {"aws_iam_role.app"}


def test_terraform_local_missing(tmp_path):
    """A missing state file is named, with its environment and how to write it."""
    ctx = context(tmp_path, "      - terraform: ./nope.tfstate\n")

    with pytest.raises(StateUnavailable) as err:
        load(ctx)

    path = tmp_path / "nope.tfstate"
    assert (
        err.value.user_message
        == f"The Terraform state `{path}` (environment `prod`) does not exist."
    )
    assert "terraform state pull > FILE" in err.value.hint
    assert isinstance(err.value.__cause__, FileUnreadable)
    assert isinstance(err.value.__cause__.__cause__, FileNotFoundError)


def test_terraform_local_unreadable(tmp_path):
    """A state the OS will not read (here a folder) says why, in the OS's words."""
    (tmp_path / "dir.tfstate").mkdir()
    ctx = context(tmp_path, "      - terraform: ./dir.tfstate\n")

    with pytest.raises(StateUnavailable) as err:
        load(ctx)

    path = tmp_path / "dir.tfstate"
    assert (
        err.value.user_message == f"I couldn't read the Terraform state `{path}`: Is a directory."
    )
    assert err.value.hint == "Check the file's permissions."


def test_terraform_s3_object(tmp_path, s3):
    """`s3://bucket/key` reads the object; the state's source is its URL."""
    s3.put_object(Bucket=BUCKET, Key=KEY, Body=tfstate(role("app")))
    ctx = context(tmp_path, f"      - terraform: s3://{BUCKET}/{KEY}\n")

    states = load(ctx)

    assert sources(states) == [f"s3://{BUCKET}/{KEY}"]
    assert addresses(states) == {"aws_iam_role.app"}
    assert access(ctx).log.calls == ["s3:GetObject"]


def test_terraform_s3_version_id_picks_old_version(tmp_path, s3):
    """`version_id` reads that version of a versioned object, not the latest."""
    s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})
    old = s3.put_object(Bucket=BUCKET, Key=KEY, Body=tfstate(role("old-role")))["VersionId"]
    s3.put_object(Bucket=BUCKET, Key=KEY, Body=tfstate(role("new-role"), serial=2))
    ctx = context(tmp_path, f"      - terraform: s3://{BUCKET}/{KEY}\n        version_id: {old}\n")

    states = load(ctx)

    assert addresses(states) == {"aws_iam_role.old_role"}
    assert sources(states) == [f"s3://{BUCKET}/{KEY}?versionId={old}"]


def test_terraform_s3_without_version_reads_latest(tmp_path, s3):
    """Without `version_id` the latest version is read."""
    s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})
    s3.put_object(Bucket=BUCKET, Key=KEY, Body=tfstate(role("old-role")))
    s3.put_object(Bucket=BUCKET, Key=KEY, Body=tfstate(role("new-role"), serial=2))
    ctx = context(tmp_path, f"      - terraform: s3://{BUCKET}/{KEY}\n")

    assert addresses(load(ctx)) == {"aws_iam_role.new_role"}


def test_terraform_s3_named_workspaces(tmp_path, s3):
    """Each listed workspace is read from `env:/NAME/KEY` as a state of its own."""
    s3.put_object(Bucket=BUCKET, Key=f"env:/staging/{KEY}", Body=tfstate(role("staging-app")))
    s3.put_object(Bucket=BUCKET, Key=f"env:/qa/{KEY}", Body=tfstate(role("qa-app")))
    ctx = context(
        tmp_path, f"      - terraform: s3://{BUCKET}/{KEY}\n        workspaces: [staging, qa]\n"
    )

    states = load(ctx)

    assert sources(states) == [f"s3://{BUCKET}/env:/qa/{KEY}", f"s3://{BUCKET}/env:/staging/{KEY}"]
    by_source = {s.source: {r.address for r in s.resources} for s in states}
    assert by_source[f"s3://{BUCKET}/env:/staging/{KEY}"] == {"aws_iam_role.staging_app"}


def test_terraform_s3_all_workspaces(tmp_path, s3):
    """`workspaces: "*"` finds every `env:/NAME/KEY`, and nothing else under the prefix."""
    s3.put_object(Bucket=BUCKET, Key=f"env:/staging/{KEY}", Body=tfstate(role("staging-app")))
    s3.put_object(Bucket=BUCKET, Key=f"env:/qa/{KEY}", Body=tfstate(role("qa-app")))
    s3.put_object(Bucket=BUCKET, Key="env:/qa/other/terraform.tfstate", Body=b"not this")
    ctx = context(tmp_path, f'      - terraform: s3://{BUCKET}/{KEY}\n        workspaces: "*"\n')

    states = load(ctx)

    assert sources(states) == [f"s3://{BUCKET}/env:/qa/{KEY}", f"s3://{BUCKET}/env:/staging/{KEY}"]
    assert addresses(states) == {"aws_iam_role.staging_app", "aws_iam_role.qa_app"}


def test_terraform_s3_all_workspaces_include_default(tmp_path, s3):
    """The default workspace (the key itself) is one of "*" when it exists."""
    s3.put_object(Bucket=BUCKET, Key=KEY, Body=tfstate(role("default-app")))
    s3.put_object(Bucket=BUCKET, Key=f"env:/qa/{KEY}", Body=tfstate(role("qa-app")))
    ctx = context(tmp_path, f'      - terraform: s3://{BUCKET}/{KEY}\n        workspaces: "*"\n')

    assert sources(load(ctx)) == [f"s3://{BUCKET}/env:/qa/{KEY}", f"s3://{BUCKET}/{KEY}"]


def test_terraform_s3_workspace_key_prefix(tmp_path, s3):
    """A backend's own `workspace_key_prefix` is honoured."""
    s3.put_object(Bucket=BUCKET, Key=f"workspaces/dev/{KEY}", Body=tfstate(role("dev-app")))
    ctx = context(
        tmp_path,
        f"      - terraform: s3://{BUCKET}/{KEY}\n"
        "        workspaces: [dev]\n"
        "        workspace_key_prefix: workspaces\n",
    )

    assert sources(load(ctx)) == [f"s3://{BUCKET}/workspaces/dev/{KEY}"]


def test_terraform_s3_no_workspaces_found(tmp_path, s3):
    """ "*" with no workspace state names where it looked and how to list it."""
    ctx = context(tmp_path, f'      - terraform: s3://{BUCKET}/{KEY}\n        workspaces: "*"\n')

    with pytest.raises(StateUnavailable, match=r"No Terraform workspace states under `s3://"):
        load(ctx)


def test_terraform_s3_missing_key(tmp_path, s3):
    """A missing object names the S3 URL and how to find the right key."""
    ctx = context(tmp_path, f"      - terraform: s3://{BUCKET}/{KEY}\n")

    with pytest.raises(StateUnavailable) as err:
        load(ctx)

    assert f"`s3://{BUCKET}/{KEY}`" in err.value.user_message
    assert "aws s3 ls" in err.value.hint


def test_terraform_s3_missing_workspace_names_its_key(tmp_path, s3):
    """A listed workspace without a state is named by its full key."""
    ctx = context(tmp_path, f"      - terraform: s3://{BUCKET}/{KEY}\n        workspaces: [nope]\n")

    with pytest.raises(StateUnavailable, match=rf"s3://{BUCKET}/env:/nope/{KEY}"):
        load(ctx)


def test_terraform_s3_missing_bucket(tmp_path, aws):
    """A missing bucket is named, with the next step."""
    ctx = context(tmp_path, f"      - terraform: s3://no-such-bucket-x/{KEY}\n")

    with pytest.raises(StateUnavailable, match="S3 bucket `no-such-bucket-x`") as err:
        load(ctx)

    assert "bucket" in err.value.hint


def test_terraform_s3_all_workspaces_missing_bucket(tmp_path, aws):
    """Listing the workspaces of a missing bucket names the bucket too."""
    ctx = context(
        tmp_path, f'      - terraform: s3://no-such-bucket-x/{KEY}\n        workspaces: "*"\n'
    )

    with pytest.raises(StateUnavailable, match="S3 bucket `no-such-bucket-x`"):
        load(ctx)


def test_terraform_s3_missing_version(tmp_path, s3):
    """A version id that does not exist is named, with how to list the versions."""
    s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})
    s3.put_object(Bucket=BUCKET, Key=KEY, Body=tfstate(role("app")))
    ctx = context(tmp_path, f"      - terraform: s3://{BUCKET}/{KEY}\n        version_id: nope\n")

    with pytest.raises(StateUnavailable, match="Version `nope`") as err:
        load(ctx)

    assert "list-object-versions" in err.value.hint


def test_terraform_s3_access_denied_names_iam_action(tmp_path, aws):
    """AccessDenied comes through AwsAccess, naming `s3:GetObject` and the object."""
    ctx = context(tmp_path, f"      - terraform: s3://{BUCKET}/{KEY}\n")
    client = access(ctx).client("s3", REGION)
    with Stubber(client) as stub:
        stub.add_client_error("get_object", "AccessDenied", "Access Denied", 403)

        with pytest.raises(AwsAccessDenied) as err:
            load(ctx)

    assert err.value.operation == "s3:GetObject"
    assert err.value.resource == f"s3://{BUCKET}/{KEY}"


def test_terraform_version_id_with_workspaces_refused(tmp_path, aws):
    """A version id names one object, so it cannot go with workspaces."""
    ctx = context(
        tmp_path,
        f"      - terraform: s3://{BUCKET}/{KEY}\n"
        "        version_id: v1\n        workspaces: [a]\n",
    )

    with pytest.raises(ConfigError, match="both `version_id` and `workspaces`"):
        load(ctx)


def test_terraform_local_with_workspaces_refused(tmp_path):
    """Workspaces apply to S3 states; a local file with them is a config error."""
    ctx = context(tmp_path, "      - terraform: ./x.tfstate\n        workspaces: [a]\n")

    with pytest.raises(ConfigError, match="is a local file"):
        load(ctx)


def test_terraform_s3_url_without_key_refused(tmp_path, aws):
    """`s3://bucket` alone names no object."""
    ctx = context(tmp_path, f"      - terraform: s3://{BUCKET}/\n")

    with pytest.raises(ConfigError, match="names no state object"):
        load(ctx)


# ---- cloudformation -------------------------------------------------------------------------

APP_TEMPLATE = {
    "Resources": {
        "Bucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "app-assets-x1"}},
        "WebSg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "web"}},
        "Network": {
            "Type": "AWS::CloudFormation::Stack",
            "Properties": {"TemplateURL": "https://cfn-templates-x1.s3.amazonaws.com/net.json"},
        },
    }
}
NESTED_TEMPLATE = {
    "Resources": {"Logs": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "net-logs-x1"}}}
}
OTHER_TEMPLATE = {
    "Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "other-q"}}}
}


@pytest.fixture
def stacks(aws):
    """Stacks in moto: `app` (bucket, security group, a nested stack with a bucket; tagged
    team=web) and `other` (a queue; untagged)."""
    s3 = boto3.client("s3", region_name=REGION)
    s3.create_bucket(Bucket="cfn-templates-x1")
    s3.put_object(Bucket="cfn-templates-x1", Key="net.json", Body=json.dumps(NESTED_TEMPLATE))
    cfn = boto3.client("cloudformation", region_name=REGION)
    app = cfn.create_stack(
        StackName="app",
        TemplateBody=json.dumps(APP_TEMPLATE),
        Tags=[{"Key": "team", "Value": "web"}],
    )["StackId"]
    other = cfn.create_stack(StackName="other", TemplateBody=json.dumps(OTHER_TEMPLATE))["StackId"]
    return {"app": app, "other": other}


def cfn_yaml(**selection: Any) -> str:
    body = json.dumps(selection)
    return f"      - cloudformation: {body}\n"


def test_cloudformation_stack_by_name(tmp_path, stacks):
    """A named stack is read with its resources and its nested stack, each a ParsedState."""
    ctx = context(tmp_path, cfn_yaml(stacks=["app"]))

    states = load(ctx)

    assert stacks["app"] in sources(states)
    assert len(states) == 2
    got = addresses(states)
    assert {"app", "app/Bucket", "app/WebSg", "app/Network"} <= got
    nested = next(s for s in states if s.source != stacks["app"])
    assert {r.address.split("/", 1)[-1] for r in nested.resources} >= {"Logs"}


def test_cloudformation_resources_canonical(tmp_path, stacks):
    """Resources carry their CloudFormation type and physical id."""
    ctx = context(tmp_path, cfn_yaml(stacks=["app"]))

    owned = {o for s in load(ctx) for r in s.resources for o in r.owns}

    assert ("AWS::S3::Bucket", "app-assets-x1") in owned
    assert ("AWS::S3::Bucket", "net-logs-x1") in owned
    assert ("AWS::CloudFormation::Stack", stacks["app"]) in owned
    assert any(t == "AWS::EC2::SecurityGroup" and i.startswith("sg-") for t, i in owned)


def test_cloudformation_by_prefix(tmp_path, stacks):
    """`prefix` lists active stacks by name (ListStacks) and reads those that match."""
    ctx = context(tmp_path, cfn_yaml(prefix="oth"))

    states = load(ctx)

    assert sources(states) == [stacks["other"]]
    assert "cloudformation:ListStacks" in access(ctx).log.calls


def test_cloudformation_by_tags(tmp_path, stacks):
    """`tags` keeps the stacks carrying every given tag (DescribeStacks)."""
    ctx = context(tmp_path, cfn_yaml(tags={"team": "web"}))

    states = load(ctx)

    assert stacks["app"] in sources(states)
    assert stacks["other"] not in sources(states)


def test_cloudformation_tags_must_all_match(tmp_path, stacks):
    """A stack missing one of the tags is not selected."""
    ctx = context(tmp_path, cfn_yaml(tags={"team": "web", "env": "prod"}))

    assert load(ctx) == []


def test_cloudformation_missing_stack(tmp_path, stacks):
    """A named stack that does not exist is named with its regions and the next step."""
    ctx = context(tmp_path, cfn_yaml(stacks=["nope"]))

    with pytest.raises(StateUnavailable, match="No CloudFormation stack named `nope` in us-east-1"):
        load(ctx)


def test_cloudformation_needs_regions(tmp_path, aws):
    """With `regions: "*"` and none on the entry, the error says where to set them."""
    ctx = context(tmp_path, cfn_yaml(stacks=["app"]), regions='"*"')

    with pytest.raises(ConfigError, match="needs regions") as err:
        load(ctx)

    assert "regions:" in err.value.hint


def test_cloudformation_entry_regions_override(tmp_path, stacks):
    """The entry's `regions` replace the environment's: no stack `app` in eu-west-1."""
    ctx = context(tmp_path, cfn_yaml(stacks=["app"], regions=["eu-west-1"]))

    with pytest.raises(StateUnavailable, match="in eu-west-1"):
        load(ctx)


def test_cloudformation_nested_by_arn_and_pages(tmp_path, aws):
    """AWS gives a nested stack's ARN as its physical id; ListStackResources is paged."""
    parent = f"{CFN_ARN}/app/11111111-aaaa-bbbb-cccc-000000000001"
    nested = f"{CFN_ARN}/app-Network-1QX8Z7Y6W5V4/22222222-aaaa-bbbb-cccc-000000000002"
    ctx = context(tmp_path, cfn_yaml(stacks=["app"]))
    client = access(ctx).client("cloudformation", REGION)
    now = datetime(2026, 11, 20, tzinfo=UTC)

    def res(logical: str, rtype: str, physical: str) -> dict[str, Any]:
        return {
            "LogicalResourceId": logical,
            "PhysicalResourceId": physical,
            "ResourceType": rtype,
            "ResourceStatus": "CREATE_COMPLETE",
            "LastUpdatedTimestamp": now,
        }

    with Stubber(client) as stub:
        stub.add_response(
            "describe_stacks",
            {
                "Stacks": [
                    {
                        "StackId": parent,
                        "StackName": "app",
                        "StackStatus": "CREATE_COMPLETE",
                        "CreationTime": now,
                    }
                ]
            },
            {"StackName": "app"},
        )
        stub.add_response(
            "list_stack_resources",
            {
                "StackResourceSummaries": [res("Bucket", "AWS::S3::Bucket", "app-assets")],
                "NextToken": "page-2",
            },
            {"StackName": parent},
        )
        stub.add_response(
            "list_stack_resources",
            {"StackResourceSummaries": [res("Network", "AWS::CloudFormation::Stack", nested)]},
            {"StackName": parent, "NextToken": "page-2"},
        )
        stub.add_response(
            "list_stack_resources",
            {"StackResourceSummaries": [res("Web", "AWS::EC2::SecurityGroup", "sg-0a1")]},
            {"StackName": nested},
        )

        states = load(ctx)
        stub.assert_no_pending_responses()

    assert sources(states) == sorted([parent, nested])
    assert addresses(states) == {
        "app",
        "app/Bucket",
        "app/Network",
        "app-Network-1QX8Z7Y6W5V4",
        "app-Network-1QX8Z7Y6W5V4/Web",
    }
    nested_stack = next(
        r for s in states for r in s.resources if r.address == "app-Network-1QX8Z7Y6W5V4"
    )
    assert nested_stack.attributes["ParentId"] == parent


def test_cloudformation_access_denied_names_iam_action(tmp_path, aws):
    """AccessDenied comes through AwsAccess naming `cloudformation:DescribeStacks`."""
    ctx = context(tmp_path, cfn_yaml(stacks=["app"]))
    with Stubber(access(ctx).client("cloudformation", REGION)) as stub:
        stub.add_client_error("describe_stacks", "AccessDenied", "not allowed", 403)

        with pytest.raises(AwsAccessDenied) as err:
            load(ctx)

    assert err.value.operation == "cloudformation:DescribeStacks"


# ---- pulumi ---------------------------------------------------------------------------------

PULUMI_BUCKET = "pulumi-state-x1"


def test_pulumi_local_export(tmp_path):
    """A `pulumi stack export` file on disk is read; addresses are URNs."""
    ctx = context(tmp_path, f"      - pulumi: {PULUMI_EXPORT}\n")

    states = load(ctx)

    assert sources(states) == [str(PULUMI_EXPORT)]
    assert "urn:pulumi:prod::webapp::aws:ec2/securityGroup:SecurityGroup::web-sg" in addresses(
        states
    )


def test_pulumi_local_missing(tmp_path):
    """A missing export file is named with how to write it."""
    ctx = context(tmp_path, "      - pulumi: ./nope.json\n")

    with pytest.raises(StateUnavailable, match="does not exist") as err:
        load(ctx)

    assert "pulumi stack export" in err.value.hint


def backend_file() -> bytes:
    """The stack as a self-managed backend stores it (a checkpoint)."""
    deployment = json.loads(PULUMI_EXPORT.read_text())["deployment"]
    return json.dumps(
        {"version": 3, "checkpoint": {"stack": "organization/webapp/prod", "latest": deployment}}
    ).encode()


@pytest.fixture
def pulumi_bucket(aws):
    client = boto3.client("s3", region_name=REGION)
    client.create_bucket(Bucket=PULUMI_BUCKET)
    return client


def test_pulumi_s3_backend_project_and_stack(tmp_path, pulumi_bucket):
    """`s3://bucket` with project and stack reads `.pulumi/stacks/PROJECT/STACK.json`."""
    key = ".pulumi/stacks/webapp/prod.json"
    pulumi_bucket.put_object(Bucket=PULUMI_BUCKET, Key=key, Body=backend_file())
    ctx = context(
        tmp_path,
        f"      - pulumi: s3://{PULUMI_BUCKET}\n        project: webapp\n        stack: prod\n",
    )

    states = load(ctx)

    assert sources(states) == [f"s3://{PULUMI_BUCKET}/{key}"]
    assert len(states[0].resources) == 8


def test_pulumi_s3_backend_path_and_gzip(tmp_path, pulumi_bucket):
    """A backend under a path, with a gzip-compressed stack file, is found and read."""
    key = "teams/web/.pulumi/stacks/webapp/prod.json.gz"
    pulumi_bucket.put_object(Bucket=PULUMI_BUCKET, Key=key, Body=gzip.compress(backend_file()))
    ctx = context(
        tmp_path,
        f"      - pulumi: s3://{PULUMI_BUCKET}/teams/web\n"
        "        project: webapp\n        stack: organization/webapp/prod\n",
    )

    states = load(ctx)

    assert sources(states) == [f"s3://{PULUMI_BUCKET}/{key}"]


def test_pulumi_s3_full_url(tmp_path, pulumi_bucket):
    """The stack file's full URL works without project and stack."""
    key = ".pulumi/stacks/webapp/prod.json"
    pulumi_bucket.put_object(Bucket=PULUMI_BUCKET, Key=key, Body=backend_file())
    ctx = context(tmp_path, f"      - pulumi: s3://{PULUMI_BUCKET}/{key}\n")

    assert sources(load(ctx)) == [f"s3://{PULUMI_BUCKET}/{key}"]


def test_pulumi_s3_missing_stack(tmp_path, pulumi_bucket):
    """A stack that is not in the backend is named by its URL, with how to list stacks."""
    ctx = context(
        tmp_path,
        f"      - pulumi: s3://{PULUMI_BUCKET}\n        project: webapp\n        stack: nope\n",
    )

    with pytest.raises(StateUnavailable, match="There is no Pulumi stack") as err:
        load(ctx)

    assert f"s3://{PULUMI_BUCKET}/.pulumi/stacks/webapp/nope.json" in err.value.user_message
    assert "pulumi stack ls" in err.value.hint


def test_pulumi_s3_backend_needs_stack(tmp_path, aws):
    """A backend URL without `stack` is a config error saying what to add."""
    ctx = context(tmp_path, f"      - pulumi: s3://{PULUMI_BUCKET}\n")

    with pytest.raises(ConfigError, match="names no stack"):
        load(ctx)


def test_state_sources_registered():
    """Every state kind of drift.yml has a source."""
    assert {"terraform", "cloudformation", "pulumi"} <= set(STATE_SOURCES.keys())


# ---- a mixed environment, end to end ---------------------------------------------------------

PULUMI_SG = "sg-0b1c2d3e4f5a6b7c8"


def record(event_id: str, source: str, name: str, params: dict[str, Any]) -> dict[str, Any]:
    """A CloudTrail record of a console user's change, in AWS's shape."""
    return {
        "eventVersion": "1.09",
        "userIdentity": {
            "type": "AssumedRole",
            "principalId": "AROAEXAMPLE:dev@example.com",
            "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/AWSReservedSSO_Admin_0a1b/dev@example.com",
            "accountId": ACCOUNT,
            "sessionContext": {
                "sessionIssuer": {
                    "type": "Role",
                    "principalId": "AROAEXAMPLE",
                    "arn": f"arn:aws:iam::{ACCOUNT}:role/AWSReservedSSO_Admin_0a1b",
                    "accountId": ACCOUNT,
                    "userName": "AWSReservedSSO_Admin_0a1b",
                },
                "attributes": {"creationDate": "2026-11-23T09:00:00Z", "mfaAuthenticated": "false"},
            },
        },
        "eventTime": f"2026-11-23T10:0{event_id[-1]}:00Z",
        "eventSource": source,
        "eventName": name,
        "awsRegion": REGION,
        "sourceIPAddress": "203.0.113.7",
        "userAgent": "AWS Internal",
        "requestParameters": params,
        "responseElements": None,
        "requestID": f"req-{event_id}",
        "eventID": f"0000000{event_id}-aaaa-bbbb-cccc-000000000000",
        "readOnly": False,
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": ACCOUNT,
        "sessionCredentialFromConsole": "true",
    }


MIXED_RECORDS = [
    record(
        "1",
        "s3.amazonaws.com",
        "PutBucketPolicy",
        {"bucketName": "app-assets-x1", "bucketPolicy": {"Version": "2012-10-17"}},
    ),
    record(
        "2",
        "ec2.amazonaws.com",
        "AuthorizeSecurityGroupIngress",
        {
            "groupId": PULUMI_SG,
            "ipPermissions": {
                "items": [
                    {
                        "ipProtocol": "tcp",
                        "fromPort": 22,
                        "toPort": 22,
                        "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0"}]},
                    }
                ]
            },
        },
    ),
    record(
        "3",
        "iam.amazonaws.com",
        "PutRolePolicy",
        {"roleName": "app", "policyName": "extra", "policyDocument": "{}"},
    ),
    record(
        "4",
        "s3.amazonaws.com",
        "PutBucketTagging",
        {"bucketName": "nobody-owns-this", "Tagging": {}},
    ),
]


def mixed_check(tmp_path: Path, confirm: bool):
    """`run_check_async` over a `files` trail, with Terraform (local), CloudFormation (`app`)
    and Pulumi (export file) states in one `state:` list."""
    (tmp_path / "trail").mkdir()
    (tmp_path / "trail" / "events.json").write_text(json.dumps({"Records": MIXED_RECORDS}))
    (tmp_path / "local.tfstate").write_bytes(tfstate(role("app")))
    state = (
        "      - terraform: ./local.tfstate\n"
        + cfn_yaml(stacks=["app"])
        + f"      - pulumi: {PULUMI_EXPORT}\n"
    )
    loaded = config(tmp_path, state)
    start, end = datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 11, 24, tzinfo=UTC)
    return asyncio.run(run_check_async(loaded, "prod", start, end, CheckOptions(confirm=confirm)))


def test_mixed_environment_names_every_owner(tmp_path, stacks):
    """Terraform, CloudFormation and Pulumi states in one environment each own their resources,
    and each finding names its owners' addresses."""
    outcome = mixed_check(tmp_path, confirm=False)

    found = {(f.kind, f.resource_type, f.resource_id): f.addresses for f in outcome.report.findings}
    assert found == {
        ("modified", "AWS::S3::Bucket", "app-assets-x1"): ["app/Bucket"],
        ("modified", "AWS::EC2::SecurityGroup", PULUMI_SG): [
            "urn:pulumi:prod::webapp::aws:ec2/securityGroup:SecurityGroup::web-sg"
        ],
        ("modified", "AWS::IAM::Role", "app"): ["aws_iam_role.app"],
        ("unmanaged", "AWS::S3::Bucket", "nobody-owns-this"): [],
    }


class DriftStubbedAccess(AwsAccess):
    """AwsAccess whose CloudFormation client for the stacks' account answers
    DetectStackResourceDrift from a Stubber (moto lacks it); state loading uses account ""."""

    def client(self, service: str, region: str, account: str = "") -> Any:
        client = super().client(service, region, account)
        if (service, account) == ("cloudformation", ACCOUNT) and not hasattr(client, "_stub"):
            stub = Stubber(client)
            stub.add_response(
                "detect_stack_resource_drift",
                {
                    "StackResourceDrift": {
                        "StackId": "x",
                        "LogicalResourceId": "Bucket",
                        "PhysicalResourceId": "app-assets-x1",
                        "ResourceType": "AWS::S3::Bucket",
                        "StackResourceDriftStatus": "MODIFIED",
                        "Timestamp": datetime(2026, 11, 23, 10, 5, tzinfo=UTC),
                        "PropertyDifferences": [
                            {
                                "PropertyPath": "/Tags/0/Value",
                                "ExpectedValue": "web",
                                "ActualValue": "ops",
                                "DifferenceType": "NOT_EQUAL",
                            }
                        ],
                    }
                },
                {"StackName": STACKS["app"], "LogicalResourceId": "Bucket"},
            )
            stub.activate()
            client._stub = stub
        return client


STACKS: dict[str, str] = {}


def test_mixed_environment_confirms_cloudformation_owned(tmp_path, stacks, monkeypatch):
    """With confirmation on, `drift check` asks CloudFormation about the resource it owns and
    reports its property differences as changes."""
    STACKS.update(stacks)
    # check.py imports AwsAccess when a check reads AWS: patched where it is defined.
    monkeypatch.setattr("bot.shell.aws.access.AwsAccess", DriftStubbedAccess)

    outcome = mixed_check(tmp_path, confirm=True)

    bucket = next(f for f in outcome.report.findings if f.resource_id == "app-assets-x1")
    assert bucket.confirmed is True
    # Finding.with_confirmation leaves changes as dicts (model_copy does not validate).
    changes = [c if isinstance(c, dict) else c.model_dump() for c in bucket.changes]
    assert changes == [{"path": "/Tags/0/Value", "expected": "web", "actual": "ops"}]
    assert bucket.api_calls == ["cloudformation:DetectStackResourceDrift"]
