"""drift.yml: where an environment's CloudTrail and IaC state come from, and AWS access.
Models only; no I/O.

    cloudtrail: {source: files | lookup_events | athena | s3, ...}
    state: [{terraform: PATH_OR_S3_URL}, {cloudformation: {...}}, {pulumi: PATH_OR_S3_URL}]
    aws: {endpoint_url: URL, endpoints: {SERVICE: URL}}
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

_S3_URL = re.compile(r"^s3://[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9](/.*)?$")
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]$")
_ORG = re.compile(r"^o-[a-z0-9]{10,32}$")
_PROJECTION_DAY = re.compile(r"^\d{4}/\d{2}/\d{2}$")
_ATHENA_NAME = re.compile(r"^[A-Za-z0-9_]{1,255}$")
# Services whose endpoint can also be given as `aws: {SERVICE: {endpoint_url: URL}}`.
AWS_SERVICES = frozenset(
    {"s3", "sts", "cloudtrail", "athena", "ec2", "iam", "rds", "lambda", "kms", "elbv2",
     "cloudformation", "dynamodb", "sns", "sqs", "logs", "secretsmanager", "ssm", "glue"}
)  # fmt: skip


class StrictModel(BaseModel):
    """Our own files: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# ---- CloudTrail sources -------------------------------------------------------------------


class FilesTrail(StrictModel):
    """CloudTrail log files on disk: a directory tree in the S3 layout, or one file."""

    source: Literal["files"]
    path: str = Field(min_length=1)


class LookupEventsTrail(StrictModel):
    """The LookupEvents API: management events of the last 90 days, one region per call."""

    source: Literal["lookup_events"]
    max_calls_per_second: float = Field(
        default=2.0, gt=0, le=2.0, description="per account and region; AWS allows 2"
    )


class AthenaTrail(StrictModel):
    """Athena SQL over the trail's logs in S3 (a table with partition projection)."""

    source: Literal["athena"]
    bucket: str = Field(description="the trail's S3 bucket")
    prefix: str = ""
    organization_id: str | None = None
    database: str = "default"
    table: str = "cloudtrail_logs"
    workgroup: str = "primary"
    output_location: str | None = Field(
        default=None, description="s3://… for query results; the workgroup's when unset"
    )
    region: str | None = Field(default=None, description="Athena's region; default the first")
    projection_start: str = Field(default="2020/01/01", description="first day of the logs")

    @field_validator("bucket")
    @classmethod
    def _bucket(cls, value: str) -> str:
        return _check(value, _BUCKET, "an S3 bucket name")

    @field_validator("organization_id")
    @classmethod
    def _org(cls, value: str | None) -> str | None:
        return _check_org(value)

    @field_validator("database", "table", "workgroup")
    @classmethod
    def _names(cls, value: str) -> str:
        return _check(value, _ATHENA_NAME, "letters, digits and underscores")

    @field_validator("output_location")
    @classmethod
    def _out(cls, value: str | None) -> str | None:
        return value if value is None else _check(value, _S3_URL, "an s3://bucket/prefix/ URL")

    @field_validator("projection_start")
    @classmethod
    def _day(cls, value: str) -> str:
        return _check(value, _PROJECTION_DAY, "a day written YYYY/MM/DD")


class S3Trail(StrictModel):
    """The trail's log objects read straight from its S3 bucket."""

    source: Literal["s3"]
    bucket: str
    prefix: str = ""
    organization_id: str | None = None
    region: str | None = Field(default=None, description="the bucket's region")
    max_concurrency: int = Field(default=8, ge=1, le=64)

    @field_validator("bucket")
    @classmethod
    def _bucket(cls, value: str) -> str:
        return _check(value, _BUCKET, "an S3 bucket name")

    @field_validator("organization_id")
    @classmethod
    def _org(cls, value: str | None) -> str | None:
        return _check_org(value)


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
        custom_error_message="expected one of files, lookup_events, athena, s3",
    ),
]


# ---- IaC state sources --------------------------------------------------------------------


