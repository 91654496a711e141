"""The catalog's `confirm` column (`drift catalog terraform|events --format json`), counted
from the registries at run time, and the schemas read only when asked for."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

from bot.catalog.listing import event_entries, terraform_entries
from bot.shell.aws.schemas import SchemaStore
from bot.shell.confirm import confirm_column


def test_every_terraform_type_says_what_it_can_be_confirmed_for():
    of_type, of_terraform = confirm_column(SchemaStore())
    entries = {e["terraform_type"]: e for e in terraform_entries(of_terraform)}
    levels = Counter(e["confirm"] for e in entries.values())

    assert levels["attributes"] >= 150
    assert levels["attributes"] + levels["existence"] >= 350
    assert (entries["aws_sqs_queue"]["confirm"], entries["aws_sqs_queue"]["confirm_reason"]) == (
        "attributes",
        None,
    )
    assert entries["aws_security_group"]["confirm"] == "attributes"  # hand-written
    assert entries["aws_s3_bucket_logging"]["confirm"] == "existence"  # a child it ignores
    assert entries["aws_lambda_alias"]["confirm"] == "existence"  # the function is read
    ami = entries["aws_ami"]
    assert (ami["confirm"], ami["confirm_reason"]) == (
        "none",
        "AWS Cloud Control does not know AWS::EC2::Image (no resource schema for it), and "
        "driftbot has no reader of its own for it.",
    )
    assert all(e["confirm_reason"] for e in entries.values() if e["confirm"] == "none")
    events = event_entries(of_type)
    assert {e["confirm"] for e in events} == {"attributes", "existence", "none"}


def test_the_cli_lists_the_column():
    out = subprocess.run(
        [sys.executable, "-m", "bot", "catalog", "terraform", "--format", "json"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    first = json.loads(out)[0]
    assert {"confirm", "confirm_reason"} <= set(first)


def test_schemas_are_read_only_when_asked_for():
    """Importing the confirmer reads no schema; one type's confirmation reads one index and
    one schema file."""
    store = SchemaStore()
    assert (store._indexes, store._schemas) == ({}, {})
    schema = store.get("AWS::SQS::Queue", "eu-west-3")
    assert schema is not None
    assert schema.primary_names == ("QueueUrl",)
    assert (list(store._indexes), len(store._schemas)) == (["eu-west-3"], 1)
