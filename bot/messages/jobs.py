"""What the worker's jobs tell people: why a check failed (`drift status`, the Slack progress
message), and how a reapply went (the card's thread). Errors return (message, hint)."""

from __future__ import annotations

from bot.messages import Message


def internal_error(job: str, kind: str) -> Message:
    """A job that failed on something driftbot did not expect; `kind` is the exception's
    class name, the log has the rest under `job`."""
    return (
        f"driftbot hit an internal error (ref {job}): {kind}.",
        "The worker's log has the details under that reference.",
    )


def slack_not_configured() -> str:
    return "Slack is not configured for this worker."


def request_not_approved(request: str) -> str:
    return f"request {request} is not approved"


def reapply_target_gone() -> str:
    return "the finding or its runbook's reapply target is gone"


def reapply_failed(error: str, hint: str) -> str:
    return f"Reapply failed: {error} {hint}".strip()


def reapply_triggered(status: int) -> str:
    return f"Reapply triggered: the pipeline's webhook answered HTTP {status}."


def webhook_secret_missing(name: str) -> Message:
    return (
        f"The reapply webhook's secret variable `{name}` is not set.",
        f"Set {name} in the worker's environment (the runbook's `fix.reapply.webhook."
        "secret_env` names it).",
    )


def webhook_redirected(url: str, status: int) -> Message:
    """`url` as bot/config/urls.py shows it (no query)."""
    return (
        f"The reapply webhook {url} answered with a redirect (HTTP {status}); driftbot does not "
        "follow redirects, which would send the signed finding elsewhere.",
        "Point the runbook's `fix.reapply.webhook.url` at the final address.",
    )


def webhook_target_refused(url: str, reason: str) -> Message:
    """`reason`: bot/messages/urls.py's sentence about the address."""
    return (
        f"I did not send the reapply webhook to {url}: {reason}.",
        "Fix the runbook's `fix.reapply.webhook`, or the host's DNS.",
    )


def webhook_refused(url: str, status: int) -> Message:
    return (
        f"The reapply webhook {url} answered HTTP {status}.",
        "Check the pipeline's logs for the request; the card keeps its state.",
    )


def webhook_unreachable(url: str, kind: str) -> Message:
    return (
        f"I couldn't reach the reapply webhook {url} ({kind}).",
        "Check the URL in the runbook and that the pipeline is up.",
    )


def _who(requester: str, approvers: list[str]) -> str:
    approved = ", ".join(f"<@{a}>" for a in approvers)
    return f"<@{requester}>" + (f" (approved by {approved})" if approved else "")


def run_dispatch_failed(
    target: str, error: str, hint: str, requester: str, approvers: list[str]
) -> str:
    return (
        f"❌ Reapply through {target} failed: {error} {hint}".strip()
        + f"\n{_who(requester, approvers)}: nothing was reapplied; press Retry on the card once "
        "it is fixed."
    )


def run_dispatched(target: str, url: str | None) -> str:
    where = f": <{url}|the run>" if url else ""
    return f"🔧 Reapply dispatched to {target}{where}. The card follows the run."


def run_succeeded(target: str, url: str | None) -> str:
    where = f" (<{url}|the run>)" if url else ""
    return f"✅ The {target} run succeeded{where}; reading the resource again now."


def run_failed(
    target: str,
    error: str,
    hint: str | None,
    url: str | None,
    requester: str,
    approvers: list[str],
) -> str:
    where = f" (<{url}|the run>)" if url else ""
    fix = f" {hint}" if hint else ""
    return (
        f"❌ The {target} run failed{where}: {error}{fix}\n{_who(requester, approvers)}: the drift "
        "is still there; press Retry on the card to run it again."
    )


def run_ended(conclusion: str | None) -> str:
    return f"it ended `{conclusion or 'unknown'}`"


def run_not_over(hours: float) -> str:
    return f"it was not over after {hours:g} h, and driftbot stopped following it"


def run_not_over_hint() -> str:
    return "Look at the run; press Retry to start a new one."


def run_superseded() -> str:
    return "the run was superseded or already ended"


def recheck_failed(error: str) -> str:
    return f"I couldn't read the resource again after the run: {error} The next check will."


def recheck_not_live() -> str:
    return (
        "This environment does not read resources live, so the next check will tell whether "
        "the resource matches IaC again."
    )
