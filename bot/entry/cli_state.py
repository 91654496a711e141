"""The `drift` commands that work on Redis state: check --async, status, worker, serve,
findings, accept, history, digest; and runbook validate. The parser lives in
`bot/entry/cli.py`, the terminal rendering in `bot/entry/terminal.py`."""

from __future__ import annotations

import asyncio
import getpass
import socket
import sys
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import orjson

from bot.config.drift import LoadedConfig
from bot.config.window import parse_instant
from bot.drift.findings import CONTRACT_EXCLUDE
from bot.entry.terminal import describe_job, findings_grid, history_line
from bot.errors import ConfigError, RunbookError
from bot.lifecycle.digest import build_digest, render_digest_text
from bot.lifecycle.transitions import FindingRecord, accept
from bot.messages import cli as say
from bot.messages import runbook as say_runbook
from bot.shell.redis.connection import EmbeddedRedis, RedisTarget, ping, resolve_target
from bot.shell.redis.queue import Queue, open_pool
from bot.shell.redis.store import Store
from bot.shell.runbook_files import load_runbooks, runbooks_for, unset_variables

T = TypeVar("T")


def whoami() -> str:
    """Who runs this command, for the history: user@host."""
    try:
        return f"{getpass.getuser()}@{socket.gethostname()}"
    except (KeyError, OSError):
        return "cli"


@asynccontextmanager
async def connected(target: RedisTarget) -> AsyncIterator[tuple[Store, Any]]:
    """A Store and an arq pool on `target`, closed afterwards."""
    pool = await open_pool(target)
    try:
        yield Store(pool), pool
    finally:
        await pool.aclose(close_connection_pool=True)


def with_redis(work: Callable[[RedisTarget], Coroutine[Any, Any, T]], serving: bool = False) -> T:
    """Run `work` against REDIS_URL or the embedded Redis (stopped afterwards if we started
    it; its data is kept on disk); `serving`: on the server's event loop (run_serving)."""
    target, embedded = resolve_target()
    try:
        return run_serving(work(target)) if serving else asyncio.run(work(target))
    finally:
        if isinstance(embedded, EmbeddedRedis):
            embedded.stop()


