"""Runbooks: which runbook a finding falls under, and its policies (ignores, confirm)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.config.ignores import IgnoreRule, path_matches
from bot.policy.match import apply_policies, match_runbook
from tests.unit.policy.runbooks import (
    BUCKET,
    NOW,
    SG,
    by_name,
    finding,
    runbook,
)


def test_more_when_keys_beat_fewer():
    """A runbook for the type and the event wins over one for the type alone."""
    broad = runbook("broad", when={"resource_types": [SG]})
    narrow = runbook(
        "narrow", when={"resource_types": [SG, BUCKET], "events": ["AuthorizeSecurityGroupIngress"]}
    )

    assert match_runbook(finding(), "prod", by_name(broad, narrow)) == narrow


def test_fewer_values_beat_more_for_equal_keys():
    """With as many keys given, the runbook listing fewer values is more specific."""
    one = runbook("zz-one", when={"resource_types": [SG]})
    two = runbook("aa-two", when={"resource_types": [SG, BUCKET]})

    assert match_runbook(finding(), "prod", by_name(one, two)) == one


def test_name_breaks_ties():
    """Equally specific runbooks are chosen by name, so the choice is stable."""
    b = runbook("b", when={"resource_types": [SG]})
    a = runbook("a", when={"resource_types": [SG]})

    assert match_runbook(finding(), "prod", by_name(b, a)) == a


def test_catch_all_applies_when_nothing_else_matches():
    """A finding no specific runbook covers gets the catch-all."""
    rbs = by_name(runbook("sg", when={"resource_types": [SG]}), runbook("catch-all"))

    assert (
        match_runbook(finding(BUCKET, "logs", "PutBucketPolicy"), "prod", rbs) == (rbs["catch-all"])
    )


def test_no_runbook_matches():
    """Without a catch-all a finding may match nothing."""
    rbs = by_name(runbook("sg", when={"resource_types": [SG]}))

    assert match_runbook(finding(BUCKET, "logs", "PutBucketPolicy"), "prod", rbs) is None


def test_every_when_key_must_match():
    """A runbook for the right type but another event does not apply."""
    rb = runbook("sg", when={"resource_types": [SG], "events": ["RevokeSecurityGroupIngress"]})

    assert match_runbook(finding(), "prod", by_name(rb)) is None


def test_any_event_of_the_finding_matches():
    """One matching event among several is enough."""
    rb = runbook("sg", when={"events": ["AuthorizeSecurityGroupIngress"]})
    f = finding(SG, "sg-1", "CreateTags", "AuthorizeSecurityGroupIngress")

    assert match_runbook(f, "prod", by_name(rb)) == rb


@pytest.mark.parametrize(("env", "matches"), [("staging-eu", True), ("prod", False)])
def test_environments_take_globs(env, matches):
    """`environments` holds names or globs."""
    rb = runbook("staging", when={"environments": ["staging-*"]})

    assert (match_runbook(finding(), env, by_name(rb)) == rb) is matches


def test_kinds_select_the_kind_of_drift():
    """`kinds: [deleted]` leaves modified findings alone."""
    rb = runbook("gone", when={"kinds": ["deleted"]})

    assert match_runbook(finding(kind="modified"), "prod", by_name(rb)) is None
    assert match_runbook(finding(kind="deleted"), "prod", by_name(rb)) == rb


def test_versioned_lambda_event_matches_its_base_name():
    """`UpdateFunctionConfiguration` matches the logged `…20150331v2`."""
    rb = runbook("fn", when={"events": ["UpdateFunctionConfiguration"]})
    f = finding("AWS::Lambda::Function", "thumbnailer", "UpdateFunctionConfiguration20150331v2")

    assert match_runbook(f, "prod", by_name(rb)) == rb


def test_qualified_event_needs_a_type_that_call_changes():
    """`ecs…:CreateCluster` does not match an EKS cluster's `CreateCluster`."""
    rb = runbook("ecs", when={"events": ["ecs.amazonaws.com:CreateCluster"]})

    eks = finding("AWS::EKS::Cluster", "web", "CreateCluster")
    ecs = finding("AWS::ECS::Cluster", "web", "CreateCluster")
    assert match_runbook(eks, "prod", by_name(rb)) is None
    assert match_runbook(ecs, "prod", by_name(rb)) == rb


