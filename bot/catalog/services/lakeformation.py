"""AWS Lake Formation: data lake locations (registered S3 ARNs), LF-Tags (by key), LF-Tag
expressions and data cells filters (by name), the account's data lake settings, and the
permissions granted to a principal (by the principal's ARN)."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, tf

LF = "lakeformation.amazonaws.com"

LOCATION = "AWS::LakeFormation::Resource"
LF_TAG = "AWS::LakeFormation::Tag"
TAG_EXPRESSION = "AWS::LakeFormation::TagExpression"
CELLS_FILTER = "AWS::LakeFormation::DataCellsFilter"
SETTINGS = "AWS::LakeFormation::DataLakeSettings"
PERMISSIONS = "AWS::LakeFormation::PrincipalPermissions"

TYPES = (
    ResourceType(LOCATION, "arn"),
    ResourceType(LF_TAG, "name"),
    ResourceType(TAG_EXPRESSION, "name", cfn=False),
    ResourceType(CELLS_FILTER, "name"),
    ResourceType(SETTINGS, "account"),
    ResourceType(PERMISSIONS, "arn"),
)

PRINCIPAL = "requestParameters.principal.dataLakePrincipalIdentifier"

# Lake Formation API reference (REST JSON, members lower-case first).
RULES = [
    on(LF, "RegisterResource", LOCATION, CREATE, "requestParameters.resourceArn"),
    on(LF, "UpdateResource", LOCATION, UPDATE, "requestParameters.resourceArn"),
    on(LF, "DeregisterResource", LOCATION, DELETE, "requestParameters.resourceArn"),
    *lifecycle(LF, "LFTag", LF_TAG, "requestParameters.tagKey"),
    *lifecycle(LF, "LFTagExpression", TAG_EXPRESSION, "requestParameters.name"),
    on(LF, "CreateDataCellsFilter", CELLS_FILTER, CREATE, "requestParameters.tableData.name"),
    on(LF, "UpdateDataCellsFilter", CELLS_FILTER, UPDATE, "requestParameters.tableData.name"),
    on(LF, "DeleteDataCellsFilter", CELLS_FILTER, DELETE, "requestParameters.name"),
    on(LF, "PutDataLakeSettings", SETTINGS, UPDATE, "recipientAccountId"),
    on(LF, ("GrantPermissions", "RevokePermissions"), PERMISSIONS, UPDATE, PRINCIPAL),
    on(
        LF,
        ("BatchGrantPermissions", "BatchRevokePermissions"),
        PERMISSIONS,
        UPDATE,
        "requestParameters.entries[].principal.dataLakePrincipalIdentifier",
    ),
]

OPERATIONAL = [
    ops(
        LF,
        "governed-table transactions and storage optimization: data, not configuration",
        """StartTransaction CommitTransaction CancelTransaction ExtendTransaction
        UpdateTableObjects DeleteObjectsOnCancel UpdateTableStorageOptimizer StartQueryPlanning""",
    ),
]

TERRAFORM = [
    tf("aws_lakeformation_resource", LOCATION, "arn", "id"),
    tf("aws_lakeformation_lf_tag", LF_TAG, "key", "id"),
    tf("aws_lakeformation_data_cells_filter", CELLS_FILTER, "id"),
    tf("aws_lakeformation_data_lake_settings", SETTINGS, "catalog_id", STATE_ACCOUNT),
    tf("aws_lakeformation_permissions", PERMISSIONS, "principal"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    operational=OPERATIONAL,
    models=("lakeformation",),
    unreachable={
        SETTINGS: "the account's data lake settings always exist (PutDataLakeSettings)",
        PERMISSIONS: "permissions are granted and revoked, never created or deleted",
    },
)
