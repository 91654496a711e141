"""The worker's side of codify: a pull request (GitHub) or merge request (GitLab) adding an
unmanaged finding's Terraform import block, one file per finding named after it, with who made
the resource, when and why in the description; and, for an accepted modified finding, an issue
filing the attributes to change in the IaC (path, IaC value, live value). The card links what
was opened; a failure is said in the card's thread, naming the forge and the fix."""

from __future__ import annotations

import json
import os
from typing import Any

from bot.config.codify import Codify
from bot.errors import DriftBotError, IntegrationError
from bot.iac.codify import import_file, import_file_path
from bot.lifecycle.external import ExternalLink
from bot.lifecycle.runs import add_link
from bot.lifecycle.transitions import FindingRecord, Transition
from bot.messages import codify as words
from bot.messages import integrations as say
from bot.messages.integrations import label
from bot.shell.codify.base import Forge, Opened
from bot.shell.codify.github import GithubForge
from bot.shell.codify.gitlab import GitlabForge
from bot.shell.deps import Deps
from bot.shell.reapply.runner import card_url, say_in_thread
from bot.slack.runs import import_suggestion

KINDS = ("codify", "iac_note")


def forge_for(deps: Deps, codify: Codify) -> Forge:
    """The forge's client (ConfigError when its token's variable is not set)."""
    environ = dict(os.environ)
    if codify.github is not None:
        return GithubForge(codify.github, deps.sleep, environ)
    if codify.gitlab is not None:
        return GitlabForge(codify.gitlab, deps.sleep, environ)
    raise ValueError(codify.forge)


def _last(record: FindingRecord) -> tuple[str, str, str]:
    events = record.finding.events
    if not events:
        return ("", "someone", "")
    e = events[-1]
    return (e.event_name, e.actor, e.event_time)


async def codify_finding(
    deps: Deps, env: str, fid: str, kind: str, by: str, note: str
) -> dict[str, Any]:
    """Open the codify pull request (`kind` codify) or the IaC note (`iac_note`)."""
    record = await deps.store.get(env, fid)
    codify = deps.loaded.environment(env).codify
    if record is None or codify is None or kind not in KINDS:
        return {"skipped": fid}
    forge_name = codify.forge
    try:
        forge = forge_for(deps, codify)
        link = await card_url(deps, env, fid)
        if kind == "codify":
            opened = await _pull_request(deps, env, record, forge, by, link)
        else:
            opened = await _note(record, forge, by, note, link)
    except DriftBotError as exc:
        text = say.codify_failed(label(forge_name), kind, exc.user_message, exc.hint, by)
        await say_in_thread(deps, env, fid, text)
        return {"error": exc.user_message}
    made = ExternalLink(
        kind="codify" if kind == "codify" else "iac_note",
        target=forge_name,
        key=opened.key,
        url=opened.url,
        by=by,
        at=deps.clock(),
    )

    def linked(r: FindingRecord | None) -> tuple[FindingRecord | None, list[Transition]]:
        return (r, []) if r is None else add_link(r, made)

    await deps.store.apply(env, fid, linked)
    shown = f"<{opened.url}|{opened.key}>" if opened.url else opened.key
    await say_in_thread(deps, env, fid, say.codify_opened(label(forge_name), kind, shown))
    return {"key": opened.key, "url": opened.url}


async def _pull_request(
    deps: Deps, env: str, record: FindingRecord, forge: Forge, by: str, link: str
) -> Opened:
    suggestion = import_suggestion(record)
    if suggestion is None:
        raise IntegrationError(*say.nothing_to_import(record.resource), service="codify")
    codify = deps.loaded.environment(env).codify
    folder = codify.target.path if codify is not None else "imports/"
    path = import_file_path(folder, record.id)
    event, actor, at = _last(record)
    header = words.file_header(record.resource, env, record.id, actor, at, event)
    content = import_file(suggestion, header)
    body = words.pr_body(
        record.resource,
        env,
        record.id,
        actor,
        at,
        event,
        path,
        link or None,
        f"<@{by}>" if by.startswith(("U", "W")) else by,
    )
    return await forge.open_pull_request(
        f"driftbot/{record.id}",
        path,
        content,
        words.commit_message(suggestion.address, record.id),
        words.pr_title(suggestion.address, record.id),
        body,
    )


async def _note(record: FindingRecord, forge: Forge, by: str, reason: str, link: str) -> Opened:
    rows = [
        (c.path, json.dumps(c.expected, sort_keys=True), json.dumps(c.actual, sort_keys=True))
        for c in record.finding.changes
    ]
    accepted_by = record.acceptance.by if record.acceptance else by
    body = words.note_body(
        record.resource,
        record.env,
        record.id,
        record.finding.addresses,
        accepted_by,
        reason,
        rows,
        link or None,
    )
    return await forge.open_issue(words.note_title(record.resource, record.env), body)
