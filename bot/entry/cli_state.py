"""The `drift` commands that work on Redis state: check --async, status, worker, findings,
accept, history, digest; and runbook validate. The parser lives in `bot/entry/cli.py`."""

from __future__ import annotations

import asyncio
import getpass
import logging
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
from bot.drift.progress import ProgressUpdate, describe_progress
from bot.errors import ConfigError
from bot.lifecycle.digest import build_digest, render_digest_text
from bot.lifecycle.transitions import FindingRecord, accept
from bot.shell.redis.connection import EmbeddedRedis, RedisTarget, ping, resolve_target
from bot.shell.redis.queue import Queue, open_pool
from bot.shell.redis.store import Store
from bot.shell.runbook_files import load_runbooks, runbooks_for

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


def with_redis(work: Callable[[RedisTarget], Coroutine[Any, Any, T]]) -> T:
    """Run `work` against REDIS_URL or the embedded Redis (stopped afterwards if we started
    it; its data is kept on disk)."""
    target, embedded = resolve_target()
    try:
        return asyncio.run(work(target))
    finally:
        if isinstance(embedded, EmbeddedRedis):
            embedded.stop()


# ---- commands -------------------------------------------------------------------------------


def check_async(loaded: LoadedConfig, env: str, since: str, until: str | None,
                runbook: str | None) -> int:  # fmt: skip
    loaded.environment(env)

    async def work(target: RedisTarget) -> tuple[str, bool]:
        async with connected(target) as (store, pool):
            return await Queue(pool, store).enqueue_check(
                env, trigger="cli", requested_by=whoami(), since=since, until=until,
                runbook=runbook,
            )  # fmt: skip

    job_id, fresh = with_redis(work)
    sys.stdout.write(job_id + "\n")
    if not fresh:
        sys.stderr.write(f"drift: a check of {env} is already queued or running: {job_id}\n")
    return 0


