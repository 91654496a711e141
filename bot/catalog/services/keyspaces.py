"""Amazon Keyspaces (for Apache Cassandra; logged as `cassandra.amazonaws.com`): keyspaces (by
name; their user-defined types are parts of them) and tables (by `keyspace/table`)."""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

KS = "cassandra.amazonaws.com"

KEYSPACE = "AWS::Cassandra::Keyspace"
TABLE = "AWS::Cassandra::Table"


def _keyspace(arn: Arn) -> str:
    """`ks/` or `ks/table/t` (after `/keyspace/`) → `ks`."""
    return arn.resource.split("/", 1)[0]


TYPES = (
    ResourceType(KEYSPACE, "name", "/keyspace/", id_from_arn=_keyspace),
    ResourceType(TABLE, "name"),
)
# Keyspace ARNs read cassandra:REGION:ACCOUNT:/keyspace/NAME/ (a table's continues with
# table/NAME: tagging a table is counted as a change of its keyspace).
ARN_KINDS = {("cassandra", "/keyspace"): KEYSPACE}

TABLE_ID = "join('/', [requestParameters.keyspaceName, requestParameters.tableName])"

# Keyspaces API reference (members lower-case first).
RULES = [
    *lifecycle(KS, "Keyspace", KEYSPACE, "requestParameters.keyspaceName"),
    on(KS, ("CreateType", "DeleteType"), KEYSPACE, UPDATE, "requestParameters.keyspaceName"),
    on(KS, "CreateTable", TABLE, CREATE, TABLE_ID),
    on(KS, "UpdateTable", TABLE, UPDATE, TABLE_ID),
    on(KS, "DeleteTable", TABLE, DELETE, TABLE_ID),
    on(
        KS,
        "RestoreTable",
        TABLE,
        CREATE,
        "join('/', [requestParameters.targetKeyspaceName, requestParameters.targetTableName])",
    ),
    on(KS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_keyspaces_keyspace", KEYSPACE, "name", "id"),
    tf("aws_keyspaces_table", TABLE, "id"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("keyspaces",))
