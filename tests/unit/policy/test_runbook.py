"""Runbooks: validation and its messages, matching, policies (ignores, confirm) and Athena SQL."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from bot.config.ignores import IgnoreRule, path_matches
from bot.drift.findings import AttributeChange, EventSummary, Finding
from bot.errors import ConfigError, RunbookError
from bot.models import FindingKind
from bot.policy.athena import athena_query, query_params
from bot.policy.match import apply_policies, match_runbook
from bot.policy.parse import parse_runbook
from bot.policy.runbook import Runbook
from bot.shell.runbook_files import load_runbooks

PATH = Path("runbooks/sg.yml")
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SG = "AWS::EC2::SecurityGroup"
BUCKET = "AWS::S3::Bucket"
SQL = """SELECT eventname FROM cloudtrail_logs
WHERE "timestamp" BETWEEN :start_day AND :end_day
  AND account IN (:accounts)
  AND region IN (:regions)
  AND eventtime BETWEEN :start_time AND :end_time
"""


def runbook(name: str = "sg", **keys) -> Runbook:
    """A runbook named `name` from its keys (description, severity and `when: {}` by default)."""
    doc = {"description": "test runbook", "severity": "medium", "when": {}} | keys
    return parse_runbook(yaml.safe_dump(doc), Path(f"runbooks/{name}.yml"))


def error_of(text: str, path: Path = PATH) -> str:
    with pytest.raises(RunbookError) as err:
        parse_runbook(text, path)
    return str(err.value)


def error_with(**keys) -> str:
    doc = {"description": "test runbook", "severity": "medium", "when": {}} | keys
    return error_of(yaml.safe_dump(doc))


def finding(
    rtype: str = SG,
    rid: str = "sg-1",
    *events: str,
    kind: FindingKind = "modified",
    confirmed: bool | None = None,
    changes: tuple[str, ...] = (),
    addresses: tuple[str, ...] = ("aws_security_group.web",),
) -> Finding:
    return Finding(
        kind=kind,
        resource_type=rtype,
        resource_id=rid,
        account_id="111122223333",
        region="us-east-1",
        addresses=list(addresses),
        events=[
            EventSummary(
                event_id=f"e{i}",
                event_name=name,
                event_time="2026-11-24T05:00:00Z",
                actor="dev@example.com",
                role=None,
                via="console",
                source_ip="203.0.113.7",
            )
            for i, name in enumerate(events or ("AuthorizeSecurityGroupIngress",))
        ],
        confirmed=confirmed,
        changes=[AttributeChange(path=p, expected=None, actual="x") for p in changes],
    )


def by_name(*runbooks: Runbook) -> dict[str, Runbook]:
    return {rb.name: rb for rb in runbooks}


# ---- validation ---------------------------------------------------------------------------


def test_minimal_runbook_takes_its_name_from_the_file_and_defaults():
    """Only description, severity and when are needed; the rest has documented defaults."""
    rb = runbook("catch-all")

    assert rb.name == "catch-all"
    assert rb.when.is_catch_all
    assert rb.fix.approvals.count == 1
    assert rb.fix.approvals.requester_can_approve is False
    assert rb.fix.approvals.expires_after == timedelta(hours=4)
    assert rb.confirm.attributes is None


def test_full_runbook_parses():
    """Every documented key is accepted in its documented form."""
    rb = runbook(
        severity="critical",
        when={"events": ["AuthorizeSecurityGroupIngress"], "resource_types": [SG],
              "environments": ["prod", "staging-*"], "kinds": ["modified"]},
        check={"events": ["ec2.amazonaws.com:AuthorizeSecurityGroupIngress"], "athena_sql": SQL},
        confirm={"attributes": ["ingress"], "ignore": ["tags.*"]},
        fix={"reapply": {"webhook": {"url": "https://ci.example.com/hook", "secret_env": "S"}},
             "escalate": {"channel": "#security", "usergroup": "S0123ABCDE", "note": "call"},
             "approvals": {"count": 2, "groups": ["S0123ABCDE"], "requester_can_approve": True,
                           "expires_after": "90m"}},
        ignore=[{"id": "sg-legacy*", "until": "2026-12-31", "reason": "legacy VPC"}],
    )  # fmt: skip

    assert rb.fix.approvals.expires_after == timedelta(minutes=90)
    assert rb.fix.reapply is not None
    assert rb.fix.reapply.webhook.url == "https://ci.example.com/hook"
    assert rb.ignore[0].until == date(2026, 12, 31)


def test_misspelled_key_names_file_path_and_close_match():
    """A typo in a key is named with its path and the closest valid key."""
    message = error_with(fix={"approvals": {"cuont": 2}})

    assert "runbooks/sg.yml: `fix.approvals.cuont`: unknown key. Did you mean `count`?" in message


def test_unknown_event_suggests_the_close_one():
    """A misspelled event name is named with its index and the event it was meant to be."""
    message = error_with(
        when={"events": ["AuthorizeSecurityGroupEgress", "AuthorizeSecurityGroupIngres"]}
    )

    assert (
        "runbooks/sg.yml: `when.events[1]`: unknown event `AuthorizeSecurityGroupIngres`. "
        "Did you mean `AuthorizeSecurityGroupIngress`?"
    ) in message


def test_unknown_qualified_event_suggests_the_catalog_key():
    """`eventSource:eventName` is checked against the catalog's keys."""
    message = error_with(when={"events": ["s3.amazonaws.com:PutBucketPolcy"]})

    assert "Did you mean `s3.amazonaws.com:PutBucketPolicy`?" in message


