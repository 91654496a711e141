"""Contract of TF_TYPES: every Terraform type maps onto a known canonical type through attributes
that really hold its physical id, proven on every real state under tests/data/tfstate/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.terraform_types import STATE_ACCOUNT, TF_TYPES, TfType
from bot.errors import StateUnavailable
from bot.iac.index import UNKNOWN_ACCOUNT
from bot.iac.terraform import parse_state
from tests.fixtures import DATA

TFSTATE = DATA / "tfstate"
STATE_FILES = sorted(TFSTATE.glob("*/*.tfstate"))
SPECS = [spec for _, spec in TF_TYPES]

# Attributes that name another resource: `<thing>_id`, `_name`, `_arn`, `_url`, `_identifier`,
# or one of these bare names (`bucket`, `role`, `user`, `group`, their lists, …).
PARENT_SUFFIXES = ("_id", "_name", "_arn", "_url", "_identifier", "_names")
PARENT_NAMES = {
    "bucket",
    "role",
    "roles",
    "user",
    "users",
    "username",
    "group",
    "groups",
    "repository",
    "rule",
    "elb",
    "load_balancer",
    "domain_name",
    "domain",
    "identity",
    "email_identity",
    "application",
}
# Children whose own `arn`/`name` is the parent's (the provider keeps no id of their own).
PARENT_IN_OWN_ATTR = {
    "aws_sns_topic_policy": "arn",
    "aws_sns_topic_data_protection_policy": "arn",
    "aws_config_configuration_recorder_status": "name",
    "aws_s3control_object_lambda_access_point_policy": "name",
}
# States that hold children together with their parents: every child must point at one.
STATES_WITH_PARENTS = [
    "driftctl/aws_s3_full.tfstate",
    "driftctl/aws_route53_record.tfstate",
    "driftctl/aws_route53_record_multiples.tfstate",
    "tfdrift-falco/detector_testdata.tfstate",
]


def _load(path: Path) -> dict[str, Any]:
    doc = json.loads(path.read_bytes())
    assert isinstance(doc, dict)
    return doc


def _rel(path: Path) -> str:
    return str(path.relative_to(TFSTATE))


def _expected_addresses(doc: dict[str, Any]) -> list[str]:
    """Addresses of the managed aws_* instances of catalogued types, worked out independently."""
    out = []
    for block in doc.get("resources", []):
        if block.get("mode") != "managed" or block.get("type") not in TF_TYPES:
            continue
        base = ".".join(p for p in (block.get("module"), block["type"], block["name"]) if p)
        for instance in block.get("instances", []):
            if instance.get("deposed"):
                continue
            key = instance.get("index_key")
            suffix = "" if key is None else f"[{key}]" if isinstance(key, int) else f'["{key}"]'
            out.append(base + suffix)
    return out


def test_catalog_is_large_enough() -> None:
    """The catalog covers at least 140 Terraform types (the contract asks for 120)."""
    assert len(TF_TYPES) >= 140


def test_the_real_states_are_all_here() -> None:
    """All 107 real states of the corpus were copied (tests never read /work/shared)."""
    assert len(STATE_FILES) == 107


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.tf_type)
def test_type_maps_to_known_canonical_types(spec: TfType) -> None:
    """Every type, alias target and extra parent is a canonical type of RESOURCE_TYPES."""
    assert spec.tf_type.startswith("aws_")
    assert spec.resource_type in RESOURCE_TYPES
    assert spec.identifiers
    if spec.alias_for is not None:
        assert spec.alias_for[0] in RESOURCE_TYPES
    for other_type, _ in spec.also:
        assert other_type in RESOURCE_TYPES


@pytest.mark.parametrize("spec", [s for s in SPECS if s.child], ids=lambda s: s.tf_type)
def test_children_are_identified_by_their_parents_ids(spec: TfType) -> None:
    """A child's identifiers are attributes that name its parent, never its own `id`."""
    assert spec.child is True
    attrs = list(spec.identifiers) + [attr for _, attr in spec.also]
    assert "id" not in attrs
    for attr in attrs:
        allowed = PARENT_IN_OWN_ATTR.get(spec.tf_type) == attr
        parent_account = attr == STATE_ACCOUNT  # a part of an account-wide setting
        assert allowed or parent_account or attr in PARENT_NAMES or attr.endswith(PARENT_SUFFIXES)


