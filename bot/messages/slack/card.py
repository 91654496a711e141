"""A finding wherever the Slack app shows it: the card (resource, last change, diff, verdict,
runbook, state), its audit replies, the reapply approval request and the escalation message."""

from __future__ import annotations

KIND_MEANING = {
    "modified": "changed by hand; IaC manages it",
    "deleted": "deleted by hand; IaC manages it",
    "unmanaged": "created or changed by hand; no IaC state manages it",
}


def kind_meaning(kind: str) -> str:
    return KIND_MEANING.get(kind, kind)


def resource_where(account: str, region: str, env: str) -> str:
    return f"Account {account} · {region} · environment *{env}*"


def iac_addresses(addresses: str) -> str:
    return f"*IaC:* {addresses}"


def iac_none(env: str) -> str:
    return f"*IaC:* none: no IaC state of *{env}* manages it"


def last_change(event: str, actor: str, role: str | None, via: str, ip: str, when: str) -> str:
    as_role = f" (role {role})" if role else ""
    return f"*Last change:* {event} by *{actor}*{as_role} via {via} from {ip}, {when}"


def earlier_changes(count: int, actors: str) -> str:
    plural = "change" if count == 1 else "changes"
    return f"+{count:,} earlier {plural}" + (f" (by {actors})" if actors else "")


def no_events() -> str:
    return "*Last change:* no CloudTrail event was kept for it."


def change_line(path: str, expected: str, actual: str) -> str:
    return f"• {path}: {expected} → {actual}"


def diff_title(shown: int, total: int) -> str:
    count = f"{total:,}" if shown == total else f"{shown:,} of {total:,}"
    return f"*Diff* (IaC → live, {count}):"


def diff_more_in_thread(count: int) -> str:
    return f"_+{count:,} more in the thread_"


def diff_continued(resource: str, first: int, last: int, total: int) -> str:
    return f"*Diff of {resource}, continued* ({first:,} to {last:,} of {total:,}, IaC → live):"


def confirmed(kind: str) -> str:
    what = {"deleted": "is gone", "unmanaged": "exists"}.get(kind, "differs from IaC")
    return f"✅ Confirmed: the live resource {what}."


def not_confirmed(reason: str | None) -> str:
    return (
        f"❔ Not confirmed: {reason}" if reason else "❔ Not confirmed against the live resource."
    )


def back_in_line(reason: str | None) -> str:
    return f"↩️ The live resource matches IaC again{': ' + reason if reason else '.'}"


def runbook_line(name: str, description: str) -> str:
    return f"📘 Runbook {name}: {description}"


def no_runbook() -> str:
    return "📘 No runbook matched this finding."


def no_reapply_target(runbook: str | None) -> str:
    where = f"runbook {runbook}" if runbook else "no runbook"
    return f"Reapply is not set up ({where} has no `fix.reapply`): escalate to the owners instead."


def no_approvers(env: str) -> str:
    """Reapply is set up, but nobody may approve it in `env` (no approvers configured)."""
    return (
        f"Reapply from Slack is off in {env}: nobody may approve it. Name approvers in "
        "drift.yml (`slack.approvers` user groups, or `slack.check` users or groups)."
    )


def state_open(since: str | None, reopened: int) -> str:
    again = ""
    if reopened:
        again = " (reopened once)" if reopened == 1 else f" (reopened {reopened} times)"
    return f"🟥 *Open*{' since ' + since if since else ''}{again}"


def state_accepted(by: str, until: str | None, reason: str) -> str:
    until_text = f" until {until}" if until else " with no expiry"
    return f"✅ *Accepted* by {by}{until_text}: {reason}"


def state_escalated(target: str, by: str, note: str | None) -> str:
    return f"📣 *Escalated* to {target} by {by}" + (f": {note}" if note else "")


def state_reapplying(target: str, by: str, approvers: str, since: str) -> str:
    approved = f", approved by {approvers}" if approvers else ""
    return f"🔧 *Reapplying* via {target} since {since}: asked by {by}{approved}"


def state_resolved(at: str, reason: str | None) -> str:
    return f"🟩 *Resolved* {at}" + (f": {reason}" if reason else "")


def approval_pending(requester: str, given: int, needed: int, approvers: str, expires: str) -> str:
    who = f" ({approvers})" if approvers else ""
    return (
        f"⏳ Reapply asked by {requester}: {given} of {needed} approvals{who}, expires {expires}."
    )


def approval_approved(approvers: str) -> str:
    return f"✅ *Approved* by {approvers}: the reapply is being triggered."


def approval_denied(by: str) -> str:
    return f"🚫 *Turned down* by {by}. Nothing is reapplied; ask again from the card if needed."


def approval_expired(at: str, given: int, needed: int) -> str:
    return (
        f"⌛ *Expired* {at} with {given} of {needed} approvals. Nothing is reapplied; "
        "ask again from the card."
    )


def reapply_confirm(resource: str, env: str) -> str:
    return (
        f"Put {resource} in *{env}* back to what IaC says? Approvers are asked first; "
        "the hand change is overwritten."
    )


def audit(moved: str, resource: str, actor: str, when: str, reason: str, job: str | None) -> str:
    by_job = f" (check {job})" if job else ""
    return f"{moved} · {resource} by {actor}, {when}: {reason}{by_job}"


def approval_ask(groups: str, requester: str, env: str) -> str:
    to = f"{groups}: " if groups else ""
    return f"{to}{requester} asks to reapply IaC over a drift in *{env}*."


def approval_nobody() -> str:
    return "Nobody may approve it: drift.yml names no approvers here."


def requester_cannot_approve() -> str:
    return "The requester can't approve their own request."


