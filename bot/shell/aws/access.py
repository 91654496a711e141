"""AWS access for one environment: sessions (assumed roles), clients, calls on a thread.

Every boto3 call of driftbot goes through `AwsAccess.call` / `AwsAccess.pages`, which
- run the blocking call on a worker thread (`asyncio.to_thread`),
- count it in the environment's call log (and a finding's, when given),
- translate botocore's errors into `AwsError`s whose message names the API call, the
  resource and the IAM action to grant (here, and nowhere else: `translate`,
  `translate_local`, `translate_unparsed` for an answer botocore cannot parse or a reset
  connection, and `read_body` for a streamed answer that breaks off).
Clients use botocore's adaptive retry mode and the environment's endpoint overrides.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

from bot import __version__
from bot.config.aws import AwsSettings
from bot.errors import AwsAccessDenied, AwsError, AwsThrottled
from bot.messages import aws as say

if TYPE_CHECKING:
    import boto3
    import botocore.exceptions

# boto3 and botocore are imported by what calls AWS, when it does: a check of local files never
# pays for them (tests/unit/entry/test_lazy_imports.py).

ACCESS_DENIED = frozenset(
    {
        "AccessDenied",
        "AccessDeniedException",
        "UnauthorizedOperation",
        "UnauthorizedAccess",
        "AuthorizationError",
        "Client.UnauthorizedOperation",
        "UnrecognizedClientException",
        "InvalidClientTokenId",
        "ExpiredToken",
        "ExpiredTokenException",
        "AuthFailure",
        "SignatureDoesNotMatch",
        "AccessDeniedFault",
        "AuthorizationErrorException",
    }
)
# Services whose caller paces every call with a token bucket and retries through it
# (LookupEvents: 2 calls a second per account and region). botocore's own retries would go
# around the bucket, so their clients make one attempt per call.
SELF_PACED = frozenset({"cloudtrail"})
THROTTLED = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "RequestLimitExceeded",
        "TooManyRequestsException",
        "SlowDown",
        "RequestThrottled",
        "RequestThrottledException",
        "ProvisionedThroughputExceeded",
    }
)
# IAM action names that differ from the API operation's name.
IAM_ACTIONS: dict[tuple[str, str], str] = {
    ("s3", "ListObjectsV2"): "s3:ListBucket",
    ("s3", "ListObjects"): "s3:ListBucket",
    ("s3", "HeadBucket"): "s3:ListBucket",
    ("s3", "HeadObject"): "s3:GetObject",
    ("s3", "GetPublicAccessBlock"): "s3:GetBucketPublicAccessBlock",
    ("s3", "GetBucketEncryption"): "s3:GetEncryptionConfiguration",
    ("s3", "GetBucketLifecycleConfiguration"): "s3:GetLifecycleConfiguration",
    ("sqs", "DeleteMessageBatch"): "sqs:DeleteMessage",
    ("sqs", "ChangeMessageVisibilityBatch"): "sqs:ChangeMessageVisibility",
    ("sqs", "SendMessageBatch"): "sqs:SendMessage",
}
# IAM action prefixes that differ from boto3's service name (Cloud Control's actions use
# CloudFormation's prefix: `cloudformation:GetResource`).
IAM_PREFIXES = {
    "monitoring": "cloudwatch",
    "email": "ses",
    "elbv2": "elasticloadbalancing",
    "cloudcontrol": "cloudformation",
}
SESSION_NAME = "driftbot"
# The local error code of a streamed answer (S3 GetObject's body) that broke off.
BODY_BROKE_OFF = "BodyBrokeOff"


def iam_action(service: str, operation: str) -> str:
    """The IAM action that allows an API call: `ec2:DescribeSecurityGroups`."""
    if (service, operation) in IAM_ACTIONS:
        return IAM_ACTIONS[(service, operation)]
    return f"{IAM_PREFIXES.get(service, service)}:{operation}"


@dataclass
class CallLog:
    """The AWS calls made, as IAM action names, in order."""

    calls: list[str] = field(default_factory=list)

    def add(self, action: str) -> None:
        self.calls.append(action)

    @property
    def counts(self) -> Counter[str]:
        return Counter(self.calls)

    def __len__(self) -> int:
        return len(self.calls)


SessionFactory = Callable[[], "boto3.Session"]


class AccessSettings(Protocol):
    """What AwsAccess reads of an environment (bot.config.drift.Environment), or of the
    realtime queue's settings: endpoints and retries, the role to assume and its external id."""

    @property
    def aws(self) -> AwsSettings: ...

    @property
    def role_arn(self) -> str | None: ...

    @property
    def external_id(self) -> str | None: ...


