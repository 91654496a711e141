"""Slack's Web API, as the app uses it: post and update messages, ephemeral replies, views,
user group members. One AsyncWebClient per process with retry handlers (rate limits honour
Retry-After; 5xx and connection errors retry), shared with Bolt. Slack's refusals
(slack_sdk's SlackApiError) are translated into `bot.errors.SlackError` here, once.

`chat.postMessage` goes through a second client that retries rate limits only: a post whose
answer was lost (a dropped connection, a 5xx after Slack stored it) is not sent again blindly,
which would post it twice; bot/shell/posting.py finds out whether it was stored (its message
metadata names it) and posts it only if not.

With a `pacer` (bot/shell/redis/pace.py, shared through Redis by every driftbot process),
posts wait for their channel's slot (about one a second per channel) and updates and Home
publishes for the workspace's (Tier 3 and 4), so driftbot stays inside Slack's limits instead
of running into 429s; a 429 that happens anyway is retried after its Retry-After.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.errors import SlackError
from bot.messages.slack import answers as say
from bot.shell.metrics import CountingRateLimitHandler, count_slack_call
from bot.shell.redis.pace import POST, PUBLISH, UPDATE, Pacer

DEFAULT_API_URL = "https://slack.com/api/"
UNREACHABLE = "unreachable"  # SlackError.code when Slack did not answer at all
RETRYABLE = frozenset({"ratelimited", "service_unavailable", "internal_error"})
POST_EVENT = "driftbot_post"  # message metadata `event_type` of every message driftbot posts
HISTORY_PAGES = 10  # at most 2,000 messages read back to find one post
CHANNEL_PAGES = 50  # at most 50,000 channels listed to resolve names


def web_client(token: str | None = None, base_url: str | None = None) -> AsyncWebClient:
    """The process's client: `SLACK_BOT_TOKEN` and `SLACK_API_URL` unless given."""
    url = base_url or os.environ.get("SLACK_API_URL") or DEFAULT_API_URL
    return AsyncWebClient(
        token=token or os.environ.get("SLACK_BOT_TOKEN"),
        base_url=url if url.endswith("/") else url + "/",
        retry_handlers=[
            AsyncConnectionErrorRetryHandler(max_retry_count=2),
            CountingRateLimitHandler(max_retry_count=3),
            AsyncServerErrorRetryHandler(max_retry_count=1),
        ],
    )


@dataclass(frozen=True)
class Installation:
    """Who the app is, as Slack says (`auth.test`): the workspace (or, org-wide, the
    enterprise) it is installed in and its app id; requests from anywhere else are refused."""

    team_id: str
    enterprise_id: str | None
    app_id: str | None
    bot_user_id: str
    enterprise_install: bool
    url: str = ""  # the workspace's address (https://NAME.slack.com/), for permalinks


