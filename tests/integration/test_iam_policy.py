"""`drift iam-policy` covers every call the adapters make (issue 13): each adapter runs against
moto (or botocore's Stubber where moto lacks the API) with the AwsAccess of an environment
configured for it, and every IAM action AwsAccess recorded must be allowed by the policy
generated for that environment. Also: the CLI prints it, and the README's permission list is
the generator's."""

from __future__ import annotations

import asyncio
import gzip
import json
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws

from bot.config.drift import Environment, parse_config
from bot.config.state import state_kind
from bot.drift.findings import Finding
from bot.iac.index import DesiredResource
from bot.shell.aws.access import AwsAccess, CallLog
from bot.shell.aws.cfn_drift import CloudFormationConfirmer
from bot.shell.aws.permissions import environment_grants, granted, policy_document
from bot.shell.aws.readers import READERS
from bot.shell.confirm import LiveConfirmer
from bot.shell.ports import SourceContext
from bot.shell.realtime.queue import RealtimeQueue
from bot.shell.sources import TRAIL_SOURCES
from bot.shell.states import STATE_SOURCES
from bot.shell.states.cache import StateCache
from bot.trail.paths import PathScope
from tests.integration import test_live_readers as live

ROOT = Path(__file__).resolve().parents[2]
REGION = "us-east-1"
ACCOUNT = "123456789012"  # moto's
STATE = {"version": 4, "terraform_version": "1.9.0", "serial": 1, "lineage": "x", "resources": []}


def environment(**fields: Any) -> Environment:
    base: dict[str, Any] = {
        "account_id": ACCOUNT,
        "regions": [REGION],
        "cloudtrail": {"source": "files", "path": "logs"},
    }
    return Environment.model_validate({**base, **fields})


def allowed(env: Environment, realtime: Any = None) -> set[str]:
    return granted(policy_document(environment_grants(env, realtime)))


def assert_covered(aws: AwsAccess, env: Environment, realtime: Any = None) -> set[str]:
    made = set(aws.log.calls)
    assert made, "the adapter made no call: the test would prove nothing"
    missing = made - allowed(env, realtime)
    assert not missing, f"calls not in `drift iam-policy`: {sorted(missing)}"
    return made


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def moto():
    with mock_aws():
        yield


def s3() -> Any:
    return boto3.client("s3", region_name=REGION)


# ---- CloudTrail sources -------------------------------------------------------------------------


def read_source(env: Environment, aws: AwsAccess, tmp_path: Path) -> None:
    source = TRAIL_SOURCES.get(env.cloudtrail.source)(SourceContext("e", env, tmp_path, aws))
    end = datetime(2026, 11, 24, tzinfo=UTC)
    scope = PathScope(end - timedelta(hours=2), end, frozenset([ACCOUNT]), frozenset([REGION]))

    async def drain() -> None:
        async for _ in source.batches(scope):
            pass

    run(drain())


def test_lookup_events_calls_are_granted(tmp_path):
    """Stubbed (moto's LookupEvents is not the point here): every region, then one page."""
    env = environment(cloudtrail={"source": "lookup_events"}, regions="*")
    aws = AwsAccess(env, "e")
    regions = Stubber(aws.client("ec2", REGION, ACCOUNT))
    regions.add_response("describe_regions", {"Regions": [{"RegionName": REGION}]})
    events = Stubber(aws.client("cloudtrail", REGION, ACCOUNT))
    events.add_response("lookup_events", {"Events": []})
    with regions, events:
        read_source(env, aws, tmp_path)
    assert {"cloudtrail:LookupEvents", "ec2:DescribeRegions"} <= assert_covered(aws, env)


def test_s3_source_calls_are_granted(moto, tmp_path):
    s3().create_bucket(Bucket="trail-logs")
    name = f"{ACCOUNT}_CloudTrail_{REGION}_20261123T2300Z_a.json.gz"
    key = f"AWSLogs/{ACCOUNT}/CloudTrail/{REGION}/2026/11/23/{name}"
    s3().put_object(Bucket="trail-logs", Key=key, Body=gzip.compress(b'{"Records": []}'))
    env = environment(cloudtrail={"source": "s3", "bucket": "trail-logs"})
    aws = AwsAccess(env, "e")
    read_source(env, aws, tmp_path)
    assert {"s3:ListBucket", "s3:GetObject"} <= assert_covered(aws, env)


def test_athena_source_calls_are_granted(moto, tmp_path):
    env = environment(cloudtrail={"source": "athena", "bucket": "trail-logs"})
    aws = AwsAccess(env, "e")
    read_source(env, aws, tmp_path)
    assert "athena:StartQueryExecution" in assert_covered(aws, env)


# ---- state entries, read and fingerprinted (the realtime cache) --------------------------------


