"""The App Home view: each visible environment's open, reapplying, escalated and accepted
findings (pending reapply requests on them), each linked to its card and with its buttons,
sharing Slack's 100 blocks fairly between environments. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.config.drift import EnvSlack
from bot.lifecycle.approvals import ApprovalRequest
from bot.lifecycle.transitions import FindingRecord
from bot.messages.slack import Label, more_findings, severity_label
from bot.messages.slack import views as say
from bot.policy.approvers import Approvers, approvers_for
from bot.policy.runbook import Runbook
from bot.slack.blocks import MAX_VIEW_BLOCKS, context, header, section, view
from bot.slack.card import card_actions
from bot.slack.finding_text import (
    SEVERITY_EMOJI,
    resource_code,
    severity_of,
    severity_order,
    state_text,
)
from bot.slack.headline import changed_at, what_changed
from bot.slack.text import age_text, clip, code, escape, link, when


def _home_finding(
    record: FindingRecord,
    runbook: Runbook | None,
    approval: ApprovalRequest | None,
    now: datetime,
    approvers: Approvers | None,
    card_link: str | None,
) -> list[Block]:
    f = record.finding
    last = escape(clip(f.events[-1].actor, 80)) if f.events else None
    age = age_text((now - changed_at(record)).total_seconds() / 3600)
    severity = severity_of(f, runbook)
    what = escape(what_changed(f).what)
    resource = resource_code(f)
    if card_link:
        resource = f"<{link(card_link)}|{escape(clip(f.resource_id, 80))}>"
    line = say.home_finding(
        SEVERITY_EMOJI[severity],
        severity_label(severity),
        what,
        resource,
        code(f.region),
        last,
        age,
    )
    text = f"{line}\n{state_text(record, runbook, approval, now, approvers)}"
    return [section(text), *card_actions(record, runbook, approval, now, approvers=approvers)]


def render_home(
    sections: Sequence[tuple[str, Sequence[FindingRecord]]],
    runbooks: Mapping[str, Runbook],
    now: datetime,
    approvals: Mapping[str, ApprovalRequest] | None = None,
    env_slack: Mapping[str, EnvSlack | None] | None = None,
    links: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The App Home view: one section per environment the viewer may see, its open,
    reapplying and escalated findings (most severe first), then its accepted ones, each linked
    to its card (`links`, by finding id) with the same buttons, and the pending reapply request
    of each. At most 100 blocks, shared fairly between the environments; an environment that
    does not fit ends with "+N more — see `/drift findings ENV`".

    Args:
        sections: (environment, its findings) for each environment the viewer may see.
        runbooks: by name, for each finding's runbook (whether Reapply is set up).
        now: the time, for ages.
        approvals: pending reapply requests by finding id (no second Reapply for those).
        env_slack: each environment's Slack settings, for who may approve a reapply there
            (nobody: no Reapply, and why). None: not known.
    """
    approvals = approvals or {}
    links = links or {}
    blocks: list[Block] = [header(Label.HOME_TITLE), context(say.home_intro(when(now)))]
    if not sections:
        blocks.append(section(say.home_nothing_visible()))
    envs: list[tuple[str, list[list[Block]]]] = []
    for env, records in sections:
        live = sorted(
            (r for r in records if r.state not in ("resolved", "accepted")), key=severity_order
        )
        live += sorted((r for r in records if r.state == "accepted"), key=severity_order)
        parts = []
        for r in live:
            runbook = runbooks.get(r.finding.runbook or "")
            who = approvers_for(runbook, env_slack.get(env)) if env_slack is not None else None
            parts.append(_home_finding(r, runbook, approvals.get(r.id), now, who, links.get(r.id)))
        envs.append((env, parts))
    needs = [1 + max(1, sum(len(p) for p in parts)) for _, parts in envs]
    shares = _shares(needs, MAX_VIEW_BLOCKS - len(blocks))
    for (env, parts), room in zip(envs, shares, strict=True):
        blocks.extend(_home_env(env, parts, room))
    return view(View(type="home", blocks=blocks))


def _shares(needs: Sequence[int], total: int) -> list[int]:
    """Split `total` blocks fairly: the smallest needs are met first, and whatever they leave
    is shared equally by the rest."""
    shares = [0] * len(needs)
    left = total
    order = sorted(range(len(needs)), key=lambda i: needs[i])
    for done, i in enumerate(order):
        shares[i] = min(needs[i], left // (len(needs) - done))
        left -= shares[i]
    return shares


def _home_env(env: str, parts: Sequence[Sequence[Block]], room: int) -> list[Block]:
    """One environment's part of Home in at most `room` blocks."""
    title = header(say.home_env_title(env, len(parts)))
    if not parts:
        return [title, context(say.home_env_clean(escape(env)))][:room]
    blocks: list[Block] = [title]
    shown = 0
    for part in parts:
        left = len(parts) - shown - 1
        if len(blocks) + len(part) + (1 if left else 0) > room:
            break
        blocks.extend(part)
        shown += 1
    if shown < len(parts):
        more = context(more_findings(len(parts) - shown, escape(env)))
        blocks = [*blocks[: max(room - 1, 0)], more][-room:] if room else []
    return blocks
