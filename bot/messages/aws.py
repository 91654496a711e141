"""AWS calls that failed, in words that name the call, the resource and what to grant or
check. Each returns (message, hint); `target` is ` for `RESOURCE`` or empty."""

from __future__ import annotations

from bot.messages import Message


def access_denied(code: str, action: str, target: str, resource: str) -> Message:
    return (
        f"AWS said *{code}* to `{action}`{target}.",
        f"Give the role driftbot runs as the IAM permission `{action}`"
        + (f" on `{resource}`" if resource else "")
        + ", then run the check again.",
    )


def throttled(action: str, target: str, code: str) -> Message:
    return (
        f"AWS kept throttling `{action}`{target} ({code}) after retrying.",
        "Try again in a minute, or lower the check's frequency.",
    )


def call_failed(action: str, target: str, code: str, detail: str) -> Message:
    return (f"`{action}`{target} failed: {code}" + (f" ({detail})" if detail else "") + ".", "")


def no_credentials(action: str) -> Message:
    return (
        f"No AWS credentials found for `{action}`.",
        "Set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, run on a host with an "
        "instance or task role, or set `role_arn` for the environment.",
    )


def unreachable(action: str, detail: str) -> Message:
    return (
        f"Could not reach AWS for `{action}` ({detail}).",
        "Check the network, and `aws.endpoint_url` if the environment sets one.",
    )


def failed_before_answer(action: str, detail: str) -> Message:
    return (f"`{action}` failed before AWS answered: {detail}.", "")


def body_broke_off(action: str, target: str, detail: str) -> Message:
    return (f"The answer of `{action}`{target} broke off before its end ({detail}).", "")


def no_aws_access(env: str, what: str) -> Message:
    """An environment whose source needs AWS (`what`: S3, Athena, LookupEvents) has none."""
    return (f"Environment `{env}` has no AWS access for {what}.", "")


def no_reason_given() -> str:
    """AWS's reason for a failed query or drift detection, when it gave none."""
    return "no reason given"


def not_an_aws_answer(action: str, target: str, error: str, detail: str) -> Message:
    """An answer botocore could not parse (a proxy's HTML page), or a reset connection."""
    return (
        f"`{action}`{target} got no answer driftbot could read ({error}: {detail}).",
        "Check for a proxy or firewall between driftbot and AWS (it may answer with its own "
        "page), and `aws.endpoint_url` if the environment sets one; then run the check again.",
    )


def web_page_answer(status: object) -> str:
    """botocore's ResponseParserError text when a web page came back instead of AWS's answer."""
    return f"a web page (HTTP {status}) instead of AWS's answer"
