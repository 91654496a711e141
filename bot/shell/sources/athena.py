"""`source: athena`: the environment's changes queried from its trail's logs with Athena.

The query (bot/trail/athena.py) prunes on the projected day, account and region partitions and
carries every user-given value as an execution parameter. It runs through an executor: Athena
itself (`AthenaExecutor`: StartQueryExecution, GetQueryExecution polled with backoff,
GetQueryResults paged), or DuckDB over local files (bot/shell/local_query.DuckDBExecutor),
so the very same SQL can be tested without AWS. Result rows become CloudTrail records again.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bot.config.cloudtrail import AthenaTrail
from bot.errors import AwsAccessDenied, AwsError, AwsThrottled, ConfigError
from bot.messages import aws as say_aws
from bot.messages import sources as say
from bot.policy.athena import athena_query, query_params
from bot.shell.ports import Records, SourceContext, SourceReport
from bot.shell.sources.registry import TRAIL_SOURCES
from bot.trail.athena.query import QueryStats, athena_literal, build_query, estimated_cost_usd
from bot.trail.athena.rows import row_to_record
from bot.trail.filter import GLOBAL_EVENTS_REGION
from bot.trail.paths import PathScope

Row = tuple[Any, ...]
ResultPage = tuple[list[str], list[Row]]
Sleep = Callable[[float], Awaitable[None]]
RUNNING = frozenset({"QUEUED", "RUNNING"})


class QueryExecutor(Protocol):
    """Runs one SQL query with `?` parameters; yields (column names, rows) pages."""

    stats: QueryStats

    def run(self, sql: str, params: Sequence[str]) -> AsyncIterator[ResultPage]: ...


@dataclass(frozen=True)
class PollPolicy:
    """How GetQueryExecution is polled: first delay, growth, longest delay, give up after."""

    first: float = 0.5
    factor: float = 1.6
    longest: float = 5.0
    timeout: float = 30 * 60.0

    def delays(self) -> list[float]:
        out, delay, total = [], self.first, 0.0
        while total < self.timeout:
            out.append(delay)
            total += delay
            delay = min(self.longest, delay * self.factor)
        return out


class AthenaExecutor:
    """Runs a query in Athena through `AwsAccess`, counting its calls."""

    def __init__(
        self,
        aws: Any,
        trail: AthenaTrail,
        region: str,
        account: str = "",
        *,
        sleep: Sleep = asyncio.sleep,
        poll: PollPolicy | None = None,
        page_size: int = 1000,
    ) -> None:
        self.aws = aws
        self.trail = trail
        self.region = region
        self.account = account
        self.sleep = sleep
        self.poll = poll or PollPolicy()
        self.page_size = page_size
        self.stats = QueryStats()

    async def _call(self, operation: str, resource: str, **params: Any) -> dict[str, Any]:
        self.stats.api_calls += 1
        result: dict[str, Any] = await self.aws.call(
            "athena",
            operation,
            region=self.region,
            account=self.account,
            resource=resource,
            **params,
        )
        return result

    async def run(self, sql: str, params: Sequence[str]) -> AsyncIterator[ResultPage]:
        request: dict[str, Any] = {
            "QueryString": sql,
            "QueryExecutionContext": {"Database": self.trail.database.lower()},
            "WorkGroup": self.trail.workgroup,
        }
        if params:
            request["ExecutionParameters"] = [athena_literal(p) for p in params]
        if self.trail.output_location:
            request["ResultConfiguration"] = {"OutputLocation": self.trail.output_location}
        try:
            started = await self._call(
                "StartQueryExecution", f"workgroup {self.trail.workgroup}", **request
            )
        except AwsError as exc:
            refused = isinstance(exc, AwsAccessDenied | AwsThrottled)
            if refused or "output location" not in exc.detail.lower():
                raise
            raise AwsError(
                *say.athena_output_location(exc.user_message, self.trail.workgroup),
                code=exc.code,
                operation=exc.operation,
                resource=exc.resource,
                detail=exc.detail,
            ) from exc
        query_id = str(started["QueryExecutionId"])
        self.stats.execution_ids.append(query_id)
        execution = await self._wait(query_id)
        scanned = execution.get("Statistics", {}).get("DataScannedInBytes")
        if scanned is not None:
            self.stats.bytes_scanned = (self.stats.bytes_scanned or 0) + int(scanned)
        async for page in self._results(query_id):
            yield page

    async def _wait(self, query_id: str) -> dict[str, Any]:
        for delay in [0.0, *self.poll.delays()]:
            if delay:
                await self.sleep(delay)
            answer = await self._call(
                "GetQueryExecution", f"query {query_id}", QueryExecutionId=query_id
            )
            execution: dict[str, Any] = answer["QueryExecution"]
            state = execution.get("Status", {}).get("State")
            if state == "SUCCEEDED":
                return execution
            if state not in RUNNING:
                raise self._failed(query_id, execution)
        raise AwsError(
            *say.athena_timeout(query_id, self.poll.timeout / 60, self.trail.workgroup),
            code="QueryTimeout",
            operation="athena:GetQueryExecution",
            resource=query_id,
            retryable=True,
        )

    def _failed(self, query_id: str, execution: dict[str, Any]) -> AwsError:
        status = execution.get("Status", {})
        state = status.get("State", "UNKNOWN")
        reason = str(
            status.get("StateChangeReason")
            or status.get("AthenaError", {}).get("ErrorMessage")
            or say_aws.no_reason_given()
        )
        table = f"{self.trail.database}.{self.trail.table}"
        low = reason.lower()
        cause = "other"
        if "table_not_found" in low or "does not exist" in low or "column_not_found" in low:
            cause = "no_table"
        elif "access" in low and "denied" in low:
            cause = "denied"
        return AwsError(
            *say.athena_failed(query_id, table, state, reason, self.trail.workgroup, cause),
            code=f"Query{str(state).title()}",
            operation="athena:StartQueryExecution",
            resource=query_id,
        )

    async def _results(self, query_id: str) -> AsyncIterator[ResultPage]:
        token: str | None = None
        columns: list[str] = []
        first = True
        while True:
            params: dict[str, Any] = {"QueryExecutionId": query_id, "MaxResults": self.page_size}
            if token:
                params["NextToken"] = token
            page = await self._call("GetQueryResults", f"query {query_id}", **params)
            result = page.get("ResultSet", {})
            if not columns:
                info = result.get("ResultSetMetadata", {}).get("ColumnInfo", [])
                columns = [str(c.get("Name", "")) for c in info]
            rows: list[Row] = [
                tuple(cell.get("VarCharValue") for cell in row.get("Data", []))
                for row in result.get("Rows", [])
            ]
            if first and rows and list(rows[0]) == columns:
                rows = rows[1:]  # Athena's first row of a SELECT's results is the header
            first = False
            if rows:
                yield columns, rows
            token = page.get("NextToken")
            if not token:
                return


def make_executor(ctx: SourceContext) -> QueryExecutor:
    """The executor an environment's `athena` source uses: Athena, through its AWS access."""
    trail: AthenaTrail = ctx.env.cloudtrail
    if ctx.aws is None:
        raise ConfigError(*say_aws.no_aws_access(ctx.env_name, "Athena"))
    regions = ctx.env.regions or [GLOBAL_EVENTS_REGION]
    accounts = ctx.env.account_id or [""]
    return AthenaExecutor(ctx.aws, trail, trail.region or regions[0], accounts[0])


