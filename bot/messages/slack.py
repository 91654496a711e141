"""What the Slack app shows a person, as small functions. Pure.

They return Slack mrkdwn (refusals and errors: the sentence, or (message, hint)). Their
arguments are fragments that bot/slack/ or handlers/ have already escaped and formatted (code
spans, mentions, dates), so nothing here escapes again.
"""

from __future__ import annotations

Message = tuple[str, str]


class Label:
    """Words shown as they are: buttons, modal titles, inputs and placeholders, and the
    stand-ins for what is missing (plain text, safe in mrkdwn too)."""

    ACCEPT = "Accept"
    REAPPLY = "Reapply"
    ESCALATE = "Escalate"
    APPROVE = "Approve"
    DENY = "Deny"
    CANCEL = "Cancel"
    CLOSE = "Close"
    ACCEPT_TITLE = "Accept drift"
    REASON = "Why is this change intended?"
    REASON_EXAMPLE = "e.g. a hotfix; IaC catches up in PR #123"
    UNTIL = "Until"
    NO_EXPIRY = "No expiry"
    ESCALATE_TITLE = "Escalate drift"
    TARGET = "Escalate to"
    TARGET_PLACEHOLDER = "Choose a team or channel"
    NOTE = "Note"
    NOTE_PLACEHOLDER = "What should they know?"
    REAPPLY_TITLE = "Reapply IaC?"
    ASK_APPROVAL = "Ask for approval"
    APPROVE_TITLE = "Approve the reapply?"
    HOME_TITLE = "Drift"
    UNRATED = "unrated"
    SOMEONE = "someone"
    SYSTEM = "driftbot"
    UNKNOWN_TIME = "unknown time"
    NONE = "none"
    NOT_AVAILABLE = "n/a"
    THIS_CHANNEL = "this channel"
    RUNBOOK_NOT_LOADED = "(not loaded)"
    RUNBOOK_TARGET = "the runbook's target"
    NO_ERROR = "no reason was recorded"
    NEW = "new"


def severity(name: str | None) -> str:
    """A severity, or `unrated`."""
    return name or Label.UNRATED


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


def state_open(since: str, reopened: int) -> str:
    again = ""
    if reopened:
        again = " (reopened once)" if reopened == 1 else f" (reopened {reopened} times)"
    return f"🟥 *Open* since {since}{again}"


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


def accept_intro(resource: str, env: str) -> str:
    return (
        f"Accept the drift on {resource} in *{env}* as intended. It stays quiet until the "
        "expiry or the next change to the resource."
    )


def accept_until_hint() -> str:
    return "Leave empty for no expiry. The finding reopens after this day (UTC)."


def escalate_intro(resource: str, env: str) -> str:
    return f"Bring in the owners of {resource} in *{env}*. They get a message with a link here."


def no_escalation_targets(env: str) -> str:
    return (
        f"No escalation target is set up for *{env}*. Add `fix.escalate` to the runbook, or "
        f"`escalation_channel` to the environment's `slack:` block in drift.yml."
    )


def approval_ask(groups: str, requester: str, env: str) -> str:
    to = f"{groups}: " if groups else ""
    return f"{to}{requester} asks to reapply IaC over a drift in *{env}*."


def approval_anyone() -> str:
    return "Anyone here may approve."


def requester_cannot_approve() -> str:
    return "The requester can't approve their own request."


def escalation_intro(mention: str, by: str, env: str, target: str) -> str:
    to = f"{mention}: " if mention else ""
    return f"{to}{by} escalated a drift in *{env}* to {target}."


def open_card(link: str) -> str:
    return f"<{link}|Open the drift card> for the details, the thread and the buttons."


def progress_queued(env: str, job: str) -> str:
    return f"⏳ Check of *{env}* queued ({job}); a worker picks it up shortly."


def progress_started(env: str) -> str:
    return f"🔄 Checking *{env}*…"


def progress_reading(env: str, records: int, changes: int) -> str:
    return f"🔄 Checking *{env}*: read {records:,} records, {changes:,} changes so far…"


def progress_confirming(env: str, done: int, total: int, records: int, changes: int) -> str:
    return (
        f"🔄 Checking *{env}*: confirming {done}/{total} resources against AWS "
        f"(read {records:,} records, {changes:,} changes)…"
    )


