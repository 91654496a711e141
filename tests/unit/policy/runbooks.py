"""Runbooks and findings for the policy tests, written the short way."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from bot.drift.findings import AttributeChange, EventSummary, Finding
from bot.errors import RunbookError
from bot.models import FindingKind
from bot.policy.parse import parse_runbook
from bot.policy.runbook import Runbook

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
