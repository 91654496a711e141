"""Amazon Managed Service for Apache Flink (Kinesis Data Analytics, v1 and v2 APIs, logged as
`kinesisanalytics.amazonaws.com`): applications, by name; their inputs, outputs, reference
data, logging, VPC configuration and maintenance window are parts of them. Starting and
stopping an application, and snapshots, are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

KDA = "kinesisanalytics.amazonaws.com"

APPLICATION = "AWS::KinesisAnalyticsV2::Application"

TYPES = (ResourceType(APPLICATION, "name", "application/"),)
ARN_KINDS = {("kinesisanalytics", "application"): APPLICATION}

NAME = "requestParameters.applicationName"

PARTS = (
    "AddApplicationCloudWatchLoggingOption",
    "DeleteApplicationCloudWatchLoggingOption",
    "AddApplicationInput",
    "AddApplicationInputProcessingConfiguration",
    "DeleteApplicationInputProcessingConfiguration",
    "AddApplicationOutput",
    "DeleteApplicationOutput",
    "AddApplicationReferenceDataSource",
    "DeleteApplicationReferenceDataSource",
    "AddApplicationVpcConfiguration",
    "DeleteApplicationVpcConfiguration",
    "UpdateApplicationMaintenanceConfiguration",
)

# Kinesis Data Analytics v2 API reference (JSON: members lower-case first).
RULES = [
    *lifecycle(KDA, "Application", APPLICATION, NAME),
    on(KDA, PARTS, APPLICATION, UPDATE, NAME),
    on(KDA, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN"),
]

OPERATIONAL = [
    ops(
        KDA,
        "running an application, and its snapshots and console URLs",
        """StartApplication StopApplication RollbackApplication CreateApplicationSnapshot
        DeleteApplicationSnapshot CreateApplicationPresignedUrl CreateSnapshot DeleteSnapshot""",
    ),
]

TERRAFORM = [
    tf("aws_kinesisanalyticsv2_application", APPLICATION, "name", "arn", "id"),
    tf("aws_kinesis_analytics_application", APPLICATION, "name", "arn", "id"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("kinesisanalyticsv2", "kinesisanalytics"),
)
