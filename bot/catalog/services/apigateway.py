"""API Gateway: REST APIs (v1) and HTTP/WebSocket APIs (v2), both apigateway.amazonaws.com.

Stages, deployments, resources, methods, integrations, authorizers and routes are
managed with their API: their calls are updates of the API. Several names exist in both
versions (CreateStage, CreateDeployment, CreateAuthorizer …); v1 requests carry `restApiId`
and v2 requests `apiId`, so those calls get one target per version.
"""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, part_of, tf

APIGW = "apigateway.amazonaws.com"

REST_API = "AWS::ApiGateway::RestApi"
API_KEY = "AWS::ApiGateway::ApiKey"
PLAN = "AWS::ApiGateway::UsagePlan"
VPC_LINK = "AWS::ApiGateway::VpcLink"
HTTP_API = "AWS::ApiGatewayV2::Api"
V2_VPC_LINK = "AWS::ApiGatewayV2::VpcLink"
DOMAIN = "AWS::ApiGateway::DomainName"
CLIENT_CERTIFICATE = "AWS::ApiGateway::ClientCertificate"
ACCOUNT = "AWS::ApiGateway::Account"
DOMAIN_ACCESS_ASSOCIATION = "AWS::ApiGateway::DomainNameAccessAssociation"


def _api_id(arn: Arn) -> str:
    """ARNs are paths into the API (`/restapis/ID/stages/NAME`): the id is the segment after
    the type's prefix."""
    return arn.resource.split("/", 1)[0]


TYPES = (
    ResourceType(REST_API, "id", "/restapis/"),
    ResourceType(API_KEY, "id", "/apikeys/"),
    ResourceType(PLAN, "id", "/usageplans/"),
    ResourceType(VPC_LINK, "id", "/vpclinks/"),
    ResourceType(HTTP_API, "id", "/apis/"),
    ResourceType(V2_VPC_LINK, "id", "/vpclinks/"),
    ResourceType(DOMAIN, "name", "/domainnames/"),
    ResourceType(CLIENT_CERTIFICATE, "id", "/clientcertificates/"),
    ResourceType(ACCOUNT, "account"),
    ResourceType(DOMAIN_ACCESS_ASSOCIATION, "arn"),
)
ARN_KINDS = {
    ("apigateway", "/restapis"): REST_API,
    ("apigateway", "/apis"): HTTP_API,
}

