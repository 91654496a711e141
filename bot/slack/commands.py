"""The `/drift` grammar. Pure: text in, a command or a usage problem out.

check ENV [RUNBOOK] [since DURATION]      status [JOB]        findings ENV
history ENV [RESOURCE]                    envs                help

Whatever is echoed back (an unknown word, environment or runbook) is escaped: `<!here>` is
shown as typed, never as a mention.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from bot.config.window import parse_duration
from bot.messages.slack import no_environment
from bot.messages.slack import replies as say
from bot.slack.text import escape

# A sanity bound on what a person types (as the CLI's --since, a window may reach past what
# LookupEvents keeps, 90 days: the check then warns, and a source reading log files goes on).
MAX_SINCE = timedelta(days=3650)

Verb = Literal["check", "status", "findings", "history", "envs", "help"]
VERBS: tuple[Verb, ...] = ("check", "status", "findings", "history", "envs", "help")
USAGE = {
    "check": "check ENV [RUNBOOK] [since DURATION]",
    "status": "status [JOB]",
    "findings": "findings ENV",
    "history": "history ENV [RESOURCE]",
    "envs": "envs",
    "help": "help",
}
NEEDS_ENV = frozenset({"check", "findings", "history"})


@dataclass(frozen=True)
class Command:
    verb: Verb
    env: str | None = None
    arg: str | None = None
    since: str | None = None  # `check`'s window: a duration back from now (`7d`)


@dataclass(frozen=True)
class Usage:
    """What was wrong with the text, and the suggestion, for the reply."""

    problem: str
    suggestion: str | None = None


def parse_command(
    text: str,
    environments: list[str],
    runbooks: list[str] | None = None,
    shown: list[str] | None = None,
) -> Command | Usage:
    """Parse `/drift` text against the known environments (and runbooks, for `check`).
    A reply lists and suggests only the `shown` environments (default: all of them): those the
    person may check, so nobody learns the others' names from a typo."""
    listed = environments if shown is None else shown
    words = text.split()
    if not words:
        return Command("help")
    verb, rest = words[0].lower(), words[1:]
    since = None
    if verb == "check" and len(rest) >= 2 and rest[-2].lower() == "since":
        since = rest[-1]
        rest = rest[:-2]
        duration = parse_duration(since)
        if duration is None or duration <= timedelta(0) or duration > MAX_SINCE:
            return Usage(say.bad_since(_clip(since), USAGE["check"], MAX_SINCE.days))
    if verb not in VERBS:
        close = difflib.get_close_matches(verb, VERBS, n=1)
        return Usage(
            say.unknown_verb(_clip(verb)), say.did_you_mean_verb(close[0]) if close else None
        )
    limit = 2 if verb in ("check", "history") else (1 if verb in ("findings", "status") else 0)
    if len(rest) > limit:
        return Usage(say.too_many_words(verb, USAGE[verb]))
    if verb in NEEDS_ENV:
        if not rest:
            return Usage(
                say.needs_an_environment(verb, USAGE[verb]), say.known_environments(listed)
            )
        env = rest[0]
        if env not in environments:
            close = difflib.get_close_matches(env, listed, n=1)
            return Usage(
                no_environment(_clip(env)),
                say.known_environments(listed, close[0] if close else None),
            )
        arg = rest[1] if len(rest) > 1 else None
        if verb == "check" and arg is not None and runbooks is not None and arg not in runbooks:
            close = difflib.get_close_matches(arg, runbooks, n=1)
            return Usage(
                say.no_runbook_named(_clip(arg)),
                say.known_runbooks(runbooks, close[0] if close else None),
            )
        return Command(verb, env, arg, since)
    return Command(verb, None, rest[0] if rest else None)


def _clip(text: str, limit: int = 40) -> str:
    clean = text.replace("`", "'")
    return escape(clean if len(clean) <= limit else clean[: limit - 1] + "…")
