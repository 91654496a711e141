"""parse_export / tf_type_for: Pulumi stacks as desired resources (tests/data/pulumi)."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

from bot.catalog.terraform_types import TF_TYPES
from bot.errors import StateUnavailable
from bot.iac.index import build_index
from bot.iac.pulumi import (
    SECRET,
    attributes,
    is_secret,
    native_type_for,
    parse_export,
    snake_key,
    tf_type_for,
)
from tests.fixtures import DATA

PULUMI = DATA / "pulumi"
EXPORT = PULUMI / "webapp-prod.json"
RENAMES = json.loads((PULUMI / "pulumi-aws-renames.json").read_text())["resources"]
URN = "urn:pulumi:prod::webapp::"
SG_URN = URN + "aws:ec2/securityGroup:SecurityGroup::web-sg"
BUCKET_URN = URN + "webapp:index:StaticSite$aws:s3/bucketV2:BucketV2::site-bucket"
POLICY_URN = URN + "webapp:index:StaticSite$aws:s3/bucketPolicy:BucketPolicy::site-bucket-policy"
SECRET_KEY = next(iter(SECRET))


def parsed():
    return parse_export(EXPORT.read_bytes(), "webapp-prod.json")


def by_urn():
    return {r.address: r for r in parsed().resources}


def export(*resources: dict[str, Any], version: int = 3) -> bytes:
    return json.dumps({"version": version, "deployment": {"resources": list(resources)}}).encode()


@pytest.mark.parametrize(("pulumi_type", "tf_type"), sorted(RENAMES.items()))
def test_tf_type_for_agrees_with_pulumi_aws(pulumi_type, tf_type):
    """Every Pulumi type maps to the Terraform type pulumi-aws bridges (or to none we know)."""
    want = tf_type.removesuffix("_legacy")

    assert tf_type_for(pulumi_type) == (want if want in TF_TYPES else None)


def test_tf_type_for_newer_types_by_rule():
    """Types newer than the rename table follow the module/name rule."""
    assert tf_type_for("aws:eks/accessEntry:AccessEntry") == "aws_eks_access_entry"
    assert tf_type_for("aws:s3/bucket:Bucket") == "aws_s3_bucket"  # pulumi-aws 7's name
    assert tf_type_for("aws:s3/bucketVersioning:BucketVersioning") == "aws_s3_bucket_versioning"


def test_tf_type_for_rejects_other_providers():
    """Only `aws:` tokens are bridged Terraform types."""
    assert tf_type_for("gcp:compute/instance:Instance") is None
    assert tf_type_for("aws-native:ec2:SecurityGroup") is None


def test_native_type_for():
    """`aws-native:` types are CloudFormation types, matched whatever their case."""
    assert native_type_for("aws-native:ec2:SecurityGroup") == "AWS::EC2::SecurityGroup"
    assert native_type_for("aws-native:sqs:Queue") == "AWS::SQS::Queue"
    assert native_type_for("aws-native:madeup:Thing") is None


def test_export_resources_and_addresses():
    """Managed resources come out with their URN as address and the pulumi backend."""
    resources = by_urn()

    assert set(resources) == {
        SG_URN,
        BUCKET_URN,
        POLICY_URN,
        URN + "aws:iam/role:Role::api-role",
        URN + "aws:lambda/function:Function::api",
        URN + "aws:kms/key:Key::data",
        URN + "aws:kms/alias:Alias::data-alias",
        URN + "aws-native:sqs:Queue::jobs",
    }
    assert {r.backend for r in resources.values()} == {"pulumi"}
    assert {r.source for r in resources.values()} == {"webapp-prod.json"}


def test_export_canonical_types_and_ids():
    """Each resource owns the canonical type and physical id a Terraform one would."""
    owns = {urn.rsplit("::", 1)[-1]: r.owns for urn, r in by_urn().items()}

    assert owns["web-sg"] == (("AWS::EC2::SecurityGroup", "sg-0b1c2d3e4f5a6b7c8"),)
    assert owns["site-bucket"] == (("AWS::S3::Bucket", "site-bucket-7d1e2f3"),)
    assert owns["site-bucket-policy"] == (("AWS::S3::Bucket", "site-bucket-7d1e2f3"),)
    assert owns["api-role"] == (("AWS::IAM::Role", "api-role-5c6d7e8"),)
    assert owns["api"] == (("AWS::Lambda::Function", "api-0a1b2c3"),)
    assert owns["data"] == (("AWS::KMS::Key", "1234abcd-12ab-34cd-56ef-1234567890ab"),)
    assert owns["jobs"] == (
        ("AWS::SQS::Queue", "https://sqs.us-east-1.amazonaws.com/111122223333/webapp-jobs"),
    )


def test_export_keeps_pulumi_type_as_iac_type():
    """iac_type is Pulumi's own type name."""
    assert by_urn()[SG_URN].iac_type == "aws:ec2/securityGroup:SecurityGroup"


def test_export_skips_pseudo_component_external_and_pending_delete():
    """Stack, providers, components, `.get()` reads and pending deletions manage nothing."""
    state = parsed()
    urns = {r.address for r in state.resources}

    assert not any("pulumi:" in urn.split("::")[2] for urn in urns)
    assert URN + "webapp:index:StaticSite::site" not in urns
    assert URN + "aws:ec2/vpc:Vpc::default-vpc" not in urns
    assert URN + "aws:ec2/securityGroup:SecurityGroup::legacy-sg" not in urns
    assert state.data_sources == 1


