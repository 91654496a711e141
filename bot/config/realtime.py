"""drift.yml: real-time ingestion (`realtime:`, top level: one queue for every environment).
Models only; no I/O.

realtime:
  sqs: {queue_url: URL, region: REGION, endpoint_url: URL|null, concurrency: 4,
        visibility_timeout: 120}
  state_refresh: 60s   # IaC state is looked at again at most this often
"""

from __future__ import annotations

import re
from datetime import timedelta

from pydantic import Field, field_validator

from bot.config.model import StrictModel
from bot.config.window import parse_duration
from bot.messages import config as say

_QUEUE_URL = re.compile(r"^https?://[^/\s]+/(\d{12}|[^/\s]+)/[A-Za-z0-9_-]{1,80}$")
_REGION = re.compile(r"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$")
MAX_VISIBILITY = 43_200  # SQS: 12 hours


class SqsQueue(StrictModel):
    """The SQS queue EventBridge forwards CloudTrail's API calls to."""

    queue_url: str = Field(description="https://sqs.REGION.amazonaws.com/ACCOUNT/NAME")
    region: str = Field(description="the queue's region")
    endpoint_url: str | None = Field(default=None, description="as aws.endpoint_url")
    concurrency: int = Field(default=4, ge=1, le=64, description="parallel long-polls")
    visibility_timeout: int = Field(
        default=120,
        ge=10,
        le=MAX_VISIBILITY,
        description="seconds; extended while an event is being worked on",
    )

    @field_validator("queue_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not _QUEUE_URL.match(value):
            raise ValueError(say.expected_queue_url(value))
        return value

    @field_validator("region")
    @classmethod
    def _region(cls, value: str) -> str:
        if not _REGION.match(value):
            raise ValueError(say.expected_region(value))
        return value

    @property
    def account(self) -> str:
        """The queue's account id (its URL's first path part)."""
        return self.queue_url.split("/")[3]

    @property
    def name(self) -> str:
        return self.queue_url.rsplit("/", 1)[-1]

    @property
    def arn(self) -> str:
        partition = "aws-us-gov" if "-gov-" in self.region else "aws"
        if self.region.startswith("cn-"):
            partition = "aws-cn"
        return f"arn:{partition}:sqs:{self.region}:{self.account}:{self.name}"


class Realtime(StrictModel):
    """Real-time ingestion: the queue, and how often IaC state is looked at again."""

    sqs: SqsQueue
    state_refresh: str = Field(
        default="60s", description="look at the IaC state again at most this often"
    )

    @field_validator("state_refresh")
    @classmethod
    def _refresh(cls, value: str) -> str:
        if parse_duration(value) is None:
            raise ValueError(say.expected_state_refresh(value))
        return value

    @property
    def state_refresh_delta(self) -> timedelta:
        return parse_duration(self.state_refresh) or timedelta(0)
