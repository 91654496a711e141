"""Who made a change and how (attribute)."""

from __future__ import annotations

import pytest

from bot.trail.attribution import Attribution, attribute
from tests.records import make_record, role_identity, sso_identity, user_identity

SSO_ROLE = "AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6a7b"


def test_sso_session_is_named_by_the_persons_email():
    """An SSO session's actor is its session name (the email), its role the permission set."""
    rec = make_record(
        userIdentity=sso_identity("dev@example.com"), sessionCredentialFromConsole="true"
    )

    assert attribute(rec) == Attribution("dev@example.com", SSO_ROLE, "console", "203.0.113.7")


def test_assumed_role_without_session_context_uses_the_arn():
    """Older records lack sessionContext: the role and session come from the assumed-role ARN."""
    identity = {
        "type": "AssumedRole",
        "principalId": "AROAEXAMPLE:ops-session",
        "arn": "arn:aws:sts::111122223333:assumed-role/ops-admin/ops-session",
        "accountId": "111122223333",
    }

    who = attribute(make_record(userIdentity=identity, userAgent="aws-cli/2.13.0"))

    assert (who.actor, who.role, who.via) == ("ops-session", "ops-admin", "cli")


def test_iam_user_root_and_federated_user():
    """IAM users by name, root as `root`, federated users by their federated name."""
    federated = {
        "type": "FederatedUser",
        "principalId": "111122223333:carol",
        "arn": "arn:aws:sts::111122223333:federated-user/carol",
        "accountId": "111122223333",
        "sessionContext": {"sessionIssuer": {"type": "IAMUser", "userName": "broker"}},
    }
    root = {"type": "Root", "principalId": "111122223333", "arn": "arn:aws:iam::111122223333:root"}

    assert attribute(make_record(userIdentity=user_identity("alice"))).actor == "alice"
    assert attribute(make_record(userIdentity=root)).actor == "root"
    assert (
        attribute(make_record(userIdentity=federated)).actor,
        attribute(make_record(userIdentity=federated)).role,
    ) == ("carol", "broker")


@pytest.mark.parametrize(
    ("extra", "via"),
    [
        ({"userAgent": "console.ec2.amazonaws.com"}, "console"),
        ({"userAgent": "[S3Console/0.4]"}, "console"),
        ({"userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)"}, "console"),
        ({"userAgent": "aws-cli/2.13.0 Python/3.11.4 Linux/5.10.0 exe/x86_64"}, "cli"),
        ({"userAgent": "[aws-cli/1.18.136 Python/3.8.5 Darwin/19.5.0 botocore/1.17.5]"}, "cli"),
        ({"userAgent": "Boto3/1.26.0 Python/3.10 Botocore/1.29.0"}, "sdk"),
        ({"userAgent": "aws-sdk-go/1.15.12 (go1.12.6; linux; amd64)"}, "sdk"),
        (
            {
                "userAgent": "APN/1.0 HashiCorp/1.0 Terraform/1.1.2 (+https://www.terraform.io) "
                "terraform-provider-aws/3.70.0"
            },
            "terraform",
        ),
        (
            {
                "userAgent": "cloudformation.amazonaws.com",
                "sourceIPAddress": "cloudformation.amazonaws.com",
            },
            "cloudformation",
        ),
        ({"userAgent": "pulumi/3.140.0 pulumi-aws/6.60.0 aws-sdk-go-v2/1.32.6"}, "pulumi"),
        ({"userAgent": None}, "unknown"),
    ],
)
def test_how_the_change_was_made(extra, via):
    """The console, CLI, SDKs, Terraform, CloudFormation and Pulumi are told apart."""
    assert attribute(make_record(**extra)).via == via


def test_cloudformation_is_recognised_by_invoked_by():
    """A call CloudFormation made on a person's behalf carries `invokedBy`."""
    identity = {**role_identity("deployer", "me"), "invokedBy": "cloudformation.amazonaws.com"}

    assert attribute(make_record(userIdentity=identity, userAgent="AWS Internal")).via == (
        "cloudformation"
    )


def test_odd_identities_never_raise():
    """Test fixtures and redacted logs put strings where objects belong; attribution copes."""
    for identity in ("...", None, {"type": "..."}, {"type": "Unknown"}, {}):
        who = attribute(make_record(userIdentity=identity, sourceIPAddress=None))

        assert who.actor
        assert who.source_ip == ""