def test_export_unknown_types_counted():
    """Types TF_TYPES does not know are counted, as for Terraform states."""
    assert parsed().unknown_types == {"aws:s3/bucketObjectv2:BucketObjectv2": 1}


def test_export_attributes_in_snake_case():
    """Output keys become Terraform's attribute names, nested blocks included."""
    attrs = by_urn()[SG_URN].attributes

    assert attrs["vpc_id"] == "vpc-0a1b2c3d4e5f60718"
    assert attrs["ingress"][0]["cidr_blocks"] == ["0.0.0.0/0"]
    assert attrs["ingress"][0]["ipv6_cidr_blocks"] == []
    assert attrs["ingress"][0]["from_port"] == 443
    assert "tags_all" in attrs
    assert "__meta" in attrs


def test_export_tag_keys_unchanged():
    """Keys inside tag maps are the user's and keep their case."""
    assert by_urn()[SG_URN].attributes["tags"] == {"Name": "web", "costCenter": "web-team"}


def test_export_secrets_stay_opaque():
    """A secret keeps neither ciphertext nor plaintext; other variables are kept."""
    attrs = by_urn()[URN + "aws:lambda/function:Function::api"].attributes
    variables = attrs["environment"]["variables"]

    assert variables["DB_PASSWORD"] == SECRET
    assert is_secret(variables["DB_PASSWORD"])
    assert variables["logLevel"] == "info"
    assert "ciphertext" not in json.dumps(attrs)


def test_plaintext_secret_is_dropped():
    """`--show-secrets` exports carry plaintext; it never reaches the attributes."""
    secret = {SECRET_KEY: SECRET[SECRET_KEY], "plaintext": '"hunter2"'}

    assert attributes({"password": secret}) == {"password": SECRET}


def test_kms_alias_stands_for_its_key():
    """An alias URN's name resolves to the key, as Terraform's aws_kms_alias does."""
    index = build_index([parsed()])

    owners = index.owners("AWS::KMS::Key", "alias/webapp-data")

    assert [o.address for o in owners] == [URN + "aws:kms/key:Key::data"]


def test_bucket_and_policy_both_own_the_bucket():
    """The bucket's policy is a child: its finding names both URNs."""
    index = build_index([parsed()])

    owners = index.owners("AWS::S3::Bucket", "site-bucket-7d1e2f3")

    assert sorted(o.address for o in owners) == sorted([BUCKET_URN, POLICY_URN])


def test_checkpoint_format_of_backend_files():
    """A self-managed backend's stack file keeps the deployment under checkpoint.latest."""
    doc = json.loads(EXPORT.read_text())
    backend = {
        "version": 3,
        "checkpoint": {"stack": "organization/webapp/prod", "latest": doc["deployment"]},
    }

    state = parse_export(json.dumps(backend).encode(), "s3://b/.pulumi/stacks/webapp/prod.json")

    assert len(state.resources) == len(parsed().resources)


def test_never_deployed_checkpoint_is_empty():
    """A stack created but never deployed has no `latest`: no resources, no error."""
    doc = json.dumps({"version": 3, "checkpoint": {"stack": "dev", "latest": None}}).encode()

    assert parse_export(doc, "dev.json").resources == []


def test_gzip_export():
    """Gzip-compressed stack files are recognised by content."""
    state = parse_export(gzip.compress(EXPORT.read_bytes()), "prod.json.gz")

    assert len(state.resources) == 8


def test_not_json_names_the_file():
    """A file that is not JSON is named in the error."""
    with pytest.raises(StateUnavailable, match=r"`x\.json`: it is not JSON"):
        parse_export(b"{nope", "x.json")


def test_terraform_state_is_not_a_pulumi_export():
    """A JSON file without `deployment` or `checkpoint` is refused, naming the file."""
    with pytest.raises(StateUnavailable, match="no `deployment`"):
        parse_export(b'{"version": 3, "resources": []}', "terraform.tfstate")


def test_unsupported_version():
    """Deployment versions other than 2 and 3 are refused with the next step."""
    with pytest.raises(StateUnavailable, match="deployment version 1") as err:
        parse_export(export(version=1), "old.json")

    assert "pulumi stack export" in err.value.hint


def test_inputs_used_when_outputs_missing():
    """A resource without outputs (an interrupted update) is identified by its inputs."""
    resource = {
        "urn": URN + "aws:iam/role:Role::r",
        "custom": True,
        "id": "r-1",
        "type": "aws:iam/role:Role",
        "inputs": {"name": "r-1"},
    }

    state = parse_export(export(resource), "x.json")

    assert state.resources[0].owns == (("AWS::IAM::Role", "r-1"),)


def test_other_providers_ignored():
    """Resources of other providers are neither managed nor unknown."""
    resource = {
        "urn": URN + "gcp:storage/bucket:Bucket::b",
        "custom": True,
        "id": "b",
        "type": "gcp:storage/bucket:Bucket",
        "outputs": {"name": "b"},
    }

    state = parse_export(export(resource), "x.json")

    assert (state.resources, dict(state.unknown_types)) == ([], {})


@pytest.mark.parametrize(
    ("key", "want"),
    [
        ("cidrBlocks", "cidr_blocks"),
        ("ipv6CidrBlocks", "ipv6_cidr_blocks"),
        ("arn", "arn"),
        ("tagsAll", "tags_all"),
        ("s3Bucket", "s3_bucket"),
        ("__meta", "__meta"),
        ("Name", "Name"),
    ],
)
def test_snake_key(key, want):
    """Pulumi's camelCase property names map back to Terraform's snake_case ones."""
    assert snake_key(key) == want
