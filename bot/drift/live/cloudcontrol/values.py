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
  property by name (`vpc_config.subnet_ids` ↔ `VpcConfig.SubnetIds`); a key AWS leaves out
  equals a blank value in the state (`""`, `0`, `false`, `[]`, `{}`);
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
    items = schema.resolve(node.get("items"))
    ordered = node.get("insertionOrder") is True
    if _kv_items(items) or isinstance(desired, Mapping):
        d_map, a_map = tag_map(desired) or None, tag_map(actual) or None
        return d_map, a_map
    want = _listed(desired)
    have = _listed(actual)
    if "object" in types_of(items) and isinstance(items.get("properties"), Mapping):
        props: Mapping[str, Any] = items["properties"]
        keys = {p for item in want for k in item if (p := match_property(props, str(k)))}
        d_items = [_item(schema, props, keys, _by_property(props, item)) for item in want]
        a_items = [_item(schema, props, keys, item) for item in have]
    else:
        d_items = [_scalar_item(schema, items, v) for v in want]
        a_items = [_scalar_item(schema, items, v) for v in have]
    d_items = [v for v in d_items if not is_blank(v)]
    a_items = [v for v in a_items if not is_blank(v)]
    if not ordered:
        d_items.sort(key=canonical_json)
        a_items.sort(key=canonical_json)
    return d_items or None, a_items or None


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


def _by_property(props: Mapping[str, Any], item: Any) -> Any:
    """A Terraform block item with its keys renamed to the properties they match."""
    if not isinstance(item, Mapping):
        return item
    return {p: v for k, v in item.items() if (p := match_property(props, str(k)))}


def _item(schema: TypeSchema, props: Mapping[str, Any], keys: set[str], item: Any) -> Any:
    if not isinstance(item, Mapping):
        return item
    out: dict[str, Any] = {}
    for key in sorted(keys):
        d, _ = pair(schema, props[key], item.get(key), None)
        out[key] = None if is_blank(d) else d
    return out


def _scalar_item(schema: TypeSchema, items: Mapping[str, Any], value: Any) -> Any:
    d, _ = pair(schema, items, value, None)
    return d
