"""Ignore rules: reasoned, optionally expiring exceptions to drift. Pure; `now` is an argument.

A rule names what it ignores by any of resource type, id and IaC address (glob patterns, all
given must match) and, optionally, an attribute path: without `attribute` the whole finding is
ignored; with it, only the changes at matching paths (`tags.*`, `ingress["tcp 22-22"]*`). Every
rule carries a reason, and may carry `until`, after which it no longer applies. They live in
drift.yml per environment (`ignore:`) and in runbooks (`ignore:`).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from pydantic import Field, model_validator

from bot.config.model import StrictModel
from bot.messages import config as say


class IgnoreRule(StrictModel):
    """One exception, e.g. `{resource_type: AWS::EC2::SecurityGroup, id: sg-0legacy*,
    attribute: "tags.*", until: 2026-12-31, reason: "legacy VPC, removed in Q1"}`."""

    resource_type: str | None = None
    id: str | None = None
    address: str | None = None
    attribute: str | None = None
    until: date | datetime | None = None
    reason: str = Field(min_length=3)

    @model_validator(mode="after")
    def _names_something(self) -> IgnoreRule:
        if not (self.resource_type or self.id or self.address or self.attribute):
            raise ValueError(say.expected_ignore_selector())
        return self

    def is_active(self, now: datetime) -> bool:
        """False once `until` has passed (a date means the end of that day, UTC)."""
        if self.until is None:
            return True
        if isinstance(self.until, datetime):
            until = self.until if self.until.tzinfo else self.until.replace(tzinfo=UTC)
            return now <= until
        return now.date() <= self.until

    def matches_resource(self, resource_type: str, resource_id: str, addresses: list[str]) -> bool:
        """Whether the rule's resource selectors (all given) match this resource."""
        if self.resource_type and not glob_match(resource_type, self.resource_type):
            return False
        if self.id and not glob_match(resource_id, self.id):
            return False
        return not (self.address and not any(glob_match(a, self.address) for a in addresses))

    def matches_path(self, path: str) -> bool:
        """Whether an attribute path falls under this rule's `attribute` pattern."""
        return self.attribute is None or path_matches(path, self.attribute)

    def describe(self) -> str:
        selectors = {
            "resource_type": self.resource_type,
            "id": self.id,
            "address": self.address,
            "attribute": self.attribute,
        }
        given = [(key, glob) for key, glob in selectors.items() if glob]
        return say.ignore_rule(given, self.until, self.reason)


def _glob(pattern: str, *, subpaths: bool) -> re.Pattern[str]:
    body = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.compile(body + (r"(?:[.\[].*)?" if subpaths else ""), re.DOTALL)


def glob_match(value: str, pattern: str) -> bool:
    """`*` any run of characters, `?` one, everything else literal (brackets and quotes
    too, so `aws_s3_bucket.buckets["logs"]` matches itself)."""
    return _glob(pattern, subpaths=False).fullmatch(value) is not None


def path_matches(path: str, pattern: str) -> bool:
    """Whether an attribute path falls under a glob; a glob also covers the paths under the
    one it names (`ingress` covers `ingress["tcp 22-22"].cidr_blocks`)."""
    return _glob(pattern, subpaths=True).fullmatch(path) is not None
