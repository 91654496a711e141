"""`pulumi:` state entries: a `pulumi stack export` file on disk, or a stack in a self-managed
S3 backend: `s3://bucket[/path]` with `project` and `stack` reads
`[path/].pulumi/stacks/PROJECT/STACK.json` (without `project`, the older
`.pulumi/stacks/STACK.json`), or the object's full URL. Gzip-compressed stack files
(`STACK.json.gz`, written with PULUMI_SELF_MANAGED_STATE_GZIP) are read too."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.config.state import PulumiState
from bot.errors import AwsError, ConfigError, StateUnavailable
from bot.iac.index import ParsedState
from bot.iac.pulumi import parse_export
from bot.messages import state as say
from bot.shell.aws.access import AwsAccess, read_body
from bot.shell.ports import SourceContext
from bot.shell.states.local import S3_REGION, read_state_file
from bot.shell.states.registry import STATE_SOURCES

MISSING = ("NoSuchKey", "404", "NotFound")
# The calls an S3 stack makes, reading it and taking its fingerprint (bot/shell/aws/permissions.py).
S3_CALLS = (("s3", "GetObject"), ("s3", "HeadObject"))


class PulumiFileState:
    """A `pulumi stack export` file."""

    def __init__(self, ctx: SourceContext, entry: PulumiState) -> None:
        self.ctx = ctx
        self.entry = entry

    async def load(self) -> list[ParsedState]:
        path = self.ctx.resolve(self.entry.pulumi)
        data = await read_state_file(self.ctx, "pulumi", path)
        return [parse_export(data, str(path))]


class PulumiS3State:
    """A stack file in a self-managed S3 backend."""

    def __init__(self, ctx: SourceContext, entry: PulumiState, aws: AwsAccess) -> None:
        self.ctx = ctx
        self.aws = aws
        self.bucket, self.key = stack_key(entry, ctx.env_name)
        env_regions = ctx.env.regions or []
        self.region = env_regions[0] if env_regions else S3_REGION

    async def load(self) -> list[ParsedState]:
        url = f"s3://{self.bucket}/{self.key}"
        try:
            data = await asyncio.to_thread(self._get, self.key)
        except AwsError as exc:
            if exc.code not in MISSING or not self.key.endswith(".json"):
                raise self._unavailable(exc, url) from exc
            try:
                data = await asyncio.to_thread(self._get, self.key + ".gz")
            except AwsError as gz_exc:
                raise self._unavailable(gz_exc, url) from gz_exc
            url += ".gz"
        return [parse_export(data, url)]

    def _get(self, key: str) -> bytes:
        """GetObject and read its body, on this worker thread."""
        url = f"s3://{self.bucket}/{key}"
        answer = self.aws.call_sync(
            "s3", "GetObject", region=self.region, resource=url, Bucket=self.bucket, Key=key
        )
        return read_body(answer, "s3", "GetObject", url)

    def _unavailable(self, exc: AwsError, url: str) -> Exception:
        env = self.ctx.env_name
        if exc.code == "NoSuchBucket":
            return StateUnavailable(*say.pulumi_bucket_missing(self.bucket, url, env))
        if exc.code in MISSING:
            return StateUnavailable(*say.pulumi_stack_missing(url, env, self.bucket))
        return exc


def stack_key(entry: PulumiState, env_name: str) -> tuple[str, str]:
    """The bucket and key of the stack file an entry names."""
    bucket, _, path = entry.pulumi.removeprefix("s3://").partition("/")
    path = path.strip("/")
    if path.endswith((".json", ".json.gz")):
        return bucket, path
    if not entry.stack:
        raise ConfigError(*say.pulumi_no_stack(entry.pulumi, env_name))
    base = f"{path}/.pulumi/stacks" if path else ".pulumi/stacks"
    name = entry.stack.rsplit("/", 1)[-1]  # `organization/project/stack` names the stack last
    key = f"{base}/{entry.project}/{name}.json" if entry.project else f"{base}/{name}.json"
    return bucket, key


def pulumi_state(ctx: SourceContext, entry: Any) -> PulumiFileState | PulumiS3State:
    if not entry.pulumi.startswith("s3://"):
        return PulumiFileState(ctx, entry)
    if ctx.aws is None:  # pragma: no cover - a pulumi state always makes the environment use AWS
        raise ConfigError(*say.state_needs_aws(entry.pulumi))
    return PulumiS3State(ctx, entry, ctx.aws)


STATE_SOURCES.add("pulumi", pulumi_state)
