"""Terraform states for the IaC tests: copied real ones (tests/data/tfstate) and small inline
ones in the format-4 layout Terraform writes (`terraform state pull`), their ids made up in AWS's
formats for account 111122223333."""

from __future__ import annotations

import json
from typing import Any

from bot.iac.index import DesiredResource, ParsedState
from bot.iac.terraform import parse_state
from tests.fixtures import DATA

TFSTATE = DATA / "tfstate"
AWS = 'provider["registry.terraform.io/hashicorp/aws"]'
SG, ROLE, USER, GROUP = (
    "AWS::EC2::SecurityGroup",
    "AWS::IAM::Role",
    "AWS::IAM::User",
    "AWS::IAM::Group",
)
DB, KEY = "AWS::RDS::DBInstance", "AWS::KMS::Key"


def real(name: str) -> ParsedState:
    """A copied real state, by its path under tests/data/tfstate."""
    return parse_state((TFSTATE / name).read_bytes(), name)


def block(
    tf_type: str,
    name: str,
    *instances: dict[str, Any],
    module: str | None = None,
    mode: str = "managed",
    provider: str = AWS,
) -> dict[str, Any]:
    out: dict[str, Any] = {"mode": mode, "type": tf_type, "name": name, "provider": provider}
    if module:
        out["module"] = module
    out["instances"] = list(instances)
    return out


def instance(index_key: object = None, **attributes: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"schema_version": 0, "attributes": attributes}
    if index_key is not None:
        out["index_key"] = index_key
    return out


def inline(
    *blocks: dict[str, Any], version: int = 4, source: str = "inline.tfstate"
) -> ParsedState:
    doc = {"version": version, "terraform_version": "1.9.8", "serial": 3, "lineage": "x"}
    doc["resources"] = list(blocks)
    return parse_state(json.dumps(doc).encode(), source)


def addresses(parsed: ParsedState) -> list[str]:
    return [r.address for r in parsed.resources]


def by_address(parsed: ParsedState, address: str) -> DesiredResource:
    (found,) = [r for r in parsed.resources if r.address == address]
    return found
