"""A check's progress message, the daily digest, the `/drift` replies and what the `/drift`
grammar says about what was typed."""

from __future__ import annotations

from collections.abc import Sequence


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
            "• `/drift check ENV [RUNBOOK] [since DURATION]`: check an environment now "
            "(the last 24 h, or `since 7d`)",
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


def digest_item(
    emoji: str,
    kind: str,
    resource: str,
    region: str,
    age: str,
    actor: str | None,
    finding: str,
    note: str | None,
    state: str = "open",
    new: bool = False,
) -> str:
    by = f" · by {actor}" if actor else ""
    about = f" — {note}" if note else ""
    fresh = "🆕 " if new else ""
    return (
        f"{emoji} {fresh}*{state}* {kind} {resource} ({region}) · {age} old{by} · {finding}{about}"
    )


def digest_accepted(by: str, reason: str) -> str:
    return f"accepted by {by}: {reason}"


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


def bad_since(value: str, usage: str, days: int) -> str:
    return (
        f"`since` takes a duration up to {days}d, such as `6h` or `7d`, not `{value}`: "
        f"`/drift {usage}`."
    )


def since_beyond_lookup(env: str, days: int, others: Sequence[str]) -> str:
    """A check whose window reaches further back than CloudTrail's LookupEvents keeps."""
    names = ", ".join(f"`{o}`" for o in others)
    return (
        f"⚠️ The window reaches further back than LookupEvents keeps events ({days} days): "
        f"*{env}* reads only the last {days} days. For older events use a source that reads "
        f"the trail's log files: {names}."
    )


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


# Floods, baselines, news, the question to the person who made a change (issue 11).


def progress_posting(env: str, modified: int, deleted: int, unmanaged: int, resolved: int) -> str:
    return (
        f"📨 Check of *{env}* finished: {modified} modified, {deleted} deleted, "
        f"{unmanaged} unmanaged, {resolved} resolved. Posting the cards…"
    )


def flood_title(env: str, count: int) -> str:
    return f"🌊 {count:,} new findings in *{env}* from one check"


def flood_counts(counts: str) -> str:
    return f"By kind and severity: {counts}."


def flood_top(lines: str) -> str:
    return f"*Most severe:*\n{lines}"


def flood_thread() -> str:
    return "The cards are in this thread, most severe first."


def flood_actors(actors: str) -> str:
    return f"Changes by {actors}."


def baseline_title(env: str, count: int) -> str:
    return f"📋 First check of *{env}* with Slack: {count:,} drifted resources already there"


def baseline_where(env: str) -> str:
    return (
        f"No card each for what was already drifted: they are in App Home and "
        f"`/drift findings {env}`. From now on each new change gets its card."
    )


def kind_count(count: int, kind: str) -> str:
    return f"{count:,} {kind}"


def news_change(resource: str, actor: str, what: str, before: str | None, people: str) -> str:
    was = f" It was {before}." if before else ""
    to = f" {people}" if people else ""
    return f"🔁 *New change* to {resource} by {actor}: {what}.{was}{to}"


def news_expired(resource: str, people: str) -> str:
    to = f" {people}" if people else ""
    return f"⌛ *Acceptance expired*: {resource} is open again.{to}"


def news_reapply_failed(resource: str, error: str, people: str) -> str:
    to = f" {people}:" if people else ""
    return f"❌ *Reapply failed* for {resource}: {error}.{to} press *Retry* on the card."


def news_still_drifted(resource: str, people: str) -> str:
    to = f" {people}" if people else ""
    return f"⚠️ The reapply of {resource} ran, but the resource still differs from IaC.{to}"


def before_accepted(by: str) -> str:
    return f"accepted by {by}"


def before_escalated(target: str) -> str:
    return f"escalated to {target}"


def before_reapplying(by: str) -> str:
    return f"being reapplied (asked by {by})"


def question(resource: str, env: str, ago: str, what: str) -> str:
    return f"You changed {resource} in *{env}* {ago}: {what}. Was that intended?"


def question_in_thread(user: str, question: str) -> str:
    return f"{user} {question}"


def question_context(card: str) -> str:
    return f"driftbot asks whoever made a change it sees by hand. {card}"


def answered(user: str, answer: str) -> str:
    return f"🗣 {user} answered: *{answer}*"


ANSWER_WORDS = {
    "yes": "yes, it was intended",
    "no": "no: put it back",
    "not_me": "not me: someone else made this change",
}


def answer_words(answer: str) -> str:
    return ANSWER_WORDS.get(answer, answer)


def reminder(user: str, resource: str) -> str:
    return f"⏰ {user}, you haven't said whether your change to {resource} was intended."


def digest_reminders(count: int) -> str:
    return f"*Questions not answered yet ({count:,})*"
