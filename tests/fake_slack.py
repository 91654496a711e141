"""A fake Slack Web API for offline tests (SLACK.md §1.11-§1.12).

An aiohttp server on 127.0.0.1, port 0, running in a background thread with its own event loop
(like bolt-python's mock server), so sync tests, async tests and the app under test can all talk
to it. Point the code under test at it with `AsyncWebClient(base_url=fake.base_url)` or
`SLACK_API_URL=fake.base_url`, and `response_url`s at `fake.response_url(id)`.

    with FakeSlack(usergroups={"S0PROD": ["U0ALICE", "U0BOB"]}) as fake:
        ...  # run the app
        call = fake.wait_for("chat.postMessage")[-1]
        assert call.params["channel"] == "C0DEMO"

Behaviour, chosen to match Slack where tests depend on it:
- every request is recorded in order (`calls`, `last`, `wait_for`), including refused ones;
- `Authorization: Bearer xoxb-…|xoxp-…|xapp-…` is valid (or exactly `valid_tokens` when given);
  a missing or other token gets HTTP 200 `{"ok": false, "error": "invalid_auth"}`;
- `rate_limit(method, times)` answers the next calls with HTTP 429 + `Retry-After`, and
  `fail(method, error, times)` with `{"ok": false, "error": …}`; both count as calls;
- `drop_after(method, times)` does the call (a post is stored) and then drops the connection
  without an answer, as a crash or a cut network does; `stall_after(method, times)` does it and
  then never answers (for a test to kill the caller mid-call);
- `conversations.history` / `conversations.replies` page through a channel's messages or a
  thread's (newest first / oldest first, `oldest`, `cursor`), with their `metadata` only when
  asked with `include_all_metadata`;
- messages are stored per channel with a unique, increasing `ts`; posting to a user id (U…/W…)
  lands in that user's app DM `D…`, the same id `conversations.open` returns;
- read methods (`FORM_ONLY`: chat.getPermalink, usergroups.users.list, users.info…) ignore a
  JSON body, as Slack does, so calling them with `json=` fails as it would for real;
- `channels` (id → `{"name", "is_member", "is_private"}`) are what `conversations.list` and
  `conversations.info` answer, and a post to one the bot is not a member of gets
  `not_in_channel`; with no `channels` given, every channel takes posts, and
  `conversations.list` names the shipped runbooks' channels (DIRECTORY);
- `emails` (address → user id) answer `users.lookupByEmail` (else `users_not_found`);
- `enforce_limits()` answers as Slack's documented rate limits do
  (https://docs.slack.dev/apis/web-api/rate-limits): `chat.postMessage` about one message a
  second per channel with short bursts, `chat.update` Tier 3 (50 a minute), `views.publish`
  Tier 4 (100 a minute), each with HTTP 429 and `Retry-After` beyond; `rate_limited()` counts
  those 429s;
- thread replies keep `reply_broadcast` (`broadcasts(channel)` lists them);
- methods without a model here answer `{"ok": true}`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import os
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web

BOT_USER_ID = "U0BOT"
BOT_ID = "B0BOT"
TEAM_ID = "T0FAKE"
APP_ID = "A0DRIFT"
BOT_SCOPES = (
    "commands,chat:write,usergroups:read,users:read,users:read.email,channels:history,"
    "groups:history,channels:read,groups:read,im:write"
)
# The channels the shipped runbooks name (`#security`, `#data-platform`), as a workspace has them.
DIRECTORY = {"C0SEC0001": {"name": "security"}, "C0DATA001": {"name": "data-platform"}}
MESSAGE_BLOCKS_MAX = 50
VIEW_BLOCKS_MAX = 100
TEXT_MAX = 40_000

# slack_sdk's clients pick these up; a proxy would carry loopback calls elsewhere.
PROXY_VARIABLES = ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})

# Read methods take form or query parameters only: Slack ignores a JSON body there ("most write
# methods" accept JSON, https://docs.slack.dev/apis/web-api), so the call fails for lack of its
# arguments. slack_sdk's typed methods send these as GET query strings.
FORM_ONLY = frozenset(
    {
        "auth.test",
        "bots.info",
        "chat.getPermalink",
        "usergroups.users.list",
        "users.info",
        "usergroups.list",
        "users.list",
        "conversations.info",
        "conversations.history",
        "conversations.replies",
        "conversations.list",
        "users.lookupByEmail",
    }
)

# Parameters Slack accepts as JSON strings in form bodies; recorded decoded.
JSON_PARAMS = ("blocks", "attachments", "view", "metadata")

Json = dict[str, Any]


@dataclass(frozen=True)
class Limit:
    """A rate limit: one call every `interval` seconds, `burst` at once; per channel or per
    workspace."""

    interval: float
    burst: int
    per_channel: bool = False

    @property
    def tolerance(self) -> float:
        return (self.burst - 1) * self.interval


class _SlackError(Exception):
    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


@dataclass(frozen=True)
class Call:
    """One request to the fake: a Web API method, or a post to a `response_url` sink."""

    method: str  # "chat.postMessage", or "webhook/<id>" for response_url posts
    params: Json  # query string, then form or JSON body; JSON-valued fields decoded
    authorization: str | None
    http_method: str
    status: int
    response: Json
    body: str
    at: float = field(default_factory=time.monotonic)

    @property
    def token(self) -> str | None:
        auth = self.authorization or ""
        return auth[len("Bearer ") :] if auth.startswith("Bearer ") else None

    @property
    def ok(self) -> bool:
        return self.status == 200 and bool(self.response.get("ok", True))


class FakeSlack:
    """The fake Web API. Use as a context manager, or `start()` / `stop()`."""

    def __init__(
        self,
        *,
        usergroups: Mapping[str, Iterable[str]] | None = None,
        users: Mapping[str, Json] | None = None,
        valid_tokens: Iterable[str] | None = None,
        retry_after: int = 1,
        channels: Mapping[str, Json] | None = None,
        emails: Mapping[str, str] | None = None,
    ) -> None:
        self.channels: dict[str, Json] | None = (
            {k: dict(v) for k, v in channels.items()} if channels is not None else None
        )
        self.emails: dict[str, str] = {k.lower(): v for k, v in (emails or {}).items()}
        self._limits: dict[str, Limit] | None = None
        self._tat: dict[str, float] = {}
        self.usergroups: dict[str, list[str]] = {k: list(v) for k, v in (usergroups or {}).items()}
        self.users: dict[str, Json] = dict(users or {})
        self.valid_tokens = frozenset(valid_tokens) if valid_tokens is not None else None
        self.retry_after = retry_after
        self._cond = threading.Condition()
        self._calls: list[Call] = []
        self._rate_limits: dict[str, int] = {}
        self._failures: dict[str, list[str]] = {}
        self._drops: dict[str, int] = {}
        self._stalls: dict[str, int] = {}
        self._spared: dict[str, int] = {}
        self._messages: dict[str, list[Json]] = {}
        self._ephemerals: list[Json] = []
        self._views: dict[str, Json] = {}
        self._home: dict[str, str] = {}  # user id -> view id
        self._seq = itertools.count(1)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self.port = 0
        self._routes: dict[str, Callable[[Json], Json]] = {
            "auth.test": self._auth_test,
            "bots.info": self._bots_info,
            "chat.postMessage": self._post_message,
            "chat.update": self._update,
            "chat.postEphemeral": self._post_ephemeral,
            "chat.getPermalink": self._permalink,
            "views.open": self._views_open,
            "views.push": self._views_open,
            "views.update": self._views_update,
            "views.publish": self._views_publish,
            "usergroups.users.list": self._usergroup_users,
            "users.info": self._users_info,
            "conversations.open": self._conversations_open,
            "conversations.history": self._history,
            "conversations.replies": self._replies,
            "conversations.list": self._conversations_list,
            "conversations.info": self._conversations_info,
            "users.lookupByEmail": self._lookup_by_email,
        }

    # -- lifecycle ------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The server's root, `http://127.0.0.1:PORT`."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        """The Web API base URL, for `AsyncWebClient(base_url=…)` and `SLACK_API_URL`."""
        return f"{self.url}/api/"

    def response_url(self, sink: str = "default") -> str:
        """A `response_url` whose posts are recorded as `webhook/<sink>`."""
        return f"{self.url}/webhook/{sink}"

    def start(self) -> FakeSlack:
        if self._thread is not None:
            raise RuntimeError("FakeSlack already started")
        self._thread = threading.Thread(target=self._serve, name="fake-slack", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("FakeSlack did not start")
        if self._error is not None:
            raise RuntimeError("FakeSlack failed to start") from self._error
        return self

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None and self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
        self._thread = None

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self) -> None:
        loop = self._loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._bind())
        except BaseException as e:  # reported by start()
            self._error = e
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            assert self._runner is not None
            loop.run_until_complete(self._runner.cleanup())
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _bind(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._handle_api)
        app.router.add_post("/webhook/{sink}", self._handle_webhook)
        # Stalled calls (stall_after) are dropped at once when the fake stops.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    # -- test controls ----------------------------------------------------------------------

    def rate_limit(self, method: str, times: int = 1) -> None:
        """Answer the next `times` calls of `method` with HTTP 429 and `Retry-After`."""
        with self._cond:
            self._rate_limits[method] = self._rate_limits.get(method, 0) + times

    def fail(self, method: str, error: str = "channel_not_found", times: int = 1) -> None:
        """Answer the next `times` calls of `method` with `{"ok": false, "error": error}`."""
        with self._cond:
            self._failures.setdefault(method, []).extend([error] * times)

    def drop_after(self, method: str, times: int = 1, after: int = 0) -> None:
        """After `after` more calls of `method` answered as usual, do the next `times` and
        drop the connection unanswered."""
        with self._cond:
            self._drops[method] = times
            self._spared[method] = after

    def stall_after(self, method: str, times: int = 1, after: int = 0) -> None:
        """After `after` more calls of `method` answered as usual, do the next `times` and
        never answer them."""
        with self._cond:
            self._stalls[method] = times
            self._spared[method] = after

    def enforce_limits(
        self,
        post_per_second: float = 1.0,
        post_burst: int = 4,
        update_per_minute: float = 50,
        update_burst: int = 20,
        publish_per_minute: float = 100,
        publish_burst: int = 20,
    ) -> None:
        """Answer as Slack's rate limits do: 429 with Retry-After beyond them (a GCRA per
        channel for chat.postMessage, per workspace for chat.update and views.publish)."""
        with self._cond:
            self._limits = {
                "chat.postMessage": Limit(1 / post_per_second, post_burst, per_channel=True),
                "chat.update": Limit(60 / update_per_minute, update_burst),
                "views.publish": Limit(60 / publish_per_minute, publish_burst),
            }

    def rate_limited(self, method: str | None = None) -> int:
        """How many calls were answered 429."""
        return len([c for c in self.calls(method) if c.status == 429])

    def set_usergroup(self, usergroup: str, users: Iterable[str]) -> None:
        with self._cond:
            self.usergroups[usergroup] = list(users)

    # -- queries ----------------------------------------------------------------------------

    def calls(self, method: str | None = None) -> list[Call]:
        """Recorded calls in order, all of them or those of one method (or `webhook/<id>`)."""
        with self._cond:
            return [c for c in self._calls if method is None or c.method == method]

    def last(self, method: str) -> Call:
        """The latest call of `method`; fails the test if there was none."""
        found = self.calls(method)
        if not found:
            raise AssertionError(f"no {method} call; recorded: {self._methods()}")
        return found[-1]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Block until `method` was called at least `count` times; return those calls."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [c for c in self._calls if c.method == method]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"{method}: {len(found)} call(s) after {timeout}s, wanted {count}; "
                        f"recorded: {self._methods_locked()}"
                    )
                self._cond.wait(left)

    def webhooks(self, sink: str = "default") -> list[Json]:
        """The JSON payloads posted to `response_url(sink)`, in order."""
        return [c.params for c in self.calls(f"webhook/{sink}")]

    def wait_for_webhook(
        self, sink: str = "default", count: int = 1, timeout: float = 5.0
    ) -> list[Json]:
        return [c.params for c in self.wait_for(f"webhook/{sink}", count, timeout)]

    def messages(self, channel: str, *, thread_ts: str | None = None) -> list[Json]:
        """Messages in `channel` as they are now (after updates), oldest first; with
        `thread_ts`, only the replies in that thread."""
        with self._cond:
            msgs = [dict(m) for m in self._messages.get(channel, [])]
        if thread_ts is None:
            return msgs
        return [m for m in msgs if m.get("thread_ts") == thread_ts and m["ts"] != thread_ts]

    def top_level(self, channel: str) -> list[Json]:
        """Messages in `channel` that are not thread replies."""
        return [m for m in self.messages(channel) if m.get("thread_ts") in (None, m["ts"])]

    def message(self, channel: str, ts: str) -> Json:
        for m in self.messages(channel):
            if m["ts"] == ts:
                return m
        raise AssertionError(f"no message {ts} in {channel}")

    def broadcasts(self, channel: str) -> list[Json]:
        """Thread replies also shown in the channel (`reply_broadcast`)."""
        return [m for m in self.messages(channel) if m.get("reply_broadcast")]

    def ephemerals(self, user: str | None = None) -> list[Json]:
        with self._cond:
            return [dict(e) for e in self._ephemerals if user is None or e["user"] == user]

    def view(self, view_id: str) -> Json:
        with self._cond:
            return dict(self._views[view_id])

    def home(self, user: str) -> Json | None:
        """The Home tab last published for `user`."""
        with self._cond:
            view_id = self._home.get(user)
            return dict(self._views[view_id]) if view_id else None

    def _methods(self) -> list[str]:
        with self._cond:
            return self._methods_locked()

    def _methods_locked(self) -> list[str]:
        return [c.method for c in self._calls]

    # -- HTTP -------------------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        body = await request.text()
        params: Json = dict(request.query)
        params.update(_parse_body(body, request.content_type))
        ignored = method in FORM_ONLY and request.content_type == "application/json" and body
        effective = dict(request.query) if ignored else params
        for key in JSON_PARAMS:
            if isinstance(params.get(key), str):
                with contextlib.suppress(ValueError):
                    params[key] = json.loads(params[key])
        authorization = request.headers.get("Authorization")
        status, response, headers = self._answer(method, effective, authorization)
        if ignored and not response.get("ok", True):
            note = f"[fake slack] {method} ignores JSON bodies: send form or query parameters"
            response["response_metadata"] = {"messages": [note]}
        self._record(Call(method, params, authorization, request.method, status, response, body))
        with self._cond:
            spared = self._spared.get(method, 0) > 0 and status == 200
            if spared:
                self._spared[method] -= 1
            drop = not spared and self._drops.get(method, 0) > 0 and status == 200
            stall = not spared and not drop and self._stalls.get(method, 0) > 0 and status == 200
            if drop:
                self._drops[method] -= 1
            if stall:
                self._stalls[method] -= 1
        if drop and request.transport is not None:
            request.transport.abort()  # done, and no answer: the caller can't know
            raise asyncio.CancelledError
        if stall:
            await asyncio.sleep(3600)
        return web.json_response(response, status=status, headers=headers)

    async def _handle_webhook(self, request: web.Request) -> web.Response:
        body = await request.text()
        params = _parse_body(body, request.content_type)
        call = Call(
            f"webhook/{request.match_info['sink']}",
            params,
            request.headers.get("Authorization"),
            request.method,
            200,
            {"ok": True},
            body,
        )
        self._record(call)
        return web.Response(text="ok")

    def _record(self, call: Call) -> None:
        with self._cond:
            self._calls.append(call)
            self._cond.notify_all()

    def _answer(
        self, method: str, params: Json, authorization: str | None
    ) -> tuple[int, Json, dict[str, str]]:
        if not self._authorized(authorization):
            return 200, {"ok": False, "error": "invalid_auth"}, {}
        with self._cond:
            if self._rate_limits.get(method, 0) > 0:
                self._rate_limits[method] -= 1
                headers = {"Retry-After": str(self.retry_after)}
                return 429, {"ok": False, "error": "ratelimited"}, headers
            wait = self._over_limit(method, params)
            if wait is not None:
                headers = {"Retry-After": str(max(1, math.ceil(wait)))}
                return 429, {"ok": False, "error": "ratelimited"}, headers
            failures = self._failures.get(method)
            if failures:
                return 200, {"ok": False, "error": failures.pop(0)}, {}
            handler = self._routes.get(method)
            try:
                response = handler(params) if handler else {"ok": True}
            except _SlackError as e:
                return 200, {"ok": False, "error": e.error}, {}
        headers = {"X-OAuth-Scopes": BOT_SCOPES} if method == "auth.test" else {}
        return 200, response, headers

    def _over_limit(self, method: str, params: Json) -> float | None:
        """With limits enforced: None when the call is within them (its slot taken), else
        the seconds until it would be (GCRA: a burst, then one per interval)."""
        limit = (self._limits or {}).get(method)
        if limit is None:
            return None
        bucket = method
        if limit.per_channel:
            bucket += ":" + str(params.get("channel") or "")
        now = time.monotonic()
        tat = max(self._tat.get(bucket, now), now)
        wait = tat - limit.tolerance - now
        if wait > 0:
            return wait
        self._tat[bucket] = tat + limit.interval
        return None

    def _authorized(self, authorization: str | None) -> bool:
        if not authorization or not authorization.startswith("Bearer "):
            return False
        token = authorization[len("Bearer ") :]
        if self.valid_tokens is not None:
            return token in self.valid_tokens
        return token.startswith(("xoxb-", "xoxp-", "xapp-")) and len(token) > len("xoxb-")

    # -- methods (called with the lock held) ----------------------------------------------

    def _next_ts(self) -> str:
        """Unique and increasing, on the wall clock as Slack's are (`oldest` filters work)."""
        return f"{int(time.time())}.{next(self._seq):06d}"

    def _auth_test(self, params: Json) -> Json:
        return {
            "ok": True,
            "url": "https://fake.slack.test/",
            "team": "Fake Team",
            "user": "driftbot",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _bots_info(self, params: Json) -> Json:
        """The app's own bot only (users:read)."""
        if params.get("bot") != BOT_ID:
            raise _SlackError("bot_not_found")
        bot = {"id": BOT_ID, "deleted": False, "name": "driftbot", "app_id": APP_ID}
        return {"ok": True, "bot": bot | {"user_id": BOT_USER_ID}}

    def _channel(self, params: Json) -> str:
        channel = str(params.get("channel") or "")
        if not channel:
            raise _SlackError("channel_not_found")
        if channel[0] in "UW":  # a user id: the app's DM with that user (its Messages tab)
            return _dm_channel(channel)
        return channel

    def _find(self, channel: str, ts: str) -> Json:
        for m in self._messages.get(channel, []):
            if m["ts"] == ts:
                return m
        raise _SlackError("message_not_found")

    def _post_message(self, params: Json) -> Json:
        channel = self._channel(params)
        known = self.channels.get(channel) if self.channels is not None else None
        if known is not None and not known.get("is_member", True):
            raise _SlackError("not_in_channel")
        if self.channels is not None and known is None and channel[0] in "CG":
            raise _SlackError("channel_not_found")
        _check_content(params)
        ts = self._next_ts()
        message: Json = {"type": "message", "user": BOT_USER_ID, "bot_id": BOT_ID, "ts": ts}
        for key in ("text", "blocks", "attachments", "metadata", "thread_ts"):
            if params.get(key) not in (None, ""):
                message[key] = params[key]
        if message.get("thread_ts") and str(params.get("reply_broadcast")).lower() == "true":
            message["reply_broadcast"] = True
        message.setdefault("text", "")
        self._messages.setdefault(channel, []).append(message)
        return {"ok": True, "channel": channel, "ts": ts, "message": dict(message)}

    def _update(self, params: Json) -> Json:
        channel = self._channel(params)
        message = self._find(channel, str(params.get("ts") or ""))
        _check_content(params)
        for key in ("text", "blocks", "attachments", "metadata"):
            if params.get(key) is not None:  # omitted blocks are kept; `blocks: []` removes them
                message[key] = params[key]
        message["edited"] = {"user": BOT_USER_ID, "ts": self._next_ts()}
        text = message.get("text", "")
        return {
            "ok": True,
            "channel": channel,
            "ts": message["ts"],
            "text": text,
            "message": dict(message),
        }

    def _post_ephemeral(self, params: Json) -> Json:
        channel = self._channel(params)
        if not params.get("user"):
            raise _SlackError("user_not_found")
        _check_content(params)
        ts = self._next_ts()
        keep = ("user", "text", "blocks", "attachments", "thread_ts")
        self._ephemerals.append(
            {"channel": channel, "message_ts": ts} | {k: params[k] for k in keep if k in params}
        )
        return {"ok": True, "message_ts": ts}

    def _permalink(self, params: Json) -> Json:
        channel = self._channel(params)
        message = self._find(channel, str(params.get("message_ts") or ""))
        link = f"https://fake.slack.test/archives/{channel}/p{message['ts'].replace('.', '')}"
        thread_ts = message.get("thread_ts")
        if thread_ts and thread_ts != message["ts"]:
            link += f"?thread_ts={thread_ts}&cid={channel}"
        return {"ok": True, "channel": channel, "permalink": link}

    def _new_view(self, view: Any, *, view_id: str | None = None) -> Json:
        if not isinstance(view, dict) or view.get("type") not in ("modal", "home"):
            raise _SlackError("invalid_arguments")
        if len(view.get("blocks") or []) > VIEW_BLOCKS_MAX:
            raise _SlackError("invalid_arguments")
        if view["type"] == "modal" and not view.get("title"):
            raise _SlackError("invalid_arguments")
        view_id = view_id or f"V{next(self._seq):08d}"
        stored = dict(view) | {
            "id": view_id,
            "team_id": TEAM_ID,
            "app_id": APP_ID,
            "bot_id": BOT_ID,
            "hash": f"{time.time_ns()}.{next(self._seq)}",
            "state": {"values": {}},
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
        }
        self._views[view_id] = stored
        return stored

    def _views_open(self, params: Json) -> Json:
        if not str(params.get("trigger_id") or "").strip():
            raise _SlackError("invalid_trigger_id")
        return {"ok": True, "view": dict(self._new_view(params.get("view")))}

    def _views_update(self, params: Json) -> Json:
        view_id = params.get("view_id")
        if not view_id and params.get("external_id"):
            matches = [
                v["id"]
                for v in self._views.values()
                if v.get("external_id") == params["external_id"]
            ]
            view_id = matches[-1] if matches else None
        if not view_id or view_id not in self._views:
            raise _SlackError("not_found")
        if params.get("hash") and params["hash"] != self._views[view_id]["hash"]:
            raise _SlackError("hash_conflict")
        return {"ok": True, "view": dict(self._new_view(params.get("view"), view_id=view_id))}

    def _views_publish(self, params: Json) -> Json:
        user = str(params.get("user_id") or "")
        if not user:
            raise _SlackError("invalid_arguments")
        view = params.get("view")
        if not isinstance(view, dict) or view.get("type") != "home":
            raise _SlackError("invalid_arguments")
        stored = self._new_view(view, view_id=self._home.get(user))
        self._home[user] = stored["id"]
        return {"ok": True, "view": dict(stored)}

    def _usergroup_users(self, params: Json) -> Json:
        group = str(params.get("usergroup") or "")
        if group not in self.usergroups:
            raise _SlackError("no_such_subteam")
        return {"ok": True, "users": list(self.usergroups[group])}

    def _users_info(self, params: Json) -> Json:
        user = str(params.get("user") or "")
        if user in self.users:
            return {"ok": True, "user": dict(self.users[user])}
        if not user or user[0] not in "UW":
            raise _SlackError("user_not_found")
        name = user.lower()
        profile = {"real_name": name, "display_name": name}
        info = {
            "id": user,
            "team_id": TEAM_ID,
            "name": name,
            "real_name": name,
            "deleted": False,
            "is_bot": False,
            "tz": "UTC",
            "tz_offset": 0,
            "profile": profile,
        }
        return {"ok": True, "user": info}

    def _history(self, params: Json) -> Json:
        """Top-level messages (and thread parents), newest first."""
        channel = self._channel(params)
        if channel not in self._messages:
            raise _SlackError("channel_not_found")
        msgs = [m for m in self._messages[channel] if m.get("thread_ts") in (None, m["ts"])]
        return self._page(list(reversed(msgs)), params)

    def _replies(self, params: Json) -> Json:
        """A thread: its parent, then the replies, oldest first."""
        channel = self._channel(params)
        parent = str(params.get("ts") or "")
        self._find(channel, parent)
        msgs = [
            m for m in self._messages[channel] if m["ts"] == parent or m.get("thread_ts") == parent
        ]
        return self._page(msgs, params)

    def _page(self, msgs: list[Json], params: Json) -> Json:
        oldest = float(params.get("oldest") or 0)
        msgs = [m for m in msgs if float(m["ts"]) >= oldest]
        start = int(params.get("cursor") or 0)
        limit = int(params.get("limit") or 100)
        page = msgs[start : start + limit]
        metadata = str(params.get("include_all_metadata")).lower() in ("1", "true")
        shown = [{k: v for k, v in m.items() if k != "metadata" or metadata} for m in page]
        more = start + limit < len(msgs)
        meta = {"next_cursor": str(start + limit) if more else ""}
        return {"ok": True, "messages": shown, "has_more": more, "response_metadata": meta}

    def _conversations_list(self, params: Json) -> Json:
        """The `channels` given, paged by `cursor` and `limit`."""
        listed = [
            {
                "id": cid,
                "name": c.get("name", cid.lower()),
                "is_private": bool(c.get("is_private")),
                "is_member": bool(c.get("is_member", True)),
                "is_archived": False,
            }
            for cid, c in (self.channels if self.channels is not None else DIRECTORY).items()
        ]
        start = int(params.get("cursor") or 0)
        limit = int(params.get("limit") or 100)
        page = listed[start : start + limit]
        more = start + limit < len(listed)
        meta = {"next_cursor": str(start + limit) if more else ""}
        return {"ok": True, "channels": page, "response_metadata": meta}

    def _conversations_info(self, params: Json) -> Json:
        channel = str(params.get("channel") or "")
        if not channel:
            raise _SlackError("channel_not_found")
        if channel[0] == "D":
            return {"ok": True, "channel": {"id": channel, "is_im": True}}
        if self.channels is None:
            return {"ok": True, "channel": {"id": channel, "is_member": True}}
        known = self.channels.get(channel)
        if known is None:
            raise _SlackError("channel_not_found")
        info = {"id": channel, "name": known.get("name", channel.lower())}
        return {"ok": True, "channel": info | {"is_member": bool(known.get("is_member", True))}}

    def _lookup_by_email(self, params: Json) -> Json:
        user = self.emails.get(str(params.get("email") or "").lower())
        if user is None:
            raise _SlackError("users_not_found")
        return {"ok": True, "user": {"id": user, "team_id": TEAM_ID, "deleted": False}}

    def _conversations_open(self, params: Json) -> Json:
        if params.get("channel"):
            return {"ok": True, "channel": {"id": params["channel"]}}
        users = [u for u in str(params.get("users") or "").split(",") if u]
        if not users:
            raise _SlackError("users_list_not_supplied")
        if len(users) == 1:
            channel = _dm_channel(users[0])
        else:
            channel = "G" + "".join(sorted(u[1:] for u in users))[:10]
        return {"ok": True, "channel": {"id": channel}}


@contextlib.contextmanager
def loopback_only() -> Iterator[None]:
    """Within the block, refuse TCP connections to anything but loopback (pytest-socket's
    allow-list, without the dependency) and ignore proxy variables."""
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def check(sock: socket.socket, address: Any) -> None:
        inet = sock.family in (socket.AF_INET, socket.AF_INET6)
        if inet and not (isinstance(address, tuple) and address[0] in LOOPBACK):
            raise ConnectionRefusedError(f"test network is loopback only, not {address!r}")

    def connect(sock: socket.socket, address: Any) -> None:
        check(sock, address)
        real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        check(sock, address)
        return real_connect_ex(sock, address)

    saved = {name: os.environ.pop(name) for name in PROXY_VARIABLES if name in os.environ}
    socket.socket.connect = connect  # type: ignore[method-assign, assignment]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign, assignment]
    try:
        yield
    finally:
        socket.socket.connect = real_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = real_connect_ex  # type: ignore[method-assign]
        os.environ.update(saved)


def _dm_channel(user: str) -> str:
    return "D" + user[1:]


def _check_content(params: Json) -> None:
    if not any(params.get(k) not in (None, "") for k in ("text", "blocks", "attachments")):
        raise _SlackError("no_text")
    blocks = params.get("blocks")
    if blocks is not None and (not isinstance(blocks, list) or len(blocks) > MESSAGE_BLOCKS_MAX):
        raise _SlackError("invalid_blocks")
    if len(str(params.get("text") or "")) > TEXT_MAX:
        raise _SlackError("msg_too_long")


def _parse_body(body: str, content_type: str) -> Json:
    if not body:
        return {}
    if content_type == "application/json" or body.lstrip().startswith("{"):
        try:
            parsed = json.loads(body)
        except ValueError:
            return {"_raw": body}
        return parsed if isinstance(parsed, dict) else {"_json": parsed}
    return dict(parse_qsl(body, keep_blank_values=True))
