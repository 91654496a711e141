"""parse_state / build_index on real states (tests/data/tfstate) and small inline ones.

Inline states follow the format-4 layout Terraform writes (`terraform state pull`); their ids are
made up in AWS's formats for account 111122223333.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.errors import StateUnavailable
from bot.iac.index import UNKNOWN_ACCOUNT, DesiredResource, ParsedState, build_index
from bot.iac.terraform import parse_state
from tests.fixtures import DATA

TFSTATE = DATA / "tfstate"
AWS = 'provider["registry.terraform.io/hashicorp/aws"]'
SG, ROLE, USER, GROUP = (
    "AWS::EC2::SecurityGroup",
    "AWS::IAM::Role",
    "AWS::IAM::User",
    "AWS::IAM::Group",
)
DB, KEY = "AWS::RDS::DBInstance", "AWS::KMS::Key"


def real(name: str) -> ParsedState:
    """A copied real state, by its path under tests/data/tfstate."""
    return parse_state((TFSTATE / name).read_bytes(), name)


def block(
    tf_type: str,
    name: str,
    *instances: dict[str, Any],
    module: str | None = None,
    mode: str = "managed",
    provider: str = AWS,
) -> dict[str, Any]:
    out: dict[str, Any] = {"mode": mode, "type": tf_type, "name": name, "provider": provider}
    if module:
        out["module"] = module
    out["instances"] = list(instances)
    return out


def instance(index_key: object = None, **attributes: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"schema_version": 0, "attributes": attributes}
    if index_key is not None:
        out["index_key"] = index_key
    return out


def inline(
    *blocks: dict[str, Any], version: int = 4, source: str = "inline.tfstate"
) -> ParsedState:
    doc = {"version": version, "terraform_version": "1.9.8", "serial": 3, "lineage": "x"}
    doc["resources"] = list(blocks)
    return parse_state(json.dumps(doc).encode(), source)


def addresses(parsed: ParsedState) -> list[str]:
    return [r.address for r in parsed.resources]


def by_address(parsed: ParsedState, address: str) -> DesiredResource:
    (found,) = [r for r in parsed.resources if r.address == address]
    return found


# --- addresses, as `terraform state list` prints them ------------------------------------------


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


# --- what counts as managed -------------------------------------------------------------------


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
    """driftctl's aws_codedeploy_app is not catalogued: it is counted for the report."""
    parsed = real("driftctl/unsupported_resource.tfstate")
    assert parsed.resources == []
    assert parsed.unknown_types == {"aws_codedeploy_app": 1}


# --- identifiers ------------------------------------------------------------------------------


def test_db_instance_of_provider_v5_is_found_by_identifier() -> None:
    """Provider v5 keeps the `db-…` resource id in `id`; the instance is found by `identifier`."""
    parsed = inline(
        block(
            "aws_db_instance",
            "orders",
            instance(
                id="db-ABCDEFGHIJKLMNOPQRSTUVWXY4",
                resource_id="db-ABCDEFGHIJKLMNOPQRSTUVWXY4",
                identifier="orders-db",
                arn="arn:aws:rds:eu-west-1:111122223333:db:orders-db",
            ),
        )
    )
    index = build_index([parsed])
    assert [r.address for r in index.owners(DB, "orders-db")] == ["aws_db_instance.orders"]
    assert index.owners(DB, "db-ABCDEFGHIJKLMNOPQRSTUVWXY4") == []


def test_db_instance_of_an_old_provider_is_found_by_identifier() -> None:
    """driftctl's Terraform 0.12 state (`id` = identifier) is found by the same name."""
    index = build_index([real("driftctl/aws_db_instance.tfstate")])
    owners = index.owners(DB, "terraform-20201015115018309600000001")
    assert [r.address for r in owners] == ["aws_db_instance.default"]


def test_arn_identifiers_are_normalised() -> None:
    """A role's ARN with a path and its name index the same role once."""
    role = real("driftctl/aws_iam_role_multiple.tfstate").resources[0]
    assert role.owns == ((ROLE, "test_role_0"),)


def test_arn_of_a_name_with_name_slash_in_it_keeps_the_whole_name() -> None:
    """`…Name/…` is cut from Auto Scaling ARNs only, not from other names that contain it."""
    arn = "arn:aws:{}:eu-west-1:111122223333:{}"
    parsed = inline(
        block(
            "aws_ssm_parameter",
            "host",
            instance(
                id="/app/dbName/host",
                name="/app/dbName/host",
                arn=arn.format("ssm", "parameter/app/dbName/host"),
            ),
        ),
        block(
            "aws_autoscaling_group",
            "web",
            instance(
                id="web",
                name="web",
                arn=arn.format("autoscaling", "autoScalingGroup:0b1c:autoScalingGroupName/web"),
            ),
        ),
    )
    assert [r.owns for r in parsed.resources] == [
        (("AWS::SSM::Parameter", "/app/dbName/host"),),
        (("AWS::AutoScaling::AutoScalingGroup", "web"),),
    ]


def test_security_group_rule_makes_its_group_owned() -> None:
    """driftctl's security group rules own (part of) their group."""
    index = build_index([real("driftctl/aws_vpc_security_group_rule.tfstate")])
    owners = index.owners(SG, "sg-0254c038e32f25530")
    assert "aws_security_group_rule.foo" in [r.address for r in owners]
    assert {r.resource_type for r in owners} == {SG}