def test_query_events_default_to_when_events_with_their_sources():
    """`check.events` defaults to `when.events`, as catalog keys."""
    rb = runbook(when={"events": ["AuthorizeSecurityGroupIngress"]})

    assert rb.query_events() == ["ec2.amazonaws.com:AuthorizeSecurityGroupIngress"]


def test_query_events_come_from_resource_types_without_events():
    """A runbook by type alone queries every call that changes those types."""
    rb = runbook(when={"resource_types": ["AWS::RDS::DBInstance"]})

    assert "rds.amazonaws.com:ModifyDBInstance" in rb.query_events()
    assert all(key.startswith("rds.amazonaws.com:") for key in rb.query_events())


def test_findings_get_their_runbook_and_severity():
    """Every kept finding names the runbook that matched it and its severity."""
    rb = runbook("sg", severity="critical", when={"resource_types": [SG]})

    [kept], ignored = apply_policies([finding()], by_name(rb), [], "prod", NOW)

    assert (kept.runbook, kept.severity, ignored) == ("sg", "critical", [])


def test_confirm_attributes_keep_only_the_paths_that_matter():
    """Changes outside `confirm.attributes` are dropped; a path covers what is under it."""
    rb = runbook("sg", confirm={"attributes": ["ingress"]})
    f = finding(confirmed=True, changes=('ingress["tcp 22-22"].cidr_blocks', "tags.Owner"))

    [kept], _ = apply_policies([f], by_name(rb), [], "prod", NOW)

    assert [c.path for c in kept.changes] == ['ingress["tcp 22-22"].cidr_blocks']


def test_confirm_ignore_drops_matching_paths():
    """`confirm.ignore` globs take changes out; brackets in paths are literal."""
    rb = runbook("sg", confirm={"ignore": ['ingress["tcp 22-22"].descriptions*']})
    f = finding(
        confirmed=True,
        changes=(
            'ingress["tcp 22-22"].descriptions["0.0.0.0/0"]',
            'ingress["tcp 22-22"].cidr_blocks',
        ),
    )

    [kept], _ = apply_policies([f], by_name(rb), [], "prod", NOW)

    assert [c.path for c in kept.changes] == ['ingress["tcp 22-22"].cidr_blocks']


def test_whole_resource_change_always_matters():
    """A deleted resource's `(resource)` change is not filtered by `confirm.attributes`."""
    rb = runbook("sg", confirm={"attributes": ["ingress"]})
    f = finding(kind="deleted", confirmed=True, changes=("(resource)",))

    [kept], ignored = apply_policies([f], by_name(rb), [], "prod", NOW)

    assert [c.path for c in kept.changes] == ["(resource)"]
    assert ignored == []


def test_confirmed_only_by_ignored_changes_moves_to_ignored():
    """A finding whose every differing attribute is ignored is no longer drift."""
    rb = runbook("sg", confirm={"ignore": ["tags.*"]})
    f = finding(confirmed=True, changes=("tags.Owner",))

    kept, [ignored] = apply_policies([f], by_name(rb), [], "prod", NOW)

    assert kept == []
    assert ignored.resource_id == "sg-1"
    assert "`tags.Owner`" in ignored.reason
    assert "runbook `sg` `confirm.ignore`: tags.*" in ignored.rule


