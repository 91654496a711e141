"""What listeners answer: the acks of `/drift`, the refusals of clicks and submissions (the
user_message of `bot.errors.Refused` and its kind), the app's errors, Slack's own refusals."""

from __future__ import annotations

Message = tuple[str, str]


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


def slack_unreachable(method: str, kind: str) -> Message:
    """A Web API call that got no answer (connection refused or dropped, DNS, timeout)."""
    return (
        f"Slack did not answer `{method}` ({kind}).",
        "Check the network path to slack.com (or SLACK_API_URL); driftbot retries.",
    )


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


def state_store_unreachable(ref: str) -> str:
    """Redis is down while someone used /drift or a button: nothing was done."""
    return (
        f"driftbot can't reach its state store (Redis) right now, so nothing was done "
        f"(ref `{ref}`). Try again in a minute; if it keeps failing, tell whoever runs "
        "driftbot that Redis is unreachable."
    )


def token_refused(name: str, code: str) -> Message:
    """`drift serve` at start-up: Slack refused the token in `name`."""
    return (
        f"Slack refused {name} ({code}): {ENV_VARS[name]}.",
        f"Check {name}: copy it again from the app's settings at https://api.slack.com/apps "
        "(see the README's Slack section).",
    )


def internal_error(ref: str) -> str:
    return f"Something went wrong on driftbot's side (ref `{ref}`); the log has details."


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


def not_our_form() -> str:
    """A modal submission without our private_metadata (a log line: Slack never sends it)."""
    return "a modal submission without driftbot's form data"


def not_a_day(text: str) -> str:
    return f"a picked date that is not YYYY-MM-DD: {text!r}"


def not_our_button() -> str:
    return "That button is not one of driftbot's."


def check_already_queued(env: str, job: str) -> str:
    return f"A check of `{env}` is already queued or running: job `{job}`."


def check_queued(
    env: str, runbook: str | None, job: str, channel: str, since: str | None = None
) -> str:
    what = f"`{env}`" + (f" ({runbook})" if runbook else "")
    window = f" over the last {since}" if since else ""
    return f"Queued a check of {what}{window}: job `{job}`. Progress in <#{channel}>."


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


def only_approvers_approve(approvers: str) -> str:
    """`approvers`: mentions of the approver groups and users."""
    return f"Only {approvers} can approve reapplies here."


def nobody_may_approve(env: str) -> str:
    return (
        f"Nobody may approve reapplies in `{env}`: drift.yml names no approvers for it. "
        "Ask whoever runs driftbot to set `slack.approvers` (or `slack.check`) for it."
    )


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


# Retry, Codify, the escalation and IaC-note targets outside Slack.


def nothing_to_retry() -> str:
    return "There is no failed reapply run to retry on this finding."


def retry_queued(target: str) -> str:
    return f"Retrying the reapply through {target} with the approvals already given."


def retry_already_queued() -> str:
    return "This retry is already on its way."


def retry_needs_approval() -> str:
    return (
        "The earlier approvals no longer hold (they expired, or you neither asked nor approved), "
        "so I asked the approvers again."
    )


def nothing_to_codify() -> str:
    return "Only an unmanaged finding that is still open can be codified."


def codify_not_set_up(env: str) -> str:
    return (
        f"*{env}* has no codify target: add `codify: {{github: {{repo, base, path, token_env}}}}` "
        "(or `gitlab`) to its entry in drift.yml."
    )


def codify_queued(forge: str) -> str:
    return f"Opening a pull request on {forge} with the import block; the card will link it."


def codify_already_queued() -> str:
    return "A pull request for this finding is already on its way."


def escalation_queued(target: str) -> str:
    return f"Escalating to {target}; the card will link it."


def external_target_label(runbook: str, target: str) -> str:
    return f"{runbook}: {target}"


def iac_note_queued(forge: str) -> str:
    return f"Filing a note on {forge} to update the IaC; the card will link it."


# Escalate posts first (issue 11), the answers to "was that intended?", /drift check's window.


def escalation_not_posted(channel: str, error: str, hint: str) -> str:
    """To the person who escalated: the message could not be posted, nothing changed."""
    fix = f" {hint}" if hint else ""
    return (
        f"Couldn't escalate: posting to {channel} failed ({error}).{fix} "
        "The finding is unchanged; try again once that is fixed, or pick another target."
    )


def escalation_failed_thread(who: str, channel: str, error: str, hint: str) -> str:
    """In the card's thread: an escalation that could not be posted."""
    fix = f" {hint}" if hint else ""
    return f"⚠️ {who} tried to escalate to {channel}, but the post failed ({error}).{fix}"


def escalated_to(channel: str) -> str:
    return f"Escalated: the message is in {channel}."


def runbook_channel_label(runbook: str) -> str:
    return f"{runbook}: its escalation channel"


def answer_recorded(answer: str) -> str:
    return f"Thanks: your answer ({answer}) is in the card's thread."


def only_the_person_asked() -> str:
    return "This question was for the person who made the change."


def not_me_note() -> str:
    """The escalation note of a "Not me" answer (the escalation names who answered)."""
    return (
        "Asked whether this change was intended, the person CloudTrail names said they did "
        "not make this change."
    )


def nothing_to_answer() -> str:
    return "That finding is resolved now: nothing to answer."


def no_access_to_envs() -> str:
    """`/drift envs` from someone who may see none of the configured environments."""
    return (
        "You don't have access to any environment here. Ask whoever runs driftbot to add you "
        "(or your user group) to an environment's `slack.check` or approvers in drift.yml."
    )


# Start-up checks of the channels drift.yml and the runbooks name (issue 11).


def channel_name_unknown(runbook: str, key: str, name: str) -> Message:
    return (
        f"Runbook `{runbook}`: `{key}` names the channel {name}, which Slack does not know "
        "(or the bot can't see it).",
        f"Check the name, or write the channel's id (C…) instead of {name}; a private channel "
        "must have the bot in it (/invite @driftbot).",
    )


def channel_names_unreadable(runbook: str, key: str, name: str, code: str) -> Message:
    return (
        f"Runbook `{runbook}`: `{key}` names the channel {name}, and Slack refused to list "
        f"channels to find its id ({code}).",
        "Reinstall the app from manifest.yml (it asks for channels:read and groups:read), or "
        f"write the channel's id (C…) instead of {name}.",
    )


def not_a_member(channel: str, where: str) -> str:
    """A start-up warning (log and /healthz): the bot is not in a channel drift.yml names."""
    return (
        f"driftbot is not a member of {channel} ({where}): it can't post there. "
        f"Fix: /invite @driftbot in {channel}."
    )
