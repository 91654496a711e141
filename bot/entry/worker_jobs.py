"""The worker's jobs for the integrations (issue 12), beside bot/entry/worker.py's checks,
digests and reapply triggers: following a reapply run, escalating to targets outside Slack,
resolving what an escalation made, codify pull requests and IaC notes; the tick's automatic
escalation; and the follower that turns resolutions into de-escalations. arq's job names are
bot/shell/redis/queue.py's."""

from __future__ import annotations

import asyncio
import os
import socket
from typing import Any

from arq.worker import Function, func

from bot.shell import metrics
from bot.shell.codify.runner import codify_finding
from bot.shell.deps import Deps
from bot.shell.escalate.runner import (
    EscalationFollower,
    auto_escalate,
    deescalate_finding,
    escalate_finding,
)
from bot.shell.reapply.runner import follow_run
from bot.shell.redis.queue import CODIFY, DEESCALATE, ESCALATE, FOLLOW, Queue

MAX_TRIES = 3


async def follow_reapply_run(ctx: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    """arq job: one poll of a reapply run (it queues the next one itself)."""
    deps: Deps = ctx["deps"]
    return await follow_run(
        deps,
        ctx["queue"],
        deps.follow,
        str(payload["env"]),
        str(payload["finding_id"]),
        str(payload["request_id"]),
        int(payload["attempt"]),
        int(payload["poll"]),
    )


async def escalate_finding_job(ctx: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    """arq job: escalate a finding to one target outside Slack (or, automatic, to its channel)."""
    result = await escalate_finding(
        ctx["deps"],
        str(payload["env"]),
        str(payload["finding_id"]),
        str(payload["target"]),
        str(payload["by"]),
        str(payload.get("note") or ""),
        bool(payload.get("auto")),
    )
    metrics.ESCALATIONS.labels("error" if "error" in result else "done").inc()
    return result


async def deescalate_finding_job(ctx: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    """arq job: resolve the alerts and close the tickets of a resolved or accepted finding."""
    return await deescalate_finding(ctx["deps"], str(payload["env"]), str(payload["finding_id"]))


async def codify_finding_job(ctx: dict[str, Any], payload: dict[str, Any]) -> dict[str, Any]:
    """arq job: a codify pull request, or an IaC note."""
    return await codify_finding(
        ctx["deps"],
        str(payload["env"]),
        str(payload["finding_id"]),
        str(payload["kind"]),
        str(payload["by"]),
        str(payload.get("note") or ""),
    )


def integration_functions() -> list[Function]:
    return [
        func(follow_reapply_run, name=FOLLOW, max_tries=MAX_TRIES),
        func(escalate_finding_job, name=ESCALATE, max_tries=MAX_TRIES),
        func(deescalate_finding_job, name=DEESCALATE, max_tries=MAX_TRIES),
        func(codify_finding_job, name=CODIFY, max_tries=MAX_TRIES),
    ]


async def tick_integrations(ctx: dict[str, Any]) -> None:
    """The tick's part: queue the automatic escalations that are due."""
    queue: Queue = ctx["queue"]
    await auto_escalate(ctx["deps"], queue)


def start_follower(ctx: dict[str, Any]) -> None:
    """Start the escalation follower beside the notifier (stopped by `stop_follower`)."""
    consumer = f"worker-{socket.gethostname()}-{os.getpid()}"
    follower = EscalationFollower(ctx["deps"], ctx["queue"], consumer)
    stop = asyncio.Event()
    where = ctx.get("where", "Redis")
    ctx["escalation_follower"] = (stop, asyncio.create_task(follower.run(stop, where)))


async def stop_follower(ctx: dict[str, Any]) -> None:
    if "escalation_follower" in ctx:
        stop, task = ctx.pop("escalation_follower")
        stop.set()
        await task
