"""How a finding's reapply target, reapply run, links and import block read on the card and
the approval request. Pure: no I/O.

The run's line depends on its status (RUN_EMOJI holds one per status of
bot/lifecycle/external.py's RUN_STATUSES, so a new status is one entry here): queued, running
and succeeded name the target and link the run; failed adds the error, the fix, who asked and
who approved, and the card offers Retry; sent (a target with nothing to follow) says so."""

from __future__ import annotations

from urllib.parse import urlsplit

from bot.iac.codify import ImportSuggestion, suggest_import
from bot.lifecycle.external import WAITING, ReapplyRun
from bot.lifecycle.transitions import FindingRecord
from bot.messages.integrations import label
from bot.messages.slack import card as say
from bot.messages.slack import glance
from bot.policy.runbook import Reapply, Webhook
from bot.policy.targets import Codebuild, GithubActions, Gitlab, Spacelift, TerraformCloud
from bot.slack.text import clip, code, escape, link, people, person, when

RUN_EMOJI: dict[str, str] = {
    "approved": "⏳",
    "dispatching": "⏳",
    "queued": "⏳",
    "running": "🏃",
    "succeeded": "✅",
    "failed": "❌",
    "sent": "📨",
}


def reapply_target_text(reapply: Reapply) -> str:
    """What a reapply would trigger, in words (the approval request, the card)."""
    target = reapply.target
    if isinstance(target, GithubActions):
        return say.reapply_target_github(code(target.repo), code(target.workflow), code(target.ref))
    if isinstance(target, Gitlab):
        return say.reapply_target_gitlab(code(target.project), code(target.ref))
    if isinstance(target, TerraformCloud):
        return say.reapply_target_tfc(code(target.organization), code(target.workspace))
    if isinstance(target, Spacelift):
        return say.reapply_target_spacelift(code(target.stack))
    if isinstance(target, Codebuild):
        return say.reapply_target_codebuild(code(target.project), code(target.region))
    if isinstance(target, Webhook):
        return say.reapply_target_webhook(code(urlsplit(target.url).hostname or "?"), "")
    return escape(reapply.kind)


def _run_ref(run: ReapplyRun) -> str:
    name = code(run.run_id) if run.run_id else say.run_no_link()
    if run.url:
        return say.run_link(link(run.url), escape(run.run_id or label(run.target)))
    return name


def run_line(record: FindingRecord) -> str | None:
    """The run's line on the card, or None when there is no run."""
    run = record.run
    if run is None:
        return None
    target = escape(label(run.target))
    ref = _run_ref(run)
    if run.status in WAITING:
        return glance.run_waiting(run.status, target, people(run.approved_by))
    if run.status == "failed":
        return say.run_failed(
            target,
            ref,
            escape(clip(run.error or "", 600)),
            escape(clip(run.hint, 400)) if run.hint else None,
            person(run.requested_by),
            people(run.approved_by),
        )
    if run.status == "sent":
        if run.run_id or run.url:
            return say.run_not_followed(target, ref)
        return say.run_sent(target)
    if run.status == "succeeded" and record.state == "reapplying":
        return say.run_succeeded_checking(target, ref)
    detail = escape(clip(run.detail, 200)) if run.detail else None
    emoji = RUN_EMOJI.get(run.status, "•")
    return say.run_line(emoji, run.status, target, ref, detail, when(run.updated_at))


def links_line(record: FindingRecord) -> str | None:
    """The alerts, tickets and pull requests made for the finding, linked; None when none."""
    if not record.links:
        return None
    items = [
        say.link_item(k.kind, escape(k.key), link(k.url) if k.url else None, k.state == "closed")
        for k in record.links
    ]
    return say.links_line(" · ".join(items))


def import_suggestion(record: FindingRecord) -> ImportSuggestion | None:
    """The import block of an unmanaged finding that is still drift; None otherwise."""
    f = record.finding
    if f.kind != "unmanaged" or record.state == "resolved" or f.addresses:
        return None
    return suggest_import(f.resource_type, f.resource_id, f.account_id, f.region)


def import_text(suggestion: ImportSuggestion) -> str:
    """The card's import block section: a title and the HCL as a code block."""
    return say.import_title(code(suggestion.tf_type)) + "\n```" + escape(suggestion.hcl) + "```"
