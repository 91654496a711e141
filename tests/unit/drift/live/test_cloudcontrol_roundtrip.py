"""The generic comparison's key property, for every Terraform type the catalog marks
`confirm: attributes` through Cloud Control: a state and a live description made from the same
values give no difference, and one changed live value gives exactly that change.

The values come from each type's resource schema (cfn-lint's bundle): the live side in
CloudFormation's shape, the state side in Terraform's (tests/cloudcontrol_values.py)."""

from __future__ import annotations

from typing import Any

import pytest

import bot.catalog  # noqa: F401  (fills the registries)
from bot.catalog.terraform_types import TF_TYPES
from bot.drift.live import LIVE_TYPES, compare
from bot.drift.live.cloudcontrol.mapping import TAGS, mapping_for, project
from bot.drift.live.cloudcontrol.schema import TypeSchema
from bot.drift.live.cloudcontrol.values import KV_KEYS
from bot.iac.index import DesiredResource
from bot.shell.aws.schemas import SchemaStore
from tests.cloudcontrol_values import changed, sample

STORE = SchemaStore()
REGION = "us-east-1"


def generic_types() -> list[tuple[str, str]]:
    """(Terraform type, resource type) of every type compared through Cloud Control."""
    found = []
    for _, spec in TF_TYPES:
        if LIVE_TYPES.find(spec.resource_type) is not None:
            continue
        schema = STORE.get(spec.resource_type, REGION)
        if schema is not None and schema.readable and mapping_for(spec.tf_type, schema).compares:
            found.append((spec.tf_type, spec.resource_type))
    return found


GENERIC = generic_types()


def owner(tf_type: str, resource_type: str, attributes: dict[str, Any]) -> DesiredResource:
    return DesiredResource(
        address=f"{tf_type}.this",
        backend="terraform",
        source="test.tfstate",
        iac_type=tf_type,
        resource_type=resource_type,
        resource_id="the-id",
        owns=((resource_type, "the-id"),),
        attributes=attributes,
    )


def build(tf_type: str, schema: TypeSchema) -> tuple[dict[str, Any], dict[str, Any], dict]:
    """(state attributes, live properties, field → live path) from the same values."""
    mapping = mapping_for(tf_type, schema)
    state: dict[str, Any] = {}
    live: dict[str, Any] = {}
    where: dict[str, tuple[str, ...]] = {}
    for field in mapping.fields:
        node = schema.property_schema(field.prop) or {}
        lv, sv = sample(schema, node, field.prop[-1], field.prop)
        if lv is None:
            continue
        state[field.attribute] = sv
        target = live
        for step in field.prop[:-1]:
            target = target.setdefault(step, {})
        target[field.prop[-1]] = lv
        where[field.attribute] = field.prop
    if mapping.tags:
        tag_node = schema.resolve(schema.properties.get(str(schema.tag_property)))
        state["tags"] = state["tags_all"] = {"team": "core", "env": "prod"}
        if "array" in str(tag_node.get("type")):
            live[str(schema.tag_property)] = [
                {"Key": "env", "Value": "prod"},
                {"Key": "team", "Value": "core"},
                {"Key": "aws:cloudformation:stack-name", "Value": "not-ours"},
            ]
        else:
            live[str(schema.tag_property)] = {"team": "core", "env": "prod"}
        where[TAGS] = (str(schema.tag_property),)
    return state, live, where


def test_the_goal_counts_hold():
    """At least 150 Terraform types compare attributes (hand-written readers included)."""
    hand = sum(
        1
        for _, spec in TF_TYPES
        if (lt := LIVE_TYPES.find(spec.resource_type)) and spec.tf_type in lt.iac_types
    )
    assert len(GENERIC) + hand >= 150


@pytest.mark.parametrize(("tf_type", "resource_type"), GENERIC, ids=[t for t, _ in GENERIC])
def test_same_values_no_diff_one_change_exactly_that(tf_type: str, resource_type: str):
    schema = STORE.get(resource_type, REGION)
    assert schema is not None
    state, live, where = build(tf_type, schema)
    owners = [owner(tf_type, resource_type, state)]
    projected = project(schema, owners, live)
    assert projected is not None, "the mapping compares nothing"
    assert compare(*projected) == []
    for attribute, prop in where.items():
        node = schema.property_schema(prop) if attribute != TAGS else {}
        parent = live
        for step in prop[:-1]:
            parent = parent[step]
        before = parent[prop[-1]]
        if attribute == TAGS:
            parent[prop[-1]] = (
                {**before, "env": "dev"}
                if isinstance(before, dict)
                else [{"Key": "env", "Value": "dev"}, *before[1:]]
            )
        else:
            parent[prop[-1]] = changed(schema, node or {}, before)
        changes = compare(*(project(schema, owners, live) or ({}, {})))
        parent[prop[-1]] = before
        assert [c.path.split(".")[0].split("[")[0] for c in changes] == [attribute], (
            attribute,
            changes,
        )


def kv_attributes(tf_type: str, schema: TypeSchema) -> list[str]:
    """The attributes a type pairs with a `{Key, Value}` list (a map in Terraform)."""
    found = []
    for field in mapping_for(tf_type, schema).fields:
        node = schema.resolve(schema.property_schema(field.prop) or {})
        items = schema.resolve(node.get("items") or {})
        if set(items.get("properties") or {}) in KV_KEYS:
            found.append(field.attribute)
    return found


KV_CASES = [
    (tf_type, resource_type, attribute)
    for tf_type, resource_type in GENERIC
    for attribute in kv_attributes(tf_type, STORE.get(resource_type, REGION))  # type: ignore[arg-type]
]


def test_key_value_lists_are_covered():
    assert len(KV_CASES) >= 3


@pytest.mark.parametrize(
    ("tf_type", "resource_type", "attribute"), KV_CASES, ids=[f"{t}.{a}" for t, _, a in KV_CASES]
)
def test_a_renamed_key_is_one_entry_gone_and_one_new(
    tf_type: str, resource_type: str, attribute: str
):
    """A `{Key, Value}` list compares as a map: renaming a key is exactly two changes of that
    attribute, the old entry gone and the new one there."""
    schema = STORE.get(resource_type, REGION)
    assert schema is not None
    state, live, where = build(tf_type, schema)
    parent = live
    for step in where[attribute][:-1]:
        parent = parent[step]
    items = parent[where[attribute][-1]]
    key = "Key" if "Key" in items[0] else "key"
    items[0] = {**items[0], key: "k1-renamed"}

    changes = compare(*(project(schema, [owner(tf_type, resource_type, state)], live) or ({}, {})))

    assert sorted((c.path, c.expected, c.actual) for c in changes) == [
        (f"{attribute}.k1", "v1", None),
        (f'{attribute}["k1-renamed"]', None, "v1"),
    ]
