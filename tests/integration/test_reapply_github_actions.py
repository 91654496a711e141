"""The GitHub Actions reapply target against the fake GitHub (tests/fakes/github.py): the
dispatch's method, path, headers and body; the run followed queued → running → succeeded or
failed; an older server's 204 with the run found by its title; and every error GitHub answers,
named with the target and the fix."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.errors import ConfigError, IntegrationError
from bot.lifecycle.external import ReapplyRun
from bot.policy.targets import GithubActions
from bot.shell.reapply.github_actions import GithubActionsClient
from tests.fakes.github import FakeGitHub
from tests.integrations import NOW, Sleeps, reapply_context, record

TOKEN = "ghp_FAKEtokenForTests0123456789abcdef"  # noqa: S105  (a test fixture)
REPO = "acme/infra"
ENV = {"DRIFT_GITHUB_TOKEN": TOKEN}


@pytest.fixture
def github():
    with FakeGitHub() as fake:
        fake.add_token(TOKEN, {REPO}, {"actions:write"})
        fake.add_workflow(REPO, "drift-reapply.yml", {"environment", "targets", "finding"})
        yield fake


def target(github: FakeGitHub, **kw) -> GithubActions:
    return GithubActions(
        repo=REPO,
        workflow=kw.pop("workflow", "drift-reapply.yml"),
        ref=kw.pop("ref", "main"),
        inputs=kw.pop(
            "inputs", {"environment": "{env}", "targets": "{addresses}", "finding": "{finding_id}"}
        ),
        token_env="DRIFT_GITHUB_TOKEN",
        api_url=github.base_url,
    )


def run_of(ref, rec) -> ReapplyRun:
    return ReapplyRun(
        target="github_actions",
        request_id="r-0123456789ab",
        status=ref.status,
        run_id=ref.run_id,
        url=ref.url,
        requested_by="U0ALICE",
        approved_by=["U0BOB"],
        started_at=NOW,
        updated_at=NOW,
    )


def test_dispatch_sends_the_documented_request_and_follows_the_run_to_success(github, tmp_path):
    rec = record()
    ctx = reapply_context(tmp_path, rec, ENV, Sleeps())
    client = GithubActionsClient()

    async def scenario():
        ref = await client.dispatch(target(github), ctx)
        seen = [await client.poll(target(github), run_of(ref, rec), ctx) for _ in range(3)]
        return ref, seen

    ref, seen = asyncio.run(scenario())

    [sent] = github.calls("POST", f"/repos/{REPO}/actions/workflows/drift-reapply.yml/dispatches")
    assert sent.header("Authorization") == f"Bearer {TOKEN}"
    assert sent.header("Accept") == "application/vnd.github+json"
    assert sent.header("X-GitHub-Api-Version") == "2022-11-28"
    assert sent.header("User-Agent").startswith("driftbot/")
    assert sent.json == {
        "ref": "main",
        "inputs": {
            "environment": "prod",
            "targets": "module.network.aws_security_group.web",
            "finding": rec.id,
        },
        "return_run_details": True,
    }
    assert ref.run_id is not None
    assert ref.url == f"https://github.example/{REPO}/actions/runs/{ref.run_id}"
    assert [(s.status, s.detail) for s in seen] == [
        ("queued", "queued"),
        ("running", "in_progress"),
        ("succeeded", "success"),
    ]


@pytest.mark.parametrize("conclusion", ["failure", "cancelled", "timed_out"])
def test_a_run_that_does_not_succeed_is_failed_with_its_conclusion(github, tmp_path, conclusion):
    github.next_script = [("in_progress", None), ("completed", conclusion)]
    rec = record()
    ctx = reapply_context(tmp_path, rec, ENV, Sleeps())
    client = GithubActionsClient()

    async def scenario():
        ref = await client.dispatch(target(github), ctx)
        return [await client.poll(target(github), run_of(ref, rec), ctx) for _ in range(2)]

    seen = asyncio.run(scenario())

    assert [(s.status, s.detail) for s in seen] == [
        ("running", "in_progress"),
        ("failed", conclusion),
    ]


def test_an_older_server_gets_a_second_dispatch_and_the_run_is_found_by_its_title(github, tmp_path):
    """GHES without `return_run_details`: 400 to the field, 204 without it; the run is then
    found among the workflow's dispatch runs by the finding id in its `run-name` title."""
    github.legacy_ghes = True
    rec = record()
    ctx = reapply_context(tmp_path, rec, ENV, Sleeps())
    client = GithubActionsClient()

    async def scenario():
        ref = await client.dispatch(target(github), ctx)
        first = await client.poll(target(github), run_of(ref, rec), ctx)
        return ref, first

    ref, first = asyncio.run(scenario())

    sent = github.calls("POST", f"/repos/{REPO}/actions/workflows/")
    assert ["return_run_details" in s.json for s in sent] == [True, False]
    assert ref.run_id is None
    assert first.run_id is not None
    assert first.url
    assert first.url.endswith(f"/actions/runs/{first.run_id}")
    [listed] = github.calls("GET", f"/repos/{REPO}/actions/workflows/drift-reapply.yml/runs")
    assert listed.query["event"] == "workflow_dispatch"
    assert listed.query["created"].startswith(">=")


