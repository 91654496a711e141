"""The Slack app end to end: signed requests into Bolt, a fake Slack Web API on loopback, a
real redis-server, the worker and the notifier in the loop."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from slack_bolt.request.async_request import AsyncBoltRequest

from bot.entry.app import build_app, http_app, make_deps
from bot.entry.cli import load_config
from bot.entry.worker import build_worker
from bot.shell.jobs import Deps, run_digest_job
from bot.shell.notifier import Notifier
from bot.shell.redis.connection import RedisTarget
from bot.shell.runbook_files import runbooks_for
from bot.shell.slack import web_client
from bot.slack import ActionId, ViewId
from tests import slack_requests as sr
from tests.fake_slack import FakeSlack

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "demo"
CHANNEL = "C0DRIFT01"
ESCALATIONS = "C0SEC0001"
APPROVERS = "S0APPROVE1"
SG = "sg-0a11b22c33d44e55f"
ALICE, BOB, CAROL, DAVE = "U0ALICE", "U0BOB", "U0CAROL", "U0DAVE"
WEBHOOK_SECRET = "webhook-secret-for-tests"  # noqa: S105  (a test fixture)
DEMO_END = datetime(2026, 11, 24, tzinfo=UTC)


class Receiver:
    """The pipeline's side of the reapply webhook: records signed POSTs."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.port = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        asyncio.set_event_loop(self.loop)

        async def hook(request: web.Request) -> web.Response:
            self.requests.append((dict(request.headers), await request.read()))
            return web.json_response({"accepted": True}, status=202)

        async def start() -> None:
            app = web.Application()
            app.router.add_post("/hooks/reapply", hook)
            self.runner = web.AppRunner(app)
            await self.runner.setup()
            site = web.TCPSite(self.runner, "127.0.0.1", 0)
            await site.start()
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            self.ready.set()

        self.loop.run_until_complete(start())
        self.loop.run_forever()

    def __enter__(self) -> Receiver:
        self.thread.start()
        self.ready.wait(5)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@dataclass
class World:
    fake: FakeSlack
    target: RedisTarget
    config: Path
    receiver: Receiver
    loop: asyncio.AbstractEventLoop = field(default_factory=asyncio.new_event_loop)
    deps: Any = None
    app: Any = None

    def run(self, coro: Any) -> Any:  # the fixture's loop runs the app and its state
        return self.loop.run_until_complete(coro)

    def dispatch(self, request: sr.SignedRequest) -> Any:
        return self.run(
            self.app.async_dispatch(
                AsyncBoltRequest(body=request.body, headers=dict(request.headers))
            )
        )

    def settle(self) -> None:
        """Let Bolt's listeners (which run on after their ack) finish."""

        async def wait() -> None:
            for _ in range(200):
                pending = [
                    t
                    for t in asyncio.all_tasks(self.loop)
                    if t is not asyncio.current_task() and not t.done()
                ]
                if not pending:
                    return
                await asyncio.sleep(0.01)

        self.run(wait())

    def worker(self) -> None:
        async def burst() -> None:
            loaded = load_config(str(self.config))
            # Slack checks read the last 24 hours: "now" is the end of the demo day.
            worker = build_worker(
                loaded,
                runbooks_for(loaded),
                self.target,
                burst=True,
                with_cron=False,
                clock=lambda: DEMO_END,
            )
            try:
                await worker.main()
            finally:
                await worker.close()

        asyncio.run(burst())

    def notify(self) -> int:
        """Run the notifier until the outbox is drained; returns entries handled."""
        loaded = load_config(str(self.config))
        notifier = Notifier(
            loaded,
            runbooks_for(loaded),
            self.deps.store,
            self.deps.state,
            self.deps.slack,
            consumer="test",
        )

        async def drain() -> int:
            await notifier.ensure_group()
            total = 0
            while handled := await notifier.step():
                total += handled
            return total

        return self.run(drain())

    def record(self, resource_id: str) -> Any:
        async def find() -> Any:
            records = await self.deps.store.records("demo")
            return next(r for r in records if r.finding.resource_id == resource_id)

        return self.run(find())

    def card_of(self, resource_id: str) -> dict[str, Any]:
        record = self.record(resource_id)
        card = self.run(self.deps.state.card("demo", record.id))
        assert card is not None
        return card


