"""Which CloudTrail records are changes of an environment. Pure functions, no I/O.

`TrailFilter.drop_reason(record)` is the hot path: it runs once per record read, most records
are read-only noise, so the cheapest and most selective checks come first and nothing is
validated or copied until a record is known to be kept.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, get_args

from bot.catalog.operational import is_operational
from bot.trail.fields import falsy, parse_event_time, record_account, truthy
from bot.trail.origin import origin


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _calls(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
READ_VERBS = _words("""
    Describe Get List Head Lookup Search Select Scan Query Check Validate Preview Estimate
    Simulate Test Download View BatchGet
""")

# Verbs no API uses for a write, whatever a record's `readOnly` says (some sample records of
# List calls say false).
ALWAYS_READ = ("Describe", "List")

# Calls that write but change no configuration IaC manages: sessions, credentials, data-plane
# calls, job runs and agents. None means every call of that service. Services with a catalog
# module list theirs there (`OPERATIONAL`, bot/catalog/operational.py), with the reason.
OPERATIONAL: dict[str, frozenset[str] | None] = {
    "signin.amazonaws.com": None,
    "sts.amazonaws.com": None,
    "oidc.amazonaws.com": None,
    "ssmmessages.amazonaws.com": None,
    "ec2messages.amazonaws.com": None,
    "ec2-instance-connect.amazonaws.com": None,
    "ssm-guiconnect.amazonaws.com": None,
    "rdsdata.amazonaws.com": None,
    "ebs.amazonaws.com": None,
    "s3-outposts.amazonaws.com": None,
    "s3.amazonaws.com": _calls("""
        PutObject CopyObject DeleteObject DeleteObjects PutObjectAcl PutObjectTagging
        DeleteObjectTagging RestoreObject PutObjectRetention PutObjectLegalHold
        CreateMultipartUpload UploadPart UploadPartCopy CompleteMultipartUpload
        AbortMultipartUpload CreateSession
    """),
    "dynamodb.amazonaws.com": _calls("""
        PutItem UpdateItem DeleteItem BatchWriteItem TransactWriteItems ExecuteStatement
        BatchExecuteStatement ExecuteTransaction
    """),
    "lambda.amazonaws.com": _calls("Invoke InvokeAsync InvokeWithResponseStream"),
    "kms.amazonaws.com": _calls("""
        Encrypt Decrypt ReEncrypt GenerateDataKey GenerateDataKeyPair
        GenerateDataKeyWithoutPlaintext GenerateDataKeyPairWithoutPlaintext GenerateRandom
        GenerateMac Sign Verify VerifyMac DeriveSharedSecret
    """),
    "ssm.amazonaws.com": _calls("""
        SendCommand StartSession ResumeSession TerminateSession CancelCommand
        UpdateInstanceInformation PutInventory PutComplianceItems StartAutomationExecution
        StopAutomationExecution SendAutomationSignal StartAssociationsOnce
        UpdateInstanceAssociationStatus
    """),
    "states.amazonaws.com": _calls("""
        StartExecution StartSyncExecution StopExecution SendTaskSuccess SendTaskFailure
        SendTaskHeartbeat RedriveExecution
    """),
    "athena.amazonaws.com": _calls("StartQueryExecution StopQueryExecution"),
    "logs.amazonaws.com": _calls("""
        CreateLogStream PutLogEvents CreateExportTask CancelExportTask StartQuery StopQuery
        StartLiveTail
    """),
    "rds.amazonaws.com": _calls("StartExportTask CancelExportTask"),
    "ecr.amazonaws.com": _calls("""
        PutImage InitiateLayerUpload UploadLayerPart CompleteLayerUpload BatchDeleteImage
    """),
    "config.amazonaws.com": _calls("""
        PutEvaluations StartConfigRulesEvaluation DeliverConfigSnapshot
    """),
    "securityhub.amazonaws.com": _calls("UpdateFindings BatchUpdateFindings BatchImportFindings"),
    "bedrock.amazonaws.com": _calls("""
        CreateModelCustomizationJob StopModelCustomizationJob InvokeModel
        CreateFoundationModelAgreement PutFoundationModelEntitlement PutUseCaseForModelAccess
        CreateModelInvocationJob CreateEvaluationJob
    """),
    "iam.amazonaws.com": _calls("ChangePassword"),
    "acm.amazonaws.com": _calls("ResendValidationEmail"),
    "cloudtrail.amazonaws.com": _calls("StartQuery CancelQuery"),
    "ecs.amazonaws.com": _calls("""
        RunTask StartTask StopTask SubmitTaskStateChange SubmitContainerStateChange
        SubmitAttachmentStateChanges ExecuteCommand
    """),
    "codebuild.amazonaws.com": _calls("StartBuild StopBuild RetryBuild"),
    "glue.amazonaws.com": _calls("StartJobRun StartCrawler StopCrawler"),
    "cloudformation.amazonaws.com": _calls("""
        DetectStackDrift DetectStackResourceDrift SignalResource
    """),
}

DropReason = Literal[
    "read_only",
    "failed",
    "aws_service",
    "iac_principal",
    "operational",
    "out_of_window",
    "out_of_scope",
    "not_api_call",
    "malformed",
    "duplicate",
]
# Every reason a record is not a change, in the order the report lists them: with the changes,
# their counts add up to the records read.
DROP_REASONS: tuple[DropReason, ...] = get_args(DropReason)


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
        """Why `record` is not a change of this environment, or None to keep it.

        `aws_service` and `iac_principal` come last: a record with either reason is otherwise
        a change in scope (`origin` says whose).
        """
        read_only = record.get("readOnly")
        first = early_reason(read_only, record.get("errorCode"))
        if first is not None:
            return first
        event_type = record.get("eventType")
        if event_type is not None and event_type != "AwsApiCall":
            return "not_api_call"
        name, source = record.get("eventName"), record.get("eventSource")
        if not isinstance(name, str) or not isinstance(source, str):
            return "malformed"
        if falsy(record.get("managementEvent")) or record.get("eventCategory") == "Data":
            return "operational"  # data events: object and item calls, invocations
        if read_only is None:
            if name.startswith(READ_VERBS):
                return "read_only"
        elif truthy(read_only) or name.startswith(ALWAYS_READ):
            return "read_only"
        ops = OPERATIONAL.get(source, frozenset())
        if ops is None or name in ops or is_operational(source, name):
            return "operational"
        when = parse_event_time(record)
        if when is None:
            return "malformed"
        if when < self.start or when > self.end:
            return "out_of_window"
        if self.accounts is not None and record_account(record) not in self.accounts:
            return "out_of_scope"
        if (
            self.regions is not None
            and record.get("awsRegion") not in self.regions
            and source not in GLOBAL_SOURCES
        ):
            return "out_of_scope"
        if malformed_body(record) is not None:
            return "malformed"
        found = origin(record)
        if found is not None:
            return "iac_principal" if found[0] == "cloudformation" else "aws_service"
        identity = record.get("userIdentity")
        patterns = self.iac_principals
        if patterns is not None and isinstance(identity, dict) and _is_iac(identity, patterns):
            return "iac_principal"
        return None


def early_reason(read_only: object, error_code: object) -> DropReason | None:
    """The filter's first two checks, on a record's `readOnly` and `errorCode` alone: a read,
    or a call that failed. They drop most of any trail, and need nothing else of the record,
    so the fast read path (bot/trail/quick.py) applies them before a record is built."""
    if read_only is True:
        return "read_only"
    if error_code:
        return "failed"
    return None


def malformed_body(record: Mapping[str, Any]) -> str | None:
    """Which of a change's parts is not what CloudTrail writes (`requestParameters` given as a
    string, a userIdentity that is not an object), or None when they are sound."""
    for key in ("requestParameters", "responseElements", "userIdentity"):
        value = record.get(key)
        if value is not None and not isinstance(value, dict):
            return key
    return None


def _is_iac(identity: Mapping[str, Any], patterns: re.Pattern[str]) -> bool:
    arns = [identity.get("arn")]
    context = identity.get("sessionContext")
    if isinstance(context, dict) and isinstance(context.get("sessionIssuer"), dict):
        arns.append(context["sessionIssuer"].get("arn"))
    return any(isinstance(a, str) and patterns.fullmatch(a) for a in arns)
