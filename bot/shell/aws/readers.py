"""Live readers: per canonical type, fetch a resource's current configuration from AWS.

A reader gathers what the type's projection needs (several calls for an S3 bucket) into one raw
dict and returns None when the resource does not exist: on the not-found error codes of its
calls (and for instances being terminated, keys pending deletion). Any other failure raises
AwsError. `bot/drift/live/` projects and compares, and names each type (`RESOURCE_TYPE`). Calls
run one after another, so each finding's `api_calls` list comes out in the same order every time.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bot.drift import live
from bot.errors import AwsError
from bot.registry import Registry
from bot.shell.aws.access import AwsAccess, CallLog

Raw = dict[str, Any]
Reader = Callable[[AwsAccess, str, str, str, CallLog], Awaitable[Raw | None]]

READERS: Registry[Reader] = Registry("live reader")
# The API calls (service, operation) each reader may make, for the IAM policy a state needs.
READER_CALLS: Registry[tuple[tuple[str, str], ...]] = Registry("live reader's calls")

IAM_REGION = "us-east-1"  # IAM is global; its endpoint answers in us-east-1
GONE_STATES = frozenset({"shutting-down", "terminated"})
KEY_GONE_STATES = frozenset({"PendingDeletion", "PendingReplicaDeletion"})
MARKER = "Marker"  # IAM's and ELBv2's pagination parameter


@dataclass(frozen=True)
class _Call:
    """One resource's calls: the same region, account, resource name and call log."""

    aws: AwsAccess
    resource: str
    region: str
    account: str
    log: CallLog

    def _scope(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "account": self.account,
            "resource": self.resource,
            "log": self.log,
        }

    async def __call__(
        self, service: str, operation: str, *, missing: frozenset[str] = frozenset(), **params: Any
    ) -> Raw | None:
        """The call's answer, or None when AWS answers one of the `missing` codes."""
        try:
            return await self.aws.call(service, operation, **self._scope(), **params)
        except AwsError as exc:
            if exc.code in missing:
                return None
            raise

    async def pages(
        self, service: str, operation: str, key: str, *, token_out: str = MARKER, **params: Any
    ) -> list[Any]:
        """Every item under `key` of a paginated call: `Marker` in, `token_out` back (`Marker`
        for IAM, `NextMarker` for ELBv2)."""
        items: list[Any] = []
        pages = self.aws.pages(
            service, operation, **self._scope(), token_in=MARKER, token_out=token_out, **params
        )
        async for page in pages:
            items += page.get(key) or []
        return items


Read = Callable[[_Call, str], Awaitable[Raw | None]]


def _reader(
    resource_type: str, service: str, *operations: str, default_region: str = ""
) -> Callable[[Read], Read]:
    """Register `read(call, resource_id)` as the reader of `resource_type`, which makes the
    `operations` of `service`: its calls go to the resource's region (else `default_region`)
    and account, and into the finding's log."""

    def register(read: Read) -> Read:
        async def reader(
            aws: AwsAccess, resource_id: str, region: str, account: str, log: CallLog
        ) -> Raw | None:
            call = _Call(aws, resource_id, region or default_region, account, log)
            return await read(call, resource_id)

        READERS.add(resource_type, reader)
        READER_CALLS.add(resource_type, tuple((service, op) for op in operations))
        return read

    return register


def _gone(*codes: str) -> frozenset[str]:
    return frozenset(codes)


def _first(answer: Raw | None, key: str) -> Raw | None:
    """The first item of the list under `key` of a Describe call's answer, or None."""
    items = (answer or {}).get(key) or []
    return dict(items[0]) if items else None


@_reader(live.security_group.RESOURCE_TYPE, "ec2", "DescribeSecurityGroups")
async def read_security_group(call: _Call, group_id: str) -> Raw | None:
    gone = _gone("InvalidGroup.NotFound")
    out = await call("ec2", "DescribeSecurityGroups", missing=gone, GroupIds=[group_id])
    return _first(out, "SecurityGroups")


NO_BUCKET = "NoSuchBucket"
S3_FACETS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("policy", "GetBucketPolicy", _gone("NoSuchBucketPolicy")),
    ("public_access_block", "GetPublicAccessBlock", _gone("NoSuchPublicAccessBlockConfiguration")),
    ("acl", "GetBucketAcl", frozenset()),
    ("versioning", "GetBucketVersioning", frozenset()),
    ("encryption", "GetBucketEncryption", _gone("ServerSideEncryptionConfigurationNotFoundError")),
    ("tags", "GetBucketTagging", _gone("NoSuchTagSet", "NoSuchTagSetError")),
)


@_reader(live.s3_bucket.RESOURCE_TYPE, "s3", *(operation for _, operation, _ in S3_FACETS))
async def read_s3_bucket(call: _Call, bucket: str) -> Raw | None:
    raw: Raw = {"name": bucket}
    try:
        for facet, operation, missing in S3_FACETS:
            raw[facet] = await call("s3", operation, missing=missing, Bucket=bucket)
    except AwsError as exc:
        if exc.code == NO_BUCKET:
            return None
        raise
    raw["policy"] = (raw["policy"] or {}).get("Policy")
    raw["public_access_block"] = (raw["public_access_block"] or {}).get(
        "PublicAccessBlockConfiguration"
    )
    raw["encryption"] = (raw["encryption"] or {}).get("ServerSideEncryptionConfiguration")
    raw["tags"] = (raw["tags"] or {}).get("TagSet") or []
    return raw


