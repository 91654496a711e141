"""`drift check` and `drift catalog` end to end: files on disk in, the JSON contract and exit
codes out. Runs the real command line in-process (and once as a child process)."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.entry.cli import main
from bot.trail.filter import DROP_REASONS

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo" / "drift.yml"
DEMO_WINDOW = ["--since", "24h", "--until", "2026-11-24T00:00:00Z"]

# What examples/demo/generate.py planted: (kind, type, id, actor, via, addresses).
DEMO_FINDINGS = {
    (
        "deleted",
        "AWS::EC2::Instance",
        "i-0fedcba9876543210",
        "bob",
        "cli",
        ("aws_instance.app[1]",),
    ),
    (
        "modified",
        "AWS::EC2::SecurityGroup",
        "sg-0a11b22c33d44e55f",
        "dev@example.com",
        "console",
        ("module.network.aws_security_group.web",),
    ),
    (
        "modified",
        "AWS::S3::Bucket",
        "demo-logs-111122223333",
        "alice",
        "cli",
        ('aws_s3_bucket.buckets["logs"]', "aws_s3_bucket_policy.logs"),
    ),
    (
        "modified",
        "AWS::RDS::DBInstance",
        "orders-db",
        "ops@example.com",
        "console",
        ("aws_db_instance.orders",),
    ),
    (
        "modified",
        "AWS::IAM::Role",
        "app-runtime",
        "alice",
        "cli",
        ("aws_iam_role.app", "aws_iam_role_policy_attachment.app_readonly"),
    ),
    (
        "modified",
        "AWS::Lambda::Function",
        "thumbnailer",
        "ops@example.com",
        "console",
        ("aws_lambda_function.thumbnailer",),
    ),
    ("unmanaged", "AWS::S3::Bucket", "demo-scratch-export", "dev@example.com", "console", ()),
    ("unmanaged", "AWS::EC2::Instance", "i-0aaaabbbbccccdddd", "dev@example.com", "sdk", ()),
}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def demo_json(capsys, *extra: str, config: Path = DEMO) -> tuple[int, dict, str]:
    code, out, err = run(
        capsys, "check", "demo", "--config", str(config), *DEMO_WINDOW, "--format", "json", *extra
    )
    return code, json.loads(out), err


def test_demo_findings_and_json_contract(capsys):
    """The demo's planted drift comes out exactly, in the documented JSON shape, exit code 2."""
    code, doc, _ = demo_json(capsys)

    assert code == 2
    assert list(doc) == [
        "environment",
        "window",
        "findings",
        "stats",
        "cloudtrail",
        "ignored",
        "unresolved",
    ]
    assert doc["ignored"] == []
    assert doc["unresolved"] == []
    assert doc["cloudtrail"] == {"source": "files", "files": 96}
    assert doc["environment"] == "demo"
    assert doc["window"] == {"start": "2026-11-23T00:00:00Z", "end": "2026-11-24T00:00:00Z"}
    stats = doc["stats"]
    assert set(stats) == {
        "records",
        "changes",
        "skipped_files",
        "unknown_events",
        "unresolved",
        *DROP_REASONS,
        "unknown_terraform_types",
    }
    assert stats["changes"] + sum(stats[reason] for reason in DROP_REASONS) == stats["records"]
    got = set()
    for f in doc["findings"]:
        assert list(f) == [
            "kind",
            "resource_type",
            "resource_id",
            "account_id",
            "region",
            "addresses",
            "events",
            "confirmed",
            "changes",
            "reason",
            "api_calls",
            "runbook",
            "severity",
        ]
        assert f["account_id"] == "111122223333"
        # The demo has no AWS: confirmation is off (`confirm: auto` with local files only).
        assert (f["confirmed"], f["changes"], f["api_calls"]) == (None, [], [])
        assert f["reason"].startswith("Not checked against AWS")
        last = f["events"][-1]
        got.add(
            (
                f["kind"],
                f["resource_type"],
                f["resource_id"],
                last["actor"],
                last["via"],
                tuple(f["addresses"]),
            )
        )
    assert got == DEMO_FINDINGS


def test_demo_event_attribution(capsys):
    """Each event carries id, name, time, actor, role, via and source IP."""
    _, doc, _ = demo_json(capsys)

    sg = next(f for f in doc["findings"] if f["resource_id"] == "sg-0a11b22c33d44e55f")

    [event] = sg["events"]
    assert list(event) == [
        "event_id",
        "event_name",
        "event_time",
        "actor",
        "role",
        "via",
        "source_ip",
    ]
    assert event["event_name"] == "AuthorizeSecurityGroupIngress"
    assert event["event_time"] == "2026-11-23T09:14:09Z"
    assert event["actor"] == "dev@example.com"
    assert event["role"] == "AWSReservedSSO_AdministratorAccess_0a1b2c3d4e5f6a7b"
    assert (event["via"], event["source_ip"]) == ("console", "203.0.113.7")