def load_state(env: Environment, aws: AwsAccess, tmp_path: Path) -> None:
    ctx = SourceContext("e", env, tmp_path, aws)
    for entry in env.state:
        run(STATE_SOURCES.get(state_kind(entry))(ctx, entry).load())
    run(StateCache(ctx, timedelta(0)).index())  # fingerprints too


def test_terraform_s3_state_calls_are_granted(moto, tmp_path):
    s3().create_bucket(Bucket="tf-state")
    body = json.dumps(STATE).encode()
    s3().put_object(Bucket="tf-state", Key="app/terraform.tfstate", Body=body)
    s3().put_object(Bucket="tf-state", Key="env:/prod/app/terraform.tfstate", Body=body)
    env = environment(
        state=[{"terraform": "s3://tf-state/app/terraform.tfstate", "workspaces": "*"}]
    )
    aws = AwsAccess(env, "e")
    load_state(env, aws, tmp_path)
    made = assert_covered(aws, env)
    assert {"s3:GetObject", "s3:ListBucket"} <= made


def test_pulumi_s3_state_calls_are_granted(moto, tmp_path):
    s3().create_bucket(Bucket="pulumi-state")
    export = {"version": 3, "checkpoint": {"latest": {"resources": []}}}
    s3().put_object(
        Bucket="pulumi-state",
        Key=".pulumi/stacks/app/prod.json",
        Body=json.dumps(export).encode(),
    )
    env = environment(state=[{"pulumi": "s3://pulumi-state", "project": "app", "stack": "prod"}])
    aws = AwsAccess(env, "e")
    load_state(env, aws, tmp_path)
    assert "s3:GetObject" in assert_covered(aws, env)


def test_cloudformation_state_calls_are_granted(moto, tmp_path):
    template = {"Resources": {"Logs": {"Type": "AWS::S3::Bucket"}}}
    cfn = boto3.client("cloudformation", region_name=REGION)
    cfn.create_stack(StackName="app-web", TemplateBody=json.dumps(template))
    env = environment(state=[{"cloudformation": {"stacks": ["app-web"], "prefix": "app-"}}])
    aws = AwsAccess(env, "e")
    load_state(env, aws, tmp_path)
    made = assert_covered(aws, env)
    assert {"cloudformation:DescribeStacks", "cloudformation:ListStackResources"} <= made


# ---- live readers, Cloud Control, CloudFormation drift -----------------------------------------


def test_every_hand_written_reader_is_granted(moto):
    env = environment(confirm=True)
    aws = AwsAccess(env, "e")
    ec2 = boto3.client("ec2", region_name=REGION)
    group = ec2.create_security_group(GroupName="web", Description="web")["GroupId"]
    live._bucket()
    _, _role_arn = live._role()
    _, db = live._db()
    _, instance, _ = live._instance()
    live._function()
    _, key = live._key()
    _, listener, _ = live._listener()
    ids = {
        "AWS::EC2::SecurityGroup": group,
        "AWS::S3::Bucket": live.BUCKET,
        "AWS::IAM::Role": live.ROLE,
        "AWS::RDS::DBInstance": db,
        "AWS::EC2::Instance": instance,
        "AWS::Lambda::Function": "thumbnailer",
        "AWS::KMS::Key": key,
        "AWS::ElasticLoadBalancingV2::Listener": listener,
    }
    assert set(ids) == set(READERS.keys())
    for resource_type, resource_id in ids.items():
        run(READERS.get(resource_type)(aws, resource_id, REGION, ACCOUNT, CallLog()))
    made = assert_covered(aws, env)
    assert len({a.split(":")[0] for a in made}) >= 6


def finding(resource_type: str, resource_id: str, kind: str = "modified") -> Finding:
    return Finding(
        kind=kind,
        resource_type=resource_type,
        resource_id=resource_id,
        account_id=ACCOUNT,
        region=REGION,
        addresses=[],
        events=[],
    )