class AthenaSource:
    """The changes of the environment's accounts and regions over the window, in pages."""

    def __init__(self, ctx: SourceContext, executor: QueryExecutor | None = None) -> None:
        self.ctx = ctx
        self.trail: AthenaTrail = ctx.env.cloudtrail
        if ctx.env.account_id is None:
            raise ConfigError(*say.athena_every_account(ctx.env_name))
        self.executor = executor or make_executor(ctx)
        self.report = SourceReport("athena")

    async def batches(self, scope: PathScope) -> AsyncIterator[Records]:
        env = self.ctx.env
        runbook = self.ctx.runbook
        if runbook is not None and runbook.check.athena_sql:
            # `drift check ENV RUNBOOK`: the runbook's own query, values as parameters
            values = query_params(scope.start, scope.end, env.account_id, env.regions)
            sql, params = athena_query(runbook, values)
        else:
            query = build_query(
                self.trail.database,
                self.trail.table,
                scope.start,
                scope.end,
                env.account_id,
                env.regions,
            )
            sql, params = query.sql, list(query.params)
        try:
            async for columns, rows in self.executor.run(sql, params):
                records = [row_to_record(columns, row) for row in rows]
                self._update()
                yield records
        finally:
            self._update()

    def _update(self) -> None:
        stats = self.executor.stats
        self.report.api_calls = stats.api_calls
        self.report.query_execution_ids = list(stats.execution_ids)
        self.report.bytes_scanned = stats.bytes_scanned
        if stats.bytes_scanned is not None and stats.execution_ids:
            self.report.estimated_cost_usd = estimated_cost_usd(stats.bytes_scanned)


TRAIL_SOURCES.add("athena", AthenaSource)
