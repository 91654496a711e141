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
from bot.shell.aws.access import AwsAccess
from bot.shell.ports import SourceContext
from bot.shell.states.registry import STATE_SOURCES

S3_REGION = "us-east-1"  # where S3 calls start; botocore follows a bucket's region redirect
MISSING = ("NoSuchKey", "404", "NotFound")


class PulumiFileState:
    """A `pulumi stack export` file."""

    def __init__(self, ctx: SourceContext, entry: PulumiState) -> None:
        self.ctx = ctx
        self.entry = entry

    async def load(self) -> list[ParsedState]:
        path = self.ctx.resolve(self.entry.pulumi)
        try:
            data = await asyncio.to_thread(path.read_bytes)
        except FileNotFoundError as exc:
            raise StateUnavailable(
                f"The Pulumi stack export `{path}` (environment `{self.ctx.env_name}`) does not "
                "exist.",
                "Fix the path (relative paths start at the config file's folder), or write the "
                "file with `pulumi stack export --stack STACK --file FILE`.",
            ) from exc
        except OSError as exc:
            raise StateUnavailable(
                f"I couldn't read the Pulumi stack export `{path}`: {exc.strerror or exc}.",
                "Check the file's permissions.",
            ) from exc
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
        answer = self.aws.call_sync(
            "s3", "GetObject", region=self.region, resource=f"s3://{self.bucket}/{key}",
            Bucket=self.bucket, Key=key,
        )  # fmt: skip
        body = answer["Body"]
        try:
            return bytes(body.read())
        finally:
            body.close()

    def _unavailable(self, exc: AwsError, url: str) -> Exception:
        env = self.ctx.env_name
        if exc.code == "NoSuchBucket":
            return StateUnavailable(
                f"The S3 bucket `{self.bucket}` of the Pulumi stack `{url}` (environment "
                f"`{env}`) does not exist.",
                "Fix the bucket in `state: - pulumi:` (the backend URL `pulumi login` used).",
            )
        if exc.code in MISSING:
            return StateUnavailable(
                f"There is no Pulumi stack at `{url}` (environment `{env}`).",
                "Check `project` and `stack` (`pulumi stack ls` with the same backend lists "
                f"them); `aws s3 ls s3://{self.bucket}/ --recursive | grep .pulumi/stacks` shows "
                "the stack files.",
            )
        return exc


def stack_key(entry: PulumiState, env_name: str) -> tuple[str, str]:
    """The bucket and key of the stack file an entry names."""
    bucket, _, path = entry.pulumi.removeprefix("s3://").partition("/")
    path = path.strip("/")
    if path.endswith((".json", ".json.gz")):
        return bucket, path
    if not entry.stack:
        raise ConfigError(
            f"The Pulumi backend `{entry.pulumi}` (environment `{env_name}`) names no stack.",
            "Add `stack: NAME` and `project: NAME` to the entry, or write the stack file's full "
            "URL (s3://bucket/.pulumi/stacks/PROJECT/STACK.json).",
        )
    base = f"{path}/.pulumi/stacks" if path else ".pulumi/stacks"
    name = entry.stack.rsplit("/", 1)[-1]  # `organization/project/stack` names the stack last
    key = f"{base}/{entry.project}/{name}.json" if entry.project else f"{base}/{name}.json"
    return bucket, key


def pulumi_state(ctx: SourceContext, entry: Any) -> PulumiFileState | PulumiS3State:
    if not entry.pulumi.startswith("s3://"):
        return PulumiFileState(ctx, entry)
    if ctx.aws is None:  # pragma: no cover - a pulumi state always makes the environment use AWS
        raise ConfigError(f"`{entry.pulumi}` needs AWS access, and none is set up.")
    return PulumiS3State(ctx, entry, ctx.aws)


STATE_SOURCES.add("pulumi", pulumi_state)
