"""`drift query --local`: Athena SQL over local log files in DuckDB, through a view shaped like
Athena's CloudTrail table."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import duckdb
import pytest

from bot.entry.cli import main
from bot.errors import ConfigError, MalformedInput
from bot.shell.sources.local_query import find_query_files, run_local_query
from bot.trail.athena.table import COLUMNS

ROOT = Path(__file__).resolve().parents[2]
DEMO_LOGS = ROOT / "examples" / "demo" / "cloudtrail"
ORG_DIR = "AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail/eu-west-1/2026/11/23"


def record(name: str = "AuthorizeSecurityGroupIngress", **extra) -> dict:
    base = {
        "eventVersion": "1.09",
        "userIdentity": {
            "type": "AssumedRole",
            "principalId": "AROAEXAMPLE:dev@example.com",
            "arn": "arn:aws:sts::111122223333:assumed-role/Admin/dev@example.com",
            "accountId": "111122223333",
            "sessionContext": {
                "sessionIssuer": {
                    "type": "Role",
                    "arn": "arn:aws:iam::111122223333:role/Admin",
                    "userName": "Admin",
                },
                "attributes": {"mfaAuthenticated": "false", "creationDate": "2026-11-23T09:00:00Z"},
            },
        },
        "eventTime": "2026-11-23T09:14:09Z",
        "eventSource": "ec2.amazonaws.com",
        "eventName": name,
        "awsRegion": "eu-west-1",
        "sourceIPAddress": "203.0.113.7",
        "userAgent": "aws-cli/2.15.0",
        "requestParameters": {"groupId": "sg-0a11b22c33d44e55f"},
        "responseElements": {"_return": True},
        "eventID": f"id-{name}",
        "readOnly": False,
        "resources": [
            {"ARN": "arn:aws:ec2:eu-west-1:111122223333:sg/x", "accountId": "111122223333"}
        ],
        "eventType": "AwsApiCall",
        "recipientAccountId": "111122223333",
    }
    return {**base, **extra}


def write_gz(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(json.dumps({"Records": records}).encode()))
    return path


@pytest.fixture
def org_tree(tmp_path: Path) -> Path:
    write_gz(
        tmp_path / ORG_DIR / "111122223333_CloudTrail_eu-west-1_20261123T0920Z_abc.json.gz",
        [record(), record("DescribeInstances", readOnly=True, eventID="id-2")],
    )
    return tmp_path


def query(path: Path, sql: str, params: list | None = None) -> list[dict]:
    columns, rows = run_local_query(path, sql, params)
    return [dict(zip(columns, row, strict=True)) for row in rows]


def test_view_has_the_athena_table_columns(org_tree):
    """Every column of AWS's DDL, plus the partitions and "$path", in order."""
    columns, _ = run_local_query(org_tree, "SELECT * FROM cloudtrail_logs LIMIT 0")

    assert columns == [n.lower() for n, _ in COLUMNS] + ["$path", "account", "region", "timestamp"]


def test_string_columns_hold_text_as_athena_does(org_tree):
    """readonly is the string 'false'; requestparameters is JSON text, as in Athena."""
    rows = query(
        org_tree,
        "SELECT readonly, requestparameters, eventtime FROM cloudtrail_logs "
        "WHERE readonly = 'false'",
    )

    assert len(rows) == 1
    assert rows[0]["readonly"] == "false"
    assert json.loads(rows[0]["requestparameters"]) == {"groupId": "sg-0a11b22c33d44e55f"}
    assert rows[0]["eventtime"] == "2026-11-23T09:14:09Z"


def test_useridentity_is_a_struct(org_tree):
    """Dotted access reaches sessionContext.sessionIssuer, as in Athena."""
    rows = query(
        org_tree,
        "SELECT useridentity.sessioncontext.sessionissuer.username AS role, "
        "useridentity.type AS kind FROM cloudtrail_logs WHERE readonly = 'false'",
    )

    assert rows == [{"role": "Admin", "kind": "AssumedRole"}]


def test_partitions_come_from_an_org_trail_path(org_tree):
    """account, region and timestamp are read off AWSLogs/o-ORGID/ACCOUNT/CloudTrail/REGION/DAY."""
    rows = query(
        org_tree, 'SELECT DISTINCT account, region, "timestamp", "$path" FROM cloudtrail_logs'
    )

    assert len(rows) == 1
    assert rows[0]["account"] == "111122223333"
    assert rows[0]["region"] == "eu-west-1"
    assert rows[0]["timestamp"] == "2026/11/23"
    assert rows[0]["$path"].endswith("_abc.json.gz")


