"""API Gateway: REST APIs (v1) and HTTP/WebSocket APIs (v2), both apigateway.amazonaws.com.

Stages, deployments, resources, methods, integrations, authorizers and routes are
managed with their API: their calls are updates of the API. Several names exist in both
versions (CreateStage, CreateDeployment, CreateAuthorizer …); v1 requests carry `restApiId`
and v2 requests `apiId`, so those calls get one target per version.
"""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

APIGW = "apigateway.amazonaws.com"
REST_API = "AWS::ApiGateway::RestApi"
HTTP_API = "AWS::ApiGatewayV2::Api"

# REST APIs. Responses are the API resource itself (`id`); stages/children echo `restApiId`.
# Checked against cloud-custodian event-cloud-trail-create-rest-stage and -tag-rest-stage
# records; API Gateway v1 API reference for the rest.
on(APIGW, "CreateRestApi", REST_API, CREATE, "responseElements.id")
on(APIGW, "UpdateRestApi", REST_API, UPDATE, "requestParameters.restApiId")
on(APIGW, "DeleteRestApi", REST_API, DELETE, "requestParameters.restApiId")

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
)

# Names shared by both versions: one target each.
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
on(APIGW, SHARED, REST_API, UPDATE, "requestParameters.restApiId")
on(APIGW, SHARED, HTTP_API, UPDATE, "requestParameters.apiId")

# HTTP/WebSocket APIs (API Gateway v2 API reference: responses carry `apiId`).
on(APIGW, "CreateApi", HTTP_API, CREATE, "responseElements.apiId")
on(APIGW, "UpdateApi", HTTP_API, UPDATE, "requestParameters.apiId")
on(APIGW, "DeleteApi", HTTP_API, DELETE, "requestParameters.apiId")
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
)

# Tags take an API Gateway ARN (…::/restapis/ID/stages/NAME names the REST API).
on(APIGW, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn")

# Keys, usage plans, VPC links, custom domains and the account's settings (v1).
API_KEY = "AWS::ApiGateway::ApiKey"
on(APIGW, "CreateApiKey", API_KEY, CREATE, "responseElements.id")
on(APIGW, "UpdateApiKey", API_KEY, UPDATE, "requestParameters.apiKey")
on(APIGW, "DeleteApiKey", API_KEY, DELETE, "requestParameters.apiKey")

PLAN = "AWS::ApiGateway::UsagePlan"
on(APIGW, "CreateUsagePlan", PLAN, CREATE, "responseElements.id")
on(
    APIGW,
    ("UpdateUsagePlan", "CreateUsagePlanKey"),
    PLAN,
    UPDATE,
    "requestParameters.usagePlanId",
)
on(APIGW, "DeleteUsagePlan", PLAN, DELETE, "requestParameters.usagePlanId")

# VPC links: v1 returns `id`, v2 `vpcLinkId`; both delete by `vpcLinkId`.
on(APIGW, "CreateVpcLink", "AWS::ApiGateway::VpcLink", CREATE, "responseElements.id")
on(APIGW, "CreateVpcLink", "AWS::ApiGatewayV2::VpcLink", CREATE, "responseElements.vpcLinkId")

# Custom domains are DNS names; v1 wraps the create body in `createDomainNameInput`, v2 does not.
# Update/Delete name the domain in the path either way, so both versions map to the v1 type.
DOMAIN = "AWS::ApiGateway::DomainName"
on(
    APIGW,
    "CreateDomainName",
    DOMAIN,
    CREATE,
    "requestParameters.createDomainNameInput.domainName || requestParameters.domainName",
)
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
)
on(APIGW, "DeleteDomainName", DOMAIN, DELETE, "requestParameters.domainName")

on(APIGW, "UpdateAccount", "AWS::ApiGateway::Account", UPDATE, "recipientAccountId")
