"""AWS::Lambda::Function: its configuration (runtime, handler, role, timeout, memory,
environment variables, layers, VPC subnets and security groups, architectures, description,
ephemeral storage, tracing) and tags, from `aws_lambda_function` against `GetFunction`.

Layers keep their order (it decides which layer's files win); subnets and security groups are
sets. AWS defaults Terraform may leave unset are filled in on both sides (3 s, 128 MB,
`x86_64`, 512 MB of /tmp, `PassThrough` tracing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.drift.live.compare import LIVE_TYPES, Attrs, LiveType
from bot.drift.live.normalize import (
    block,
    blocks,
    desired_tags,
    first_attrs,
    number,
    string_list,
    string_set,
    tag_map,
    text,
)
from bot.iac.index import DesiredResource

RESOURCE_TYPE = "AWS::Lambda::Function"
FUNCTION = "aws_lambda_function"
DEFAULT_TIMEOUT, DEFAULT_MEMORY, DEFAULT_STORAGE = 3, 128, 512
DEFAULT_ARCHITECTURES = ["x86_64"]
DEFAULT_TRACING = "PassThrough"


def _environment(variables: object) -> dict[str, str]:
    if not isinstance(variables, Mapping):
        return {}
    return {str(k): "" if v is None else str(v) for k, v in sorted(variables.items())}


def project_desired(owners: Sequence[DesiredResource]) -> Attrs | None:
    fn = first_attrs(owners, FUNCTION)
    if fn is None:
        return None
    vpc = block(fn.get("vpc_config")) or {}
    storage = block(fn.get("ephemeral_storage")) or {}
    tracing = block(fn.get("tracing_config")) or {}
    return {
        "runtime": text(fn.get("runtime")),
        "handler": text(fn.get("handler")),
        "role": text(fn.get("role")),
        "timeout": number(fn.get("timeout"), DEFAULT_TIMEOUT),
        "memory_size": number(fn.get("memory_size"), DEFAULT_MEMORY),
        "environment": _environment((block(fn.get("environment")) or {}).get("variables")),
        "layers": string_list(fn.get("layers")),
        "vpc_config": {
            "subnet_ids": string_set(vpc.get("subnet_ids")),
            "security_group_ids": string_set(vpc.get("security_group_ids")),
        },
        "architectures": string_list(fn.get("architectures")) or DEFAULT_ARCHITECTURES,
        "description": text(fn.get("description")),
        "ephemeral_storage": number(storage.get("size"), DEFAULT_STORAGE),
        "tracing_mode": text(tracing.get("mode")) or DEFAULT_TRACING,
        "tags": desired_tags(fn),
    }


def project_actual(raw: Mapping[str, Any]) -> Attrs:
    """`raw`: GetFunction's answer (`Configuration`, `Tags`)."""
    config = raw.get("Configuration") or {}
    vpc = config.get("VpcConfig") or {}
    storage = config.get("EphemeralStorage") or {}
    return {
        "runtime": text(config.get("Runtime")),
        "handler": text(config.get("Handler")),
        "role": text(config.get("Role")),
        "timeout": number(config.get("Timeout"), DEFAULT_TIMEOUT),
        "memory_size": number(config.get("MemorySize"), DEFAULT_MEMORY),
        "environment": _environment((config.get("Environment") or {}).get("Variables")),
        "layers": string_list(layer.get("Arn") for layer in blocks(config.get("Layers"))),
        "vpc_config": {
            "subnet_ids": string_set(vpc.get("SubnetIds")),
            "security_group_ids": string_set(vpc.get("SecurityGroupIds")),
        },
        "architectures": string_list(config.get("Architectures")) or DEFAULT_ARCHITECTURES,
        "description": text(config.get("Description")),
        "ephemeral_storage": number(storage.get("Size"), DEFAULT_STORAGE),
        "tracing_mode": text((config.get("TracingConfig") or {}).get("Mode")) or DEFAULT_TRACING,
        "tags": tag_map(raw.get("Tags")),
    }


IAC_TYPES = (FUNCTION,)
LIVE_TYPES.add(RESOURCE_TYPE, LiveType(RESOURCE_TYPE, project_desired, project_actual, IAC_TYPES))
