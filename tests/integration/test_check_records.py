"""`drift check` over files no trail writes as neatly as CloudTrail does: every record
explained, nothing lost without a word, hostile files costing one warning (issues 9 and 10).
Runs the real command line in-process over files written under tmp_path."""

from __future__ import annotations

import gzip
import json
import os
import threading
from pathlib import Path

import pytest

from bot.entry.cli import main
from bot.trail.filter import DROP_REASONS
from tests.records import (
    ACCOUNT,
    backup_restore_record,
    cloudformation_call,
    insights_record,
    logs_payload,
    make_record,
    numbered_records,
)

WINDOW = ["--since", "2026-11-24T00:00:00Z", "--until", "2026-11-25T00:00:00Z"]
STATE = {
    "version": 4,
    "terraform_version": "1.9.8",
    "serial": 1,
    "lineage": "x",
    "resources": [
        {
            "mode": "managed",
            "type": "aws_security_group",
            "name": "web",
            "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
            "instances": [
                {
                    "schema_version": 1,
                    "attributes": {"id": "sg-0ccc3333dddd4444e", "name": "web", "vpc_id": "vpc-1"},
                }
            ],
        },
        {
            "mode": "managed",
            "type": "aws_made_up_thing",
            "name": "x",
            "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
            "instances": [{"schema_version": 0, "attributes": {"id": "x-1"}}],
        },
    ],
}


def write_env(tmp_path: Path, *, extra: str = "", cloudtrail_extra: str = "") -> Path:
    logs = tmp_path / "logs"
    logs.mkdir(exist_ok=True)
    (tmp_path / "terraform.tfstate").write_text(json.dumps(STATE))
    config = tmp_path / "drift.yml"
    config.write_text(
        f"""
environments:
  test:
    account_id: "{ACCOUNT}"
    regions: [us-east-1]
    cloudtrail: {{source: files, path: {logs}{cloudtrail_extra}}}
    state:
      - terraform: {tmp_path / "terraform.tfstate"}
{extra}"""
    )
    return config


def check(capsys, config: Path, *extra: str) -> tuple[int, dict, str]:
    code = main(["check", "test", "--config", str(config), *WINDOW, "--format", "json", *extra])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def adds_up(stats: dict) -> bool:
    return stats["changes"] + sum(stats[reason] for reason in DROP_REASONS) == stats["records"]


def test_json_lines_with_one_insights_record_yield_the_50(capsys, tmp_path):
    config = write_env(tmp_path)
    records = numbered_records(50)
    lines = [json.dumps(r) for r in records[:25]] + [json.dumps(insights_record())]
    lines += [json.dumps(r) for r in records[25:]]
    (tmp_path / "logs" / "firehose.jsonl").write_text("\n".join(lines) + "\n")

    code, doc, err = check(capsys, config)

    assert code == 2
    assert doc["stats"]["changes"] == 50
    assert len(doc["findings"]) == 50
    assert (doc["stats"]["records"], doc["stats"]["not_api_call"]) == (51, 1)
    assert doc["stats"]["skipped_files"] == 0
    assert "warning" not in err


def test_a_cloudwatch_logs_subscription_payload_is_read(capsys, tmp_path):
    config = write_env(tmp_path)
    records = numbered_records(3)
    payload = json.dumps(logs_payload(records)).encode()
    (tmp_path / "logs" / "delivery.gz").write_bytes(gzip.compress(payload))

    _, doc, _ = check(capsys, config)

    assert doc["stats"]["changes"] == 3
    assert doc["stats"]["skipped_files"] == 0


def test_json_of_something_else_is_named_as_not_cloudtrail(capsys, tmp_path):
    config = write_env(tmp_path)
    other = tmp_path / "logs" / "terraform.tfstate.json"
    other.write_text(json.dumps(STATE))

    _, doc, err = check(capsys, config)

    assert doc["stats"]["skipped_files"] == 1
    assert f"skipped {other}: not CloudTrail: this looks like a Terraform state" in err


def test_json_has_unresolved_counters_adding_up_and_unknown_terraform_types(capsys, tmp_path):
    config = write_env(tmp_path)
    no_id = make_record(requestParameters={"ipPermissions": {}}, eventID="no-id")
    records = [*numbered_records(2), no_id, make_record(readOnly=True), insights_record()]
    (tmp_path / "logs" / "trail.json").write_text(json.dumps({"Records": records}))

    _, doc, _ = check(capsys, config)

    assert doc["unresolved"] == [
        {
            "event_source": "ec2.amazonaws.com",
            "event_name": "AuthorizeSecurityGroupIngress",
            "count": 1,
            "event_id": "no-id",
        }
    ]
    stats = doc["stats"]
    assert stats["unresolved"] == 1
    assert adds_up(stats)
    assert stats["unknown_terraform_types"] == {"aws_made_up_thing": 1}


def test_a_group_created_then_deleted_by_name_is_not_reported(capsys, tmp_path):
    config = write_env(tmp_path)
    create = make_record(
        eventName="CreateSecurityGroup",
        requestParameters={"groupName": "scratch", "groupDescription": "x", "vpcId": "vpc-1"},
        responseElements={"_return": True, "groupId": "sg-0aaa1111bbbb2222c"},
        eventID="create-1",
    )
    delete = make_record(
        eventName="DeleteSecurityGroup",
        eventTime="2026-11-24T06:00:00Z",
        requestParameters={"groupName": "scratch"},
        responseElements={"_return": True},
        eventID="delete-1",
    )
    (tmp_path / "logs" / "trail.json").write_text(json.dumps({"Records": [create, delete]}))

    code, doc, _ = check(capsys, config)

    assert (code, doc["findings"], doc["unresolved"]) == (0, [], [])
    assert doc["stats"]["changes"] == 2