def status(job_id: str, fmt: str) -> int:
    async def work(target: RedisTarget) -> dict[str, Any] | None:
        async with connected(target) as (store, pool):
            return await Queue(pool, store).status(job_id)

    info = with_redis(work)
    if info is None:
        sys.stderr.write(f"drift: error: no job `{job_id}` (unknown, or finished over 7 days "
                         "ago).\n")  # fmt: skip
        return 1
    if fmt == "json":
        sys.stdout.write(orjson.dumps(info, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        sys.stdout.write(describe_job(job_id, info) + "\n")
    return 1 if info.get("state") == "failed" else 0


def describe_job(job_id: str, info: dict[str, Any]) -> str:
    state = str(info.get("state", info.get("queue_status", "unknown")))
    env = info.get("env", "?")
    if state == "running":
        p = info.get("progress") or {}
        update = ProgressUpdate(str(p.get("phase", "reading")), records=p.get("records", 0),
                                changes=p.get("changes", 0), confirmed=p.get("confirmed", 0),
                                to_confirm=p.get("to_confirm", 0))  # fmt: skip
        return f"{job_id} ({env}): running — {describe_progress(update)}"
    if state == "succeeded":
        r = info.get("result") or {}
        return (f"{job_id} ({env}): succeeded — {r.get('modified', 0)} modified, "
                f"{r.get('deleted', 0)} deleted, {r.get('unmanaged', 0)} unmanaged, "
                f"{r.get('resolved', 0)} resolved ({r.get('records', 0):,} records, "
                f"{r.get('changes', 0):,} changes, {r.get('window_start')} → "
                f"{r.get('window_end')})")  # fmt: skip
    if state == "failed":
        hint = f"\n  {info['hint']}" if info.get("hint") else ""
        return f"{job_id} ({env}): failed — {info.get('error')}{hint}"
    return f"{job_id} ({env}): {state}"


def worker(loaded: LoadedConfig, burst: bool, lease_seconds: float) -> int:
    from bot.entry.worker import run_worker

    runbooks = runbooks_for(loaded)  # a bad runbook fails here, before anything starts
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    lease = timedelta(seconds=lease_seconds)
    with_redis(lambda target: run_worker(loaded, runbooks, target, burst=burst, lease=lease))
    return 0


def serve(loaded: LoadedConfig, http: bool, port: int, host: str) -> int:
    from bot.entry.app import serve as run_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    runbooks = runbooks_for(loaded)
    with_redis(lambda target: run_app(loaded, runbooks, target, http=http, port=port, host=host))
    return 0


def findings(loaded: LoadedConfig, env: str, state: str | None, fmt: str) -> int:
    loaded.environment(env)

    async def work(target: RedisTarget) -> list[FindingRecord]:
        await ping(target)
        async with connected(target) as (store, _):
            return await store.records(env, {state} if state else None)  # type: ignore[arg-type]

    records = with_redis(work)
    if fmt == "json":
        doc = [r.model_dump(mode="json") for r in records]
        sys.stdout.write(orjson.dumps(doc, option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    now = datetime.now(UTC)
    rows = [["ID", "STATE", "KIND", "SEVERITY", "RESOURCE TYPE", "RESOURCE ID", "REGION", "AGE",
             "BY", "RUNBOOK", "NOTE"]]  # fmt: skip
    for r in records:
        f = r.finding
        note = ""
        if r.acceptance:
            until = f" until {r.acceptance.until:%Y-%m-%d}" if r.acceptance.until else ""
            note = f"{r.acceptance.by}: {r.acceptance.reason}{until}"
        elif r.resolution:
            note = r.resolution
        rows.append([r.id, r.state, f.kind, f.severity or "-", f.resource_type, f.resource_id,
                     f.region, _age(now - r.first_seen),
                     f.events[-1].actor if f.events else "-", f.runbook or "-", note])  # fmt: skip
    _print_grid(rows)
    sys.stdout.write(f"{len(records)} findings in {env}" + (f" ({state})" if state else "") + "\n")
    return 0


def accept_cmd(loaded: LoadedConfig, env: str, resource: str, reason: str,
               until: str | None, by: str | None) -> int:  # fmt: skip
    loaded.environment(env)
    until_at = _until(until)

    async def work(target: RedisTarget) -> FindingRecord:
        async with connected(target) as (store, _):
            record = find_record(await store.records(env), resource, env)
            now = datetime.now(UTC)

            def update(r: FindingRecord | None) -> tuple[FindingRecord | None, list[Any]]:
                if r is None:
                    raise ConfigError(f"The finding `{record.id}` disappeared; run it again.")
                try:
                    return accept(r, by or whoami(), reason, until_at, now)
                except ValueError as exc:
                    raise ConfigError(f"Can't accept {r.resource}: {exc}.") from exc

            after, _ = await store.apply(env, record.id, update)
            assert after is not None  # noqa: S101  (update never returns None)
            return after

    after = with_redis(work)
    until_text = f" until {until_at:%Y-%m-%d %H:%M} UTC" if until_at else ""
    sys.stdout.write(f"Accepted {after.resource} in {env}{until_text} ({after.id}).\n")
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
    for e in entries:
        if e.get("type") == "check":
            sys.stdout.write(
                f"{e.get('at', '')}  check     {e.get('window_start')} → {e.get('window_end')}: "
                f"{e.get('findings', 0)} findings, {e.get('changes', 0)} changes "
                f"({e.get('trigger', '')} by {e.get('requested_by', '')}, job {e.get('job_id')})\n"
            )
        else:
            moved = f"{e.get('from_state') or '-'} → {e.get('to_state')}"
            sys.stdout.write(f"{e.get('at', '')}  {moved:<22} {e.get('resource')}  "
                             f"by {e.get('actor')}: {e.get('reason')}\n")  # fmt: skip
    sys.stdout.write(f"{len(entries)} entries\n")
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


def runbook_validate(path: Path) -> int:
    runbooks = load_runbooks(path)  # raises RunbookError naming file, key and fix
    for name, rb in sorted(runbooks.items()):
        sys.stdout.write(f"ok  {name}  ({rb.severity}) {rb.description}\n")
    sys.stdout.write(f"{len(runbooks)} runbooks valid in {path}\n")
    return 0


# ---- helpers --------------------------------------------------------------------------------


def find_record(records: list[FindingRecord], wanted: str, env: str) -> FindingRecord:
    """A finding by id (`f-…`), resource id, IaC address, or `TYPE ID`; errors list choices."""
    matches = [r for r in records if wanted in (r.id, r.finding.resource_id, r.resource)
               or wanted in r.finding.addresses]  # fmt: skip
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise ConfigError(
            f"No finding for `{wanted}` in {env}.",
            "See `drift findings " + env + "` for the ids and resources it has.",
        )
    choices = ", ".join(f"{r.id} ({r.resource}, {r.finding.region})" for r in matches)
    raise ConfigError(f"`{wanted}` matches several findings in {env}: {choices}.",
                      "Name one by its id (f-…).")  # fmt: skip


def _until(text: str | None) -> datetime | None:
    if text is None:
        return None
    when = parse_instant(text)
    if when is None:
        raise ConfigError(f"--until: expected a date or time such as 2026-12-31 (got {text!r}).")
    if len(text.strip()) == 10:  # a date: the end of that day
        when = when.replace(hour=23, minute=59, second=59)
    return when


def _age(delta: Any) -> str:
    hours = delta.total_seconds() / 3600
    return f"{hours:.0f}h" if hours < 48 else f"{hours / 24:.0f}d"


def _print_grid(rows: list[list[str]]) -> None:
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        line = "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        sys.stdout.write(line + "\n")
