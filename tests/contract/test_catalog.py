"""The catalog's tables agree with each other and each fact has one home: one module per AWS
service in bot/catalog/services/, every module listed, every cross-reference to a known type.

Rules and Terraform types are checked against RESOURCE_TYPES in test_trail_rules.py and
test_terraform_types.py; this file checks the rest of what service modules declare."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from bot.catalog.arns import ARN_KINDS, EC2_ID_PREFIXES
from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.rules import TRAIL_RULES
from bot.catalog.service import Service
from bot.catalog.services import SERVICES

SERVICES_DIR = Path(__file__).resolve().parents[2] / "bot" / "catalog" / "services"
TYPE_NAME = re.compile(r"^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$")


def _name(module: object) -> str:
    return getattr(module, "__name__", "").rsplit(".", 1)[-1]


def test_every_service_module_is_listed() -> None:
    """A module in services/ that `listed.py` does not import would add nothing to the
    catalog; each ends with `SERVICE = Service(…)`."""
    files = {p.stem for p in SERVICES_DIR.glob("*.py") if p.stem not in ("__init__", "listed")}

    assert sorted(_name(m) for m in SERVICES) == sorted(files)
    assert all(isinstance(m.SERVICE, Service) for m in SERVICES)


@pytest.mark.parametrize("name", RESOURCE_TYPES.keys())
def test_type_names_have_the_cloudformation_form(name: str) -> None:
    assert TYPE_NAME.match(name)
    assert RESOURCE_TYPES.get(name).name == name


def test_arn_kinds_name_known_types() -> None:
    unknown = [(key, name) for key, name in ARN_KINDS if name not in RESOURCE_TYPES]

    assert unknown == []


def test_ec2_id_prefixes_name_known_ec2_types() -> None:
    """Prefixes end with the dash that ends them in ids (`sg-`), which the longest-prefix
    lookup relies on, and name EC2 types."""
    wrong = [
        (prefix, name)
        for prefix, name in EC2_ID_PREFIXES
        if not prefix.endswith("-")
        or not name.startswith("AWS::EC2::")
        or name not in RESOURCE_TYPES
    ]

    assert wrong == []


def test_rules_name_full_service_hosts() -> None:
    """eventSource is the service's host (`ec2.amazonaws.com`), as CloudTrail writes it."""
    wrong = [key for key, rule in TRAIL_RULES if not rule.source.endswith(".amazonaws.com")]

    assert wrong == []


def test_each_call_is_declared_by_one_service() -> None:
    """All targets of a call are listed in one module, so one file tells what the call does."""
    modules: dict[str, set[str]] = defaultdict(set)
    for module in SERVICES:
        for line in module.SERVICE.rules:
            for name in line.names:
                modules[f"{line.source}:{name}"].add(_name(module))

    assert {key: sorted(found) for key, found in modules.items() if len(found) > 1} == {}
