"""Live readers: per canonical type, fetch a resource's current configuration from AWS.

A reader gathers what the type's projection needs (several calls for an S3 bucket) into one raw
dict and returns None when the resource does not exist: on the not-found error codes of its
calls (and for instances being terminated, keys pending deletion). Any other failure raises
AwsError. `bot/drift/live/` projects and compares. Calls run one after another, so each finding's
`api_calls` list comes out in the same order every time.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.errors import AwsError
from bot.registry import Registry
from bot.shell.aws.access import AwsAccess, CallLog

Reader = Callable[[AwsAccess, str, str, str, CallLog], Awaitable[dict[str, Any] | None]]

READERS: Registry[Reader] = Registry("live reader")

IAM_REGION = "us-east-1"  # IAM is global; its endpoint answers in us-east-1
GONE_STATES = frozenset({"shutting-down", "terminated"})
KEY_GONE_STATES = frozenset({"PendingDeletion", "PendingReplicaDeletion"})
TLS_PROTOCOLS = frozenset({"HTTPS", "TLS"})
MARKER = "Marker"  # IAM's and ELBv2's pagination parameter


class _Call:
    """One resource's calls: the same region, account, resource name and call log."""

    def __init__(
        self, aws: AwsAccess, resource: str, region: str, account: str, log: CallLog
    ) -> None:
        self.aws = aws
        self.resource = resource
        self.region = region
        self.account = account
        self.log = log

    async def __call__(
        self, service: str, operation: str, *, missing: frozenset[str] = frozenset(), **params: Any
    ) -> dict[str, Any] | None:
        """The call's answer, or None when AWS answers one of the `missing` codes."""
        try:
            return await self.aws.call(
                service,
                operation,
                region=self.region,
                account=self.account,
                resource=self.resource,
                log=self.log,
                **params,
            )
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
        async for page in self.aws.pages(
            service,
            operation,
            region=self.region,
            account=self.account,
            resource=self.resource,
            log=self.log,
            token_in=MARKER,
            token_out=token_out,
            **params,
        ):
            items += page.get(key) or []
        return items


def _gone(*codes: str) -> frozenset[str]:
    return frozenset(codes)


@READERS.register("AWS::EC2::SecurityGroup")
async def read_security_group(
    aws: AwsAccess, group_id: str, region: str, account: str, log: CallLog
) -> dict[str, Any] | None:
    call = _Call(aws, group_id, region, account, log)
    out = await call(
        "ec2", "DescribeSecurityGroups", missing=_gone("InvalidGroup.NotFound"), GroupIds=[group_id]
    )
    groups = (out or {}).get("SecurityGroups") or []
    return dict(groups[0]) if groups else None


NO_BUCKET = "NoSuchBucket"
S3_FACETS: tuple[tuple[str, str, frozenset[str]], ...] = (
    ("policy", "GetBucketPolicy", _gone("NoSuchBucketPolicy")),
    ("public_access_block", "GetPublicAccessBlock", _gone("NoSuchPublicAccessBlockConfiguration")),
    ("acl", "GetBucketAcl", frozenset()),
    ("versioning", "GetBucketVersioning", frozenset()),
    ("encryption", "GetBucketEncryption", _gone("ServerSideEncryptionConfigurationNotFoundError")),
    ("tags", "GetBucketTagging", _gone("NoSuchTagSet", "NoSuchTagSetError")),
)


@READERS.register("AWS::S3::Bucket")
async def read_s3_bucket(
    aws: AwsAccess, bucket: str, region: str, account: str, log: CallLog
) -> dict[str, Any] | None:
    call = _Call(aws, bucket, region, account, log)
    raw: dict[str, Any] = {"name": bucket}
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