def write_config(tmp: Path, webhook_port: int) -> Path:
    runbooks = tmp / "runbooks"
    shutil.copytree(ROOT / "runbooks", runbooks)
    sg = runbooks / "sg-open-to-internet.yml"
    sg.write_text(
        sg.read_text()
        .replace(
            "https://ci.example.com/hooks/driftbot/reapply",
            f"http://127.0.0.1:{webhook_port}/hooks/reapply",
        )
        .replace("DRIFT_REAPPLY_WEBHOOK_SECRET", "TEST_REAPPLY_SECRET")
    )
    config = tmp / "drift.yml"
    config.write_text(f"""
runbooks: ./runbooks
environments:
  demo:
    account_id: "111122223333"
    regions: [us-east-1, eu-west-1]
    cloudtrail: {{source: files, path: {DEMO / "cloudtrail"}}}
    state: [{{terraform: {DEMO / "terraform.tfstate"}}}]
    iac_principals: [arn:aws:iam::111122223333:role/terraform-ci]
    slack:
      channel: {CHANNEL}
      approvers: [{APPROVERS}]
      protected: true
      approvals: 2
      escalation_channel: {ESCALATIONS}
  staging:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {{source: files, path: {DEMO / "cloudtrail"}}}
  locked:
    account_id: "111122223333"
    regions: [us-east-1]
    cloudtrail: {{source: files, path: {DEMO / "cloudtrail"}}}
    slack:
      channel: C0LOCKED1
      check: {{usergroups: [{APPROVERS}]}}
""")
    return config


@pytest.fixture
def world(redis_target, tmp_path, monkeypatch) -> Iterator[World]:
    with FakeSlack(usergroups={APPROVERS: [BOB, CAROL]}) as fake, Receiver() as receiver:
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
        monkeypatch.setenv("SLACK_API_URL", fake.base_url)
        monkeypatch.setenv("TEST_REAPPLY_SECRET", WEBHOOK_SECRET)
        config = write_config(tmp_path, receiver.port)
        w = World(fake, redis_target, config, receiver)
        loaded = load_config(str(config))
        client = web_client(token="xoxb-test", base_url=fake.base_url)  # noqa: S106
        w.deps = w.run(make_deps(loaded, runbooks_for(loaded), redis_target, client))
        w.app = build_app(w.deps, client, sr.SECRET)
        yield w
        w.run(w.deps.store.redis.aclose(close_connection_pool=True))
        w.loop.close()


def check_demo(world: World) -> str:
    """`/drift check demo` over the demo day, the worker, then the notifier."""
    response = world.dispatch(sr.slash_command("check demo", user_id=ALICE))
    world.settle()
    assert response.status == 200
    job_id = response.body.split("job `")[1].split("`")[0]
    world.worker()
    world.notify()
    return job_id


# ---- running checks from Slack ----------------------------------------------------------------


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


# ---- the card's buttons -----------------------------------------------------------------------


def click(world: World, action: str, value: str, user: str, **kw: Any) -> Any:
    response = world.dispatch(
        sr.block_actions(
            action, value, user_id=user, response_url=world.fake.response_url(user), **kw
        )
    )
    world.settle()
    return response


def test_accept_opens_a_modal_and_a_double_submit_changes_state_once(world):
    """Accept → modal → submit: the finding is accepted once, the card drops its Accept button
    and the thread gets the audit reply; a second submit of the same form changes nothing."""
    check_demo(world)
    record = world.record(SG)
    click(world, ActionId.ACCEPT, f"demo|{record.id}", ALICE)
    view = world.fake.last("views.open").params["view"]
    meta = view["private_metadata"]
    reason_block = next(
        b["block_id"] for b in view["blocks"] if b.get("element", {}).get("action_id") == "reason"
    )
    values = {reason_block: {"reason": sr.text_input("debugging from the bastion until Friday")}}

    for _ in range(2):
        world.dispatch(
            sr.view_submission(ViewId.ACCEPT, values, private_metadata=meta, user_id=ALICE)
        )
        world.settle()
    world.notify()

    after = world.record(SG)
    card = world.card_of(SG)
    message = world.fake.message(CHANNEL, card["ts"])
    thread = world.fake.messages(CHANNEL, thread_ts=card["ts"])
    assert after.state == "accepted"
    assert after.version == record.version + 1
    assert "drift.accept" not in json.dumps(message)
    assert sum("debugging from the bastion" in json.dumps(m) for m in thread) == 1
    assert any(
        "changed while the form was open" in json.dumps(e) for e in world.fake.ephemerals(ALICE)
    )


