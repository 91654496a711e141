"""drift.yml: where an environment's CloudTrail records come from. Models only; no I/O.

cloudtrail: {source: files | lookup_events | athena | s3, ...}
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ByteSize, Discriminator, Field, Tag, field_validator

from bot.config.model import StrictModel
from bot.messages import config as say

_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]$")
_ORG = re.compile(r"^o-[a-z0-9]{10,32}$")
_S3_URL = re.compile(r"^s3://[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9](/.*)?$")
_PROJECTION_DAY = re.compile(r"^\d{4}/\d{2}/\d{2}$")
_ATHENA_NAME = re.compile(r"^[A-Za-z0-9_]{1,255}$")


def _check(value: str, pattern: re.Pattern[str], expected: Callable[[str], str]) -> str:
    if not pattern.match(value):
        raise ValueError(expected(value))
    return value


def _bucket(value: str) -> str:
    return _check(value, _BUCKET, say.expected_bucket)


def _organization(value: str) -> str:
    return _check(value, _ORG, say.expected_organization_id)


BucketName = Annotated[str, AfterValidator(_bucket)]
OrganizationId = Annotated[str, AfterValidator(_organization)]

# How much one log file (or S3 object) may hold once inflated: `1GiB`, `512MiB`, or bytes.
# A larger file (a gzip bomb, a stray dump) is named in a warning and skipped.
DEFAULT_MAX_FILE_SIZE = ByteSize(1 << 30)


def _max_file_size() -> Any:
    return Field(
        default=DEFAULT_MAX_FILE_SIZE,
        gt=0,
        description="the most one log file may hold once inflated (1GiB, 512MiB or bytes)",
    )


class FilesTrail(StrictModel):
    """CloudTrail log files on disk: a directory tree in the S3 layout, or one file."""

    source: Literal["files"]
    path: str = Field(min_length=1)
    max_file_size: ByteSize = _max_file_size()


class LookupEventsTrail(StrictModel):
    """The LookupEvents API: management events of the last 90 days, one region per call."""

    source: Literal["lookup_events"]
    max_calls_per_second: float = Field(
        default=2.0, gt=0, le=2.0, description="per account and region; AWS allows 2"
    )


class AthenaTrail(StrictModel):
    """Athena SQL over the trail's logs in S3 (a table with partition projection)."""

    source: Literal["athena"]
    bucket: BucketName = Field(description="the trail's S3 bucket")
    prefix: str = ""
    organization_id: OrganizationId | None = None
    database: str = "default"
    table: str = "cloudtrail_logs"
    workgroup: str = "primary"
    output_location: str | None = Field(
        default=None, description="s3://… for query results; the workgroup's when unset"
    )
    region: str | None = Field(default=None, description="Athena's region; default the first")
    projection_start: str = Field(default="2020/01/01", description="first day of the logs")

    @field_validator("database", "table", "workgroup")
    @classmethod
    def _names(cls, value: str) -> str:
        return _check(value, _ATHENA_NAME, say.expected_athena_name)

    @field_validator("output_location")
    @classmethod
    def _out(cls, value: str | None) -> str | None:
        return value if value is None else _check(value, _S3_URL, say.expected_s3_url)

    @field_validator("projection_start")
    @classmethod
    def _day(cls, value: str) -> str:
        return _check(value, _PROJECTION_DAY, say.expected_projection_day)


class S3Trail(StrictModel):
    """The trail's log objects read straight from its S3 bucket."""

    source: Literal["s3"]
    bucket: BucketName
    prefix: str = ""
    organization_id: OrganizationId | None = None
    region: str | None = Field(default=None, description="the bucket's region")
    max_concurrency: int = Field(default=8, ge=1, le=64)
    max_file_size: ByteSize = _max_file_size()


TRAIL_MODELS: dict[str, type[StrictModel]] = {
    "files": FilesTrail,
    "lookup_events": LookupEventsTrail,
    "athena": AthenaTrail,
    "s3": S3Trail,
}


def _trail_tag(value: Any) -> str | None:
    source = value.get("source") if isinstance(value, dict) else getattr(value, "source", None)
    return f"source:{source}" if source in TRAIL_MODELS else None


Trail = Annotated[
    Annotated[FilesTrail, Tag("source:files")]
    | Annotated[LookupEventsTrail, Tag("source:lookup_events")]
    | Annotated[AthenaTrail, Tag("source:athena")]
    | Annotated[S3Trail, Tag("source:s3")],
    Discriminator(
        _trail_tag,
        custom_error_type="source",
        custom_error_message=say.expected_trail_source(),
    ),
]
