"""The worker: an arq worker running checks, scheduled checks and digests.

arq traps handled here (see DEPENDENCIES.md): the Worker is built inside the running event
loop; payloads and results are JSON; `redis<6`. A running job refreshes arq's in-progress key
to a short TTL (its heartbeat), so when its worker is killed another worker picks the job up
within a minute instead of after the whole job timeout.

Signals and Redis outages are bot/entry/supervisor.py's; the health server (`--health-port`,
and `--metrics-port` with `/metrics` too) is bot/shell/health.py's. With `realtime:` in drift.yml
the worker also consumes its SQS queue (bot/entry/listen.py), stopped by the same signals.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from arq import Retry, cron
from arq.worker import Function, Worker, func
from croniter import croniter

from bot.config.drift import LoadedConfig
from bot.drift.progress import progress_fields
from bot.entry.listen import readiness, slack_gateway, start_realtime
from bot.entry.supervisor import Supervisor
from bot.entry.worker_jobs import (
    integration_functions,
    start_follower,
    stop_follower,
    tick_integrations,
)
from bot.errors import DriftBotError
from bot.policy.runbook import Runbook
from bot.shell import metrics
from bot.shell.deps import FollowPolicy
from bot.shell.health import HealthServer, HealthState
from bot.shell.jobs import (
    Deps,
    LatestProgress,
    fail_job,
    heartbeat,
    run_check_job,
    run_digest_job,
    run_reapply_job,
    show_progress,
)
from bot.shell.logs import log_context
from bot.shell.notifier import Notifier
from bot.shell.redis import keys
from bot.shell.redis.connection import RedisTarget
from bot.shell.redis.queue import (
    CHECK,
    DIGEST,
    REAPPLY,
    RUNNING_TTL,
    Queue,
    deserialize,
    serialize,
)
from bot.shell.redis.slack_state import SlackState
from bot.shell.redis.store import Store
from bot.shell.slack import SlackGateway, web_client
from bot.shell.slack_setup import channels_without_bot, resolve_runbook_channels
from bot.shell.sweep import sweep

log = logging.getLogger("driftbot.worker")
MAX_TRIES = 3
JOB_TIMEOUT = timedelta(hours=1)
# A running job renews its lease every third of it; when its worker dies, another worker
# picks the job up once the lease runs out.
LEASE = timedelta(seconds=30)


async def check_environment(ctx: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    """arq job: check one environment and update its findings."""
    deps: Deps = ctx["deps"]
    job_id: str = ctx["job_id"]
    env = str(payload["env"])
    progress = LatestProgress()
    stop = asyncio.Event()
    lease: timedelta = ctx.get("lease", LEASE)

    async def beat() -> None:
        redis = deps.store.redis
        await redis.pexpire(keys.in_progress(job_id), _ms(lease))
        await deps.store.refresh_running(env, job_id, RUNNING_TTL)
        if progress.update is not None and progress.update is not progress.written:
            progress.written = progress.update
            at = datetime.now(UTC).isoformat()
            await deps.store.set_job(
                job_id, progress={**progress_fields(progress.update), "at": at}
            )
            await show_progress(deps, job_id, "running", progress.update)

    beating = asyncio.create_task(heartbeat(beat, max(lease / 3, timedelta(seconds=1)), stop))
    started = time.monotonic()
    try:
        with log_context(job_id=job_id, env=env):
            result = await run_check_job(deps, payload, job_id, ctx.get("job_try", 1), progress)
    except DriftBotError as exc:
        if exc.retryable and ctx.get("job_try", 1) < MAX_TRIES:
            raise Retry(defer=30 * ctx.get("job_try", 1)) from exc
        result = await fail_job(deps, job_id, exc)
    except (asyncio.CancelledError, Retry):
        raise
    except Exception as exc:  # recorded for `drift status`; the traceback goes to the log
        result = await fail_job(deps, job_id, exc)
    finally:
        stop.set()
        await beating
    await deps.store.release_running(env, job_id)
    failed = "error" in result
    _count_check(env, result, time.monotonic() - started)
    state, shown = ("failed", None) if failed else ("succeeded", result)
    await show_progress(deps, job_id, state, progress.update, shown, result.get("error"))
    return result


async def reapply_finding(ctx: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    """arq job: trigger an approved reapply's webhook, then move the finding to reapplying."""
    deps: Deps = ctx["deps"]
    attempt = int(payload.get("attempt") or 1)
    env, request_id = str(payload["env"]), str(payload["request_id"])
    job_try = int(ctx.get("job_try", 1))
    result = await run_reapply_job(deps, env, request_id, ctx.get("queue"), attempt, job_try)
    metrics.REAPPLY.labels(_outcome(result)).inc()
    return result


