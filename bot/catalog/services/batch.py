"""AWS Batch: compute environments, job queues, scheduling policies and job definitions, by
name (requests name them by name or ARN; ARNs are turned into names). A job definition is a
name with numbered revisions: registering one makes a revision, deregistering retires one.
Jobs are operational."""

from __future__ import annotations

import re

from bot.catalog.arns import Arn
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

BATCH = "batch.amazonaws.com"

COMPUTE_ENVIRONMENT = "AWS::Batch::ComputeEnvironment"
JOB_QUEUE = "AWS::Batch::JobQueue"
JOB_DEFINITION = "AWS::Batch::JobDefinition"
SCHEDULING_POLICY = "AWS::Batch::SchedulingPolicy"

_REVISION = re.compile(r":\d+$")


def _without_revision(value: str) -> str:
    """`render:3` → `render`."""
    return _REVISION.sub("", value)


def _definition(arn: Arn) -> str:
    return _without_revision(arn.resource)


TYPES = (
    ResourceType(COMPUTE_ENVIRONMENT, "name", "compute-environment/"),
    ResourceType(JOB_QUEUE, "name", "job-queue/"),
    ResourceType(
        JOB_DEFINITION,
        "name",
        "job-definition/",
        id_from_arn=_definition,
        id_from_value=_without_revision,
    ),
    ResourceType(SCHEDULING_POLICY, "name", "scheduling-policy/"),
)
ARN_KINDS = {
    ("batch", "compute-environment"): COMPUTE_ENVIRONMENT,
    ("batch", "job-queue"): JOB_QUEUE,
    ("batch", "job-definition"): JOB_DEFINITION,
    ("batch", "scheduling-policy"): SCHEDULING_POLICY,
}

# AWS Batch API reference (REST JSON, members already lower-case first).
RULES = [
    on(
        BATCH,
        "CreateComputeEnvironment",
        COMPUTE_ENVIRONMENT,
        CREATE,
        "requestParameters.computeEnvironmentName",
    ),
    on(
        BATCH,
        "UpdateComputeEnvironment",
        COMPUTE_ENVIRONMENT,
        UPDATE,
        "requestParameters.computeEnvironment",
    ),
    on(
        BATCH,
        "DeleteComputeEnvironment",
        COMPUTE_ENVIRONMENT,
        DELETE,
        "requestParameters.computeEnvironment",
    ),
    on(BATCH, "CreateJobQueue", JOB_QUEUE, CREATE, "requestParameters.jobQueueName"),
    on(BATCH, "UpdateJobQueue", JOB_QUEUE, UPDATE, "requestParameters.jobQueue"),
    on(BATCH, "DeleteJobQueue", JOB_QUEUE, DELETE, "requestParameters.jobQueue"),
    on(BATCH, "CreateSchedulingPolicy", SCHEDULING_POLICY, CREATE, "requestParameters.name"),
    on(BATCH, "UpdateSchedulingPolicy", SCHEDULING_POLICY, UPDATE, "requestParameters.arn"),
    on(BATCH, "DeleteSchedulingPolicy", SCHEDULING_POLICY, DELETE, "requestParameters.arn"),
    on(
        BATCH,
        "RegisterJobDefinition",
        JOB_DEFINITION,
        CREATE,
        "requestParameters.jobDefinitionName",
    ),
    on(
        BATCH,
        "DeregisterJobDefinition",
        JOB_DEFINITION,
        DELETE,
        "requestParameters.jobDefinition",
    ),
    on(BATCH, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        BATCH,
        "jobs a queue runs, not configuration",
        """SubmitJob CancelJob CancelJobs TerminateJob TerminateJobs TerminateServiceJob
        TerminateServiceJobs SubmitServiceJob UpdateServiceJob""",
    ),
]

TERRAFORM = [
    tf(
        "aws_batch_compute_environment",
        COMPUTE_ENVIRONMENT,
        "name",
        "compute_environment_name",
        "id",
        "arn",
    ),
    tf("aws_batch_job_queue", JOB_QUEUE, "name", "arn", "id"),
    tf("aws_batch_job_definition", JOB_DEFINITION, "name", "arn", "id"),
    tf("aws_batch_scheduling_policy", SCHEDULING_POLICY, "name", "arn", "id"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("batch",)
)
