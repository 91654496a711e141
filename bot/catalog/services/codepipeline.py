"""CodePipeline: pipelines and webhooks, by name. Stage transitions are part of a pipeline;
executions, approvals and job results are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

CP = "codepipeline.amazonaws.com"

PIPELINE = "AWS::CodePipeline::Pipeline"
WEBHOOK = "AWS::CodePipeline::Webhook"

TYPES = (
    ResourceType(PIPELINE, "name"),
    ResourceType(WEBHOOK, "name", "webhook:"),
)
# Pipeline ARNs are codepipeline:REGION:ACCOUNT:NAME; webhooks' …:webhook:NAME.
ARN_KINDS = {
    ("codepipeline", ""): PIPELINE,
    ("codepipeline", "webhook"): WEBHOOK,
}

# CodePipeline API reference (members lower-case first; the pipeline's declaration is logged
# under `pipeline`).
RULES = [
    on(CP, "CreatePipeline", PIPELINE, CREATE, "requestParameters.pipeline.name"),
    on(CP, "UpdatePipeline", PIPELINE, UPDATE, "requestParameters.pipeline.name"),
    on(
        CP,
        ("EnableStageTransition", "DisableStageTransition"),
        PIPELINE,
        UPDATE,
        "requestParameters.pipelineName",
    ),
    on(CP, "DeletePipeline", PIPELINE, DELETE, "requestParameters.name"),
    on(CP, "PutWebhook", WEBHOOK, CREATE, "requestParameters.webhook.name"),
    on(
        CP,
        ("RegisterWebhookWithThirdParty", "DeregisterWebhookWithThirdParty"),
        WEBHOOK,
        UPDATE,
        "requestParameters.webhookName",
    ),
    on(CP, "DeleteWebhook", WEBHOOK, DELETE, "requestParameters.name"),
    on(CP, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        CP,
        "running a pipeline: executions, approvals, action revisions and job results",
        """StartPipelineExecution StopPipelineExecution RetryStageExecution
        RollbackStage OverrideStageCondition PutApprovalResult PutActionRevision
        PutJobSuccessResult PutJobFailureResult PutThirdPartyJobSuccessResult
        PutThirdPartyJobFailureResult AcknowledgeJob AcknowledgeThirdPartyJob""",
    ),
]

TERRAFORM = [
    tf("aws_codepipeline", PIPELINE, "name", "id", "arn"),
    tf("aws_codepipeline_webhook", WEBHOOK, "name", "arn", "id"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("codepipeline",),
)
