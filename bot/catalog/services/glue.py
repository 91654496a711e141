"""Glue Data Catalog and ETL: databases, tables, connections, crawlers, jobs, triggers, and the
catalog's account-wide encryption settings and resource policy."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, tf

GLUE = "glue.amazonaws.com"

DB = "AWS::Glue::Database"
TABLE = "AWS::Glue::Table"
CONN = "AWS::Glue::Connection"
CRAWLER = "AWS::Glue::Crawler"
JOB = "AWS::Glue::Job"
TRIGGER = "AWS::Glue::Trigger"
DATA_CATALOG_ENCRYPTION_SETTINGS = "AWS::Glue::DataCatalogEncryptionSettings"
RESOURCE_POLICY = "AWS::Glue::ResourcePolicy"

TYPES = (
    ResourceType(DB, "name", "database/"),
    ResourceType(TABLE, "name", "table/"),
    ResourceType(CONN, "name", "connection/"),
    ResourceType(CRAWLER, "name", "crawler/"),
    ResourceType(JOB, "name", "job/"),
    ResourceType(TRIGGER, "name", "trigger/"),
    ResourceType(DATA_CATALOG_ENCRYPTION_SETTINGS, "account"),
    ResourceType(RESOURCE_POLICY, "account", cfn=False),
)
ARN_KINDS = {
    ("glue", "connection"): CONN,
    ("glue", "crawler"): CRAWLER,
    ("glue", "database"): DB,
    ("glue", "job"): JOB,
}

ACCOUNT = "recipientAccountId || userIdentity.accountId"

# awsdocs aws-glue-developer-guide monitor-cloudtrail (CreateConnection, DeleteCrawler),
# cloud-custodian catalog-set-encryption / catalog-put-resource-policy records; the Glue API
# reference (and the aws-samples auto-tagger's name paths) for the rest.
RULES = [
    on(GLUE, "CreateDatabase", DB, CREATE, "requestParameters.databaseInput.name"),
    on(GLUE, "UpdateDatabase", DB, UPDATE, "requestParameters.name"),
    on(GLUE, "DeleteDatabase", DB, DELETE, "requestParameters.name"),
    on(GLUE, "CreateTable", TABLE, CREATE, "requestParameters.tableInput.name"),
    on(GLUE, "UpdateTable", TABLE, UPDATE, "requestParameters.tableInput.name"),
    on(GLUE, "DeleteTable", TABLE, DELETE, "requestParameters.name"),
    on(GLUE, "BatchDeleteTable", TABLE, DELETE, "requestParameters.tablesToDelete"),
    on(GLUE, "CreateConnection", CONN, CREATE, "requestParameters.connectionInput.name"),
    on(GLUE, "UpdateConnection", CONN, UPDATE, "requestParameters.name"),
    on(GLUE, "DeleteConnection", CONN, DELETE, "requestParameters.connectionName"),
    on(GLUE, "CreateCrawler", CRAWLER, CREATE, "requestParameters.name"),
    on(GLUE, "UpdateCrawler", CRAWLER, UPDATE, "requestParameters.name"),
    on(GLUE, "UpdateCrawlerSchedule", CRAWLER, UPDATE, "requestParameters.crawlerName"),
    on(GLUE, "DeleteCrawler", CRAWLER, DELETE, "requestParameters.name"),
    on(GLUE, "CreateJob", JOB, CREATE, "requestParameters.name || responseElements.name"),
    on(GLUE, "UpdateJob", JOB, UPDATE, "requestParameters.jobName"),
    on(GLUE, "DeleteJob", JOB, DELETE, "requestParameters.jobName"),
    on(GLUE, "CreateTrigger", TRIGGER, CREATE, "requestParameters.name || responseElements.name"),
    # Starting or stopping a trigger flips its `enabled` setting.
    on(
        GLUE,
        ("UpdateTrigger", "StartTrigger", "StopTrigger"),
        TRIGGER,
        UPDATE,
        "requestParameters.name",
    ),
    on(GLUE, "DeleteTrigger", TRIGGER, DELETE, "requestParameters.name"),
    # Account-wide catalog settings (the catalog id, when given, is the account id). Trimmed records
    # (cloud-custodian's) lack recipientAccountId: the caller's account is the catalog's then.
    on(
        GLUE,
        "PutDataCatalogEncryptionSettings",
        DATA_CATALOG_ENCRYPTION_SETTINGS,
        UPDATE,
        f"requestParameters.catalogId || {ACCOUNT}",
    ),
    on(GLUE, "PutResourcePolicy", RESOURCE_POLICY, CREATE, ACCOUNT),
    on(GLUE, "DeleteResourcePolicy", RESOURCE_POLICY, DELETE, ACCOUNT),
    # Tags take a Glue ARN (database, connection, crawler, job …).
    on(GLUE, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_glue_catalog_database", DB, "name"),
    tf("aws_glue_catalog_table", TABLE, "name"),
    tf("aws_glue_connection", CONN, "name"),
    tf("aws_glue_crawler", CRAWLER, "name", "id", "arn"),
    tf("aws_glue_job", JOB, "name", "id", "arn"),
    tf("aws_glue_trigger", TRIGGER, "name", "id", "arn"),
    tf(
        "aws_glue_data_catalog_encryption_settings",
        DATA_CATALOG_ENCRYPTION_SETTINGS,
        "catalog_id",
        STATE_ACCOUNT,
    ),
    tf("aws_glue_resource_policy", RESOURCE_POLICY, STATE_ACCOUNT),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    models=("glue",),
    unreachable={
        DATA_CATALOG_ENCRYPTION_SETTINGS: "a setting of the account's Data Catalog: it always "
        "exists, PutDataCatalogEncryptionSettings changes it",
    },
)