# REST APIs. Responses are the API resource itself (`id`); stages/children echo `restApiId`.
# Checked against cloud-custodian event-cloud-trail-create-rest-stage and -tag-rest-stage
# records; API Gateway v1 API reference for the rest.
SHARED = (
    "CreateStage",
    "UpdateStage",
    "DeleteStage",
    "CreateDeployment",
    "DeleteDeployment",
    "CreateAuthorizer",
    "UpdateAuthorizer",
    "DeleteAuthorizer",
    "UpdateIntegration",
    "DeleteIntegration",
)
# More names shared by both versions.
BOTH_VERSIONS = (
    "CreateModel",
    "UpdateModel",
    "DeleteModel",
    "UpdateDeployment",
    "UpdateIntegrationResponse",
    "DeleteIntegrationResponse",
)
RULES = [
    on(APIGW, "CreateRestApi", REST_API, CREATE, "responseElements.id"),
    on(APIGW, "UpdateRestApi", REST_API, UPDATE, "requestParameters.restApiId"),
    on(APIGW, "DeleteRestApi", REST_API, DELETE, "requestParameters.restApiId"),
    # Children with names of their own in v1.
    on(
        APIGW,
        (
            "CreateResource",
            "UpdateResource",
            "DeleteResource",
            "PutMethod",
            "UpdateMethod",
            "DeleteMethod",
            "PutIntegration",
        ),
        REST_API,
        UPDATE,
        "requestParameters.restApiId",
    ),
    # Names shared by both versions: one target each.
    on(APIGW, SHARED, REST_API, UPDATE, "requestParameters.restApiId"),
    on(APIGW, SHARED, HTTP_API, UPDATE, "requestParameters.apiId"),
    # HTTP/WebSocket APIs (API Gateway v2 API reference: responses carry `apiId`).
    on(APIGW, "CreateApi", HTTP_API, CREATE, "responseElements.apiId"),
    on(APIGW, "UpdateApi", HTTP_API, UPDATE, "requestParameters.apiId"),
    on(APIGW, "DeleteApi", HTTP_API, DELETE, "requestParameters.apiId"),
    on(
        APIGW,
        (
            "CreateRoute",
            "UpdateRoute",
            "DeleteRoute",
            "CreateIntegration",
        ),
        HTTP_API,
        UPDATE,
        "requestParameters.apiId",
    ),
    # Tags take an API Gateway ARN (…::/restapis/ID/stages/NAME names the REST API).
    on(APIGW, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
    # Keys, usage plans, VPC links, custom domains and the account's settings (v1).
    on(APIGW, "CreateApiKey", API_KEY, CREATE, "responseElements.id"),
    on(APIGW, "UpdateApiKey", API_KEY, UPDATE, "requestParameters.apiKey"),
    on(APIGW, "DeleteApiKey", API_KEY, DELETE, "requestParameters.apiKey"),
    on(APIGW, "CreateUsagePlan", PLAN, CREATE, "responseElements.id"),
    on(
        APIGW,
        ("UpdateUsagePlan", "CreateUsagePlanKey"),
        PLAN,
        UPDATE,
        "requestParameters.usagePlanId",
    ),
    on(APIGW, "DeleteUsagePlan", PLAN, DELETE, "requestParameters.usagePlanId"),
    # VPC links: v1 returns `id`, v2 `vpcLinkId`; both delete by `vpcLinkId`.
    on(APIGW, "CreateVpcLink", VPC_LINK, CREATE, "responseElements.id"),
    on(APIGW, "CreateVpcLink", V2_VPC_LINK, CREATE, "responseElements.vpcLinkId"),
    # Update and delete name the link `vpcLinkId` in both versions: the id says which one it
    # is only to the state, so both types are named (the one nobody manages leaves no finding
    # when deleted).
    on(APIGW, "UpdateVpcLink", VPC_LINK, UPDATE, "requestParameters.vpcLinkId"),
    on(APIGW, "DeleteVpcLink", VPC_LINK, DELETE, "requestParameters.vpcLinkId"),
    on(APIGW, "DeleteVpcLink", V2_VPC_LINK, DELETE, "requestParameters.vpcLinkId"),
    # Client certificates (for calls to a backend).
    on(
        APIGW,
        "GenerateClientCertificate",
        CLIENT_CERTIFICATE,
        CREATE,
        "responseElements.clientCertificateId",
    ),
    on(
        APIGW,
        "UpdateClientCertificate",
        CLIENT_CERTIFICATE,
        UPDATE,
        "requestParameters.clientCertificateId",
    ),
    on(
        APIGW,
        "DeleteClientCertificate",
        CLIENT_CERTIFICATE,
        DELETE,
        "requestParameters.clientCertificateId",
    ),
    # Custom domains are DNS names; v1 wraps the create body in `createDomainNameInput`, v2
    # does not.
    # Update/Delete name the domain in the path either way, so both versions map to the v1 type.
    on(
        APIGW,
        "CreateDomainName",
        DOMAIN,
        CREATE,
        "requestParameters.createDomainNameInput.domainName || requestParameters.domainName",
    ),
    on(
        APIGW,
        (
            "UpdateDomainName",
            "CreateBasePathMapping",
            "UpdateBasePathMapping",
            "DeleteBasePathMapping",
        ),
        DOMAIN,
        UPDATE,
        "requestParameters.domainName",
    ),
    on(APIGW, "DeleteDomainName", DOMAIN, DELETE, "requestParameters.domainName"),
    on(APIGW, "UpdateAccount", ACCOUNT, UPDATE, "recipientAccountId"),
    # More parts of a REST API (v1): models, validators, responses, documentation, imports
    # over it (API reference). Names both versions use get a target each.
    on(
        APIGW,
        (
            "CreateDocumentationPart",
            "UpdateDocumentationPart",
            "DeleteDocumentationPart",
            "ImportDocumentationParts",
            "CreateDocumentationVersion",
            "UpdateDocumentationVersion",
            "DeleteDocumentationVersion",
            "CreateRequestValidator",
            "UpdateRequestValidator",
            "DeleteRequestValidator",
            "PutGatewayResponse",
            "UpdateGatewayResponse",
            "DeleteGatewayResponse",
            "PutMethodResponse",
            "UpdateMethodResponse",
            "DeleteMethodResponse",
            "PutIntegrationResponse",
            "PutRestApi",
        ),
        REST_API,
        UPDATE,
        "requestParameters.restApiId",
    ),
    on(APIGW, BOTH_VERSIONS, REST_API, UPDATE, "requestParameters.restApiId"),
    on(APIGW, BOTH_VERSIONS, HTTP_API, UPDATE, "requestParameters.apiId"),
    on(APIGW, "ImportRestApi", REST_API, CREATE, "responseElements.id"),
    on(APIGW, "ImportApi", HTTP_API, CREATE, "responseElements.apiId"),
    # More parts of an HTTP or WebSocket API (v2).
    on(
        APIGW,
        (
            "CreateIntegrationResponse",
            "CreateRouteResponse",
            "UpdateRouteResponse",
            "DeleteRouteResponse",
            "DeleteRouteRequestParameter",
            "DeleteRouteSettings",
            "DeleteAccessLogSettings",
            "DeleteCorsConfiguration",
        ),
        HTTP_API,
        UPDATE,
        "requestParameters.apiId",
    ),
    # API mappings and routing rules of a custom domain; keys in usage plans; private
    # domains' access associations.
    on(
        APIGW,
        (
            "CreateApiMapping",
            "UpdateApiMapping",
            "DeleteApiMapping",
            "CreateRoutingRule",
            "PutRoutingRule",
            "DeleteRoutingRule",
        ),
        DOMAIN,
        UPDATE,
        "requestParameters.domainName",
    ),
    on(
        APIGW,
        ("DeleteUsagePlanKey", "UpdateUsage"),
        PLAN,
        UPDATE,
        "requestParameters.usagePlanId",
    ),
    on(
        APIGW,
        "CreateDomainNameAccessAssociation",
        DOMAIN_ACCESS_ASSOCIATION,
        CREATE,
        "responseElements.domainNameAccessAssociationArn",
    ),
    on(
        APIGW,
        "DeleteDomainNameAccessAssociation",
        DOMAIN_ACCESS_ASSOCIATION,
        DELETE,
        "requestParameters.domainNameAccessAssociationArn",
    ),
]

# REST APIs: everything inside an API is part of it.
TERRAFORM = [
    tf("aws_api_gateway_rest_api", REST_API, "id", "arn"),
    *children(
        REST_API,
        "rest_api_id",
        "aws_api_gateway_rest_api_policy",
        "aws_api_gateway_resource",
        "aws_api_gateway_method",
        "aws_api_gateway_method_response",
        "aws_api_gateway_method_settings",
        "aws_api_gateway_integration",
        "aws_api_gateway_integration_response",
        "aws_api_gateway_model",
        "aws_api_gateway_authorizer",
        "aws_api_gateway_request_validator",
        "aws_api_gateway_gateway_response",
        "aws_api_gateway_deployment",
        "aws_api_gateway_stage",
        "aws_api_gateway_documentation_part",
    ),
    tf("aws_api_gateway_api_key", API_KEY, "id", "arn"),
    tf("aws_api_gateway_usage_plan", PLAN, "id", "arn"),
    part_of("aws_api_gateway_usage_plan_key", PLAN, "usage_plan_id"),
    tf("aws_api_gateway_vpc_link", VPC_LINK, "id", "arn"),
    tf("aws_api_gateway_domain_name", DOMAIN, "domain_name", "id", "arn"),
    part_of("aws_api_gateway_base_path_mapping", DOMAIN, "domain_name"),
    tf("aws_api_gateway_client_certificate", CLIENT_CERTIFICATE, "id", "arn"),
    tf("aws_api_gateway_account", ACCOUNT, STATE_ACCOUNT),
    tf("aws_apigatewayv2_api", HTTP_API, "id", "arn"),
    *children(
        HTTP_API,
        "api_id",
        "aws_apigatewayv2_authorizer",
        "aws_apigatewayv2_deployment",
        "aws_apigatewayv2_integration",
        "aws_apigatewayv2_integration_response",
        "aws_apigatewayv2_model",
        "aws_apigatewayv2_route",
        "aws_apigatewayv2_route_response",
        "aws_apigatewayv2_stage",
    ),
    # One custom domain, whichever API version made it (see the domain rules).
    tf("aws_apigatewayv2_domain_name", DOMAIN, "domain_name", "id", "arn"),
    part_of("aws_apigatewayv2_api_mapping", DOMAIN, "domain_name"),
    tf("aws_apigatewayv2_vpc_link", V2_VPC_LINK, "id", "arn"),
    tf(
        "aws_api_gateway_domain_name_access_association",
        DOMAIN_ACCESS_ASSOCIATION,
        "arn",
        "id",
    ),
]

OPERATIONAL = [
    ops(
        APIGW,
        "API keys imported in bulk, authorizer caches flushed, access associations rejected by "
        "the domain's owner for another account",
        "ImportApiKeys ResetAuthorizersCache RejectDomainNameAccessAssociation",
    ),
    ops(
        APIGW,
        "developer portals and their products and pages (2025) have no IaC type yet",
        """CreatePortal UpdatePortal DeletePortal PublishPortal DisablePortal CreatePortalProduct
        UpdatePortalProduct DeletePortalProduct PutPortalProductSharingPolicy
        DeletePortalProductSharingPolicy CreateProductPage UpdateProductPage DeleteProductPage
        CreateProductRestEndpointPage UpdateProductRestEndpointPage
        DeleteProductRestEndpointPage""",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_ids={"apigateway": _api_id},
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("apigateway", "apigatewayv2"),
    unreachable={ACCOUNT: "the account's API Gateway settings always exist (UpdateAccount)"},
)
