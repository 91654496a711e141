"""Values of a Terraform state and of a Cloud Control description, brought to one form by the
property's schema so that no change means no difference. Pure.

`pair(schema, node, desired, actual)` normalises the state's value (Terraform's shape: nested
blocks as one-item lists, maps, JSON documents as text, numbers where CloudFormation has
strings) and the live value (CloudFormation's shape) of one property, whose schema is `node`:
- scalars by the property's type: numbers as numbers (`"5"` and `5.0` are 5), booleans from
  `"true"`, strings from numbers;
- JSON documents (`["object", "string"]`, or an object without properties given as text) parsed;
  policy documents canonical (`normalize_policy`);
- objects with properties: only the keys the state records are compared, each matched to its
  property by name (`vpc_config.subnet_ids` ↔ `VpcConfig.SubnetIds`); a value AWS leaves out
  is the schema's `default` when it has one, and equals a blank value in the state (`""`,
  `0`, `false`, `[]`, `{}`);
- arrays: as sets (sorted) unless the schema says `insertionOrder: true`; arrays of objects item
  by item on the keys the state's items carry; `{Key, Value}` lists and maps alike as maps.
Keys keep the state's (Terraform's) names, so a change reads `vpc_config.subnet_ids`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.drift.live.cloudcontrol.schema import TypeSchema
from bot.drift.live.normalize import canonical_json, normalize_policy, parse_json, tag_map

BLANK: tuple[Any, ...] = (None, "", 0, False)
KV_KEYS = ({"Key", "Value"}, {"key", "value"})


def name_key(name: str) -> str:
    """`vpc_config`, `VpcConfig` and `VPCConfig` → `vpcconfig`: how names are matched."""
    return name.replace("_", "").replace("-", "").lower()


def is_blank(value: Any) -> bool:
    """Terraform's "not set": None, "", 0, false, and empty lists and maps."""
    if isinstance(value, Mapping | list | tuple):
        return len(value) == 0
    return any(value is b or (type(value) is type(b) and value == b) for b in BLANK)