def test_a_managed_group_deleted_by_name_is_deleted(capsys, tmp_path):
    config = write_env(tmp_path)
    delete = make_record(
        eventName="DeleteSecurityGroup",
        requestParameters={"groupName": "web"},
        responseElements={"_return": True},
        eventID="delete-1",
    )
    (tmp_path / "logs" / "trail.json").write_text(json.dumps({"Records": [delete]}))

    _, doc, _ = check(capsys, config)

    [finding] = doc["findings"]
    assert (finding["kind"], finding["resource_id"]) == ("deleted", "sg-0ccc3333dddd4444e")


def test_aws_backup_and_cloudformation_make_no_finding_and_are_counted(capsys, tmp_path):
    config = write_env(tmp_path)
    records = [backup_restore_record(), cloudformation_call()]
    (tmp_path / "logs" / "trail.json").write_text(json.dumps({"Records": records}))

    code, doc, _ = check(capsys, config, "--show-unknown")

    assert (code, doc["findings"]) == (0, [])
    assert (doc["stats"]["aws_service"], doc["stats"]["iac_principal"]) == (1, 1)
    assert doc["aws_service"] == [
        {
            "event_source": "rds.amazonaws.com",
            "event_name": "RestoreDBInstanceFromDBSnapshot",
            "service": "AWS Backup",
            "count": 1,
        }
    ]
    code = main(["check", "test", "--config", str(config), *WINDOW, "--show-unknown"])
    out = capsys.readouterr().out
    assert "Changes AWS services made on their own (1" in out
    assert "RestoreDBInstanceFromDBSnapshot  AWS Backup" in out


def test_report_aws_service_changes_opts_in(capsys, tmp_path):
    config = write_env(tmp_path, extra="    report_aws_service_changes: true\n")
    records = [backup_restore_record()]
    (tmp_path / "logs" / "trail.json").write_text(json.dumps({"Records": records}))

    code, doc, _ = check(capsys, config)

    [finding] = doc["findings"]
    assert (code, finding["kind"], finding["resource_id"]) == (2, "unmanaged", "orders-restored")
    assert (finding["events"][0]["actor"], finding["events"][0]["via"]) == (
        "AWS Backup",
        "aws_service",
    )


# Hostile files cost one warning (issue 9).


def test_deep_json_is_named_and_skipped_and_the_check_goes_on(capsys, tmp_path):
    config = write_env(tmp_path)
    deep = tmp_path / "logs" / "deep.json"
    deep.write_bytes(b'{"Records": [' + b"[" * 100_000)
    nested = tmp_path / "logs" / "nested.json"
    body = '{"eventName": "X", "requestParameters": ' + '{"a": ' * 5000 + "1" + "}" * 5000 + "}"
    nested.write_text('{"Records": [' + body + "]}")
    (tmp_path / "logs" / "good.json").write_text(json.dumps({"Records": numbered_records(2)}))

    code, doc, err = check(capsys, config)

    assert code == 2
    assert doc["stats"]["changes"] == 2
    assert doc["stats"]["skipped_files"] == 2
    assert f"skipped {deep}: JSON nested deeper than a CloudTrail record can be" in err
    assert f"skipped {nested}: JSON nested deeper" in err


def test_a_gzip_bomb_is_named_and_skipped(capsys, tmp_path):
    """The limit is `cloudtrail.max_file_size` (1 GiB unless set)."""
    config = write_env(tmp_path, cloudtrail_extra=", max_file_size: 1MiB")
    bomb = tmp_path / "logs" / "bomb.json.gz"
    bomb.write_bytes(gzip.compress(b"[" + b" " * (8 << 20) + b"]"))
    (tmp_path / "logs" / "good.json").write_text(json.dumps({"Records": numbered_records(1)}))

    _, doc, err = check(capsys, config)

    assert doc["stats"]["changes"] == 1
    assert f"skipped {bomb}: the gzip data inflates past 1,048,576 bytes" in err


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_only_regular_files_are_read(capsys, tmp_path, kind):
    """A FIFO or a link to /dev/zero named *.json.gz is named and skipped, never opened."""
    config = write_env(tmp_path)
    odd = tmp_path / "logs" / "odd.json.gz"
    if kind == "fifo":
        os.mkfifo(odd)
    else:
        odd.symlink_to("/dev/zero")
    (tmp_path / "logs" / "good.json").write_text(json.dumps({"Records": numbered_records(1)}))
    result: list[tuple[int, dict, str]] = []
    worker = threading.Thread(target=lambda: result.append(check(capsys, config)), daemon=True)
    worker.start()
    worker.join(timeout=60)

    assert not worker.is_alive(), "the check hung on a file that is not a regular file"
    _, doc, err = result[0]
    assert doc["stats"]["changes"] == 1
    what = "a named pipe" if kind == "fifo" else "a device"
    assert f"skipped {odd}: not a regular file ({what})" in err


def test_malformed_change_records_are_counted_and_warned(capsys, tmp_path):
    """A bad eventTime, requestParameters as a string: counted as malformed and warned."""
    config = write_env(tmp_path)
    records = [
        *numbered_records(1),
        make_record(eventTime="24/11/2026 05:12", eventID="bad-time"),
        make_record(requestParameters='{"groupId": "sg-1"}', eventID="bad-body"),
    ]
    (tmp_path / "logs" / "trail.json").write_text(json.dumps({"Records": records}))

    _, doc, err = check(capsys, config)

    assert (doc["stats"]["malformed"], doc["stats"]["changes"]) == (2, 1)
    assert adds_up(doc["stats"])
    assert "warning: records: 2 malformed records" in err
    assert "bad-time: eventTime '24/11/2026 05:12' is not a time" in err
    assert "bad-body: requestParameters is not a JSON object" in err