@pytest.mark.parametrize("spec", [s for s in SPECS if not s.child], ids=lambda s: s.tf_type)
def test_non_children_have_no_extra_parents_but_service_linked_roles(spec: TfType) -> None:
    """Only children own more than one kind, and four others: a service-linked role (which
    is a role), a Spot request (which owns the instance it launched), the organization (which
    holds the settings its management account changes) and an Elasticsearch domain (which is
    the OpenSearch domain the newer API names)."""
    if spec.tf_type not in (
        "aws_iam_service_linked_role",
        "aws_spot_instance_request",
        "aws_organizations_organization",
        "aws_elasticsearch_domain",
    ):
        assert spec.also == ()


@pytest.mark.parametrize(
    "spec",
    [s for s in SPECS if RESOURCE_TYPES.get(s.resource_type).id_form == "account"],
    ids=lambda s: s.tf_type,
)
def test_account_settings_fall_back_to_the_state_account(spec: TfType) -> None:
    """Account-wide settings name STATE_ACCOUNT: their state rarely keeps the account id."""
    assert STATE_ACCOUNT in spec.identifiers


def test_the_alias_type_points_at_keys() -> None:
    """aws_kms_alias is a name for the key in `target_key_id`."""
    assert TF_TYPES.get("aws_kms_alias").alias_for == ("AWS::KMS::Key", "target_key_id")


@pytest.mark.parametrize("path", STATE_FILES, ids=_rel)
def test_real_state_yields_an_id_for_every_catalogued_resource(path: Path) -> None:
    """Every managed aws_* instance of a catalogued type becomes a resource with an id."""
    doc = _load(path)
    if doc.get("version") != 4:
        with pytest.raises(StateUnavailable, match=path.name):
            parse_state(path.read_bytes(), str(path))
        return
    parsed = parse_state(path.read_bytes(), _rel(path))
    assert sorted(r.address for r in parsed.resources) == sorted(_expected_addresses(doc))
    for resource in parsed.resources:
        assert resource.resource_id, resource.address
        assert resource.owns[0] == (resource.resource_type, resource.resource_id)
        assert all(rid for _, rid in resource.owns)
        assert resource.source == _rel(path)


@pytest.mark.parametrize("path", STATE_FILES, ids=_rel)
def test_real_state_ids_are_physical_ids(path: Path) -> None:
    """No id is left as an ARN where the canonical type's id is a name or a server-made id."""
    parsed = parse_state(path.read_bytes(), _rel(path))
    for resource in parsed.resources:
        for rtype, rid in resource.owns:
            form = RESOURCE_TYPES.get(rtype).id_form
            if form not in ("arn", "url"):
                assert not rid.startswith("arn:"), (resource.address, rid)
            if form == "url":
                assert rid.startswith("https://sqs."), (resource.address, rid)
            if form == "account":
                assert rid == UNKNOWN_ACCOUNT or (rid.isdigit() and len(rid) == 12), rid


@pytest.mark.parametrize("name", STATES_WITH_PARENTS)
def test_children_point_at_parents_of_the_same_state(name: str) -> None:
    """Where a state holds a child and its parent, the child's parent id is the parent's id."""
    parsed = parse_state((TFSTATE / name).read_bytes(), name)
    parents = {
        (r.resource_type, r.resource_id)
        for r in parsed.resources
        if not TF_TYPES.get(r.iac_type).child
    }
    children = [r for r in parsed.resources if TF_TYPES.get(r.iac_type).child]
    assert children
    for child in children:
        assert child.owns[0] in parents, child.address


def test_real_states_exercise_most_of_the_common_types() -> None:
    """The real states prove identifiers for at least 100 catalogued types."""
    seen = {
        r.iac_type for path in STATE_FILES for r in parse_state(path.read_bytes(), "x").resources
    }
    assert len(seen) >= 100
