"""`manifest.yml` against `handlers.ROUTES`, both ways: Slack sends exactly what the app listens
to, and the app listens to exactly what Slack is told to send. Plus the manifest's own shape."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.slack import ActionId, ViewId
from handlers import ROUTES, Handlers

MANIFEST = Path(__file__).resolve().parents[2] / "manifest.yml"
# Why each scope is there is written next to it in manifest.yml.
MINIMAL_BOT_SCOPES = {
    "commands",
    "chat:write",
    "usergroups:read",
    "users:read",  # bots.info: the app id requests are checked against
    "channels:history",  # reading back a post after a crash (bot/shell/posting.py)
    "groups:history",
    "channels:read",  # runbook channel names to ids, and the bot's membership (issue 11)
    "groups:read",
    "users:read.email",  # the Slack user who made a change, from the SSO session's email
    "im:write",  # asking them in a DM
}
SUBCOMMANDS = ("check", "status", "findings", "history", "envs", "help")


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    loaded = yaml.safe_load(MANIFEST.read_text())
    assert isinstance(loaded, dict)
    return loaded


def keys(kind: str) -> list[str]:
    return [str(r.key) for r in ROUTES if r.kind == kind]


def test_required_keys(manifest):
    assert manifest["_metadata"]["major_version"] == 1
    info = manifest["display_information"]
    assert 0 < len(info["name"]) <= 35
    assert 0 < len(info["description"]) <= 140
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", info["background_color"])
    features = manifest["features"]
    assert features["bot_user"]["display_name"]
    assert isinstance(features["app_home"]["home_tab_enabled"], bool)
    assert isinstance(features["app_home"]["messages_tab_enabled"], bool)
    assert manifest["oauth_config"]["scopes"]["bot"]
    settings = manifest["settings"]
    for key in (
        "event_subscriptions",
        "interactivity",
        "socket_mode_enabled",
        "org_deploy_enabled",
        "token_rotation_enabled",
    ):
        assert key in settings, key
    for command in features["slash_commands"]:
        assert set(command) >= {"command", "description", "usage_hint", "should_escape"}


def test_routes_are_unique():
    pairs = [(r.kind, str(r.key)) for r in ROUTES]
    assert len(pairs) == len(set(pairs))


def test_slash_commands_match_command_routes(manifest):
    declared = [c["command"] for c in manifest["features"]["slash_commands"]]
    assert len(declared) == len(set(declared))
    assert set(declared) == set(keys("command"))


def test_drift_command(manifest):
    (drift,) = [c for c in manifest["features"]["slash_commands"] if c["command"] == "/drift"]
    assert drift["should_escape"] is False  # the text arrives as typed, no <#C…|…> escapes
    hint = drift["usage_hint"]
    assert hint == (
        "check ENV [RUNBOOK] [since DURATION] | status [JOB] | findings ENV"
        " | history ENV [RESOURCE] | envs | help"
    )
    assert [part.split()[0] for part in hint.split(" | ")] == list(SUBCOMMANDS)


def test_bot_events_match_event_routes(manifest):
    events = manifest["settings"]["event_subscriptions"]["bot_events"]
    assert len(events) == len(set(events))
    assert set(events) == set(keys("event"))


def test_home_tab_iff_app_home_opened(manifest):
    home = manifest["features"]["app_home"]["home_tab_enabled"]
    assert home is ("app_home_opened" in keys("event"))


def test_interactivity_iff_action_or_view_routes(manifest):
    enabled = manifest["settings"]["interactivity"]["is_enabled"]
    assert enabled is bool(keys("action") or keys("view"))


def test_action_routes_are_exactly_the_action_ids():
    assert sorted(keys("action")) == sorted(a.value for a in ActionId)


def test_view_routes_are_exactly_the_view_ids():
    assert sorted(keys("view")) == sorted(v.value for v in ViewId)


def test_socket_mode_without_request_urls(manifest):
    settings = manifest["settings"]
    assert settings["socket_mode_enabled"] is True
    assert settings["org_deploy_enabled"] is False
    assert settings["token_rotation_enabled"] is False
    # In Socket Mode Slack sends nothing to a URL; HTTP mode's URLs are documented in comments.
    assert "request_url" not in settings["event_subscriptions"]
    assert "request_url" not in settings["interactivity"]
    assert all("url" not in c for c in manifest["features"]["slash_commands"])
    assert MANIFEST.read_text().count("https://HOST/slack/events") == 3


def test_bot_scopes_are_the_minimal_set(manifest):
    scopes = manifest["oauth_config"]["scopes"]["bot"]
    assert len(scopes) == len(set(scopes))
    assert set(scopes) == MINIMAL_BOT_SCOPES
    assert "user" not in manifest["oauth_config"]["scopes"]  # no user token


def test_each_scope_says_why_it_is_there():
    text = MANIFEST.read_text()
    for scope in MINIMAL_BOT_SCOPES:
        assert re.search(rf"^\s*- {re.escape(scope)}\s+#\s*\S", text, re.MULTILINE), scope


def test_route_methods_exist_on_handlers():
    missing = [r.method for r in ROUTES if not callable(getattr(Handlers, r.method, None))]
    assert not missing
