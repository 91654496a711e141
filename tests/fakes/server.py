"""A fake HTTP API on 127.0.0.1:0, served by aiohttp in its own thread (so the code under test
may run in any event loop), recording every request, with injected answers for error modes.

A vendor fake subclasses FakeServer and adds its routes in `routes(app)`. Tests read
`requests` (what arrived, in order) and queue failures with `fail_next(method, path_prefix,
status, body, headers, times)`: the next matching requests get that answer instead of the
route's (after the route-independent checks a test may want to see bite first)."""

from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Recorded:
    """One request as it arrived."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None

    def header(self, name: str) -> str | None:
        lowered = {k.lower(): v for k, v in self.headers.items()}
        return lowered.get(name.lower())


@dataclass
class Injected:
    method: str
    prefix: str
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)
    times: int = 1


class FakeServer:
    """Base of the vendor fakes: start/stop, recording, injected failures."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.injected: list[Injected] = []
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.port = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.lock = threading.Lock()

    # ---- lifecycle ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def routes(self, app: web.Application) -> None:
        raise NotImplementedError

    def _serve(self) -> None:
        asyncio.set_event_loop(self.loop)

        async def start() -> None:
            app = web.Application(middlewares=[self._record, self._inject])
            self.routes(app)
            self.runner = web.AppRunner(app)
            await self.runner.setup()
            site = web.TCPSite(self.runner, "127.0.0.1", 0)
            await site.start()
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            self.ready.set()

        self.loop.run_until_complete(start())
        self.loop.run_forever()

    def __enter__(self) -> Any:
        self.thread.start()
        if not self.ready.wait(10):
            raise RuntimeError("the fake did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()

    # ---- recording and injection -------------------------------------------------------------

    @web.middleware
    async def _record(self, request: web.Request, handler: Any) -> web.StreamResponse:
        body = await request.read()
        with self.lock:
            self.requests.append(
                Recorded(
                    request.method,
                    request.raw_path.split("?", 1)[0],  # as sent: `%2F` stays encoded
                    dict(request.query),
                    dict(request.headers),
                    body,
                )
            )
        return await handler(request)

    @web.middleware
    async def _inject(self, request: web.Request, handler: Any) -> web.StreamResponse:
        with self.lock:
            hit = next(
                (
                    i
                    for i in self.injected
                    if i.method == request.method and request.path.startswith(i.prefix)
                ),
                None,
            )
            if hit is not None:
                hit.times -= 1
                if hit.times <= 0:
                    self.injected.remove(hit)
        if hit is None:
            return await handler(request)
        if isinstance(hit.body, str | bytes):
            return web.Response(status=hit.status, body=hit.body, headers=hit.headers)
        return web.json_response(hit.body, status=hit.status, headers=hit.headers)

    def fail_next(
        self,
        method: str,
        prefix: str,
        status: int,
        body: Any = None,
        headers: dict[str, str] | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next `times` requests `method prefix…` with this instead."""
        with self.lock:
            self.injected.append(Injected(method, prefix, status, body or {}, headers or {}, times))

    def calls(self, method: str, prefix: str = "") -> list[Recorded]:
        with self.lock:
            return [r for r in self.requests if r.method == method and r.path.startswith(prefix)]

    def everything_sent(self) -> str:
        """Every request's headers, query and body as one text (for secret greps)."""
        with self.lock:
            return "\n".join(
                f"{r.method} {r.path} {r.query} {r.headers} {r.body.decode('utf-8', 'replace')}"
                for r in self.requests
            )


def json_error(status: int, body: Any, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response(body, status=status, headers=headers)
