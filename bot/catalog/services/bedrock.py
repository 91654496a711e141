"""Bedrock: guardrails and the account's model invocation logging configuration.

Model customization jobs and model access agreements (CreateModelCustomizationJob,
PutFoundationModelEntitlement, CreateFoundationModelAgreement, PutUseCaseForModelAccess) are
jobs or marketplace subscriptions, not IaC-managed configuration: no rules.
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

BEDROCK = "bedrock.amazonaws.com"
GUARDRAIL = "AWS::Bedrock::Guardrail"

# panther-analysis aws_bedrock_guardrail_update_delete and
# aws_bedrock_deletemodelinvocationloggingconfiguration records; Bedrock API reference.
# `guardrailIdentifier` is the id or the ARN.
on(BEDROCK, "CreateGuardrail", GUARDRAIL, CREATE, "responseElements.guardrailId")
on(
    BEDROCK,
    ("UpdateGuardrail", "CreateGuardrailVersion"),
    GUARDRAIL,
    UPDATE,
    "requestParameters.guardrailIdentifier",
)
on(BEDROCK, "DeleteGuardrail", GUARDRAIL, DELETE, "requestParameters.guardrailIdentifier")
on(
    BEDROCK,
    ("PutModelInvocationLoggingConfiguration", "DeleteModelInvocationLoggingConfiguration"),
    "AWS::Bedrock::ModelInvocationLoggingConfiguration",
    UPDATE,
    "recipientAccountId",
)
