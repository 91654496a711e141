"""The integrations end to end through the fake Slack, a real Redis, the worker and the notifier,
with the environment live in moto (tests/live_world.py): Reapply → approvals → GitHub Actions
dispatch → the run followed → the resource read again → a resolved card; Escalate → PagerDuty
trigger → the finding resolved → PagerDuty resolve; Codify → a pull request with the import
block; a failed run on the card with Retry; automatic escalation of a critical finding nobody
acted on; and no secret anywhere Slack, the fakes' error answers or the logs could show."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from bot.slack import ActionId, ViewId
from tests import slack_requests as sr
from tests.live_world import BUCKET, ENV, REPO, ROUTING_KEY, Live, live_world
from tests.slack_world import ALICE, BOB, CAROL, CHANNEL, ESCALATIONS, World, click


@pytest.fixture
def live(redis_target, tmp_path, monkeypatch):
    with live_world(redis_target, tmp_path, monkeypatch) as world:
        yield world


def check(world: World) -> None:
    response = world.dispatch(sr.slash_command(f"check {ENV}", user_id=ALICE))
    world.settle()
    assert response.status == 200
    world.worker()
    world.notify()


def approve_all(world: World, value: str) -> str:
    """BOB and CAROL approve the pending request; returns its id."""
    request = [m for m in world.fake.messages(CHANNEL) if "drift.approve" in json.dumps(m)][-1]
    approve = next(
        a["value"]
        for b in request["blocks"]
        if b["type"] == "actions"
        for a in b["elements"]
        if a["action_id"] == "drift.approve"
    )
    click(world, ActionId.APPROVE, approve, BOB)
    click(world, ActionId.APPROVE, approve, CAROL)
    return str(approve.split("|")[1])


def card_text(world: World, resource_id: str) -> str:
    card = world.card_of(resource_id)
    return json.dumps(world.fake.message(CHANNEL, card["ts"]))


def thread(world: World, resource_id: str) -> list[str]:
    card = world.card_of(resource_id)
    return [m["text"] for m in world.fake.messages(CHANNEL, thread_ts=card["ts"])]


def test_reapply_through_github_actions_is_followed_to_a_resolved_card(live: Live):
    world = live.world
    check(world)
    before = world.record(live.sg)
    assert (before.state, before.finding.confirmed) == ("open", True)

    click(world, ActionId.REAPPLY, f"{ENV}|{before.id}", ALICE)
    approve_all(world, before.id)
    world.worker()
    world.notify()

    after = world.record(live.sg)
    assert after.state == "resolved"
    assert after.run is not None
    assert after.run.status == "succeeded"
    assert after.run.url == f"https://github.example/{REPO}/actions/runs/{after.run.run_id}"
    assert after.run.approved_by == [BOB, CAROL]
    [dispatch] = live.github.calls("POST", f"/repos/{REPO}/actions/workflows/")
    assert dispatch.json["inputs"]["finding"] == before.id
    assert dispatch.json["inputs"]["targets"] == "aws_security_group.web"
    polls = live.github.calls("GET", f"/repos/{REPO}/actions/runs/")
    assert len(polls) == 3  # queued, in_progress, completed
    text = card_text(world, live.sg)
    assert "Resolved" in text
    assert after.run.url in text
    said = thread(world, live.sg)
    assert any("Reapply dispatched to GitHub Actions" in s for s in said)
    assert any("The GitHub Actions run succeeded" in s for s in said)
    assert any("reapplying → resolved" in s for s in said)


def shell_deps(world: World, **kw: Any) -> Any:
    """The worker's dependencies over the world's Redis and Slack (to run job steps by hand)."""
    from bot.entry.cli import load_config
    from bot.shell.deps import Deps
    from bot.shell.runbook_files import runbooks_for

    loaded = load_config(str(world.config))
    return Deps(
        loaded=loaded,
        runbooks=runbooks_for(loaded),
        store=world.deps.store,
        slack=world.deps.slack,
        slack_state=world.deps.state,
        **kw,
    )


def run_line(world: World, resource_id: str) -> str:
    card = world.card_of(resource_id)
    message = world.fake.message(CHANNEL, card["ts"])
    return next(
        b["text"]["text"]
        for b in message["blocks"]
        if b["type"] == "section" and "Reapply run" in b["text"]["text"]
    )


def test_the_card_shows_the_run_queued_then_running_then_succeeded(live: Live):
    """Each step of the run, drawn by the notifier as it happens: queued with the run's link,
    running, succeeded; then the resource read again resolves the finding."""
    from bot.shell.deps import FollowPolicy
    from bot.shell.jobs import run_reapply_job
    from bot.shell.reapply.runner import follow_run

    world = live.world
    check(world)
    rec = world.record(live.sg)
    click(world, ActionId.REAPPLY, f"{ENV}|{rec.id}", ALICE)
    request_id = approve_all(world, rec.id)
    deps = shell_deps(world, follow=FollowPolicy(delays=(3600.0,)))
    queue = world.deps.queue

    world.run(run_reapply_job(deps, ENV, request_id, queue))
    world.notify()
    lines = [run_line(world, live.sg)]
    for poll in (1, 2, 3):
        world.run(follow_run(deps, queue, deps.follow, ENV, rec.id, request_id, 1, poll))
        world.notify()
        if world.record(live.sg).state != "resolved":
            lines.append(run_line(world, live.sg))

    assert "*queued*" in lines[0]
    assert "https://github.example/acme/infra/actions/runs/" in lines[0]
    assert "*queued*" in lines[1]  # the first poll still sees it queued
    assert "*running*" in lines[2]
    assert world.record(live.sg).state == "resolved"
    assert "Resolved" in card_text(world, live.sg)


def test_a_failed_run_is_on_the_card_with_who_asked_and_approved_and_a_retry(live: Live):
    world = live.world
    live.github.next_script = [("in_progress", None), ("completed", "failure")]
    check(world)
    rec = world.record(live.sg)
    click(world, ActionId.REAPPLY, f"{ENV}|{rec.id}", ALICE)
    approve_all(world, rec.id)
    world.worker()
    world.notify()

    failed = world.record(live.sg)
    assert failed.state == "open"
    assert failed.run is not None
    assert failed.run.status == "failed"
    line = run_line(world, live.sg)
    assert "*failed*" in line
    assert f"<@{ALICE}>" in line
    assert BOB in line  # (a test id too short to be a mention)
    assert CAROL in line
    assert "drift.retry" in card_text(world, live.sg)
    assert "drift.reapply" not in card_text(world, live.sg)

    live.github.next_script = [("completed", "success")]
    click(world, ActionId.RETRY, f"{ENV}|{rec.id}", BOB)  # an approver: the approvals hold
    world.worker()
    world.notify()

    retried = world.record(live.sg)
    assert retried.state == "resolved"
    assert retried.run is not None
    assert (retried.run.attempt, retried.run.status) == (2, "succeeded")
    assert len(live.github.calls("POST", f"/repos/{REPO}/actions/workflows/")) == 2
    assert any(
        "Retrying the reapply through GitHub Actions" in json.dumps(e)
        for e in world.fake.webhooks(BOB)
    )


def test_a_retry_by_someone_who_did_not_approve_asks_the_approvers_again(live: Live):
    world = live.world
    live.github.next_script = [("completed", "failure")]
    check(world)
    rec = world.record(live.sg)
    click(world, ActionId.REAPPLY, f"{ENV}|{rec.id}", ALICE)
    approve_all(world, rec.id)
    world.worker()
    world.notify()
    asked = len([m for m in world.fake.messages(CHANNEL) if "drift.approve" in json.dumps(m)])

    click(world, ActionId.RETRY, "|".join((ENV, rec.id)), "U0DAVE0000")

    requests = [m for m in world.fake.messages(CHANNEL) if "drift.approve" in json.dumps(m)]
    assert len(requests) == asked + 1
    assert len(live.github.calls("POST", f"/repos/{REPO}/actions/workflows/")) == 1


def escalate(world: World, rec_id: str, target: str, note: str = "") -> None:
    click(world, ActionId.ESCALATE, f"{ENV}|{rec_id}", ALICE)
    view = world.fake.last("views.open").params["view"]
    options = [
        o["value"]
        for b in view["blocks"]
        if b.get("element", {}).get("action_id") == "target"
        for o in b["element"]["options"]
    ]
    assert target in options
    values = {
        "target": {"target": sr.static_select(target)},
        "note": {"note": sr.text_input(note)},
    }
    world.dispatch(
        sr.view_submission(
            ViewId.ESCALATE, values, private_metadata=view["private_metadata"], user_id=ALICE
        )
    )
    world.settle()


def test_escalate_to_pagerduty_then_the_resolution_resolves_the_alert(live: Live):
    world = live.world
    check(world)
    rec = world.record(live.sg)

    escalate(world, rec.id, "@pagerduty", "SSH is open to the world")
    world.worker()
    world.notify()

    escalated = world.record(live.sg)
    assert escalated.state == "escalated"
    [trigger] = [r.json for r in live.pagerduty.calls("POST", "/v2/enqueue")]
    assert trigger["event_action"] == "trigger"
    assert trigger["dedup_key"] == rec.id
    assert trigger["payload"]["custom_details"]["note"] == "SSH is open to the world"
    assert trigger["links"][0]["href"].startswith("https://")  # the card's permalink
    assert f"PagerDuty alert {rec.id}" in card_text(world, live.sg)

    live.revert_ssh()  # someone puts it back by hand; the next check sees it
    check(world)
    world.escalations()
    world.worker()
    world.notify()

    assert world.record(live.sg).state == "resolved"
    calls = [r.json for r in live.pagerduty.calls("POST", "/v2/enqueue")]
    assert [c["event_action"] for c in calls] == ["trigger", "resolve"]
    assert calls[1] == {"routing_key": ROUTING_KEY, "event_action": "resolve", "dedup_key": rec.id}
    assert live.pagerduty.alerts[(ROUTING_KEY, rec.id)]["status"] == "resolved"
    assert "(closed)" in card_text(world, live.sg)


def test_the_modal_offers_every_target_and_each_ticket_is_made_once_and_closed(live: Live):
    world = live.world
    check(world)
    rec = world.record(live.sg)

    for target in ("@incident_io", "@jira", "@github_issue"):
        escalate(world, rec.id, target)
    world.worker()
    escalate(world, rec.id, "@jira", "still open, please look")  # a second escalation
    world.worker()
    world.notify()

    assert [
        e["status"]
        for e in live.incident_io.alerts[(next(iter(live.incident_io.sources)), rec.id)]["events"]
    ] == ["firing"]
    [key] = live.jira.issues
    assert len(live.jira.issues[key]["comments"]) == 1
    [issue] = live.github.repos[REPO].issues.values()
    text = card_text(world, live.sg)
    for words in (
        "incident.io alert",
        f"Jira issue <{live.jira.base_url}/browse/{key}|{key}>",
        "GitHub issue",
    ):
        assert words in text

    live.revert_ssh()
    check(world)
    world.escalations()
    world.worker()

    alert = live.incident_io.alerts[(next(iter(live.incident_io.sources)), rec.id)]
    assert alert["status"] == "resolved"
    assert live.jira.issues[key]["status"] == "Done"
    assert (issue.state, issue.state_reason) == ("closed", "completed")


def test_codify_opens_a_pull_request_with_the_import_block(live: Live):
    world = live.world
    check(world)
    bucket = world.record(BUCKET)
    assert bucket.finding.kind == "unmanaged"
    text = card_text(world, BUCKET)
    assert "aws_s3_bucket.scratch_export" in text
    assert "drift.codify" in text

    click(world, ActionId.CODIFY, f"{ENV}|{bucket.id}", ALICE)
    world.worker()
    world.notify()

    repo = live.github.repos[REPO]
    [pull] = repo.pulls
    assert pull["head"]["ref"] == f"driftbot/{bucket.id}"
    assert pull["base"]["ref"] == "main"
    assert "dev@example.com" in pull["body"]
    assert "CreateBucket" in pull["body"]
    content = repo.files[(f"driftbot/{bucket.id}", f"imports/{bucket.id}.tf")][1]
    assert 'import {\n  to = aws_s3_bucket.scratch_export\n  id = "scratch-export"\n}\n' in content
    after = card_text(world, BUCKET)
    assert f"Codify pull request <{pull['html_url']}|#{pull['number']}>" in after
    assert "drift.codify" not in after  # one pull request per finding


def test_accept_with_an_iac_note_files_the_attributes_to_change(live: Live):
    world = live.world
    check(world)
    rec = world.record(live.sg)
    click(world, ActionId.ACCEPT, f"{ENV}|{rec.id}", ALICE)
    view = world.fake.last("views.open").params["view"]
    assert any(b.get("block_id") == "iac_note" for b in view["blocks"])
    values = {
        "reason": {"reason": sr.text_input("SSH for the migration, IaC follows")},
        "iac_note": {"iac_note": {"type": "checkboxes", "selected_options": [{"value": "1"}]}},
    }

    world.dispatch(
        sr.view_submission(
            ViewId.ACCEPT, values, private_metadata=view["private_metadata"], user_id=ALICE
        )
    )
    world.settle()
    world.worker()
    world.notify()

    [issue] = live.github.repos[REPO].issues.values()
    assert "SSH for the migration, IaC follows" in issue.body
    assert "| attribute | IaC value | live value |" in issue.body
    assert 'ingress["tcp 22-22"]' in issue.body
    assert "`aws_security_group.web`" in issue.body
    assert "IaC note" in card_text(world, live.sg)


def test_an_open_critical_finding_nobody_acted_on_is_escalated_automatically(
    redis_target, tmp_path, monkeypatch
):
    from bot.entry.worker_jobs import tick_integrations

    with live_world(redis_target, tmp_path, monkeypatch, auto_after="30m") as live:
        world = live.world
        check(world)
        rec = world.record(live.sg)
        # The finding opened at the demo clock's "now"; 31 minutes later the tick escalates it.
        deps = shell_deps(world)
        deps.clock = lambda: rec.state_since + __import__("datetime").timedelta(minutes=31)
        early = shell_deps(world)
        early.clock = lambda: rec.state_since + __import__("datetime").timedelta(minutes=29)
        world.run(tick_integrations({"deps": early, "queue": world.deps.queue}))
        world.run(tick_integrations({"deps": deps, "queue": world.deps.queue}))
        world.run(tick_integrations({"deps": deps, "queue": world.deps.queue}))  # queued once
        world.worker()
        world.notify()

        after = world.record(live.sg)
        assert after.state == "escalated"
        assert len(live.pagerduty.calls("POST", "/v2/enqueue")) == 1
        assert len(live.jira.issues) == 1
        [posted] = world.fake.messages(ESCALATIONS)
        assert "Escalated automatically" in json.dumps(posted)
        assert any("open → escalated" in t for t in thread(world, live.sg))


def test_no_secret_appears_in_slack_redis_or_the_logs(live: Live, caplog):
    """Every token the runbooks name, in every place a person or an operator could read: the
    Slack messages, threads, ephemerals and views, the Redis state (findings, jobs, results),
    and the log lines. A failing target that echoes the token back is scrubbed too."""
    import logging

    from tests.live_world import GITHUB_TOKEN, JIRA_EMAIL, JIRA_TOKEN, SECRETS

    caplog.set_level(logging.DEBUG)
    world = live.world
    check(world)
    rec = world.record(live.sg)
    # GitHub answers 422 with the token in its message (a misbehaving proxy): scrubbed.
    live.github.fail_next(
        "POST", f"/repos/{REPO}/actions/", 422, {"message": f"bad input near {GITHUB_TOKEN}"}
    )
    click(world, ActionId.REAPPLY, f"{ENV}|{rec.id}", ALICE)
    approve_all(world, rec.id)
    world.worker()
    escalate(world, rec.id, "@pagerduty")
    escalate(world, rec.id, "@jira")
    world.worker()
    world.notify()
    assert world.record(live.sg).run.status == "failed"
    assert "***" in run_line(world, live.sg)

    async def everything_in_redis() -> str:
        redis = world.deps.store.redis
        out = []
        for key in await redis.keys("*"):
            kind = (await redis.type(key)).decode()
            if kind == "string":
                out.append(str(await redis.get(key)))
            elif kind == "hash":
                out.append(str(await redis.hgetall(key)))
            elif kind == "stream":
                out.append(str(await redis.xrange(key)))
            elif kind == "set":
                out.append(str(await redis.smembers(key)))
            elif kind == "zset":
                out.append(str(await redis.zrange(key, 0, -1)))
        return "\n".join(out)

    captured = "\n".join(
        [
            json.dumps([c.params for c in world.fake.calls()], default=str),
            json.dumps(world.fake.ephemerals(), default=str),
            world.run(everything_in_redis()),
            caplog.text,
        ]
    )
    basic = base64.b64encode(f"{JIRA_EMAIL}:{JIRA_TOKEN}".encode()).decode()
    assert basic not in captured
    for secret in SECRETS:
        assert secret not in captured
        assert base64.b64encode(secret.encode()).decode() not in captured
    assert live.github.requests  # the tokens were used: the fakes saw them
    assert GITHUB_TOKEN in live.github.everything_sent()