def run_serving(main: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run` on uvloop's event loop where uvloop is installed (Linux and macOS), else on
    asyncio's: `drift serve` acknowledges a burst of 200 commands with about a tenth less CPU
    (bench/bench_ack.py)."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


def check_async(
    loaded: LoadedConfig, env: str, since: str, until: str | None, runbook: str | None
) -> int:
    loaded.environment(env)

    async def work(target: RedisTarget) -> tuple[str, bool]:
        async with connected(target) as (store, pool):
            return await Queue(pool, store).enqueue_check(
                env,
                trigger="cli",
                requested_by=whoami(),
                since=since,
                until=until,
                runbook=runbook,
            )

    job_id, fresh = with_redis(work)
    sys.stdout.write(job_id + "\n")
    if not fresh:
        sys.stderr.write(say.already_queued(env, job_id) + "\n")
    return 0


def status(job_id: str, fmt: str) -> int:
    async def work(target: RedisTarget) -> dict[str, Any] | None:
        async with connected(target) as (store, pool):
            return await Queue(pool, store).status(job_id)

    info = with_redis(work)
    if info is None:
        sys.stderr.write(say.error(say.no_job(job_id)) + "\n")
        return 1
    if fmt == "json":
        sys.stdout.write(orjson.dumps(info, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        sys.stdout.write(describe_job(job_id, info) + "\n")
    return 1 if info.get("state") == "failed" else 0


def worker(
    loaded: LoadedConfig,
    burst: bool,
    lease_seconds: float,
    health_port: int | None = None,
    health_host: str = "127.0.0.1",
    metrics_port: int | None = None,
) -> int:
    from bot.entry.worker import run_worker
    from bot.shell.logs import configure_logging

    runbooks = runbooks_for(loaded)  # a bad runbook fails here, before anything starts
    configure_logging()
    lease = timedelta(seconds=lease_seconds)
    with_redis(
        lambda target: run_worker(
            loaded,
            runbooks,
            target,
            burst=burst,
            lease=lease,
            health_port=health_port,
            health_host=health_host,
            metrics_port=metrics_port,
        )
    )
    return 0


def serve(
    loaded: LoadedConfig, http: bool, port: int, host: str, metrics_port: int | None = None
) -> int:
    from bot.entry.app import serve as run_app
    from bot.shell.logs import configure_logging

    configure_logging()
    runbooks = runbooks_for(loaded)

    async def work(target: RedisTarget) -> None:
        if metrics_port is None:
            await run_app(loaded, runbooks, target, http=http, port=port, host=host)
            return
        from bot.entry.probes import serve_probes

        async with serve_probes(target, host, metrics_port) as probes:
            await run_app(
                loaded, runbooks, target, http=http, port=port, host=host, health=probes.health
            )

    with_redis(work, serving=True)
    return 0


def findings(loaded: LoadedConfig, env: str, state: str | None, fmt: str) -> int:
    loaded.environment(env)

    async def work(target: RedisTarget) -> list[FindingRecord]:
        await ping(target)
        async with connected(target) as (store, _):
            return await store.records(env, {state} if state else None)  # type: ignore[arg-type]

    records = with_redis(work)
    if fmt == "json":
        doc = [r.model_dump(mode="json", exclude={"finding": CONTRACT_EXCLUDE}) for r in records]
        sys.stdout.write(orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    sys.stdout.write(findings_grid(records, datetime.now(UTC)))
    sys.stdout.write(say.findings_total(len(records), env, state) + "\n")
    return 0


def accept_cmd(
    loaded: LoadedConfig, env: str, resource: str, reason: str, until: str | None, by: str | None
) -> int:
    loaded.environment(env)
    until_at = _until(until)

    async def work(target: RedisTarget) -> tuple[FindingRecord, bool]:
        async with connected(target) as (store, _):
            record = find_record(await store.records(env), resource, env)
            now = datetime.now(UTC)

            def update(r: FindingRecord | None) -> tuple[FindingRecord | None, list[Any]]:
                if r is None:
                    raise ConfigError(*say.finding_disappeared(record.id))
                if r.state == "accepted":  # as the Slack path: accepting twice changes nothing
                    return r, []
                try:
                    return accept(r, by or whoami(), reason, until_at, now)
                except ValueError as exc:
                    raise ConfigError(*say.cannot_accept(r.resource, exc)) from exc

            after, made = await store.apply(env, record.id, update)
            assert after is not None  # noqa: S101  (update never returns None)
            return after, bool(made)

    after, made = with_redis(work)
    if made or after.acceptance is None:
        sys.stdout.write(say.accepted(after.resource, env, until_at, after.id) + "\n")
    else:
        a = after.acceptance
        sys.stdout.write(say.already_accepted(after.resource, env, a.by, a.until, after.id) + "\n")
    return 0


def history(loaded: LoadedConfig, env: str, resource: str | None, limit: int, fmt: str) -> int:
    loaded.environment(env)

    async def work(target: RedisTarget) -> list[dict[str, str]]:
        async with connected(target) as (store, _):
            fid = None
            if resource:
                fid = find_record(await store.records(env), resource, env).id
            return await store.history(env, fid, limit)

    entries = with_redis(work)
    if fmt == "json":
        sys.stdout.write(orjson.dumps(entries, option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    for entry in entries:
        sys.stdout.write(history_line(entry) + "\n")
    sys.stdout.write(say.entries(len(entries)) + "\n")
    return 0


def digest(loaded: LoadedConfig, env: str, fmt: str) -> int:
    loaded.environment(env)

    async def work(target: RedisTarget) -> Any:
        async with connected(target) as (store, _):
            since = await store.last_digest(env)
            return build_digest(env, await store.records(env), since, datetime.now(UTC))

    result = with_redis(work)
    if fmt == "json":
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(render_digest_text(result))
    return 0


def runbook_validate(path: Path, loaded: LoadedConfig | None = None) -> int:
    """Validate the runbooks; with a config, also list the environments where a runbook's
    reapply cannot be approved from Slack by anyone (bot/policy/approvers.py)."""
    from bot.policy.approvers import reapply_off

    runbooks = load_runbooks(path)  # raises RunbookError naming file, key and fix
    unset = unset_variables(path, runbooks)
    if unset:
        raise RunbookError(*say_runbook.env_problems(unset), problems=unset)
    for name, rb in sorted(runbooks.items()):
        sys.stdout.write(say.runbook_ok(name, rb.severity, rb.description) + "\n")
    sys.stdout.write(say.runbooks_valid(len(runbooks), str(path)) + "\n")
    if loaded is not None:
        off: dict[str, list[str]] = {}
        for env, name in reapply_off(loaded.config, runbooks):
            off.setdefault(env, []).append(name)
        for env, names in off.items():
            sys.stdout.write(say.reapply_off(env, ", ".join(names), str(loaded.path)) + "\n")
    return 0


def find_record(records: list[FindingRecord], wanted: str, env: str) -> FindingRecord:
    """A finding by id (`f-…`), resource id, IaC address, or `TYPE ID`; errors list choices."""
    matches = [
        r
        for r in records
        if wanted in (r.id, r.finding.resource_id, r.resource) or wanted in r.finding.addresses
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ConfigError(*say.no_finding(wanted, env))
    choices = ", ".join(f"{r.id} ({r.resource}, {r.finding.region})" for r in matches)
    raise ConfigError(*say.several_findings(wanted, env, choices))


def _until(text: str | None) -> datetime | None:
    if text is None:
        return None
    when = parse_instant(text)
    if when is None:
        raise ConfigError(*say.until_invalid(text))
    if len(text.strip()) == 10:  # a date: the end of that day
        when = when.replace(hour=23, minute=59, second=59)
    return when
