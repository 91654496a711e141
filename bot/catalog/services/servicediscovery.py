"""AWS Cloud Map: namespaces (HTTP, private and public DNS) and services, by the ids Cloud Map
makes (`ns-…`, `srv-…`); a service's attributes and registered instances are parts of it.

Creating a namespace answers only an operation id, so the new namespace is known by the name in
the request, resolved through the state (`name`); one nobody manages stays unresolved, and is
reported so.
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, by_name, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

SD = "servicediscovery.amazonaws.com"

NAMESPACE = "AWS::ServiceDiscovery::Namespace"
SERVICE_TYPE = "AWS::ServiceDiscovery::Service"

TYPES = (
    ResourceType(NAMESPACE, "id", "namespace/"),
    ResourceType(SERVICE_TYPE, "id", "service/"),
)
ARN_KINDS = {
    ("servicediscovery", "namespace"): NAMESPACE,
    ("servicediscovery", "service"): SERVICE_TYPE,
}

NAMESPACE_KINDS = ("Http", "PrivateDns", "PublicDns")

# Cloud Map API reference (members lower-case first).
RULES = [
    *(
        by_name(SD, f"Create{kind}Namespace", NAMESPACE, CREATE, "requestParameters.name")
        for kind in NAMESPACE_KINDS
    ),
    *(
        on(SD, f"Update{kind}Namespace", NAMESPACE, UPDATE, "requestParameters.id")
        for kind in NAMESPACE_KINDS
    ),
    on(SD, "DeleteNamespace", NAMESPACE, DELETE, "requestParameters.id"),
    *lifecycle(
        SD, "Service", SERVICE_TYPE, "requestParameters.id", created="responseElements.service.id"
    ),
    on(
        SD,
        (
            "UpdateServiceAttributes",
            "DeleteServiceAttributes",
            "RegisterInstance",
            "DeregisterInstance",
        ),
        SERVICE_TYPE,
        UPDATE,
        "requestParameters.serviceId",
    ),
    on(SD, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN"),
]

OPERATIONAL = [
    ops(
        SD, "an instance's health, reported by the application", "UpdateInstanceCustomHealthStatus"
    ),
]

TERRAFORM = [
    *(
        tf(f"aws_service_discovery_{kind}_namespace", NAMESPACE, "id", "arn", name="name")
        for kind in ("http", "private_dns", "public_dns")
    ),
    tf("aws_service_discovery_service", SERVICE_TYPE, "id", "arn"),
    tf("aws_service_discovery_instance", SERVICE_TYPE, "service_id"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("servicediscovery",),
)
