"""Where a runbook's reapply webhook may point (issue 9): the host is compared exactly, cloud
metadata endpoints are never allowed, loopback/private/link-local addresses only with
`allow_private_network: true`, and a URL's query is never repeated in an error."""

from __future__ import annotations

import ipaddress

import pytest
import yaml

from bot.config.urls import address_kind, address_refusal, shown_url
from bot.policy.parse import parse_runbook
from tests.unit.policy.runbooks import PATH, error_with


def hook(url: str, **extra: object) -> dict:
    return {"reapply": {"webhook": {"url": url, "secret_env": "S", **extra}}}


def runbook_with(url: str, **extra: object):
    doc = {"description": "d", "severity": "high", "when": {}, "fix": hook(url, **extra)}
    return parse_runbook(yaml.safe_dump(doc), PATH)


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost.attacker.example/",  # a prefix test let these through in cleartext
        "http://127.0.0.1.nip.io/",
        "http://localhost:2375@attacker.example/",
        "http://ci.example.com/hook",
    ],
)
def test_plain_http_to_anything_but_this_machine_is_refused(url):
    message = error_with(fix=hook(url))

    assert "`fix.reapply.webhook.url`" in message


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:6379/",  # Redis
        "http://localhost:2375/",  # the Docker daemon
        "https://127.0.0.1/",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://10.0.0.5/hook",
        "https://192.168.1.10/hook",
        "https://172.16.0.1/hook",
        "https://169.254.10.10/hook",
        "https://[fe80::1]/hook",
        "https://100.64.0.1/hook",
        "https://0.0.0.0/hook",
    ],
)
def test_non_public_addresses_need_the_runbook_to_opt_in(url):
    message = error_with(fix=hook(url))

    assert "`fix.reapply.webhook.url`" in message
    assert "allow_private_network: true" in message
    runbook = runbook_with(url, allow_private_network=True)
    assert runbook.fix.reapply is not None
    assert runbook.fix.reapply.webhook.allow_private_network is True


@pytest.mark.parametrize(
    "url",
    [
        "https://169.254.169.254/latest/meta-data/",
        "http://169.254.169.254/",
        "https://[fd00:ec2::254]/",
        "https://169.254.170.2/v2/credentials",
        "https://metadata.google.internal/computeMetadata/v1/",
        "https://[::ffff:169.254.169.254]/",
    ],
)
def test_metadata_endpoints_are_refused_even_with_the_opt_in(url):
    message = error_with(fix=hook(url, allow_private_network=True))

    assert "metadata endpoint" in message


def test_a_public_https_url_is_fine():
    runbook = runbook_with("https://ci.example.com/hooks/driftbot?x=1")

    assert runbook.fix.reapply is not None
    assert runbook.fix.reapply.webhook.allow_private_network is False


def test_an_error_never_repeats_the_query():
    """`?token=…` is a credential in many pipelines' webhook URLs."""
    message = error_with(fix=hook("http://ci.example.com/hook?token=s3cr3t"))

    assert "s3cr3t" not in message
    assert "http://ci.example.com/hook?…" in message


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("redis://:hunter2@redis.internal:6379/0", "redis://:***@redis.internal:6379/0"),
        ("rediss://app:hunter2@r.example:6380", "rediss://app:***@r.example:6380"),
        ("redis://redis.internal:6379/0", "redis://redis.internal:6379/0"),
        ("redis://h/0?password=hunter2", "redis://h/0?…"),
        ("https://ci.example.com/h?token=abc#frag", "https://ci.example.com/h?…"),
        ("unix:///run/redis.sock", "unix:///run/redis.sock"),
        ("https://[::1]:8443/x", "https://[::1]:8443/x"),
        ("http://h:99999/", "<unparsable URL>"),
    ],
)
def test_shown_url_hides_passwords_and_queries(url, shown):
    assert shown_url(url) == shown


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("8.8.8.8", None),
        ("2606:4700::1111", None),
        ("127.0.0.2", "loopback"),
        ("::ffff:10.1.2.3", "private"),
        ("2002:0a00:0001::", "private"),  # 6to4 carrying 10.0.0.1
        ("64:ff9b::7f00:1", "loopback"),  # NAT64 carrying 127.0.0.1
        ("169.254.169.254", "metadata"),
        ("224.0.0.1", "multicast"),
    ],
)
def test_address_kinds(address, kind):
    assert address_kind(ipaddress.ip_address(address)) == kind


def test_a_public_address_is_never_refused():
    assert address_refusal(ipaddress.ip_address("93.184.216.34"), False) is None