class TerraformState(StrictModel):
    """A Terraform state: a local file or `s3://bucket/key`, optionally several workspaces."""

    terraform: str = Field(min_length=1)
    version_id: str | None = Field(default=None, description="an S3 object version")
    workspaces: list[str] | Literal["*"] | None = Field(
        default=None, description='S3 backend workspaces (env:/NAME/KEY), or "*" for all'
    )
    workspace_key_prefix: str = "env:"


class CloudFormationStacks(StrictModel):
    """Which stacks: by name, by name prefix, by tags (all given tags must match)."""

    stacks: list[str] = Field(default_factory=list)
    prefix: str | None = None
    tags: dict[str, str] = Field(default_factory=dict)
    regions: list[str] | None = Field(default=None, description="default: the environment's")

    @model_validator(mode="after")
    def _some_selector(self) -> CloudFormationStacks:
        if not (self.stacks or self.prefix or self.tags):
            raise ValueError("expected at least one of `stacks`, `prefix` or `tags`")
        return self


class CloudFormationState(StrictModel):
    cloudformation: CloudFormationStacks


class PulumiState(StrictModel):
    """A `pulumi stack export` file, or the S3 backend (`s3://bucket` with project and stack,
    or the full `s3://bucket/.pulumi/stacks/PROJECT/STACK.json`)."""

    pulumi: str = Field(min_length=1)
    project: str | None = None
    stack: str | None = None


# Each kind of state entry is named by its one required key (`terraform:`, …).
STATE_MODELS: dict[str, type[StrictModel]] = {
    "terraform": TerraformState,
    "cloudformation": CloudFormationState,
    "pulumi": PulumiState,
}


_KIND_OF = {model: kind for kind, model in STATE_MODELS.items()}


def state_kind(entry: StrictModel) -> str:
    """`terraform`, `cloudformation` or `pulumi`: the kind of a parsed state entry."""
    return _KIND_OF[type(entry)]


def _state_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        kind = next((k for k in STATE_MODELS if k in value), None)
    else:
        kind = _KIND_OF.get(type(value))
    return None if kind is None else f"kind:{kind}"


StateRef = Annotated[
    Annotated[TerraformState, Tag("kind:terraform")]
    | Annotated[CloudFormationState, Tag("kind:cloudformation")]
    | Annotated[PulumiState, Tag("kind:pulumi")],
    Discriminator(
        _state_tag,
        custom_error_type="state_kind",
        custom_error_message="expected a `terraform:`, `cloudformation:` or `pulumi:` entry",
    ),
]


# The discriminator tags above and their models, for error messages (bot/config/problems.py).
TAGGED_MODELS: dict[str, type[BaseModel]] = {
    **{f"source:{source}": model for source, model in TRAIL_MODELS.items()},
    **{f"kind:{kind}": model for kind, model in STATE_MODELS.items()},
}


# ---- AWS access ---------------------------------------------------------------------------


class AwsSettings(StrictModel):
    """Where AWS calls go: `endpoint_url` for every service, `endpoints` per service (also
    accepted as `SERVICE: {endpoint_url: URL}`), for LocalStack-style endpoints and tests."""

    endpoint_url: str | None = None
    endpoints: dict[str, str] = Field(default_factory=dict)
    max_attempts: int = Field(default=8, ge=1, le=20)

    @model_validator(mode="before")
    @classmethod
    def _lift_services(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        out = dict(data)
        endpoints = dict(out.get("endpoints") or {})
        for service in AWS_SERVICES & set(out):
            value = out.pop(service)
            if isinstance(value, dict) and set(value) == {"endpoint_url"}:
                endpoints[service] = value["endpoint_url"]
            else:
                out[service] = value  # left for the unknown-key error
        if endpoints:
            out["endpoints"] = endpoints
        return out

    def endpoint_for(self, service: str) -> str | None:
        return self.endpoints.get(service) or self.endpoint_url


def _check(value: str, pattern: re.Pattern[str], what: str) -> str:
    if not pattern.match(value):
        raise ValueError(f"expected {what} (got {value!r})")
    return value


def _check_org(value: str | None) -> str | None:
    return value if value is None else _check(value, _ORG, "an organization id like o-a1b2c3d4e5")
