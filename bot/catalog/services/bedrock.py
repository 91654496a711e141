"""Bedrock: guardrails, the account's model invocation logging configuration, provisioned
throughput, inference profiles, custom models, and Agents for Bedrock (agents, knowledge bases,
flows, prompts), whose calls CloudTrail logs under bedrock.amazonaws.com too.

Model customization jobs and model access agreements (CreateModelCustomizationJob,
PutFoundationModelEntitlement, CreateFoundationModelAgreement, PutUseCaseForModelAccess) are
jobs or marketplace subscriptions, not IaC-managed configuration: no rules.
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, part_of, tf

BEDROCK = "bedrock.amazonaws.com"

GUARDRAIL = "AWS::Bedrock::Guardrail"
MODEL_INVOCATION_LOGGING_CONFIGURATION = "AWS::Bedrock::ModelInvocationLoggingConfiguration"
PROVISIONED_THROUGHPUT = "AWS::Bedrock::ProvisionedModelThroughput"
INFERENCE_PROFILE = "AWS::Bedrock::ApplicationInferenceProfile"
PROMPT_ROUTER = "AWS::Bedrock::IntelligentPromptRouter"
CUSTOM_MODEL = "AWS::Bedrock::CustomModel"
CUSTOM_MODEL_DEPLOYMENT = "AWS::Bedrock::CustomModelDeployment"
MARKETPLACE_ENDPOINT = "AWS::Bedrock::MarketplaceModelEndpoint"
REASONING_POLICY = "AWS::Bedrock::AutomatedReasoningPolicy"
AGENT = "AWS::Bedrock::Agent"
KNOWLEDGE_BASE = "AWS::Bedrock::KnowledgeBase"
FLOW = "AWS::Bedrock::Flow"
PROMPT = "AWS::Bedrock::Prompt"

TYPES = (
    ResourceType(GUARDRAIL, "id", "guardrail/"),
    ResourceType(MODEL_INVOCATION_LOGGING_CONFIGURATION, "account", cfn=False),
    ResourceType(PROVISIONED_THROUGHPUT, "arn"),
    ResourceType(INFERENCE_PROFILE, "arn"),
    ResourceType(PROMPT_ROUTER, "arn"),
    ResourceType(CUSTOM_MODEL, "arn", cfn=False),
    ResourceType(CUSTOM_MODEL_DEPLOYMENT, "arn", cfn=False),
    ResourceType(MARKETPLACE_ENDPOINT, "arn", cfn=False),
    ResourceType(REASONING_POLICY, "arn"),
    # Agents for Bedrock (bedrock-agent's API, logged under bedrock.amazonaws.com), by id.
    ResourceType(AGENT, "id", "agent/"),
    ResourceType(KNOWLEDGE_BASE, "id", "knowledge-base/"),
    ResourceType(FLOW, "id", "flow/"),
    ResourceType(PROMPT, "id", "prompt/"),
)
ARN_KINDS = {
    ("bedrock", "guardrail"): GUARDRAIL,
    ("bedrock", "provisioned-model"): PROVISIONED_THROUGHPUT,
    ("bedrock", "application-inference-profile"): INFERENCE_PROFILE,
    ("bedrock", "default-prompt-router"): PROMPT_ROUTER,
    ("bedrock", "prompt-router"): PROMPT_ROUTER,
    ("bedrock", "custom-model"): CUSTOM_MODEL,
    ("bedrock", "agent"): AGENT,
    ("bedrock", "knowledge-base"): KNOWLEDGE_BASE,
    ("bedrock", "flow"): FLOW,
    ("bedrock", "prompt"): PROMPT,
    ("bedrock", "automated-reasoning-policy"): REASONING_POLICY,
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
    # Provisioned throughput, application inference profiles, prompt routers, custom models
    # and their deployments, Marketplace endpoints, Automated Reasoning policies (API
    # reference; identifiers are ids or ARNs).
    on(
        BEDROCK,
        "CreateProvisionedModelThroughput",
        PROVISIONED_THROUGHPUT,
        CREATE,
        "responseElements.provisionedModelArn",
    ),
    on(
        BEDROCK,
        "UpdateProvisionedModelThroughput",
        PROVISIONED_THROUGHPUT,
        UPDATE,
        "requestParameters.provisionedModelId",
    ),
    on(
        BEDROCK,
        "DeleteProvisionedModelThroughput",
        PROVISIONED_THROUGHPUT,
        DELETE,
        "requestParameters.provisionedModelId",
    ),
    on(
        BEDROCK,
        "CreateInferenceProfile",
        INFERENCE_PROFILE,
        CREATE,
        "responseElements.inferenceProfileArn",
    ),
    on(
        BEDROCK,
        "DeleteInferenceProfile",
        INFERENCE_PROFILE,
        DELETE,
        "requestParameters.inferenceProfileIdentifier",
    ),
    on(BEDROCK, "CreatePromptRouter", PROMPT_ROUTER, CREATE, "responseElements.promptRouterArn"),
    on(BEDROCK, "DeletePromptRouter", PROMPT_ROUTER, DELETE, "requestParameters.promptRouterArn"),
    on(BEDROCK, "CreateCustomModel", CUSTOM_MODEL, CREATE, "responseElements.modelArn"),
    on(
        BEDROCK,
        ("DeleteCustomModel", "DeleteImportedModel"),
        CUSTOM_MODEL,
        DELETE,
        "requestParameters.modelIdentifier",
    ),
    on(
        BEDROCK,
        "CreateCustomModelDeployment",
        CUSTOM_MODEL_DEPLOYMENT,
        CREATE,
        "responseElements.customModelDeploymentArn",
    ),
    on(
        BEDROCK,
        "UpdateCustomModelDeployment",
        CUSTOM_MODEL_DEPLOYMENT,
        UPDATE,
        "responseElements.customModelDeploymentArn",
    ),
    on(
        BEDROCK,
        "DeleteCustomModelDeployment",
        CUSTOM_MODEL_DEPLOYMENT,
        DELETE,
        "requestParameters.customModelDeploymentIdentifier",
    ),
    on(
        BEDROCK,
        ("CreateMarketplaceModelEndpoint", "RegisterMarketplaceModelEndpoint"),
        MARKETPLACE_ENDPOINT,
        CREATE,
        "responseElements.marketplaceModelEndpoint.endpointArn",
    ),
    on(
        BEDROCK,
        "UpdateMarketplaceModelEndpoint",
        MARKETPLACE_ENDPOINT,
        UPDATE,
        "requestParameters.endpointArn",
    ),
    on(
        BEDROCK,
        ("DeleteMarketplaceModelEndpoint", "DeregisterMarketplaceModelEndpoint"),
        MARKETPLACE_ENDPOINT,
        DELETE,
        "requestParameters.endpointArn",
    ),
    on(
        BEDROCK,
        "CreateAutomatedReasoningPolicy",
        REASONING_POLICY,
        CREATE,
        "responseElements.policyArn",
    ),
    on(
        BEDROCK,
        (
            "UpdateAutomatedReasoningPolicy",
            "CreateAutomatedReasoningPolicyVersion",
            "CreateAutomatedReasoningPolicyTestCase",
            "UpdateAutomatedReasoningPolicyTestCase",
            "DeleteAutomatedReasoningPolicyTestCase",
            "UpdateAutomatedReasoningPolicyAnnotations",
        ),
        REASONING_POLICY,
        UPDATE,
        "requestParameters.policyArn",
    ),
    on(
        BEDROCK,
        "DeleteAutomatedReasoningPolicy",
        REASONING_POLICY,
        DELETE,
        "requestParameters.policyArn",
    ),
    on(
        BEDROCK,
        ("PutResourcePolicy", "DeleteResourcePolicy"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
    on(BEDROCK, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN"),
    # Agents, their action groups, aliases, collaborators and knowledge bases; knowledge bases
    # and their data sources; flows and prompts (Agents for Bedrock API reference).
    on(BEDROCK, "CreateAgent", AGENT, CREATE, "responseElements.agent.agentId"),
    on(
        BEDROCK,
        (
            "UpdateAgent",
            "PrepareAgent",
            "CreateAgentActionGroup",
            "UpdateAgentActionGroup",
            "DeleteAgentActionGroup",
            "CreateAgentAlias",
            "UpdateAgentAlias",
            "DeleteAgentAlias",
            "DeleteAgentVersion",
            "AssociateAgentCollaborator",
            "UpdateAgentCollaborator",
            "DisassociateAgentCollaborator",
            "AssociateAgentKnowledgeBase",
            "UpdateAgentKnowledgeBase",
            "DisassociateAgentKnowledgeBase",
        ),
        AGENT,
        UPDATE,
        "requestParameters.agentId",
    ),
    on(BEDROCK, "DeleteAgent", AGENT, DELETE, "requestParameters.agentId"),
    on(
        BEDROCK,
        "CreateKnowledgeBase",
        KNOWLEDGE_BASE,
        CREATE,
        "responseElements.knowledgeBase.knowledgeBaseId",
    ),
    on(
        BEDROCK,
        (
            "UpdateKnowledgeBase",
            "CreateDataSource",
            "UpdateDataSource",
            "DeleteDataSource",
            "CreateVpcConfiguration",
            "DeleteVpcConfiguration",
        ),
        KNOWLEDGE_BASE,
        UPDATE,
        "requestParameters.knowledgeBaseId",
    ),
    on(BEDROCK, "DeleteKnowledgeBase", KNOWLEDGE_BASE, DELETE, "requestParameters.knowledgeBaseId"),
    on(BEDROCK, "CreateFlow", FLOW, CREATE, "responseElements.id"),
    on(
        BEDROCK,
        (
            "UpdateFlow",
            "PrepareFlow",
            "CreateFlowAlias",
            "UpdateFlowAlias",
            "DeleteFlowAlias",
            "CreateFlowVersion",
            "DeleteFlowVersion",
        ),
        FLOW,
        UPDATE,
        "requestParameters.flowIdentifier",
    ),
    on(BEDROCK, "DeleteFlow", FLOW, DELETE, "requestParameters.flowIdentifier"),
    on(BEDROCK, "CreatePrompt", PROMPT, CREATE, "responseElements.id"),
    on(
        BEDROCK,
        ("UpdatePrompt", "CreatePromptVersion"),
        PROMPT,
        UPDATE,
        "requestParameters.promptIdentifier",
    ),
    on(BEDROCK, "DeletePrompt", PROMPT, DELETE, "requestParameters.promptIdentifier"),
]

TERRAFORM = [
    tf("aws_bedrock_guardrail", GUARDRAIL, "guardrail_id", "guardrail_arn"),
    part_of("aws_bedrock_guardrail_version", GUARDRAIL, "guardrail_arn"),
    tf(
        "aws_bedrock_model_invocation_logging_configuration",
        MODEL_INVOCATION_LOGGING_CONFIGURATION,
        STATE_ACCOUNT,
    ),
    tf("aws_bedrock_provisioned_model_throughput", PROVISIONED_THROUGHPUT, "arn", "id"),
    tf("aws_bedrock_inference_profile", INFERENCE_PROFILE, "arn", "id"),
    tf("aws_bedrock_custom_model", CUSTOM_MODEL, "custom_model_arn", "id"),
    tf("aws_bedrockagent_agent", AGENT, "agent_id", "id"),
    *children(
        AGENT,
        "agent_id",
        "aws_bedrockagent_agent_action_group",
        "aws_bedrockagent_agent_alias",
        "aws_bedrockagent_agent_collaborator",
        "aws_bedrockagent_agent_knowledge_base_association",
    ),
    tf("aws_bedrockagent_knowledge_base", KNOWLEDGE_BASE, "id", "arn"),
    part_of("aws_bedrockagent_data_source", KNOWLEDGE_BASE, "knowledge_base_id"),
    tf("aws_bedrockagent_flow", FLOW, "id", "arn"),
    tf("aws_bedrockagent_prompt", PROMPT, "id", "arn"),
]

OPERATIONAL = [
    ops(
        BEDROCK,
        "model invocations (the runtime's Converse and streaming calls), jobs (optimization, "
        "copy, import, evaluation, batch inference), ingestion of documents, Automated "
        "Reasoning build and test workflows, the account's data retention choice, model "
        "agreements withdrawn",
        """Converse ConverseStream InvokeModelWithResponseStream ApplyGuardrail CountTokens
        StartAsyncInvoke CreateAdvancedPromptOptimizationJob StopAdvancedPromptOptimizationJob
        CreateModelCopyJob CreateModelImportJob StopEvaluationJob StopModelInvocationJob
        StartIngestionJob StopIngestionJob DeleteKnowledgeBaseDocuments
        StartAutomatedReasoningPolicyBuildWorkflow StartAutomatedReasoningPolicyTestWorkflow
        CancelAutomatedReasoningPolicyBuildWorkflow DeleteAutomatedReasoningPolicyBuildWorkflow
        PutAccountDataRetention DeleteFoundationModelAgreement""",
    ),
    ops(
        BEDROCK,
        "enforced guardrail configurations and retrieval instructions (2025) have no IaC type yet",
        """PutEnforcedGuardrailConfiguration DeleteEnforcedGuardrailConfiguration
        CreateRetrievalInstruction CreateRetrievalInstructionVersion
        UpdateRetrievalInstruction DeleteRetrievalInstruction""",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    terraform=TERRAFORM,
    models=("bedrock", "bedrock-agent", "bedrock-runtime"),
    unreachable={
        MODEL_INVOCATION_LOGGING_CONFIGURATION: "an account-wide setting of the region: "
        "Put/DeleteModelInvocationLoggingConfiguration change it",
    },
)
