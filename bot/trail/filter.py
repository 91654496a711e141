"""Which CloudTrail records are changes, and who made them. Pure functions, no I/O.

`TrailFilter.drop_reason(record)` is the hot path: it runs once per record read, most records
are read-only noise, so the cheapest and most selective checks come first and nothing is
validated or copied until a record is known to be kept.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

Via = Literal["console", "cli", "sdk", "terraform", "cloudformation", "pulumi", "unknown"]

# Events of these services are recorded in us-east-1 and concern every region.
GLOBAL_SOURCES = frozenset(
    {
        "iam.amazonaws.com",
        "sts.amazonaws.com",
        "cloudfront.amazonaws.com",
        "route53.amazonaws.com",
        "route53domains.amazonaws.com",
        "organizations.amazonaws.com",
        "waf.amazonaws.com",
        "shield.amazonaws.com",
        "globalaccelerator.amazonaws.com",
        "signin.amazonaws.com",
        "account.amazonaws.com",
        "support.amazonaws.com",
        "health.amazonaws.com",
        "budgets.amazonaws.com",
        "ce.amazonaws.com",
        "trustedadvisor.amazonaws.com",
    }
)
GLOBAL_EVENTS_REGION = "us-east-1"

# Where `readOnly` is missing (older records), a call is a read when its verb says so.
READ_VERBS = (
    "Describe", "Get", "List", "Head", "Lookup", "Search", "Select", "Scan", "Query", "Check",
    "Validate", "Preview", "Estimate", "Simulate", "Test", "Download", "View", "BatchGet",
)  # fmt: skip

# Calls that write but change no configuration IaC manages: sessions, credentials, data-plane
# calls, job runs and agents. None means every call of that service.
OPERATIONAL: dict[str, frozenset[str] | None] = {
    "signin.amazonaws.com": None,
    "sts.amazonaws.com": None,
    "sso.amazonaws.com": None,
    "oidc.amazonaws.com": None,
    "ssmmessages.amazonaws.com": None,
    "ec2messages.amazonaws.com": None,
    "ec2-instance-connect.amazonaws.com": None,
    "ssm-guiconnect.amazonaws.com": None,
    "rdsdata.amazonaws.com": None,
    "ebs.amazonaws.com": None,
    "s3-outposts.amazonaws.com": None,
    "s3.amazonaws.com": frozenset(
        {"PutObject", "CopyObject", "DeleteObject", "DeleteObjects", "PutObjectAcl",
         "PutObjectTagging", "DeleteObjectTagging", "RestoreObject", "PutObjectRetention",
         "PutObjectLegalHold", "CreateMultipartUpload", "UploadPart", "UploadPartCopy",
         "CompleteMultipartUpload", "AbortMultipartUpload", "CreateSession"}
    ),
    "dynamodb.amazonaws.com": frozenset(
        {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems",
         "ExecuteStatement", "BatchExecuteStatement", "ExecuteTransaction"}
    ),
    "lambda.amazonaws.com": frozenset({"Invoke", "InvokeAsync", "InvokeWithResponseStream"}),
    "kms.amazonaws.com": frozenset(
        {"Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey", "GenerateDataKeyPair",
         "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPairWithoutPlaintext",
         "GenerateRandom", "GenerateMac", "Sign", "Verify", "VerifyMac", "DeriveSharedSecret"}
    ),
    "ssm.amazonaws.com": frozenset(
        {"SendCommand", "StartSession", "ResumeSession", "TerminateSession", "CancelCommand",
         "UpdateInstanceInformation", "PutInventory", "PutComplianceItems",
         "StartAutomationExecution", "StopAutomationExecution", "SendAutomationSignal",
         "StartAssociationsOnce", "UpdateInstanceAssociationStatus"}
    ),
    "states.amazonaws.com": frozenset(
        {"StartExecution", "StartSyncExecution", "StopExecution", "SendTaskSuccess",
         "SendTaskFailure", "SendTaskHeartbeat", "RedriveExecution"}
    ),
    "athena.amazonaws.com": frozenset({"StartQueryExecution", "StopQueryExecution"}),
    "logs.amazonaws.com": frozenset(
        {"CreateLogStream", "PutLogEvents", "CreateExportTask", "CancelExportTask",
         "StartQuery", "StopQuery", "StartLiveTail"}
    ),
    "rds.amazonaws.com": frozenset({"StartExportTask", "CancelExportTask"}),
    "ecr.amazonaws.com": frozenset(
        {"PutImage", "InitiateLayerUpload", "UploadLayerPart", "CompleteLayerUpload",
         "BatchDeleteImage"}
    ),
    "config.amazonaws.com": frozenset(
        {"PutEvaluations", "StartConfigRulesEvaluation", "DeliverConfigSnapshot"}
    ),
    "securityhub.amazonaws.com": frozenset(
        {"UpdateFindings", "BatchUpdateFindings", "BatchImportFindings"}
    ),
    "bedrock.amazonaws.com": frozenset(
        {"CreateModelCustomizationJob", "StopModelCustomizationJob", "InvokeModel",
         "CreateFoundationModelAgreement", "PutFoundationModelEntitlement",
         "PutUseCaseForModelAccess", "CreateModelInvocationJob", "CreateEvaluationJob"}
    ),
    "iam.amazonaws.com": frozenset({"ChangePassword"}),
    "acm.amazonaws.com": frozenset({"ResendValidationEmail"}),
    "cloudtrail.amazonaws.com": frozenset({"StartQuery", "CancelQuery"}),
    "ecs.amazonaws.com": frozenset(
        {"RunTask", "StartTask", "StopTask", "SubmitTaskStateChange",
         "SubmitContainerStateChange", "SubmitAttachmentStateChanges", "ExecuteCommand"}
    ),
    "codebuild.amazonaws.com": frozenset({"StartBuild", "StopBuild", "RetryBuild"}),
    "glue.amazonaws.com": frozenset({"StartJobRun", "StartCrawler", "StopCrawler"}),
    "cloudformation.amazonaws.com": frozenset(
        {"DetectStackDrift", "DetectStackResourceDrift", "SignalResource"}
    ),
}  # fmt: skip

DropReason = Literal[
    "malformed", "not_api_call", "data_event", "read_only", "failed", "operational",
    "outside_window", "other_account", "other_region", "aws_service", "iac_principal",
]  # fmt: skip

_FRACTION = re.compile(r"(\.\d{1,6})\d*")


def parse_event_time(record: Mapping[str, Any]) -> str | None:
    """`eventTime` as `YYYY-MM-DDTHH:MM:SSZ` (UTC), or None when it is missing or unreadable.

    Real logs use that form; exports and rule fixtures also carry `2022-09-15 13:45:24(.000…)`
    and Logstash's `@timestamp` in place of a missing `eventTime`.
    """
    raw = record.get("eventTime")
    if isinstance(raw, str) and len(raw) == 20 and raw[-1] == "Z" and raw[10] == "T":
        return raw
    if not isinstance(raw, str):
        raw = record.get("@timestamp")
        if not isinstance(raw, str):
            return None
    try:
        when = datetime.fromisoformat(_FRACTION.sub(r"\1", raw.strip()))
    except ValueError:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def format_time(when: datetime) -> str:
    """A datetime as CloudTrail writes times: `2026-11-24T05:12:09Z`."""
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _truthy(value: object) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _falsy(value: object) -> bool:
    return value is False or (isinstance(value, str) and value.lower() == "false")


def compile_principals(patterns: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for the IaC principals' ARN patterns (`*` wildcards), or None when empty."""
    parts = [fnmatch.translate(p) for p in patterns if p]
    return re.compile("|".join(parts)) if parts else None


