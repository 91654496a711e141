"""AWS::ElasticLoadBalancingV2::Listener: port, protocol, TLS policy, default certificate,
further certificates and default actions, from `aws_lb_listener` (or `aws_alb_listener`) and
`aws_lb_listener_certificate` against `DescribeListeners` and `DescribeListenerCertificates`.

Default actions are keyed by type (`default_actions.forward.target_groups`): a listener has at
most one action of each type. A forward to one target group reads the same whether written
with `target_group_arn` or a `forward` block (its weight then means nothing); redirects fill in
AWS's `#{…}` defaults; the TLS policy only counts for HTTPS and TLS listeners.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.drift.live.compare import LIVE_TYPES, Attrs, LiveType
from bot.drift.live.normalize import (
    UNMANAGED,
    attrs_of,
    block,
    blocks,
    flag,
    number,
    string_set,
    terraform_owners,
    text,
)
from bot.iac.index import DesiredResource

RESOURCE_TYPE = "AWS::ElasticLoadBalancingV2::Listener"
LISTENERS = ("aws_lb_listener", "aws_alb_listener")
CERTIFICATE = "aws_lb_listener_certificate"
TLS_PROTOCOLS = frozenset({"HTTPS", "TLS"})
REDIRECT_DEFAULTS = {
    "protocol": "#{protocol}",
    "port": "#{port}",
    "host": "#{host}",
    "path": "/#{path}",
    "query": "#{query}",
}
COGNITO = ("user_pool_arn", "user_pool_client_id", "user_pool_domain")
OIDC = ("issuer", "client_id", "authorization_endpoint", "token_endpoint", "user_info_endpoint")


def _camel(name: str) -> str:
    """`user_pool_arn` → `UserPoolArn`, AWS's spelling of Terraform's attribute."""
    return "".join(part.capitalize() for part in name.split("_"))


def _forward(groups: dict[str, int | None], enabled: bool, duration: object) -> dict[str, Any]:
    if len(groups) == 1:
        groups = dict.fromkeys(groups)
    return {
        "target_groups": dict(sorted(groups.items())),
        "stickiness": {"enabled": enabled, "duration": number(duration) if enabled else None},
    }


def _desired_action(action: Mapping[str, Any]) -> dict[str, Any]:
    kind = str(action.get("type"))
    if kind == "forward":
        forward = block(action.get("forward")) or {}
        groups = {
            str(g.get("arn")): number(g.get("weight"), 1)
            for g in blocks(forward.get("target_group"))
        }
        if not groups and text(action.get("target_group_arn")) is not None:
            groups = {str(action["target_group_arn"]): 1}
        sticky = block(forward.get("stickiness")) or {}
        return _forward(groups, flag(sticky.get("enabled")), sticky.get("duration"))
    if kind == "redirect":
        redirect = block(action.get("redirect")) or {}
        return {k: text(redirect.get(k)) or default for k, default in REDIRECT_DEFAULTS.items()} | {
            "status_code": text(redirect.get("status_code"))
        }
    if kind == "fixed-response":
        fixed = block(action.get("fixed_response")) or {}
        return {k: text(fixed.get(k)) for k in ("content_type", "message_body", "status_code")}
    names = {"authenticate-cognito": COGNITO, "authenticate-oidc": OIDC}.get(kind, ())
    config = block(action.get(kind.replace("-", "_"))) or {}
    return {k: text(config.get(k)) for k in names}


def _actual_action(action: Mapping[str, Any]) -> dict[str, Any]:
    kind = str(action.get("Type"))
    if kind == "forward":
        forward = action.get("ForwardConfig") or {}
        groups = {
            str(g.get("TargetGroupArn")): number(g.get("Weight"), 1)
            for g in blocks(forward.get("TargetGroups"))
        }
        if not groups and text(action.get("TargetGroupArn")) is not None:
            groups = {str(action["TargetGroupArn"]): 1}
        sticky = forward.get("TargetGroupStickinessConfig") or {}
        return _forward(groups, flag(sticky.get("Enabled")), sticky.get("DurationSeconds"))
    if kind == "redirect":
        redirect = action.get("RedirectConfig") or {}
        return {k: text(redirect.get(_camel(k))) or d for k, d in REDIRECT_DEFAULTS.items()} | {
            "status_code": text(redirect.get("StatusCode"))
        }
    if kind == "fixed-response":
        fixed = action.get("FixedResponseConfig") or {}
        return {
            k: text(fixed.get(_camel(k))) for k in ("content_type", "message_body", "status_code")
        }
    field = {
        "authenticate-cognito": "AuthenticateCognitoConfig",
        "authenticate-oidc": "AuthenticateOidcConfig",
    }.get(kind, "")
    names = {"authenticate-cognito": COGNITO, "authenticate-oidc": OIDC}.get(kind, ())
    config = action.get(field) or {}
    return {k: text(config.get(_camel(k))) for k in names}


def _tls_only(protocol: str | None, policy: object) -> str | None:
    return text(policy) if protocol in TLS_PROTOCOLS else None


def project_desired(owners: Sequence[DesiredResource]) -> Attrs | None:
    tf = terraform_owners(owners)
    listeners = attrs_of(tf, *LISTENERS)
    certificates = attrs_of(tf, CERTIFICATE)
    if not listeners and not certificates:
        return None
    extra = string_set(c.get("certificate_arn") for c in certificates)
    if not listeners:
        return dict.fromkeys(
            ("port", "protocol", "ssl_policy", "certificate_arn", "default_actions"), UNMANAGED
        ) | {"certificates": extra}
    listener = listeners[0]
    protocol = (text(listener.get("protocol")) or "").upper() or None
    default = text(listener.get("certificate_arn"))
    return {
        "port": number(listener.get("port")),
        "protocol": protocol,
        "ssl_policy": _tls_only(protocol, listener.get("ssl_policy")),
        "certificate_arn": default,
        "certificates": [c for c in extra if c != default],
        "default_actions": {
            str(a.get("type")): _desired_action(a) for a in blocks(listener.get("default_action"))
        },
    }


def project_actual(raw: Mapping[str, Any]) -> Attrs:
    """`raw`: `listener` (one Listeners item of DescribeListeners) and `certificates`
    (DescribeListenerCertificates' Certificates, for HTTPS and TLS listeners)."""
    listener = raw.get("listener") or {}
    protocol = (text(listener.get("Protocol")) or "").upper() or None
    listed = blocks(raw.get("certificates"))
    default = next(
        (text(c.get("CertificateArn")) for c in blocks(listener.get("Certificates"))), None
    )
    return {
        "port": number(listener.get("Port")),
        "protocol": protocol,
        "ssl_policy": _tls_only(protocol, listener.get("SslPolicy")),
        "certificate_arn": default,
        "certificates": string_set(
            c.get("CertificateArn")
            for c in listed
            if not c.get("IsDefault") and c.get("CertificateArn") != default
        ),
        "default_actions": {
            str(a.get("Type")): _actual_action(a) for a in blocks(listener.get("DefaultActions"))
        },
    }


IAC_TYPES = (*LISTENERS, CERTIFICATE)
LIVE_TYPES.add(RESOURCE_TYPE, LiveType(RESOURCE_TYPE, project_desired, project_actual, IAC_TYPES))
