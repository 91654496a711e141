"""`terraform:` state entries: a local state file, or `s3://bucket/key` as the S3 backend keeps
it (an object version with `version_id`; workspaces under `<workspace_key_prefix>/<name>/<key>`,
the S3 backend's `env:/NAME/KEY` by default, each read as a state of its own)."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.config.state import TerraformState
from bot.errors import AwsError, ConfigError, StateUnavailable
from bot.iac.index import ParsedState
from bot.iac.terraform import parse_state
from bot.messages import state as say
from bot.shell.aws.access import AwsAccess, read_body
from bot.shell.ports import SourceContext
from bot.shell.states.local import S3_REGION, read_state_file
from bot.shell.states.registry import STATE_SOURCES

DEFAULT_WORKSPACE = "default"
# The calls an S3 state makes, reading it and taking its fingerprint (bot/shell/aws/permissions.py).
S3_CALLS = (("s3", "GetObject"), ("s3", "HeadObject"), ("s3", "ListObjectsV2"))


class TerraformFileState:
    """A state file on disk."""

    def __init__(self, ctx: SourceContext, entry: TerraformState) -> None:
        self.ctx = ctx
        self.entry = entry

    async def load(self) -> list[ParsedState]:
        path = self.ctx.resolve(self.entry.terraform)
        data = await read_state_file(self.ctx, "terraform", path)
        return [parse_state(data, str(path))]


class TerraformS3State:
    """A state in the S3 backend: one object, or one per workspace."""

    def __init__(self, ctx: SourceContext, entry: TerraformState, aws: AwsAccess) -> None:
        self.ctx = ctx
        self.entry = entry
        self.aws = aws
        self.bucket, self.key = split_s3_url(entry.terraform, ctx.env_name)
        self.prefix = entry.workspace_key_prefix.strip("/")
        if entry.version_id and entry.workspaces is not None:
            raise ConfigError(*say.version_and_workspaces(entry.terraform, ctx.env_name))
        env_regions = ctx.env.regions or []
        self.region = env_regions[0] if env_regions else S3_REGION

    async def load(self) -> list[ParsedState]:
        if self.entry.workspaces is None:
            keys = [self.key]
        elif self.entry.workspaces == "*":
            keys = await self._workspace_keys()
        else:
            keys = [self._key_of(ws) for ws in self.entry.workspaces]
        return list(await asyncio.gather(*(self._read(key) for key in keys)))

    def _key_of(self, workspace: str) -> str:
        """Where the S3 backend keeps a workspace's state (`default` is the key itself)."""
        if workspace == DEFAULT_WORKSPACE:
            return self.key
        return f"{self.prefix}/{workspace}/{self.key}" if self.prefix else f"{workspace}/{self.key}"

    async def _workspace_keys(self) -> list[str]:
        """Every workspace's key: `<prefix>/<name>/<key>` objects, and the default workspace's
        key when it exists (as `terraform workspace list` shows them)."""
        start = f"{self.prefix}/" if self.prefix else ""
        found: list[str] = []
        try:
            async for page in self.aws.pages(
                "s3",
                "ListObjectsV2",
                region=self.region,
                resource=self._url(start),
                token_in="ContinuationToken",  # noqa: S106 (a paging key, not a password)
                token_out="NextContinuationToken",  # noqa: S106
                Bucket=self.bucket,
                Prefix=start,
            ):
                for item in page.get("Contents") or []:
                    key = str(item["Key"])
                    workspace, sep, rest = key[len(start) :].partition("/")
                    if sep and rest == self.key and workspace:
                        found.append(key)
        except AwsError as exc:
            raise self._unavailable(exc, self._url(start), start) from exc
        if await self._exists(self.key):
            found.insert(0, self.key)
        if not found:
            raise StateUnavailable(
                *say.no_workspace_states(self._url(start), self.ctx.env_name, self.key)
            )
        return found

    async def _exists(self, key: str) -> bool:
        try:
            await self.aws.call(
                "s3",
                "HeadObject",
                region=self.region,
                resource=self._url(key),
                Bucket=self.bucket,
                Key=key,
            )
        except AwsError as exc:
            if exc.code in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    async def _read(self, key: str) -> ParsedState:
        url = self._url(key)
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
        if self.entry.version_id:
            params["VersionId"] = self.entry.version_id
        try:
            data = await asyncio.to_thread(self._get, url, params)
        except AwsError as exc:
            raise self._unavailable(exc, url, key) from exc
        source = url if not self.entry.version_id else f"{url}?versionId={self.entry.version_id}"
        return parse_state(data, source)

    def _get(self, url: str, params: dict[str, Any]) -> bytes:
        """GetObject and read its body, on this worker thread."""
        answer = self.aws.call_sync("s3", "GetObject", region=self.region, resource=url, **params)
        return read_body(answer, "s3", "GetObject", url)

    def _unavailable(self, exc: AwsError, url: str, key: str) -> Exception:
        env = self.ctx.env_name
        if exc.code == "NoSuchBucket":
            return StateUnavailable(*say.terraform_bucket_missing(self.bucket, url, env))
        if exc.code in ("NoSuchKey", "404", "NotFound"):
            return StateUnavailable(
                *say.terraform_key_missing(
                    url, key != self.key, env, self.prefix, self.key, self.bucket
                )
            )
        if exc.code in ("NoSuchVersion", "InvalidArgument") and self.entry.version_id:
            return StateUnavailable(
                *say.terraform_version_missing(self.entry.version_id, url, env, self.bucket, key)
            )
        return exc

    def _url(self, key: str) -> str:
        return f"s3://{self.bucket}/{key}"


def split_s3_url(url: str, env_name: str) -> tuple[str, str]:
    """`s3://bucket/key/of/state` -> (bucket, key); ConfigError when there is no key."""
    bucket, _, key = url.removeprefix("s3://").partition("/")
    if not bucket or not key or key.endswith("/"):
        raise ConfigError(*say.no_state_object(url, env_name))
    return bucket, key


def terraform_state(ctx: SourceContext, entry: Any) -> TerraformFileState | TerraformS3State:
    if not entry.terraform.startswith("s3://"):
        if entry.workspaces is not None or entry.version_id:
            raise ConfigError(*say.local_state_with_workspaces(entry.terraform, ctx.env_name))
        return TerraformFileState(ctx, entry)
    if ctx.aws is None:  # pragma: no cover - an s3:// state always makes the environment use AWS
        raise ConfigError(*say.state_needs_aws(entry.terraform))
    return TerraformS3State(ctx, entry, ctx.aws)


STATE_SOURCES.add("terraform", terraform_state)
