"""URLs driftbot shows and calls. Pure; no I/O.

- `shown_url`: a URL as it may be shown anywhere (logs, errors, Slack): a password becomes
  `***` and a query `?…`, as both may hold credentials (`redis://:secret@host`,
  `https://ci.example.com/hook?token=…`).
- `address_refusal`: whether driftbot may send a reapply webhook to an IP address: never to a
  cloud metadata endpoint; to loopback, private, link-local and other non-public addresses
  only when the runbook opts in (`allow_private_network: true`). The webhook's host name is
  resolved when it is called, and every address it resolves to is checked
  (bot/shell/reapply/webhook.py), so a name that points at 127.0.0.1 is refused like
  127.0.0.1 is.
- `webhook_url_problem`: the checks a runbook's webhook URL gets when it is read.
"""

from __future__ import annotations

import ipaddress
from typing import Literal
from urllib.parse import urlsplit

from bot.messages import urls as say

AddressKind = Literal[
    "metadata", "loopback", "private", "link-local", "multicast", "reserved", "unspecified"
]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Instance and task metadata endpoints: AWS (IMDS over IPv4 and IPv6, ECS task metadata),
# Alibaba Cloud. GCP and Azure use 169.254.169.254 too.
METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200")
)
METADATA_NAMES = frozenset({"metadata.google.internal", "metadata"})
LOOPBACK_NAMES = frozenset({"localhost"})
NAT64 = ipaddress.ip_network("64:ff9b::/96")


def shown_url(url: str) -> str:
    """`url` with its password replaced by `***` and its query by `?…` (the fragment is
    dropped). Text that does not parse as a URL is shown as `<unparsable URL>`."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return say.UNPARSABLE
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{port}" if port is not None else "")
    if parts.username is not None or parts.password is not None:
        user = parts.username or ""
        netloc = (f"{user}:***@" if parts.password is not None else f"{user}@") + netloc
    shown = f"{parts.scheme}://{netloc}{parts.path}" if parts.scheme else url.split("?")[0]
    return shown + ("?…" if parts.query else "")


def address_kind(ip: IPAddress) -> AddressKind | None:
    """Why `ip` is not a public address (None when it is). An IPv6 address that carries an
    IPv4 one (mapped, 6to4, NAT64) is judged by the IPv4 address it carries."""
    if isinstance(ip, ipaddress.IPv6Address):
        carried = ip.ipv4_mapped or ip.sixtofour
        if carried is None and ip in NAT64:
            carried = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if carried is not None:
            return address_kind(carried)
    if ip in METADATA:
        return "metadata"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_multicast:
        return "multicast"
    if ip.is_private or (isinstance(ip, ipaddress.IPv4Address) and ip in _SHARED):
        return "private"
    if ip.is_reserved or not ip.is_global:
        return "reserved"
    return None


_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT: not global, not "private"


def address_refusal(ip: IPAddress, allow_private: bool) -> str | None:
    """Why a webhook may not be sent to `ip` (a sentence), or None when it may."""
    kind = address_kind(ip)
    if kind is None:
        return None
    if kind == "metadata":
        return say.metadata_address(str(ip))
    if allow_private:
        return None
    return say.private_address(str(ip), kind)


def webhook_url_problem(url: str, allow_private: bool) -> str | None:
    """What is wrong with a runbook's webhook URL (a sentence that never repeats its query),
    or None. https only; http only to a loopback host, and only with `allow_private_network`;
    no credentials in the URL; a literal address or a metadata name checked here."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError:
        return say.expected_url(shown_url(url))
    host = (parts.hostname or "").rstrip(".").lower()
    if parts.scheme not in ("https", "http") or not host or any(c.isspace() for c in url):
        return say.expected_url(shown_url(url))
    if "@" in parts.netloc:
        return say.url_with_credentials()
    ip = _literal(host)
    if host in METADATA_NAMES or (ip is not None and address_kind(ip) == "metadata"):
        return say.metadata_address(host)
    loopback = host in LOOPBACK_NAMES or (ip is not None and address_kind(ip) == "loopback")
    if parts.scheme == "http" and not loopback:
        return say.expected_https(shown_url(url))
    if loopback and not allow_private:
        return say.private_address(host, "loopback")
    if ip is not None:
        return address_refusal(ip, allow_private)
    return None


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None