def test_unconfirmed_finding_stays_when_its_changes_are_filtered():
    """A finding not read live (`confirmed: null`) is still reported."""
    rb = runbook("sg", confirm={"ignore": ["tags.*"]})
    f = finding(confirmed=None, changes=("tags.Owner",))

    [kept], ignored = apply_policies([f], by_name(rb), [], "prod", NOW)

    assert (kept.changes, ignored) == ([], [])


def test_environment_rule_without_attribute_ignores_the_finding():
    """A rule naming the resource takes the whole finding out, with its reason."""
    rule = IgnoreRule(id="sg-1", reason="legacy VPC, removed in Q1")

    kept, [ignored] = apply_policies([finding()], {}, [rule], "prod", NOW)

    assert kept == []
    assert ignored.reason == "legacy VPC, removed in Q1"
    assert ignored.rule.startswith("ignore rule of environment `prod`: id=sg-1")


def test_runbook_rule_without_attribute_ignores_the_finding():
    """Runbook-level ignore rules apply to the findings of that runbook."""
    rb = runbook("sg", ignore=[{"address": "aws_security_group.web", "reason": "managed by hand"}])

    kept, [ignored] = apply_policies([finding()], by_name(rb), [], "prod", NOW)

    assert kept == []
    assert ignored.rule.startswith("ignore rule of runbook `sg`")


def test_rule_for_another_resource_does_nothing():
    """Selectors must match the finding's resource."""
    rule = IgnoreRule(id="sg-other", reason="not this one")

    kept, ignored = apply_policies([finding()], {}, [rule], "prod", NOW)

    assert (len(kept), ignored) == (1, [])


def test_attribute_rule_drops_only_its_paths():
    """An ignore rule with `attribute` filters changes, not the finding."""
    rule = IgnoreRule(attribute="tags.*", reason="tags are set by a tagging job")
    f = finding(confirmed=True, changes=("tags.CostCenter", "description"))

    [kept], ignored = apply_policies([f], {}, [rule], "prod", NOW)

    assert [c.path for c in kept.changes] == ["description"]
    assert ignored == []


def test_expired_rule_does_nothing():
    """After `until`, a rule no longer ignores anything."""
    rule = IgnoreRule(id="sg-1", until=date(2026, 11, 23), reason="until the migration")

    kept, ignored = apply_policies([finding()], {}, [rule], "prod", NOW)

    assert (len(kept), ignored) == (1, [])


def test_rule_holds_through_its_last_day():
    """A date `until` lasts to the end of that day (UTC)."""
    rule = IgnoreRule(id="sg-1", until=date(2026, 11, 24), reason="until the migration")
    late = NOW.replace(hour=23, minute=59)

    kept, ignored = apply_policies([finding()], {}, [rule], "prod", late)

    assert (kept, len(ignored)) == ([], 1)


def test_expired_attribute_rule_keeps_the_change():
    """An expired attribute rule filters nothing."""
    rule = IgnoreRule(
        attribute="tags.*",
        until=datetime(2026, 11, 24, 11, tzinfo=UTC),
        reason="tags are set by a tagging job",
    )
    f = finding(confirmed=True, changes=("tags.CostCenter",))

    [kept], ignored = apply_policies([f], {}, [rule], "prod", NOW)

    assert ([c.path for c in kept.changes], ignored) == (["tags.CostCenter"], [])


@pytest.mark.parametrize(
    ("path", "pattern", "matches"),
    [
        ("tags.Owner", "tags", True),
        ("tags_all.Owner", "tags", False),
        ('ingress["tcp 22-22"].cidr_blocks', "ingress", True),
        ('ingress["tcp 22-22"].cidr_blocks', 'ingress["tcp 22-22"]*', True),
        ('ingress["tcp 80-80"].cidr_blocks', 'ingress["tcp 22-22"]*', False),
        ("description", "desc?iption", True),
    ],
)
def test_path_globs(path, pattern, matches):
    """`*` and `?` are wildcards, brackets literal, and a path covers what is under it."""
    assert path_matches(path, pattern) is matches
