"""Amazon EMR: clusters (by the `j-…` id; instance groups and fleets, scaling and
termination policies and cluster flags are parts of them), security configurations (by
name), Studios (by `es-…` id; session mappings are parts of them), the account's block public
access configuration; and EMR Serverless applications. Steps, notebook executions and sessions
are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, tf

EMR = "elasticmapreduce.amazonaws.com"
SERVERLESS = "emr-serverless.amazonaws.com"

CLUSTER = "AWS::EMR::Cluster"
SECURITY_CONFIGURATION = "AWS::EMR::SecurityConfiguration"
STUDIO = "AWS::EMR::Studio"
BLOCK_PUBLIC_ACCESS = "AWS::EMR::BlockPublicAccessConfiguration"
SERVERLESS_APP = "AWS::EMRServerless::Application"

TYPES = (
    ResourceType(CLUSTER, "id", "cluster/"),
    ResourceType(SECURITY_CONFIGURATION, "name"),
    ResourceType(STUDIO, "id", "studio/"),
    ResourceType(BLOCK_PUBLIC_ACCESS, "account", cfn=False),
    ResourceType(SERVERLESS_APP, "id", "/applications/"),
)
ARN_KINDS = {
    ("elasticmapreduce", "cluster"): CLUSTER,
    ("elasticmapreduce", "studio"): STUDIO,
    ("emr-serverless", "/applications"): SERVERLESS_APP,
}

CLUSTER_ID = "requestParameters.clusterId"

# EMR and EMR Serverless API references (members lower-case first).
RULES = [
    on(EMR, "RunJobFlow", CLUSTER, CREATE, "responseElements.jobFlowId"),
    on(
        EMR,
        (
            "ModifyCluster",
            "AddInstanceFleet",
            "ModifyInstanceFleet",
            "ModifyInstanceGroups",
            "PutAutoScalingPolicy",
            "RemoveAutoScalingPolicy",
            "PutAutoTerminationPolicy",
            "RemoveAutoTerminationPolicy",
            "PutManagedScalingPolicy",
            "RemoveManagedScalingPolicy",
        ),
        CLUSTER,
        UPDATE,
        CLUSTER_ID,
    ),
    on(EMR, "AddInstanceGroups", CLUSTER, UPDATE, "requestParameters.jobFlowId"),
    on(
        EMR,
        (
            "SetTerminationProtection",
            "SetVisibleToAllUsers",
            "SetKeepJobFlowAliveWhenNoSteps",
            "SetUnhealthyNodeReplacement",
        ),
        CLUSTER,
        UPDATE,
        "requestParameters.jobFlowIds",
    ),
    on(EMR, "TerminateJobFlows", CLUSTER, DELETE, "requestParameters.jobFlowIds"),
    on(EMR, ("AddTags", "RemoveTags"), CLUSTER, UPDATE, "requestParameters.resourceId"),
    on(
        EMR,
        "CreateSecurityConfiguration",
        SECURITY_CONFIGURATION,
        CREATE,
        "requestParameters.name",
    ),
    on(
        EMR,
        "DeleteSecurityConfiguration",
        SECURITY_CONFIGURATION,
        DELETE,
        "requestParameters.name",
    ),
    *lifecycle(
        EMR, "Studio", STUDIO, "requestParameters.studioId", created="responseElements.studioId"
    ),
    on(
        EMR,
        (
            "CreateStudioSessionMapping",
            "UpdateStudioSessionMapping",
            "DeleteStudioSessionMapping",
        ),
        STUDIO,
        UPDATE,
        "requestParameters.studioId",
    ),
    on(
        EMR,
        "PutBlockPublicAccessConfiguration",
        BLOCK_PUBLIC_ACCESS,
        UPDATE,
        "recipientAccountId",
    ),
    *lifecycle(
        SERVERLESS,
        "Application",
        SERVERLESS_APP,
        "requestParameters.applicationId",
        created="responseElements.applicationId",
    ),
    on(
        SERVERLESS,
        ("TagResource", "UntagResource"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
]

OPERATIONAL = [
    ops(
        EMR,
        "work a cluster runs: steps, notebook executions, sessions, persistent UIs",
        """AddJobFlowSteps CancelSteps StartNotebookExecution StopNotebookExecution
        StartSession TerminateSession CreatePersistentAppUI""",
    ),
    ops(
        SERVERLESS,
        "running an application: starting and stopping it, job runs, sessions",
        """StartApplication StopApplication StartJobRun CancelJobRun StartSession
        TerminateSession""",
    ),
]

TERRAFORM = [
    tf("aws_emr_cluster", CLUSTER, "id", "arn"),
    *children(
        CLUSTER,
        "cluster_id",
        "aws_emr_instance_group",
        "aws_emr_instance_fleet",
        "aws_emr_managed_scaling_policy",
    ),
    tf("aws_emr_security_configuration", SECURITY_CONFIGURATION, "name", "id"),
    tf("aws_emr_studio", STUDIO, "id", "arn"),
    *children(STUDIO, "studio_id", "aws_emr_studio_session_mapping"),
    tf("aws_emr_block_public_access_configuration", BLOCK_PUBLIC_ACCESS, STATE_ACCOUNT),
    tf("aws_emrserverless_application", SERVERLESS_APP, "id", "arn"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("emr", "emr-serverless"),
    unreachable={
        BLOCK_PUBLIC_ACCESS: "an account-wide setting: it always exists, "
        "PutBlockPublicAccessConfiguration changes it",
    },
)
