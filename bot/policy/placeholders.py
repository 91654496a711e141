"""Placeholders in runbook values (`{env}`, `{finding_id}`, `{addresses}`…): which exist, how a
value is checked when the runbook is read, and how it is filled in for a finding. Pure.

A value is text with `{name}` fields, as in Python's `str.format` (`{{` and `}}` are literal
braces). Only the names of PLACEHOLDERS may appear, without format specs or conversions; an
unknown name is a runbook validation error that names the file, the key and the closest name.

    {env}           the environment's name
    {finding_id}    the finding's id (`f-3a9c…`)
    {resource_type} the canonical type (`AWS::EC2::SecurityGroup`)
    {resource_id}   the resource's physical id
    {account_id}    the AWS account
    {region}        the region
    {addresses}     the finding's IaC addresses, joined by spaces
    {target_flags}  the same as `-target=ADDRESS` flags, joined by spaces
    {requested_by}  the Slack user id of who asked for the reapply
    {approved_by}   the Slack user ids of who approved it, joined by commas
    {card_url}      the link to the finding's card in Slack (empty when it has none)
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.messages import runbook as say

PLACEHOLDERS: tuple[str, ...] = (
    "env",
    "finding_id",
    "resource_type",
    "resource_id",
    "account_id",
    "region",
    "addresses",
    "target_flags",
    "requested_by",
    "approved_by",
    "card_url",
)
_FORMATTER = string.Formatter()


def fields_of(template: str) -> list[str]:
    """The placeholder names `template` uses, in order. Raises ValueError (a runbook problem:
    unknown name, format spec, unbalanced brace)."""
    try:
        parsed = list(_FORMATTER.parse(template))
    except ValueError as exc:
        raise ValueError(say.bad_template(template, str(exc))) from exc
    names = []
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            close = difflib.get_close_matches(name, PLACEHOLDERS, n=1)
            raise ValueError(say.unknown_placeholder(name, close[0] if close else None))
        if spec or conversion:
            raise ValueError(say.placeholder_with_format(name))
        names.append(name)
    return names


def check_templates(values: Iterable[str]) -> None:
    """Check every value (ValueError on the first bad one)."""
    for value in values:
        fields_of(value)


@dataclass(frozen=True)
class PlaceholderValues:
    """What the placeholders stand for, for one finding and one reapply request."""

    env: str
    finding_id: str
    resource_type: str
    resource_id: str
    account_id: str
    region: str
    addresses: Sequence[str]
    requested_by: str = ""
    approved_by: Sequence[str] = ()
    card_url: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "env": self.env,
            "finding_id": self.finding_id,
            "resource_type": self.resource_type,
            "resource_id": self.resource_id,
            "account_id": self.account_id,
            "region": self.region,
            "addresses": " ".join(self.addresses),
            "target_flags": " ".join(f"-target={a}" for a in self.addresses),
            "requested_by": self.requested_by,
            "approved_by": ",".join(self.approved_by),
            "card_url": self.card_url,
        }


def render(template: str, values: PlaceholderValues) -> str:
    """`template` with its placeholders filled in (checked when the runbook was read)."""
    return template.format_map(values.as_dict())


def render_map(templates: Mapping[str, str], values: PlaceholderValues) -> dict[str, str]:
    """Each value of `templates` filled in, keys as they are."""
    return {key: render(value, values) for key, value in templates.items()}
