"""parse_state on real states (tests/data/tfstate) and small inline ones: addresses, what counts
as managed, and the states it refuses."""

from __future__ import annotations

import json

import pytest

from bot.errors import StateUnavailable
from bot.iac.terraform import parse_state
from tests.unit.iac.tfstate import (
    ROLE,
    addresses,
    block,
    by_address,
    inline,
    instance,
    real,
)


def test_module_address() -> None:
    """A resource in a module is `module.NAME.TYPE.NAME`."""
    parsed = inline(
        block(
            "aws_security_group",
            "web",
            instance(id="sg-0a1b2c3d4e5f60718"),
            module="module.network",
        )
    )
    assert addresses(parsed) == ["module.network.aws_security_group.web"]


def test_nested_module_address() -> None:
    """Nested modules chain: `module.a.module.b.TYPE.NAME`."""
    parsed = inline(block("aws_vpc", "y", instance(id="vpc-0a1b2c3d"), module="module.a.module.b"))
    assert addresses(parsed) == ["module.a.module.b.aws_vpc.y"]


def test_nested_module_address_in_a_real_state() -> None:
    """tfstate-lookup's role two modules deep keeps both module names."""
    parsed = real("tfstate-lookup/terraform.tfstate")
    role = by_address(
        parsed, "module.webapp.module.ecs_task_roles.aws_iam_role.task_execution_role"
    )
    assert (role.resource_type, role.resource_id) == (ROLE, "task-execution-role")


def test_count_index_address() -> None:
    """count instances are `TYPE.NAME[i]`."""
    parsed = inline(
        block(
            "aws_instance",
            "app",
            instance(0, id="i-0aaaaaaaaaaaaaaa0"),
            instance(1, id="i-0bbbbbbbbbbbbbbb1"),
        )
    )
    assert by_address(parsed, "aws_instance.app[1]").resource_id == "i-0bbbbbbbbbbbbbbb1"


def test_count_index_addresses_in_real_states() -> None:
    """driftctl's counted roles and tfstate-lookup's counted subnets in a module get `[i]`."""
    roles = real("driftctl/aws_iam_role_multiple.tfstate")
    assert addresses(roles) == [f"aws_iam_role.test_role[{i}]" for i in range(3)]
    subnets = real("tfstate-lookup/terraform.tfstate")
    subnet = by_address(subnets, "module.subnets.aws_subnet.main[1]")
    assert subnet.resource_id == "subnet-90123456789012345"


def test_for_each_index_address() -> None:
    """for_each instances are `TYPE.NAME["key"]`."""
    parsed = inline(
        block("aws_s3_bucket", "buckets", instance("logs", id="acme-logs", bucket="acme-logs"))
    )
    assert addresses(parsed) == ['aws_s3_bucket.buckets["logs"]']


def test_for_each_index_addresses_in_a_real_state() -> None:
    """tfstate-lookup's for_each users and log groups (one in a module) get `["key"]`."""
    parsed = real("tfstate-lookup/terraform.tfstate")
    assert by_address(parsed, 'aws_iam_user.users["foo.bar"]').resource_id == "foo.bar"
    assert by_address(parsed, 'aws_iam_user.user["me"]').resource_id == "me"
    group = by_address(parsed, 'module.logs.aws_cloudwatch_log_group.main["app"]')
    assert group.resource_id == "/main/app"


def test_for_each_key_keeps_non_ascii_characters() -> None:
    """Terraform prints for_each keys as written, not as \\u escapes."""
    parsed = inline(
        block("aws_s3_bucket", "b", instance("café", id="acme-cafe", bucket="acme-cafe"))
    )
    assert addresses(parsed) == ['aws_s3_bucket.b["café"]']


def test_deposed_instances_are_skipped() -> None:
    """A deposed instance (create_before_destroy leftover) is not the managed one."""
    old = {"deposed": "8f2e1b7a", "schema_version": 0, "attributes": {"id": "sg-0000000000000000a"}}
    parsed = inline(block("aws_security_group", "web", instance(id="sg-0000000000000000b"), old))
    assert [r.resource_id for r in parsed.resources] == ["sg-0000000000000000b"]


