"""Inbound Slack requests, signed for real (SLACK.md §1.5, §1.11).

Each builder returns a `SignedRequest(body, headers)` (a named tuple, so `body, headers = …`
works) usable both ways:

    await app.async_dispatch(req.bolt())  # = AsyncBoltRequest(body=…, headers=…)
    await client.post("/slack/events", data=req.body, headers=req.headers)

Signatures come from `slack_sdk.signature.SignatureVerifier(secret).generate_signature`.
`wrong_secret=True` signs with another secret and `stale=True` dates the request 10 minutes
back (Slack and Bolt refuse anything older than 5 minutes); both must get 401.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple
from urllib.parse import urlencode

from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.internals import parse_body
from slack_sdk.signature import SignatureVerifier

SECRET = "test-signing-secret"  # noqa: S105 - a test fixture, not a credential
WRONG_SECRET = "not-the-signing-secret"  # noqa: S105
STALE_SECONDS = 600
TEAM_ID = "T0FAKE"  # the same team as tests.fake_slack's auth.test
APP_ID = "A0DRIFT"
BOT_USER_ID = "U0BOT"
USER_ID = "U0ALICE"
CHANNEL_ID = "C0DEMO"
# A loopback port nobody listens on: a request that forgot to pass the fake's response_url
# fails fast instead of leaving the machine.
UNSET_RESPONSE_URL = "http://127.0.0.1:9/webhook/unset"

FORM = "application/x-www-form-urlencoded"
JSON_TYPE = "application/json"

_seq = itertools.count(1)


class SignedRequest(NamedTuple):
    body: str
    headers: dict[str, str]

    @property
    def payload(self) -> dict[str, Any]:
        """The body as Bolt parses it (form fields, the `payload` JSON, or the JSON body)."""
        return parse_body(self.body, self.headers["Content-Type"])

    def bolt(self) -> AsyncBoltRequest:
        """The request for `app.async_dispatch` (AsyncBoltRequest's headers type is invariant)."""
        headers: dict[str, str | Sequence[str]] = dict(self.headers)
        return AsyncBoltRequest(body=self.body, headers=headers)


def new_trigger_id() -> str:
    """A fresh trigger id in Slack's shape."""
    n = next(_seq)
    return f"{1_000_000 + n}.{TEAM_ID[1:]}.{n:032x}"


def sign(
    body: str,
    content_type: str,
    *,
    secret: str = SECRET,
    timestamp: int | None = None,
    wrong_secret: bool = False,
    stale: bool = False,
    extra_headers: Mapping[str, str] | None = None,
) -> SignedRequest:
    """Sign a raw body the way Slack does (v0 HMAC-SHA256 over `v0:timestamp:body`)."""
    ts = int(time.time()) if timestamp is None else timestamp
    if stale:
        ts -= STALE_SECONDS
    key = WRONG_SECRET if wrong_secret else secret
    signature = SignatureVerifier(key).generate_signature(timestamp=str(ts), body=body)
    assert signature is not None
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": str(ts),
        "X-Slack-Signature": signature,
    }
    headers.update(extra_headers or {})
    return SignedRequest(body, headers)


def slash_command(
    text: str = "",
    *,
    command: str = "/drift",
    user_id: str = USER_ID,
    channel_id: str = CHANNEL_ID,
    trigger_id: str | None = None,
    response_url: str = UNSET_RESPONSE_URL,
    team_id: str = TEAM_ID,
    **signing: Any,
) -> SignedRequest:
    """`/drift <text>` as Slack posts it: a form body."""
    fields = {
        "token": "verification-token-unused",
        "team_id": team_id,
        "team_domain": "fake",
        "channel_id": channel_id,
        "channel_name": "demo",
        "user_id": user_id,
        "user_name": user_id.lower(),
        "command": command,
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id or new_trigger_id(),
    }
    return sign(urlencode(fields), FORM, **signing)


def _interactive(payload: Mapping[str, Any], **signing: Any) -> SignedRequest:
    return sign(urlencode({"payload": json.dumps(payload)}), FORM, **signing)


def _user(user_id: str, team_id: str) -> dict[str, Any]:
    name = user_id.lower()
    return {"id": user_id, "username": name, "name": name, "team_id": team_id}


