"""Findings, records, runbooks and approval requests for the Slack rendering tests, and ways to
look into what was rendered (texts, buttons, Slack's limits)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.drift.findings import AttributeChange, EventSummary, Finding
from bot.lifecycle.approvals import new_request
from bot.lifecycle.transitions import FindingRecord, accept, detect, escalate, start_reapply
from bot.models import FindingKind
from bot.policy.approvers import Approvers
from bot.policy.runbook import Runbook
from bot.slack import Message

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
EVIL = "<!channel> <@U123> <https://evil.example|click>"
RAW_TOKENS = ("<!channel>", "<@U123>", "<https://evil", "<!here>")
OPEN_TO_THE_WORLD = AttributeChange(
    path='ingress["tcp 22-22"].cidr_blocks',
    expected=["10.0.0.0/8"],
    actual=["0.0.0.0/0", "10.0.0.0/8"],
)


def runbook(reapply: bool = True, name: str = "sg-open-to-internet") -> Runbook:
    fix: dict[str, Any] = {"escalate": {"channel": "#security", "usergroup": "S0SECURITY"}}
    if reapply:
        fix["reapply"] = {
            "webhook": {
                "url": "https://ci.example.com/hooks/reapply",
                "secret_env": "REAPPLY_SECRET",
            }
        }
    return Runbook.model_validate(
        {
            "name": name,
            "description": "A security group was opened to the internet",
            "severity": "critical",
            "when": {"resource_types": ["AWS::EC2::SecurityGroup"]},
            "fix": fix,
        }
    )


def event(i: int = 0, actor: str = "alice", name: str = "AuthorizeSecurityGroupIngress"):
    return EventSummary(
        event_id=f"e-{i:05d}",
        event_name=name,
        event_time=(T0 + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        actor=actor,
        role="AWSReservedSSO_Admin",
        via="console",
        source_ip="198.51.100.7",
    )


def finding(
    kind: FindingKind = "modified",
    rid: str = "sg-0a11b22c33d44e55f",
    events: list[EventSummary] | None = None,
    changes: list[AttributeChange] | None = None,
    confirmed: bool | None = True,
    reason: str | None = None,
    addresses: list[str] | None = None,
) -> Finding:
    return Finding(
        kind=kind,
        resource_type="AWS::EC2::SecurityGroup",
        resource_id=rid,
        account_id="111122223333",
        region="us-east-1",
        addresses=["module.network.aws_security_group.web"] if addresses is None else addresses,
        events=events if events is not None else [event()],
        confirmed=confirmed,
        changes=[OPEN_TO_THE_WORLD] if changes is None else changes,
        reason=reason,
        runbook="sg-open-to-internet",
        severity="critical",
    )


def record(f: Finding | None = None, env: str = "prod") -> FindingRecord:
    r, _ = detect(None, f or finding(), env, T0, "job-1")
    return r


def in_state(state: str) -> FindingRecord:
    r = record()
    if state == "accepted":
        r, _ = accept(r, "U0ALICE01", "hotfix", T0 + timedelta(days=7), T0)
    elif state == "escalated":
        r, _ = escalate(r, "U0ALICE01", "S0SECURITY", "please look", T0)
    elif state == "reapplying":
        r, _ = start_reapply(r, "U0ALICE01", ["U0BOB0001", "U0CAROL01"], "webhook", T0)
    elif state == "resolved":
        r, _ = detect(r, finding(confirmed=False, reason="matches IaC again"), "prod", T0)
    assert r.state == state
    return r


def request(needed: int = 2, requester: str = "U0ALICE01"):
    return new_request(
        "r-1",
        "prod",
        record().id,
        requester,
        needed,
        Approvers(groups=("S0APPROVE",), source="approvers"),
        False,
        timedelta(hours=4),
        T0,
    )


def dump(obj: object) -> str:
    if isinstance(obj, Message):
        obj = {"text": obj.text, "blocks": obj.blocks}
    return json.dumps(obj, ensure_ascii=False)


def texts(blocks: list[dict[str, Any]]) -> list[str]:
    """Every mrkdwn/plain text in the blocks."""
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("mrkdwn", "plain_text") and "text" in node:
                out.append(str(node["text"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(blocks)
    return out


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def action_ids(message: Message) -> list[str]:
    return [b["action_id"] for b in buttons(message.blocks)]


def assert_within_limits(message: Message) -> None:
    assert message.text.strip()
    assert len(message.text) <= 4000
    assert len(message.blocks) <= 50
    for block in message.blocks:
        if block["type"] == "section" and "text" in block:
            assert len(block["text"]["text"]) <= 3000
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
    for button in buttons(message.blocks):
        assert len(button["text"]["text"]) <= 75
        assert len(button.get("value", "")) <= 2000


def many_records(n: int, env: str = "prod") -> list[FindingRecord]:
    return [record(finding(rid=f"sg-{i:05d}"), env) for i in range(n)]
