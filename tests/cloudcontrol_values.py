"""Values for the Cloud Control tests, made from a resource schema: one value per property in
CloudFormation's shape (what GetResource answers) and the same value in Terraform's shape (what
a state records: snake_case keys, nested blocks as one-item lists, maps for `{Key, Value}`
lists, JSON documents as text, sets in another order), and a changed live value."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.drift.live.cloudcontrol.schema import TypeSchema
from bot.drift.live.cloudcontrol.values import types_of

POLICY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}],
}
MAX_DEPTH = 6
_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+")


def snake(name: str) -> str:
    """`VpcConfig` → `vpc_config`, `KMSMasterKeyID` → `kms_master_key_id`."""
    return "_".join(w.lower() for w in _WORDS.findall(name))


def sample(schema: TypeSchema, node: Any, name: str, path: tuple[str, ...]) -> tuple[Any, Any]:
    """(live value, state value) of the property at `path`, or (None, None) to leave it out."""
    node = schema.resolve(node)
    types = types_of(node)
    if node.get("enum"):
        value = node["enum"][0]
        return value, value
    if "object" in types and "string" in types:
        return POLICY, json.dumps(POLICY)
    if "array" in types:
        items = schema.resolve(node.get("items"))
        props = items.get("properties")
        if isinstance(props, dict) and set(props) in ({"Key", "Value"}, {"key", "value"}):
            k, v = sorted(props)
            return [{k: "k1", v: "v1"}], {"k1": "v1"}
        if "object" in types_of(items) and isinstance(props, dict):
            live, state = _object(schema, items, path)
            return ([live], [state]) if live else (None, None)
        first, _ = sample(schema, items, name, path)
        second = _other(first)
        if first is None or isinstance(first, dict | list):
            return None, None
        pair_ = [first, second]
        return pair_, pair_ if node.get("insertionOrder") is True else list(reversed(pair_))
    if "object" in types:
        if isinstance(node.get("properties"), dict):
            live, state = _object(schema, node, path)
            return (live, [state]) if live else (None, None)
        return {"k1": "v1"}, {"k1": "v1"}
    if types & {"integer", "number"}:
        low = node.get("minimum", 1)
        high = node.get("maximum", low + 10)
        value = int(min(max(low, 7), high))
        return value, value
    if "boolean" in types:
        return True, True
    if "string" in types or not types:
        value = f"v-{snake(name)}"
        return value, value
    return None, None


def _object(schema: TypeSchema, node: Any, path: tuple[str, ...]) -> tuple[dict, dict]:
    live: dict[str, Any] = {}
    state: dict[str, Any] = {}
    if len(path) >= MAX_DEPTH:
        return live, state
    for prop, sub in sorted(node.get("properties", {}).items()):
        here = (*path, prop)
        if schema.skipped(here):
            continue
        lv, sv = sample(schema, sub, prop, here)
        if lv is None:
            continue
        live[prop], state[snake(prop)] = lv, sv
    return live, state


def _other(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    if isinstance(value, str):
        return value + "-2"
    return value


def changed(schema: TypeSchema, node: Any, value: Any) -> Any:
    """The live value with one thing changed (a leaf, an item, a key)."""
    node = schema.resolve(node)
    if value == POLICY:
        deny = {"Effect": "Deny", "Action": "*", "Resource": "*"}
        return {**POLICY, "Statement": [*POLICY["Statement"], deny]}
    if isinstance(value, dict):
        if not value:
            return {"k2": "v2"}
        # A `{Key, Value}` item changes its value, as a map's entry does; a renamed key is two
        # changes (one entry gone, one new), checked on its own.
        if set(value) in ({"Key", "Value"}, {"key", "value"}):
            key = "Value" if "Value" in value else "value"
        else:
            key = sorted(value)[0]
        sub = (node.get("properties") or {}).get(key, {})
        return {**value, key: changed(schema, sub, value[key])}
    if isinstance(value, list):
        items = node.get("items", {})
        if value and isinstance(value[0], dict):
            return [changed(schema, items, value[0]), *value[1:]]
        last = value[-1]
        return [*value, f"{last}-3" if isinstance(last, str) else last + 5]
    if "enum" in node and len(node["enum"]) > 1:
        return node["enum"][1]
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    return f"{value}-changed"
