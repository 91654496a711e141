"""The attribute diff a live read found (IaC → live), in words a person reads: a rule added to
a security group is `+ ingress tcp 22 from 0.0.0.0/0`, an item removed from a list `- …`, a
policy document that now lets someone in `policy: Principal "*" now allowed s3:GetObject`, a
value changed `~ path: before → after`. The JSON form goes to the card's thread. Pure."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.drift.findings import WHOLE_RESOURCE, AttributeChange
from bot.messages.slack import changes as say
from bot.slack.summaries.base import document
from bot.slack.summaries.s3 import policy_lines

_RULE = re.compile(
    r'^(?P<dir>ingress|egress)\["(?P<proto>[a-z0-9-]+)(?: (?P<ports>[0-9-]+))?"\]'
    r"\.(?P<field>cidr_blocks|ipv6_cidr_blocks|security_groups|prefix_list_ids|self)$"
)
_QUOTED = re.compile(r'\["((?:[^"\\]|\\.)*)"\]')
VALUE = 200  # characters of a value shown in a line


def _value(value: Any) -> str:
    shown = value if isinstance(value, str) else json.dumps(value, default=str, sort_keys=True)
    return shown if len(shown) <= VALUE else shown[: VALUE - 1] + "…"


def _path(path: str) -> str:
    """`tags["team"]` → `tags team`, `a.b` stays."""
    return _QUOTED.sub(lambda m: " " + m.group(1), path)


def _ports(ports: str | None) -> str:
    if not ports:
        return ""
    low, _, high = ports.partition("-")
    return low if low == high or not high else ports


def _as_list(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    return None


def change_lines(change: AttributeChange, kind: str) -> list[str]:
    """One attribute change as one or more lines."""
    if change.path == WHOLE_RESOURCE:
        return [say.diff_gone() if kind == "deleted" else say.diff_exists()]
    expected, actual = change.expected, change.actual
    rule = _RULE.match(change.path)
    before, after = _as_list(expected), _as_list(actual)
    if rule is not None and (before is not None or after is not None or expected is None):
        old = before or ([] if expected is None else [expected])
        new = after or ([] if actual is None else [actual])
        direction, protocol = rule["dir"], rule["proto"]
        ports = _ports(rule["ports"])
        lines = [
            say.rule_line(True, direction, protocol, ports, _value(v)) for v in new if v not in old
        ]
        lines += [
            say.rule_line(False, direction, protocol, ports, _value(v)) for v in old if v not in new
        ]
        return lines
    if change.path.rsplit(".", 1)[-1].endswith("policy") and document(actual) is not None:
        added, _ = policy_lines(document(actual))
        removed, _ = policy_lines(document(expected))
        new_lines = [line for line in added if line not in removed]
        if new_lines:
            return new_lines
    path = _path(change.path)
    if before is not None and after is not None:
        lines = [say.diff_added(path, _value(v)) for v in after if v not in before]
        lines += [say.diff_removed(path, _value(v)) for v in before if v not in after]
        return lines or [say.diff_changed(path, _value(expected), _value(actual))]
    if expected is None:
        return [say.diff_added(path, _value(actual))]
    if actual is None:
        return [say.diff_removed(path, _value(expected))]
    return [say.diff_changed(path, _value(expected), _value(actual))]


def diff_lines(changes: list[AttributeChange], kind: str) -> list[str]:
    """Every change, in words, in order."""
    return [line for c in changes for line in change_lines(c, kind)]