class AwsAccess:
    """Sessions and clients for one environment, built lazily and reused."""

    def __init__(
        self,
        env: AccessSettings,
        env_name: str,
        session_factory: SessionFactory | None = None,
    ) -> None:
        import boto3
        from botocore.config import Config

        self.env = env
        self.env_name = env_name
        self._session_factory = session_factory or boto3.Session
        self._sessions: dict[str, boto3.Session] = {}
        self._clients: dict[tuple[str, str, str], Any] = {}
        self._lock = threading.Lock()
        self.log = CallLog()
        self.config = Config(
            retries={"mode": "adaptive", "max_attempts": env.aws.max_attempts},
            user_agent_extra=f"driftbot/{__version__}",
            connect_timeout=10,
            read_timeout=60,
        )
        # One attempt per call: the caller spaces its calls and retries them itself.
        self.paced_config = self.config.merge(
            Config(retries={"mode": "standard", "total_max_attempts": 1})
        )

    # ---- sessions and clients ---------------------------------------------------------------

    def role_for(self, account: str) -> str | None:
        """The role to assume for `account` (`{account_id}` filled in), if any. A templated
        role with no account to fill in (a call not tied to one account) is not assumed."""
        role = self.env.role_arn
        if not role or ("{account_id}" in role and not account):
            return None
        return role.replace("{account_id}", account)

    def session(self, account: str = "") -> boto3.Session:
        with self._lock:
            if account not in self._sessions:
                self._sessions[account] = self._new_session(account)
            return self._sessions[account]

    def _new_session(self, account: str) -> boto3.Session:
        import boto3
        import botocore.exceptions
        from botocore.credentials import RefreshableCredentials
        from botocore.session import get_session

        base = self._session_factory()
        role = self.role_for(account)
        if role is None:
            return base
        sts = base.client("sts", endpoint_url=self.env.aws.endpoint_for("sts"), config=self.config)

        def fetch() -> dict[str, str]:
            params: dict[str, Any] = {"RoleArn": role, "RoleSessionName": SESSION_NAME}
            if self.env.external_id:
                params["ExternalId"] = self.env.external_id
            try:
                creds = sts.assume_role(**params)["Credentials"]
            except botocore.exceptions.ClientError as exc:
                raise translate(exc, "sts", "AssumeRole", role) from exc
            self.log.add("sts:AssumeRole")
            expiry: datetime | str = creds["Expiration"]
            if isinstance(expiry, datetime):
                expiry = expiry.astimezone(UTC).isoformat()
            return {
                "access_key": creds["AccessKeyId"],
                "secret_key": creds["SecretAccessKey"],
                "token": creds["SessionToken"],
                "expiry_time": str(expiry),
            }

        credentials = RefreshableCredentials.create_from_metadata(
            metadata=fetch(), refresh_using=fetch, method="sts-assume-role"
        )
        core = get_session()
        core._credentials = credentials  # type: ignore[attr-defined]  # botocore's documented way
        return boto3.Session(botocore_session=core, region_name=base.region_name)

    def client(self, service: str, region: str, account: str = "") -> Any:
        """A (cached, thread-safe) boto3 client for `service` in `region`."""
        key = (service, region, account)
        client = self._clients.get(key)
        if client is None:
            session = self.session(account)
            with self._lock:
                client = self._clients.get(key)
                if client is None:
                    client = session.client(
                        service,  # type: ignore[call-overload]
                        region_name=region,
                        endpoint_url=self.env.aws.endpoint_for(service),
                        config=self.paced_config if service in SELF_PACED else self.config,
                    )
                    client.meta.events.register("before-parse", refuse_web_page)
                    self._clients[key] = client
        return client

    # ---- calls ------------------------------------------------------------------------------

    async def call(
        self,
        service: str,
        operation: str,
        *,
        region: str,
        account: str = "",
        resource: str = "",
        log: CallLog | None = None,
        **params: Any,
    ) -> dict[str, Any]:
        """Make one API call (`operation` as AWS names it: `DescribeSecurityGroups`)."""
        return await asyncio.to_thread(
            self.call_sync,
            service,
            operation,
            region=region,
            account=account,
            resource=resource,
            log=log,
            **params,
        )

    def call_sync(
        self,
        service: str,
        operation: str,
        *,
        region: str,
        account: str = "",
        resource: str = "",
        log: CallLog | None = None,
        **params: Any,
    ) -> dict[str, Any]:
        """The blocking form of `call`, for code that already runs on a worker thread."""
        import botocore
        import botocore.exceptions

        action = iam_action(service, operation)
        try:
            client = self.client(service, region, account)
            method = getattr(client, botocore.xform_name(operation))
            self.log.add(action)
            if log is not None:
                log.add(action)
            result: dict[str, Any] = method(**params)
        except botocore.exceptions.ClientError as exc:
            raise translate(exc, service, operation, resource) from exc
        except botocore.exceptions.BotoCoreError as exc:
            raise translate_local(exc, service, operation, resource) from exc
        except AwsError:
            raise  # already translated (an assumed role's AssumeRole)
        except Exception as exc:
            # An answer botocore cannot parse (a proxy's HTML page: ResponseParserError, or a
            # KeyError from a parser that found no result element) or a connection that broke
            # below botocore's own errors: the call failed, not the check.
            raise translate_unparsed(exc, service, operation, resource) from exc
        return result

    async def pages(
        self,
        service: str,
        operation: str,
        *,
        region: str,
        account: str = "",
        resource: str = "",
        log: CallLog | None = None,
        token_in: str = "NextToken",  # noqa: S107  (a pagination parameter's name)
        token_out: str = "NextToken",  # noqa: S107
        **params: Any,
    ) -> AsyncIterator[dict[str, Any]]:
        """Every page of a paginated call, fetched one call at a time."""
        token: str | None = None
        while True:
            if token:
                params[token_in] = token
            page = await self.call(
                service,
                operation,
                region=region,
                account=account,
                resource=resource,
                log=log,
                **params,
            )
            yield page
            token = page.get(token_out)
            if not token:
                return


