"""The logs of the long-running commands (`drift serve`, `drift worker`, `drift listen`): one
line per event of note, as text, or with `DRIFT_LOG_FORMAT=json` one JSON object per line
carrying the job, environment and finding ids a line is about.

A line says what it is about through the `extra` of its log call (`job_id`, `env`,
`finding_id`, `message_id`, `event_id`), or, inside a job, through `log_context` (a
context variable set for the task). Secrets never reach the log: values that look like Slack
tokens, AWS secret keys or URLs with credentials are masked in every line, whatever the format.
"""

from __future__ import annotations

import contextvars
import logging
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import orjson

FIELDS = ("job_id", "env", "finding_id", "message_id", "event_id")
CONTEXT: contextvars.ContextVar[Mapping[str, str] | None] = contextvars.ContextVar(
    "driftbot_log_context", default=None
)
SECRETS = re.compile(
    r"(xox[abposr]-[A-Za-z0-9-]{6,}|xapp-[A-Za-z0-9-]{6,}"
    r"|(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])"
    r"|(?<=://)[^/\s:@]*:[^/\s@]+(?=@))"
)
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


def mask(text: str) -> str:
    """`text` with what looks like a secret replaced by `***`."""
    return SECRETS.sub("***", text)


@contextmanager
def log_context(**fields: str) -> Iterator[None]:
    """Lines logged inside carry these ids (job_id, env, finding_id…)."""
    token = CONTEXT.set({**(CONTEXT.get() or {}), **{k: v for k, v in fields.items() if v}})
    try:
        yield
    finally:
        CONTEXT.reset(token)


class _Context(logging.Filter):
    """Puts the context's ids on each record, and masks secrets in its text."""

    def filter(self, record: logging.LogRecord) -> bool:
        for key, value in (CONTEXT.get() or {}).items():
            if not hasattr(record, key):
                setattr(record, key, value)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, the ids, the exception."""

    def format(self, record: logging.LogRecord) -> str:
        doc: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": mask(record.getMessage()),
        }
        for key in FIELDS:
            value = getattr(record, key, None)
            if value:
                doc[key] = str(value)
        if record.exc_info:
            doc["exception"] = mask(self.formatException(record.exc_info))
        return orjson.dumps(doc).decode()


class TextFormatter(logging.Formatter):
    """The plain format, ids appended as key=value, secrets masked."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        ids = " ".join(f"{k}={getattr(record, k)}" for k in FIELDS if getattr(record, k, None))
        return mask(f"{text} [{ids}]" if ids else text)


def configure_logging(level: int = logging.INFO) -> None:
    """The root logger: JSON when DRIFT_LOG_FORMAT=json, else text; once per process."""
    root = logging.getLogger()
    json_lines = os.environ.get("DRIFT_LOG_FORMAT", "").strip().lower() == "json"
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if json_lines else TextFormatter(TEXT_FORMAT))
    handler.addFilter(_Context())
    for old in list(root.handlers):
        if getattr(old, "_driftbot", False):
            root.removeHandler(old)
    handler._driftbot = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
