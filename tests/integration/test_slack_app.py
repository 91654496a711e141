"""The Slack app end to end, `/drift` and the transport: signed requests into Bolt over a fake
Slack Web API and a real redis-server (see tests/slack_world.py); checks acked with their job,
grammar errors answered, bad signatures refused, HTTP mode, who may check, concurrent checks,
Slack's rate limits."""

from __future__ import annotations

import asyncio
import json

from aiohttp import web

from bot.entry.app import http_app
from tests import slack_requests as sr
from tests.slack_world import (
    ALICE,
    BOB,
    CHANNEL,
    SG,
    check_demo,
)


def test_drift_check_acks_with_the_job_and_posts_cards_once(world):
    """`/drift check demo`: an ephemeral ack with the job id, a progress message updated in
    place to the result, one card per finding; checking again posts no second card."""
    job_id = check_demo(world)

    progress = [m for m in world.fake.top_level(CHANNEL) if job_id in json.dumps(m)]
    cards = [
        m
        for m in world.fake.top_level(CHANNEL)
        if "drift.accept" in json.dumps(m) or "drift.reapply" in json.dumps(m)
    ]
    posts = len(world.fake.calls("chat.postMessage"))
    check_demo(world)

    assert job_id.startswith("check-demo-")
    assert len(progress) == 1
    assert (
        "succeeded" in json.dumps(progress[0]).lower() or "done" in json.dumps(progress[0]).lower()
    )
    assert len(cards) == 8
    sg_card = world.card_of(SG)
    assert SG in json.dumps(world.fake.message(CHANNEL, sg_card["ts"]))
    assert len(world.fake.calls("chat.postMessage")) - posts == 1  # only the new progress message


def test_command_grammar_errors_get_usage_not_stack_traces(world):
    """Typos get suggestions, unknown environments the known ones, unconfigured ones a refusal."""
    typo = world.dispatch(sr.slash_command("chekc demo"))
    unknown = world.dispatch(sr.slash_command("check prdo"))
    unconfigured = world.dispatch(sr.slash_command("check staging"))
    nonsense = world.dispatch(sr.slash_command("please fix everything now"))
    help_text = world.dispatch(sr.slash_command(""))

    assert "check" in typo.body
    assert "Did you mean" in typo.body
    assert "prdo" in unknown.body
    assert "demo" in unknown.body
    assert "not set up for Slack" in unconfigured.body
    assert nonsense.status == 200
    assert "Traceback" not in nonsense.body
    assert "check ENV" in help_text.body


def test_bad_or_stale_signatures_are_rejected_with_401(world):
    """Requests not signed with the app's secret, or too old, never reach a listener."""
    wrong = world.dispatch(sr.slash_command("check demo", wrong_secret=True))
    stale = world.dispatch(sr.slash_command("check demo", stale=True))

    assert (wrong.status, stale.status) == (401, 401)
    assert world.fake.calls("chat.postMessage") == []


def test_only_the_configured_people_may_check_an_environment(world):
    """`locked` lets only its check group run checks: Alice is refused, Bob (a member) is not."""
    refused = world.dispatch(sr.slash_command("check locked", user_id=ALICE))
    allowed = world.dispatch(sr.slash_command("check locked", user_id=BOB))
    world.settle()

    assert "may run checks" in refused.body
    assert "Queued a check of `locked`" in allowed.body


def test_concurrent_checks_of_one_environment_queue_one_job(world):
    """50 `/drift check demo` at once: every one is acked, and one check is queued."""
    import aiohttp

    async def burst() -> list[str]:
        runner = web.AppRunner(http_app(world.app, world.deps, sr.SECRET))
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        try:
            async with aiohttp.ClientSession() as http:

                async def one() -> str:
                    req = sr.slash_command("check demo", user_id=BOB)
                    async with http.post(
                        f"http://127.0.0.1:{port}/slack/events", data=req.body, headers=req.headers
                    ) as r:
                        assert r.status == 200
                        return await r.text()

                return list(await asyncio.gather(*(one() for _ in range(50))))
        finally:
            await runner.cleanup()

    bodies = world.run(burst())
    world.settle()

    queued = [b for b in bodies if "Queued a check" in b]
    already = [b for b in bodies if "already queued or running" in b]
    assert (len(queued), len(already)) == (1, 49)
    job_id = queued[0].split("job `")[1].split("`")[0]
    assert all(job_id in b for b in already)


def test_http_mode_verifies_signatures_and_has_healthz(world):
    """`drift serve --http`: /slack/events answers signed requests, 401 otherwise; /healthz."""
    import aiohttp

    async def scenario() -> tuple[int, int, int]:
        runner = web.AppRunner(http_app(world.app, world.deps, sr.SECRET))
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        base = f"http://127.0.0.1:{port}"
        try:
            async with aiohttp.ClientSession() as http:
                good = sr.slash_command("help")
                bad = sr.slash_command("help", wrong_secret=True)
                async with http.post(
                    f"{base}/slack/events", data=good.body, headers=good.headers
                ) as r1:
                    ok = r1.status
                async with http.post(
                    f"{base}/slack/events", data=bad.body, headers=bad.headers
                ) as r2:
                    refused = r2.status
                async with http.get(f"{base}/healthz") as r3:
                    health = r3.status
            return ok, refused, health
        finally:
            await runner.cleanup()

    assert world.run(scenario()) == (200, 401, 200)


def test_slack_rate_limits_are_retried(world):
    """A 429 with Retry-After on chat.postMessage is retried: every card still arrives once."""
    world.fake.rate_limit("chat.postMessage", times=1)

    check_demo(world)

    cards = [m for m in world.fake.top_level(CHANNEL) if "drift.escalate" in json.dumps(m)]
    assert len(cards) == 8
    assert [c.status for c in world.fake.calls("chat.postMessage")].count(429) == 1
