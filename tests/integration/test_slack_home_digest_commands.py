"""Issue 11, "App Home, digest, commands", through signed requests and the fake Slack: Home
published again after the changes it shows, with accepted findings and pending requests linked
to their cards; the digest by severity, new items marked, each with its state and link, who
accepted mentioned as a person; `/drift check ENV since 7d`; `/drift envs` for someone with
no access; echoed text escaped."""

from __future__ import annotations

import json
from typing import Any

from bot.shell.jobs import run_digest_job
from bot.slack import ActionId
from tests import slack_requests as sr
from tests.integration.test_slack_card_news import accept
from tests.slack_world import ALICE, CHANNEL, DEMO_END, SG, World, check_demo, click, slack_world


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def open_home(world: World, user: str) -> None:
    world.dispatch(sr.app_home_opened(user))
    world.settle()


def test_home_is_published_again_after_a_change_it_shows(world):
    """Alice opened Home; Bob accepts a finding: Alice's Home is published again, and lists
    it as accepted, linked to its card."""
    check_demo(world)
    open_home(world, ALICE)
    published = len(world.fake.calls("views.publish"))
    assert "Accepted" not in dump(world.fake.home(ALICE))

    accept(world, SG)  # notifies

    home = dump(world.fake.home(ALICE))
    assert len(world.fake.calls("views.publish")) > published
    assert "✅ *Accepted* by <@U0ALICE>" in home
    card = world.card_of(SG)
    link = f"https://fake.slack.test/archives/{CHANNEL}/p{card['ts'].replace('.', '')}"
    assert link in home


def test_home_lists_pending_reapply_requests(world):
    """A finding waiting for approvers shows the request on Home."""
    check_demo(world)
    click(world, ActionId.REAPPLY, f"demo|{world.record(SG).id}", ALICE)
    world.notify()
    open_home(world, ALICE)

    assert "⏳ Reapply asked by <@U0ALICE>: 0 of 2 approvals" in dump(world.fake.home(ALICE))


def digest(world: World) -> str:
    world.run(run_digest_job(world.job_deps(DEMO_END), "demo"))
    top = [m for m in world.fake.top_level(CHANNEL) if "Drift digest" in m.get("text", "")][-1]
    return dump(world.fake.messages(CHANNEL, thread_ts=top["ts"]))


def test_the_digest_is_by_severity_marks_new_items_and_mentions_who_accepted(world):
    """Most severe first; new items marked, not listed twice; each with its state and a link
    to its card; `accepted by <@U…>` rendered as a mention (before: the literal `<@U…>`)."""
    check_demo(world)
    accept(world, SG)

    text = digest(world)

    assert "accepted by <@U0ALICE>" in text
    assert "&lt;@U0ALICE&gt;" not in text
    assert text.count("orders-db") == 1  # new and open: listed once, marked new
    assert "🆕" in text
    assert "*open*" in text
    assert "*accepted*" in text
    critical = text.index("demo-logs-111122223333")
    high = text.index("orders-db")
    medium = text.index("thumbnailer")
    assert critical < high < medium
    assert "https://fake.slack.test/archives/" in text


def test_drift_check_takes_a_window(world):
    """`/drift check demo since 7d` checks the last 7 days, as the CLI's --since does."""
    response = world.dispatch(sr.slash_command("check demo since 7d", user_id=ALICE))
    world.settle()
    assert response.status == 200
    assert "over the last 7d" in response.body
    job_id = response.body.split("job `")[1].split("`")[0]
    world.worker()

    info = world.run(world.deps.store.job(job_id))
    assert info["result"]["window_start"].startswith("2026-11-17T00:00:00")


def test_a_bad_window_gets_the_usage(world):
    response = world.dispatch(sr.slash_command("check demo since forever", user_id=ALICE))
    assert "`since` takes a duration" in response.body


def test_envs_tells_someone_with_no_access_so(redis_target, tmp_path, monkeypatch):
    """Before: "No environments are configured" to someone who may just see none of them."""

    def only_alice(text: str) -> str:
        return text.replace(
            "      baseline: false", "      baseline: false\n      check: {users: [U0ALICE]}"
        )

    with slack_world(redis_target, tmp_path, monkeypatch, edit=only_alice) as world:
        response = world.dispatch(sr.slash_command("envs", user_id="U0NOBODY1"))
    assert "don't have access to any environment" in response.body
    assert "No environments are configured" not in response.body


def test_echoed_text_is_escaped(world):
    """`/drift history demo <!here>` echoes `<!here>` as text, never as a mention."""
    check_demo(world)
    response = world.dispatch(sr.slash_command("history demo <!here>", user_id=ALICE))
    typo = world.dispatch(sr.slash_command("<!channel> demo", user_id=ALICE))

    assert "&lt;!here&gt;" in response.body
    assert "<!here>" not in response.body
    assert "<!channel>" not in typo.body
