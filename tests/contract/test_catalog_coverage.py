"""How much of AWS the catalog covers: every Terraform type reachable, and each in-scope
service's mutating operations either a rule or a reasoned operational call.

`python -m tests.tools.catalog_coverage` prints what is left per service (the share covered is
in the README's "The catalogs")."""

from __future__ import annotations

from collections import defaultdict

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.rules import TRAIL_RULES
from bot.catalog.services import SERVICES
from bot.catalog.terraform_types import TF_TYPES
from tests.botocore_models import operations
from tests.tools.catalog_coverage import coverage

RULES_FLOOR = 1500
SERVICES_FLOOR = 110


def _changes_by_type() -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for _, rule in TRAIL_RULES:
        for target in rule.targets:
            found[target.resource_type].add(target.change)
    return found


def _unreachable() -> dict[str, str]:
    return {t: why for m in SERVICES for t, why in m.SERVICE.unreachable.items()}


def test_every_terraform_type_is_reachable():
    """A Terraform type's resource type is created and deleted by some rule (so deleting the
    managed resource by hand, or making one by hand, is seen), or the catalog says why no
    CloudTrail event does so."""
    changes = _changes_by_type()
    reasons = _unreachable()
    missing = []
    for _, spec in TF_TYPES:
        found = changes.get(spec.resource_type, set())
        if {"create", "delete"} <= found:
            continue
        if spec.resource_type in reasons:
            continue
        missing.append(f"{spec.tf_type} ({spec.resource_type}: {sorted(found)})")

    assert missing == []


def test_unreachable_reasons_name_known_types_that_need_one():
    changes = _changes_by_type()
    for rtype, why in _unreachable().items():
        assert rtype in RESOURCE_TYPES, rtype
        assert why.strip(), rtype
        assert not {"create", "delete"} <= changes.get(rtype, set()), f"{rtype} needs no reason"


def test_the_catalog_is_as_large_as_the_issue_asks():
    sources = {rule.source for _, rule in TRAIL_RULES}

    assert len(TRAIL_RULES) >= RULES_FLOOR
    assert len(sources) >= SERVICES_FLOOR


def test_mutating_operations_are_rules_or_reasoned_operational_calls(capsys):
    """Prints the share of the in-scope models' mutating operations that are a rule or a
    reasoned operational call; `python -m tests.tools.catalog_coverage` lists what is left."""
    covered, total, left = coverage()
    with capsys.disabled():
        print(
            f"\ncatalog: {covered} of {total} mutating operations covered "
            f"({covered / total:.1%}); {sum(map(len, left.values()))} left in {len(left)} models"
        )

    assert total > 0
    assert covered / total >= COVERED_FLOOR


# The share today (README, "The catalogs"); raise it as the catalog grows, never lower it.
COVERED_FLOOR = 0.90


def _ops_not_in_models() -> list[str]:
    wrong = []
    for module in SERVICES:
        service = module.SERVICE
        if not service.models:
            continue  # CloudShell: no model; its names come from its user guide
        for line in service.operational:
            for name in line.names:
                if not operations(service, line.source, name) and name not in (
                    service.not_in_models
                ):
                    wrong.append(f"{line.source}:{name}")
    return wrong


def test_operational_calls_are_operations_of_their_models():
    """A reasoned operational call is an operation of its service's API models (so a typo
    cannot leave the real call unknown)."""
    assert _ops_not_in_models() == []
