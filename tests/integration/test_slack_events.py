"""The Slack app end to end, what it says unasked: App Home (retried events handled once), the
daily digest, and the back-to-clean notice."""

from __future__ import annotations

import json

from bot.entry.cli import load_config
from bot.shell.jobs import Deps, run_digest_job
from bot.shell.runbook_files import runbooks_for
from tests import slack_requests as sr
from tests.slack_world import (
    BOB,
    CHANNEL,
    DEMO_END,
    SG,
    check_demo,
)


def test_event_retries_are_handled_once_and_home_lists_open_findings(world):
    """The same event_id twice publishes Home once; the view lists the open findings."""
    check_demo(world)
    first = sr.app_home_opened(BOB, event_id="Ev0HOME1")
    retry = sr.app_home_opened(BOB, event_id="Ev0HOME1", retry_num=1)

    world.dispatch(first)
    world.settle()
    retried = world.dispatch(retry)
    world.settle()

    assert retried.status == 200  # any other answer is a failed delivery, retried again
    assert len(world.fake.calls("views.publish")) == 1
    home = world.fake.home(BOB)
    assert home is not None
    assert SG in json.dumps(home)


def test_digest_posts_once_per_environment_and_stays_quiet_when_clean(world):
    """A digest with findings posts a summary and a threaded breakdown; clean twice in a row
    posts nothing the second time."""
    check_demo(world)
    loaded = load_config(str(world.config))
    deps = Deps(
        loaded=loaded,
        runbooks=runbooks_for(loaded),
        store=world.deps.store,
        slack=world.deps.slack,
        slack_state=world.deps.state,
    )
    before = len(world.fake.top_level(CHANNEL))

    world.run(run_digest_job(deps, "demo"))

    summary = world.fake.top_level(CHANNEL)[before:]
    assert len(summary) == 1
    assert world.fake.messages(CHANNEL, thread_ts=summary[0]["ts"])

    world.run(run_digest_job(deps, "locked"))  # never checked: clean
    world.run(run_digest_job(deps, "locked"))  # clean again: nothing to say
    [clean] = world.fake.messages("C0LOCKED1")
    assert "clean" in clean["text"]


def test_back_to_clean_once_when_the_last_open_finding_resolves(world):
    """When a later check finds every drift back in line, the channel hears it once."""
    from bot.lifecycle.transitions import detect

    check_demo(world)
    records = world.run(world.deps.store.records("demo"))
    now = DEMO_END

    async def resolve_all() -> None:
        for record in records:
            back = record.finding.model_copy(update={"confirmed": False, "changes": []})
            await world.deps.store.apply(
                "demo", record.id, lambda r, f=back: detect(r, f, "demo", now)
            )

    world.run(resolve_all())
    world.notify()
    world.notify()

    notices = [m for m in world.fake.top_level(CHANNEL) if "back to clean" in json.dumps(m).lower()]
    assert len(notices) == 1