def test_partitions_fall_back_to_the_record_in_a_flat_folder(tmp_path):
    """Outside the AWSLogs layout the partitions are the record's account, region and day."""
    write_gz(
        tmp_path / "export.json.gz",
        [record(awsRegion="ap-south-1", recipientAccountId="999988887777")],
    )

    rows = query(tmp_path, 'SELECT account, region, "timestamp" FROM cloudtrail_logs')

    assert rows == [{"account": "999988887777", "region": "ap-south-1", "timestamp": "2026/11/23"}]


def test_athena_functions_are_translated(org_tree):
    """json_extract_scalar and friends (Athena's dialect) run in DuckDB."""
    rows = query(
        org_tree,
        "SELECT json_extract_scalar(requestparameters, '$.groupId') AS sg, "
        "element_at(split(useridentity.arn, '/'), -1) AS who, cardinality(resources) AS n "
        "FROM cloudtrail_logs WHERE regexp_like(eventname, '^Authorize')",
    )

    assert rows == [{"sg": "sg-0a11b22c33d44e55f", "who": "dev@example.com", "n": 1}]


def test_parameters_bind_to_placeholders(org_tree):
    """`?` placeholders take the values given, in order."""
    rows = query(
        org_tree,
        "SELECT eventname FROM cloudtrail_logs WHERE account = ? AND readonly = ?",
        ["111122223333", "true"],
    )

    assert rows == [{"eventname": "DescribeInstances"}]


def test_lookup_events_output_and_eventbridge_files_are_read(tmp_path):
    """`aws cloudtrail lookup-events` output and EventBridge lines are records too."""
    (tmp_path / "lookup.json").write_text(
        json.dumps({"Events": [{"EventId": "x", "CloudTrailEvent": json.dumps(record("A"))}]})
    )
    (tmp_path / "bridge.json").write_text(
        "\n".join(
            json.dumps({"detail-type": "AWS API Call via CloudTrail", "detail": record(n)})
            for n in ("B", "C")
        )
    )

    rows = query(tmp_path, "SELECT eventname FROM cloudtrail_logs ORDER BY eventname")

    assert [r["eventname"] for r in rows] == ["A", "B", "C"]


def test_digest_and_insight_files_are_left_out(org_tree):
    """CloudTrail-Digest and CloudTrail-Insight trees are not part of the table."""
    digest = org_tree / "AWSLogs/o-a1b2c3d4e5/111122223333/CloudTrail-Digest/eu-west-1/x.json.gz"
    write_gz(digest, [record("Digest")])

    files = find_query_files(org_tree)

    assert files
    assert all("Digest" not in str(f) for f in files)


def test_demo_logs_answer_a_runbook_query():
    """A typical runbook query over the demo day counts the changes per event source."""
    rows = query(
        DEMO_LOGS,
        "SELECT eventsource, count(*) AS n FROM cloudtrail_logs WHERE readonly = 'false' "
        "AND \"timestamp\" = '2026/11/23' GROUP BY eventsource ORDER BY n DESC, eventsource",
    )

    assert sum(r["n"] for r in rows) > 0
    assert {"ec2.amazonaws.com", "iam.amazonaws.com"} <= {r["eventsource"] for r in rows}


def test_missing_path_is_a_config_error(tmp_path):
    """A path that does not exist says so."""
    with pytest.raises(ConfigError, match="does not exist"):
        run_local_query(tmp_path / "nope", "SELECT 1")


def test_bad_sql_is_reported(org_tree):
    """SQL DuckDB cannot run becomes MalformedInput with the engine's reason."""
    with pytest.raises(MalformedInput, match="could not run"):
        run_local_query(org_tree, "SELECT no_such_column FROM cloudtrail_logs")


def test_a_file_that_is_not_json_is_reported(tmp_path):
    """DuckDB's error on a broken log file becomes MalformedInput, chained, with its hint."""
    (tmp_path / "broken.json").write_text("not json {")

    with pytest.raises(MalformedInput, match="DuckDB could not run the query") as err:
        run_local_query(tmp_path, "SELECT count(*) FROM cloudtrail_logs")

    assert "readable JSON" in err.value.hint
    assert isinstance(err.value.__cause__, duckdb.Error)


def test_cli_prints_json_rows(org_tree, capsys):
    """`drift query --local PATH SQL --format json` prints the rows as objects."""
    code = main(
        [
            "query",
            "--local",
            str(org_tree),
            "--format",
            "json",
            "SELECT eventname, account FROM cloudtrail_logs WHERE readonly = 'false'",
        ]
    )
    out = capsys.readouterr().out

    assert code == 0
    assert json.loads(out) == [
        {"eventname": "AuthorizeSecurityGroupIngress", "account": "111122223333"}
    ]


def test_cli_reports_a_bad_path(tmp_path, capsys):
    """A bad --local path is an error with exit code 1, not a traceback."""
    code = main(["query", "--local", str(tmp_path / "nope"), "SELECT 1"])

    assert code == 1
    assert "does not exist" in capsys.readouterr().err
