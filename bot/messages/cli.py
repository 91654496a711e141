"""The `drift` command line: its error, warning and note lines on stderr, and the sentences of
its commands' output. Errors return (message, hint); lines return a string without its
newline."""

from __future__ import annotations

from datetime import datetime

from bot.messages import Message


def error(text: str) -> str:
    """An error on stderr: `drift: error: ` before its first line, the rest (the hint) as is."""
    first, _, rest = text.partition("\n")
    return f"drift: error: {first}" + (f"\n{rest}" if rest else "")


def jobs_not_a_count(text: str) -> str:
    return f"--jobs takes a whole number of processes, 1 or more (not {text!r})"


def interrupted() -> str:
    return "interrupted."


def skipped(where: str, reason: str) -> str:
    return f"drift: warning: skipped {where}: {reason}"


def warning(where: str, reason: str) -> str:
    return f"drift: warning: {where}: {reason}"


def unmapped_types(names: str) -> str:
    return f"drift: note: the state has resource types the catalog does not map: {names}"


def rows(count: int) -> str:
    return f"{count} rows"


def entries(count: int) -> str:
    return f"{count} entries"


def already_queued(env: str, job: str) -> str:
    return f"drift: a check of {env} is already queued or running: {job}"


def no_job(job: str) -> str:
    return f"no job `{job}` (unknown, or finished over 7 days ago)."


def job_running(job: str, env: str, progress: str) -> str:
    return f"{job} ({env}): running — {progress}"


def job_succeeded(
    job: str,
    env: str,
    modified: int,
    deleted: int,
    unmanaged: int,
    resolved: int,
    records: int,
    changes: int,
    start: object,
    end: object,
) -> str:
    return (
        f"{job} ({env}): succeeded — {modified} modified, {deleted} deleted, "
        f"{unmanaged} unmanaged, {resolved} resolved ({records:,} records, {changes:,} changes, "
        f"{start} → {end})"
    )


def job_failed(job: str, env: str, error: object, hint: object) -> str:
    return f"{job} ({env}): failed — {error}" + (f"\n  {hint}" if hint else "")


def job_state(job: str, env: str, state: str) -> str:
    return f"{job} ({env}): {state}"


def acceptance_note(by: str, reason: str, until: datetime | None) -> str:
    """The NOTE cell of an accepted finding."""
    return f"{by}: {reason}" + (f" until {until:%Y-%m-%d}" if until else "")


def findings_total(count: int, env: str, state: str | None) -> str:
    return f"{count} findings in {env}" + (f" ({state})" if state else "")


def finding_disappeared(finding: str) -> Message:
    return (f"The finding `{finding}` disappeared; run it again.", "")


def cannot_accept(resource: str, reason: object) -> Message:
    return (f"Can't accept {resource}: {reason}.", "")


def accepted(resource: str, env: str, until: datetime | None, finding: str) -> str:
    until_text = f" until {until:%Y-%m-%d %H:%M} UTC" if until else ""
    return f"Accepted {resource} in {env}{until_text} ({finding})."


def already_accepted(resource: str, env: str, by: str, until: datetime | None, finding: str) -> str:
    until_text = f" until {until:%Y-%m-%d %H:%M} UTC" if until else ""
    return (
        f"{resource} in {env} is already accepted by {by}{until_text} ({finding}); nothing changed."
    )


def history_check(
    at: object,
    start: object,
    end: object,
    findings: object,
    changes: object,
    trigger: object,
    by: object,
    job: object,
) -> str:
    """A check in `drift history`."""
    return (
        f"{at}  check     {start} → {end}: {findings} findings, {changes} changes "
        f"({trigger} by {by}, job {job})"
    )


def history_transition(
    at: object, moved: str, resource: object, actor: object, reason: object
) -> str:
    """A transition in `drift history`; `moved`: `open → accepted`."""
    return f"{at}  {moved:<22} {resource}  by {actor}: {reason}"


def runbook_ok(name: str, severity: str, description: str) -> str:
    return f"ok  {name}  ({severity}) {description}"


def runbooks_valid(count: int, path: str) -> str:
    return f"{count} runbooks valid in {path}"


def reapply_off(env: str, runbooks: str, config: str) -> str:
    """`runbooks`: the names of the runbooks with a reapply target, comma separated."""
    return (
        f"off {env}: reapply from Slack is off ({runbooks}): nobody may approve it. Set "
        f"`slack.approvers` (user groups) or `slack.check` (users or groups) for {env} in "
        f"{config}, or `fix.approvals.groups` in the runbook."
    )


def no_finding(wanted: str, env: str) -> Message:
    return (
        f"No finding for `{wanted}` in {env}.",
        "See `drift findings " + env + "` for the ids and resources it has.",
    )


def several_findings(wanted: str, env: str, choices: str) -> Message:
    return (
        f"`{wanted}` matches several findings in {env}: {choices}.",
        "Name one by its id (f-…).",
    )


def until_invalid(text: str) -> Message:
    return (f"--until: expected a date or time such as 2026-12-31 (got {text!r}).", "")
