"""The reapply webhook against real HTTP servers on loopback (issue 9): a redirect is not
followed (the signed body is not re-sent elsewhere) and is a failure; a host that is or
resolves to a non-public address is refused unless the runbook opts in, and the connection goes
to the address checked; the URL's query is never in a message."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.errors import ExternalServiceError
from bot.shell.reapply.webhook import trigger

SECRET = "s"  # noqa: S105  (a test fixture)


@asynccontextmanager
async def server(answer: web.Response | None = None) -> AsyncIterator[tuple[int, list]]:
    """An HTTP server on 127.0.0.1 recording each POST's path and body."""
    seen: list[tuple[str, bytes]] = []

    async def handle(request: web.Request) -> web.StreamResponse:
        seen.append((request.path_qs, await request.read()))
        return answer or web.json_response({"ok": True}, status=202)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield port, seen
    finally:
        await runner.cleanup()


class StaticResolver(AbstractResolver):
    """A DNS that answers every name with one address (as an attacker's DNS would)."""

    def __init__(self, address: str) -> None:
        self.address = address

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        return [
            {
                "hostname": host,
                "host": self.address,
                "port": port,
                "family": socket.AF_INET,
                "proto": 0,
                "flags": socket.AI_NUMERICHOST,
            }
        ]

    async def close(self) -> None:
        return None


def run(coro):
    return asyncio.run(coro)


def test_a_redirect_is_not_followed_and_is_a_failure():
    """A 307 would re-send the body and its signature to the other host."""

    async def scenario():
        async with server() as (other, other_seen):
            location = f"http://127.0.0.1:{other}/stolen"
            redirect = web.Response(status=307, headers={"Location": location})
            async with server(redirect) as (port, seen):
                url = f"http://127.0.0.1:{port}/hook"
                with pytest.raises(ExternalServiceError) as err:
                    await trigger(url, SECRET, {"finding": 1}, allow_private=True)
                return err.value, seen, other_seen

    error, seen, other_seen = run(scenario())

    assert len(seen) == 1
    assert other_seen == []
    assert "redirect" in error.user_message
    assert "307" in error.user_message


def test_a_loopback_target_without_the_opt_in_gets_nothing():
    async def scenario():
        async with server() as (port, seen):
            with pytest.raises(ExternalServiceError) as err:
                await trigger(f"http://127.0.0.1:{port}/hook", SECRET, {"finding": 1})
            return err.value, seen

    error, seen = run(scenario())

    assert seen == []
    assert "allow_private_network" in error.user_message


def test_a_name_resolving_to_loopback_is_refused_like_loopback():
    """`localhost.attacker.example` or `127.0.0.1.nip.io` resolve to 127.0.0.1."""

    async def scenario():
        async with server() as (port, seen):
            with pytest.raises(ExternalServiceError) as err:
                await trigger(
                    f"https://127.0.0.1.nip.io:{port}/hook",
                    SECRET,
                    {"finding": 1},
                    resolver=StaticResolver("127.0.0.1"),
                )
            return err.value, seen

    error, seen = run(scenario())

    assert seen == []
    assert "127.0.0.1 is a loopback address" in error.user_message


def test_a_name_resolving_to_the_metadata_endpoint_is_refused_even_when_allowed():
    async def scenario():
        with pytest.raises(ExternalServiceError) as err:
            await trigger(
                "https://imds.attacker.example/latest",
                SECRET,
                {"finding": 1},
                allow_private=True,
                resolver=StaticResolver("169.254.169.254"),
            )
        return err.value

    assert "metadata endpoint" in run(scenario()).user_message


def test_with_the_opt_in_the_request_goes_to_the_address_checked():
    """The name is resolved once, by the guarded resolver, and that address is used."""

    async def scenario():
        async with server() as (port, seen):
            result = await trigger(
                f"http://pipeline.internal.test:{port}/hook",
                SECRET,
                {"finding": 1},
                allow_private=True,
                resolver=StaticResolver("127.0.0.1"),
            )
            return result, seen

    result, seen = run(scenario())

    assert result.status == 202
    assert [path for path, _ in seen] == ["/hook"]


def test_a_failure_never_shows_the_query():
    async def scenario():
        async with server(web.Response(status=500)) as (port, _):
            url = f"http://127.0.0.1:{port}/hook?token=s3cr3t-t0ken"
            with pytest.raises(ExternalServiceError) as err:
                await trigger(url, SECRET, {"finding": 1}, allow_private=True)
            unreachable = "http://127.0.0.1:9/hook?token=s3cr3t-t0ken"
            with pytest.raises(ExternalServiceError) as gone:
                await trigger(unreachable, SECRET, {"finding": 1}, allow_private=True)
            return err.value, gone.value

    refused, gone = run(scenario())

    for error in (refused, gone):
        assert "s3cr3t" not in str(error)
        assert "/hook?…" in error.user_message
