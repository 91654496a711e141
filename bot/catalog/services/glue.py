"""Glue Data Catalog and ETL: databases, tables, connections, crawlers, jobs, triggers, and the
catalog's account-wide encryption settings and resource policy."""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

GLUE = "glue.amazonaws.com"

# awsdocs aws-glue-developer-guide monitor-cloudtrail (CreateConnection, DeleteCrawler),
# cloud-custodian catalog-set-encryption / catalog-put-resource-policy records; the Glue API
# reference (and the aws-samples auto-tagger's name paths) for the rest.
DB = "AWS::Glue::Database"
on(GLUE, "CreateDatabase", DB, CREATE, "requestParameters.databaseInput.name")
on(GLUE, "UpdateDatabase", DB, UPDATE, "requestParameters.name")
on(GLUE, "DeleteDatabase", DB, DELETE, "requestParameters.name")

TABLE = "AWS::Glue::Table"
on(GLUE, "CreateTable", TABLE, CREATE, "requestParameters.tableInput.name")
on(GLUE, "UpdateTable", TABLE, UPDATE, "requestParameters.tableInput.name")
on(GLUE, "DeleteTable", TABLE, DELETE, "requestParameters.name")
on(GLUE, "BatchDeleteTable", TABLE, DELETE, "requestParameters.tablesToDelete")

CONN = "AWS::Glue::Connection"
on(GLUE, "CreateConnection", CONN, CREATE, "requestParameters.connectionInput.name")
on(GLUE, "UpdateConnection", CONN, UPDATE, "requestParameters.name")
on(GLUE, "DeleteConnection", CONN, DELETE, "requestParameters.connectionName")

CRAWLER = "AWS::Glue::Crawler"
on(GLUE, "CreateCrawler", CRAWLER, CREATE, "requestParameters.name")
on(GLUE, "UpdateCrawler", CRAWLER, UPDATE, "requestParameters.name")
on(GLUE, "UpdateCrawlerSchedule", CRAWLER, UPDATE, "requestParameters.crawlerName")
on(GLUE, "DeleteCrawler", CRAWLER, DELETE, "requestParameters.name")

JOB = "AWS::Glue::Job"
on(GLUE, "CreateJob", JOB, CREATE, "requestParameters.name || responseElements.name")
on(GLUE, "UpdateJob", JOB, UPDATE, "requestParameters.jobName")
on(GLUE, "DeleteJob", JOB, DELETE, "requestParameters.jobName")

TRIGGER = "AWS::Glue::Trigger"
on(GLUE, "CreateTrigger", TRIGGER, CREATE, "requestParameters.name || responseElements.name")
# Starting or stopping a trigger flips its `enabled` setting.
on(
    GLUE,
    ("UpdateTrigger", "StartTrigger", "StopTrigger"),
    TRIGGER,
    UPDATE,
    "requestParameters.name",
)
on(GLUE, "DeleteTrigger", TRIGGER, DELETE, "requestParameters.name")

# Account-wide catalog settings (the catalog id, when given, is the account id). Trimmed records
# (cloud-custodian's) lack recipientAccountId: the caller's account is the catalog's then.
ACCOUNT = "recipientAccountId || userIdentity.accountId"
on(
    GLUE,
    "PutDataCatalogEncryptionSettings",
    "AWS::Glue::DataCatalogEncryptionSettings",
    UPDATE,
    f"requestParameters.catalogId || {ACCOUNT}",
)
on(
    GLUE,
    ("PutResourcePolicy", "DeleteResourcePolicy"),
    "AWS::Glue::ResourcePolicy",
    UPDATE,
    ACCOUNT,
)

# Tags take a Glue ARN (database, connection, crawler, job …).
on(GLUE, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn")
