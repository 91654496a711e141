"""The listener runner of `drift serve` (bot/entry/ack_runner.py): the answer to Slack is the
listener's ack, returned when it is made; a listener that fails after its ack still answers
with it (Bolt's own runner cleared the ack when the error handler returned, so it answered only
if its 10 ms poll had seen the ack first), and one that fails before its ack answers with the
error boundary's words, as before. Signed requests
into the app's Bolt, a fake Slack and a real Redis (tests/slack_world.py)."""

from __future__ import annotations

import asyncio
import json

from bot.entry.ack_runner import PromptAckRunner
from tests import slack_requests as sr


def test_the_app_runs_its_listeners_with_the_prompt_runner(world):
    assert isinstance(world.app.listener_runner, PromptAckRunner)


def test_a_listener_that_fails_after_its_ack_still_answers_with_it(world):
    async def acks_then_fails(ack):
        await ack(text="on it")
        raise RuntimeError("after the ack")

    world.app.command("/acks-then-fails")(acks_then_fails)
    answer = world.dispatch(sr.slash_command("x", command="/acks-then-fails"))

    assert (answer.status, answer.body) == (200, "on it")


def test_a_listener_that_fails_before_its_ack_answers_with_the_error_boundary(world):
    async def fails(ack):
        raise RuntimeError("before the ack")

    world.app.command("/fails")(fails)
    answer = world.dispatch(sr.slash_command("x", command="/fails"))

    assert answer.status == 200
    assert "text" in json.loads(answer.body)  # handlers/base.py's explain(): a reference


def test_the_answer_does_not_wait_for_the_work_after_the_ack(world):
    """The HTTP answer is back while the listener is still at work after its ack (the work is
    held on an event the test sets only after the answer arrived)."""
    release = asyncio.Event()
    finished: list[bool] = []

    async def acks_then_works(ack):
        await ack(text="queued")
        await release.wait()
        finished.append(True)

    world.app.command("/acks-then-works")(acks_then_works)
    answer = world.dispatch(sr.slash_command("x", command="/acks-then-works"))
    done_before = list(finished)
    world.loop.call_soon(release.set)
    world.settle()

    assert answer.body == "queued"
    assert done_before == []
    assert finished == [True]