def progress_done(env: str, modified: int, deleted: int, unmanaged: int, resolved: int) -> str:
    if not (modified or deleted or unmanaged):
        fixed = f"; {resolved} resolved" if resolved else ""
        return f"✅ Check of *{env}* done: no drift{fixed}."
    return (
        f"⚠️ Check of *{env}* done: {modified} modified, {deleted} deleted, "
        f"{unmanaged} unmanaged, {resolved} resolved. Each finding has its card."
    )


def progress_window(records: int, changes: int, start: str, end: str) -> str:
    return f"{records:,} records, {changes:,} changes, {start} → {end}"


def progress_failed(env: str, error: str) -> str:
    return f"❌ Check of *{env}* failed: {error}"


def progress_unknown(env: str, state: str) -> str:
    return f"Check of *{env}*: {state}."


def job_ref(job: str) -> str:
    return f"job {job}"


def no_job(job: str) -> str:
    return f"No job {job}: it is unknown, or finished over 7 days ago. Try `/drift status`."


def digest_title(env: str) -> str:
    return f"Drift digest · {env}"


def digest_counts(new: int, open_: int, accepted: int, resolved: int, mttr: str) -> str:
    return (
        f"🆕 New *{new}*  ·  🟥 Open *{open_}*  ·  ✅ Accepted *{accepted}*  ·  "
        f"🟩 Resolved *{resolved}*  ·  ⏱ Mean time to resolve *{mttr}*"
    )


def digest_since(since: str | None) -> str:
    return (
        f"Since {since}. The breakdown is in the thread."
        if since
        else ("Everything so far (first digest). The breakdown is in the thread.")
    )


def digest_clean(env: str) -> str:
    return f"✨ *{env}* is clean: nothing new, open or resolved since the last digest."


def digest_section(title: str, count: int) -> str:
    return f"*{title} ({count:,})*"


def digest_part(env: str, part: int, parts: int) -> str:
    return f"Drift digest for {env}, breakdown (part {part} of {parts})"


def back_to_clean(env: str, resource: str | None, reason: str | None) -> str:
    if resource is None:
        return f"✨ *{env}* is back to clean: no open drift."
    why = f" ({reason})" if reason else ""
    return f"✨ *{env}* is back to clean: the last open finding, {resource}, resolved{why}."


def home_intro(when: str) -> str:
    return f"Open drift in the environments you can see. Updated {when}."


def home_nothing_visible() -> str:
    return (
        "You can't see any environment yet. Ask an admin to add you (or your user group) to "
        "an environment's `slack.check` in drift.yml."
    )


def home_env_clean(env: str) -> str:
    return f"✨ No open drift in *{env}*."


def more_findings(count: int, env: str) -> str:
    return f"+{count:,} more — see `drift findings {env}`"


def no_findings(env: str) -> str:
    return f"No findings in *{env}*. Run `/drift check {env}` to look for drift."


def findings_title(env: str, count: int) -> str:
    return f"*Findings in {env}* ({count:,}):"


def history_title(env: str, count: int) -> str:
    return f"*History of {env}* ({count:,} entries, oldest first):"


def history_empty(env: str) -> str:
    return f"No history in *{env}* yet. Run `/drift check {env}` to start one."


def history_more(count: int, env: str) -> str:
    return f"+{count:,} earlier entries — see `drift history {env}`"


def history_check(at: str, start: str, end: str, findings: int, changes: int, how: str) -> str:
    return f"{at} · check {start} → {end}: {findings} findings, {changes} changes ({how})"


def history_transition(at: str, moved: str, resource: str, actor: str, reason: str) -> str:
    return f"{at} · {moved} {resource} by {actor}: {reason}"


def envs_title(count: int) -> str:
    return f"*Environments* ({count}):"


def envs_none() -> str:
    return "No environments are configured. Add one to drift.yml's `environments:`."


def env_line(name: str, channel: str | None, protected: str, approvers: str) -> str:
    if channel is None:
        return f"• {name}: not set up for Slack (no `slack:` block)"
    return f"• {name} → {channel}{protected}{approvers}"


def help_text() -> str:
    return "\n".join(
        [
            "*driftbot* finds AWS changes made by hand, outside your IaC.",
            "• `/drift check ENV [RUNBOOK]`: check an environment now (the last 24 h)",
            "• `/drift status [JOB]`: how a check is doing",
            "• `/drift findings ENV`: the environment's findings and their state",
            "• `/drift history ENV [RESOURCE]`: who did what, and every check",
            "• `/drift envs`: the environments you can use",
            "• `/drift help`: this message",
            "Each finding gets a card with *Accept*, *Reapply* and *Escalate*; "
            "the App Home tab lists what is still open.",
        ]
    )


