"""TF_TYPES: Terraform `aws_*` resource types -> canonical types and identifying attributes.

No I/O; each service's module in `services/` lists its types with `tf(…)` and `part_of(…)`. A
child resource (`aws_security_group_rule`, `aws_s3_bucket_policy`) names its parent's type and
the attribute that holds the parent's id: changing the child by hand is a change of the parent
(the rules of a security group, the policy of a bucket).

Identifiers were chosen against the real states copied under `tests/data/tfstate/` (driftctl,
tfdrift-falco, tfstate-lookup) and the provider's documentation (`website/docs/r/*.markdown` of
hashicorp/terraform-provider-aws): the attribute that holds the physical id CloudFormation uses
(a name, a server-made id, an ARN or a queue URL) comes first; `id` and `arn` follow where they
hold the same thing in another form (ARNs are normalised by the canonical type).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.registry import Registry

# Pseudo-attribute: the AWS account the state's provider works in, read from the ARNs and
# account ids recorded in the same state. For account-wide settings whose state keeps no
# account id (`aws_ebs_encryption_by_default` has only a made-up `id`).
STATE_ACCOUNT = "@account"


@dataclass(frozen=True)
class TfType:
    """How one Terraform type maps onto a canonical type.

    Attributes:
        tf_type: `aws_db_instance`.
        resource_type: the canonical type it manages, or for a child, its parent's type.
        identifiers: attributes holding that resource's id, best first; every value found is
            indexed (after normalising ARNs), the first is the physical id. An attribute may
            hold a list (`aws_iam_policy_attachment.roles`); STATE_ACCOUNT stands for the
            state's account.
        child: True when it manages part of the resource its identifiers name.
        alias_for: (type, attribute) when this resource's id is also a name for another
            resource's id (`aws_kms_alias`: its name stands for the key in `target_key_id`).
        also: further (canonical type, attribute) pairs of resources it manages part of, for
            children with more than one kind of parent (`aws_iam_policy_attachment` attaches
            a policy to `roles`, `users` and `groups`).
        name: the attribute holding the resource's name, where AWS makes its id and some calls
            name it by name (`aws_security_group.name`), so those calls resolve to the id.
        scope: the attribute the name is unique within (`vpc_id`), with `name`.
    """

    tf_type: str
    resource_type: str
    identifiers: tuple[str, ...]
    child: bool = False
    alias_for: tuple[str, str] | None = None
    also: tuple[tuple[str, str], ...] = ()
    name: str | None = None
    scope: str | None = None


TF_TYPES: Registry[TfType] = Registry("Terraform resource type")


def tf(
    tf_type: str,
    resource_type: str,
    *identifiers: str,
    alias_for: tuple[str, str] | None = None,
    also: tuple[tuple[str, str], ...] = (),
    name: str | None = None,
    scope: str | None = None,
) -> TfType:
    """A Terraform type that manages a `resource_type` whose id is in `identifiers` (`id` when
    none are given); `name` (and `scope`) where calls may name it by name."""
    ids = identifiers or ("id",)
    return TfType(tf_type, resource_type, ids, False, alias_for, also, name, scope)


def part_of(
    tf_type: str,
    parent_type: str,
    *parent_id_attrs: str,
    also: tuple[tuple[str, str], ...] = (),
    name: str | None = None,
) -> TfType:
    """A child type whose `parent_id_attrs` name the parent resource it changes; `name` where
    calls name the parent only through this child's own id (an association id)."""
    return TfType(tf_type, parent_type, parent_id_attrs or ("id",), True, None, also, name)


def children(parent_type: str, parent_id_attr: str, *tf_types: str) -> tuple[TfType, ...]:
    """Child types that all name their parent in the same attribute."""
    return tuple(part_of(tf_type, parent_type, parent_id_attr) for tf_type in tf_types)
