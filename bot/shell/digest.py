"""What the Slack digest adds to the digest's data (bot/lifecycle/digest.py): a link to each
item's card, and the people who were asked whether their change was intended and have not
answered (each reminded once, in one digest, at least an hour after they were asked)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.lifecycle.transitions import ACTIVE, FindingRecord
from bot.shell.redis.slack_state import SlackState

REMIND_AFTER = timedelta(hours=1)


async def due_reminders(
    state: SlackState, env: str, records: Sequence[FindingRecord], now: datetime
) -> list[tuple[str, str]]:
    """(user id, resource) of each unanswered question to remind of, marked reminded."""
    out: list[tuple[str, str]] = []
    for record in records:
        if record.state not in ACTIVE:
            continue
        for user, asked in (await state.asked(env, record.id)).items():
            if asked.get("answer") or asked.get("reminded"):
                continue
            at = datetime.fromisoformat(str(asked.get("at") or now.isoformat()))
            if now - at < REMIND_AFTER:
                continue
            await state.update_ask(env, record.id, user, reminded=now.isoformat())
            out.append((user, record.finding.resource_id))
    return out
