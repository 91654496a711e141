"""Service Quotas: increases asked for (the quota as Terraform keys it, `SERVICE/QUOTA`), and
the organization's template of increases for new accounts."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, tf

SQ = "servicequotas.amazonaws.com"

QUOTA = "AWS::ServiceQuotas::ServiceQuota"
TEMPLATE = "AWS::ServiceQuotas::Template"

TYPES = (
    ResourceType(QUOTA, "id", cfn=False),
    ResourceType(TEMPLATE, "account", cfn=False),
)

QUOTA_ID = "join('/', [requestParameters.serviceCode, requestParameters.quotaCode])"

# Service Quotas API reference (JSON protocol, lowerCamel members).
RULES = [
    on(SQ, "RequestServiceQuotaIncrease", QUOTA, CREATE, QUOTA_ID),
    on(SQ, "AssociateServiceQuotaTemplate", TEMPLATE, CREATE, "recipientAccountId"),
    on(
        SQ,
        (
            "PutServiceQuotaIncreaseRequestIntoTemplate",
            "DeleteServiceQuotaIncreaseRequestFromTemplate",
        ),
        TEMPLATE,
        UPDATE,
        "recipientAccountId",
    ),
    on(SQ, "DisassociateServiceQuotaTemplate", TEMPLATE, DELETE, "recipientAccountId"),
]

OPERATIONAL = [
    ops(
        SQ,
        "support cases about a quota, utilization reports, automatic quota management (2025), "
        "tags on quota requests",
        """CreateSupportCase StartQuotaUtilizationReport StartAutoManagement StopAutoManagement
        UpdateAutoManagement TagResource UntagResource""",
    ),
]

TERRAFORM = [
    tf("aws_servicequotas_service_quota", QUOTA, "id"),
    tf("aws_servicequotas_template_association", TEMPLATE, STATE_ACCOUNT),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    operational=OPERATIONAL,
    models=("service-quotas",),
    unreachable={
        QUOTA: "a quota always exists; RequestServiceQuotaIncrease asks for a new value and no "
        "call removes it",
    },
)
