"""How an environment's IaC state is known to have changed without reading it: per state entry a
fingerprint that is cheap to get: a local file's modification time and size, an S3 object's
ETag and version (HeadObject; every workspace's object from ListObjectsV2), a CloudFormation
stack's `LastUpdatedTime` (DescribeStacks of the named stacks, ListStacks or DescribeStacks for a
prefix or tags). Two equal fingerprints mean the same state; the cache (cache.py) reloads when
they differ."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from bot.config.state import CloudFormationState, PulumiState, TerraformState
from bot.errors import AwsError
from bot.shell.aws.access import AwsAccess
from bot.shell.ports import SourceContext
from bot.shell.states.cloudformation import ACTIVE_STATUSES
from bot.shell.states.local import S3_REGION
from bot.shell.states.pulumi import stack_key
from bot.shell.states.terraform import split_s3_url

Fingerprint = tuple[Any, ...]
MISSING = frozenset({"NoSuchKey", "404", "NotFound"})


async def fingerprint(ctx: SourceContext, entries: Sequence[Any]) -> Fingerprint:
    """The fingerprint of every state entry of the environment, in order."""
    return tuple(await asyncio.gather(*(_one(ctx, entry) for entry in entries)))


async def _one(ctx: SourceContext, entry: Any) -> Fingerprint:
    if isinstance(entry, TerraformState):
        if not entry.terraform.startswith("s3://"):
            return _file(ctx, entry.terraform)
        bucket, key = split_s3_url(entry.terraform, ctx.env_name)
        if entry.workspaces is not None:
            return await _listing(ctx, bucket, key, entry.workspace_key_prefix.strip("/"))
        return await _object(ctx, bucket, [key], entry.version_id)
    if isinstance(entry, PulumiState):
        if not entry.pulumi.startswith("s3://"):
            return _file(ctx, entry.pulumi)
        bucket, key = stack_key(entry, ctx.env_name)
        return await _object(ctx, bucket, [key, key + ".gz"], None)
    if isinstance(entry, CloudFormationState):
        return await _stacks(ctx, entry)
    return ("unknown", id(entry))  # pragma: no cover - every kind is above


def _file(ctx: SourceContext, value: str) -> Fingerprint:
    path = ctx.resolve(value)
    try:
        stat = path.stat()
    except OSError as exc:
        return ("file", str(path), type(exc).__name__)
    return ("file", str(path), stat.st_mtime_ns, stat.st_size)


def _aws(ctx: SourceContext) -> AwsAccess:
    aws: AwsAccess = ctx.aws  # type: ignore[assignment]  # always set for an S3 or stack state
    return aws


def _region(ctx: SourceContext) -> str:
    regions = ctx.env.regions or []
    return str(regions[0]) if regions else S3_REGION


async def _object(
    ctx: SourceContext, bucket: str, keys: Sequence[str], version: str | None
) -> Fingerprint:
    """The ETag and version of the first of `keys` that exists (a missing one is a state too:
    the load will say what is missing)."""
    aws = _aws(ctx)
    for key in keys:
        params: dict[str, Any] = {"Bucket": bucket, "Key": key}
        if version:
            params["VersionId"] = version
        try:
            head = await aws.call(
                "s3",
                "HeadObject",
                region=_region(ctx),
                resource=f"s3://{bucket}/{key}",
                **params,
            )
        except AwsError as exc:
            if exc.code in MISSING:
                continue
            raise
        return ("s3", bucket, key, head.get("ETag"), head.get("VersionId"))
    return ("s3", bucket, tuple(keys), "missing")


async def _listing(ctx: SourceContext, bucket: str, key: str, prefix: str) -> Fingerprint:
    """Every workspace object's key and ETag, and the default workspace's object."""
    aws = _aws(ctx)
    start = f"{prefix}/" if prefix else ""
    found: list[tuple[str, str]] = []
    async for page in aws.pages(
        "s3",
        "ListObjectsV2",
        region=_region(ctx),
        resource=f"s3://{bucket}/{start}",
        token_in="ContinuationToken",  # noqa: S106 (a paging key, not a password)
        token_out="NextContinuationToken",  # noqa: S106
        Bucket=bucket,
        Prefix=start,
    ):
        found += [(str(i["Key"]), str(i.get("ETag"))) for i in page.get("Contents") or []]
    default = await _object(ctx, bucket, [key], None)
    return ("s3-workspaces", bucket, tuple(sorted(found)), default)


async def _stacks(ctx: SourceContext, entry: CloudFormationState) -> Fingerprint:
    """Each selected stack's id, status and last update, in every account and region."""
    aws = _aws(ctx)
    sel = entry.cloudformation
    regions = sel.regions or ctx.env.regions or []
    role, accounts = ctx.env.role_arn, ctx.env.account_id
    places = [
        (account, region)
        for account in (accounts if role and "{account_id}" in role and accounts else [""])
        for region in regions
    ]
    seen: list[tuple[str, str, str]] = []
    for account, region in places:
        if sel.tags or not sel.prefix:
            async for page in aws.pages(
                "cloudformation", "DescribeStacks", region=region, account=account
            ):
                seen += [_stamp(s) for s in page.get("Stacks") or [] if _selected(s, sel)]
        else:
            async for page in aws.pages(
                "cloudformation",
                "ListStacks",
                region=region,
                account=account,
                StackStatusFilter=list(ACTIVE_STATUSES),
            ):
                seen += [_stamp(s) for s in page.get("StackSummaries") or [] if _selected(s, sel)]
    return ("cloudformation", tuple(sorted(seen)))


def _selected(stack: dict[str, Any], sel: Any) -> bool:
    name = str(stack.get("StackName", ""))
    if name in sel.stacks:
        return True
    if not (sel.prefix or sel.tags):
        return False
    have = {t.get("Key"): t.get("Value") for t in stack.get("Tags") or []}
    return name.startswith(sel.prefix or "") and all(have.get(k) == v for k, v in sel.tags.items())


def _stamp(stack: dict[str, Any]) -> tuple[str, str, str]:
    when = stack.get("LastUpdatedTime") or stack.get("CreationTime") or ""
    return (str(stack.get("StackId")), str(stack.get("StackStatus")), str(when))
