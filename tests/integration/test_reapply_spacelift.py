"""The Spacelift reapply target against the fake GraphQL API (tests/fakes/spacelift.py): the
API key exchanged for a token once and again when it expires, a tracked run triggered,
confirmed when it waits for a confirmation, and followed to FINISHED or FAILED."""

from __future__ import annotations

import asyncio

import pytest

from bot.errors import IntegrationError
from bot.lifecycle.external import ReapplyRun
from bot.policy.targets import Spacelift
from bot.shell.reapply import spacelift as module
from bot.shell.reapply.spacelift import SpaceliftClient
from tests.fakes.spacelift import FakeSpacelift
from tests.integrations import NOW, Sleeps, reapply_context, record

KEY_ID = "01HFAKEKEYID0123456789ABCD"
SECRET = "spacelift-FAKE-secret-0123456789"  # noqa: S105  (a test fixture)
ENV = {"SPACELIFT_KEY_ID": KEY_ID, "SPACELIFT_KEY_SECRET": SECRET}


@pytest.fixture
def spacelift():
    module._tokens.clear()
    with FakeSpacelift() as fake:
        fake.keys[KEY_ID] = SECRET
        fake.stacks.add("prod-network")
        yield fake
    module._tokens.clear()


def target(fake, stack="prod-network") -> Spacelift:
    return Spacelift(
        stack=stack,
        api_url=fake.base_url,
        key_id_env="SPACELIFT_KEY_ID",
        key_secret_env="SPACELIFT_KEY_SECRET",
    )


def followed(ref) -> ReapplyRun:
    return ReapplyRun(
        target="spacelift",
        request_id="r-1",
        run_id=ref.run_id,
        url=ref.url,
        requested_by="U0ALICE",
        started_at=NOW,
        updated_at=NOW,
    )


def follow(fake, tmp_path, polls: int):
    ctx = reapply_context(tmp_path, record(), ENV, Sleeps())
    client = SpaceliftClient()

    async def scenario():
        ref = await client.dispatch(target(fake), ctx)
        return ref, [await client.poll(target(fake), followed(ref), ctx) for _ in range(polls)]

    return asyncio.run(scenario())


def test_a_tracked_run_is_triggered_confirmed_and_followed_to_finished(spacelift, tmp_path):
    ref, seen = follow(spacelift, tmp_path, 8)

    login, trigger = spacelift.requests[0], spacelift.requests[1]
    assert login.header("Authorization") is None
    assert "apiKeyUser" in login.json["query"]
    assert trigger.header(
        "Authorization",
    ).startswith("Bearer jwt-")
    assert "runType: TRACKED" in trigger.json["query"]
    assert trigger.json["variables"] == {"stack": "prod-network"}
    assert ref.url == f"{spacelift.base_url}/stack/prod-network/run/{ref.run_id}"
    assert [s.status for s in seen] == [
        "queued",
        "running",
        "running",
        "running",
        "running",  # UNCONFIRMED: confirmed by driftbot
        "running",
        "running",
        "succeeded",
    ]
    assert spacelift.runs[ref.run_id or ""].confirmed
    assert spacelift.logins == 1  # the token is kept while valid


def test_a_run_that_fails_after_confirmation_is_failed(spacelift, tmp_path):
    spacelift.fail_after_confirm = True

    _, seen = follow(spacelift, tmp_path, 8)

    assert seen[-1].status == "failed"
    assert seen[-1].detail == "FAILED"


def test_an_expired_token_is_exchanged_again(spacelift, tmp_path):
    spacelift.ttl = 61.0  # cached until shortly before it expires: used once, then exchanged
    ctx = reapply_context(tmp_path, record(), ENV, Sleeps())
    client = SpaceliftClient()
    ref = asyncio.run(client.dispatch(target(spacelift), ctx))
    module._tokens[(spacelift.base_url, KEY_ID)] = ("jwt-expired", 0.0)

    seen = asyncio.run(client.poll(target(spacelift), followed(ref), ctx))

    assert seen.status == "queued"
    assert spacelift.logins == 2


def test_a_revoked_token_is_refused_then_exchanged_again(spacelift, tmp_path):
    ctx = reapply_context(tmp_path, record(), ENV, Sleeps())
    client = SpaceliftClient()
    ref = asyncio.run(client.dispatch(target(spacelift), ctx))
    spacelift.jwts.clear()  # Spacelift no longer honours the cached token: 401

    seen = asyncio.run(client.poll(target(spacelift), followed(ref), ctx))

    assert seen.status == "queued"
    assert spacelift.logins == 2


def test_a_wrong_secret_is_named_by_its_variables(spacelift, tmp_path):
    environ = {**ENV, "SPACELIFT_KEY_SECRET": "not-the-secret-at-all"}
    with pytest.raises(IntegrationError) as caught:
        asyncio.run(
            SpaceliftClient().dispatch(
                target(spacelift), reapply_context(tmp_path, record(), environ, Sleeps())
            )
        )

    assert "`SPACELIFT_KEY_ID`" in caught.value.user_message
    assert "not-the-secret" not in str(caught.value)


def test_an_unknown_stack_is_named(spacelift, tmp_path):
    with pytest.raises(IntegrationError) as caught:
        asyncio.run(
            SpaceliftClient().dispatch(
                target(spacelift, stack="nope"), reapply_context(tmp_path, record(), ENV, Sleeps())
            )
        )

    assert "nope" in caught.value.user_message


def test_5xx_is_retried(spacelift, tmp_path):
    spacelift.fail_next("POST", "/graphql", 503, "unavailable", {"Retry-After": "1"})
    sleeps = Sleeps()

    ref = asyncio.run(
        SpaceliftClient().dispatch(
            target(spacelift), reapply_context(tmp_path, record(), ENV, sleeps)
        )
    )

    assert ref.run_id
    assert sleeps.waits == [1.0]