def test_kms_alias_resolves_to_its_key() -> None:
    """A KMS alias name and ARN stand for the key in `target_key_id`, through StateIndex."""
    key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
    key_arn = f"arn:aws:kms:eu-west-1:111122223333:key/{key_id}"
    parsed = inline(
        block("aws_kms_key", "orders", instance(id=key_id, key_id=key_id, arn=key_arn)),
        block(
            "aws_kms_alias",
            "orders",
            instance(
                id="alias/orders",
                name="alias/orders",
                arn="arn:aws:kms:eu-west-1:111122223333:alias/orders",
                target_key_id=key_id,
                target_key_arn=key_arn,
            ),
        ),
    )
    index = build_index([parsed])
    assert [r.address for r in index.owners(KEY, "alias/orders")] == ["aws_kms_key.orders"]
    alias_arn = "arn:aws:kms:eu-west-1:111122223333:alias/orders"
    assert index.canonical_id(KEY, alias_arn) == key_id


def test_kms_alias_of_a_real_state_names_its_key() -> None:
    """driftctl's aliases (one with a generated name) all point at their key."""
    index = build_index([real("driftctl/aws_kms_alias.tfstate")])
    for alias in ("alias/bar", "alias/foo", "alias/baz20210225124429210500000001"):
        assert index.canonical_id(KEY, alias) == "341b2d76-feab-4911-b5de-fbdd92b21aa7"


def test_policy_attachment_owns_every_listed_role_user_and_group() -> None:
    """aws_iam_policy_attachment's `roles`/`users`/`groups` lists each own a principal."""
    parsed = inline(
        block(
            "aws_iam_policy_attachment",
            "readers",
            instance(
                id="readers",
                name="readers",
                policy_arn="arn:aws:iam::111122223333:policy/read-only",
                roles=["app", "batch"],
                users=["alice"],
                groups=[],
            ),
        )
    )
    (attachment,) = parsed.resources
    assert attachment.owns == ((ROLE, "app"), (ROLE, "batch"), (USER, "alice"))


def test_policy_attachment_without_roles_belongs_to_its_first_principal() -> None:
    """With no roles, the attachment's main resource is the first user or group."""
    parsed = inline(
        block(
            "aws_iam_policy_attachment",
            "ops",
            instance(id="ops", policy_arn="arn:aws:iam::aws:policy/ReadOnlyAccess", groups=["ops"]),
        )
    )
    (attachment,) = parsed.resources
    assert (attachment.resource_type, attachment.resource_id) == (GROUP, "ops")


def test_flat_attributes_keep_string_lists() -> None:
    """A state upgraded from format 3 keeps `roles.#`/`roles.N` in attributes_flat."""
    flat = {"id": "readers", "roles.#": "2", "roles.0": "app", "roles.1": "batch", "users.#": "0"}
    parsed = inline(
        block(
            "aws_iam_policy_attachment", "readers", {"schema_version": 0, "attributes_flat": flat}
        )
    )
    assert parsed.resources[0].owns == ((ROLE, "app"), (ROLE, "batch"))


def test_account_setting_takes_the_account_of_its_state() -> None:
    """driftctl's aws_api_gateway_account (id `api-gateway-account`) is its role's account."""
    (account,) = real("driftctl/aws_api_gateway_account.tfstate").resources
    assert account.resource_id == "047081014315"


def test_account_setting_keeps_its_recorded_account_id() -> None:
    """driftctl's aws_s3_account_public_access_block records `account_id`."""
    (block_all,) = real("driftctl/aws_s3_account_public_access_block.tfstate").resources
    assert block_all.resource_id == "526954929923"


def test_account_setting_of_a_state_without_any_account_is_a_wildcard() -> None:
    """driftctl's lone aws_ebs_encryption_by_default names no account anywhere."""
    (setting,) = real("driftctl/aws_ebs_encryption_by_default.tfstate").resources
    assert setting.resource_id == UNKNOWN_ACCOUNT


def test_account_comes_from_the_resources_own_provider() -> None:
    """With two AWS providers (two accounts), a setting takes its own provider's account."""
    west = AWS + ".west"
    parsed = inline(
        block(
            "aws_vpc",
            "a",
            instance(id="vpc-0a", arn="arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-0a"),
        ),
        block(
            "aws_vpc",
            "b",
            instance(id="vpc-0b", arn="arn:aws:ec2:us-west-2:444455556666:vpc/vpc-0b"),
            provider=west,
        ),
        block("aws_ebs_encryption_by_default", "on", instance(id="terraform-2024"), provider=west),
    )
    assert by_address(parsed, "aws_ebs_encryption_by_default.on").resource_id == "444455556666"


# --- build_index --------------------------------------------------------------------------------


def test_build_index_merges_states() -> None:
    """One index over several states knows every source and every unknown type."""
    states = [real("driftctl/aws_vpc.tfstate"), real("driftctl/unsupported_resource.tfstate")]
    index = build_index(states)
    assert index.unknown_types == {"aws_codedeploy_app": 1}  # unsupported_resource.tfstate's
    owners = index.owners("AWS::EC2::VPC", "vpc-0a5666c0cfc366714")
    assert [o.source for o in owners] == ["driftctl/aws_vpc.tfstate"]
    assert len(index) == 2  # both resources of aws_vpc.tfstate


# --- errors -------------------------------------------------------------------------------------


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
