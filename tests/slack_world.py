"""A world for the Slack app's end-to-end tests: signed requests into Bolt, a fake Slack Web API
on loopback, a real redis-server, the worker and the notifier in the loop, and a webhook
receiver playing the pipeline. Each test module makes its `world` fixture from `slack_world`."""

from __future__ import annotations

import asyncio
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from slack_bolt.request.async_request import AsyncBoltRequest

from bot.entry.app import build_app, make_deps, startup_checks
from bot.entry.cli import load_config
from bot.entry.worker import build_worker
from bot.shell.deps import Deps, FollowPolicy
from bot.shell.escalate.runner import EscalationFollower
from bot.shell.notifier import Notifier
from bot.shell.redis.connection import RedisTarget
from bot.shell.redis.pace import Rate
from bot.shell.runbook_files import runbooks_for
from bot.shell.slack import web_client
from bot.shell.sweep import sweep
from tests import slack_requests as sr
from tests.fake_slack import FakeSlack

UNPACED = Rate(interval=0.0, burst=1)

ROOT = Path(__file__).resolve().parents[1]
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
    env: str = "demo"
    follow: FollowPolicy | None = None  # how the worker follows reapply runs (None: default)
    missing_channels: dict[str, str] = field(default_factory=dict)  # found at start-up
    now: datetime = DEMO_END  # the notifier's and the sweep's clock

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
                follow=self.follow,
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
            self.deps.runbooks,
            self.deps.store,
            self.deps.state,
            self.deps.slack,
            consumer="test",
            clock=lambda: self.now,
        )

        async def drain() -> int:
            await notifier.ensure_group()
            total = 0
            while handled := await notifier.step():
                total += handled
            return total

        return self.run(drain())

    def escalations(self) -> int:
        """Run the escalation follower until the outbox is drained (it queues the resolution
        of alerts and tickets); returns entries handled."""
        loaded = load_config(str(self.config))
        deps = Deps(loaded=loaded, runbooks=runbooks_for(loaded), store=self.deps.store)
        follower = EscalationFollower(deps, self.deps.queue, "test")

        async def drain() -> int:
            await follower.ensure_group()
            total = 0
            while handled := await follower.step():
                total += handled
            return total

        return self.run(drain())

    def job_deps(self, now: datetime | None = None) -> Deps:
        """What the worker's jobs get, on the app's Redis and Slack, at `now` (default
        `self.now`, read when the clock is)."""
        deps = Deps(
            loaded=self.deps.loaded,
            runbooks=self.deps.runbooks,
            store=self.deps.store,
            slack=self.deps.slack,
            slack_state=self.deps.state,
        )
        deps.clock = (lambda: now) if now is not None else (lambda: self.now)
        return deps

    def sweep(self) -> dict[str, int]:
        """The worker tick's sweep (reapply timeouts, expired acceptances and requests) at
        `self.now`."""
        result: dict[str, int] = self.run(sweep(self.job_deps()))
        return result

    def record(self, resource_id: str) -> Any:
        async def find() -> Any:
            records = await self.deps.store.records(self.env)
            return next(r for r in records if r.finding.resource_id == resource_id)

        return self.run(find())

    def card_of(self, resource_id: str) -> dict[str, Any]:
        record = self.record(resource_id)
        card = self.run(self.deps.state.card(self.env, record.id))
        assert card is not None
        return card


def write_config(tmp: Path, webhook_port: int, edit: Callable[[str], str] | None = None) -> Path:
    runbooks = tmp / "runbooks"
    shutil.copytree(ROOT / "runbooks", runbooks)
    sg = runbooks / "sg-open-to-internet.yml"
    sg.write_text(
        sg.read_text()
        .replace(
            "url: https://ci.example.com/hooks/driftbot/reapply",
            # The receiver is on loopback: the runbook must say private networks are fine.
            f"allow_private_network: true\n      url: http://127.0.0.1:{webhook_port}/hooks/reapply",
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
      baseline: false
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
    if edit is not None:
        config.write_text(edit(config.read_text()))
    return config


@contextmanager
def slack_world(
    redis_target: RedisTarget,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config_writer: Callable[[Path, int], Path] | None = None,
    env: str = "demo",
    edit: Callable[[str], str] | None = None,
    paced: bool = False,
    **fake_options: Any,
) -> Iterator[World]:
    """The app on `redis_target`, configured in `tmp_path` (by `config_writer`, given the
    folder and the webhook receiver's port; default `write_config` with drift.yml's text
    through `edit`, when given), talking to a fake Slack (`fake_options`: FakeSlack's).
    Posts are not paced unless `paced` (Slack's pace is one message a second per channel:
    tests that are not about it need not wait for it)."""
    if not paced:
        monkeypatch.setattr("bot.shell.slack.POST", UNPACED)
        monkeypatch.setattr("bot.shell.slack.UPDATE", UNPACED)
        monkeypatch.setattr("bot.shell.slack.PUBLISH", UNPACED)
    fake_slack = FakeSlack(usergroups={APPROVERS: [BOB, CAROL]}, **fake_options)
    with fake_slack as fake, Receiver() as receiver:
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
        monkeypatch.setenv("SLACK_API_URL", fake.base_url)
        monkeypatch.setenv("TEST_REAPPLY_SECRET", WEBHOOK_SECRET)
        if config_writer is not None:
            config = config_writer(tmp_path, receiver.port)
        else:
            config = write_config(tmp_path, receiver.port, edit)
        w = World(fake, redis_target, config, receiver, env=env)
        loaded = load_config(str(config))
        client = web_client(token="xoxb-test", base_url=fake.base_url)
        w.deps = w.run(make_deps(loaded, runbooks_for(loaded), redis_target, client))
        w.missing_channels = w.run(startup_checks(w.deps))  # as `drift serve` does
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


def click(world: World, action: str, value: str, user: str, **kw: Any) -> Any:
    response = world.dispatch(
        sr.block_actions(
            action, value, user_id=user, response_url=world.fake.response_url(user), **kw
        )
    )
    world.settle()
    return response
