"""Who made a change, as a person in the channel would name them: the actor, role, tool and
source IP of a CloudTrail record. Pure functions, no I/O.

The tool (`via`) comes from AGENTS, the user agents IaC tools and AWS's own clients send
(Terraform, OpenTofu, Pulumi, CDK, SAM, the CLI, the console), after what `origin` says
(a call CloudFormation made for a stack, or an AWS service's own call, whose actor is then the
service: `AWS Backup`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from bot.trail.fields import text, truthy
from bot.trail.origin import origin, role_and_session

Via = Literal[
    "console",
    "cli",
    "sdk",
    "terraform",
    "opentofu",
    "cloudformation",
    "cdk",
    "sam",
    "pulumi",
    "aws_service",
    "unknown",
]

# (lower-case user agent fragment, tool), first match wins: OpenTofu's agent also names the
# Terraform provider, CDK's and SAM's name the SDK they run on.
AGENTS: tuple[tuple[str, Via], ...] = (
    ("opentofu/", "opentofu"),
    ("terraform/", "terraform"),
    ("terraform-provider-", "terraform"),
    ("aws-cdk/", "cdk"),
    ("aws-cdk-lib/", "cdk"),
    ("cdk-toolkit", "cdk"),
    ("aws-sam-cli", "sam"),
    ("sam-cli/", "sam"),
    ("pulumi", "pulumi"),
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who made a change, as a person in the channel would name them."""

    actor: str
    role: str | None
    via: Via
    source_ip: str


def attribute(record: Mapping[str, Any]) -> Attribution:
    """The actor (session name, user name, `root`, federated user), role, tool and source IP."""
    identity = record.get("userIdentity")
    identity = identity if isinstance(identity, dict) else {}
    ip = text(record.get("sourceIPAddress"))
    found = origin(record)
    actor, role = _actor_and_role(identity)
    if found is not None and found[0] == "aws_service":
        return Attribution(
            found[1], role or role_and_session(identity)[0] or None, "aws_service", ip
        )
    via: Via = "cloudformation" if found is not None else _via(record)
    return Attribution(actor, role, via, ip)


def _issuer_name(identity: Mapping[str, Any]) -> str:
    context = identity.get("sessionContext")
    if isinstance(context, dict) and isinstance(context.get("sessionIssuer"), dict):
        return text(context["sessionIssuer"].get("userName"))
    return ""


def _actor_and_role(identity: Mapping[str, Any]) -> tuple[str, str | None]:
    kind = identity.get("type")
    arn = text(identity.get("arn"))
    principal = text(identity.get("principalId"))
    if kind == "Root":
        return "root", None
    if kind == "AssumedRole":
        role = _issuer_name(identity)
        parts = arn.split("/") if ":assumed-role/" in arn else []
        if not role and len(parts) >= 3:
            role = parts[1]
        session = parts[-1] if len(parts) >= 3 else principal.partition(":")[2]
        return session or text(identity.get("userName")) or principal or "unknown", role or None
    if kind == "IAMUser":
        name = text(identity.get("userName")) or arn.rpartition("/")[2]
        return name or principal or "unknown", None
    if kind == "FederatedUser":
        name = arn.rpartition("federated-user/")[2] if "federated-user/" in arn else ""
        return name or principal.partition(":")[2] or principal or "unknown", (
            _issuer_name(identity) or None
        )
    if kind == "IdentityCenterUser":
        behalf = identity.get("onBehalfOf")
        user = text(behalf.get("userId")) if isinstance(behalf, dict) else ""
        return text(identity.get("userName")) or user or "unknown", None
    if kind == "AWSAccount":
        return f"account {text(identity.get('accountId')) or principal}".strip(), None
    return text(identity.get("userName")) or arn or principal or "unknown", None


def _via(record: Mapping[str, Any]) -> Via:
    agent = text(record.get("userAgent"))
    low = agent.lower()
    if "cloudformation.amazonaws.com" in low:
        return "cloudformation"
    for fragment, via in AGENTS:
        if fragment in low:
            return via
    if _from_console(record, low):
        return "console"
    if low.startswith(("aws-cli/", "[aws-cli/", "awspowershell", "aws-sdk-powershell")):
        return "cli"
    if agent and agent not in ("...", "[]"):
        return "sdk"
    return "unknown"


def _from_console(record: Mapping[str, Any], low: str) -> bool:
    detail = record.get("sessionCredentialFromConsole")
    if truthy(detail):
        return True
    return (
        low.startswith(("console.", "[s3console", "s3console", "mozilla/", "signin."))
        or ".console.aws.amazon.com" in low
        or low == "aws internal"
    )
