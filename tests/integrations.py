"""What the integration clients' tests share: a finding record, a reapply or escalation context
with a recording sleep (retries are asserted on the waits asked for, never on time), and an
environment to run them in."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.config.drift import parse_config
from bot.drift.findings import AttributeChange, EventSummary, Finding
from bot.lifecycle.transitions import FindingRecord, finding_id
from bot.policy.placeholders import PlaceholderValues
from bot.shell.escalate.base import EscalateContext
from bot.shell.reapply.base import ReapplyContext

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
ACCOUNT = "111122223333"


class Sleeps:
    """A sleep that records how long it was asked to wait, and returns at once."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


def finding(
    kind: str = "modified",
    resource_type: str = "AWS::EC2::SecurityGroup",
    resource_id: str = "sg-0a11b22c33d44e55f",
    addresses: list[str] | None = None,
    severity: str = "critical",
) -> Finding:
    return Finding(
        kind=kind,
        resource_type=resource_type,
        resource_id=resource_id,
        account_id=ACCOUNT,
        region="us-east-1",
        addresses=["module.network.aws_security_group.web"] if addresses is None else addresses,
        events=[
            EventSummary(
                event_id="ev-1",
                event_name="AuthorizeSecurityGroupIngress",
                event_time="2026-11-23T09:14:09Z",
                actor="dev@example.com",
                role=None,
                via="console",
                source_ip="203.0.113.7",
            )
        ],
        confirmed=True,
        changes=[
            AttributeChange(
                path='ingress["tcp 22-22"].cidr_blocks', expected=[], actual=["0.0.0.0/0"]
            )
        ],
        runbook="sg-open-to-internet",
        severity=severity,
    )


def record(env: str = "prod", **kw: Any) -> FindingRecord:
    f = finding(**kw)
    return FindingRecord(
        id=finding_id(env, f.key),
        env=env,
        state="open",
        finding=f,
        first_seen=NOW,
        last_seen=NOW,
        state_since=NOW,
    )


def environment(tmp: Path) -> Any:
    path = tmp / "drift.yml"
    path.write_text(
        f"""
environments:
  prod:
    account_id: "{ACCOUNT}"
    regions: [us-east-1]
    cloudtrail: {{source: files, path: {tmp}}}
"""
    )
    return parse_config(path.read_text(), path).environment("prod")


def reapply_context(
    tmp: Path,
    rec: FindingRecord,
    environ: Mapping[str, str],
    sleeps: Sleeps,
    request_id: str = "r-0123456789ab",
    attempt: int = 1,
    session_factory: Any = None,
) -> ReapplyContext:
    f = rec.finding
    values = PlaceholderValues(
        env=rec.env,
        finding_id=rec.id,
        resource_type=f.resource_type,
        resource_id=f.resource_id,
        account_id=f.account_id,
        region=f.region,
        addresses=f.addresses,
        requested_by="U0ALICE",
        approved_by=["U0BOB", "U0CAROL"],
        card_url="https://slack.example/archives/C0DRIFT01/p1",
    )
    return ReapplyContext(
        env_name=rec.env,
        env=environment(tmp),
        record=rec,
        request_id=request_id,
        attempt=attempt,
        values=values,
        sleep=sleeps,
        now=NOW,
        session_factory=session_factory,
        environ=environ,
    )


def escalate_context(
    rec: FindingRecord, environ: Mapping[str, str], sleeps: Sleeps, note: str = ""
) -> EscalateContext:
    return EscalateContext(
        record=rec,
        by="U0ALICE",
        note=note,
        card_url="https://slack.example/archives/C0DRIFT01/p1",
        sleep=sleeps,
        now=NOW,
        environ=environ,
    )