def test_demo_stats_count_every_record_and_only_real_changes(capsys):
    """records counts every record of every file; changes leave out reads, failures, the
    pipeline's own calls and AWS services."""
    files = list((ROOT / "examples/demo/cloudtrail").rglob("*.json.gz"))
    total = sum(len(json.loads(gzip.decompress(p.read_bytes()))["Records"]) for p in files)

    _, doc, _ = demo_json(capsys)

    stats = doc["stats"]
    assert {k: stats[k] for k in ("records", "changes", "skipped_files", "unknown_events")} == {
        "records": total,
        "changes": 10,
        "skipped_files": 0,
        "unknown_events": 0,
    }
    assert (stats["failed"], stats["iac_principal"], stats["unresolved"]) == (2, 2, 0)
    assert stats["read_only"] == total - 14


def test_text_output_shows_a_table_per_kind_and_a_summary(capsys):
    """The default text output: a section per kind and the summary line."""
    code, out, _ = run(capsys, "check", "demo", "--config", str(DEMO), *DEMO_WINDOW)

    assert code == 2
    assert "Deleted: managed by IaC, deleted by hand (1)" in out
    assert "Modified: managed by IaC, changed by hand (5)" in out
    assert "Unmanaged: no IaC state of this environment manages it (2)" in out
    assert out.rstrip().endswith("0 skipped files, 0 unknown events, 0 unresolved)")
    assert "Drift in demo: 5 modified, 1 deleted, 2 unmanaged." in out


def test_no_drift_exits_0(capsys):
    """A window with only noise in it: no findings, exit code 0."""
    code, out, _ = run(
        capsys,
        "check",
        "demo",
        "--config",
        str(DEMO),
        "--since",
        "2h",
        "--until",
        "2026-11-23T05:00:00Z",
        "--format",
        "json",
    )

    assert code == 0
    assert json.loads(out)["findings"] == []


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["check", "demo", "--config", "/nonexistent/drift.yml"], "does not exist"),
        (["check", "demox", "--config", str(DEMO)], "Did you mean `demo`?"),
        (["check", "demo", "--config", str(DEMO), "--since", "yesterday"], "--since"),
    ],
)
def test_errors_exit_1_with_a_message(capsys, argv, words):
    """Errors exit 1 (2 means drift) and say what is wrong."""
    code, out, err = run(capsys, *argv)

    assert code == 1
    assert out == ""
    assert err.startswith("drift: error:")
    assert words in err


def test_usage_errors_exit_1(capsys):
    """A flag argparse does not know is an error, not drift."""
    with pytest.raises(SystemExit) as exit_:
        main(["check", "demo", "--colour"])

    assert exit_.value.code == 1
    assert "unrecognized arguments" in capsys.readouterr().err


def test_bad_files_are_named_and_skipped_and_nothing_else_is_lost(capsys, tmp_path):
    """A truncated .gz and a non-JSON file among good ones: every finding is still there; the
    truncated file keeps the records before the break (named in a warning), the other is
    skipped."""
    shutil.copytree(DEMO.parent, tmp_path / "demo")
    logs = tmp_path / "demo" / "cloudtrail" / "AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/23"
    good = sorted(logs.glob("*.json.gz"))[10]
    truncated = logs / "111122223333_CloudTrail_us-east-1_20261123T1212Z_truncated00000.json.gz"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    garbage = logs / "111122223333_CloudTrail_us-east-1_20261123T1213Z_notjson000000.json"
    garbage.write_text("<html>503 Service Unavailable</html>\n")

    code, doc, err = demo_json(capsys, config=tmp_path / "demo" / "drift.yml")
    _, clean, _ = demo_json(capsys)

    kept = int(err.split("kept the ")[1].split(" records")[0])
    assert code == 2
    assert doc["findings"] == clean["findings"]
    assert doc["stats"]["skipped_files"] == 1
    assert 0 < kept < len(json.loads(gzip.decompress(good.read_bytes()))["Records"])
    assert doc["stats"]["records"] == clean["stats"]["records"] + kept
    assert f"warning: {truncated}: the gzip data is truncated" in err
    assert f"skipped {garbage}: not JSON" in err


