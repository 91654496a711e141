"""What a summariser returns, and the helpers every one uses to read CloudTrail's request
parameters (lists wrapped in `{"items": [...]}`, policies as JSON or URL-encoded JSON). Pure."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from bot.messages.slack import changes as say


@dataclass(frozen=True)
class Said:
    """A change in words: `what` for the headline (`opened tcp/22 to 0.0.0.0/0`), `lines` for
    the card's diff (`+ ingress tcp 22 from 0.0.0.0/0`). Plain text; the card escapes it."""

    what: str
    lines: tuple[str, ...] = ()


Summariser = Callable[[Mapping[str, Any]], Said | None]


def items(value: Any) -> list[Any]:
    """CloudTrail's lists: `{"items": [...]}`, a plain list, or one value."""
    if isinstance(value, Mapping):
        inner = value.get("items")
        if isinstance(inner, list):
            return inner
        return [value]
    if isinstance(value, list):
        return value
    return [] if value is None else [value]


def text(value: Any) -> str:
    """A value as text: strings as they are, `{"value": x}` wrappers unwrapped, others JSON."""
    if isinstance(value, Mapping) and set(value) == {"value"}:
        value = value["value"]
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"), default=str, sort_keys=True)


def document(value: Any) -> Mapping[str, Any] | None:
    """A policy document: a dict, JSON text, or URL-encoded JSON text (IAM's)."""
    if isinstance(value, Mapping):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    for candidate in (value, unquote(value)):
        try:
            parsed = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(parsed, Mapping):
            return parsed
    return None


def statements(doc: Mapping[str, Any] | None) -> list[Mapping[str, Any]]:
    if doc is None:
        return []
    found = doc.get("Statement")
    if isinstance(found, Mapping):
        return [found]
    return [s for s in found or [] if isinstance(s, Mapping)]


def principals(statement: Mapping[str, Any]) -> list[str]:
    """A statement's principals as written: `*`, account or role ARNs, service names."""
    principal = statement.get("Principal")
    if isinstance(principal, str):
        return [principal]
    out: list[str] = []
    if isinstance(principal, Mapping):
        for value in principal.values():
            out.extend(str(v) for v in (value if isinstance(value, list) else [value]))
    return out


def listed(values: Any) -> str:
    """`a, b and 2 more`."""
    shown = [text(v) for v in (values if isinstance(values, list) else [values]) if v is not None]
    if len(shown) <= 3:
        return ", ".join(shown)
    return f"{', '.join(shown[:3])} {say.and_more(len(shown) - 3)}"


def is_everyone(principal: str) -> bool:
    return principal in ("*", "arn:aws:iam::*:root")


def name_of(arn: str) -> str:
    """The last part of an ARN or path (`arn:aws:iam::aws:policy/AdministratorAccess` →
    `AdministratorAccess`)."""
    return arn.rsplit("/", 1)[-1].rsplit(":", 1)[-1] if arn else arn
