"""Bedrock: guardrails and the account's model invocation logging configuration.

Model customization jobs and model access agreements (CreateModelCustomizationJob,
PutFoundationModelEntitlement, CreateFoundationModelAgreement, PutUseCaseForModelAccess) are
jobs or marketplace subscriptions, not IaC-managed configuration: no rules.
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service

BEDROCK = "bedrock.amazonaws.com"

GUARDRAIL = "AWS::Bedrock::Guardrail"
MODEL_INVOCATION_LOGGING_CONFIGURATION = "AWS::Bedrock::ModelInvocationLoggingConfiguration"

TYPES = (
    ResourceType(GUARDRAIL, "id", "guardrail/"),
    ResourceType(MODEL_INVOCATION_LOGGING_CONFIGURATION, "account", cfn=False),
)
ARN_KINDS = {
    ("bedrock", "guardrail"): GUARDRAIL,
}

# panther-analysis aws_bedrock_guardrail_update_delete and
# aws_bedrock_deletemodelinvocationloggingconfiguration records; Bedrock API reference.
# `guardrailIdentifier` is the id or the ARN.
RULES = [
    on(BEDROCK, "CreateGuardrail", GUARDRAIL, CREATE, "responseElements.guardrailId"),
    on(
        BEDROCK,
        ("UpdateGuardrail", "CreateGuardrailVersion"),
        GUARDRAIL,
        UPDATE,
        "requestParameters.guardrailIdentifier",
    ),
    on(BEDROCK, "DeleteGuardrail", GUARDRAIL, DELETE, "requestParameters.guardrailIdentifier"),
    on(
        BEDROCK,
        ("PutModelInvocationLoggingConfiguration", "DeleteModelInvocationLoggingConfiguration"),
        MODEL_INVOCATION_LOGGING_CONFIGURATION,
        UPDATE,
        "recipientAccountId",
    ),
]

SERVICE = Service(TYPES, RULES, arn_kinds=ARN_KINDS, models=("bedrock", "bedrock-agent"))
