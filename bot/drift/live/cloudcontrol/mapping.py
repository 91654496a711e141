"""Terraform attributes ↔ Cloud Control properties, per Terraform type. Pure.

The generic rule pairs a Terraform attribute with the property of the same name
(`retention_in_days` ↔ `RetentionInDays`, matched without case or underscores), or with the
property that adds the type's own name in front (`name` ↔ `QueueName`, `instance_class` ↔
`DBInstanceClass`). Nested blocks pair with nested objects the same way, key by key (see
`values.py`); `tags`/`tags_all` pair with the type's tag property. Properties the schema marks
read-only, write-only or create-only are never compared. `overrides.py` holds what the rule
cannot guess: renamed attributes and whole facets with their own shape (security group rules,
a role's inline policies).

Which attributes a Terraform type has comes from `tf_arguments.py`: only those are compared, so
what the round-trip test covers is what runs. A child type (`aws_sqs_queue_redrive_policy`)
pairs its attributes with its parent's properties (`RedrivePolicy` of the queue) the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bot.catalog.terraform_types import TF_TYPES
from bot.drift.live.cloudcontrol.overrides import CHILD_FACETS, CUSTOM, RENAMES, Custom
from bot.drift.live.cloudcontrol.schema import TypeSchema
from bot.drift.live.cloudcontrol.tf_arguments import TF_ARGUMENTS
from bot.drift.live.cloudcontrol.values import is_blank, name_key, pair
from bot.drift.live.normalize import UNMANAGED, desired_tags, is_unmanaged, tag_map
from bot.iac.index import DesiredResource

TAG_ATTRIBUTES = ("tags_all", "tags")
TAGS = "tags"
_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+")


@dataclass(frozen=True)
class Field:
    """One Terraform attribute and the property (path) it pairs with."""

    attribute: str
    prop: tuple[str, ...]


@dataclass(frozen=True)
class TfMapping:
    """How one Terraform type's attributes pair with one Cloud Control type's properties."""

    tf_type: str
    fields: tuple[Field, ...] = ()
    tags: bool = False
    custom: tuple[Custom, ...] = field(default=())

    @property
    def compares(self) -> bool:
        """It compares something: some attribute, the tags, or a facet of its own."""
        return bool(self.fields or self.tags or self.custom)

    @property
    def attributes(self) -> tuple[str, ...]:
        return tuple(f.attribute for f in self.fields) + ((TAGS,) if self.tags else ())


def type_words(type_name: str) -> list[str]:
    """`AWS::RDS::DBInstance` → [`DB`, `Instance`]."""
    return _WORDS.findall(type_name.rsplit("::", 1)[-1])


def property_for(schema: TypeSchema, attribute: str) -> str | None:
    """The top-level property a Terraform attribute pairs with by the generic rule."""
    key = name_key(attribute)
    by_key = {name_key(str(p)): str(p) for p in schema.properties}
    if key in by_key:
        return by_key[key]
    words = type_words(schema.type_name)
    for end in range(len(words), 0, -1):
        prefixed = name_key("".join(words[:end])) + key
        if prefixed in by_key:
            return by_key[prefixed]
    return None


def comparable(schema: TypeSchema, prop: tuple[str, ...]) -> bool:
    """A property the comparison may use: it exists and is neither read-only, write-only nor
    create-only, nor the tags (paired on their own)."""
    if not prop or prop[0] == schema.tag_property:
        return False
    return schema.property_schema(prop) is not None and not schema.skipped(prop)


def build_mapping(tf_type: str, schema: TypeSchema) -> TfMapping:
    """The pairing of `tf_type`'s attributes (`tf_arguments.py`) with `schema`'s properties.
    A child type pairs only its CHILD_FACETS (with its parent's schema)."""
    renames = RENAMES.get(tf_type, {})
    arguments = TF_ARGUMENTS.get(tf_type, "").split()
    spec = TF_TYPES.find(tf_type)
    if spec is not None and spec.child:  # only the facet of the parent it manages
        arguments = [a for a in arguments if a in CHILD_FACETS.get(tf_type, ())]
    fields = []
    for attribute in sorted({*arguments, *renames}):
        if attribute in TAG_ATTRIBUTES:
            continue
        target = renames.get(attribute)
        if target == "":
            continue  # an override that says: never compare this one
        prop = tuple(target.split("/")) if target else (property_for(schema, attribute),)
        if prop[0] is not None and comparable(schema, prop):  # type: ignore[arg-type]
            fields.append(Field(attribute, prop))  # type: ignore[arg-type]
    tags = schema.tag_property is not None and any(a in arguments for a in TAG_ATTRIBUTES)
    custom = tuple(c for c in CUSTOM.get(schema.type_name, ()) if tf_type in c.tf_types)
    return TfMapping(tf_type, tuple(fields), tags, custom)


@lru_cache(maxsize=4096)
def _cached(tf_type: str, schema: TypeSchema) -> TfMapping:
    return build_mapping(tf_type, schema)


def mapping_for(tf_type: str, schema: TypeSchema) -> TfMapping:
    """`build_mapping`, kept per (type, schema)."""
    return _cached(tf_type, schema)


def _get(props: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = props
    for step in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(step)
    return value


def project(
    schema: TypeSchema, owners: Sequence[DesiredResource], props: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """What the state says and what AWS says, on the attributes the owners' mappings pair;
    None when they pair nothing (the state records nothing comparable)."""
    desired: dict[str, Any] = {}
    actual: dict[str, Any] = {}
    customs: dict[str, Custom] = {}
    for owner in owners:
        mapping = mapping_for(owner.iac_type, schema)
        attrs = owner.attributes
        for f in mapping.fields:
            if f.attribute not in attrs:
                continue
            node = schema.property_schema(f.prop) or {}
            d, a = pair(schema, node, attrs[f.attribute], _get(props, f.prop))
            desired[f.attribute], actual[f.attribute] = d, a
        if mapping.tags and any(attrs.get(a) is not None for a in TAG_ATTRIBUTES):
            desired[TAGS] = desired_tags(attrs)
            actual[TAGS] = tag_map(props.get(str(schema.tag_property)))
        for custom in mapping.custom:
            customs[custom.path] = custom
    for path, custom in customs.items():
        want = custom.desired(owners)
        if is_unmanaged(want):
            continue
        desired[path], actual[path] = want, custom.actual(props)
    if not desired:
        return None
    return desired, {
        k: (desired[k] if v is None and is_blank(desired[k]) else v) for k, v in actual.items()
    }


# A facet no owner manages (re-exported for the overrides' use).
NOT_MANAGED: Any = UNMANAGED
Projector = Callable[[Sequence[DesiredResource]], Any]
