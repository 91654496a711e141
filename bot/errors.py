"""The exception hierarchy of driftbot, in one place.

Every error driftbot raises on purpose is a DriftBotError whose text (`user_message`, and a
`hint` saying what to do) is written for a person and comes from bot/messages. A library's
exception is translated into one of these at one place in the shell, chained with `from exc`:
botocore in bot/shell/aws/access.py, the OS's file errors in bot/shell/files.py, DuckDB and
sqlglot in bot/shell/sources/local_query.py, YAML and pydantic in bot/config/problems.py,
aiohttp in bot/shell/reapply/webhook.py (the webhook) and bot/shell/http.py (every other
reapply, escalation and codify integration), Slack's SDK in bot/shell/slack.py, redis in
bot/shell/redis/connection.py.

DriftBotError              user_message (safe to show a person) + hint (what to do)
├── ConfigError            drift.yml, a runbook, a CLI argument or the wiring is wrong; exit 1
│   └── RunbookError       runbook files are invalid; `problems` name each file and key path
├── MalformedInput         a log file, record, query or payload could not be understood
├── StateUnavailable       an IaC state is missing, unreadable or of a version not read
├── FileUnreadable         a named file is missing or the OS would not read it (shell/files.py)
├── DuplicateKey           a registry got one key twice (a catalog's programming error)
├── UnknownKey             a registry has no entry under a key (also a KeyError)
├── Refused                a person may not do this, here or now; nothing changed
│   ├── Stale              the modal was opened on an older state of the finding
│   ├── ApprovalRefused    an Approve/Deny click that cannot count (own request, decided, …)
│   └── InvalidTransition  the lifecycle can't make this move (also a ValueError)
└── ExternalServiceError   another service failed (the reapply webhook); `retryable`
    ├── AwsError           one AWS call failed: code, operation (IAM action), resource, detail
    │   ├── AwsAccessDenied    the identity driftbot runs as may not make the call
    │   └── AwsThrottled       AWS kept throttling the call after the SDK's retries
    ├── SlackError         one Slack Web API call failed: Slack's error code
    ├── RedisUnavailable   Redis cannot be reached or started (REDIS_URL, or embedded)
    └── IntegrationError   a CI/CD, paging, ticketing or forge API refused or failed: the
                           service, the HTTP status (0: no answer), what to fix
"""

from __future__ import annotations

from collections.abc import Sequence


class DriftBotError(Exception):
    """Base of every error we raise on purpose; its text is written for a person."""

    retryable = False
    # Seconds the service asked to wait before trying again (its Retry-After), when it said.
    retry_after: float | None = None

    def __init__(self, user_message: str, hint: str = "") -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.user_message}\n{self.hint}" if self.hint else self.user_message


class ConfigError(DriftBotError):
    """A configuration file is missing or invalid; names the file and the key."""


class RunbookError(ConfigError):
    """One or more runbooks are invalid (or a runbook cannot be used as asked).

    Attributes:
        problems: one line per problem, each naming the file and the key path:
            "runbooks/sg.yml: `when.events[1]`: unknown event `…`. Did you mean `…`?"
    """

    def __init__(self, user_message: str, hint: str = "", *, problems: Sequence[str] = ()) -> None:
        super().__init__(user_message, hint)
        self.problems = tuple(problems)


class MalformedInput(DriftBotError):
    """An input (log file, record, payload) could not be understood."""


class StateUnavailable(DriftBotError):
    """An IaC state could not be read or is of a version we do not support."""


class FileUnreadable(DriftBotError):
    """A file a person named is missing, or the OS would not read it.

    Attributes:
        path: the file.
        missing: True when it does not exist.
        reason: the OS's words (`Permission denied`), or the decoding error's.
        detail: Python's whole text of the error (`[Errno 13] Permission denied: 'x'`).
    """

    def __init__(
        self,
        user_message: str,
        hint: str = "",
        *,
        path: str,
        missing: bool,
        reason: str,
        detail: str,
    ) -> None:
        super().__init__(user_message, hint)
        self.path = path
        self.missing = missing
        self.reason = reason
        self.detail = detail


class DuplicateKey(DriftBotError):
    """A registry got the same key twice (a programming error in a catalog)."""


class UnknownKey(DriftBotError, KeyError):
    """A registry has no entry under a key; the message suggests close matches."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return DriftBotError.__str__(self)


class ExternalServiceError(DriftBotError):
    """A call to another service failed; the shell raises it, translated from the SDK's error."""


class AwsError(ExternalServiceError):
    """One AWS API call failed.

    Attributes:
        code: AWS's error code (`AccessDenied`, `NoSuchBucket`, …), or a local one
            (`NoCredentials`, `EndpointConnectionError`).
        operation: the API call, `ec2:DescribeSecurityGroups`.
        resource: what the call was about, when known.
        detail: what AWS (or botocore) said, verbatim; empty when it said nothing.
    """

    def __init__(
        self,
        user_message: str,
        hint: str = "",
        *,
        code: str,
        operation: str,
        resource: str = "",
        detail: str = "",
        retryable: bool = False,
    ) -> None:
        super().__init__(user_message, hint)
        self.code = code
        self.operation = operation
        self.resource = resource
        self.detail = detail
        self.retryable = retryable


class AwsAccessDenied(AwsError):
    """The identity driftbot runs as may not make this call."""


class AwsThrottled(AwsError):
    """AWS kept throttling the call after the SDK's retries."""


class SlackError(ExternalServiceError):
    """A Slack Web API call failed after the client's retries (translated from slack_sdk's
    SlackApiError in bot/shell/slack.py).

    Attributes:
        code: Slack's error code (`not_in_channel`, `ratelimited`, …).
    """

    def __init__(self, user_message: str, hint: str = "", *, code: str, retryable: bool) -> None:
        super().__init__(user_message, hint)
        self.code = code
        self.retryable = retryable


class RedisUnavailable(ExternalServiceError):
    """Redis can't be reached or started; says where it looked and what to check (translated
    from redis-py's errors in bot/shell/redis/connection.py)."""


class IntegrationError(ExternalServiceError):
    """A reapply target, an escalation target or a forge refused a request or could not be
    reached (translated from aiohttp and the service's answer in bot/shell/http.py and the
    clients under bot/shell/reapply/, escalate/ and codify/). The message names the target and
    the fix, never a secret.

    Attributes:
        service: the integration (`github_actions`, `pagerduty`, …).
        status: the HTTP status of the last answer; 0 when none came.
        retry_after: the seconds the last answer asked to wait (Retry-After), if it did.
    """

    def __init__(
        self,
        user_message: str,
        hint: str = "",
        *,
        service: str,
        status: int = 0,
        retryable: bool = False,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(user_message, hint)
        self.service = service
        self.status = status
        self.retryable = retryable
        self.retry_after = retry_after


class Refused(DriftBotError):
    """A person asked for something driftbot won't do: not theirs to do, or not possible in the
    finding's state. `user_message` says why; the Slack app shows it to them alone."""


class Stale(Refused):
    """A form was submitted for a finding that changed since it was opened: nothing applied."""


class ApprovalRefused(Refused):
    """A click on Approve or Deny that does not count (the requester's own, not an approver's,
    a second one, or on a request already decided or expired)."""


class InvalidTransition(Refused, ValueError):
    """The lifecycle can't make this move (accept a resolved finding, an expiry in the past).
    `user_message` is a clause its callers frame ("Can't accept X: {clause}."); a ValueError
    too, as the lifecycle's callers catch it."""