@READERS.register("AWS::IAM::Role")
async def read_iam_role(
    aws: AwsAccess, name: str, region: str, account: str, log: CallLog
) -> dict[str, Any] | None:
    call = _Call(aws, name, region or IAM_REGION, account, log)
    got = await call("iam", "GetRole", missing=_gone("NoSuchEntity"), RoleName=name)
    if got is None:
        return None
    try:
        policies: dict[str, Any] = {}
        for policy in await call.pages("iam", "ListRolePolicies", "PolicyNames", RoleName=name):
            doc = await call(
                "iam",
                "GetRolePolicy",
                missing=_gone("NoSuchEntity"),
                RoleName=name,
                PolicyName=policy,
            )
            if doc is not None:  # deleted between the two calls
                policies[policy] = doc.get("PolicyDocument")
        attached = await call.pages(
            "iam", "ListAttachedRolePolicies", "AttachedPolicies", RoleName=name
        )
    except AwsError as exc:
        if exc.code == "NoSuchEntity":  # the role went away while being read
            return None
        raise
    return {
        "role": got.get("Role") or {},
        "inline_policies": policies,
        "attached_policy_arns": [p.get("PolicyArn") for p in attached],
    }


@READERS.register("AWS::RDS::DBInstance")
async def read_db_instance(
    aws: AwsAccess, identifier: str, region: str, account: str, log: CallLog
) -> dict[str, Any] | None:
    call = _Call(aws, identifier, region, account, log)
    out = await call(
        "rds",
        "DescribeDBInstances",
        missing=_gone("DBInstanceNotFound"),
        DBInstanceIdentifier=identifier,
    )
    found = (out or {}).get("DBInstances") or []
    return dict(found[0]) if found else None


@READERS.register("AWS::EC2::Instance")
async def read_ec2_instance(
    aws: AwsAccess, instance_id: str, region: str, account: str, log: CallLog
) -> dict[str, Any] | None:
    call = _Call(aws, instance_id, region, account, log)
    out = await call(
        "ec2",
        "DescribeInstances",
        missing=_gone("InvalidInstanceID.NotFound"),
        InstanceIds=[instance_id],
    )
    for reservation in (out or {}).get("Reservations") or []:
        for instance in reservation.get("Instances") or []:
            if (instance.get("State") or {}).get("Name") in GONE_STATES:
                return None
            return dict(instance)
    return None


@READERS.register("AWS::Lambda::Function")
async def read_lambda_function(
    aws: AwsAccess, name: str, region: str, account: str, log: CallLog
) -> dict[str, Any] | None:
    call = _Call(aws, name, region, account, log)
    out = await call(
        "lambda", "GetFunction", missing=_gone("ResourceNotFoundException"), FunctionName=name
    )
    if out is None:
        return None
    return {"Configuration": out.get("Configuration") or {}, "Tags": out.get("Tags") or {}}


@READERS.register("AWS::KMS::Key")
async def read_kms_key(
    aws: AwsAccess, key_id: str, region: str, account: str, log: CallLog
) -> dict[str, Any] | None:
    call = _Call(aws, key_id, region, account, log)
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


@READERS.register("AWS::ElasticLoadBalancingV2::Listener")
async def read_elbv2_listener(
    aws: AwsAccess, arn: str, region: str, account: str, log: CallLog
) -> dict[str, Any] | None:
    call = _Call(aws, arn, region, account, log)
    gone = _gone("ListenerNotFound")
    out = await call("elbv2", "DescribeListeners", missing=gone, ListenerArns=[arn])
    listeners = (out or {}).get("Listeners") or []
    if not listeners:
        return None
    listener = dict(listeners[0])
    certificates: list[Any] = []
    if str(listener.get("Protocol", "")).upper() in TLS_PROTOCOLS:
        try:
            certificates = await call.pages(
                "elbv2", "DescribeListenerCertificates", "Certificates",
                token_out="NextMarker", ListenerArn=arn,  # noqa: S106  (a parameter name)
            )  # fmt: skip
        except AwsError as exc:
            if exc.code in gone:  # the listener went away while being read
                return None
            raise
    return {"listener": listener, "certificates": certificates}