def test_reapply_needs_two_distinct_approvers_who_are_not_the_requester(world):
    """Protected environment: the requester can't approve, a non-approver can't, a double
    click counts once, the second distinct approver triggers the signed webhook once."""
    check_demo(world)
    record = world.record(SG)
    click(world, ActionId.REAPPLY, f"demo|{record.id}", ALICE)
    request_msg = next(m for m in world.fake.messages(CHANNEL) if "drift.approve" in json.dumps(m))
    value = next(
        a["value"]
        for b in request_msg["blocks"]
        if b["type"] == "actions"
        for a in b["elements"]
        if a["action_id"] == "drift.approve"
    )

    click(world, ActionId.APPROVE, value, ALICE)
    click(world, ActionId.APPROVE, value, DAVE)
    click(world, ActionId.APPROVE, value, BOB)
    click(world, ActionId.APPROVE, value, BOB)
    assert world.receiver.requests == []
    click(world, ActionId.APPROVE, value, CAROL)
    world.worker()
    world.notify()

    said = (
        [json.dumps(e) for e in world.fake.webhooks(ALICE)]
        + [json.dumps(e) for e in world.fake.webhooks(DAVE)]
        + [json.dumps(e) for e in world.fake.webhooks(BOB)]
    )
    assert any("someone else" in s for s in said)
    assert any("Only members of" in s for s in said)
    assert any("already approved" in s for s in said)
    thread = world.fake.messages(CHANNEL, thread_ts=world.card_of(SG)["ts"])
    decisions = [m["text"] for m in thread if "the reapply request" in m["text"]]
    assert decisions == [
        f"<@{BOB}> approved the reapply request (1/2 approvals).",
        f"<@{CAROL}> approved the reapply request (2/2 approvals).",
    ]
    [(headers, body)] = world.receiver.requests
    expected = (
        "sha256="
        + hmac.new(
            WEBHOOK_SECRET.encode(),
            f"{headers['X-Driftbot-Timestamp']}.".encode() + body,
            hashlib.sha256,
        ).hexdigest()
    )
    assert headers["X-Driftbot-Signature"] == expected
    payload = json.loads(body)
    assert payload["approved_by"] == [BOB, CAROL]
    assert payload["requested_by"] == ALICE
    assert world.record(SG).state == "reapplying"


def test_escalate_posts_to_the_escalation_channel_mentioning_the_group(world):
    """Escalate → modal (target, note) → a message in the escalation channel with the group
    and a link to the card; the finding is escalated."""
    check_demo(world)
    record = world.record(SG)
    click(world, ActionId.ESCALATE, f"demo|{record.id}", ALICE)
    view = world.fake.last("views.open").params["view"]
    target_block = next(
        b["block_id"] for b in view["blocks"] if b.get("element", {}).get("action_id") == "target"
    )
    values = {target_block: {"target": sr.static_select(f"{ESCALATIONS}|{APPROVERS}")}}

    world.dispatch(
        sr.view_submission(
            ViewId.ESCALATE, values, private_metadata=view["private_metadata"], user_id=ALICE
        )
    )
    world.settle()
    world.notify()

    [posted] = world.fake.messages(ESCALATIONS)
    assert f"<!subteam^{APPROVERS}>" in json.dumps(posted)
    assert SG in json.dumps(posted)
    assert world.record(SG).state == "escalated"


# ---- events, home, digest ------------------------------------------------------------------------


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


def home_buttons(home: dict[str, Any], finding_id: str) -> set[str]:
    return {
        e["action_id"]
        for b in home["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e.get("value", "").endswith(f"|{finding_id}")
    }


def test_home_offers_no_second_reapply_while_a_request_is_pending(world):
    """Home shows the same buttons as the card: Reapply until a request is pending."""
    check_demo(world)
    record = world.record(SG)
    world.dispatch(sr.app_home_opened(BOB, event_id="Ev0HOME2"))
    world.settle()
    before = home_buttons(world.fake.home(BOB), record.id)

    click(world, ActionId.REAPPLY, f"demo|{record.id}", ALICE)
    world.dispatch(sr.app_home_opened(BOB, event_id="Ev0HOME3"))
    world.settle()
    after = home_buttons(world.fake.home(BOB), record.id)

    assert ActionId.REAPPLY in before
    assert ActionId.REAPPLY not in after
    assert ActionId.ACCEPT in after


def test_slack_rate_limits_are_retried(world):
    """A 429 with Retry-After on chat.postMessage is retried: every card still arrives once."""
    world.fake.rate_limit("chat.postMessage", times=1)

    check_demo(world)

    cards = [m for m in world.fake.top_level(CHANNEL) if "drift.escalate" in json.dumps(m)]
    assert len(cards) == 8
    assert [c.status for c in world.fake.calls("chat.postMessage")].count(429) == 1


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


def test_http_mode_verifies_signatures_and_has_healthz(world):
    """`drift serve --http`: /slack/events answers signed requests, 401 otherwise; /healthz."""
    import aiohttp

    async def scenario() -> tuple[int, int, int]:
        runner = web.AppRunner(http_app(world.app, world.deps))
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
        runner = web.AppRunner(http_app(world.app, world.deps))
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
