"""The GitLab reapply target against the fake GitLab (tests/fakes/gitlab.py): the trigger with
its token and variables as form fields, the pipeline followed with a read token (a trigger token
cannot read pipelines), and GitLab's errors named with the target and the fix."""

from __future__ import annotations

import asyncio

import pytest

from bot.errors import IntegrationError
from bot.lifecycle.external import ReapplyRun
from bot.policy.targets import Gitlab
from bot.shell.reapply.gitlab import GitlabClient
from tests.fakes.gitlab import FakeGitLab
from tests.integrations import NOW, Sleeps, reapply_context, record

TRIGGER = "glptt-FAKEtriggerToken0123456789"
READER = "glpat-FAKEreadApiToken0123456789"
ENV = {"DRIFT_GITLAB_TRIGGER": TRIGGER, "DRIFT_GITLAB_READ": READER}
PROJECT = "acme/infra"


@pytest.fixture
def gitlab():
    with FakeGitLab() as fake:
        fake.add_project(PROJECT)
        fake.trigger_tokens[TRIGGER] = PROJECT
        fake.access_tokens[READER] = {"read_api"}
        yield fake


def target(gitlab: FakeGitLab, read: bool = True, **kw) -> Gitlab:
    return Gitlab(
        project=PROJECT,
        ref=kw.pop("ref", "main"),
        variables={"DRIFT_TARGETS": "{target_flags}", "DRIFT_FINDING": "{finding_id}"},
        token_env="DRIFT_GITLAB_TRIGGER",
        read_token_env="DRIFT_GITLAB_READ" if read else None,
        api_url=gitlab.base_url,
    )


def test_trigger_sends_the_token_and_variables_as_form_fields_and_follows(gitlab, tmp_path):
    rec = record()
    ctx = reapply_context(tmp_path, rec, ENV, Sleeps())
    client = GitlabClient()

    async def scenario():
        ref = await client.dispatch(target(gitlab), ctx)
        run = ReapplyRun(
            target="gitlab",
            request_id="r-1",
            run_id=ref.run_id,
            url=ref.url,
            requested_by="U0ALICE",
            started_at=NOW,
            updated_at=NOW,
        )
        return ref, [await client.poll(target(gitlab), run, ctx) for _ in range(4)]

    ref, seen = asyncio.run(scenario())

    [sent] = gitlab.calls("POST", "/api/v4/projects/")
    assert sent.path == "/api/v4/projects/acme%2Finfra/trigger/pipeline"
    assert sent.header("Content-Type").startswith("application/x-www-form-urlencoded")
    assert sent.header("PRIVATE-TOKEN") is None
    form = dict(pair.split("=", 1) for pair in sent.body.decode().split("&"))
    assert form["token"] == TRIGGER
    assert form["ref"] == "main"
    assert form["variables%5BDRIFT_FINDING%5D"] == rec.id
    assert ref.followed
    assert ref.url
    assert "/-/pipelines/" in ref.url
    reads = gitlab.calls("GET", "/api/v4/projects/")
    assert {r.header("PRIVATE-TOKEN") for r in reads} == {READER}
    assert [s.status for s in seen] == ["queued", "queued", "running", "succeeded"]
    pipeline = next(iter(gitlab.pipelines.values()))
    assert pipeline.variables == {
        "DRIFT_TARGETS": "-target=module.network.aws_security_group.web",
        "DRIFT_FINDING": rec.id,
    }


def test_without_a_read_token_the_pipeline_is_linked_but_not_followed(gitlab, tmp_path):
    ref = asyncio.run(
        GitlabClient().dispatch(
            target(gitlab, read=False), reapply_context(tmp_path, record(), ENV, Sleeps())
        )
    )

    assert not ref.followed
    assert ref.url


def test_a_personal_token_in_place_of_the_trigger_token_is_named(gitlab, tmp_path):
    environ = {**ENV, "DRIFT_GITLAB_TRIGGER": READER}
    with pytest.raises(IntegrationError) as caught:
        asyncio.run(
            GitlabClient().dispatch(
                target(gitlab), reapply_context(tmp_path, record(), environ, Sleeps())
            )
        )

    assert caught.value.status == 404
    assert "`DRIFT_GITLAB_TRIGGER`" in caught.value.user_message
    assert "not a trigger token" in caught.value.hint
    assert READER not in str(caught.value)


def test_an_unknown_ref_is_a_400_naming_it(gitlab, tmp_path):
    with pytest.raises(IntegrationError) as caught:
        asyncio.run(
            GitlabClient().dispatch(
                target(gitlab, ref="nope"), reapply_context(tmp_path, record(), ENV, Sleeps())
            )
        )

    assert caught.value.status == 400
    assert "`nope`" in caught.value.user_message


def test_429_retry_later_is_retried_after_retry_after(gitlab, tmp_path):
    gitlab.fail_next("POST", "/api/v4/projects/", 429, "Retry later", {"Retry-After": "5"})
    sleeps = Sleeps()

    ref = asyncio.run(
        GitlabClient().dispatch(target(gitlab), reapply_context(tmp_path, record(), ENV, sleeps))
    )

    assert sleeps.waits == [5.0]
    assert ref.run_id


def test_429_without_headers_backs_off(gitlab, tmp_path):
    gitlab.fail_next("POST", "/api/v4/projects/", 429, "Retry later", times=2)
    sleeps = Sleeps()

    asyncio.run(
        GitlabClient().dispatch(target(gitlab), reapply_context(tmp_path, record(), ENV, sleeps))
    )

    assert sleeps.waits == [1.0, 2.0]


def test_reading_with_the_trigger_token_is_refused_and_named(gitlab, tmp_path):
    rec = record()
    environ = {**ENV, "DRIFT_GITLAB_READ": TRIGGER}
    ctx = reapply_context(tmp_path, rec, environ, Sleeps())
    ref = asyncio.run(GitlabClient().dispatch(target(gitlab), ctx))
    run = ReapplyRun(
        target="gitlab",
        request_id="r-1",
        run_id=ref.run_id,
        requested_by="U0ALICE",
        started_at=NOW,
        updated_at=NOW,
    )

    with pytest.raises(IntegrationError) as caught:
        asyncio.run(GitlabClient().poll(target(gitlab), run, ctx))

    assert caught.value.status == 401
    assert "`DRIFT_GITLAB_READ`" in caught.value.user_message
    assert "read_api" in caught.value.hint


@pytest.mark.parametrize(
    ("script", "statuses"),
    [
        (["pending", "running", "failed"], ["queued", "running", "failed"]),
        (["created", "manual"], ["queued", "running"]),
        (["running", "canceled"], ["running", "failed"]),
    ],
)
def test_pipeline_statuses_map_to_run_statuses(gitlab, tmp_path, script, statuses):
    gitlab.next_script = script
    rec = record()
    ctx = reapply_context(tmp_path, rec, ENV, Sleeps())
    ref = asyncio.run(GitlabClient().dispatch(target(gitlab), ctx))
    run = ReapplyRun(
        target="gitlab",
        request_id="r-1",
        run_id=ref.run_id,
        requested_by="U0ALICE",
        started_at=NOW,
        updated_at=NOW,
    )

    seen = [asyncio.run(GitlabClient().poll(target(gitlab), run, ctx)) for _ in statuses]

    assert [s.status for s in seen] == statuses