def test_lambda_versioned_event_name_is_known():
    """Lambda's event names with an API version are the calls the catalog knows."""
    rb = runbook(when={"events": ["UpdateFunctionConfiguration20150331v2"]})

    assert rb.when.events == ["UpdateFunctionConfiguration20150331v2"]


def test_unknown_resource_type_suggests_the_close_one():
    """Resource types are canonical names; a typo gets the close match."""
    message = error_with(when={"resource_types": ["AWS::EC2::SecurityGrup"]})

    assert (
        "`when.resource_types[0]`: unknown resource type `AWS::EC2::SecurityGrup`. "
        "Did you mean `AWS::EC2::SecurityGroup`?"
    ) in message


def test_bad_severity_lists_the_choices():
    """Severity is one of four words."""
    message = error_with(severity="urgent")

    assert "`severity`: Input should be 'low', 'medium', 'high' or 'critical' (got 'urgent')" in (
        message
    )


def test_webhook_url_must_be_https():
    """The reapply webhook is https only."""
    message = error_with(
        fix={"reapply": {"webhook": {"url": "http://ci.example.com/hook", "secret_env": "S"}}}
    )

    assert (
        "`fix.reapply.webhook.url`: expected an https:// URL (got 'http://ci.example.com/hook')"
        in (message)
    )


def test_webhook_url_must_not_carry_credentials():
    """Secrets come from `secret_env`, never from the file."""
    message = error_with(
        fix={"reapply": {"webhook": {"url": "https://u:pw@ci.example.com/", "secret_env": "S"}}}
    )

    assert "`fix.reapply.webhook.url`: expected a URL without credentials" in message
    assert "pw" not in message


def test_escalation_usergroup_must_be_a_group_id():
    """`fix.escalate.usergroup` is a Slack user group id, named at its key path."""
    message = error_with(fix={"escalate": {"usergroup": "@security"}})

    assert (
        "`fix.escalate.usergroup`: expected a Slack user group id such as S0123ABCDE "
        "(got '@security')."
    ) in message


def test_approval_count_must_be_at_least_one():
    """`fix.approvals.count` is named with what it must be."""
    message = error_with(fix={"approvals": {"count": 0}})

    assert "`fix.approvals.count`: Input should be greater than or equal to 1 (got 0)." in message


def test_expires_after_must_be_a_duration():
    """`expires_after` takes `4h`-style durations."""
    message = error_with(fix={"approvals": {"expires_after": "soon"}})

    assert "`fix.approvals.expires_after`: expected a duration such as 4h" in message


def test_bad_sql_names_where_it_breaks():
    """SQL that Athena's dialect cannot parse is reported with line and column."""
    message = error_with(check={"athena_sql": "SELECT a FROM t WHERE x = ("})

    assert "`check.athena_sql`: not valid Athena SQL at line 1, column 27" in message


def test_sql_must_be_a_select():
    """Runbook SQL only reads."""
    message = error_with(check={"athena_sql": "DROP TABLE cloudtrail_logs"})

    assert "expected a SELECT query; runbooks only read (got a DROP statement)" in message


