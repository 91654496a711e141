"""drift.yml: where an environment's AWS calls go. Models only; no I/O.

aws: {endpoint_url: URL, endpoints: {SERVICE: URL}, max_attempts: N}
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from bot.config.model import StrictModel

# Services whose endpoint can also be given as `aws: {SERVICE: {endpoint_url: URL}}`.
AWS_SERVICES = frozenset(
    {
        "s3",
        "sts",
        "cloudtrail",
        "athena",
        "ec2",
        "iam",
        "rds",
        "lambda",
        "kms",
        "elbv2",
        "cloudformation",
        "dynamodb",
        "sns",
        "sqs",
        "logs",
        "secretsmanager",
        "ssm",
        "glue",
    }
)


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
