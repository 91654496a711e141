"""The offline Slack kit works: slack_sdk's own clients against tests/fake_slack.py, and the
requests of tests/slack_requests.py verified by SignatureVerifier and by Bolt. Loopback only."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer
from slack_bolt.app.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from tests import slack_requests as req
from tests.fake_slack import BOT_USER_ID, TEAM_ID, FakeSlack, loopback_only

TOKEN = "xoxb-test-token"  # noqa: S105


@pytest.fixture(autouse=True)
def _loopback_only() -> Iterator[None]:
    with loopback_only():
        yield


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack(usergroups={"S0PROD": ["U0ALICE", "U0BOB"]}) as server:
        yield server


def client(fake: FakeSlack, token: str | None = TOKEN, **kwargs: Any) -> AsyncWebClient:
    return AsyncWebClient(token=token, base_url=fake.base_url, **kwargs)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def slack_error(coro: Any) -> str:
    with pytest.raises(SlackApiError) as raised:
        run(coro)
    return str(raised.value.response["error"])


# -- the fake Web API -----------------------------------------------------------------------


def test_binds_an_ephemeral_loopback_port(fake):
    assert fake.base_url == f"http://127.0.0.1:{fake.port}/api/"
    assert fake.port > 0
    with FakeSlack() as other:
        assert other.port != fake.port


def test_only_loopback_is_reachable(fake):
    web = AsyncWebClient(token=TOKEN, base_url="http://192.0.2.1/api/")  # TEST-NET-1
    with pytest.raises(aiohttp.ClientConnectorError) as raised:
        run(web.auth_test())
    assert "loopback only" in str(raised.value.os_error)
    assert run(client(fake).auth_test())["ok"]


def test_auth_test_and_recorded_authorization(fake):
    response = run(client(fake).auth_test())
    assert (response["user_id"], response["team_id"]) == (BOT_USER_ID, TEAM_ID)
    assert response["bot_id"]
    call = fake.last("auth.test")
    assert call.authorization == f"Bearer {TOKEN}"
    assert call.token == TOKEN


@pytest.mark.parametrize("token", [None, "not-a-slack-token", "xoxb-"])
def test_missing_or_invalid_token_is_invalid_auth(fake, token):
    assert slack_error(client(fake, token=token).chat_postMessage(channel="C1", text="x")) == (
        "invalid_auth"
    )
    assert fake.messages("C1") == []
    assert len(fake.calls("chat.postMessage")) == 1  # refused calls are recorded too


def test_only_the_configured_tokens_when_given():
    with FakeSlack(valid_tokens={"xoxb-one"}) as fake:
        one, two = "xoxb-one", "xoxb-two"
        assert run(client(fake, token=one).auth_test())["ok"]
        assert slack_error(client(fake, token=two).auth_test()) == "invalid_auth"


def test_post_then_update_in_place(fake):
    async def scenario():
        web = client(fake)
        blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*drift*"}}]
        posted = await web.chat_postMessage(channel="C0DEMO", text="drift", blocks=blocks)
        new_blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "accepted"}}]
        await web.chat_update(channel="C0DEMO", ts=posted["ts"], text="accepted", blocks=new_blocks)
        await web.chat_update(channel="C0DEMO", ts=posted["ts"], text="accepted again")
        return posted, new_blocks

    posted, new_blocks = run(scenario())
    assert posted["channel"] == "C0DEMO"
    (message,) = fake.messages("C0DEMO")
    assert message["ts"] == posted["ts"]
    assert message["text"] == "accepted again"
    assert message["blocks"] == new_blocks  # omitted blocks are kept, as in Slack
    assert "edited" in message
    assert [c.params["ts"] for c in fake.calls("chat.update")] == [posted["ts"]] * 2


def test_update_of_an_unknown_message_is_message_not_found(fake):
    async def scenario():
        web = client(fake)
        posted = await web.chat_postMessage(channel="C0DEMO", text="x")
        return await web.chat_update(channel="C0OTHER", ts=posted["ts"], text="y")

    assert slack_error(scenario()) == "message_not_found"
    assert slack_error(client(fake).chat_update(channel="C0DEMO", ts="1.2", text="y")) == (
        "message_not_found"
    )


def test_ts_unique_and_increasing_under_concurrency(fake):
    async def scenario():
        web = client(fake)
        posts = [web.chat_postMessage(channel=f"C{i % 3}", text=str(i)) for i in range(30)]
        return [r["ts"] for r in await asyncio.gather(*posts)]

    stamps = run(scenario())
    assert len(set(stamps)) == 30
    recorded = [c.response["ts"] for c in fake.calls("chat.postMessage")]
    assert recorded == sorted(recorded, key=float)
    assert sum(len(fake.messages(f"C{i}")) for i in range(3)) == 30


def test_thread_replies_and_permalinks(fake):
    async def scenario():
        web = client(fake)
        parent = await web.chat_postMessage(channel="C0DEMO", text="card")
        reply = await web.chat_postMessage(
            channel="C0DEMO", text="accepted by <@U0ALICE>", thread_ts=parent["ts"]
        )
        parent_link = await web.chat_getPermalink(channel="C0DEMO", message_ts=parent["ts"])
        reply_link = await web.chat_getPermalink(channel="C0DEMO", message_ts=reply["ts"])
        return parent["ts"], parent_link["permalink"], reply_link["permalink"]

    parent_ts, parent_link, reply_link = run(scenario())
    assert [m["text"] for m in fake.top_level("C0DEMO")] == ["card"]
    (reply,) = fake.messages("C0DEMO", thread_ts=parent_ts)
    assert reply["thread_ts"] == parent_ts
    assert parent_link.startswith("https://")
    assert "C0DEMO" in parent_link
    assert f"thread_ts={parent_ts}" in reply_link
    assert slack_error(client(fake).chat_getPermalink(channel="C0DEMO", message_ts="9.9")) == (
        "message_not_found"
    )


def test_message_checks_like_slack(fake):
    web = client(fake)
    assert slack_error(web.chat_postMessage(channel="", text="x")) == "channel_not_found"
    assert slack_error(web.api_call("chat.postMessage", json={"channel": "C1"})) == "no_text"
    blocks = [{"type": "divider"}] * 51
    assert slack_error(web.chat_postMessage(channel="C1", text="x", blocks=blocks)) == (
        "invalid_blocks"
    )
    assert slack_error(web.chat_postMessage(channel="C1", text="x" * 40_001)) == "msg_too_long"


def test_posting_to_a_user_lands_in_their_app_dm(fake):
    async def scenario():
        web = client(fake)
        posted = await web.chat_postMessage(channel="U0BOB", text="please approve")
        opened = await web.conversations_open(users="U0BOB")
        return posted["channel"], opened["channel"]["id"]

    posted, opened = run(scenario())
    assert posted == opened == "D0BOB"
    assert [m["text"] for m in fake.messages("D0BOB")] == ["please approve"]


def test_ephemeral(fake):
    response = run(client(fake).chat_postEphemeral(channel="C0DEMO", user="U0ALICE", text="queued"))
    assert response["message_ts"]
    (ephemeral,) = fake.ephemerals("U0ALICE")
    assert (ephemeral["channel"], ephemeral["text"]) == ("C0DEMO", "queued")
    assert fake.messages("C0DEMO") == []  # ephemerals are not channel messages


MODAL = {
    "type": "modal",
    "callback_id": "drift.accept_modal",
    "title": {"type": "plain_text", "text": "Accept drift"},
    "private_metadata": "card-1",
    "blocks": [],
}


def test_views_open_update_and_publish(fake):
    async def scenario():
        web = client(fake)
        opened = await web.views_open(trigger_id=req.new_trigger_id(), view=MODAL)
        view = opened["view"]
        changed = MODAL | {"title": {"type": "plain_text", "text": "Accepted"}}
        updated = await web.views_update(view_id=view["id"], hash=view["hash"], view=changed)
        home = {"type": "home", "blocks": [{"type": "divider"}]}
        await web.views_publish(user_id="U0ALICE", view=home)
        await web.views_publish(user_id="U0ALICE", view=home | {"blocks": []})
        return view, updated["view"]

    view, updated = run(scenario())
    assert view["callback_id"] == "drift.accept_modal"
    assert view["private_metadata"] == "card-1"
    assert updated["id"] == view["id"]
    assert fake.view(view["id"])["title"]["text"] == "Accepted"
    home = fake.home("U0ALICE")
    assert home is not None
    assert home["blocks"] == []
    assert fake.home("U0BOB") is None
    assert fake.last("views.open").params["view"]["callback_id"] == "drift.accept_modal"


def test_views_checks_like_slack(fake):
    web = client(fake)
    assert slack_error(web.views_open(trigger_id="", view=MODAL)) == "invalid_trigger_id"
    home = {"type": "home", "blocks": []}
    assert slack_error(web.api_call("views.publish", json={"view": home})) == "invalid_arguments"
    assert slack_error(web.views_update(view_id="V404", view=MODAL)) == "not_found"
    too_big = {"type": "home", "blocks": [{"type": "divider"}] * 101}
    assert slack_error(web.views_publish(user_id="U1", view=too_big)) == "invalid_arguments"

    async def stale_hash():
        opened = await web.views_open(trigger_id=req.new_trigger_id(), view=MODAL)
        await web.views_update(view_id=opened["view"]["id"], hash="old", view=MODAL)

    assert slack_error(stale_hash()) == "hash_conflict"


def test_usergroups_and_users(fake):
    web = client(fake)
    assert run(web.usergroups_users_list(usergroup="S0PROD"))["users"] == ["U0ALICE", "U0BOB"]
    assert slack_error(web.usergroups_users_list(usergroup="S0NOPE")) == "no_such_subteam"
    fake.set_usergroup("S0NOPE", ["U0CAROL"])
    assert run(web.usergroups_users_list(usergroup="S0NOPE"))["users"] == ["U0CAROL"]
    assert run(web.users_info(user="U0ALICE"))["user"]["id"] == "U0ALICE"
    assert slack_error(web.users_info(user="nobody")) == "user_not_found"
    call = fake.last("usergroups.users.list")
    assert (call.http_method, call.params) == ("GET", {"usergroup": "S0NOPE"})


def test_read_methods_ignore_json_bodies_like_slack(fake):
    web = client(fake)
    posted = run(web.chat_postMessage(channel="C1", text="x"))
    as_json = web.api_call("chat.getPermalink", json={"channel": "C1", "message_ts": posted["ts"]})
    assert slack_error(as_json) == "channel_not_found"
    groups = web.api_call("usergroups.users.list", json={"usergroup": "S0PROD"})
    assert slack_error(groups) == "no_such_subteam"
    assert fake.last("usergroups.users.list").params == {"usergroup": "S0PROD"}  # as sent
    form = web.api_call("usergroups.users.list", data={"usergroup": "S0PROD"})
    assert run(form)["users"] == ["U0ALICE", "U0BOB"]


def test_other_methods_are_ok_and_form_bodies_are_parsed(fake):
    web = client(fake)
    assert run(web.reactions_add(channel="C1", name="eyes", timestamp="1.1"))["ok"]
    blocks = [{"type": "divider"}]
    data = {"channel": "C1", "text": "form", "blocks": json.dumps(blocks)}
    run(web.api_call("chat.postMessage", data=data))
    assert fake.last("chat.postMessage").params["blocks"] == blocks  # decoded like JSON bodies
    assert fake.last("reactions.add").params["name"] == "eyes"
    assert [c.method for c in fake.calls()] == ["reactions.add", "chat.postMessage"]


def test_rate_limit_is_retried_by_the_rate_limit_handler(fake):
    fake.rate_limit("chat.postMessage", times=1)
    web = client(fake, retry_handlers=[AsyncRateLimitErrorRetryHandler(max_retry_count=2)])
    started = time.monotonic()
    posted = run(web.chat_postMessage(channel="C0DEMO", text="after a 429"))
    assert time.monotonic() - started >= 1  # it waited Retry-After
    first, second = fake.calls("chat.postMessage")
    assert (first.status, first.response["error"]) == (429, "ratelimited")
    assert second.ok
    assert posted["ok"]
    assert [m["text"] for m in fake.messages("C0DEMO")] == ["after a 429"]  # posted once


def test_rate_limit_without_a_handler_surfaces_429(fake):
    fake.rate_limit("chat.update", times=2)
    with pytest.raises(SlackApiError) as raised:
        run(client(fake).chat_update(channel="C1", ts="1.1", text="x"))
    assert raised.value.response.status_code == 429
    assert raised.value.response.headers["Retry-After"] == "1"
    with pytest.raises(SlackApiError):
        run(client(fake).chat_update(channel="C1", ts="1.1", text="x"))
    assert slack_error(client(fake).chat_update(channel="C1", ts="1.1", text="x")) == (
        "message_not_found"  # the two 429s are used up
    )


def test_fail_answers_the_next_calls_with_an_error(fake):
    fake.fail("chat.postMessage", error="not_in_channel", times=2)
    web = client(fake)
    assert slack_error(web.chat_postMessage(channel="C1", text="a")) == "not_in_channel"
    assert slack_error(web.chat_postMessage(channel="C1", text="b")) == "not_in_channel"
    assert run(web.chat_postMessage(channel="C1", text="c"))["ok"]
    assert [m["text"] for m in fake.messages("C1")] == ["c"]


def test_enforced_limits_answer_429_per_channel_beyond_a_short_burst(fake):
    """`enforce_limits()`: chat.postMessage about one a second per channel after a burst of 4,
    429 + Retry-After beyond; another channel is not affected; views.publish Tier 4."""
    fake.enforce_limits()

    async def scenario() -> tuple[list[int], int, str]:
        web = client(fake)
        statuses = []
        for n in range(6):
            try:
                await web.chat_postMessage(channel="C1", text=f"post {n}")
                statuses.append(200)
            except SlackApiError as exc:
                statuses.append(exc.response.status_code)
                retry_after = exc.response.headers.get("Retry-After", "")
        other = await web.chat_postMessage(channel="C2", text="elsewhere")
        return statuses, int(other["ok"]), retry_after

    statuses, other_ok, retry_after = run(scenario())
    assert statuses[:4] == [200] * 4
    assert 429 in statuses[4:]
    assert int(retry_after) >= 1
    assert other_ok == 1
    assert fake.rate_limited("chat.postMessage") == statuses.count(429)
    time.sleep(1.1)
    assert run(client(fake).chat_postMessage(channel="C1", text="later"))["ok"]


def test_any_method_answers_a_chosen_error(fake):
    """`fail(method, error)` works for every method, modelled here or not."""
    for method, call in (
        ("conversations.open", lambda web: web.conversations_open(users="U0ALICE")),
        (
            "views.publish",
            lambda web: web.views_publish(user_id="U0ALICE", view={"type": "home", "blocks": []}),
        ),
        ("users.lookupByEmail", lambda web: web.users_lookupByEmail(email="a@example.com")),
        ("conversations.list", lambda web: web.conversations_list()),
        ("apps.uninstall", lambda web: web.api_call("apps.uninstall")),
    ):
        fake.fail(method, "not_allowed_token_type")
        assert slack_error(call(client(fake))) == "not_allowed_token_type"


def test_channels_membership_and_email_lookup():
    """`channels` answer conversations.list/info and refuse posts where the bot is not in;
    `emails` answer users.lookupByEmail."""
    channels: dict[str, dict[str, Any]] = {
        "C0IN": {"name": "in"},
        "C0OUT": {"name": "out", "is_member": False},
    }
    with FakeSlack(channels=channels, emails={"Dev@Example.com": "U0DEV"}) as fake:
        web = client(fake)
        listed = run(web.conversations_list())
        assert {c["name"]: c["id"] for c in listed["channels"]} == {"in": "C0IN", "out": "C0OUT"}
        assert run(web.conversations_info(channel="C0OUT"))["channel"]["is_member"] is False
        assert slack_error(web.chat_postMessage(channel="C0OUT", text="x")) == "not_in_channel"
        assert slack_error(web.chat_postMessage(channel="C0NONE", text="x")) == "channel_not_found"
        assert run(web.users_lookupByEmail(email="dev@example.com"))["user"]["id"] == "U0DEV"
        assert slack_error(web.users_lookupByEmail(email="x@example.com")) == "users_not_found"


def test_response_url_sink(fake):
    async def scenario():
        hook = AsyncWebhookClient(url=fake.response_url("cmd-1"))
        return await hook.send(text="queued job j1", response_type="ephemeral")

    response = run(scenario())
    assert (response.status_code, response.body) == (200, "ok")
    assert fake.webhooks("cmd-1") == [{"text": "queued job j1", "response_type": "ephemeral"}]
    assert fake.webhooks("other") == []


def test_wait_for_blocks_until_calls_arrive_from_another_thread(fake):
    def later():
        time.sleep(0.2)
        run(client(fake).chat_postMessage(channel="C1", text="late"))

    thread = threading.Thread(target=later)
    thread.start()
    (call,) = fake.wait_for("chat.postMessage", count=1, timeout=5)
    thread.join()
    assert call.params["text"] == "late"
    with pytest.raises(AssertionError, match=r"chat\.update: 0 call"):
        fake.wait_for("chat.update", timeout=0.1)
    with pytest.raises(AssertionError, match=r"no views\.open call"):
        fake.last("views.open")


# -- signed inbound requests ----------------------------------------------------------------


def verifies(request: req.SignedRequest, secret: str = req.SECRET) -> bool:
    return SignatureVerifier(secret).is_valid_request(request.body, request.headers)


BUILDERS = {
    "slash_command": lambda **kw: req.slash_command("check demo", **kw),
    "block_actions": lambda **kw: req.block_actions("drift.accept", "card-1", **kw),
    "view_submission": lambda **kw: req.view_submission("drift.accept_modal", **kw),
    "event_callback": lambda **kw: req.app_home_opened(**kw),
    "url_verification": lambda **kw: req.url_verification(**kw),
}


@pytest.mark.parametrize("name", BUILDERS)
def test_signatures_verify(name):
    build = BUILDERS[name]
    assert verifies(build())
    assert not verifies(build(wrong_secret=True))
    assert not verifies(build(stale=True))
    assert verifies(build(secret="other-secret"), secret="other-secret")
    tampered = build()
    assert not verifies(req.SignedRequest(tampered.body + "&x=1", tampered.headers))


def test_slash_command_body():
    request = req.slash_command(
        "check demo sg-open", user_id="U0BOB", channel_id="C0PROD", response_url="http://x/w"
    )
    fields = request.payload
    assert fields["command"] == "/drift"
    assert fields["text"] == "check demo sg-open"
    assert (fields["user_id"], fields["channel_id"]) == ("U0BOB", "C0PROD")
    assert fields["response_url"] == "http://x/w"
    assert fields["trigger_id"]
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"


def test_block_actions_payload():
    message = {"ts": "1700000000.000007", "text": "card", "blocks": []}
    payload = req.block_actions(
        "drift.reapply",
        "card-9",
        block_id="card-9",
        user_id="U0BOB",
        channel_id="C0PROD",
        message_ts="1700000000.000007",
        message=message,
    ).payload
    action = payload["actions"][0]
    assert (action["action_id"], action["value"], action["block_id"]) == (
        "drift.reapply",
        "card-9",
        "card-9",
    )
    assert payload["user"]["id"] == "U0BOB"
    assert payload["container"]["message_ts"] == payload["message"]["ts"] == "1700000000.000007"
    assert payload["container"]["channel_id"] == payload["channel"]["id"] == "C0PROD"
    assert payload["message"]["text"] == "card"
    assert payload["trigger_id"]
    assert payload["response_url"]


def test_block_actions_from_the_home_tab():
    payload = req.block_actions("drift.accept", "card-1", view={"id": "V1", "type": "home"}).payload
    assert payload["container"] == {"type": "view", "view_id": "V1"}
    assert "channel" not in payload
    assert "response_url" not in payload


def test_view_submission_payload():
    values = {
        "reason": {"reason": req.text_input("known change")},
        "expiry": {"expiry": req.datepicker("2026-12-31")},
    }
    payload = req.view_submission(
        "drift.accept_modal", values, private_metadata="card-1", user_id="U0BOB"
    ).payload
    view = payload["view"]
    assert (view["callback_id"], view["private_metadata"]) == ("drift.accept_modal", "card-1")
    assert view["state"]["values"]["reason"]["reason"]["value"] == "known change"
    assert view["state"]["values"]["expiry"]["expiry"]["selected_date"] == "2026-12-31"
    assert payload["user"]["id"] == "U0BOB"


def test_event_callback_and_retry_headers():
    first = req.app_home_opened("U0BOB")
    payload = first.payload
    assert payload["type"] == "event_callback"
    assert payload["event"]["type"] == "app_home_opened"
    assert payload["event"]["user"] == "U0BOB"
    assert "X-Slack-Retry-Num" not in first.headers
    again = req.event_callback(payload["event"], event_id=payload["event_id"], retry_num=1)
    assert again.payload["event_id"] == payload["event_id"]
    assert again.headers["X-Slack-Retry-Num"] == "1"
    assert again.headers["X-Slack-Retry-Reason"] == "http_timeout"
    assert verifies(again)


# -- the same requests through Bolt -----------------------------------------------------------


def bolt_app(fake: FakeSlack, seen: list[str]) -> AsyncApp:
    app = AsyncApp(client=client(fake), signing_secret=req.SECRET)

    @app.command("/drift")
    async def on_command(ack, command, respond):
        await ack(text=f"queued {command['text']}")
        seen.append(f"command:{command['text']}")
        await respond(text="done", response_type="ephemeral")

    @app.action("drift.accept")
    async def on_accept(ack, body, client):
        await ack()
        seen.append(f"action:{body['actions'][0]['value']}")
        await client.views_open(trigger_id=body["trigger_id"], view=MODAL)

    @app.view("drift.accept_modal")
    async def on_submit(ack, view):
        await ack()
        seen.append(f"view:{view['private_metadata']}")

    @app.event("app_home_opened")
    async def on_home(event, client):
        seen.append(f"event:{event['user']}")
        await client.views_publish(user_id=event["user"], view={"type": "home", "blocks": []})

    return app


def test_bolt_dispatch_accepts_signed_and_refuses_bad_signatures(fake):
    seen: list[str] = []
    app = bolt_app(fake, seen)

    async def dispatch(request: req.SignedRequest) -> tuple[int, str]:
        response = await app.async_dispatch(request.bolt())
        return response.status, response.body

    async def scenario():
        url = fake.response_url("cmd")
        results = [
            await dispatch(req.slash_command("check demo", response_url=url)),
            await dispatch(req.block_actions("drift.accept", "card-1")),
            await dispatch(req.view_submission("drift.accept_modal", private_metadata="card-1")),
            await dispatch(req.app_home_opened("U0BOB")),
            await dispatch(req.slash_command("check prod", wrong_secret=True)),
            await dispatch(req.slash_command("check prod", stale=True)),
        ]
        # Bolt runs listeners on after the ack: wait for their calls inside this loop.
        await asyncio.to_thread(fake.wait_for_webhook, "cmd")
        await asyncio.to_thread(fake.wait_for, "views.publish")
        return results

    results = run(scenario())
    assert [status for status, _ in results] == [200, 200, 200, 200, 401, 401]
    assert results[0][1] == "queued check demo"  # ack(text=…) is a plain-text body
    assert sorted(seen) == ["action:card-1", "command:check demo", "event:U0BOB", "view:card-1"]
    assert fake.last("views.open").params["view"]["callback_id"] == "drift.accept_modal"
    assert len(fake.calls("auth.test")) == 1  # Bolt's single-team authorization, cached


def test_http_post_to_slack_events(fake):
    seen: list[str] = []
    app = bolt_app(fake, seen)

    async def scenario():
        async with TestClient(TestServer(app.web_app(), host="127.0.0.1")) as http:
            statuses = []
            for request in (
                req.slash_command("envs", response_url=fake.response_url("http")),
                req.slash_command("envs", stale=True),
                req.url_verification("abc"),
            ):
                response = await http.post(
                    "/slack/events", data=request.body, headers=request.headers
                )
                statuses.append((response.status, await response.text()))
            await asyncio.to_thread(fake.wait_for_webhook, "http")
            return statuses

    statuses = run(scenario())
    assert [s for s, _ in statuses] == [200, 401, 200]
    assert json.loads(statuses[2][1]) == {"challenge": "abc"}
    assert seen == ["command:envs"]
