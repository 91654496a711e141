"""What the integrations' HTTP layer reads from an answer: how long to wait, and what to show
of it (secrets scrubbed)."""

from __future__ import annotations

import email.utils

from bot.shell.http import Answer, default_retryable, redact, retry_after

NOW = 1_800_000_000.0


def answer(status=429, headers=None, body=b"", secrets=()) -> Answer:
    return Answer(status, headers or {}, body, secrets)


def test_retry_after_in_seconds_and_as_a_date():
    date = email.utils.formatdate(NOW + 30, usegmt=True)

    assert retry_after(answer(headers={"retry-after": "7"}), NOW) == 7.0
    assert retry_after(answer(headers={"retry-after": date}), NOW) == 30.0


def test_a_spent_rate_limit_waits_until_its_reset():
    headers = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(NOW) + 45)}

    assert retry_after(answer(headers=headers), NOW) == 45.0
    assert retry_after(answer(headers={**headers, "x-ratelimit-remaining": "3"}), NOW) is None


def test_what_is_retried():
    assert [default_retryable(answer(s)) for s in (429, 500, 502, 503, 504, 501, 400, 404)] == [
        True,
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_secrets_are_scrubbed_from_text_and_json():
    secret = "s3cr3t-token-value"  # noqa: S105  (a test fixture)
    a = answer(
        400,
        body=b'{"message": "bad s3cr3t-token-value", "errors": ["s3cr3t-token-value"]}',
        secrets=(secret,),
    )

    assert secret not in a.text()
    assert a.json() == {"message": "bad ***", "errors": ["***"]}
    assert redact("abcd", ["abcd"]) == "***"
    assert redact("abc", ["abc"]) == "abc"  # too short to be a secret: never replaced
