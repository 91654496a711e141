"""The CloudTrail rule catalog, tested as data: every rule has a recorded or documented
fixture from which it extracts the expected ids, and every fixture matches its rule."""

from __future__ import annotations

from collections import defaultdict

import jmespath
import jmespath.exceptions
import pytest

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.rules import BY_ARN, BY_EC2_ID, TRAIL_RULES, find_rule, resolve
from tests.fixtures import TrailFixture, trail_fixtures

FIXTURES = trail_fixtures()


def _refs(record):
    return sorted((r.resource_type, r.resource_id, r.change) for r in (resolve(record) or []))


def _names(record):
    rule = find_rule(record["eventSource"], record["eventName"])
    found = rule.names(record, rule.resolve(record)) if rule else []
    return sorted((n.resource_type, n.name, n.change) for n in found)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.id for f in FIXTURES])
def test_fixture_resolves_to_expected_resources(fixture: TrailFixture):
    """Each fixture's record yields exactly the resources its `expect` lists, and the names
    (of calls that name a resource only by name) its `expect_names` lists."""
    expected = sorted((e["resource_type"], e["resource_id"], e["change"]) for e in fixture.expect)
    names = sorted((e["resource_type"], e["name"], e["change"]) for e in fixture.expect_names)

    assert fixture.expect or fixture.expect_names, "a fixture must expect a resource"
    assert _refs(fixture.record) == expected
    assert _names(fixture.record) == names


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.id for f in FIXTURES])
def test_fixture_is_filed_under_its_event(fixture: TrailFixture):
    """The file name says which call it is, so coverage can be read off the tree."""
    source = fixture.record["eventSource"]
    name = fixture.path.name.split(".")[0]

    assert fixture.path.parent.name == source
    assert fixture.record["eventName"].startswith(name)
    assert fixture.source
    assert fixture.license


def test_every_rule_and_target_has_a_fixture():
    """Every (eventSource, eventName) rule, and each of its targets, yields an id from a fixture."""
    by_rule: dict[str, list[TrailFixture]] = defaultdict(list)
    for fixture in FIXTURES:
        rule = find_rule(fixture.record["eventSource"], fixture.record["eventName"])
        if rule is not None:
            by_rule[rule.key].append(fixture)
    missing = []
    for key, rule in TRAIL_RULES:
        for i, target in enumerate(rule.targets):
            found = target.names if target.by_name else target.extract
            if not any(found(f.record) for f in by_rule.get(key, [])):
                missing.append(f"{key} target {i} ({target.resource_type} at {target.ids})")

    assert missing == []


def test_every_rule_names_known_resource_types():
    """Rule targets name canonical types that RESOURCE_TYPES knows."""
    unknown = [
        (key, t.resource_type)
        for key, rule in TRAIL_RULES
        for t in rule.targets
        if t.resource_type not in (BY_EC2_ID, BY_ARN) and t.resource_type not in RESOURCE_TYPES
    ]

    assert unknown == []


def test_every_rule_path_compiles():
    """Rules compile their JMESPath paths on first use, not at import (start-up): every `ids`,
    `name` and `scope` path of every target is valid JMESPath here instead."""
    bad = []
    for key, rule in TRAIL_RULES:
        for target in rule.targets:
            for path in (target.ids, target.name, target.scope):
                if path is None:
                    continue
                try:
                    jmespath.compile(path)
                except jmespath.exceptions.JMESPathError as exc:
                    bad.append(f"{key}: {path!r}: {exc}")

    assert bad == []


def test_catalog_covers_at_least_200_calls():
    """The issue's floor: 200 resource-changing (eventSource, eventName) pairs."""
    assert len(TRAIL_RULES) >= 200
