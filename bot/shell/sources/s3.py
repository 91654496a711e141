"""`source: s3`: the trail's log objects read straight from its bucket.

Only the day prefixes of the window (and a day of delivery slack) are listed, for each account
and region of the environment and us-east-1 (global services), under
`[PREFIX/]AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/`. Objects whose delivery time
(in their name) is outside the window are not fetched. At most `max_concurrency` objects are
fetched and parsed at once (on worker threads); each object's records are one batch, so memory
stays bounded by a few objects. A corrupt object is reported and skipped.

With `account_id: "*"` (or `regions: "*"`) the accounts (regions) are found by listing the
prefix one level down.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import date, timedelta
from typing import Any

from bot.config.cloudtrail import S3Trail
from bot.errors import AwsError, ConfigError, MalformedInput
from bot.messages import aws as say_aws
from bot.messages import sources as say
from bot.shell.aws.access import BODY_BROKE_OFF, CallLog, read_body
from bot.shell.ports import Problem, Records, SourceContext, SourceReport
from bot.shell.sources.files import note_file
from bot.shell.sources.registry import TRAIL_SOURCES
from bot.trail.filter import GLOBAL_EVENTS_REGION
from bot.trail.paths import (
    DELIVERY_SLACK,
    PathScope,
    is_not_a_log,
    log_prefix,
    parse_log_path,
)
from bot.trail.payload import FileRecords, read_file

GONE = frozenset({"NoSuchKey", "404"})


def window_days(scope: PathScope) -> list[date]:
    """The day folders that can hold the window's records (delivery can be a day late)."""
    first, last = scope.start.date(), (scope.end + DELIVERY_SLACK).date()
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


class S3Source:
    """Streams the records of every log object of the window, an object at a time."""

    def __init__(self, ctx: SourceContext) -> None:
        self.ctx = ctx
        self.trail: S3Trail = ctx.env.cloudtrail
        if ctx.aws is None:
            raise ConfigError(*say_aws.no_aws_access(ctx.env_name, "S3"))
        self.aws = ctx.aws
        regions = ctx.env.regions or [GLOBAL_EVENTS_REGION]
        self.region = self.trail.region or regions[0]
        self.account = (ctx.env.account_id or [""])[0]
        self.root = log_prefix(self.trail.prefix, self.trail.organization_id)
        self.log = CallLog()
        self.limit = int(self.trail.max_file_size)
        self.sizes: dict[str, int] = {}
        self.report = SourceReport("s3")

    def _url(self, key: str) -> str:
        return f"s3://{self.trail.bucket}/{key}"

    async def batches(self, scope: PathScope) -> AsyncIterator[Records]:
        keys = await self._keys(scope)
        limit = self.trail.max_concurrency
        pending: set[asyncio.Task[tuple[str, FileRecords | None, str]]] = set()
        queued = iter(keys)
        try:
            while True:
                while len(pending) < limit:
                    key = next(queued, None)
                    if key is None:
                        break
                    pending.add(asyncio.create_task(asyncio.to_thread(self._fetch, key)))
                if not pending:
                    return
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                for task in sorted(done, key=lambda t: t.result()[0]):
                    key, found, problem = task.result()
                    self.report.api_calls = len(self.log)
                    if found is None:
                        self.report.problems.append(Problem(self._url(key), problem))
                        continue
                    self.report.objects += 1
                    note_file(self.report, self._url(key), found)
                    yield found.records
        finally:
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            self.report.api_calls = len(self.log)

    def _fetch(self, key: str) -> tuple[str, FileRecords | None, str]:
        """One object's records (on a worker thread), or None and why it was skipped."""
        try:
            answer = self.aws.call_sync(
                "s3",
                "GetObject",
                region=self.region,
                account=self.account,
                resource=self._url(key),
                log=self.log,
                Bucket=self.trail.bucket,
                Key=key,
            )
            data = read_body(answer, "s3", "GetObject", self._url(key))
            return key, read_file(data, self.limit), ""
        except MalformedInput as exc:
            return key, None, exc.user_message
        except AwsError as exc:
            if exc.code == BODY_BROKE_OFF:
                return key, None, say.object_broke_off(exc.detail)
            if exc.code in GONE:
                return key, None, say.object_gone()
            raise

    async def _keys(self, scope: PathScope) -> list[str]:
        """Every log object key of the window, in order; out-of-window objects left out."""
        accounts = sorted(scope.accounts) if scope.accounts is not None else None
        if accounts is None:
            accounts = [a for a in await self._children(self.root) if a.isdigit()]
        prefixes = []
        days = window_days(scope)
        for account in accounts:
            base = f"{self.root}{account}/CloudTrail/"
            if scope.regions is not None:
                regions = sorted({*scope.regions, GLOBAL_EVENTS_REGION})
            else:
                regions = await self._children(base)
            prefixes += [f"{base}{r}/{d:%Y/%m/%d}/" for r in regions for d in days]
        gate = asyncio.Semaphore(self.trail.max_concurrency)

        async def listed(prefix: str) -> list[str]:
            async with gate:
                return await self._list(prefix)

        found = await asyncio.gather(*(listed(p) for p in prefixes))
        keys = []
        for key in (k for ks in found for k in ks):
            if is_not_a_log(key) or not scope.allows(parse_log_path(key)):
                continue
            size = self.sizes.get(key, 0)
            if size > self.limit:  # not fetched: it could not be held anyway
                self.report.problems.append(
                    Problem(self._url(key), say.too_large(size, self.limit))
                )
                continue
            keys.append(key)
        return keys

    async def _list(self, prefix: str, delimiter: str | None = None) -> list[str]:
        params: dict[str, Any] = {"Bucket": self.trail.bucket, "Prefix": prefix}
        if delimiter:
            params["Delimiter"] = delimiter
        out: list[str] = []
        async for page in self.aws.pages(
            "s3",
            "ListObjectsV2",
            region=self.region,
            account=self.account,
            resource=self._url(prefix),
            log=self.log,
            token_in="ContinuationToken",  # noqa: S106  (a pagination parameter's name)
            token_out="NextContinuationToken",  # noqa: S106
            **params,
        ):
            if delimiter:
                out += [p["Prefix"] for p in page.get("CommonPrefixes", [])]
            else:
                for found in page.get("Contents", []):
                    out.append(found["Key"])
                    if isinstance(found.get("Size"), int):
                        self.sizes[found["Key"]] = found["Size"]
        self.report.api_calls = len(self.log)
        return out

    async def _children(self, prefix: str) -> list[str]:
        """The names one level below `prefix` (accounts under AWSLogs/, regions under
        CloudTrail/)."""
        found = await self._list(prefix, delimiter="/")
        return sorted(p[len(prefix) :].strip("/") for p in found)


TRAIL_SOURCES.add("s3", S3Source)
