"""AWS AppSync: GraphQL APIs and Event APIs (by the id AppSync makes; their data sources,
resolvers, functions, types, schema, caches, API keys, channel namespaces and environment
variables are parts of them) and custom domain names (by name; API associations are parts of
the domain)."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

APPSYNC = "appsync.amazonaws.com"

GRAPHQL_API = "AWS::AppSync::GraphQLApi"
EVENT_API = "AWS::AppSync::Api"
DOMAIN = "AWS::AppSync::DomainName"

TYPES = (
    ResourceType(GRAPHQL_API, "id", "apis/"),
    ResourceType(EVENT_API, "id", cfn=True),
    ResourceType(DOMAIN, "name", "domainnames/"),
)
ARN_KINDS = {("appsync", "apis"): GRAPHQL_API, ("appsync", "domainnames"): DOMAIN}

API_ID = "requestParameters.apiId"

# AppSync API reference (REST JSON, members lower-case first; the API id is a path parameter).
RULES = [
    *lifecycle(
        APPSYNC, "GraphqlApi", GRAPHQL_API, API_ID, created="responseElements.graphqlApi.apiId"
    ),
    on(
        APPSYNC,
        (
            "CreateDataSource",
            "UpdateDataSource",
            "DeleteDataSource",
            "CreateResolver",
            "UpdateResolver",
            "DeleteResolver",
            "CreateFunction",
            "UpdateFunction",
            "DeleteFunction",
            "CreateType",
            "UpdateType",
            "DeleteType",
            "StartSchemaCreation",
            "CreateApiCache",
            "UpdateApiCache",
            "DeleteApiCache",
            "CreateApiKey",
            "UpdateApiKey",
            "DeleteApiKey",
            "PutGraphqlApiEnvironmentVariables",
        ),
        GRAPHQL_API,
        UPDATE,
        API_ID,
    ),
    *lifecycle(APPSYNC, "Api", EVENT_API, API_ID, created="responseElements.api.apiId"),
    on(
        APPSYNC,
        ("CreateChannelNamespace", "UpdateChannelNamespace", "DeleteChannelNamespace"),
        EVENT_API,
        UPDATE,
        API_ID,
    ),
    *lifecycle(APPSYNC, "DomainName", DOMAIN, "requestParameters.domainName"),
    on(
        APPSYNC,
        ("AssociateApi", "DisassociateApi"),
        DOMAIN,
        UPDATE,
        "requestParameters.domainName",
    ),
    on(
        APPSYNC,
        ("TagResource", "UntagResource"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
]

OPERATIONAL = [
    ops(
        APPSYNC,
        "introspecting a data source and flushing a cache change no configuration",
        "StartDataSourceIntrospection FlushApiCache",
    ),
]

TERRAFORM = [
    tf("aws_appsync_graphql_api", GRAPHQL_API, "id", "arn"),
    *children(
        GRAPHQL_API,
        "api_id",
        "aws_appsync_datasource",
        "aws_appsync_resolver",
        "aws_appsync_function",
        "aws_appsync_type",
        "aws_appsync_api_cache",
        "aws_appsync_api_key",
    ),
    tf("aws_appsync_domain_name", DOMAIN, "domain_name", "id"),
    *children(DOMAIN, "domain_name", "aws_appsync_domain_name_api_association"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("appsync",)
)