async def digest_environment(ctx: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    """arq job: the daily digest of one environment, posted to its Slack channel if any."""
    deps: Deps = ctx["deps"]
    digest = await run_digest_job(deps, str(payload["env"]))
    return digest.model_dump(mode="json")


async def tick(ctx: dict[str, Any]) -> None:
    """Every minute: enqueue the checks and digests whose time has come."""
    deps: Deps = ctx["deps"]
    queue: Queue = ctx["queue"]
    now = deps.clock()
    for name, env in deps.loaded.config.environments.items():
        schedule = env.schedule
        local = now.astimezone(schedule.zone)
        if schedule.check:
            slot = croniter(schedule.check, local).get_prev(datetime)
            if local - slot < timedelta(minutes=1):
                job_id = keys.scheduled_check_job(name, f"{slot:%Y%m%dT%H%M}")
                await queue.enqueue_check(
                    name, trigger="schedule", requested_by="schedule", scheduled=True, job_id=job_id
                )
        if schedule.digest:
            hour, minute = (int(p) for p in schedule.digest.split(":"))
            due = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
            last = await deps.store.last_digest(name)
            if local >= due and (last is None or last < due):
                await queue.enqueue_digest(name, f"{due:%Y%m%d}")
        records = await deps.store.records(name)
        metrics.set_findings(name, [(r.state, r.finding.severity or "none") for r in records])
    await tick_integrations(ctx)
    await sweep(deps)  # reapply timeouts, expired acceptances and requests (issue 11)


async def startup(ctx: dict[str, Any]) -> None:
    deps: Deps = ctx["deps_factory"](ctx["redis"])
    if deps.slack is not None:  # runbook channel names to ids, once (issue 11)
        deps.runbooks = await resolve_runbook_channels(deps.runbooks, deps.slack)
        # The channels it would post to that the bot is not in: warned, and on /healthz.
        missing = await channels_without_bot(deps.loaded, deps.runbooks, deps.slack)
        health: HealthState | None = ctx.get("health")
        if health is not None:
            health.channels_without_bot = missing
    ctx["deps"] = deps
    ctx["queue"] = Queue(ctx["redis"], deps.store)
    if deps.slack is not None and deps.slack_state is not None:
        stop = asyncio.Event()
        consumer = f"worker-{socket.gethostname()}-{os.getpid()}"
        notifier = Notifier(
            deps.loaded,
            deps.runbooks,
            deps.store,
            deps.slack_state,
            deps.slack,
            consumer=consumer,
            clock=deps.clock,
            lease=ctx.get("lease", LEASE),
        )
        where = ctx.get("where", "Redis")
        ctx["notifier"] = (stop, asyncio.create_task(notifier.run(stop, where)))
    start_follower(ctx)
    log.info("driftbot worker ready: %s", ", ".join(deps.loaded.config.environments))


async def shutdown(ctx: dict[str, Any]) -> None:
    await stop_follower(ctx)
    if "notifier" in ctx:
        stop, task = ctx.pop("notifier")
        stop.set()
        await task


class DriftWorker(Worker):
    """arq's Worker, telling its health state each time it polls its queue (the liveness a
    process supervisor can check: a worker alive but stuck stops polling)."""

    health: HealthState | None = None

    async def heart_beat(self) -> None:
        await super().heart_beat()
        if self.health is not None:
            self.health.polled()


def build_worker(
    loaded: LoadedConfig,
    runbooks: Mapping[str, Runbook],
    target: RedisTarget,
    *,
    burst: bool = False,
    with_cron: bool = True,
    job_timeout: timedelta = JOB_TIMEOUT,
    lease: timedelta = LEASE,
    clock: Callable[[], datetime] | None = None,
    follow: FollowPolicy | None = None,
    health: HealthState | None = None,
) -> Worker:
    """The arq Worker. Call it inside the running event loop (arq captures the loop). Signals
    are the caller's (bot/entry/supervisor.py), not arq's."""

    def deps_factory(redis: Any) -> Deps:
        retention = loaded.config.history.retention_delta
        slack = SlackGateway(web_client()) if os.environ.get("SLACK_BOT_TOKEN") else None
        state = SlackState(redis) if slack else None
        store = Store(redis, retention)
        deps = Deps(loaded=loaded, runbooks=runbooks, store=store, slack=slack, slack_state=state)
        if clock is not None:
            deps.clock = clock
            deps.store.clock = clock
        if follow is not None:
            deps.follow = follow
        return deps

    functions: list[Function] = [
        func(check_environment, name=CHECK, max_tries=MAX_TRIES),
        func(digest_environment, name=DIGEST, max_tries=MAX_TRIES),
        func(reapply_finding, name=REAPPLY, max_tries=MAX_TRIES),
        *integration_functions(),
    ]
    cron_jobs = [cron(tick, name="tick", second=0, run_at_startup=True)] if with_cron else []
    worker = DriftWorker(
        functions=functions,
        cron_jobs=cron_jobs,
        redis_settings=target.settings(),
        burst=burst,
        poll_delay=0.2 if burst else 0.5,
        max_tries=MAX_TRIES,
        job_timeout=job_timeout,
        keep_result=3600,
        job_serializer=serialize,
        job_deserializer=deserialize,
        on_startup=startup,
        on_shutdown=shutdown,
        ctx={"deps_factory": deps_factory, "lease": lease, "where": target.where, "health": health},
        handle_signals=False,
    )
    worker.health = health
    return worker


async def run_worker(
    loaded: LoadedConfig,
    runbooks: Mapping[str, Runbook],
    target: RedisTarget,
    *,
    burst: bool = False,
    lease: timedelta = LEASE,
    health_port: int | None = None,
    health_host: str = "127.0.0.1",
    metrics_port: int | None = None,
) -> None:
    """Run until SIGTERM/SIGINT (or, in burst mode, until the queue is empty), through Redis
    outages; with `health_port`, serve /healthz and /readyz there; with `metrics_port`, those
    and /metrics. With `realtime:` configured (and not in burst mode), consume its queue too."""
    health = HealthState()
    log.info("driftbot worker on Redis at %s", target.where)

    def build() -> Worker:
        return build_worker(
            loaded, runbooks, target, burst=burst, with_cron=not burst, lease=lease, health=health
        )

    supervisor = Supervisor(build, target, health, burst=burst)
    realtime = None if burst else start_realtime(loaded, runbooks, target, supervisor.stopping)
    checks = readiness(realtime, slack_gateway())
    servers = [
        HealthServer(health, health_host, port, checks=checks, metrics=port == metrics_port)
        for port in dict.fromkeys(p for p in (health_port, metrics_port) if p is not None)
    ]
    try:
        for server in servers:
            await server.start()
        await supervisor.run()
    finally:
        supervisor.stopping.set()
        if realtime is not None:
            await realtime.finish()
        for server in servers:
            await server.stop()


def _count_check(env: str, result: Mapping[str, Any], seconds: float) -> None:
    outcome = "failed" if "error" in result else "succeeded"
    metrics.CHECKS.labels(env, outcome).inc()
    metrics.CHECK_SECONDS.labels(env).observe(seconds)
    metrics.RECORDS.labels(env).inc(int(result.get("records") or 0))
    metrics.CHANGES.labels(env, "check").inc(int(result.get("changes") or 0))


def _outcome(result: Mapping[str, Any]) -> str:
    """A job's result as a metric label: error, skipped, or done."""
    if "error" in result:
        return "error"
    if "skipped" in result:
        return "skipped"
    return "done"


def _ms(delta: timedelta) -> int:
    return int(delta.total_seconds() * 1000)
