"""What `drift serve` and `drift worker` check with Slack at start-up, before anyone clicks:

- channel names in runbooks (`fix.escalate.channel: "#security"`) are resolved to channel ids
  once (`conversations.list`, scopes `channels:read` and `groups:read`), so every message, card
  and Home shows a real channel link; a name Slack does not know, or a Slack that refuses to
  list channels, is a ConfigError naming the runbook, the key and the fix;
- the bot must be a member of every channel drift.yml and the runbooks name (with `chat:write`
  alone it can post nowhere else): each one it is not in is a warning naming the channel, where
  it is named and the fix (`/invite @driftbot`), and `/healthz` reports them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from bot.config.drift import LoadedConfig
from bot.errors import ConfigError, SlackError
from bot.messages.slack import answers as say
from bot.policy.runbook import Runbook
from bot.shell.slack import SlackGateway

log = logging.getLogger("driftbot.slack")
KEY = "fix.escalate.channel"


def _named(runbook: Runbook) -> str | None:
    esc = runbook.fix.escalate
    channel = esc.channel if esc is not None else None
    return channel if channel and channel.startswith("#") else None


async def resolve_runbook_channels(
    runbooks: Mapping[str, Runbook], slack: SlackGateway
) -> dict[str, Runbook]:
    """The runbooks with every `#name` channel replaced by its id (ConfigError otherwise)."""
    named = {name: rb for name, rb in runbooks.items() if _named(rb)}
    if not named:
        return dict(runbooks)
    try:
        channels = await slack.channels()
    except SlackError as exc:
        name, rb = next(iter(sorted(named.items())))
        raise ConfigError(
            *say.channel_names_unreadable(name, KEY, str(_named(rb)), exc.code)
        ) from exc
    out = dict(runbooks)
    for name, rb in sorted(named.items()):
        wanted = str(_named(rb))
        channel = channels.get(wanted[1:])
        if channel is None:
            raise ConfigError(*say.channel_name_unknown(name, KEY, wanted))
        esc = rb.fix.escalate
        assert esc is not None  # noqa: S101  (_named checked it)
        fix = rb.fix.model_copy(update={"escalate": esc.model_copy(update={"channel": channel})})
        out[name] = rb.model_copy(update={"fix": fix})
    return out


def named_channels(loaded: LoadedConfig, runbooks: Mapping[str, Runbook]) -> dict[str, str]:
    """Every channel id drift.yml and the runbooks name, with where it is named."""
    out: dict[str, str] = {}
    for env_name, env in sorted(loaded.config.environments.items()):
        if env.slack is None:
            continue
        out.setdefault(env.slack.channel, f"environments.{env_name}.slack.channel")
        if env.slack.escalation_channel:
            where = f"environments.{env_name}.slack.escalation_channel"
            out.setdefault(env.slack.escalation_channel, where)
    for name, rb in sorted(runbooks.items()):
        esc = rb.fix.escalate
        if esc is not None and esc.channel and not esc.channel.startswith("#"):
            out.setdefault(esc.channel, f"runbook {name}: {KEY}")
    return out


async def channels_without_bot(
    loaded: LoadedConfig, runbooks: Mapping[str, Runbook], slack: SlackGateway
) -> dict[str, str]:
    """The named channels the bot is not a member of (channel → where it is named), each
    logged as a warning with the fix. A Slack that can't be asked is logged, not fatal."""
    missing: dict[str, str] = {}
    for channel, where in named_channels(loaded, runbooks).items():
        try:
            member = await slack.is_member(channel)
        except SlackError as exc:
            if exc.code not in ("channel_not_found", "not_in_channel"):
                log.warning("can't check the bot's channels (%s): %s", exc.code, exc.user_message)
                return missing
            member = False
        if not member:
            missing[channel] = where
            log.warning("%s", say.not_a_member(channel, where))
    return missing