def block_actions(
    action_id: str,
    value: str = "",
    *,
    block_id: str = "actions",
    user_id: str = USER_ID,
    channel_id: str = CHANNEL_ID,
    message_ts: str = "1700000000.000001",
    message: Mapping[str, Any] | None = None,
    view: Mapping[str, Any] | None = None,
    trigger_id: str | None = None,
    response_url: str = UNSET_RESPONSE_URL,
    team_id: str = TEAM_ID,
    **signing: Any,
) -> SignedRequest:
    """A button click. On a message by default (`message` may be a stored fake message);
    with `view` (a Home tab or modal as views.* returned it) the click comes from that view
    and carries no channel, message or response_url, as in Slack."""
    action = {
        "type": "button",
        "action_id": action_id,
        "block_id": block_id,
        "value": value,
        "text": {"type": "plain_text", "text": action_id, "emoji": True},
        "action_ts": f"{int(time.time())}.{next(_seq):06d}",
    }
    payload: dict[str, Any] = {
        "type": "block_actions",
        "token": "verification-token-unused",
        "api_app_id": APP_ID,
        "team": {"id": team_id, "domain": "fake"},
        "enterprise": None,
        "is_enterprise_install": False,
        "user": _user(user_id, team_id),
        "trigger_id": trigger_id or new_trigger_id(),
        "actions": [action],
    }
    if view is not None:
        payload["container"] = {"type": "view", "view_id": view.get("id", "V0VIEW")}
        payload["view"] = dict(view)
    else:
        msg = {"type": "message", "user": BOT_USER_ID, "ts": message_ts, "text": ""}
        msg.update(message or {})
        payload["container"] = {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel_id,
            "is_ephemeral": False,
        }
        payload["channel"] = {"id": channel_id, "name": "demo"}
        payload["message"] = msg
        payload["state"] = {"values": {}}
        payload["response_url"] = response_url
    return _interactive(payload, **signing)


def view_submission(
    callback_id: str,
    values: Mapping[str, Mapping[str, Mapping[str, Any]]] | None = None,
    *,
    private_metadata: str = "",
    user_id: str = USER_ID,
    view_id: str = "V0MODAL",
    trigger_id: str | None = None,
    team_id: str = TEAM_ID,
    **signing: Any,
) -> SignedRequest:
    """A modal submitted: `values` is `view.state.values` ({block_id: {action_id: state}});
    build the innermost states with `text_input`, `static_select`, `datepicker`…"""
    payload: dict[str, Any] = {
        "type": "view_submission",
        "token": "verification-token-unused",
        "api_app_id": APP_ID,
        "team": {"id": team_id, "domain": "fake"},
        "enterprise": None,
        "is_enterprise_install": False,
        "user": _user(user_id, team_id),
        "trigger_id": trigger_id or new_trigger_id(),
        "view": {
            "id": view_id,
            "team_id": team_id,
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": private_metadata,
            "title": {"type": "plain_text", "text": "driftbot"},
            "blocks": [],
            "state": {"values": {b: dict(a) for b, a in (values or {}).items()}},
            "hash": f"{int(time.time())}.{next(_seq)}",
            "root_view_id": view_id,
            "previous_view_id": None,
            "app_id": APP_ID,
            "bot_id": "B0BOT",
        },
        "response_urls": [],
    }
    return _interactive(payload, **signing)


def text_input(value: str | None) -> dict[str, Any]:
    return {"type": "plain_text_input", "value": value}


def static_select(value: str | None, text: str | None = None) -> dict[str, Any]:
    if value is None:
        return {"type": "static_select", "selected_option": None}
    label = {"type": "plain_text", "text": text or value}
    return {"type": "static_select", "selected_option": {"text": label, "value": value}}


def datepicker(date: str | None) -> dict[str, Any]:
    """`date` as Slack sends it, `YYYY-MM-DD`."""
    return {"type": "datepicker", "selected_date": date}


def conversations_select(channel: str | None) -> dict[str, Any]:
    return {"type": "conversations_select", "selected_conversation": channel}


def event_callback(
    event: Mapping[str, Any],
    *,
    event_id: str | None = None,
    retry_num: int | None = None,
    retry_reason: str = "http_timeout",
    team_id: str = TEAM_ID,
    **signing: Any,
) -> SignedRequest:
    """An Events API delivery (JSON). `retry_num` adds `X-Slack-Retry-Num`/`-Reason` as Slack
    does on redelivery; reuse `event_id` to send the same event again."""
    now = int(time.time())
    body = {
        "token": "verification-token-unused",
        "team_id": team_id,
        "api_app_id": APP_ID,
        "event": {"event_ts": f"{now}.{next(_seq):06d}"} | dict(event),
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_seq):010d}",
        "event_time": now,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
    }
    extra = dict(signing.pop("extra_headers", None) or {})
    if retry_num is not None:
        extra |= {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": retry_reason}
    return sign(json.dumps(body), JSON_TYPE, extra_headers=extra, **signing)


def app_home_opened(user_id: str = USER_ID, *, tab: str = "home", **options: Any) -> SignedRequest:
    """The `app_home_opened` event for `user_id` (the Home tab by default)."""
    event = {"type": "app_home_opened", "user": user_id, "channel": "D" + user_id[1:], "tab": tab}
    return event_callback(event, **options)


def url_verification(challenge: str = "challenge-token", **signing: Any) -> SignedRequest:
    body = {
        "token": "verification-token-unused",
        "challenge": challenge,
        "type": "url_verification",
    }
    return sign(json.dumps(body), JSON_TYPE, **signing)
