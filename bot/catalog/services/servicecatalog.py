"""AWS Service Catalog: portfolios (their principals, products, shares and budgets are parts of
them), products (their provisioning artifacts are parts of them), constraints, tag options,
service actions and provisioned products, by the ids Service Catalog makes (`port-…`,
`prod-…`, `cons-…`, `tag-…`, `act-…`, `pp-…`).

What a provisioned product creates, CloudFormation creates (bot/trail/origin.py).
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, tf

SC = "servicecatalog.amazonaws.com"

PORTFOLIO = "AWS::ServiceCatalog::Portfolio"
PRODUCT = "AWS::ServiceCatalog::CloudFormationProduct"
CONSTRAINT = "AWS::ServiceCatalog::LaunchRoleConstraint"
TAG_OPTION = "AWS::ServiceCatalog::TagOption"
SERVICE_ACTION = "AWS::ServiceCatalog::ServiceAction"
PROVISIONED = "AWS::ServiceCatalog::CloudFormationProvisionedProduct"
ORG_ACCESS = "AWS::ServiceCatalog::OrganizationsAccess"

TYPES = (
    ResourceType(PORTFOLIO, "id", "portfolio/"),
    ResourceType(PRODUCT, "id", "product/"),
    ResourceType(CONSTRAINT, "id"),
    ResourceType(TAG_OPTION, "id"),
    ResourceType(SERVICE_ACTION, "id"),
    ResourceType(PROVISIONED, "id"),
    ResourceType(ORG_ACCESS, "account", cfn=False),
)
ARN_KINDS = {("catalog", "portfolio"): PORTFOLIO, ("catalog", "product"): PRODUCT}

PORTFOLIO_ID = "requestParameters.portfolioId"
ID = "requestParameters.id"

# Service Catalog API reference (members lower-case first).
RULES = [
    *lifecycle(SC, "Portfolio", PORTFOLIO, ID, created="responseElements.portfolioDetail.id"),
    on(
        SC,
        (
            "AssociatePrincipalWithPortfolio",
            "DisassociatePrincipalFromPortfolio",
            "AssociateProductWithPortfolio",
            "DisassociateProductFromPortfolio",
            "CreatePortfolioShare",
            "UpdatePortfolioShare",
            "DeletePortfolioShare",
            "AcceptPortfolioShare",
            "RejectPortfolioShare",
            "CreateConstraint",
        ),
        PORTFOLIO,
        UPDATE,
        PORTFOLIO_ID,
    ),
    *lifecycle(
        SC,
        "Product",
        PRODUCT,
        ID,
        created="responseElements.productViewDetail.productViewSummary.productId",
    ),
    on(
        SC,
        (
            "CreateProvisioningArtifact",
            "UpdateProvisioningArtifact",
            "DeleteProvisioningArtifact",
            "AssociateServiceActionWithProvisioningArtifact",
            "DisassociateServiceActionFromProvisioningArtifact",
        ),
        PRODUCT,
        UPDATE,
        "requestParameters.productId",
    ),
    on(
        SC, "CreateConstraint", CONSTRAINT, CREATE, "responseElements.constraintDetail.constraintId"
    ),
    on(SC, "UpdateConstraint", CONSTRAINT, UPDATE, ID),
    on(SC, "DeleteConstraint", CONSTRAINT, DELETE, ID),
    *lifecycle(SC, "TagOption", TAG_OPTION, ID, created="responseElements.tagOptionDetail.id"),
    on(
        SC,
        ("AssociateTagOptionWithResource", "DisassociateTagOptionFromResource"),
        TAG_OPTION,
        UPDATE,
        "requestParameters.tagOptionId",
    ),
    *lifecycle(
        SC,
        "ServiceAction",
        SERVICE_ACTION,
        ID,
        created="responseElements.serviceActionDetail.serviceActionSummary.id",
    ),
    on(
        SC,
        "ProvisionProduct",
        PROVISIONED,
        CREATE,
        "responseElements.recordDetail.provisionedProductId",
    ),
    on(
        SC,
        ("UpdateProvisionedProduct", "UpdateProvisionedProductProperties"),
        PROVISIONED,
        UPDATE,
        "requestParameters.provisionedProductId",
    ),
    on(
        SC,
        "TerminateProvisionedProduct",
        PROVISIONED,
        DELETE,
        "requestParameters.provisionedProductId",
    ),
    on(
        SC,
        ("EnableAWSOrganizationsAccess", "DisableAWSOrganizationsAccess"),
        ORG_ACCESS,
        UPDATE,
        "recipientAccountId",
    ),
]

TERRAFORM = [
    tf("aws_servicecatalog_portfolio", PORTFOLIO, "id", "arn"),
    *children(
        PORTFOLIO,
        "portfolio_id",
        "aws_servicecatalog_principal_portfolio_association",
        "aws_servicecatalog_product_portfolio_association",
        "aws_servicecatalog_portfolio_share",
    ),
    tf("aws_servicecatalog_product", PRODUCT, "id", "arn"),
    *children(PRODUCT, "product_id", "aws_servicecatalog_provisioning_artifact"),
    tf("aws_servicecatalog_constraint", CONSTRAINT, "id"),
    tf("aws_servicecatalog_tag_option", TAG_OPTION, "id"),
    *children(TAG_OPTION, "tag_option_id", "aws_servicecatalog_tag_option_resource_association"),
    tf("aws_servicecatalog_service_action", SERVICE_ACTION, "id"),
    tf("aws_servicecatalog_provisioned_product", PROVISIONED, "id", "arn"),
    tf("aws_servicecatalog_organizations_access", ORG_ACCESS, STATE_ACCOUNT),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    models=("servicecatalog",),
    unreachable={ORG_ACCESS: "an account-wide setting, turned on and off"},
)
