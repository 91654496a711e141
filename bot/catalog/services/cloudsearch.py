"""CloudSearch domains, by name; index fields and policies are domain settings."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service

CS = "cloudsearch.amazonaws.com"

DOMAIN = "AWS::CloudSearch::Domain"

TYPES = (ResourceType(DOMAIN, "name", "domain/", cfn=False),)

# cloud-custodian event-cloudsearch record (CreateDomain); CloudSearch configuration API.
RULES = [
    on(CS, "CreateDomain", DOMAIN, CREATE, "requestParameters.domainName"),
    on(
        CS,
        (
            "UpdateServiceAccessPolicies",
            "UpdateScalingParameters",
            "UpdateAvailabilityOptions",
            "UpdateDomainEndpointOptions",
            "DefineIndexField",
            "DeleteIndexField",
        ),
        DOMAIN,
        UPDATE,
        "requestParameters.domainName",
    ),
    on(CS, "DeleteDomain", DOMAIN, DELETE, "requestParameters.domainName"),
]

SERVICE = Service(TYPES, RULES, models=("cloudsearch",))
