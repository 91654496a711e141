"""parse_state: the physical id and account each Terraform type's resource is known by."""

from __future__ import annotations

from bot.iac.index import UNKNOWN_ACCOUNT, build_index
from tests.unit.iac.tfstate import (
    AWS,
    DB,
    GROUP,
    KEY,
    ROLE,
    SG,
    USER,
    block,
    by_address,
    inline,
    instance,
    real,
)


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
