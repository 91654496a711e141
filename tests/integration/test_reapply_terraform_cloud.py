"""The HCP Terraform reapply target against the fake (tests/fakes/terraform_cloud.py): the
workspace looked up by name, a JSON:API run targeted at the finding's addresses, the run
followed by `GET /runs/:id` through its phases, and the API's errors."""

from __future__ import annotations

import asyncio

import pytest

from bot.errors import IntegrationError
from bot.lifecycle.external import ReapplyRun
from bot.policy.targets import TerraformCloud
from bot.shell.reapply.terraform_cloud import TerraformCloudClient
from tests.fakes.terraform_cloud import RATE_LIMITED, FakeTerraformCloud
from tests.integrations import NOW, Sleeps, reapply_context, record

TOKEN = "atlasv1-FAKEuserToken0123456789abcdefghij"  # noqa: S105  (test fixtures)
ORG_TOKEN = "atlasv1-FAKEorgToken0123456789abcdefgh"  # noqa: S105
ENV = {"DRIFT_TFC_TOKEN": TOKEN}


@pytest.fixture
def tfc():
    with FakeTerraformCloud() as fake:
        ws = fake.add_workspace("acme", "prod-network")
        fake.tokens[TOKEN] = {ws}
        fake.org_tokens.add(ORG_TOKEN)
        yield fake


def target(tfc, workspace="prod-network") -> TerraformCloud:
    return TerraformCloud(
        organization="acme",
        workspace=workspace,
        token_env="DRIFT_TFC_TOKEN",
        api_url=tfc.base_url,
    )


def followed(ref) -> ReapplyRun:
    return ReapplyRun(
        target="terraform_cloud",
        request_id="r-1",
        run_id=ref.run_id,
        url=ref.url,
        requested_by="U0ALICE",
        started_at=NOW,
        updated_at=NOW,
    )


def test_a_targeted_run_is_created_and_followed_to_applied(tfc, tmp_path):
    rec = record()
    ctx = reapply_context(tmp_path, rec, ENV, Sleeps())
    client = TerraformCloudClient()

    async def scenario():
        ref = await client.dispatch(target(tfc), ctx)
        return ref, [await client.poll(target(tfc), followed(ref), ctx) for _ in range(6)]

    ref, seen = asyncio.run(scenario())

    [looked, created] = [r for r in tfc.requests if r.method in ("GET", "POST")][:2]
    assert looked.path == "/api/v2/organizations/acme/workspaces/prod-network"
    assert created.header("Authorization") == f"Bearer {TOKEN}"
    assert created.header("Content-Type") == "application/vnd.api+json"
    data = created.json["data"]
    assert data["type"] == "runs"
    assert data["attributes"]["target-addrs"] == ["module.network.aws_security_group.web"]
    assert data["attributes"]["auto-apply"] is True
    assert data["relationships"]["workspace"]["data"]["id"].startswith("ws-")
    assert ref.run_id
    assert ref.run_id.startswith("run-")
    assert ref.url == f"{tfc.base_url}/app/acme/workspaces/prod-network/runs/{ref.run_id}"
    assert [s.status for s in seen] == [
        "queued",
        "running",
        "running",
        "running",
        "running",
        "succeeded",
    ]
    assert seen[-1].detail == "applied"


@pytest.mark.parametrize("end", ["errored", "discarded", "canceled", "policy_soft_failed"])
def test_runs_that_end_badly_are_failed(tfc, tmp_path, end):
    tfc.next_script = ["pending", "planning", end]
    ctx = reapply_context(tmp_path, record(), ENV, Sleeps())
    ref = asyncio.run(TerraformCloudClient().dispatch(target(tfc), ctx))

    seen = [
        asyncio.run(TerraformCloudClient().poll(target(tfc), followed(ref), ctx)) for _ in range(3)
    ]

    assert seen[-1].status == "failed"
    assert seen[-1].detail == end


def test_planned_and_finished_is_a_success(tfc, tmp_path):
    tfc.next_script = ["pending", "planned_and_finished"]
    ctx = reapply_context(tmp_path, record(), ENV, Sleeps())
    ref = asyncio.run(TerraformCloudClient().dispatch(target(tfc), ctx))

    seen = [
        asyncio.run(TerraformCloudClient().poll(target(tfc), followed(ref), ctx)) for _ in range(2)
    ]

    assert seen[-1].status == "succeeded"


def dispatch_error(tfc, tmp_path, environ=ENV, **kw) -> IntegrationError:
    with pytest.raises(IntegrationError) as caught:
        asyncio.run(
            TerraformCloudClient().dispatch(
                target(tfc, **kw), reapply_context(tmp_path, record(), environ, Sleeps())
            )
        )
    return caught.value


def test_a_bad_token_is_401_named(tfc, tmp_path):
    err = dispatch_error(tfc, tmp_path, environ={"DRIFT_TFC_TOKEN": "atlasv1-nope-nope"})

    assert err.status == 401
    assert "`DRIFT_TFC_TOKEN`" in err.user_message
    assert "atlasv1-nope" not in str(err)


def test_an_unknown_workspace_is_404_with_the_access_hint(tfc, tmp_path):
    err = dispatch_error(tfc, tmp_path, workspace="nope")

    assert err.status == 404
    assert "`nope`" in err.user_message
    assert "404, not 403" in err.hint


def test_an_organization_token_cannot_start_runs(tfc, tmp_path):
    err = dispatch_error(tfc, tmp_path, environ={"DRIFT_TFC_TOKEN": ORG_TOKEN})

    assert err.status == 404
    assert ORG_TOKEN not in str(err)


def test_422_says_what_was_invalid(tfc, tmp_path):
    tfc.fail_next(
        "POST",
        "/api/v2/runs",
        422,
        {
            "errors": [
                {
                    "status": "422",
                    "title": "invalid attribute",
                    "detail": "Target addrs are unknown",
                }
            ]
        },
    )

    err = dispatch_error(tfc, tmp_path)

    assert err.status == 422
    assert "Target addrs are unknown" in err.user_message


def test_429_is_retried(tfc, tmp_path):
    tfc.fail_next("POST", "/api/v2/runs", 429, RATE_LIMITED, {"Retry-After": "2"})
    sleeps = Sleeps()

    ref = asyncio.run(
        TerraformCloudClient().dispatch(
            target(tfc), reapply_context(tmp_path, record(), ENV, sleeps)
        )
    )

    assert sleeps.waits == [2.0]
    assert ref.run_id


def test_a_finding_without_addresses_is_refused_before_any_request(tfc, tmp_path):
    with pytest.raises(IntegrationError) as caught:
        asyncio.run(
            TerraformCloudClient().dispatch(
                target(tfc), reapply_context(tmp_path, record(addresses=[]), ENV, Sleeps())
            )
        )

    assert "no IaC address" in caught.value.user_message
    assert tfc.requests == []
