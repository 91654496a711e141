"""DynamoDB table-level calls (item calls are data events). Tables by name; tags and
resource policies by ARN.
"""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

DDB = "dynamodb.amazonaws.com"
TABLE = "AWS::DynamoDB::Table"
# The developer guide's UpdateTable example has no name in the request, only in the response.
TABLE_NAME = "requestParameters.tableName || responseElements.tableDescription.tableName"

# UpdateTable and DeleteTable checked against the DynamoDB developer guide's CloudTrail
# examples; the rest follow the DynamoDB API reference (documented shape only).
on(DDB, "CreateTable", TABLE, CREATE, TABLE_NAME)
on(
    DDB,
    ("RestoreTableFromBackup", "RestoreTableToPointInTime"),
    TABLE,
    CREATE,
    "requestParameters.targetTableName",
)
on(
    DDB,
    (
        "UpdateTable",
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
    TABLE_NAME,
)
on(DDB, "DeleteTable", TABLE, DELETE, TABLE_NAME)

# Tags and resource-based policies take the table's (or its stream's) ARN.
on(
    DDB,
    ("TagResource", "UntagResource", "PutResourcePolicy", "DeleteResourcePolicy"),
    BY_ARN,
    UPDATE,
    "requestParameters.resourceArn",
)

# Global tables of the 2017.11.29 version, by name.
GLOBAL = "AWS::DynamoDB::GlobalTable"
on(DDB, "CreateGlobalTable", GLOBAL, CREATE, "requestParameters.globalTableName")
on(
    DDB,
    ("UpdateGlobalTable", "UpdateGlobalTableSettings"),
    GLOBAL,
    UPDATE,
    "requestParameters.globalTableName",
)