def usage(problem: str) -> str:
    return f"{problem}\nUsage: `/drift check|status|findings|history|envs|help …` (`/drift help`)."


SLACK_ERROR_HINTS = {
    "not_in_channel": "Invite the bot to the channel (/invite @driftbot).",
    "channel_not_found": "Check the environment's `slack.channel` id in drift.yml.",
    "invalid_auth": "Check SLACK_BOT_TOKEN.",
    "missing_scope": "Reinstall the app from manifest.yml, which lists the scopes it needs.",
    "ratelimited": "Slack is rate limiting the app; it retried and will try again.",
}


def slack_refused(method: str, code: str) -> Message:
    """A Web API call Slack answered with an error `code`."""
    return f"Slack refused `{method}`: {code}.", SLACK_ERROR_HINTS.get(code, "")


ENV_VARS = {
    "SLACK_BOT_TOKEN": "the app posts and updates messages with it",
    "SLACK_SIGNING_SECRET": "requests from Slack are verified with it",
    "SLACK_APP_TOKEN": "Socket Mode connects with it (or run `drift serve --http`)",
}


def env_var_missing(name: str) -> Message:
    """`drift serve` without one of the app's tokens or secrets."""
    return (
        f"{name} is not set: {ENV_VARS[name]}.",
        "Set it in the environment (see the README's Slack section).",
    )


def internal_error(ref: str) -> str:
    return f"Something went wrong on driftbot's side (ref `{ref}`); the log has details."


def no_environment(env: str) -> str:
    return f"No environment named `{env}`."


def env_without_channel(env: str) -> str:
    return f"`{env}` has no `slack.channel` in drift.yml to post to."


def env_not_on_slack(env: str) -> str:
    return (
        f"`{env}` is not set up for Slack. Add a `slack:` block (channel, who may check, "
        "approvers) to its entry in drift.yml."
    )


def only_checkers(groups: str, env: str) -> str:
    """`groups`: the env's check user groups, mentioned (empty: it lists people)."""
    return f"Only {groups or 'the listed people'} may run checks and act on `{env}`."


def not_our_button() -> str:
    return "That button is not one of driftbot's."


def check_already_queued(env: str, job: str) -> str:
    return f"A check of `{env}` is already queued or running: job `{job}`."


def check_queued(env: str, runbook: str | None, job: str, channel: str) -> str:
    what = f"`{env}`" + (f" ({runbook})" if runbook else "")
    return f"Queued a check of {what}: job `{job}`. Progress in <#{channel}>."


def job_unknown(job: str) -> str:
    return f"No job `{job}` (unknown, or finished more than 7 days ago)."


def check_running(env: str, job: str) -> str:
    return f"`{env}`: job `{job}` is queued or running"


def nothing_running() -> str:
    return "No checks are queued or running."


def no_finding_for(what: str, env: str) -> str:
    return f"No finding for `{what}` in `{env}`."


def finding_gone(*, maybe_expired: bool = False) -> str:
    why = " (its history may have expired)" if maybe_expired else ""
    return f"That finding is no longer stored{why}."


def nothing_to_accept() -> str:
    return "It is already resolved: nothing to accept."


def nothing_to_escalate() -> str:
    return "It is already resolved: nothing to escalate."


def nothing_to_reapply(state: str) -> str:
    return f"It is {state}: there is nothing to reapply."


def runbook_cannot_reapply(runbook: str | None) -> str:
    return (
        f"The runbook `{runbook}` has no reapply target "
        "(`fix.reapply`), so driftbot can't trigger the pipeline for it."
    )


def reapply_already_asked(given: int, needed: int) -> str:
    return f"A reapply request is already waiting for approval ({given}/{needed})."


def request_gone() -> str:
    return "That reapply request is no longer stored (it expired)."


def reapply_decided(who: str, approved: bool, given: int, needed: int) -> str:
    """The thread reply to an Approve or Deny click that counted."""
    verb = "approved" if approved else "turned down"
    return f"{who} {verb} the reapply request ({given}/{needed} approvals)."