@_reader(
    live.iam_role.RESOURCE_TYPE,
    "iam",
    "GetRole",
    "ListRolePolicies",
    "GetRolePolicy",
    "ListAttachedRolePolicies",
    default_region=IAM_REGION,
)
async def read_iam_role(call: _Call, name: str) -> Raw | None:
    gone = _gone("NoSuchEntity")
    got = await call("iam", "GetRole", missing=gone, RoleName=name)
    if got is None:
        return None
    try:
        policies: Raw = {}
        for policy in await call.pages("iam", "ListRolePolicies", "PolicyNames", RoleName=name):
            doc = await call("iam", "GetRolePolicy", missing=gone, RoleName=name, PolicyName=policy)
            if doc is not None:  # deleted between the two calls
                policies[policy] = doc.get("PolicyDocument")
        attached = await call.pages(
            "iam", "ListAttachedRolePolicies", "AttachedPolicies", RoleName=name
        )
    except AwsError as exc:
        if exc.code in gone:  # the role went away while being read
            return None
        raise
    return {
        "role": got.get("Role") or {},
        "inline_policies": policies,
        "attached_policy_arns": [p.get("PolicyArn") for p in attached],
    }


@_reader(live.rds_instance.RESOURCE_TYPE, "rds", "DescribeDBInstances")
async def read_db_instance(call: _Call, identifier: str) -> Raw | None:
    gone = _gone("DBInstanceNotFound")
    out = await call("rds", "DescribeDBInstances", missing=gone, DBInstanceIdentifier=identifier)
    return _first(out, "DBInstances")


@_reader(live.ec2_instance.RESOURCE_TYPE, "ec2", "DescribeInstances")
async def read_ec2_instance(call: _Call, instance_id: str) -> Raw | None:
    gone = _gone("InvalidInstanceID.NotFound")
    out = await call("ec2", "DescribeInstances", missing=gone, InstanceIds=[instance_id])
    for reservation in (out or {}).get("Reservations") or []:
        for instance in reservation.get("Instances") or []:
            if (instance.get("State") or {}).get("Name") in GONE_STATES:
                return None
            return dict(instance)
    return None


@_reader(live.lambda_function.RESOURCE_TYPE, "lambda", "GetFunction")
async def read_lambda_function(call: _Call, name: str) -> Raw | None:
    gone = _gone("ResourceNotFoundException")
    out = await call("lambda", "GetFunction", missing=gone, FunctionName=name)
    if out is None:
        return None
    return {"Configuration": out.get("Configuration") or {}, "Tags": out.get("Tags") or {}}


@_reader(
    live.kms_key.RESOURCE_TYPE,
    "kms",
    "DescribeKey",
    "GetKeyPolicy",
    "GetKeyRotationStatus",
    "ListResourceTags",
)
async def read_kms_key(call: _Call, key_id: str) -> Raw | None:
    gone = _gone("NotFoundException")
    described = await call("kms", "DescribeKey", missing=gone, KeyId=key_id)
    meta = (described or {}).get("KeyMetadata") or {}
    if not meta or meta.get("KeyState") in KEY_GONE_STATES:
        return None
    policy = await call("kms", "GetKeyPolicy", missing=gone, KeyId=key_id, PolicyName="default")
    rotation = None
    if (
        meta.get("KeySpec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
        and meta.get("Origin", "AWS_KMS") == "AWS_KMS"
    ):
        rotation = await call("kms", "GetKeyRotationStatus", missing=gone, KeyId=key_id)
    tags = await call("kms", "ListResourceTags", missing=gone, KeyId=key_id)
    return {
        "metadata": meta,
        "policy": (policy or {}).get("Policy"),
        "rotation_enabled": bool((rotation or {}).get("KeyRotationEnabled")),
        "tags": (tags or {}).get("Tags") or [],
    }


@_reader(
    live.elbv2_listener.RESOURCE_TYPE,
    "elbv2",
    "DescribeListeners",
    "DescribeListenerCertificates",
)
async def read_elbv2_listener(call: _Call, arn: str) -> Raw | None:
    gone = _gone("ListenerNotFound")
    listener = _first(
        await call("elbv2", "DescribeListeners", missing=gone, ListenerArns=[arn]), "Listeners"
    )
    if listener is None:
        return None
    certificates: list[Any] = []
    if str(listener.get("Protocol", "")).upper() in live.elbv2_listener.TLS_PROTOCOLS:
        try:
            certificates = await call.pages(
                "elbv2",
                "DescribeListenerCertificates",
                "Certificates",
                token_out="NextMarker",  # noqa: S106  (a parameter name)
                ListenerArn=arn,
            )
        except AwsError as exc:
            if exc.code in gone:  # the listener went away while being read
                return None
            raise
    return {"listener": listener, "certificates": certificates}
