"""Codify's import ids against the AWS provider's documentation: one row per Terraform type
driftbot suggests (tests/data/terraform/import_ids.tsv, the documented example of each type's
"Import" section). Each row's builder, given what a finding holds for that example, gives the
documented id, once the parts a finding cannot know (`<placeholders>`) are filled in."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.terraform_types import TF_TYPES
from bot.iac.codify import (
    hcl_string,
    import_file,
    resource_name,
    suggest_import,
    terraform_type,
)
from bot.iac.import_ids import CHILD_IMPORT_IDS, IMPORT_IDS, ImportTarget, child_import_id

TABLE = Path(__file__).resolve().parents[2] / "data" / "terraform" / "import_ids.tsv"


def rows() -> list[dict[str, str]]:
    lines = [line for line in TABLE.read_text().splitlines() if not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


ROWS = rows()
# The docs show the legacy queue URL, which the catalog rewrites to the regional form; the
# provider imports both.
NOT_NORMAL = {"aws_sqs_queue"}


@pytest.mark.parametrize("row", ROWS, ids=[r["tf_type"] for r in ROWS])
def test_import_id_matches_the_provider_docs(row):
    build = IMPORT_IDS[row["tf_type"]]
    if row["documented"] == "-":
        assert build is None
        return
    assert build is not None
    got = build(ImportTarget(row["physical_id"], row["account"], row["region"]))
    fills = dict(f.split("=", 1) for f in row["fills"].split(";")) if row["fills"] != "-" else {}
    value = got.value
    for name, filled in fills.items():
        value = value.replace(f"<{name}>", filled)

    assert value == row["documented"]
    assert got.exact == (not fills)
    resource_type = RESOURCE_TYPES.get(TF_TYPES.get(row["tf_type"]).resource_type)
    if row["tf_type"] not in NOT_NORMAL:
        assert resource_type.normalize_id(row["physical_id"]) == row["physical_id"]
    assert {f"<{n}>" for n in fills} <= set(got.placeholders)


def test_every_catalogued_type_with_a_terraform_type_has_a_documented_row():
    """Every canonical type that a whole-resource Terraform type manages gets one suggestion,
    and the table and the docs' rows are the same set."""
    canonical = {tf.resource_type for _, tf in TF_TYPES if not tf.child}
    suggested = {terraform_type(t) for t in canonical}

    assert None not in suggested
    assert suggested == set(IMPORT_IDS) == {r["tf_type"] for r in ROWS}
    assert len(ROWS) == len(canonical)
    for t in canonical:
        assert TF_TYPES.get(terraform_type(t) or "").resource_type == t
        assert t in RESOURCE_TYPES


@pytest.mark.parametrize(
    ("tf_type", "parts", "documented"),
    [
        (
            "aws_security_group_rule",
            {
                "security_group_id": "sg-6e616f6d69",
                "type": "ingress",
                "protocol": "tcp",
                "from_port": "8000",
                "to_port": "8000",
                "source": "10.0.3.0/24",
            },
            "sg-6e616f6d69_ingress_tcp_8000_8000_10.0.3.0/24",
        ),
        (
            "aws_vpc_security_group_ingress_rule",
            {"security_group_rule_id": "sgr-02108b27edd666983"},
            "sgr-02108b27edd666983",
        ),
        (
            "aws_iam_role_policy",
            {"role": "role_of_mypolicy_name", "name": "mypolicy_name"},
            "role_of_mypolicy_name:mypolicy_name",
        ),
        (
            "aws_iam_role_policy_attachment",
            {"role": "test-role", "policy_arn": "arn:aws:iam::123456789012:policy/test-policy"},
            "test-role/arn:aws:iam::123456789012:policy/test-policy",
        ),
        (
            "aws_route_table_association",
            {
                "subnet_or_gateway_id": "subnet-6777656e646f6c796e",
                "route_table_id": "rtb-656c65616e6f72",
            },
            "subnet-6777656e646f6c796e/rtb-656c65616e6f72",
        ),
        (
            "aws_route",
            {"route_table_id": "rtb-656C65616E6F72", "destination": "10.42.0.0/16"},
            "rtb-656C65616E6F72_10.42.0.0/16",
        ),
        ("aws_s3_bucket_policy", {"bucket": "my-bucket-name"}, "my-bucket-name"),
        (
            "aws_eks_access_entry",
            {
                "cluster_name": "example-cluster",
                "principal_arn": "arn:aws:iam::123456789012:role/example",
            },
            "example-cluster:arn:aws:iam::123456789012:role/example",
        ),
        (
            "aws_eks_identity_provider_config",
            {
                "cluster_name": "my_cluster",
                "identity_provider_config_name": "my_identity_provider_config",
            },
            "my_cluster:my_identity_provider_config",
        ),
        ("aws_s3_bucket_public_access_block", {"bucket": "my-bucket"}, "my-bucket"),
    ],
)
def test_composite_ids_of_child_types(tf_type, parts, documented):
    """The composite formats of INTEGRATIONS.md §10's table (rules, attachments, routes)."""
    assert child_import_id(tf_type, **parts) == documented
    assert tf_type in CHILD_IMPORT_IDS


def test_the_issue_example():
    suggestion = suggest_import(
        "AWS::S3::Bucket", "demo-scratch-export", "111122223333", "us-east-1"
    )

    assert suggestion is not None
    assert suggestion.hcl == (
        'import {\n  to = aws_s3_bucket.demo_scratch_export\n  id = "demo-scratch-export"\n}\n'
    )


def test_an_id_with_parts_to_fill_in_says_so_above_the_block():
    suggestion = suggest_import("AWS::GuardDuty::Filter", "MyFilter", "111122223333", "eu-west-1")

    assert suggestion is not None
    first, *_ = suggestion.hcl.splitlines()
    assert first.startswith("# ")
    assert "<detector_id>" in first
    assert 'id = "<detector_id>:MyFilter"' in suggestion.hcl


def test_types_the_provider_cannot_import_get_no_block():
    assert suggest_import("AWS::EC2::ImageBlockPublicAccess", "1", "1", "us-east-1") is None


@pytest.mark.parametrize(
    ("resource_id", "name"),
    [
        ("demo-scratch-export", "demo_scratch_export"),
        ("arn:aws:sns:us-west-2:123456789012:my-topic", "my_topic"),
        ("/my_path/my_paramname", "my_paramname"),
        ("9thumbnails", "r_9thumbnails"),
        ("alias/My.Key", "my_key"),
        ("---", "imported"),
        ("x" * 100, "x" * 60),
    ],
)
def test_resource_names(resource_id, name):
    assert resource_name(resource_id) == name


@pytest.mark.parametrize(
    ("value", "hcl"),
    [
        ("plain", '"plain"'),
        ('a"b', '"a\\"b"'),
        ("back\\slash", '"back\\\\slash"'),
        ("${var.x}", '"$${var.x}"'),
        ("%{if}", '"%%{if}"'),
    ],
)
def test_hcl_strings_are_literal(value, hcl):
    """An id is always a literal: quotes and backslashes escaped, template sequences doubled."""
    assert hcl_string(value) == hcl


def test_import_file_puts_the_header_in_comments():
    suggestion = suggest_import("AWS::S3::Bucket", "b", "1", "us-east-1")
    assert suggestion is not None

    text = import_file(suggestion, "line one\n\nline three")

    assert text.startswith("# line one\n#\n# line three\n\nimport {")
