"""Issue 11, "a card you read in one glance" and "real news resurfaces", end to end: the demo
day checked through `/drift check demo`, the worker and the notifier, into the fake Slack.

The card's headline and diff for each of the demo's eight findings (the README shows the same
text), links, less noise; news broadcast to the channel mentioning the people involved; green
resolved cards; ages counted from the change."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from bot.drift.findings import EventSummary
from bot.lifecycle.transitions import detect, reconfirm
from bot.slack import ActionId, ViewId
from tests import slack_requests as sr
from tests.slack_world import ALICE, CHANNEL, DEMO_END, SG, World, check_demo, click

# The card's headline (its notification text) and diff for each of the demo's findings, at
# the end of the demo day (README "Slack app").
DEMO_CARDS = {
    "sg-0a11b22c33d44e55f": (
        "🔴 demo · sg-0a11… opened tcp/22 to 0.0.0.0/0 · dev@example.com via console · 14 h ago",
        ["+ ingress tcp 22 from 0.0.0.0/0"],
    ),
    "demo-logs-111122223333": (
        "🔴 demo · demo-logs-111122223333 made public (s3:GetObject for everyone) · alice via cli"
        " · 13 h ago",
        ['policy: Principal "*" now allowed s3:GetObject'],
    ),
    "app-runtime": (
        "🟠 demo · app-runtime attached AdministratorAccess · alice via cli · 9 h ago",
        ["+ policy AdministratorAccess"],
    ),
    "orders-db": (
        "🟠 demo · orders-db set backup retention 1 day · ops@example.com via console · 12 h ago",
        ["• backup retention: 1 day"],
    ),
    "thumbnailer": (
        "🟡 demo · thumbnailer set timeout 900 s, memory 3008 MB · ops@example.com via console"
        " · 9 h ago",
        ["• timeout 900 s", "• memory 3008 MB"],
    ),
    "i-0fedcba9876543210": (
        "🟡 demo · i-0fed… terminated · bob via cli · 10 h ago",
        ["- the resource is gone (IaC still has it)"],
    ),
    "i-0aaaabbbbccccdddd": (
        "🟡 demo · i-0aaa… launched t3.large · dev@example.com via sdk · 8 h ago",
        ["• instance type: t3.large"],
    ),
    "demo-scratch-export": (
        "🟡 demo · demo-scratch-export created (no IaC manages it) · dev@example.com via console"
        " · 8 h ago",
        ["+ the resource exists; no IaC state has it"],
    ),
}


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def card_message(world: World, resource: str) -> dict[str, Any]:
    return world.fake.message(CHANNEL, world.card_of(resource)["ts"])


def diff_lines(message: dict[str, Any]) -> list[str]:
    diff = next(
        b["text"]["text"]
        for b in message["blocks"]
        if b["type"] == "section" and b["text"]["text"].startswith("```")
    )
    return diff.strip("`").split("\n")


def test_each_demo_card_says_what_happened_in_one_glance(world):
    """The headline (severity, environment, resource, what the change did, who and how, how
    long ago the change was made) and the diff in words, for each of the eight findings."""
    check_demo(world)

    for resource, (headline, diff) in DEMO_CARDS.items():
        message = card_message(world, resource)
        assert message["text"] == headline.replace("&", "&amp;")
        assert diff_lines(message) == diff, resource


def test_ages_count_from_the_change_not_from_detection(world):
    """The security group was opened at 09:14 and checked at midnight: 14 h ago, never "0.0 h
    old"; the card's one time is the change's (no "first seen", no version number)."""
    check_demo(world)
    text = dump(card_message(world, SG))

    assert "14 h ago" in text
    assert "first seen" not in text
    assert "0.0 h" not in text
    assert " · v1" not in text
    assert " · v2" not in text


def test_less_noise_no_repeat_in_the_thread_no_generic_reason(world):
    """Posting a card posts no "detected" reply repeating it; the environment-wide "confirm
    is off" is not repeated on each card; the runbook shows its one-line title, its
    `fix.escalate.note` sits by the buttons."""
    check_demo(world)
    card = world.card_of(SG)
    text = dump(world.fake.message(CHANNEL, card["ts"]))

    assert world.fake.messages(CHANNEL, thread_ts=card["ts"]) == []
    assert "confirm` is off" not in text
    assert "📘 `sg-open-to-internet`: A security group's ingress was opened" in text
    assert "💡 A port may be open to the internet" in text


def test_the_card_links_the_console_the_event_the_runbook_and_the_iac(
    redis_target, tmp_path, monkeypatch
):
    """The resource's console page, its CloudTrail event (id shown, linked), and the state
    entry's `source_url`."""
    from tests.slack_world import slack_world

    def with_source(text: str) -> str:
        return text.replace(
            "state: [{terraform: ",
            "state: [{source_url: 'https://git.example.com/infra/network', terraform: ",
            1,
        )

    with slack_world(redis_target, tmp_path, monkeypatch, edit=with_source) as world:
        check_demo(world)
        text = dump(card_message(world, SG))
        event_id = world.record(SG).finding.events[-1].event_id

    assert "ec2/home?region=us-east-1#SecurityGroup:groupId=sg-0a11b22c33d44e55f" in text
    assert f"cloudtrailv2/home?region=us-east-1#/events/{event_id}|{event_id}>" in text
    assert "<https://git.example.com/infra/network|IaC source>" in text