def test_data_sources_are_not_managed() -> None:
    """tfstate-lookup's data sources are counted, not turned into resources."""
    parsed = real("tfstate-lookup/terraform.tfstate")
    assert parsed.data_sources == 4
    assert not [a for a in addresses(parsed) if "data." in a or "aws_lb_target_group" in a]


def test_data_source_only_state_has_no_resources() -> None:
    """driftctl's state with only a data source manages nothing."""
    parsed = real("driftctl/data_source.tfstate")
    assert (parsed.resources, parsed.data_sources) == ([], 1)


def test_random_provider_is_ignored() -> None:
    """tfdrift-falco's random_id is neither a resource nor an unknown AWS type."""
    parsed = real("tfdrift-falco/detector_testdata.tfstate")
    assert "random_id.bucket_suffix" not in addresses(parsed)
    assert "random_id" not in parsed.unknown_types
    assert "aws_s3_bucket.data" in addresses(parsed)


def test_legacy_random_provider_is_ignored() -> None:
    """driftctl's `provider.random` resource is skipped; its `provider.aws` bucket is kept."""
    parsed = real("driftctl/unsupported_provider.tfstate")
    assert addresses(parsed) == ["aws_s3_bucket.cs_bucket_001"]
    assert not parsed.unknown_types


def test_both_provider_address_forms_are_aws() -> None:
    """tfstate-lookup mixes `provider.aws` and `provider["registry…/aws"]`: both are AWS."""
    parsed = real("tfstate-lookup/terraform.tfstate")
    assert "aws_acm_certificate.main" in addresses(parsed)  # provider.aws
    assert "module.subnets.aws_subnet.main[0]" in addresses(parsed)  # provider["…/aws"]


def test_legacy_module_provider_is_aws() -> None:
    """Terraform 0.12 wrote `module.x.provider.aws` for a provider configured in a module."""
    parsed = inline(
        block(
            "aws_vpc",
            "v",
            instance(id="vpc-0a1b2c3d"),
            module="module.x",
            provider="module.x.provider.aws.west",
        )
    )
    assert addresses(parsed) == ["module.x.aws_vpc.v"]


def test_unknown_aws_types_are_counted() -> None:
    """A type the catalog does not map is counted for the report."""
    parsed = inline(block("aws_made_up_thing", "x", instance(id="x-1")))
    assert parsed.resources == []
    assert parsed.unknown_types == {"aws_made_up_thing": 1}


def test_driftctl_unsupported_resource_is_catalogued_now() -> None:
    """driftctl's example of a type it does not support, aws_codedeploy_app, is known."""
    parsed = real("driftctl/unsupported_resource.tfstate")
    assert parsed.unknown_types == {}
    assert [(r.resource_type, r.resource_id) for r in parsed.resources] == [
        ("AWS::CodeDeploy::Application", "example")
    ]


def test_version_3_raises_naming_the_file() -> None:
    """A format-3 state (Terraform 0.11) is refused with its path in the message."""
    doc = {"version": 3, "terraform_version": "0.11.14", "serial": 9, "modules": []}
    with pytest.raises(StateUnavailable, match=r"prod/terraform\.tfstate") as info:
        parse_state(json.dumps(doc).encode(), "prod/terraform.tfstate")
    assert "version 3" in info.value.user_message


def test_non_json_raises_naming_the_file() -> None:
    """Bytes that are not JSON are refused with the path in the message."""
    with pytest.raises(StateUnavailable, match=r"s3://acme-tf/prod\.tfstate"):
        parse_state(b"<html>403 Forbidden</html>", "s3://acme-tf/prod.tfstate")


def test_json_without_a_version_is_not_a_state() -> None:
    """JSON that is not a state (no `version`) is refused, naming the file."""
    with pytest.raises(StateUnavailable, match=r"plan\.json"):
        parse_state(b'{"format_version": "1.2"}', "plan.json")


def test_resources_that_are_not_a_list_are_refused() -> None:
    """A `resources` that is not a list is a broken state, not an empty one."""
    with pytest.raises(StateUnavailable, match=r"odd\.tfstate"):
        parse_state(b'{"version": 4, "resources": 5}', "odd.tfstate")