def test_unknown_placeholder_suggests_the_close_one():
    """Only the documented placeholders exist."""
    message = error_with(check={"athena_sql": SQL.replace(":start_time", ":start_date")})

    assert "`check.athena_sql`: unknown placeholder `:start_date`. Did you mean `:start_day`?" in (
        message
    )


def test_positional_placeholder_is_rejected():
    """Values are named, so their order cannot be mixed up."""
    message = error_with(check={"athena_sql": SQL + "  AND eventname = ?"})

    assert "positional `?` placeholders are not allowed" in message


def test_sql_must_prune_on_the_day_partition():
    """A query without :start_day and :end_day would scan every day of the trail."""
    message = error_with(check={"athena_sql": "SELECT eventname FROM cloudtrail_logs"})

    assert "it does not use :start_day, :end_day" in message


def test_yaml_syntax_error_names_the_line():
    """Broken YAML says where."""
    message = error_of("description: x\nseverity: low\nwhen: [unclosed\n")

    assert "runbooks/sg.yml line 4, column 1: not valid YAML" in message


def test_when_is_required_even_for_a_catch_all():
    """A forgotten `when:` does not silently make a catch-all."""
    message = error_of("description: x\nseverity: low\nwhen:\n")

    assert "`when`: expected a mapping; write `when: {}` for a catch-all" in message


def test_name_key_points_at_the_file_name():
    """The name is the file's; a `name:` key says so."""
    message = error_with(name="other")

    assert "`name`: unknown key. A runbook's name is its file name (`sg`)" in message


def test_every_problem_of_a_file_is_listed():
    """One run shows all the problems, each as a structured line."""
    with pytest.raises(RunbookError) as err:
        parse_runbook(yaml.safe_dump({"description": "x", "severity": "urgent",
                                      "when": {"kind": ["modified"]}}), PATH)  # fmt: skip

    assert len(err.value.problems) == 2
    assert all(p.startswith("runbooks/sg.yml: `") for p in err.value.problems)


def test_union_labels_stay_out_of_key_paths():
    """An ignore rule's bad `until` is at `ignore[0].until`, not `…until.date`."""
    message = error_with(ignore=[{"id": "x", "until": "soon", "reason": "because"}])

    assert "`ignore[0].until`: Input should be a valid date" in message
    assert "until.date" not in message


def test_runbook_error_is_a_config_error():
    """Callers that stop on bad configuration stop on bad runbooks too."""
    assert issubclass(RunbookError, ConfigError)


# ---- loading files ------------------------------------------------------------------------

GOOD = "description: ok\nseverity: low\nwhen: {}\n"


def test_load_runbooks_reads_yml_and_yaml_files_of_a_folder(tmp_path):
    """Every *.yml and *.yaml in the folder is a runbook, by file stem; other files are not."""
    (tmp_path / "a.yml").write_text(GOOD)
    (tmp_path / "b.yaml").write_text(GOOD)
    (tmp_path / "notes.txt").write_text("not a runbook")

    assert sorted(load_runbooks(tmp_path)) == ["a", "b"]


def test_load_runbooks_reads_one_file(tmp_path):
    """A path to one file loads that runbook."""
    (tmp_path / "a.yml").write_text(GOOD)

    assert list(load_runbooks(tmp_path / "a.yml")) == ["a"]


def test_load_runbooks_collects_the_problems_of_every_file(tmp_path):
    """Two broken files give one error naming both."""
    (tmp_path / "a.yml").write_text("description: x\nseverity: urgent\nwhen: {}\n")
    (tmp_path / "b.yml").write_text("description: x\nseverity: low\nwhen: {kind: [deleted]}\n")
    (tmp_path / "c.yml").write_text(GOOD)

    with pytest.raises(RunbookError) as err:
        load_runbooks(tmp_path)

    assert "2 runbook files are not valid" in str(err.value)
    assert f"{tmp_path / 'a.yml'}: `severity`" in str(err.value)
    assert f"{tmp_path / 'b.yml'}: `when.kind`" in str(err.value)