def dispatch_error(github, tmp_path, environ=ENV, **kw) -> IntegrationError:
    ctx = reapply_context(tmp_path, record(), environ, Sleeps())
    with pytest.raises(IntegrationError) as caught:
        asyncio.run(GithubActionsClient().dispatch(target(github, **kw), ctx))
    return caught.value


def test_401_names_the_variable_not_the_token(github, tmp_path):
    err = dispatch_error(github, tmp_path, environ={"DRIFT_GITHUB_TOKEN": "ghp_wrong0123456789"})

    assert err.status == 401
    assert "`DRIFT_GITHUB_TOKEN`" in err.user_message
    assert "ghp_wrong" not in str(err)


def test_403_says_the_token_needs_actions_write(github, tmp_path):
    github.add_token(TOKEN, {REPO}, {"actions:read"})

    err = dispatch_error(github, tmp_path)

    assert err.status == 403
    assert err.user_message.startswith(
        "The token in `DRIFT_GITHUB_TOKEN` cannot dispatch workflows in acme/infra: it needs "
        "the `actions: write` permission"
    )
    assert "actions=write" in err.user_message  # GitHub's X-Accepted-GitHub-Permissions


def test_404_names_the_workflow_and_the_repository(github, tmp_path):
    err = dispatch_error(github, tmp_path, workflow="missing.yml")

    assert err.status == 404
    assert "`missing.yml`" in err.user_message
    assert "acme/infra" in err.user_message


def test_422_for_an_undeclared_input_says_to_declare_it(github, tmp_path):
    err = dispatch_error(github, tmp_path, inputs={"finding": "{finding_id}", "extra": "x"})

    assert err.status == 422
    assert "Unexpected inputs provided: ['extra']" in err.user_message
    assert "on.workflow_dispatch.inputs" in err.hint


def test_422_for_an_unknown_ref_says_which(github, tmp_path):
    err = dispatch_error(github, tmp_path, ref="release")

    assert "No ref found for: release" in err.user_message
    assert "`ref` (release)" in err.hint


def test_429_is_retried_after_the_retry_after_it_asks_for(github, tmp_path):
    github.fail_next(
        "POST", f"/repos/{REPO}/actions/", 429, {"message": "slow down"}, {"Retry-After": "3"}
    )
    sleeps = Sleeps()
    ctx = reapply_context(tmp_path, record(), ENV, sleeps)

    ref = asyncio.run(GithubActionsClient().dispatch(target(github), ctx))

    assert ref.run_id is not None
    assert sleeps.waits == [3.0]
    assert len(github.calls("POST", f"/repos/{REPO}/actions/")) == 2


def test_a_primary_rate_limit_403_waits_until_the_reset(github, tmp_path):
    reset = int(time.time()) + 20
    github.fail_next(
        "POST",
        f"/repos/{REPO}/actions/",
        403,
        {"message": "API rate limit exceeded for user ID 1."},
        {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(reset)},
    )
    sleeps = Sleeps()

    asyncio.run(
        GithubActionsClient().dispatch(
            target(github), reapply_context(tmp_path, record(), ENV, sleeps)
        )
    )

    [wait] = sleeps.waits
    assert 15 <= wait <= 20


def test_5xx_is_retried_with_backoff_then_named_retryable(github, tmp_path):
    github.fail_next("POST", f"/repos/{REPO}/actions/", 502, "bad gateway", times=4)
    sleeps = Sleeps()
    ctx = reapply_context(tmp_path, record(), ENV, sleeps)

    with pytest.raises(IntegrationError) as caught:
        asyncio.run(GithubActionsClient().dispatch(target(github), ctx))

    assert sleeps.waits == [1.0, 2.0, 4.0]
    assert caught.value.retryable
    assert "502" in caught.value.user_message


def test_a_wait_longer_than_two_minutes_is_not_slept_through(github, tmp_path):
    github.fail_next("POST", f"/repos/{REPO}/actions/", 429, {}, {"Retry-After": "3600"})
    sleeps = Sleeps()

    with pytest.raises(IntegrationError) as caught:
        asyncio.run(
            GithubActionsClient().dispatch(
                target(github), reapply_context(tmp_path, record(), ENV, sleeps)
            )
        )

    assert sleeps.waits == []
    assert "3600 s" in caught.value.user_message
    assert caught.value.retryable


def test_an_unset_token_variable_is_named(github, tmp_path):
    with pytest.raises(ConfigError) as caught:
        asyncio.run(
            GithubActionsClient().dispatch(
                target(github), reapply_context(tmp_path, record(), {}, Sleeps())
            )
        )

    assert "`DRIFT_GITHUB_TOKEN`" in caught.value.user_message
    assert "fix.reapply.github_actions.token_env" in caught.value.user_message
    assert github.requests == []


def test_reading_a_run_without_actions_read_says_so(github, tmp_path):
    rec = record()
    ctx = reapply_context(tmp_path, rec, ENV, Sleeps())
    ref = asyncio.run(GithubActionsClient().dispatch(target(github), ctx))
    github.add_token(TOKEN, {REPO}, set())

    with pytest.raises(IntegrationError) as caught:
        asyncio.run(GithubActionsClient().poll(target(github), run_of(ref, rec), ctx))

    assert "cannot read workflow runs" in caught.value.user_message