def translate(
    exc: botocore.exceptions.ClientError, service: str, operation: str, resource: str
) -> AwsError:
    """botocore's ClientError as an AwsError that says what to do."""
    error = exc.response.get("Error", {})
    code = str(error.get("Code", "Unknown"))
    detail = str(error.get("Message", "")).strip()
    action = iam_action(service, operation)
    target = f" for `{resource}`" if resource else ""
    if code in ACCESS_DENIED:
        return AwsAccessDenied(
            *say.access_denied(code, action, target, resource),
            code=code,
            operation=action,
            resource=resource,
            detail=detail,
        )
    if code in THROTTLED:
        return AwsThrottled(
            *say.throttled(action, target, code),
            code=code,
            operation=action,
            resource=resource,
            detail=detail,
            retryable=True,
        )
    status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode") or 0)
    return AwsError(
        *say.call_failed(action, target, code, detail),
        code=code,
        operation=action,
        resource=resource,
        detail=detail,
        retryable=status >= 500,
    )


def translate_local(
    exc: botocore.exceptions.BotoCoreError, service: str, operation: str, resource: str
) -> AwsError:
    """Errors raised before AWS answered: no credentials, no connection, bad parameters."""
    import botocore.exceptions

    action = iam_action(service, operation)
    detail = str(exc)
    if isinstance(exc, botocore.exceptions.NoCredentialsError):
        return AwsError(
            *say.no_credentials(action),
            code="NoCredentials",
            operation=action,
            resource=resource,
            detail=detail,
        )
    if isinstance(
        exc, botocore.exceptions.EndpointConnectionError | botocore.exceptions.ConnectTimeoutError
    ):
        return AwsError(
            *say.unreachable(action, detail),
            code="EndpointConnectionError",
            operation=action,
            resource=resource,
            detail=detail,
            retryable=True,
        )
    return AwsError(
        *say.failed_before_answer(action, detail),
        code=type(exc).__name__,
        operation=action,
        resource=resource,
        detail=detail,
    )


WEB_PAGE_STARTS = (b"<!doctype html", b"<html")


def refuse_web_page(response_dict: dict[str, Any], **_: Any) -> None:
    """Refuse a web page where AWS's answer should be (botocore's before-parse hook).

    A proxy or captive portal that answers an API call with an HTML page and status 200 would
    otherwise be parsed as an empty answer (`DescribeSecurityGroups` finding no group), and a
    deleted resource would be confirmed on nothing. AWS answers XML or JSON, never HTML."""
    import botocore.parsers

    body = response_dict.get("body")
    if isinstance(body, bytes | bytearray) and body[:64].lstrip().lower().startswith(
        WEB_PAGE_STARTS
    ):
        raise botocore.parsers.ResponseParserError(
            say.web_page_answer(response_dict.get("status_code"))
        )


def translate_unparsed(exc: Exception, service: str, operation: str, resource: str) -> AwsError:
    """An answer that is not AWS's (HTML from a proxy, a truncated body) or a connection the OS
    reset: an AwsError naming the call, retryable (the next check may get through)."""
    action = iam_action(service, operation)
    target = f" for `{resource}`" if resource else ""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return AwsError(
        *say.not_an_aws_answer(action, target, type(exc).__name__, detail),
        code=type(exc).__name__,
        operation=action,
        resource=resource,
        detail=detail,
        retryable=True,
    )


def read_body(answer: dict[str, Any], service: str, operation: str, resource: str) -> bytes:
    """The streamed body of `answer` (S3 GetObject's), read to its end and closed; an AwsError
    coded BODY_BROKE_OFF (retryable) when the stream breaks off, `detail` saying how."""
    import botocore.exceptions

    body = answer["Body"]
    try:
        return bytes(body.read())
    except (botocore.exceptions.BotoCoreError, OSError) as exc:
        action = iam_action(service, operation)
        target = f" for `{resource}`" if resource else ""
        raise AwsError(
            *say.body_broke_off(action, target, str(exc)),
            code=BODY_BROKE_OFF,
            operation=action,
            resource=resource,
            detail=str(exc),
            retryable=True,
        ) from exc
    finally:
        body.close()
