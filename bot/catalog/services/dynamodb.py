"""DynamoDB table-level calls (item calls are data events). Tables by name; tags and
resource policies by ARN.
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

DDB = "dynamodb.amazonaws.com"

TABLE = "AWS::DynamoDB::Table"
GLOBAL = "AWS::DynamoDB::GlobalTable"

TYPES = (
    ResourceType(TABLE, "name", "table/"),
    ResourceType(GLOBAL, "name", "global-table/", is_global=True),
)
ARN_KINDS = {
    ("dynamodb", "table"): TABLE,
}

# The developer guide's UpdateTable example has no name in the request, only in the response.
TABLE_NAME = "requestParameters.tableName || responseElements.tableDescription.tableName"

# UpdateTable and DeleteTable checked against the DynamoDB developer guide's CloudTrail
# examples; the rest follow the DynamoDB API reference (documented shape only).
RULES = [
    on(DDB, "CreateTable", TABLE, CREATE, TABLE_NAME),
    on(
        DDB,
        ("RestoreTableFromBackup", "RestoreTableToPointInTime"),
        TABLE,
        CREATE,
        "requestParameters.targetTableName",
    ),
    on(
        DDB,
        "UpdateTable",
        TABLE,
        UPDATE,
        TABLE_NAME,
    ),
    on(
        DDB,
        (
            "UpdateTimeToLive",
            "UpdateContinuousBackups",
            "UpdateContributorInsights",
            "UpdateTableReplicaAutoScaling",
            "EnableKinesisStreamingDestination",
            "DisableKinesisStreamingDestination",
            "UpdateKinesisStreamingDestination",
        ),
        TABLE,
        UPDATE,
        "requestParameters.tableName",
    ),
    on(DDB, "DeleteTable", TABLE, DELETE, TABLE_NAME),
    # Tags and resource-based policies take the table's (or its stream's) ARN.
    on(
        DDB,
        ("TagResource", "UntagResource", "PutResourcePolicy", "DeleteResourcePolicy"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
    # Global tables of the 2017.11.29 version, by name.
    on(DDB, "CreateGlobalTable", GLOBAL, CREATE, "requestParameters.globalTableName"),
    on(
        DDB,
        ("UpdateGlobalTable", "UpdateGlobalTableSettings"),
        GLOBAL,
        UPDATE,
        "requestParameters.globalTableName",
    ),
    # ImportTable makes a new table from S3 data (API reference).
    on(
        DDB,
        "ImportTable",
        TABLE,
        CREATE,
        "requestParameters.tableCreationParameters.tableName",
    ),
]

TERRAFORM = [
    tf("aws_dynamodb_table", TABLE, "name", "id", "arn"),
    tf("aws_dynamodb_global_table", GLOBAL, "name", "id"),
    part_of("aws_dynamodb_table_replica", TABLE, "global_table_arn"),
    *children(
        TABLE,
        "table_name",
        "aws_dynamodb_contributor_insights",
        "aws_dynamodb_kinesis_streaming_destination",
    ),
    part_of("aws_dynamodb_resource_policy", TABLE, "resource_arn"),
]

OPERATIONAL = [
    ops(
        DDB,
        "on-demand backups and bulk item writes are copies and data, not the table's configuration",
        "CreateBackup DeleteBackup StartBulkPutItems CancelBulkOperation",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("dynamodb",),
    unreachable={
        GLOBAL: "a 2017.11.29 global table has no delete call: its replicas are removed with "
        "UpdateGlobalTable, and the tables themselves with DeleteTable",
    },
)
