"""OpenSearch Service (es.amazonaws.com): Elasticsearch-era and OpenSearch-era domain calls.

The legacy API (…ElasticsearchDomain…) maps to AWS::Elasticsearch::Domain and the current one
(…Domain…) to AWS::OpenSearchService::Domain; both name the domain `domainName`.
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import part_of, tf

ES = "es.amazonaws.com"

ELASTICSEARCH_DOMAIN = "AWS::Elasticsearch::Domain"
DOMAIN = "AWS::OpenSearchService::Domain"

TYPES = (
    ResourceType(ELASTICSEARCH_DOMAIN, "name", "domain/"),
    ResourceType(DOMAIN, "name", "domain/"),
)
ARN_KINDS = {
    ("es", "domain"): ELASTICSEARCH_DOMAIN,
}

NAME = "requestParameters.domainName"

# streamalert public-resources records (CreateElasticsearchDomain,
# UpdateElasticsearchDomainConfig); OpenSearch Service API reference for the rest.
RULES = [
    on(ES, "CreateElasticsearchDomain", ELASTICSEARCH_DOMAIN, CREATE, NAME),
    on(
        ES,
        ("UpdateElasticsearchDomainConfig", "UpgradeElasticsearchDomain"),
        ELASTICSEARCH_DOMAIN,
        UPDATE,
        NAME,
    ),
    on(ES, "DeleteElasticsearchDomain", ELASTICSEARCH_DOMAIN, DELETE, NAME),
    on(ES, "CreateDomain", DOMAIN, CREATE, NAME),
    on(ES, ("UpdateDomainConfig", "UpgradeDomain"), DOMAIN, UPDATE, NAME),
    on(ES, "DeleteDomain", DOMAIN, DELETE, NAME),
    on(
        ES,
        ("RollbackServiceSoftwareUpdate", "SwitchoverReplication"),
        DOMAIN,
        UPDATE,
        NAME,
    ),
]

TERRAFORM = [
    tf("aws_opensearch_domain", DOMAIN, "domain_name", "arn"),
    part_of("aws_opensearch_domain_policy", DOMAIN, "domain_name"),
    tf("aws_elasticsearch_domain", ELASTICSEARCH_DOMAIN, "domain_name", "arn"),
    part_of("aws_elasticsearch_domain_policy", ELASTICSEARCH_DOMAIN, "domain_name"),
]

OPERATIONAL = [
    ops(
        ES,
        "reserved instances bought: billing",
        "PurchaseReservedInstanceOffering PurchaseReservedElasticsearchInstanceOffering",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("es", "opensearch"),
)
