"""Reading what Slack sends: small pure helpers over request bodies, typed, so listeners never
index raw dicts (as bolt's `slack_bolt/request/payload_utils.py`). Each knows where one value
sits in a slash command, a block action, a view submission or an Events API delivery."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import orjson

from bot.errors import MalformedInput, Refused
from bot.messages.slack import answers as say
from bot.slack import parse_button_value

Body = Mapping[str, Any]
"""A JSON object as Slack sends it (a request body, or its `event`)."""


def user_id(body: Body) -> str:
    """Who acted: a click's or submission's `user.id`, or a slash command's `user_id`."""
    user = body.get("user")
    if isinstance(user, Mapping):
        return str(user.get("id", ""))
    return str(body.get("user_id", ""))


def command_text(body: Body) -> str:
    """What followed `/drift`."""
    return str(body.get("text", ""))


def trigger_id(body: Body) -> str:
    """The click's trigger id, to open a modal with (it lasts 3 seconds)."""
    return str(body["trigger_id"])


def action_value(body: Body) -> str:
    """The clicked button's `value`."""
    actions = body.get("actions") or [{}]
    return str(actions[0].get("value", ""))


def button(body: Body) -> tuple[str, str]:
    """The clicked button's `env|id` (a finding or a reapply request); Refused when it is not
    one of ours."""
    try:
        return parse_button_value(action_value(body))
    except ValueError:
        raise Refused(say.not_our_button()) from None


@dataclass(frozen=True)
class FormMeta:
    """What a modal carries from the click that opened it to its submission
    (`private_metadata`): the finding, and its version then."""

    env: str
    fid: str
    version: int

    def dumps(self) -> str:
        return orjson.dumps({"env": self.env, "fid": self.fid, "version": self.version}).decode()


def form_meta(body: Body) -> FormMeta:
    """The submitted modal's FormMeta; MalformedInput when it is not one of ours (our modals
    always carry it, so Slack never sends one without)."""
    try:
        meta = orjson.loads(body["view"].get("private_metadata") or "{}")
        return FormMeta(str(meta["env"]), str(meta["fid"]), int(meta["version"]))
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError):
        raise MalformedInput(say.not_our_form()) from None


def picked_day(text: str) -> date:
    """A datepicker's `YYYY-MM-DD`; MalformedInput otherwise (Slack sends no other)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise MalformedInput(say.not_a_day(text[:40])) from None


def input_value(body: Body, action_id: str) -> tuple[str, str | None]:
    """(block_id, value) of the submitted modal's input `action_id`: its text, picked date or
    picked option's value (None: left empty). The block id defaults to `action_id`, which our
    modals also use as the block id."""
    values: Mapping[str, Mapping[str, Any]] = body["view"].get("state", {}).get("values", {})
    for block_id, actions in values.items():
        if action_id in actions:
            element = actions[action_id]
            for key in ("value", "selected_date", "selected_option"):
                if element.get(key) is not None:
                    value = element[key]
                    picked = value.get("value") if key == "selected_option" else value
                    return block_id, None if picked is None else str(picked)
            return block_id, None
    return action_id, None


def checked(body: Body, action_id: str) -> bool:
    """Whether any box of the submitted modal's checkboxes `action_id` is ticked."""
    values: Mapping[str, Mapping[str, Any]] = body["view"].get("state", {}).get("values", {})
    for actions in values.values():
        if action_id in actions:
            return bool(actions[action_id].get("selected_options"))
    return False


def event_id(body: Body) -> str | None:
    """An Events API delivery's `event_id` (None for any other request)."""
    value = body.get("event_id") if body.get("type") == "event_callback" else None
    return str(value) if value else None


def event_user(event: Body) -> str:
    return str(event.get("user", ""))


def home_tab(event: Body) -> bool:
    """Whether `app_home_opened` is for the Home tab (not the Messages tab)."""
    tab: object = event.get("tab", "home")
    return tab == "home"
