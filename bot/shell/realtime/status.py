"""`drift status realtime`: the real-time path's counters and notes in Redis, and the depths of
its queue and of the dead-letter queue its redrive policy names (each read on its own: one that
cannot be read says why, the rest is shown)."""

from __future__ import annotations

from typing import Any

from bot.config.realtime import Realtime
from bot.errors import AwsError
from bot.shell.realtime.queue import RealtimeQueue
from bot.shell.redis import keys
from bot.shell.redis.connection import RedisTarget, ping
from bot.shell.redis.realtime import RealtimeLedger


async def realtime_status(realtime: Realtime, target: RedisTarget) -> dict[str, Any]:
    """Counters, the newest notes, and the queues' depths."""
    await ping(target)
    client = target.client()
    try:
        ledger = RealtimeLedger(client)
        info: dict[str, Any] = {
            "queue_url": realtime.sqs.queue_url,
            "counters": await ledger.counters(),
            "given_up": await ledger.recent(keys.REALTIME_DEAD),
            "ignored": await ledger.recent(keys.REALTIME_IGNORED),
        }
    finally:
        await client.aclose(close_connection_pool=True)
    queue = RealtimeQueue(realtime.sqs)
    try:
        info["queue"] = await queue.depth()
        redrive = await queue.redrive()
    except AwsError as exc:
        info["queue"] = {"error": exc.user_message}
        info["dead_letter_queue"] = {"error": exc.user_message}
        return info
    if redrive.dead_letter_arn is None:
        info["dead_letter_queue"] = None
        return info
    try:
        url = await queue.url_of(redrive.dead_letter_arn)
        info["dead_letter_queue"] = {
            "arn": redrive.dead_letter_arn,
            "max_receives": redrive.max_receives,
            **await queue.depth(url),
        }
    except AwsError as exc:
        info["dead_letter_queue"] = {"arn": redrive.dead_letter_arn, "error": exc.user_message}
    return info
