"""`source: lookup_events`: management events from CloudTrail's event history API.

LookupEvents answers for one account and one region, takes one lookup attribute per call (we
ask for `ReadOnly=false`), gives at most 50 events a page, and allows 2 calls a second per
account and region. Every (account, region) is read in parallel, each behind its own token
bucket that every attempt, retries included, goes through: botocore makes one attempt per call
(aws.SELF_PACED) and throttling, server errors and lost connections are retried here with
backoff. Global services' events (IAM, STS,
CloudFront, …) are recorded in us-east-1, so it is read too; the Detector keeps only what is
in scope.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from typing import Any

from bot.errors import AwsError, ConfigError
from bot.messages import aws as say_aws
from bot.messages import sources as say
from bot.shell.ports import Records, SourceContext, SourceReport
from bot.shell.sources.rate_limit import Clock, SlidingWindow
from bot.shell.sources.registry import TRAIL_SOURCES
from bot.trail.filter import GLOBAL_EVENTS_REGION
from bot.trail.paths import PathScope
from bot.trail.payload import extract_records

Sleep = Callable[[float], Awaitable[None]]
PAGE_SIZE = 50
RETRIES = 8  # botocore does not retry LookupEvents (aws.SELF_PACED): we do, through the bucket
BACKOFF_FIRST = 1.0
BACKOFF_LONGEST = 30.0
_DONE = object()


def backoff(attempt: int, rng: random.Random | None = None) -> float:
    """Seconds to wait after the `attempt`-th throttling answer (0-based): exponential, capped,
    with up to 25% jitter so parallel readers spread out."""
    base = min(BACKOFF_LONGEST, BACKOFF_FIRST * 2.0**attempt)
    jitter = rng.random() if rng is not None else random.random()  # noqa: S311  (not crypto)
    return base * (1 + 0.25 * jitter)


class LookupEventsSource:
    """Pages of LookupEvents records for every account and region of the environment."""

    def __init__(
        self,
        ctx: SourceContext,
        *,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.ctx = ctx
        if ctx.env.account_id is None:
            raise ConfigError(*say.lookup_events_every_account(ctx.env_name))
        if ctx.aws is None:
            raise ConfigError(*say_aws.no_aws_access(ctx.env_name, "LookupEvents"))
        self.aws = ctx.aws
        self.rate: float = ctx.env.cloudtrail.max_calls_per_second
        self.clock = clock
        self.sleep = sleep
        self.report = SourceReport("lookup_events")

    async def batches(self, scope: PathScope) -> AsyncIterator[Records]:
        targets = [  # one reader, and so one token bucket, per (account, region)
            (account, region)
            for account in dict.fromkeys(self.ctx.env.account_id)
            for region in await self._regions(account)
        ]
        queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=2 * len(targets))
        tasks = [
            asyncio.create_task(self._produce(self._read(a, r, scope, queue), queue))
            for a, r in targets
        ]
        running = len(tasks)
        try:
            while running:
                item = await queue.get()
                if item is _DONE:
                    running -= 1
                elif isinstance(item, BaseException):
                    raise item
                else:
                    yield item
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _regions(self, account: str) -> list[str]:
        """The environment's regions and us-east-1; for `regions: "*"` the account's enabled
        regions (ec2:DescribeRegions)."""
        regions = self.ctx.env.regions
        if regions is None:
            answer = await self.aws.call(
                "ec2",
                "DescribeRegions",
                region=GLOBAL_EVENTS_REGION,
                account=account,
                resource=f"account {account}",
                Filters=[{"Name": "opt-in-status", "Values": ["opt-in-not-required", "opted-in"]}],
            )
            regions = [r["RegionName"] for r in answer.get("Regions", [])]
        return sorted({*regions, GLOBAL_EVENTS_REGION})

    @staticmethod
    async def _produce(work: Coroutine[Any, Any, None], queue: asyncio.Queue[Any]) -> None:
        try:
            await work
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # handed to the consumer, which raises it
            await queue.put(exc)
            return
        await queue.put(_DONE)

    async def _read(
        self, account: str, region: str, scope: PathScope, queue: asyncio.Queue[Any]
    ) -> None:
        params: dict[str, Any] = {
            "LookupAttributes": [{"AttributeKey": "ReadOnly", "AttributeValue": "false"}],
            "StartTime": scope.start,
            "EndTime": scope.end,
            "MaxResults": PAGE_SIZE,
        }
        bucket = SlidingWindow(self.rate, clock=self.clock)  # this reader's limit
        while True:
            page = await self._call(account, region, bucket, params)
            records = extract_records({"Events": page.get("Events") or []})
            if records:
                await queue.put(records)
            token = page.get("NextToken")
            if not token:
                return
            params["NextToken"] = token

    async def _call(
        self, account: str, region: str, bucket: SlidingWindow, params: dict[str, Any]
    ) -> dict[str, Any]:
        """One LookupEvents call in its (account, region) slot; throttling, server errors and
        lost connections are retried with backoff, each attempt taking a token."""
        attempt = 0
        while True:
            wait = bucket.reserve()
            if wait > 0:
                await self.sleep(wait)
            self.report.api_calls += 1
            try:
                page: dict[str, Any] = await self.aws.call(
                    "cloudtrail",
                    "LookupEvents",
                    region=region,
                    account=account,
                    resource=say.lookup_events_resource(account, region),
                    **params,
                )
                return page
            except AwsError as exc:  # throttled, 5xx, or no connection: worth another try
                if not exc.retryable or attempt >= RETRIES:
                    raise
                await self.sleep(backoff(attempt))
                attempt += 1


TRAIL_SOURCES.add("lookup_events", LookupEventsSource)
