"""Amazon EventBridge Schemas: registries (by name; their schemas and resource policy are
parts of them) and discoverers (by id)."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

SCHEMAS = "schemas.amazonaws.com"

REGISTRY = "AWS::EventSchemas::Registry"
DISCOVERER = "AWS::EventSchemas::Discoverer"

TYPES = (
    ResourceType(REGISTRY, "name", "registry/"),
    ResourceType(DISCOVERER, "id", "discoverer/"),
)
ARN_KINDS = {("schemas", "registry"): REGISTRY, ("schemas", "discoverer"): DISCOVERER}

REGISTRY_NAME = "requestParameters.registryName"

# EventBridge Schemas API reference (REST JSON; names are path parameters).
RULES = [
    *lifecycle(SCHEMAS, "Registry", REGISTRY, REGISTRY_NAME),
    on(
        SCHEMAS,
        (
            "CreateSchema",
            "UpdateSchema",
            "DeleteSchema",
            "DeleteSchemaVersion",
            "PutResourcePolicy",
            "DeleteResourcePolicy",
        ),
        REGISTRY,
        UPDATE,
        REGISTRY_NAME,
    ),
    *lifecycle(
        SCHEMAS,
        "Discoverer",
        DISCOVERER,
        "requestParameters.discovererId",
        created="responseElements.discovererId",
    ),
    on(
        SCHEMAS,
        ("StartDiscoverer", "StopDiscoverer"),
        DISCOVERER,
        UPDATE,
        "requestParameters.discovererId",
    ),
    on(SCHEMAS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_schemas_registry", REGISTRY, "name", "id", "arn"),
    *children(REGISTRY, "registry_name", "aws_schemas_schema", "aws_schemas_registry_policy"),
    tf("aws_schemas_discoverer", DISCOVERER, "id", "arn"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("schemas",))
