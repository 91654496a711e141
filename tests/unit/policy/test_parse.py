"""Runbooks: validation and its messages, and loading the files of a folder."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import yaml

from bot.errors import ConfigError, RunbookError
from bot.policy.parse import parse_runbook
from bot.shell.runbook_files import load_runbooks
from tests.unit.policy.runbooks import (
    PATH,
    SG,
    SQL,
    error_of,
    error_with,
    runbook,
)


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
        when={
            "events": ["AuthorizeSecurityGroupIngress"],
            "resource_types": [SG],
            "environments": ["prod", "staging-*"],
            "kinds": ["modified"],
        },
        check={"events": ["ec2.amazonaws.com:AuthorizeSecurityGroupIngress"], "athena_sql": SQL},
        confirm={"attributes": ["ingress"], "ignore": ["tags.*"]},
        fix={
            "reapply": {"webhook": {"url": "https://ci.example.com/hook", "secret_env": "S"}},
            "escalate": {"channel": "#security", "usergroup": "S0123ABCDE", "note": "call"},
            "approvals": {
                "count": 2,
                "groups": ["S0123ABCDE"],
                "requester_can_approve": True,
                "expires_after": "90m",
            },
        },
        ignore=[{"id": "sg-legacy*", "until": "2026-12-31", "reason": "legacy VPC"}],
    )

    assert rb.fix.approvals.expires_after == timedelta(minutes=90)
    assert rb.fix.reapply is not None
    assert rb.fix.reapply.webhook is not None
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
        "`fix.reapply.webhook.url`: expected an https:// URL (got http://ci.example.com/hook)"
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
        parse_runbook(
            yaml.safe_dump(
                {"description": "x", "severity": "urgent", "when": {"kind": ["modified"]}}
            ),
            PATH,
        )

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
