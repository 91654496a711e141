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
PACKAGE = "AWS::OpenSearchService::Package"
VPC_ENDPOINT = "AWS::OpenSearchService::VpcEndpoint"
CONNECTION = "AWS::OpenSearchService::OutboundConnection"
APPLICATION = "AWS::OpenSearchService::Application"

TYPES = (
    ResourceType(ELASTICSEARCH_DOMAIN, "name", "domain/"),
    ResourceType(DOMAIN, "name", "domain/"),
    ResourceType(PACKAGE, "id", cfn=False),
    ResourceType(VPC_ENDPOINT, "id", cfn=False),
    ResourceType(CONNECTION, "id", cfn=False),
    ResourceType(APPLICATION, "id", "application/"),
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
    # Tags (by domain ARN), packages and their association with a domain, managed VPC
    # endpoints and who may make them, cross-cluster connections, OpenSearch UI applications,
    # data sources, software updates, cancelled changes (API reference). Calls both
    # generations of the API share name the OpenSearch domain, which a Terraform
    # aws_elasticsearch_domain owns too (it is the same domain).
    on(ES, ("AddTags", "RemoveTags"), DOMAIN, UPDATE, "requestParameters.aRN"),
    on(ES, "CreatePackage", PACKAGE, CREATE, "responseElements.packageDetails.packageID"),
    on(ES, ("UpdatePackage", "UpdatePackageScope"), PACKAGE, UPDATE, "requestParameters.packageID"),
    on(ES, "DeletePackage", PACKAGE, DELETE, "requestParameters.packageID"),
    on(
        ES,
        (
            "AssociatePackage",
            "DissociatePackage",
            "AuthorizeVpcEndpointAccess",
            "RevokeVpcEndpointAccess",
            "CancelDomainConfigChange",
            "StartServiceSoftwareUpdate",
            "CancelServiceSoftwareUpdate",
            "AddDataSource",
            "UpdateDataSource",
            "DeleteDataSource",
            "UpdateScheduledAction",
        ),
        DOMAIN,
        UPDATE,
        NAME,
    ),
    on(
        ES,
        ("StartElasticsearchServiceSoftwareUpdate", "CancelElasticsearchServiceSoftwareUpdate"),
        ELASTICSEARCH_DOMAIN,
        UPDATE,
        NAME,
    ),
    on(ES, "CreateVpcEndpoint", VPC_ENDPOINT, CREATE, "responseElements.vpcEndpoint.vpcEndpointId"),
    on(ES, "UpdateVpcEndpoint", VPC_ENDPOINT, UPDATE, "requestParameters.vpcEndpointId"),
    on(ES, "DeleteVpcEndpoint", VPC_ENDPOINT, DELETE, "requestParameters.vpcEndpointId"),
    on(ES, "CreateOutboundConnection", CONNECTION, CREATE, "responseElements.connectionId"),
    on(
        ES,
        "CreateOutboundCrossClusterSearchConnection",
        CONNECTION,
        CREATE,
        "responseElements.crossClusterSearchConnectionId",
    ),
    on(ES, "DeleteOutboundConnection", CONNECTION, DELETE, "requestParameters.connectionId"),
    on(
        ES,
        "DeleteOutboundCrossClusterSearchConnection",
        CONNECTION,
        DELETE,
        "requestParameters.crossClusterSearchConnectionId",
    ),
    on(ES, "CreateApplication", APPLICATION, CREATE, "responseElements.id"),
    on(ES, "UpdateApplication", APPLICATION, UPDATE, "requestParameters.id"),
    on(ES, "DeleteApplication", APPLICATION, DELETE, "requestParameters.id"),
]

TERRAFORM = [
    tf("aws_opensearch_domain", DOMAIN, "domain_name", "arn"),
    part_of("aws_opensearch_domain_policy", DOMAIN, "domain_name"),
    tf(
        "aws_elasticsearch_domain",
        ELASTICSEARCH_DOMAIN,
        "domain_name",
        "arn",
        also=((DOMAIN, "domain_name"),),
    ),
    part_of("aws_elasticsearch_domain_policy", ELASTICSEARCH_DOMAIN, "domain_name"),
    tf("aws_opensearch_package", PACKAGE, "package_id", "id"),
    part_of("aws_opensearch_package_association", DOMAIN, "domain_name"),
    tf("aws_opensearch_vpc_endpoint", VPC_ENDPOINT, "id"),
    part_of("aws_opensearch_authorize_vpc_endpoint_access", DOMAIN, "domain_name"),
    tf("aws_opensearch_outbound_connection", CONNECTION, "id"),
]

OPERATIONAL = [
    ops(
        ES,
        "reserved instances bought: billing",
        "PurchaseReservedInstanceOffering PurchaseReservedElasticsearchInstanceOffering",
    ),
    ops(
        ES,
        "inbound connections accepted, refused or dropped by the other domain's owner, domain "
        "maintenance, migrations, clones and indexes (data), direct query data sources and "
        "capabilities (2025), the service-linked role removed",
        """AcceptInboundConnection RejectInboundConnection DeleteInboundConnection
        AcceptInboundCrossClusterSearchConnection RejectInboundCrossClusterSearchConnection
        DeleteInboundCrossClusterSearchConnection StartDomainMaintenance StartMigration
        UpdateClone CreateIndex UpdateIndex DeleteIndex AddDirectQueryDataSource
        UpdateDirectQueryDataSource DeleteDirectQueryDataSource AttachDataSource
        DetachDataSource RegisterCapability DeregisterCapability AssociatePackages
        DissociatePackages PutDefaultApplicationSetting AddReplicationPeer
        RemoveReplicationPeer FailoverReplication DeleteElasticsearchServiceRole""",
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
