"""Terraform state (format version 4) -> desired resources. Pure: takes bytes, returns values."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import orjson

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.terraform_types import STATE_ACCOUNT, TF_TYPES, TfType
from bot.errors import StateUnavailable
from bot.iac.index import UNKNOWN_ACCOUNT, DesiredResource, ParsedState
from bot.messages import state as say

SUPPORTED_VERSION = 4

_ACCOUNT_ID = re.compile(r"^\d{12}$")
_ACCOUNT_ATTRS = ("account_id", "owner_id")
# provider.aws, provider.aws.west, module.x.provider.aws (Terraform 0.12 and states it wrote)
_LEGACY_AWS_PROVIDER = re.compile(r"(?:^|\.)provider\.aws(?:\.[^.]+)?$")


def parse_state(data: bytes, source: str) -> ParsedState:
    """Parse a Terraform state file.

    Args:
        data: the file's bytes.
        source: its path or URL, used in messages and recorded on each resource.

    Raises:
        StateUnavailable: not JSON, not a state, or a format version other than 4.
    """
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise StateUnavailable(*say.state_not_json(source, str(exc))) from exc
    if not isinstance(doc, dict) or "version" not in doc:
        raise StateUnavailable(*say.state_not_terraform(source))
    if doc.get("version") != SUPPORTED_VERSION:
        raise StateUnavailable(*say.state_version(source, doc.get("version")))
    resources = doc.get("resources")
    if resources is not None and not isinstance(resources, list):
        raise StateUnavailable(*say.state_not_terraform(source))
    blocks = [b for b in resources or [] if isinstance(b, dict)]
    parsed = ParsedState(source)
    accounts = _accounts_by_provider(blocks)
    for block in blocks:
        _parse_block(block, parsed, accounts)
    return parsed


def _parse_block(
    block: Mapping[str, Any], parsed: ParsedState, accounts: Mapping[str, str]
) -> None:
    mode, tf_type, name = block.get("mode"), block.get("type"), block.get("name")
    if not isinstance(tf_type, str) or not isinstance(name, str):
        return
    if mode == "data":
        parsed.data_sources += 1
        return
    if mode != "managed" or not _is_aws(block):
        return
    spec = TF_TYPES.find(tf_type)
    if spec is None:
        parsed.unknown_types[tf_type] += 1
        return
    base = f"{block['module']}.{tf_type}.{name}" if block.get("module") else f"{tf_type}.{name}"
    account = accounts.get(_provider_key(block)) or accounts.get("")
    for instance in _instances(block):
        if instance.get("deposed"):
            continue
        attrs = instance.get("attributes")
        if not isinstance(attrs, dict):
            attrs = _unflatten(instance.get("attributes_flat"))
        address = base + _index_suffix(instance.get("index_key"))
        resource = desired_resource(spec, address, parsed.source, attrs, account)
        if resource is not None:
            parsed.resources.append(resource)
            if spec.alias_for is not None:
                record_alias(spec, attrs, resource.resource_id, parsed)


def _instances(block: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    instances = block.get("instances")
    if not isinstance(instances, list):
        return []
    return [i for i in instances if isinstance(i, dict)]


def desired_resource(
    spec: TfType,
    address: str,
    source: str,
    attrs: Mapping[str, Any],
    account: str | None = None,
) -> DesiredResource | None:
    owns: list[tuple[str, str]] = []
    for rtype, names in ((spec.resource_type, spec.identifiers), *_also(spec)):
        for rid in _ids(rtype, names, attrs, account):
            if (rtype, rid) not in owns:
                owns.append((rtype, rid))
    if not owns:
        return None
    resource_type, resource_id = owns[0]
    return DesiredResource(
        address=address,
        backend="terraform",
        source=source,
        iac_type=spec.tf_type,
        resource_type=resource_type,
        resource_id=resource_id,
        owns=tuple(owns),
        attributes=attrs,
    )


def _also(spec: TfType) -> list[tuple[str, tuple[str, ...]]]:
    return [(rtype, (attr,)) for rtype, attr in spec.also]


def _ids(
    rtype: str, names: Iterable[str], attrs: Mapping[str, Any], account: str | None
) -> list[str]:
    """The normalised ids the attributes `names` hold for a resource of type `rtype`."""
    kind = RESOURCE_TYPES.get(rtype)
    ids: list[str] = []
    for attr in names:
        values = [account] if attr == STATE_ACCOUNT and account else _values(attrs.get(attr))
        for value in values:
            rid = kind.normalize_id(value)
            if kind.id_form == "account" and not _ACCOUNT_ID.match(rid):
                continue  # `id` of an account setting is often a made-up word
            if rid and rid not in ids:
                ids.append(rid)
    if not ids and kind.id_form == "account" and STATE_ACCOUNT in names:
        ids.append(UNKNOWN_ACCOUNT)
    return ids


def record_alias(spec: TfType, attrs: Mapping[str, Any], alias: str, parsed: ParsedState) -> None:
    """Let the alias's name and its ARN (CloudTrail logs either) stand for the target's id."""
    assert spec.alias_for is not None  # noqa: S101  (checked by the caller)
    target_type, target_attr = spec.alias_for
    names = [alias, *(v for v in _values(attrs.get("arn")) if v != alias)]
    for value in _values(attrs.get(target_attr)):
        target = RESOURCE_TYPES.get(target_type).normalize_id(value)
        for name in names:
            parsed.aliases.append((target_type, name, target))


def _values(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v]
    return []


def _is_aws(block: Mapping[str, Any]) -> bool:
    """Resources of the AWS provider: `provider["registry.terraform.io/hashicorp/aws"]`,
    an alias of it (`…].west`), one configured in a module (`module.x.provider[…]`), or the
    legacy `provider.aws` / `provider.aws.west` / `module.x.provider.aws` forms."""
    provider = block.get("provider")
    if not isinstance(provider, str):
        return str(block.get("type", "")).startswith("aws_")
    return '/aws"]' in provider or _LEGACY_AWS_PROVIDER.search(provider) is not None


def _provider_key(block: Mapping[str, Any]) -> str:
    provider = block.get("provider")
    return provider if isinstance(provider, str) else ""


def _accounts_by_provider(blocks: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The AWS account each provider configuration of the state works in (key "" for the state
    as a whole): the most common account among the ARNs and account ids its resources and data
    sources (`aws_caller_identity`) record. Account-wide settings keep no account id of their own.
    """
    seen: dict[str, Counter[str]] = {}
    for block in blocks:
        for instance in _instances(block):
            attrs = instance.get("attributes")
            if not isinstance(attrs, dict):
                continue
            for account in accounts_in(attrs):
                seen.setdefault(_provider_key(block), Counter())[account] += 1
                seen.setdefault("", Counter())[account] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in seen.items()}


