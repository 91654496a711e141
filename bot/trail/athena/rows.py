"""The `athena` source's result rows turned back into the CloudTrail records the Detector
reads. Pure; no I/O."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from bot.trail.athena.table import IDENTITY_LEAVES, JSON_COLUMNS, RECORD_STRINGS, identity_alias

_BY_ALIAS: dict[str, tuple[str, ...]] = {identity_alias(leaf): leaf for leaf in IDENTITY_LEAVES}
_TOP_KEYS: dict[str, str] = {name.lower(): name for name in RECORD_STRINGS}


def _json_value(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return text


def _resources(text: str) -> Any:
    items = _json_value(text)
    if not isinstance(items, list):
        return items
    out = []
    for item in items:
        if isinstance(item, dict):
            names = {"arn": "ARN", "accountid": "accountId", "type": "type"}
            out.append({names.get(k.lower(), k): v for k, v in item.items() if v is not None})
    return out


def row_to_record(columns: Sequence[str], row: Sequence[Any]) -> dict[str, Any]:
    """One result row (of `build_query`'s columns, values as strings or None) as the
    CloudTrail record the Detector reads: JSON documents parsed, `readOnly` a boolean,
    `userIdentity` (with `sessionContext.sessionIssuer`, `invokedBy`) rebuilt."""
    record: dict[str, Any] = {}
    identity: dict[str, Any] = {}
    for column, value in zip(columns, row, strict=True):
        if value is None:
            continue
        name = column.lower()
        leaf = _BY_ALIAS.get(name)
        if leaf is not None:
            node = identity
            for part in leaf[:-1]:
                node = node.setdefault(part, {})
            node[leaf[-1]] = value
            continue
        if name == "resources":
            record["resources"] = _resources(str(value))
            continue
        key = _TOP_KEYS.get(name, column)
        if key in JSON_COLUMNS and isinstance(value, str):
            record[key] = _json_value(value)
        elif key == "readOnly" and isinstance(value, str) and value.lower() in ("true", "false"):
            record[key] = value.lower() == "true"
        else:
            record[key] = value
    if identity:
        record["userIdentity"] = identity
    return record
