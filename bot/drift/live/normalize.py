"""Normalising helpers shared by the live projections: the small rules that make what the IaC
state records and what AWS answers compare equal when nothing changed. Pure; no I/O.

- policy documents: JSON text (or URL-encoded JSON, or already parsed) → one canonical dict:
  `Version` defaulted, `Statement` a list sorted by content, `Action`/`Resource`/`Principal`/
  `Condition` values as sorted lists, bare account ids in principals as their `root` ARNs;
- tags: `[{Key, Value}]` lists and maps alike → one map, without AWS's own `aws:` tags; the
  state's `tags_all` (which includes the provider's default tags) wins over `tags`;
- sets → sorted lists of distinct strings; empty strings → None; Terraform's one-item nested
  blocks → the item;
- `UNMANAGED` marks a facet the state does not manage: it equals anything, so `compare` never
  reports it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot.iac.index import DesiredResource
from bot.iac.pulumi import tf_type_for

DEFAULT_POLICY_VERSION = "2008-10-17"  # what AWS assumes when a policy names no Version
_LIST_KEYS = ("Action", "NotAction", "Resource", "NotResource")
_PRINCIPAL_KEYS = ("Principal", "NotPrincipal")
_ACCOUNT_ID = re.compile(r"^\d{12}$")
_PERCENT_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


class _Unmanaged:
    """A facet the state does not manage (e.g. a bucket's tags when only its policy is in the
    state): equal to any value, so it never shows up as a change."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return True

    def __ne__(self, other: object) -> bool:
        return False

    def __hash__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "UNMANAGED"


UNMANAGED: Any = _Unmanaged()


def is_unmanaged(value: object) -> bool:
    return isinstance(value, _Unmanaged)


def managed_or_none(attrs: dict[str, Any]) -> dict[str, Any] | None:
    """`attrs`, or None when the state manages none of its facets (nothing to compare)."""
    return None if all(is_unmanaged(v) for v in attrs.values()) else attrs


def terraform_owners(owners: Iterable[DesiredResource]) -> list[DesiredResource]:
    """The owners whose attributes have Terraform's shape: Terraform's own, and Pulumi's
    (its AWS provider is bridged from Terraform's; the Pulumi parser already turned outputs
    into snake_case), seen under their Terraform type. CloudFormation confirms itself."""
    out = []
    for owner in owners:
        if owner.backend == "terraform":
            out.append(owner)
        elif owner.backend == "pulumi":
            tf_type = tf_type_for(owner.iac_type)
            if tf_type:
                out.append(dataclasses.replace(owner, iac_type=tf_type))
    return out


def attrs_of(owners: Iterable[DesiredResource], *iac_types: str) -> list[Mapping[str, Any]]:
    """The attributes of the Terraform owners of the given types, in state order."""
    return [o.attributes for o in terraform_owners(owners) if o.iac_type in iac_types]


def first_attrs(owners: Iterable[DesiredResource], *iac_types: str) -> Mapping[str, Any] | None:
    found = attrs_of(owners, *iac_types)
    return found[0] if found else None


def text(value: object) -> str | None:
    """A string attribute: None and "" (Terraform's "unset") → None."""
    if value is None or value == "":
        return None
    return str(value)


def flag(value: object, default: bool = False) -> bool:
    """A boolean attribute; None → `default`; "true"/"false" strings accepted."""
    if value is None or value == "":
        return default
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return bool(value)


def number(value: object, default: int | None = None) -> int | None:
    """An integer attribute; None, "" and non-numbers → `default`."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    return default


def string_set(value: object) -> list[str]:
    """A set of strings as a sorted list of distinct, non-empty strings (a lone string is a
    set of one; None is empty)."""
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, Iterable):
        return [str(items)]
    return sorted({str(v) for v in items if v is not None and v != ""})


def string_list(value: object) -> list[str]:
    """An ordered list of strings (order matters: Lambda layers)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    if not isinstance(value, Iterable):
        return [str(value)]
    return [str(v) for v in value if v is not None and v != ""]


def block(value: object) -> Mapping[str, Any] | None:
    """Terraform's nested block with at most one item (`versioning = [{…}]`) → the item."""
    if isinstance(value, Mapping):
        return value
    if isinstance(value, Sequence) and not isinstance(value, str) and value:
        item = value[0]
        return item if isinstance(item, Mapping) else None
    return None