def test_duplicate_runbook_names_are_rejected(tmp_path):
    """`sg.yml` and `sg.yaml` would both be the runbook `sg`."""
    (tmp_path / "sg.yml").write_text(GOOD)
    (tmp_path / "sg.yaml").write_text(GOOD)

    with pytest.raises(RunbookError) as err:
        load_runbooks(tmp_path)

    assert "a runbook named `sg` is already defined in" in str(err.value)


def test_missing_runbook_path_is_named(tmp_path):
    """A path that does not exist says so."""
    with pytest.raises(RunbookError, match="does not exist"):
        load_runbooks(tmp_path / "nope")


# ---- matching -----------------------------------------------------------------------------


def test_more_when_keys_beat_fewer():
    """A runbook for the type and the event wins over one for the type alone."""
    broad = runbook("broad", when={"resource_types": [SG]})
    narrow = runbook("narrow", when={"resource_types": [SG, BUCKET],
                                     "events": ["AuthorizeSecurityGroupIngress"]})  # fmt: skip

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


# ---- policies -----------------------------------------------------------------------------


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
    f = finding(confirmed=True, changes=('ingress["tcp 22-22"].descriptions["0.0.0.0/0"]',
                                         'ingress["tcp 22-22"].cidr_blocks'))  # fmt: skip

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
    rule = IgnoreRule(attribute="tags.*", until=datetime(2026, 11, 24, 11, tzinfo=UTC),
                      reason="tags are set by a tagging job")  # fmt: skip
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


# ---- Athena SQL ---------------------------------------------------------------------------

PARAMS = {
    "start_day": "2026/11/23",
    "end_day": "2026/11/25",
    "start_time": "2026-11-23T00:00:00Z",
    "end_time": "2026-11-24T00:00:00Z",
    "accounts": ["111122223333", "444455556666"],
    "regions": ["eu-west-1", "us-east-1"],
}


def test_athena_query_expands_lists_into_one_placeholder_each():
    """Named placeholders become `?` in order; a list becomes one `?` per value."""
    sql, values = athena_query(runbook(check={"athena_sql": SQL}), PARAMS)

    assert "BETWEEN ? AND ?\n  AND account IN (?, ?)\n  AND region IN (?, ?)" in sql
    assert values == ["2026/11/23", "2026/11/25", "111122223333", "444455556666",
                      "eu-west-1", "us-east-1", "2026-11-23T00:00:00Z",
                      "2026-11-24T00:00:00Z"]  # fmt: skip


def test_athena_query_never_writes_a_value_into_the_sql():
    """No value, however it looks, appears in the SQL text."""
    hostile = PARAMS | {"accounts": ["'; DROP TABLE cloudtrail_logs; --"]}

    sql, values = athena_query(runbook(check={"athena_sql": SQL}), hostile)

    assert ":" not in sql.replace("::", "")
    assert all(str(v) not in sql for v in values)


def test_athena_query_leaves_strings_and_comments_alone():
    """`:accounts` inside a string literal or a comment is text, not a placeholder."""
    text = SQL + "  AND eventname <> ':accounts' -- not :regions\n"

    sql, values = athena_query(runbook(check={"athena_sql": text}), PARAMS)

    assert "<> ':accounts' -- not :regions" in sql
    assert len(values) == 8


def test_athena_query_without_a_value_names_the_placeholder():
    """`:regions` with an environment of every region (`*`) says what to do."""
    params = {k: v for k, v in PARAMS.items() if k != "regions"}

    with pytest.raises(RunbookError, match="uses `:regions`"):
        athena_query(runbook(check={"athena_sql": SQL}), params)


def test_athena_query_needs_athena_sql():
    """A runbook without `check.athena_sql` cannot be queried through Athena."""
    with pytest.raises(RunbookError, match=re.escape("has no `check.athena_sql`")):
        athena_query(runbook(), PARAMS)


def test_query_params_for_a_window():
    """Partition days (plus a day of delivery slack), CloudTrail times, us-east-1 added."""
    params = query_params(datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 11, 24, tzinfo=UTC),
                          ["111122223333"], ["eu-west-1"])  # fmt: skip

    assert params == {
        "start_day": "2026/11/23",
        "end_day": "2026/11/25",
        "start_time": "2026-11-23T00:00:00Z",
        "end_time": "2026-11-24T00:00:00Z",
        "accounts": ["111122223333"],
        "regions": ["eu-west-1", "us-east-1"],
    }