def types_of(node: Mapping[str, Any]) -> set[str]:
    kind = node.get("type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {str(k) for k in kind}
    if "properties" in node:
        return {"object"}
    if "items" in node:
        return {"array"}
    return set()


def scalar(types: set[str], value: Any) -> Any:
    """One scalar in the form the property's type gives it."""
    if isinstance(value, Mapping | list):
        return value
    if types & {"integer", "number"} and not isinstance(value, bool):
        num = _number(value)
        if num is not None:
            return num
    if "boolean" in types and isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if "string" in types and not isinstance(value, str) and value is not None:
        if isinstance(value, bool):
            return "true" if value else "false"
        num = _number(value)
        return str(num) if num is not None else str(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _number(value: Any) -> int | float | None:
    if isinstance(value, bool):
        return None
    try:
        num = float(value)
    except (TypeError, ValueError):
        return None
    return int(num) if num.is_integer() else num


def document(value: Any) -> Any:
    """A JSON document (text or parsed) in canonical form: policies sorted, keys in order."""
    parsed = parse_json(value)
    if isinstance(parsed, Mapping) and "Statement" in parsed:
        return normalize_policy(parsed)
    return _sorted_json(parsed)


def _sorted_json(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _sorted_json(v) for k, v in sorted(value.items(), key=lambda i: str(i[0]))}
    if isinstance(value, list):
        return [_sorted_json(v) for v in value]
    return scalar(set(), value)


def _kv_items(node: Mapping[str, Any]) -> bool:
    props = node.get("properties")
    return isinstance(props, Mapping) and set(props) in KV_KEYS


def pair(schema: TypeSchema, node: Mapping[str, Any], desired: Any, actual: Any) -> tuple[Any, Any]:
    """The state's and the live value of one property, normalised for `compare`."""
    node = schema.resolve(node)
    types = types_of(node)
    if "array" in types and not isinstance(desired, str):
        return _pair_array(schema, node, desired, actual)
    has_props = isinstance(node.get("properties"), Mapping)
    if "object" in types:
        text_given = isinstance(desired, str) or isinstance(actual, str)
        if "string" in types or (text_given and not has_props):
            d, a = document(desired), document(actual)  # a JSON document
            return d, (d if a is None and is_blank(d) else a)
        if has_props:
            return _pair_object(schema, node, desired, actual)
        return _map(desired), _map(actual)
    d, a = scalar(types, desired), scalar(types, actual)
    if a is None and "default" in node:
        a = scalar(types, node["default"])  # AWS left out a value its schema defaults
    if a is None and is_blank(d):
        a = d
    return d, a


def _map(value: Any) -> Any:
    parsed = parse_json(value) if isinstance(value, str) else value
    if isinstance(parsed, list) and len(parsed) == 1 and isinstance(parsed[0], Mapping):
        parsed = parsed[0]  # a map recorded as a one-item block
    if not isinstance(parsed, Mapping):
        return parsed
    out = {str(k): _map_value(v) for k, v in parsed.items()}
    return dict(sorted(out.items())) or None


def _map_value(value: Any) -> Any:
    """A map's value: scalars as text (Terraform's maps hold strings)."""
    if isinstance(value, Mapping | list):
        return _sorted_json(value)
    return scalar({"string"}, value)


def _one(value: Any) -> Mapping[str, Any] | None:
    """Terraform's one-item block (or a map), or the object itself."""
    if isinstance(value, str):
        value = parse_json(value)
    if isinstance(value, Mapping):
        return value
    if isinstance(value, Sequence) and not isinstance(value, str) and value:
        item = value[0]
        return item if isinstance(item, Mapping) else None
    return None


def match_property(props: Mapping[str, Any], name: str) -> str | None:
    """The property of `props` that a Terraform key names (`subnet_ids` → `SubnetIds`)."""
    key = name_key(name)
    for prop in props:
        if name_key(str(prop)) == key:
            return str(prop)
    return None


def _pair_object(
    schema: TypeSchema, node: Mapping[str, Any], desired: Any, actual: Any
) -> tuple[Any, Any]:
    props: Mapping[str, Any] = node.get("properties") or {}
    want, have = _one(desired), _one(actual)
    if want is None:
        if have is None or all(is_blank(v) for v in have.values()):
            return None, None
        return None, _sorted_json(have)
    d_out: dict[str, Any] = {}
    a_out: dict[str, Any] = {}
    for key, value in want.items():
        prop = match_property(props, str(key))
        if prop is None:
            continue
        d, a = pair(schema, props[prop], value, (have or {}).get(prop))
        if a is None and is_blank(d):
            a = d
        d_out[str(key)], a_out[str(key)] = d, a
    if have is None and all(is_blank(v) for v in d_out.values()):
        return d_out, dict(d_out)
    return d_out, a_out


def _pair_array(
    schema: TypeSchema, node: Mapping[str, Any], desired: Any, actual: Any
) -> tuple[Any, Any]:
    want = canon(schema, node, desired)
    have = canon(schema, node, actual)
    if isinstance(want, list) and isinstance(have, list):
        shape = _shape(want)
        if shape:  # items are objects: AWS's items keep only the keys the state's carry
            have = [_prune(item, shape) for item in have]
            if node.get("insertionOrder") is not True:
                have.sort(key=canonical_json)
    return want, have


def canon(schema: TypeSchema, node: Any, value: Any) -> Any:
    """A value in one canonical form whichever side it comes from: objects keyed by their
    property names, blank values left out (None when nothing is left), arrays sorted unless
    ordered, `{Key, Value}` lists as maps, documents parsed."""
    node = schema.resolve(node)
    types = types_of(node)
    if is_blank(value):
        return None
    if "array" in types and not isinstance(value, str):
        items = schema.resolve(node.get("items"))
        if _kv_items(items) or isinstance(value, Mapping):
            return tag_map(value) or None
        out = [c for v in _listed(value) if (c := canon(schema, items, v)) is not None]
        if node.get("insertionOrder") is not True:
            out.sort(key=canonical_json)
        return out or None
    has_props = isinstance(node.get("properties"), Mapping)
    if "object" in types:
        if "string" in types or (isinstance(value, str) and not has_props):
            return document(value)
        if has_props:
            props: Mapping[str, Any] = node["properties"]
            obj = _one(value) or {}
            found = {
                prop: canon(schema, props[prop], v)
                for k, v in obj.items()
                if (prop := match_property(props, str(k)))
            }
            return {k: v for k, v in sorted(found.items()) if v is not None} or None
        return _map(value)
    out_value = scalar(types, value)
    return None if is_blank(out_value) else out_value


def _shape(items: list[Any]) -> dict[str, Any]:
    """The keys (and nested keys) the state's items carry, merged."""
    shape: dict[str, Any] = {}
    for item in items:
        _merge(shape, item)
    return shape


def _merge(shape: dict[str, Any], value: Any) -> None:
    if isinstance(value, Mapping):
        for key, sub in value.items():
            _merge(shape.setdefault(str(key), {}), sub)
    elif isinstance(value, list):
        for item in value:
            _merge(shape, item)


def _prune(value: Any, shape: Mapping[str, Any]) -> Any:
    """`value` with only the keys `shape` has (a key the state does not set is not compared)."""
    if isinstance(value, Mapping) and shape:
        return {k: _prune(v, shape[k]) for k, v in value.items() if k in shape}
    if isinstance(value, list) and shape:
        return [_prune(v, shape) for v in value]
    return value


def _listed(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        parsed = parse_json(value)
        return parsed if isinstance(parsed, list) else [value]
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, Sequence):
        return list(value)
    return [value]