def test_show_unknown_lists_calls_the_catalog_does_not_know(capsys, tmp_path):
    """Uncatalogued calls are counted and, with --show-unknown, listed (text and JSON)."""
    shutil.copytree(DEMO.parent, tmp_path / "demo")
    extra = tmp_path / "demo" / "cloudtrail" / "extra.json"
    record = {
        "eventVersion": "1.11",
        "eventTime": "2026-11-23T08:00:00Z",
        "eventSource": "example.amazonaws.com",
        "eventName": "FrobnicateWidget",
        "awsRegion": "us-east-1",
        "readOnly": False,
        "eventType": "AwsApiCall",
        "eventID": "unknown-1",
        "recipientAccountId": "111122223333",
        "userIdentity": {"type": "IAMUser", "userName": "alice"},
    }
    extra.write_text(json.dumps({"Records": [record]}))
    config = tmp_path / "demo" / "drift.yml"

    _, doc, _ = demo_json(capsys, "--show-unknown", config=config)
    _code, out, _ = run(
        capsys, "check", "demo", "--config", str(config), *DEMO_WINDOW, "--show-unknown"
    )

    assert doc["stats"]["unknown_events"] == 1
    assert doc["unknown"] == [
        {"event_source": "example.amazonaws.com", "event_name": "FrobnicateWidget", "count": 1}
    ]
    assert "Calls the catalog does not know (1)" in out
    assert "FrobnicateWidget" in out


def test_config_defaults_to_local_drift_yml_then_drift_config(capsys, tmp_path, monkeypatch):
    """Without --config: ./drift.yml, else $DRIFT_CONFIG."""
    monkeypatch.chdir(DEMO.parent)
    code_local, _, _ = run(capsys, "check", "demo", *DEMO_WINDOW)
    monkeypatch.chdir(tmp_path)
    code_missing, _, err = run(capsys, "check", "demo", *DEMO_WINDOW)
    monkeypatch.setenv("DRIFT_CONFIG", str(DEMO))
    code_env, _, _ = run(capsys, "check", "demo", *DEMO_WINDOW)

    assert (code_local, code_missing, code_env) == (2, 1, 2)
    assert "$DRIFT_CONFIG is not set" in err


def test_catalogs_list_their_entries_as_json(capsys):
    """`drift catalog events|terraform --format json`: one object per entry."""
    _, events, _ = run(capsys, "catalog", "events", "--format", "json")
    _, terraform, _ = run(capsys, "catalog", "terraform", "--format", "json")
    events_doc, tf_doc = json.loads(events), json.loads(terraform)

    assert len(events_doc) >= 200
    assert len(tf_doc) >= 120
    sg = next(e for e in events_doc if e["event_name"] == "AuthorizeSecurityGroupIngress")
    assert sg["event_source"] == "ec2.amazonaws.com"
    assert sg["resource_type"] == "AWS::EC2::SecurityGroup"
    assert sg["change"] == "update"
    assert sg["ids"]
    rule = next(t for t in tf_doc if t["terraform_type"] == "aws_security_group_rule")
    assert rule["parent"] == "AWS::EC2::SecurityGroup"
    db = next(t for t in tf_doc if t["terraform_type"] == "aws_db_instance")
    assert db["identifiers"][0] == "identifier"


def test_python_dash_m_bot_runs_the_cli():
    """`python -m bot` is the same command line as `drift`."""
    done = subprocess.run(
        [sys.executable, "-m", "bot", "--version"], capture_output=True, text=True, check=False
    )

    assert done.returncode == 0
    assert done.stdout.startswith("driftbot ")


def test_files_out_of_scope_are_never_opened(capsys, tmp_path):
    """Files whose path names another account, region or day are pruned unread: garbage in
    them is never reported."""
    shutil.copytree(DEMO.parent, tmp_path / "demo")
    logs = tmp_path / "demo" / "cloudtrail" / "AWSLogs"
    for folder in (
        "999988887777/CloudTrail/us-east-1/2026/11/23",  # another account
        "111122223333/CloudTrail/ap-south-1/2026/11/23",  # another region
        "111122223333/CloudTrail/us-east-1/2026/10/01",  # another day
    ):
        (logs / folder).mkdir(parents=True)
        (logs / folder / "garbage.json.gz").write_bytes(b"not even gzip")

    _, doc, err = demo_json(capsys, config=tmp_path / "demo" / "drift.yml")

    assert doc["stats"]["skipped_files"] == 0
    assert "garbage" not in err