@dataclass(frozen=True)
class TrailFilter:
    """Decides, per raw record, whether it is a change in scope of one environment.

    Attributes:
        start, end: the window, as `YYYY-MM-DDTHH:MM:SSZ` strings (compared as text).
        accounts: the environment's account ids, None for every account.
        regions: its regions, None for every region.
        iac_principals: compiled ARN patterns of the IaC pipeline's identities.
    """

    start: str
    end: str
    accounts: frozenset[str] | None = None
    regions: frozenset[str] | None = None
    iac_principals: re.Pattern[str] | None = None

    def drop_reason(self, record: Mapping[str, Any]) -> DropReason | None:  # noqa: C901
        """Why `record` is not a change of this environment, or None to keep it."""
        read_only = record.get("readOnly")
        if read_only is True:
            return "read_only"
        if record.get("errorCode"):
            return "failed"
        name, source = record.get("eventName"), record.get("eventSource")
        if not isinstance(name, str) or not isinstance(source, str):
            return "malformed"
        event_type = record.get("eventType")
        if event_type is not None and event_type != "AwsApiCall":
            return "not_api_call"
        if _falsy(record.get("managementEvent")) or record.get("eventCategory") == "Data":
            return "data_event"
        if read_only is None:
            if name.startswith(READ_VERBS):
                return "read_only"
        elif _truthy(read_only):
            return "read_only"
        ops = OPERATIONAL.get(source, frozenset())
        if ops is None or name in ops:
            return "operational"
        when = parse_event_time(record)
        if when is None:
            return "malformed"
        if when < self.start or when > self.end:
            return "outside_window"
        if self.accounts is not None and record_account(record) not in self.accounts:
            return "other_account"
        if (
            self.regions is not None
            and record.get("awsRegion") not in self.regions
            and source not in GLOBAL_SOURCES
        ):
            return "other_region"
        identity = record.get("userIdentity")
        identity = identity if isinstance(identity, dict) else {}
        kind = identity.get("type")
        if kind == "AWSService" or (kind is None and identity.get("invokedBy")):
            return "aws_service"
        if self.iac_principals is not None and _is_iac(identity, self.iac_principals):
            return "iac_principal"
        return None


