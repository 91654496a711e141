"""The CodeBuild reapply target: the happy path through moto (StartBuild, then BatchGetBuilds
until the build ends), and through botocore's Stubber what moto does not do: the exact request
parameters (environment variables, idempotency token), the build's phases and failing ends,
`buildsNotFound`, and StartBuild's errors (unknown project, too many builds, access denied)."""

from __future__ import annotations

import asyncio
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from moto import mock_aws

from bot.errors import AwsAccessDenied, IntegrationError
from bot.lifecycle.external import ReapplyRun
from bot.policy.targets import Codebuild
from bot.shell.aws.access import AwsAccess
from bot.shell.reapply.codebuild import CodebuildClient
from tests.integrations import NOW, Sleeps, reapply_context, record

REGION = "us-east-1"
TARGET = Codebuild(
    project="infra-apply",
    region=REGION,
    env={"TARGETS": "{addresses}", "FINDING": "{finding_id}", "FLAGS": "{target_flags}"},
)


def followed(ref) -> ReapplyRun:
    return ReapplyRun(
        target="codebuild",
        request_id="r-0123456789ab",
        run_id=ref.run_id,
        url=ref.url,
        requested_by="U0ALICE",
        started_at=NOW,
        updated_at=NOW,
    )


def test_a_build_is_started_and_followed_in_moto(tmp_path):
    with mock_aws():
        iam: Any = boto3.client("iam", region_name=REGION)
        role = iam.create_role(RoleName="cb", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
        codebuild: Any = boto3.client("codebuild", region_name=REGION)
        codebuild.create_project(
            name="infra-apply",
            source={"type": "S3", "location": "infra-bucket/source.zip"},
            artifacts={"type": "NO_ARTIFACTS"},
            environment={
                "type": "LINUX_CONTAINER",
                "image": "aws/codebuild/standard:7.0",
                "computeType": "BUILD_GENERAL1_SMALL",
            },
            serviceRole=role,
        )
        ctx = reapply_context(tmp_path, record(), {}, Sleeps())
        client = CodebuildClient()

        async def scenario():
            ref = await client.dispatch(TARGET, ctx)
            return ref, await client.poll(TARGET, followed(ref), ctx)

        ref, seen = asyncio.run(scenario())

    assert ref.run_id
    assert ref.run_id.startswith("infra-apply:")
    assert ref.status == "queued"
    assert ref.url
    assert "codesuite/codebuild/projects/infra-apply/build/" in ref.url
    assert (seen.status, seen.detail) == ("succeeded", "SUCCEEDED")


def stubbed(tmp_path, rec):
    """A context whose AWS client is stubbed (the environment's own AwsAccess, as the client
    builds it, with a Stubber on its cached CodeBuild client)."""
    ctx = reapply_context(tmp_path, rec, {}, Sleeps())
    aws = AwsAccess(ctx.env, ctx.env_name)
    stub = Stubber(aws.client("codebuild", REGION))
    ctx.session_factory = None
    return ctx, aws, stub


def build(status: str, phase: str) -> dict[str, Any]:
    return {
        "id": "infra-apply:0d7a3d5e-5d0b-4a44-8d0b-6a5a1f1c2b3a",
        "arn": "arn:aws:codebuild:us-east-1:111122223333:build/infra-apply:0d7a3d5e",
        "buildStatus": status,
        "currentPhase": phase,
    }


def test_the_exact_start_parameters_and_every_end(tmp_path, monkeypatch):
    rec = record()
    ctx, aws, stub = stubbed(tmp_path, rec)
    monkeypatch.setattr(CodebuildClient, "_aws", lambda self, c: aws)
    stub.add_response(
        "start_build",
        {"build": build("IN_PROGRESS", "QUEUED")},
        {
            "projectName": "infra-apply",
            "environmentVariablesOverride": [
                {
                    "name": "TARGETS",
                    "value": "module.network.aws_security_group.web",
                    "type": "PLAINTEXT",
                },
                {"name": "FINDING", "value": rec.id, "type": "PLAINTEXT"},
                {
                    "name": "FLAGS",
                    "value": "-target=module.network.aws_security_group.web",
                    "type": "PLAINTEXT",
                },
            ],
            "idempotencyToken": "r-0123456789ab-1",
        },
    )
    for status, phase in [
        ("IN_PROGRESS", "PROVISIONING"),
        ("IN_PROGRESS", "BUILD"),
        ("FAILED", "COMPLETED"),
    ]:
        stub.add_response(
            "batch_get_builds", {"builds": [build(status, phase)]}, {"ids": [build("", "")["id"]]}
        )
    client = CodebuildClient()

    with stub:
        ref = asyncio.run(client.dispatch(TARGET, ctx))
        seen = [asyncio.run(client.poll(TARGET, followed(ref), ctx)) for _ in range(3)]

    assert [(s.status, s.detail) for s in seen] == [
        ("queued", "PROVISIONING"),
        ("running", "BUILD"),
        ("failed", "FAILED"),
    ]


@pytest.mark.parametrize("status", ["FAULT", "TIMED_OUT", "STOPPED"])
def test_other_ends_are_failures(tmp_path, monkeypatch, status):
    ctx, aws, stub = stubbed(tmp_path, record())
    monkeypatch.setattr(CodebuildClient, "_aws", lambda self, c: aws)
    stub.add_response("batch_get_builds", {"builds": [build(status, "COMPLETED")]})
    run = followed(type("Ref", (), {"run_id": build("", "")["id"], "url": None})())

    with stub:
        seen = asyncio.run(CodebuildClient().poll(TARGET, run, ctx))

    assert (seen.status, seen.detail) == ("failed", status)


def test_a_build_aws_no_longer_knows_is_named(tmp_path, monkeypatch):
    ctx, aws, stub = stubbed(tmp_path, record())
    monkeypatch.setattr(CodebuildClient, "_aws", lambda self, c: aws)
    stub.add_response("batch_get_builds", {"builds": [], "buildsNotFound": ["infra-apply:gone"]})
    run = followed(type("Ref", (), {"run_id": "infra-apply:gone", "url": None})())

    with stub, pytest.raises(IntegrationError) as caught:
        asyncio.run(CodebuildClient().poll(TARGET, run, ctx))

    assert "infra-apply:gone" in caught.value.user_message


@pytest.mark.parametrize(
    ("code", "expected", "retryable"),
    [
        ("ResourceNotFoundException", "CodeBuild has no project `infra-apply` in us-east-1", False),
        ("AccountLimitExceededException", "as many builds as it may", True),
    ],
)
def test_start_build_errors_name_the_project_and_the_fix(
    tmp_path, monkeypatch, code, expected, retryable
):
    ctx, aws, stub = stubbed(tmp_path, record())
    monkeypatch.setattr(CodebuildClient, "_aws", lambda self, c: aws)
    stub.add_client_error("start_build", code, "no", http_status_code=400)

    with stub, pytest.raises(IntegrationError) as caught:
        asyncio.run(CodebuildClient().dispatch(TARGET, ctx))

    assert expected in caught.value.user_message
    assert caught.value.retryable is retryable


def test_access_denied_names_the_iam_action(tmp_path, monkeypatch):
    ctx, aws, stub = stubbed(tmp_path, record())
    monkeypatch.setattr(CodebuildClient, "_aws", lambda self, c: aws)
    stub.add_client_error(
        "start_build", "AccessDeniedException", "not allowed", http_status_code=400
    )

    with stub, pytest.raises(AwsAccessDenied) as caught:
        asyncio.run(CodebuildClient().dispatch(TARGET, ctx))

    assert "codebuild:StartBuild" in str(caught.value)