def blocks(value: object) -> list[Mapping[str, Any]]:
    """Terraform's nested block list (or AWS's list of structures) → its mapping items."""
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, Sequence) and not isinstance(value, str):
        return [v for v in value if isinstance(v, Mapping)]
    return []


def name_from_arn(value: object) -> str | None:
    """`arn:aws:iam::1:instance-profile/path/name` → `name`; a plain name stays as it is."""
    name = text(value)
    if name is None:
        return None
    return name.rsplit("/", 1)[-1] if name.startswith("arn:") else name


def tag_map(value: object) -> dict[str, str]:
    """Tags as a map, from a map or a list of `{Key, Value}` (`{TagKey, TagValue}` for KMS,
    `{key, value}` elsewhere). AWS's own `aws:` tags (CloudFormation, Auto Scaling) are left
    out: nobody can set them, and Terraform ignores them too."""
    pairs: list[tuple[object, object]] = []
    if isinstance(value, Mapping):
        pairs = list(value.items())
    else:
        for item in blocks(value):
            key = item.get("Key", item.get("TagKey", item.get("key")))
            pairs.append((key, item.get("Value", item.get("TagValue", item.get("value")))))
    return {
        str(k): "" if v is None else str(v)
        for k, v in pairs
        if isinstance(k, str) and k and not k.lower().startswith("aws:")
    }


def desired_tags(attrs: Mapping[str, Any]) -> dict[str, str]:
    """The tags a Terraform resource should carry: `tags_all` (with the provider's
    `default_tags`) when the state records it, else `tags`."""
    tags_all = attrs.get("tags_all")
    return tag_map(tags_all if tags_all is not None else attrs.get("tags"))


def parse_json(value: object) -> Any:
    """A JSON document given as text (plain or URL-encoded, as IAM returns it) or already
    parsed. None and "" → None; text that is not JSON stays text."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return value
    raw = value.strip()
    if raw.startswith(("%7B", "%7b")):
        raw = percent_decode(raw)
    try:
        return json.loads(raw)
    except ValueError:
        return value


def percent_decode(value: str) -> str:
    """`%7B%22a%22%7D` → `{"a"}`: URL-decoding (UTF-8), as IAM's raw API encodes documents."""
    return _PERCENT_ESCAPES.sub(
        lambda m: bytes.fromhex(m.group(0).replace("%", "")).decode("utf-8", "replace"), value
    )


def normalize_policy(value: object) -> Any:
    """A policy document in canonical form (see the module's docstring); None when there is
    none. A document that is not a JSON object is returned as it is."""
    doc = parse_json(value)
    if not isinstance(doc, Mapping):
        return doc
    out: dict[str, Any] = {str(k): v for k, v in doc.items() if k not in ("Statement", "Version")}
    out["Version"] = doc.get("Version") or DEFAULT_POLICY_VERSION
    statements = doc.get("Statement")
    items = [statements] if isinstance(statements, Mapping) else blocks(statements)
    out["Statement"] = sorted((_statement(s) for s in items), key=canonical_json)
    return out


def canonical_json(value: object) -> str:
    return json.dumps(value, sort_keys=True, default=str, separators=(",", ":"))


def _statement(statement: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in statement.items():
        if key == "Sid" and not value:
            continue
        if key in _LIST_KEYS:
            out[key] = string_set(value)
        elif key in _PRINCIPAL_KEYS:
            out[key] = _principal(value)
        elif key == "Condition" and isinstance(value, Mapping):
            out[key] = {
                str(op): {str(k): _condition_values(v) for k, v in tests.items()}
                if isinstance(tests, Mapping)
                else tests
                for op, tests in value.items()
            }
        else:
            out[str(key)] = value
    return out


def _principal(value: object) -> Any:
    if value == "*":
        return {"AWS": ["*"]}
    if not isinstance(value, Mapping):
        return value
    return {
        str(kind): string_set(
            f"arn:aws:iam::{p}:root" if kind == "AWS" and _ACCOUNT_ID.match(p) else p
            for p in string_set(ids)
        )
        for kind, ids in value.items()
    }


def _condition_values(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return sorted({_condition_value(v) for v in items})


def _condition_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
