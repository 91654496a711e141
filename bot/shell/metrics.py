"""Prometheus metrics of `drift serve` and `drift worker` (`/metrics`), with prometheus-client.

Imported only by what serves or counts them (the worker, the Slack app, the real-time consumer,
the Slack gateway): never on `drift check`'s path, which starts without it.

    driftbot_checks_total{env,outcome}                 checks by outcome (succeeded, failed)
    driftbot_check_duration_seconds{env}               how long a check took
    driftbot_records_read_total{env}                   CloudTrail records read by checks
    driftbot_changes_total{env,path}                   changes kept (path: check, realtime)
    driftbot_findings{env,state,severity}              findings in Redis now
    driftbot_realtime_events_received_total            messages received from the queue
    driftbot_realtime_events_routed_total{env}         events an environment kept
    driftbot_realtime_events_dropped_total{reason}     events no environment kept, and why
    driftbot_realtime_event_lag_seconds                eventTime to stored
    driftbot_sqs_receives_total{outcome}               receive calls (messages, empty, error)
    driftbot_sqs_deletes_total{outcome}                messages deleted (ok, failed)
    driftbot_sqs_dead_letters_total                    messages given up on their last receive
    driftbot_slack_api_calls_total{method,status}      Slack Web API calls (ok, 429, error code)
    driftbot_reapply_total{outcome}                    reapply triggers by outcome
    driftbot_escalations_total{outcome}                escalations by outcome
    driftbot_redis_errors_total{component}             Redis outages seen, by component
"""

from __future__ import annotations

from collections import Counter as Tally
from collections.abc import Iterable

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

CHECKS = Counter("driftbot_checks", "Checks by outcome.", ["env", "outcome"])
CHECK_SECONDS = Histogram(
    "driftbot_check_duration_seconds",
    "How long a check took.",
    ["env"],
    buckets=(1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600),
)
RECORDS = Counter("driftbot_records_read", "CloudTrail records read by checks.", ["env"])
CHANGES = Counter("driftbot_changes", "Changes kept.", ["env", "path"])
FINDINGS = Gauge("driftbot_findings", "Findings in Redis.", ["env", "state", "severity"])
RT_RECEIVED = Counter("driftbot_realtime_events_received", "Messages received from the queue.")
RT_ROUTED = Counter("driftbot_realtime_events_routed", "Events an environment kept.", ["env"])
RT_DROPPED = Counter(
    "driftbot_realtime_events_dropped", "Events no environment kept, by reason.", ["reason"]
)
RT_LAG = Histogram(
    "driftbot_realtime_event_lag_seconds",
    "From the event's eventTime to its changes stored.",
    buckets=(0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600),
)
SQS_RECEIVES = Counter("driftbot_sqs_receives", "SQS receive calls by outcome.", ["outcome"])
SQS_DELETES = Counter("driftbot_sqs_deletes", "SQS messages deleted by outcome.", ["outcome"])
SQS_DEAD = Counter(
    "driftbot_sqs_dead_letters", "Messages given up on their last receive (to the DLQ)."
)
SLACK_CALLS = Counter(
    "driftbot_slack_api_calls", "Slack Web API calls by method and status.", ["method", "status"]
)
REAPPLY = Counter("driftbot_reapply", "Reapply triggers by outcome.", ["outcome"])
ESCALATIONS = Counter("driftbot_escalations", "Escalations by outcome.", ["outcome"])
REDIS_ERRORS = Counter("driftbot_redis_errors", "Redis outages seen.", ["component"])


def count_slack_call(method: str, status: str) -> None:
    """One Slack Web API call's outcome: `ok`, or Slack's error code."""
    SLACK_CALLS.labels(method, status).inc()


class CountingRateLimitHandler(AsyncRateLimitErrorRetryHandler):
    """slack_sdk's rate-limit retry handler, counting each 429 (status `429`) it sees."""

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is not None and response.status_code == 429:
            method = request.url.rstrip("/").rsplit("/", 1)[-1].split("?", 1)[0]
            SLACK_CALLS.labels(method, "429").inc()
        return await super()._can_retry_async(
            state=state, request=request, response=response, error=error
        )


def set_findings(env: str, records: Iterable[tuple[str, str]]) -> None:
    """The findings gauge of `env` from (state, severity) pairs; states not seen go to 0."""
    tally = Tally(records)
    for (state, severity), _ in list(_known.get(env, {}).items()):
        if (state, severity) not in tally:
            FINDINGS.labels(env, state, severity).set(0)
    for (state, severity), n in tally.items():
        FINDINGS.labels(env, state, severity).set(n)
    _known[env] = dict(tally)


_known: dict[str, dict[tuple[str, str], int]] = {}


def exposition() -> bytes:
    """Every metric in Prometheus's text format."""
    return generate_latest(REGISTRY)


async def metrics_route(_: web.Request) -> web.Response:
    """`GET /metrics`."""
    return web.Response(body=exposition(), headers={"Content-Type": CONTENT_TYPE_LATEST})