class SlackGateway:
    """The calls the app makes, each translating Slack's errors."""

    def __init__(self, client: AsyncWebClient, pacer: Pacer | None = None) -> None:
        self.client = client
        self.pacer = pacer
        self.poster = AsyncWebClient(
            token=client.token,
            base_url=client.base_url,
            timeout=client.timeout,
            retry_handlers=[CountingRateLimitHandler(max_retry_count=3)],
        )

    async def _call(
        self, method: str, client: AsyncWebClient | None = None, **params: Any
    ) -> dict[str, Any]:
        """Call Web API `method` through the SDK's own method for it (which knows whether
        Slack wants form or JSON for it)."""
        call = getattr(client or self.client, method.replace(".", "_"))
        try:
            response = await call(**params)
            count_slack_call(method, "ok")
        except SlackApiError as exc:
            code = str(exc.response.get("error", "unknown_error"))
            count_slack_call(method, code)
            message, hint = say.slack_refused(method, code)
            raise SlackError(message, hint, code=code, retryable=code in RETRYABLE) from exc
        except (aiohttp.ClientError, TimeoutError) as exc:  # after the client's own retries
            count_slack_call(method, UNREACHABLE)
            message, hint = say.slack_unreachable(method, type(exc).__name__)
            raise SlackError(message, hint, code=UNREACHABLE, retryable=True) from exc
        return dict(response.data) if isinstance(response.data, dict) else {}

    async def post(
        self,
        channel: str,
        text: str,
        blocks: Sequence[dict[str, Any]] | None = None,
        thread_ts: str | None = None,
        post_key: str | None = None,
        broadcast: bool = False,
    ) -> str:
        """Post a message; returns its ts. `post_key` goes into the message's metadata, for
        `find_post` (bot/shell/posting.py); `broadcast` shows a thread reply in the channel
        too (news)."""
        params: dict[str, Any] = {"channel": channel, "text": text, "unfurl_links": False}
        if blocks is not None:
            params["blocks"] = list(blocks)
        if thread_ts:
            params["thread_ts"] = thread_ts
            if broadcast:
                params["reply_broadcast"] = True
        if post_key is not None:
            params["metadata"] = {"event_type": POST_EVENT, "event_payload": {"post": post_key}}
        if self.pacer is not None:
            await self.pacer.wait(f"post:{channel}", POST)
        data = await self._call("chat.postMessage", client=self.poster, **params)
        return str(data.get("ts", ""))

    async def find_post(
        self, channel: str, post_key: str, thread_ts: str | None, oldest: float
    ) -> str | None:
        """The ts of the message posted with `post_key` since `oldest` (a Unix time) in
        `channel` (in the thread `thread_ts`, if given), or None. Needs the history scopes
        (`channels:history`, `groups:history`)."""
        method = "conversations.replies" if thread_ts else "conversations.history"
        params: dict[str, Any] = {
            "channel": channel,
            "oldest": f"{max(oldest, 0):.6f}",
            "limit": 200,
            "include_all_metadata": True,
        }
        if thread_ts:
            params["ts"] = thread_ts
        for _ in range(HISTORY_PAGES):
            data = await self._call(method, **params)
            for message in data.get("messages") or []:
                meta = message.get("metadata") or {}
                payload = meta.get("event_payload") or {}
                if meta.get("event_type") == POST_EVENT and payload.get("post") == post_key:
                    return str(message.get("ts"))
            cursor = (data.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return None
            params["cursor"] = cursor
        return None

    async def update(
        self, channel: str, ts: str, text: str, blocks: Sequence[dict[str, Any]] | None = None
    ) -> None:
        params: dict[str, Any] = {"channel": channel, "ts": ts, "text": text}
        if blocks is not None:
            params["blocks"] = list(blocks)
        if self.pacer is not None:
            await self.pacer.wait("update", UPDATE)
        await self._call("chat.update", **params)

    async def ephemeral(
        self, channel: str, user: str, text: str, blocks: Sequence[dict[str, Any]] | None = None
    ) -> None:
        params: dict[str, Any] = {"channel": channel, "user": user, "text": text}
        if blocks is not None:
            params["blocks"] = list(blocks)
        await self._call("chat.postEphemeral", **params)

    async def open_view(self, trigger_id: str, view: dict[str, Any]) -> None:
        await self._call("views.open", trigger_id=trigger_id, view=view)

    async def publish_home(self, user: str, view: dict[str, Any]) -> None:
        if self.pacer is not None:
            await self.pacer.wait("publish", PUBLISH)
        await self._call("views.publish", user_id=user, view=view)

    async def permalink(self, channel: str, ts: str) -> str | None:
        try:
            data = await self._call("chat.getPermalink", channel=channel, message_ts=ts)
        except SlackError:
            return None
        return str(data.get("permalink")) if data.get("permalink") else None

    async def identity(self) -> Installation:
        """`auth.test` with the bot token; the app id from it, else from `bots.info` (which
        needs `users:read`; without it the app id stays unknown). SlackError when the token is
        not valid."""
        data = await self._call("auth.test")
        app_id = data.get("app_id")
        if not app_id and data.get("bot_id"):
            try:
                bot = await self._call("bots.info", bot=str(data["bot_id"]))
            except SlackError:
                bot = {}
            app_id = (bot.get("bot") or {}).get("app_id")
        return Installation(
            team_id=str(data.get("team_id") or ""),
            enterprise_id=str(data["enterprise_id"]) if data.get("enterprise_id") else None,
            app_id=str(app_id) if app_id else None,
            bot_user_id=str(data.get("user_id") or ""),
            enterprise_install=bool(data.get("is_enterprise_install")),
            url=str(data.get("url") or ""),
        )

    async def open_connection(self, app_token: str) -> None:
        """`apps.connections.open` with the app-level token: SlackError when Slack refuses
        it (Socket Mode would retry such a token forever)."""
        await self._call("apps.connections.open", app_token=app_token)

    async def group_members(self, group: str) -> list[str]:
        data = await self._call("usergroups.users.list", usergroup=group)
        return [str(u) for u in data.get("users", [])]

    async def channels(self) -> dict[str, str]:
        """Every channel the app can see, `{name: id}` (`conversations.list`, public and
        private, archived ones left out; needs `channels:read` and `groups:read`)."""
        found: dict[str, str] = {}
        params: dict[str, Any] = {
            "types": "public_channel,private_channel",
            "exclude_archived": True,
            "limit": 1000,
        }
        for _ in range(CHANNEL_PAGES):
            data = await self._call("conversations.list", **params)
            for channel in data.get("channels") or []:
                if channel.get("name") and channel.get("id"):
                    found[str(channel["name"])] = str(channel["id"])
            cursor = (data.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
            params["cursor"] = cursor
        return found

    async def is_member(self, channel: str) -> bool:
        """Whether the bot is in `channel` (`conversations.info`)."""
        data = await self._call("conversations.info", channel=channel)
        info = data.get("channel") or {}
        return bool(info.get("is_member")) or bool(info.get("is_im"))

    async def user_by_email(self, email: str) -> str | None:
        """The Slack user with this email (`users.lookupByEmail`, scope `users:read.email`);
        None when there is none."""
        try:
            data = await self._call("users.lookupByEmail", email=email)
        except SlackError as exc:
            if exc.code == "users_not_found":
                return None
            raise
        user = data.get("user") or {}
        return str(user["id"]) if user.get("id") and not user.get("deleted") else None

    async def open_dm(self, user: str) -> str:
        """The app's direct message channel with `user` (`conversations.open`, `im:write`)."""
        data = await self._call("conversations.open", users=user)
        return str((data.get("channel") or {}).get("id") or "")

    async def show_modal(self, trigger_id: str, view: dict[str, Any]) -> bool:
        """Open a modal if the trigger still holds; False when Slack refused it."""
        try:
            await self.open_view(trigger_id, view)
        except SlackError:
            return False
        return True
