"""URLs: how one is shown when it cannot be parsed, and why driftbot will not send a reapply
webhook to one (bot/config/urls.py, bot/shell/reapply/webhook.py). Pure."""

from __future__ import annotations

UNPARSABLE = "<unparsable URL>"

KIND_WORDS = {
    "loopback": "a loopback address (this machine)",
    "private": "a private network address",
    "link-local": "a link-local address",
    "multicast": "a multicast address",
    "reserved": "a reserved, non-public address",
    "unspecified": "the unspecified address",
}


def expected_url(shown: str) -> str:
    return f"expected a URL such as https://ci.example.com/hooks (got {shown})"


def expected_https(shown: str) -> str:
    return (
        f"expected an https:// URL (got {shown}); plain http is allowed only to this machine "
        "(localhost, 127.0.0.1, ::1), with `allow_private_network: true`"
    )


def url_with_credentials() -> str:
    return (
        "expected a URL without credentials: put the secret in the environment "
        "variable named by `secret_env` (got a URL with `user@`)"
    )


def metadata_address(host: str) -> str:
    return (
        f"{host} is a cloud metadata endpoint: driftbot never sends a webhook there, "
        "whatever the runbook says"
    )


def private_address(host: str, kind: str) -> str:
    """`kind`: a key of KIND_WORDS."""
    what = KIND_WORDS.get(kind, "not a public address")
    return (
        f"{host} is {what}; a webhook goes there only when the runbook says "
        "`allow_private_network: true` next to its `url`"
    )