def escalation_channel_label() -> str:
    return "the environment's escalation channel"


def env_channel_label() -> str:
    return "this environment's channel"


def cannot_do(clause: str) -> str:
    """A lifecycle refusal (`bot.messages.lifecycle`) shown in Slack."""
    return f"Can't do that: {clause}."


def pick_a_future_day() -> str:
    return "Pick a day in the future, or leave it empty."


def say_why() -> str:
    return "Say why it is intended."


def pick_a_target() -> str:
    return "Pick where to escalate to."


def form_was_stale(done: str) -> str:
    """`done`: what would have happened (`accepted`, `escalated`)."""
    return (
        "That finding changed while the form was open; its "
        f"card shows the current state. Nothing was {done}."
    )


def own_request() -> str:
    return "You asked for this reapply, so someone else has to approve it."


def only_group_members_approve(groups: str) -> str:
    return f"Only members of {groups} can approve reapplies here."


def approved_already() -> str:
    return "You already approved this request."


def only_approver_or_requester() -> str:
    return "Only an approver or the requester can turn this request down."


def request_expired() -> str:
    return "This request has expired; ask for a new reapply from the card."


def request_approved() -> str:
    return "This request is already approved."


def request_denied(by: str) -> str:
    return f"This request was turned down by {by}."


def plus_more(count: int) -> str:
    return f"+{count} more"


def and_more(count: int) -> str:
    return f"and {count} more"


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


def home_finding(
    emoji: str,
    severity: str,
    kind: str,
    resource: str,
    region: str,
    last_actor: str | None,
    age: str,
) -> str:
    by = f" · last change by {last_actor}" if last_actor else ""
    return f"{emoji} *{severity} · {kind}* {resource} ({region}){by} · {age} old"


def home_env_title(env: str, count: int) -> str:
    return f"{env} · {count} open"


def digest_item(
    emoji: str,
    kind: str,
    resource: str,
    region: str,
    age: str,
    actor: str | None,
    finding: str,
    note: str | None,
) -> str:
    by = f" · by {actor}" if actor else ""
    about = f" — {note}" if note else ""
    return f"{emoji} {kind} {resource} ({region}) · {age} old{by} · {finding}{about}"


def finding_line(
    emoji: str, finding: str, state: str, kind: str, resource: str, region: str, age: str | None
) -> str:
    """A line of `/drift findings`."""
    old = f" · {age} old" if age else ""
    return f"{emoji} {finding} *{state}* {kind} {resource} ({region}){old}"


def env_protected(approvals: int) -> str:
    return f" · protected ({approvals} approvers)"


def env_approvers(groups: str) -> str:
    return f" · approvers {groups}"


def check_how(trigger: str | None, by: str | None) -> str:
    """How a check in `/drift history` was run: its trigger, and who asked."""
    how = trigger or "check"
    return how + (f" by {by}" if by else "")


def too_many_message_blocks(count: int, limit: int) -> str:
    """A message over Slack's blocks limit (a bug: long content is chunked or cut)."""
    return f"a message has {count} blocks; Slack allows {limit}"


def too_many_view_blocks(count: int, limit: int) -> str:
    return f"a view has {count} blocks; Slack allows {limit}"


def button_value_too_long(limit: int) -> str:
    return f"button value over {limit} characters"


def not_a_button_value(value: str) -> str:
    return f"not a driftbot button value: {value!r}"


def unknown_verb(verb: str) -> str:
    return f"I don't know `{verb}`."


def did_you_mean_verb(verb: str) -> str:
    return f"Did you mean `/drift {verb}`?"


def too_many_words(verb: str, usage: str) -> str:
    return f"Too many words for `{verb}`: `/drift {usage}`."


def needs_an_environment(verb: str, usage: str) -> str:
    return f"`{verb}` needs an environment: `/drift {usage}`."


def known_environments(names: list[str], close: str | None = None) -> str:
    """The environments there are (and the one close to what was typed)."""
    return _did_you_mean(close) + f"Known environments: {', '.join(sorted(names)) or 'none'}."


def no_runbook_named(name: str) -> str:
    return f"No runbook named `{name}`."


def known_runbooks(names: list[str], close: str | None = None) -> str:
    return _did_you_mean(close) + f"Known runbooks: {', '.join(sorted(names))}."


def _did_you_mean(close: str | None) -> str:
    return f"Did you mean `{close}`? " if close else ""
