"""Who may approve a reapply (bot/policy/approvers.py) and how a request counts it
(bot/lifecycle/approvals.py): never "anyone" (issue 9)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml

from bot.config.drift import EnvSlack, parse_config
from bot.errors import ApprovalRefused
from bot.lifecycle.approvals import approve, deny, new_request
from bot.policy.approvers import NOBODY, Approvers, approvers_for, reapply_off
from bot.policy.parse import parse_runbook

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)
CHANNEL = "C0DRIFT01"


def runbook(name: str = "sg", **fix: object):
    doc = {
        "description": "d",
        "severity": "high",
        "when": fix.pop("when", {}),
        "fix": {"reapply": {"webhook": {"url": "https://ci.example.com/h", "secret_env": "S"}}}
        | fix,
    }
    return parse_runbook(yaml.safe_dump(doc), Path(f"runbooks/{name}.yml"))


def env(**slack: object) -> EnvSlack:
    return EnvSlack.model_validate({"channel": CHANNEL} | slack)


def test_the_runbooks_groups_come_first():
    rb = runbook(approvals={"groups": ["S0RUNBOOK1"]})

    who = approvers_for(rb, env(approvers=["S0ENVGRP1"], check={"users": ["U0ALICE1"]}))

    assert who == Approvers(groups=("S0RUNBOOK1",), source="runbook")


def test_then_the_environments_approver_groups():
    who = approvers_for(runbook(), env(approvers=["S0ENVGRP1"], check={"users": ["U0ALICE1"]}))

    assert who == Approvers(groups=("S0ENVGRP1",), source="approvers")


def test_then_who_may_act_on_the_environments_cards():
    who = approvers_for(runbook(), env(check={"users": ["U0ALICE1"], "usergroups": ["S0CHECK01"]}))

    assert who == Approvers(users=("U0ALICE1",), groups=("S0CHECK01",), source="check")


def test_with_none_of_them_nobody_may_approve():
    assert approvers_for(runbook(), env()).nobody
    assert approvers_for(runbook(), None) is NOBODY


def request(approvers: Approvers, requester: str = "U0ALICE1"):
    return new_request(
        "r-1", "prod", "f-1", requester, 1, approvers, False, timedelta(hours=1), NOW
    )


def test_a_request_nobody_may_approve_is_approved_by_nobody():
    """Before: a request with no approver groups counted anyone's click."""
    with pytest.raises(ApprovalRefused) as err:
        approve(request(NOBODY), "U0STRANGER", set(), NOW)

    assert "Nobody may approve reapplies in `prod`" in str(err.value)


def test_an_approver_by_user_id_counts_and_a_stranger_does_not():
    req = request(Approvers(users=("U0CAROL1",), source="check"))

    with pytest.raises(ApprovalRefused) as err:
        approve(req, "U0STRANGER", {"S0OTHER01"}, NOW)
    assert "Only <@U0CAROL1> can approve" in str(err.value)
    assert approve(req, "U0CAROL1", set(), NOW).state == "approved"


def test_a_stranger_may_not_deny_the_requester_and_approvers_may():
    req = request(Approvers(groups=("S0APPROVE",), source="approvers"))

    with pytest.raises(ApprovalRefused):
        deny(req, "U0STRANGER", set(), NOW)
    with pytest.raises(ApprovalRefused):
        deny(request(NOBODY), "U0STRANGER", set(), NOW)
    assert deny(req, "U0ALICE1", set(), NOW).state == "denied"
    assert deny(req, "U0BOBBY1", {"S0APPROVE"}, NOW).state == "denied"


CONFIG = """
environments:
  prod:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {source: files, path: ./ct}
    slack: {channel: C0PROD001}
  staging:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {source: files, path: ./ct}
    slack: {channel: C0STAGE01, approvers: [S0APPROVE]}
  batch:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {source: files, path: ./ct}
"""


def test_reapply_off_lists_each_slack_environment_and_runbook_nobody_may_approve():
    config = parse_config(CONFIG, Path("drift.yml")).config
    runbooks = {
        "sg": runbook("sg"),
        "s3": runbook("s3", approvals={"groups": ["S0SECURITY"]}),
        "only-batch": runbook("only-batch", when={"environments": ["batch", "stag*"]}),
    }

    assert reapply_off(config, runbooks) == [("prod", "sg")]
