"""The shipped runbooks, tested as data: each validates, reads as documented, and the set
sorts the demo's findings into the runbooks a person would expect."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from bot.catalog.rules import resolve
from bot.config.drift import parse_config
from bot.drift.findings import Finding
from bot.policy.athena import athena_query, query_params
from bot.policy.match import apply_policies, match_runbook
from bot.policy.parse import parse_runbook
from bot.shell.check import run_check
from bot.shell.runbook_files import load_runbooks, runbook_paths
from bot.shell.sources.local_query import run_local_query
from bot.trail.athena.rows import row_to_record
from bot.trail.attribution import attribute

ROOT = Path(__file__).resolve().parents[2]
RUNBOOKS = ROOT / "runbooks"
FILES = runbook_paths(RUNBOOKS)
DEMO = ROOT / "examples" / "demo"
START, END = datetime(2026, 11, 23, tzinfo=UTC), datetime(2026, 11, 24, tzinfo=UTC)
SHIPPED = {
    "sg-open-to-internet",
    "s3-public-or-unencrypted",
    "iam-privilege-change",
    "database-change",
    "catch-all",
}

# The demo's findings (examples/demo/generate.py) and the runbook each should get.
EXPECTED = {
    ("AWS::EC2::Instance", "i-0fedcba9876543210"): "catch-all",  # deleted
    ("AWS::EC2::SecurityGroup", "sg-0a11b22c33d44e55f"): "sg-open-to-internet",
    ("AWS::IAM::Role", "app-runtime"): "iam-privilege-change",
    ("AWS::Lambda::Function", "thumbnailer"): "catch-all",
    ("AWS::RDS::DBInstance", "orders-db"): "database-change",
    ("AWS::S3::Bucket", "demo-logs-111122223333"): "s3-public-or-unencrypted",
    ("AWS::EC2::Instance", "i-0aaaabbbbccccdddd"): "catch-all",  # unmanaged
    ("AWS::S3::Bucket", "demo-scratch-export"): "catch-all",  # unmanaged, only created
}


@pytest.fixture(scope="module")
def runbooks():
    return load_runbooks(RUNBOOKS)


@pytest.fixture(scope="module")
def demo_findings() -> list[Finding]:
    loaded = parse_config((DEMO / "drift.yml").read_text(), DEMO / "drift.yml")
    return run_check(loaded, "demo", START, END).report.findings


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_shipped_runbook_validates(path):
    """Every file in runbooks/ is a valid runbook."""
    assert parse_runbook(path.read_text(), path).name == path.stem


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_shipped_runbook_starts_with_description_and_when(path):
    """A reader sees what a runbook is for and when it applies before anything else."""
    assert list(yaml.safe_load(path.read_text()))[:2] == ["description", "when"]


def test_the_shipped_set_is_complete(runbooks):
    """The issue's five runbooks ship, and nothing else."""
    assert set(runbooks) == SHIPPED


def test_only_the_catch_all_has_no_conditions(runbooks):
    """One catch-all, so every finding gets a runbook and the choice is never ambiguous."""
    assert [name for name, rb in runbooks.items() if rb.when.is_catch_all] == ["catch-all"]


@pytest.mark.parametrize("name", sorted(SHIPPED - {"catch-all"}))
def test_specific_runbooks_have_events_to_query(runbooks, name):
    """`drift check ENV RUNBOOK` has calls to look for in every specific runbook."""
    assert runbooks[name].query_events()


def test_demo_findings_get_the_expected_runbooks(runbooks, demo_findings):
    """Each of the demo's findings is matched by the runbook a person would pick."""
    got = {
        (f.resource_type, f.resource_id): match_runbook(f, "demo", runbooks) for f in demo_findings
    }

    assert {key: rb.name if rb else None for key, rb in got.items()} == EXPECTED


def test_open_security_group_is_high_or_critical(runbooks, demo_findings):
    """The security group opened to the internet is never reported as a low concern."""
    kept, _ = apply_policies(demo_findings, runbooks, [], "demo", END)
    [sg] = [f for f in kept if f.resource_type == "AWS::EC2::SecurityGroup"]

    assert (sg.runbook, sg.severity in ("high", "critical")) == ("sg-open-to-internet", True)


def test_policies_keep_every_unconfirmed_demo_finding(runbooks, demo_findings):
    """Without live confirmation or ignore rules, the policies take nothing out."""
    kept, ignored = apply_policies(demo_findings, runbooks, [], "demo", END)

    assert (len(kept), ignored) == (len(demo_findings), [])
    assert all(f.runbook and f.severity for f in kept)


def test_sg_athena_sql_finds_the_opening_in_the_demo_logs(runbooks):
    """The shipped SQL runs (in DuckDB) and yields the internet-wide grant as a readable record."""
    sql, params = athena_query(
        runbooks["sg-open-to-internet"], query_params(START, END, ["111122223333"], None)
    )

    columns, rows = run_local_query(DEMO / "cloudtrail", sql, params)
    records = [row_to_record(columns, row) for row in rows]

    assert [[(r.resource_type, r.resource_id) for r in resolve(rec) or []] for rec in records] == [
        [("AWS::EC2::SecurityGroup", "sg-0a11b22c33d44e55f")]
    ]
    assert attribute(records[0]).actor == "dev@example.com"