def escalation_intro(mention: str, by: str, env: str, target: str) -> str:
    to = f"{mention}: " if mention else ""
    return f"{to}{by} escalated a drift in *{env}* to {target}."


def open_card(link: str) -> str:
    return f"<{link}|Open the drift card> for the details, the thread and the buttons."


def card_fallback(
    emoji: str,
    severity: str,
    kind: str,
    resource: str,
    env: str,
    region: str,
    account: str,
    state: str,
) -> str:
    """A card's notification text: `resource` is `TYPE ID`."""
    return f"{emoji} {severity} {kind}: {resource} in {env} ({region}, account {account}) · {state}"


def card_ids(finding: str, first_seen: str, last_seen: str, version: int) -> str:
    return f"{finding} · first seen {first_seen} · last seen {last_seen} · v{version}"


def audit_moved(emoji: str, from_state: str | None, to_state: str) -> str:
    if from_state is None:
        return f"{emoji} *detected*"
    return f"{emoji} *{from_state} → {to_state}*"


def reapply_target_none() -> str:
    return "no reapply target (the runbook has no `fix.reapply`)"


def reapply_target_webhook(host: str, runbook: str) -> str:
    return f"webhook {host} (runbook {runbook})"


def approvals_given(given: int, needed: int, approvers: str) -> str:
    return f"{given} of {needed}" + (f": {approvers}" if approvers else "")


def approval_fields(
    resource: str,
    env: str,
    account: str,
    region: str,
    addresses: str,
    via: str,
    given: str,
    expires: str,
) -> list[str]:
    """The approval request's fields, each a bold title and its value."""
    return [
        f"*Resource*\n{resource}",
        f"*Where*\n{env} · account {account} · {region}",
        f"*IaC to reapply*\n{addresses}",
        f"*Reapply via*\n{via}",
        f"*Approvals*\n{given}",
        f"*Expires*\n{expires}",
    ]


def approval_ids(emoji: str, severity: str, kind: str, finding: str, request: str) -> str:
    return f"{emoji} {severity} {kind} · finding {finding} · request {request}"


def approval_fallback(
    mention: str, state: str, resource: str, env: str, requester: str, given: str
) -> str:
    """The approval request's notification text: `mention` (the groups) while pending."""
    to = f"{mention} " if mention else ""
    return f"{to}Reapply {state}: {resource} in {env}, asked by {requester} ({given})"


def escalation_fallback(mention: str, env: str, resource: str) -> str:
    to = f"{mention} " if mention else ""
    return f"{to}Drift escalated in {env}: {resource}"


# The reapply run, the links, the import block (bot/slack/runs.py).

RUN_WORDS = {
    "dispatching": "being dispatched",
    "queued": "queued",
    "running": "running",
    "succeeded": "succeeded",
    "failed": "failed",
    "sent": "sent",
}


def run_word(status: str) -> str:
    return RUN_WORDS.get(status, status)


def run_line(emoji: str, status: str, target: str, run: str, detail: str | None, since: str) -> str:
    said = f" ({detail})" if detail else ""
    return f"{emoji} Reapply run {run} on {target}: *{run_word(status)}*{said} · {since}"


def run_succeeded_checking(target: str, run: str) -> str:
    return f"✅ Reapply run {run} on {target} *succeeded*: reading the resource again."


def run_sent(target: str) -> str:
    return (
        f"📨 Reapply sent to {target}; the card follows when the resource is read again "
        "(there is no run to follow)."
    )


def run_not_followed(target: str, run: str) -> str:
    return (
        f"📨 Reapply run {run} started on {target}; driftbot cannot follow it (no token to "
        "read pipelines: set `read_token_env`)."
    )


def run_failed(
    target: str, run: str, error: str, hint: str | None, requester: str, approvers: str
) -> str:
    who = f"{requester}" + (f", approved by {approvers}" if approvers else "")
    fix = f" {hint}" if hint else ""
    return (
        f"❌ Reapply run {run} on {target} *failed*: {error}{fix}\n"
        f"Asked by {who}. Press *Retry* to run it again."
    )


def run_link(url: str, label: str) -> str:
    return f"<{url}|{label}>"


def run_no_link() -> str:
    return "(no link yet)"


def reapply_target_github(repo: str, workflow: str, ref: str) -> str:
    return f"GitHub Actions {workflow} in {repo} on {ref}"


def reapply_target_gitlab(project: str, ref: str) -> str:
    return f"a GitLab pipeline of {project} on {ref}"


def reapply_target_tfc(organization: str, workspace: str) -> str:
    return f"an HCP Terraform run of {organization}/{workspace}"


def reapply_target_spacelift(stack: str) -> str:
    return f"a Spacelift run of stack {stack}"


def reapply_target_codebuild(project: str, region: str) -> str:
    return f"a CodeBuild build of {project} in {region}"


LINK_WORDS = {
    "pagerduty": "PagerDuty alert",
    "incident_io": "incident.io alert",
    "jira": "Jira issue",
    "github_issue": "GitHub issue",
    "codify": "Codify pull request",
    "iac_note": "IaC note",
}


def link_item(kind: str, key: str, url: str | None, closed: bool) -> str:
    words = LINK_WORDS.get(kind, kind)
    shown = f"<{url}|{key}>" if url else key
    return f"{words} {shown}" + (" (closed)" if closed else "")


def links_line(items: str) -> str:
    return f"🔗 {items}"


def import_title(tf_type: str) -> str:
    return f"*Codify:* bring it under Terraform ({tf_type}) with this import block:"


def import_fill_in(parts: str) -> str:
    return f"Fill in {parts} by hand: the finding does not hold it."