def test_cloud_control_read_is_granted(monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    env = environment(confirm=True)
    aws = AwsAccess(env, "e")
    url = f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/orders"
    stub = Stubber(aws.client("cloudcontrol", REGION, ACCOUNT))
    stub.add_response(
        "get_resource",
        {
            "TypeName": "AWS::SQS::Queue",
            "ResourceDescription": {"Identifier": url, "Properties": json.dumps({"QueueUrl": url})},
        },
    )
    with stub:
        run(LiveConfirmer(aws).confirm(finding("AWS::SQS::Queue", url, "unmanaged"), []))
    assert "cloudformation:GetResource" in assert_covered(aws, env)


def test_cloudformation_drift_detection_is_granted(monkeypatch):
    stack = f"arn:aws:cloudformation:{REGION}:{ACCOUNT}:stack/app/1a2b"
    env = environment(confirm=True, state=[{"cloudformation": {"stacks": ["app"]}}])
    aws = AwsAccess(env, "e")
    stub = Stubber(aws.client("cloudformation", REGION, ACCOUNT))
    stub.add_response(
        "detect_stack_resource_drift",
        {
            "StackResourceDrift": {
                "StackId": stack,
                "LogicalResourceId": "Logs",
                "ResourceType": "AWS::S3::Bucket",
                "StackResourceDriftStatus": "IN_SYNC",
                "Timestamp": datetime(2026, 11, 24, tzinfo=UTC),
            }
        },
    )
    owner = DesiredResource(
        address="app/Logs",
        backend="cloudformation",
        source=stack,
        iac_type="AWS::S3::Bucket",
        resource_type="AWS::S3::Bucket",
        resource_id="logs",
        owns=(("AWS::S3::Bucket", "logs"),),
        attributes={"StackId": stack, "LogicalResourceId": "Logs"},
    )
    with stub:
        run(CloudFormationConfirmer(aws).confirm(finding("AWS::S3::Bucket", "logs"), [owner]))
    assert "cloudformation:DetectStackResourceDrift" in assert_covered(aws, env)


def test_assuming_the_role_is_granted(moto):
    role = f"arn:aws:iam::{ACCOUNT}:role/driftbot-read"
    env = environment(role_arn=role, external_id="x-123", confirm=True)
    aws = AwsAccess(env, "e")
    run(READERS.get("AWS::EC2::SecurityGroup")(aws, "sg-0000", REGION, ACCOUNT, CallLog()))
    assert "sts:AssumeRole" in assert_covered(aws, env)
    document = policy_document(environment_grants(env, None), "driftbot")
    assert document["Statement"][0]["Resource"] == role


# ---- the realtime queue -----------------------------------------------------------------------


def test_the_realtime_consumers_calls_are_granted(moto, tmp_path):
    sqs = boto3.client("sqs", region_name=REGION)
    dlq = sqs.create_queue(QueueName="driftbot-dlq")["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    policy = json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 3})
    url = sqs.create_queue(QueueName="driftbot-events", Attributes={"RedrivePolicy": policy})[
        "QueueUrl"
    ]
    sqs.send_message(QueueUrl=url, MessageBody="{}")
    loaded = parse_config(
        f"""
environments:
  e: {{account_id: "{ACCOUNT}", regions: [{REGION}], cloudtrail: {{source: files, path: x}}}}
realtime: {{sqs: {{queue_url: "{url}", region: {REGION}}}}}
""",
        tmp_path / "drift.yml",
    )
    realtime = loaded.config.realtime
    assert realtime is not None
    queue = RealtimeQueue(realtime.sqs)

    async def use() -> None:
        messages = await queue.receive(wait=0)
        await queue.extend(messages, 30)
        await queue.delete(messages)
        redrive = await queue.redrive()
        assert redrive.dead_letter_arn is not None
        await queue.depth(await queue.url_of(redrive.dead_letter_arn))

    run(use())
    made = assert_covered(queue.aws, loaded.config.environments["e"], realtime)
    assert {"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"} <= made
    statement = next(
        s
        for s in policy_document(environment_grants(loaded.config.environments["e"], realtime))[
            "Statement"
        ]
        if s["Sid"] == "RealtimeQueue"
    )
    assert statement["Resource"] == f"arn:aws:sqs:{REGION}:{ACCOUNT}:driftbot-events"


# ---- the command and the README ---------------------------------------------------------------


def test_drift_iam_policy_prints_the_environments_policy(tmp_path):
    config = tmp_path / "drift.yml"
    config.write_text(f"""
environments:
  prod:
    account_id: "{ACCOUNT}"
    regions: [{REGION}]
    cloudtrail: {{source: s3, bucket: trail-logs, prefix: org}}
    state: [{{terraform: "s3://tf-state/prod/terraform.tfstate"}}]
    confirm: false
""")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "iam-policy", "prod", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=ROOT,
    )
    document = json.loads(done.stdout)
    by_sid = {s["Sid"]: s for s in document["Statement"]}
    assert by_sid["CloudTrailLogsRead"]["Resource"] == "arn:aws:s3:::trail-logs/org/*"
    assert by_sid["TerraformState1"]["Resource"] == "arn:aws:s3:::tf-state/prod/terraform.tfstate"
    assert "ConfirmLiveResources" not in by_sid  # confirm is off: no live reads


def test_the_readmes_permission_list_is_the_generators():
    from bot.shell.aws.permissions import readme_list, readme_markdown

    text = (ROOT / "README.md").read_text()
    found = re.search(r"<!-- iam-policy:start -->.*?<!-- iam-policy:end -->", text, re.DOTALL)
    assert found, "README.md has no generated permission list"
    assert found.group(0) == readme_markdown(), (
        "README's permission list is stale: python -m bot.shell.aws.permissions"
    )
    listed = set(re.findall(r"`([a-z0-9-]+:[A-Za-z0-9]+)`", found.group(0)))
    assert listed == {a for line in readme_list() for a in line.partition(": ")[2].split(", ")}