def new_event(world: World, resource: str, actor: str = "dev@example.com") -> None:
    """A later check finds one more hand change to `resource` (as a scheduled check would)."""
    record = world.record(resource)
    event = EventSummary(
        event_id="e-later-0001",
        event_name="AuthorizeSecurityGroupIngress",
        event_time="2026-11-24T02:00:00Z",
        actor=actor,
        role=None,
        via="cli",
        source_ip="203.0.113.7",
        request={
            "groupId": resource,
            "ipPermissions": {
                "items": [
                    {
                        "ipProtocol": "tcp",
                        "fromPort": 3389,
                        "toPort": 3389,
                        "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0"}]},
                    }
                ]
            },
        },
    )
    finding = record.finding.model_copy(update={"events": [*record.finding.events, event]})
    now = DEMO_END + timedelta(hours=2)
    world.run(world.deps.store.apply("demo", record.id, lambda r: detect(r, finding, "demo", now)))


def accept(world: World, resource: str, until: str | None = None) -> None:
    record = world.record(resource)
    click(world, ActionId.ACCEPT, f"demo|{record.id}", ALICE)
    view = world.fake.last("views.open").params["view"]
    values: dict[str, Any] = {"reason": {"reason": sr.text_input("debugging")}}
    if until:
        values["until"] = {"until": sr.datepicker(until)}
    world.dispatch(
        sr.view_submission(
            ViewId.ACCEPT, values, private_metadata=view["private_metadata"], user_id=ALICE
        )
    )
    world.settle()
    world.notify()


def test_a_new_change_to_an_accepted_finding_is_news_mentioning_who_accepted(world):
    """Before: the accepted card was edited in place, silently. Now the new change reopens it
    and a thread reply broadcast to the channel says so, mentioning whoever accepted it."""
    check_demo(world)
    accept(world, SG)
    assert world.fake.broadcasts(CHANNEL) == []

    new_event(world, SG)
    world.notify()

    [news] = world.fake.broadcasts(CHANNEL)
    assert news["thread_ts"] == world.card_of(SG)["ts"]
    assert "New change" in news["text"]
    assert "opened tcp/3389 to 0.0.0.0/0" in news["text"]
    assert f"accepted by <@{ALICE}>" in news["text"]
    assert world.record(SG).state == "open"


def test_a_new_change_to_an_open_finding_mentions_the_person_who_made_it(
    redis_target, tmp_path, monkeypatch
):
    """The actor's Slack user, when known (`slack.user_map`), is mentioned in the news."""
    from tests.slack_world import slack_world

    def mapped(text: str) -> str:
        return text.replace(
            "      baseline: false",
            "      baseline: false\n      ask_actor: false\n      user_map: {mallory: U0MALLORY}",
        )

    with slack_world(redis_target, tmp_path, monkeypatch, edit=mapped) as world:
        check_demo(world)
        new_event(world, SG, actor="mallory")
        world.notify()
        [news] = world.fake.broadcasts(CHANNEL)

    assert "<@U0MALLORY>" in news["text"]


def test_an_expired_acceptance_is_news_mentioning_who_accepted(world):
    """When an acceptance runs out (the sweep, every minute), the finding reopens and whoever
    accepted it hears about it."""
    check_demo(world)
    until = (world.deps.clock() + timedelta(days=2)).strftime("%Y-%m-%d")
    accept(world, SG, until)
    assert world.record(SG).state == "accepted"

    world.now = world.deps.clock() + timedelta(days=3)
    assert world.sweep()["expired"] == 1
    world.notify()

    [news] = world.fake.broadcasts(CHANNEL)
    assert "Acceptance expired" in news["text"]
    assert f"<@{ALICE}>" in news["text"]


def test_a_resolved_card_turns_green_says_how_and_loses_its_buttons(world):
    """Resolved: the headline is green and says how; no buttons are left."""
    check_demo(world)
    record = world.record(SG)
    back = record.finding.model_copy(update={"confirmed": False, "changes": [], "reason": None})
    world.run(
        world.deps.store.apply(
            "demo", record.id, lambda r: reconfirm(r, back, DEMO_END + timedelta(hours=1))
        )
    )
    world.notify()

    message = card_message(world, SG)
    headline = message["blocks"][0]["text"]["text"]
    assert headline.startswith("*🟩 demo · sg-0a11… resolved: the live resource matches IaC")
    assert not [b for b in message["blocks"] if b["type"] == "actions"]
