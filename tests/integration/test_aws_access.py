"""AwsAccess: assumed roles (with external id), endpoint overrides, adaptive retries, and the
errors a person can act on."""

from __future__ import annotations

import asyncio

import boto3
import botocore.exceptions
import pytest
from botocore.stub import Stubber
from moto import mock_aws

from bot.config.drift import Environment
from bot.errors import AwsAccessDenied, AwsError
from bot.shell.aws.access import BODY_BROKE_OFF, AwsAccess, read_body

ACCOUNT = "123456789012"


def environment(**extra) -> Environment:
    return Environment.model_validate(
        {
            "account_id": ACCOUNT,
            "regions": ["us-east-1"],
            "cloudtrail": {"source": "lookup_events"},
            **extra,
        }
    )


def test_role_is_assumed_per_account_with_the_external_id():
    """`role_arn` with `{account_id}` is assumed (ExternalId passed); calls run as that role."""
    seen: list[dict] = []
    with mock_aws():
        base = boto3.Session(region_name="us-east-1")
        base.events.register(
            "provide-client-params.sts.AssumeRole", lambda params, **_: seen.append(params)
        )
        aws = AwsAccess(
            environment(
                role_arn="arn:aws:iam::{account_id}:role/driftbot-reader",
                external_id="drift-ext-1",
            ),
            "prod",
            session_factory=lambda: base,
        )
        who = asyncio.run(aws.call("sts", "GetCallerIdentity", region="us-east-1", account=ACCOUNT))

    assert who["Arn"] == f"arn:aws:sts::{ACCOUNT}:assumed-role/driftbot-reader/driftbot"
    assert seen[0]["RoleArn"] == f"arn:aws:iam::{ACCOUNT}:role/driftbot-reader"
    assert seen[0]["ExternalId"] == "drift-ext-1"
    assert aws.log.calls == ["sts:AssumeRole", "sts:GetCallerIdentity"]


def test_endpoints_and_adaptive_retries():
    """Every client uses adaptive retries; `endpoint_url` and per-service endpoints apply."""
    aws = AwsAccess(
        environment(
            aws={
                "endpoint_url": "http://127.0.0.1:4566",
                "s3": {"endpoint_url": "http://127.0.0.1:9000"},
            }
        ),
        "dev",
    )

    s3, ec2 = aws.client("s3", "eu-west-1"), aws.client("ec2", "eu-west-1")

    assert s3.meta.endpoint_url == "http://127.0.0.1:9000"
    assert ec2.meta.endpoint_url == "http://127.0.0.1:4566"
    assert s3.meta.config.retries["mode"] == "adaptive"
    assert aws.client("s3", "eu-west-1") is s3  # cached


def test_access_denied_names_the_call_the_resource_and_the_permission():
    """AccessDenied becomes a message naming the API call, the resource and the IAM action."""
    aws = AwsAccess(environment(), "prod")
    with Stubber(aws.client("s3", "us-east-1")) as stub:
        stub.add_client_error("get_bucket_encryption", "AccessDenied", "Access Denied", 403)
        with pytest.raises(AwsAccessDenied) as err:
            asyncio.run(
                aws.call(
                    "s3",
                    "GetBucketEncryption",
                    region="us-east-1",
                    resource="logs-prod",
                    Bucket="logs-prod",
                )
            )

    assert err.value.user_message == (
        "AWS said *AccessDenied* to `s3:GetEncryptionConfiguration` for `logs-prod`."
    )
    assert "IAM permission `s3:GetEncryptionConfiguration` on `logs-prod`" in err.value.hint
    assert (err.value.code, err.value.retryable) == ("AccessDenied", False)
    assert err.value.detail == "Access Denied"  # AWS's own words, kept apart from ours


def test_missing_credentials_say_how_to_provide_them(monkeypatch):
    """No credentials anywhere: an error that lists the ways to give some."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
    aws = AwsAccess(environment(), "prod")

    with pytest.raises(AwsError) as err:
        asyncio.run(aws.call("sts", "GetCallerIdentity", region="us-east-1"))

    assert err.value.code == "NoCredentials"
    assert "role_arn" in err.value.hint


class _Body:
    """A streamed body that breaks off after `data` (or reads whole when `broken` is None)."""

    def __init__(self, data: bytes, broken: Exception | None) -> None:
        self.data, self.broken, self.closed = data, broken, False

    def read(self) -> bytes:
        if self.broken is not None:
            raise self.broken
        return self.data

    def close(self) -> None:
        self.closed = True


def test_a_body_is_read_whole_and_closed():
    body = _Body(b"{}", None)

    assert read_body({"Body": body}, "s3", "GetObject", "s3://b/k") == b"{}"
    assert body.closed


@pytest.mark.parametrize(
    "broken",
    [
        botocore.exceptions.IncompleteReadError(actual_bytes=3, expected_bytes=9),
        ConnectionResetError(104, "Connection reset by peer"),
    ],
)
def test_a_body_that_breaks_off_is_an_aws_error(broken):
    """botocore's (and the socket's) error while streaming becomes an AwsError, chained."""
    body = _Body(b"", broken)

    with pytest.raises(AwsError) as err:
        read_body({"Body": body}, "s3", "GetObject", "s3://b/k")

    assert (err.value.code, err.value.retryable) == (BODY_BROKE_OFF, True)
    assert err.value.operation == "s3:GetObject"
    assert err.value.detail == str(broken)
    assert err.value.user_message.startswith("The answer of `s3:GetObject` for `s3://b/k` broke")
    assert err.value.__cause__ is broken
    assert body.closed
