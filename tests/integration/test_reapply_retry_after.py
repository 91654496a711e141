"""A reapply trigger that GitHub Actions, GitLab, HCP Terraform or Spacelift answers with 429 or
503 and a `Retry-After` is tried again no sooner than it asked (issue 12), bounded: within a
try, bot/shell/http.py sleeps waits up to two minutes; a longer wait, or a target still
refusing after its attempts, ends the try, and the trigger job (arq's Retry) is deferred by the
target's Retry-After when that is longer than its own backoff, at most MAX_DEFER.

Before: the job came back after its own 5 or 20 seconds, whatever the target asked.
Each target is its local fake (tests/fakes/); sleeps are recorded, never slept."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from arq import Retry

from bot.config.drift import parse_config
from bot.lifecycle.approvals import ApprovalRequest
from bot.policy.runbook import Fix, Reapply, Runbook, When
from bot.shell.deps import Deps, FollowPolicy
from bot.shell.http import MAX_DEFER
from bot.shell.reapply.runner import TRIGGER_DELAYS, dispatch_run
from tests.integration import test_reapply_github_actions as gh
from tests.integration import test_reapply_gitlab as gl
from tests.integration import test_reapply_spacelift as sl
from tests.integration import test_reapply_terraform_cloud as tf
from tests.integrations import ACCOUNT, NOW, Sleeps, record

github = gh.github
gitlab = gl.gitlab
tfc = tf.tfc
spacelift = sl.spacelift

# vendor: (its fake's fixture, the target, the variables it reads, the trigger request)
VENDORS: dict[str, tuple[str, Any, dict[str, str], tuple[str, str]]] = {
    "github_actions": ("github", gh.target, gh.ENV, ("POST", f"/repos/{gh.REPO}/actions/")),
    "gitlab": ("gitlab", gl.target, gl.ENV, ("POST", "/api/v4/projects/")),
    "terraform_cloud": ("tfc", tf.target, tf.ENV, ("POST", "/api/v2/runs")),
    "spacelift": ("spacelift", sl.target, sl.ENV, ("POST", "/graphql")),
}


def deps_for(tmp: Path, sleeps: Sleeps) -> Deps:
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
    loaded = parse_config(path.read_text(), path)
    return Deps(loaded=loaded, runbooks={}, store=None, sleep=sleeps)  # type: ignore[arg-type]


def trigger(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    tmp: Path,
    vendor: str,
    status: int,
    wait: str | None,
    times: int,
) -> tuple[Retry, Sleeps]:
    """The trigger job's first try against `vendor`'s fake answering `status` (with
    `Retry-After: wait`, when given) `times` times; the Retry it raised and the sleeps it
    asked for."""
    fixture, make_target, environ, (method, prefix) = VENDORS[vendor]
    fake = request.getfixturevalue(fixture)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    headers = {"Retry-After": wait} if wait is not None else {}
    fake.fail_next(method, prefix, status, {"message": "slow down"}, headers, times)
    rec = record()
    runbook = Runbook(
        name="sg-open",
        description="A security group was opened",
        severity="critical",
        when=When(),
        fix=Fix(reapply=Reapply(**{vendor: make_target(fake)})),
    )
    approval = ApprovalRequest(
        id="r-0123456789ab",
        env="prod",
        finding_id=rec.id,
        requester="U0ALICE",
        created_at=NOW,
        expires_at=NOW + timedelta(hours=4),
        needed=1,
        approvals=["U0BOB"],
    )
    sleeps = Sleeps()
    deps = deps_for(tmp, sleeps)
    with pytest.raises(Retry) as retried:
        asyncio.run(
            dispatch_run(deps, None, FollowPolicy(), "prod", approval, rec, runbook, 1, 1)  # type: ignore[arg-type]
        )
    return retried.value, sleeps


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_a_long_retry_after_defers_the_trigger_job_as_long(
    request, monkeypatch, tmp_path, vendor, status
):
    """Ten minutes asked: not slept through in the job, and the job comes back after ten
    minutes, not after its own five seconds."""
    retried, sleeps = trigger(request, monkeypatch, tmp_path, vendor, status, "600", 1)

    assert sleeps.waits == []
    assert retried.defer_score == 600_000


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_a_target_that_keeps_asking_is_waited_for_then_deferred_as_it_asks(
    request, monkeypatch, tmp_path, vendor
):
    """Every attempt within the try waits the minute asked; the job is deferred by it too."""
    retried, sleeps = trigger(request, monkeypatch, tmp_path, vendor, 429, "60", 4)

    assert sleeps.waits == [60.0, 60.0, 60.0]
    assert retried.defer_score == 60_000


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_a_retry_after_of_a_day_is_bounded(request, monkeypatch, tmp_path, vendor):
    retried, _ = trigger(request, monkeypatch, tmp_path, vendor, 503, "86400", 1)

    assert retried.defer_score == int(MAX_DEFER * 1000)


def test_without_retry_after_the_job_keeps_its_own_backoff(request, monkeypatch, tmp_path):
    retried, sleeps = trigger(request, monkeypatch, tmp_path, "terraform_cloud", 503, None, 4)

    assert sleeps.waits == [1.0, 2.0, 4.0]  # bot/shell/http.py's backoff within the try
    assert retried.defer_score == TRIGGER_DELAYS[0] * 1000
