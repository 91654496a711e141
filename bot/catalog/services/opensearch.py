"""OpenSearch Service (es.amazonaws.com): Elasticsearch-era and OpenSearch-era domain calls.

The legacy API (…ElasticsearchDomain…) maps to AWS::Elasticsearch::Domain and the current one
(…Domain…) to AWS::OpenSearchService::Domain; both name the domain `domainName`.
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

ES = "es.amazonaws.com"

# streamalert public-resources records (CreateElasticsearchDomain,
# UpdateElasticsearchDomainConfig); OpenSearch Service API reference for the rest.
for legacy, rtype in (
    ("Elasticsearch", "AWS::Elasticsearch::Domain"),
    ("", "AWS::OpenSearchService::Domain"),
):
    on(ES, f"Create{legacy}Domain", rtype, CREATE, "requestParameters.domainName")
    on(
        ES,
        (f"Update{legacy}DomainConfig", f"Upgrade{legacy}Domain"),
        rtype,
        UPDATE,
        "requestParameters.domainName",
    )
    on(ES, f"Delete{legacy}Domain", rtype, DELETE, "requestParameters.domainName")
