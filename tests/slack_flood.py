"""Bursts of findings for the flood tests and bench/bench_burst.py: what a check that found N
new drifts leaves in Redis (N findings applied under its job id, the job's record, and its
`checked` entry), without reading N CloudTrail records first."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.drift.findings import EventSummary, Finding
from bot.lifecycle.transitions import FindingRecord, Transition, detect, finding_id
from bot.shell.redis.store import Store, Update

SEVERITIES = ("critical", "high", "medium", "low")


def burst_finding(env: str, n: int, at: datetime) -> Finding:
    """The n-th security group opened to the world by hand."""
    rid = f"sg-{n:017x}"
    event = EventSummary(
        event_id=f"e-{env}-{n:08d}",
        event_name="AuthorizeSecurityGroupIngress",
        event_time=(at - timedelta(minutes=n % 600)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        actor=f"dev{n % 7}@example.com",
        role="AWSReservedSSO_Admin",
        via="console",
        source_ip="203.0.113.7",
        request={
            "groupId": rid,
            "ipPermissions": {
                "items": [
                    {
                        "ipProtocol": "tcp",
                        "fromPort": 22,
                        "toPort": 22,
                        "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0"}]},
                    }
                ]
            },
        },
    )
    return Finding(
        kind="modified",
        resource_type="AWS::EC2::SecurityGroup",
        resource_id=rid,
        account_id="111122223333",
        region="us-east-1",
        addresses=[f"aws_security_group.sg[{n}]"],
        events=[event],
        severity=SEVERITIES[n % len(SEVERITIES)],
        runbook="sg-open-to-internet",
    )


async def seed_burst(store: Store, env: str, count: int, job_id: str, at: datetime) -> list[str]:
    """A check `job_id` of `env` that found `count` new findings: applied as the check
    applies them (held back for its batch), then its `checked` entry. Returns their ids."""
    await store.set_job(job_id, state="running", env=env)
    ids = []
    for n in range(count):
        finding = burst_finding(env, n, at)
        fid = finding_id(env, finding.key)
        await store.apply(env, fid, _detecting(finding, env, at, job_id), batch=job_id)
        ids.append(fid)
    await store.set_job(job_id, state="succeeded", result={"modified": count})
    await store.checked(env, job_id)
    return ids


def _detecting(finding: Finding, env: str, at: datetime, job_id: str) -> Update:
    def update(record: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        return detect(record, finding, env, at, job_id)

    return update
