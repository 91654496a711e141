"""A check's in-place progress message (queued, reading, confirming, done, failed) and the
`/drift status JOB` reply built from the same job info. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_sdk.models.blocks import Block

from bot.config.window import OLDER
from bot.messages.slack import Label
from bot.messages.slack import replies as say
from bot.slack.blocks import Message, context, message, section, text_message
from bot.slack.text import code, escape, iso_when


def render_progress(
    env: str,
    job_id: str,
    state: str,
    progress: Mapping[str, Any] | None,
    result: Mapping[str, Any] | None,
    error: str | None,
    hint: str | None = None,
) -> Message:
    """The in-place progress message of a check: queued, reading N records, confirming n/m,
    done with counts, or failed with the error (and what to do)."""
    e = escape(env)
    details = ""
    if state == "queued":
        line = say.progress_queued(e, code(job_id))
    elif state == "running":
        line = _running_line(e, progress or {})
    elif state in ("succeeded", "posting"):
        r = result or {}
        counts = [int_in(r, k) for k in ("modified", "deleted", "unmanaged", "resolved")]
        done = say.progress_done if state == "succeeded" else say.progress_posting
        line = done(e, *counts)
        details = say.progress_window(
            int_in(r, "records"),
            int_in(r, "changes"),
            iso_when(r.get("window_start")),
            iso_when(r.get("window_end")),
        )
        if int_in(r, "lookup_days"):  # the window reached past what LookupEvents keeps
            details += "\n" + say.since_beyond_lookup(e, int_in(r, "lookup_days"), OLDER)
    elif state == "failed":
        line = say.progress_failed(e, escape(error or Label.NO_ERROR))
        details = escape(hint) if hint else ""
    else:
        line = say.progress_unknown(e, escape(state))
    blocks: list[Block] = [section(line)]
    blocks.append(context(*(t for t in (details, say.job_ref(code(job_id))) if t)))
    return message(line, blocks)


def int_in(values: Mapping[str, Any], key: str) -> int:
    """A count from loosely typed job info or history entries; 0 when missing or not a number."""
    try:
        return int(values.get(key) or 0)
    except (TypeError, ValueError):
        return 0


def _running_line(env: str, progress: Mapping[str, Any]) -> str:
    if not progress:
        return say.progress_started(env)
    records, changes = int_in(progress, "records"), int_in(progress, "changes")
    if progress.get("phase") == "confirming":
        done, total = int_in(progress, "confirmed"), int_in(progress, "to_confirm")
        return say.progress_confirming(env, done, total, records, changes)
    return say.progress_reading(env, records, changes)


def render_status(job_id: str, info: Mapping[str, Any] | None) -> Message:
    """The reply to `/drift status JOB`: the job's progress message, or that it is unknown."""
    if info is None:
        return text_message(say.no_job(code(job_id)))
    state = str(info.get("state") or info.get("queue_status") or "unknown")
    progress = info.get("progress")
    result = info.get("result")
    return render_progress(
        str(info.get("env") or "?"),
        job_id,
        state,
        progress if isinstance(progress, Mapping) else None,
        result if isinstance(result, Mapping) else None,
        str(info["error"]) if info.get("error") else None,
        str(info["hint"]) if info.get("hint") else None,
    )
