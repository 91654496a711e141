"""What a person reads when Redis can't be used, as (message, hint). Pure."""

from __future__ import annotations

Message = tuple[str, str]


def embedded_at(socket: str) -> str:
    """Where the embedded Redis is, as messages name it."""
    return f"unix://{socket} (embedded)"


def unreachable(where: str, detail: str, *, url: bool) -> Message:
    """`url`: Redis is REDIS_URL's (else the embedded one)."""
    hint = (
        "Check that Redis is running and that REDIS_URL is right (redis://HOST:PORT/DB), or "
        "unset REDIS_URL to use the embedded Redis."
        if url
        else "Check the folder's permissions, or set REDIS_URL to use a Redis server."
    )
    return f"I can't reach Redis at {where}: {detail}.", hint


def lost(detail: str) -> Message:
    """Redis went away while a request or job was using it."""
    return (
        f"Redis stopped answering: {detail}.",
        "driftbot reconnects by itself once Redis is back; check that Redis is running.",
    )


def embedded_did_not_start(folder: str) -> Message:
    return (
        f"The embedded Redis did not start in {folder}.",
        "Check the folder's permissions and free disk space, or set REDIS_URL.",
    )


def embedded_not_installed() -> Message:
    return (
        "REDIS_URL is not set and the embedded Redis is not installed.",
        "Install it with `pip install 'driftbot[embedded]'` (make demo does), or set "
        "REDIS_URL=redis://HOST:6379/0.",
    )


def not_a_redis_url(url: str) -> Message:
    return (
        f"REDIS_URL `{url}` is not a Redis URL.",
        "Use redis://HOST:PORT/DB, rediss://… for TLS, or unix:///path/redis.sock.",
    )