def accounts_in(attrs: Mapping[str, Any]) -> list[str]:
    found = []
    for key, value in attrs.items():
        if not isinstance(value, str):
            continue
        if key in _ACCOUNT_ATTRS and _ACCOUNT_ID.match(value):
            found.append(value)
        elif value.startswith("arn:"):
            parts = value.split(":", 5)
            if len(parts) == 6 and _ACCOUNT_ID.match(parts[4]):
                found.append(parts[4])
    return found


def _index_suffix(key: object) -> str:
    """`[1]` for count, `["logs"]` for for_each: the address Terraform itself prints."""
    if key is None:
        return ""
    if isinstance(key, bool):
        return ""
    if isinstance(key, int):
        return f"[{key}]"
    return f"[{json.dumps(str(key), ensure_ascii=False)}]"


def _unflatten(flat: object) -> dict[str, Any]:
    """attributes_flat (states upgraded from format 3) keeps top-level scalars under their own
    names and lists/sets of strings as `roles.# = "2"`, `roles.0`/`roles.<hash>` = each item."""
    if not isinstance(flat, dict):
        return {}
    out: dict[str, Any] = {k: v for k, v in flat.items() if isinstance(k, str) and "." not in k}
    for key in flat:
        if isinstance(key, str) and key.endswith(".#") and key.count(".") == 1:
            name = key[:-2]
            out[name] = [
                v
                for k, v in flat.items()
                if isinstance(k, str)
                and k.startswith(name + ".")
                and k.count(".") == 1
                and k != key
                and isinstance(v, str)
            ]
    return out