def record_account(record: Mapping[str, Any]) -> str:
    """The account the call was made in: `recipientAccountId`, else the caller's account."""
    account = record.get("recipientAccountId")
    if isinstance(account, str) and account:
        return account
    identity = record.get("userIdentity")
    if isinstance(identity, dict) and isinstance(identity.get("accountId"), str):
        return str(identity["accountId"])
    return ""


def _is_iac(identity: Mapping[str, Any], patterns: re.Pattern[str]) -> bool:
    arns = [identity.get("arn")]
    context = identity.get("sessionContext")
    if isinstance(context, dict) and isinstance(context.get("sessionIssuer"), dict):
        arns.append(context["sessionIssuer"].get("arn"))
    return any(isinstance(a, str) and patterns.fullmatch(a) for a in arns)


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
    actor, role = _actor_and_role(identity)
    ip = record.get("sourceIPAddress")
    return Attribution(actor, role, _via(record, identity), ip if isinstance(ip, str) else "")


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _issuer_name(identity: Mapping[str, Any]) -> str:
    context = identity.get("sessionContext")
    if isinstance(context, dict) and isinstance(context.get("sessionIssuer"), dict):
        return _str(context["sessionIssuer"].get("userName"))
    return ""


def _actor_and_role(identity: Mapping[str, Any]) -> tuple[str, str | None]:
    kind = identity.get("type")
    arn = _str(identity.get("arn"))
    principal = _str(identity.get("principalId"))
    if kind == "Root":
        return "root", None
    if kind == "AssumedRole":
        role = _issuer_name(identity)
        parts = arn.split("/") if ":assumed-role/" in arn else []
        if not role and len(parts) >= 3:
            role = parts[1]
        session = parts[-1] if len(parts) >= 3 else principal.partition(":")[2]
        return session or _str(identity.get("userName")) or principal or "unknown", role or None
    if kind == "IAMUser":
        name = _str(identity.get("userName")) or arn.rpartition("/")[2]
        return name or principal or "unknown", None
    if kind == "FederatedUser":
        name = arn.rpartition("federated-user/")[2] if "federated-user/" in arn else ""
        return name or principal.partition(":")[2] or principal or "unknown", (
            _issuer_name(identity) or None
        )
    if kind == "IdentityCenterUser":
        behalf = identity.get("onBehalfOf")
        user = _str(behalf.get("userId")) if isinstance(behalf, dict) else ""
        return _str(identity.get("userName")) or user or "unknown", None
    if kind == "AWSAccount":
        return f"account {_str(identity.get('accountId')) or principal}".strip(), None
    return _str(identity.get("userName")) or arn or principal or "unknown", None


def _via(record: Mapping[str, Any], identity: Mapping[str, Any]) -> Via:
    agent = _str(record.get("userAgent"))
    low = agent.lower()
    if (
        identity.get("invokedBy") == "cloudformation.amazonaws.com"
        or "cloudformation.amazonaws.com" in low
        or record.get("sourceIPAddress") == "cloudformation.amazonaws.com"
    ):
        return "cloudformation"
    if "terraform/" in low or "terraform-provider-" in low:
        return "terraform"
    if "pulumi" in low:
        return "pulumi"
    if _from_console(record, low):
        return "console"
    if low.startswith(("aws-cli/", "[aws-cli/", "awspowershell", "aws-sdk-powershell")):
        return "cli"
    if agent and agent not in ("...", "[]"):
        return "sdk"
    return "unknown"


def _from_console(record: Mapping[str, Any], low: str) -> bool:
    detail = record.get("sessionCredentialFromConsole")
    if _truthy(detail):
        return True
    return (
        low.startswith(("console.", "[s3console", "s3console", "mozilla/", "signin."))
        or ".console.aws.amazon.com" in low
        or low == "aws internal"
    )
