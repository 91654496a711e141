"""Glue Data Catalog and ETL: databases, tables, connections, crawlers, jobs, triggers, and the
catalog's account-wide encryption settings and resource policy."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, tf

GLUE = "glue.amazonaws.com"

DB = "AWS::Glue::Database"
TABLE = "AWS::Glue::Table"
CONN = "AWS::Glue::Connection"
CRAWLER = "AWS::Glue::Crawler"
JOB = "AWS::Glue::Job"
TRIGGER = "AWS::Glue::Trigger"
DATA_CATALOG_ENCRYPTION_SETTINGS = "AWS::Glue::DataCatalogEncryptionSettings"
RESOURCE_POLICY = "AWS::Glue::ResourcePolicy"
CLASSIFIER = "AWS::Glue::Classifier"
SECURITY_CONFIGURATION = "AWS::Glue::SecurityConfiguration"
WORKFLOW = "AWS::Glue::Workflow"
ML_TRANSFORM = "AWS::Glue::MLTransform"
REGISTRY = "AWS::Glue::Registry"
SCHEMA = "AWS::Glue::Schema"
DEV_ENDPOINT = "AWS::Glue::DevEndpoint"
USER_DEFINED_FUNCTION = "AWS::Glue::UserDefinedFunction"
DATA_QUALITY_RULESET = "AWS::Glue::DataQualityRuleset"
BLUEPRINT = "AWS::Glue::Blueprint"
CATALOG = "AWS::Glue::Catalog"
USAGE_PROFILE = "AWS::Glue::UsageProfile"
CUSTOM_ENTITY_TYPE = "AWS::Glue::CustomEntityType"
INTEGRATION = "AWS::Glue::Integration"

TYPES = (
    ResourceType(DB, "name", "database/"),
    ResourceType(TABLE, "name", "table/"),
    ResourceType(CONN, "name", "connection/"),
    ResourceType(CRAWLER, "name", "crawler/"),
    ResourceType(JOB, "name", "job/"),
    ResourceType(TRIGGER, "name", "trigger/"),
    ResourceType(DATA_CATALOG_ENCRYPTION_SETTINGS, "account"),
    ResourceType(RESOURCE_POLICY, "account", cfn=False),
    ResourceType(CLASSIFIER, "name", cfn=True),
    ResourceType(SECURITY_CONFIGURATION, "name", "securityConfiguration/"),
    ResourceType(WORKFLOW, "name", "workflow/"),
    ResourceType(ML_TRANSFORM, "id", "mlTransform/"),
    ResourceType(REGISTRY, "name", "registry/"),
    ResourceType(SCHEMA, "arn"),
    ResourceType(DEV_ENDPOINT, "name", "devEndpoint/", cfn=True),
    ResourceType(USER_DEFINED_FUNCTION, "name", "userDefinedFunction/", cfn=False),
    ResourceType(DATA_QUALITY_RULESET, "name", "dataQualityRuleset/"),
    ResourceType(BLUEPRINT, "name", "blueprint/", cfn=False),
    ResourceType(CATALOG, "name", "catalog/", cfn=False),
    ResourceType(USAGE_PROFILE, "name", "usageProfile/", cfn=False),
    ResourceType(CUSTOM_ENTITY_TYPE, "name", "customEntityType/", cfn=False),
    ResourceType(INTEGRATION, "arn"),
)
ARN_KINDS = {
    ("glue", "connection"): CONN,
    ("glue", "crawler"): CRAWLER,
    ("glue", "database"): DB,
    ("glue", "job"): JOB,
    ("glue", "table"): TABLE,
    ("glue", "workflow"): WORKFLOW,
    ("glue", "registry"): REGISTRY,
    ("glue", "schema"): SCHEMA,
    ("glue", "mlTransform"): ML_TRANSFORM,
    ("glue", "devEndpoint"): DEV_ENDPOINT,
    ("glue", "dataQualityRuleset"): DATA_QUALITY_RULESET,
    ("glue", "trigger"): TRIGGER,
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
    # Partitions, their indexes, table versions, column statistics and table optimizers are
    # parts of their table (API reference; the table's `tableName`).
    on(
        GLUE,
        (
            "CreatePartition",
            "UpdatePartition",
            "DeletePartition",
            "BatchCreatePartition",
            "BatchDeletePartition",
            "BatchUpdatePartition",
            "CreatePartitionIndex",
            "DeletePartitionIndex",
            "DeleteTableVersion",
            "BatchDeleteTableVersion",
            "UpdateColumnStatisticsForPartition",
            "UpdateColumnStatisticsForTable",
            "DeleteColumnStatisticsForPartition",
            "DeleteColumnStatisticsForTable",
            "CreateTableOptimizer",
            "UpdateTableOptimizer",
            "DeleteTableOptimizer",
            "CreateColumnStatisticsTaskSettings",
            "UpdateColumnStatisticsTaskSettings",
            "DeleteColumnStatisticsTaskSettings",
        ),
        TABLE,
        UPDATE,
        "requestParameters.tableName",
    ),
    # Classifiers (the name sits in the one kind of classifier given).
    *(
        on(
            GLUE,
            call,
            CLASSIFIER,
            change,
            "requestParameters.grokClassifier.name || requestParameters.xMLClassifier.name"
            " || requestParameters.jsonClassifier.name || requestParameters.csvClassifier.name",
        )
        for call, change in (("CreateClassifier", CREATE), ("UpdateClassifier", UPDATE))
    ),
    on(GLUE, "DeleteClassifier", CLASSIFIER, DELETE, "requestParameters.name"),
    on(
        GLUE,
        "CreateSecurityConfiguration",
        SECURITY_CONFIGURATION,
        CREATE,
        "requestParameters.name",
    ),
    on(
        GLUE,
        "DeleteSecurityConfiguration",
        SECURITY_CONFIGURATION,
        DELETE,
        "requestParameters.name",
    ),
    on(GLUE, "CreateWorkflow", WORKFLOW, CREATE, "requestParameters.name"),
    on(
        GLUE,
        ("UpdateWorkflow", "PutWorkflowRunProperties"),
        WORKFLOW,
        UPDATE,
        "requestParameters.name",
    ),
    on(GLUE, "DeleteWorkflow", WORKFLOW, DELETE, "requestParameters.name"),
    on(GLUE, "CreateMLTransform", ML_TRANSFORM, CREATE, "responseElements.transformId"),
    on(GLUE, "UpdateMLTransform", ML_TRANSFORM, UPDATE, "requestParameters.transformId"),
    on(GLUE, "DeleteMLTransform", ML_TRANSFORM, DELETE, "requestParameters.transformId"),
    on(GLUE, "CreateRegistry", REGISTRY, CREATE, "requestParameters.registryName"),
    on(GLUE, "UpdateRegistry", REGISTRY, UPDATE, "responseElements.registryName"),
    on(GLUE, "DeleteRegistry", REGISTRY, DELETE, "responseElements.registryName"),
    on(GLUE, "CreateSchema", SCHEMA, CREATE, "responseElements.schemaArn"),
    on(
        GLUE,
        "UpdateSchema",
        SCHEMA,
        UPDATE,
        "responseElements.schemaArn || requestParameters.schemaId.schemaArn",
    ),
    on(
        GLUE,
        ("RegisterSchemaVersion", "DeleteSchemaVersions"),
        SCHEMA,
        UPDATE,
        "requestParameters.schemaId.schemaArn",
    ),
    on(GLUE, "DeleteSchema", SCHEMA, DELETE, "responseElements.schemaArn"),
    on(GLUE, "CreateDevEndpoint", DEV_ENDPOINT, CREATE, "requestParameters.endpointName"),
    on(GLUE, "UpdateDevEndpoint", DEV_ENDPOINT, UPDATE, "requestParameters.endpointName"),
    on(GLUE, "DeleteDevEndpoint", DEV_ENDPOINT, DELETE, "requestParameters.endpointName"),
    on(
        GLUE,
        "CreateUserDefinedFunction",
        USER_DEFINED_FUNCTION,
        CREATE,
        "requestParameters.functionInput.functionName",
    ),
    on(
        GLUE,
        "UpdateUserDefinedFunction",
        USER_DEFINED_FUNCTION,
        UPDATE,
        "requestParameters.functionName",
    ),
    on(
        GLUE,
        "DeleteUserDefinedFunction",
        USER_DEFINED_FUNCTION,
        DELETE,
        "requestParameters.functionName",
    ),
    on(GLUE, "CreateDataQualityRuleset", DATA_QUALITY_RULESET, CREATE, "requestParameters.name"),
    on(GLUE, "UpdateDataQualityRuleset", DATA_QUALITY_RULESET, UPDATE, "requestParameters.name"),
    on(GLUE, "DeleteDataQualityRuleset", DATA_QUALITY_RULESET, DELETE, "requestParameters.name"),
    on(GLUE, "CreateBlueprint", BLUEPRINT, CREATE, "requestParameters.name"),
    on(GLUE, "UpdateBlueprint", BLUEPRINT, UPDATE, "requestParameters.name"),
    on(GLUE, "DeleteBlueprint", BLUEPRINT, DELETE, "requestParameters.name"),
    on(GLUE, "CreateCatalog", CATALOG, CREATE, "requestParameters.name"),
    on(GLUE, "UpdateCatalog", CATALOG, UPDATE, "requestParameters.catalogId"),
    on(GLUE, "DeleteCatalog", CATALOG, DELETE, "requestParameters.catalogId"),
    on(GLUE, "CreateUsageProfile", USAGE_PROFILE, CREATE, "requestParameters.name"),
    on(GLUE, "UpdateUsageProfile", USAGE_PROFILE, UPDATE, "requestParameters.name"),
    on(GLUE, "DeleteUsageProfile", USAGE_PROFILE, DELETE, "requestParameters.name"),
    on(GLUE, "CreateCustomEntityType", CUSTOM_ENTITY_TYPE, CREATE, "requestParameters.name"),
    on(GLUE, "DeleteCustomEntityType", CUSTOM_ENTITY_TYPE, DELETE, "requestParameters.name"),
    on(GLUE, "CreateIntegration", INTEGRATION, CREATE, "responseElements.integrationArn"),
    on(GLUE, "ModifyIntegration", INTEGRATION, UPDATE, "requestParameters.integrationIdentifier"),
    on(GLUE, "DeleteIntegration", INTEGRATION, DELETE, "requestParameters.integrationIdentifier"),
    on(GLUE, "ResetJobBookmark", JOB, UPDATE, "requestParameters.jobName"),
    on(
        GLUE,
        ("UpdateJobFromSourceControl", "UpdateSourceControlFromJob"),
        JOB,
        UPDATE,
        "requestParameters.jobName",
    ),
    on(
        GLUE,
        ("StartCrawlerSchedule", "StopCrawlerSchedule"),
        CRAWLER,
        UPDATE,
        "requestParameters.crawlerName",
    ),
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
    *children(
        TABLE,
        "table_name",
        "aws_glue_partition",
        "aws_glue_partition_index",
        "aws_glue_catalog_table_optimizer",
    ),
    tf("aws_glue_classifier", CLASSIFIER, "name", "id"),
    tf("aws_glue_security_configuration", SECURITY_CONFIGURATION, "name", "id"),
    tf("aws_glue_workflow", WORKFLOW, "name", "id", "arn"),
    tf("aws_glue_ml_transform", ML_TRANSFORM, "id", "arn"),
    tf("aws_glue_registry", REGISTRY, "registry_name", "arn"),
    tf("aws_glue_schema", SCHEMA, "arn", "id"),
    tf("aws_glue_dev_endpoint", DEV_ENDPOINT, "name", "id", "arn"),
    tf("aws_glue_user_defined_function", USER_DEFINED_FUNCTION, "name"),
    tf("aws_glue_data_quality_ruleset", DATA_QUALITY_RULESET, "name", "id", "arn"),
]

OPERATIONAL = [
    ops(
        GLUE,
        "runs and sessions: workflow, blueprint, ML, data quality, statistics and materialized "
        "view task runs, interactive sessions, upgrade analyses, published results and "
        "annotations, generated scripts, schema version metadata",
        """StartWorkflowRun StopWorkflowRun StartBlueprintRun StartMLEvaluationTaskRun
        StartMLLabelingSetGenerationTaskRun StartExportLabelsTaskRun StartImportLabelsTaskRun
        CancelMLTaskRun StartDataQualityRuleRecommendationRun
        CancelDataQualityRuleRecommendationRun StartDataQualityRulesetEvaluationRun
        CancelDataQualityRulesetEvaluationRun PublishDataQualityResultV2
        PutDataQualityProfileAnnotation StartColumnStatisticsTaskRun
        StopColumnStatisticsTaskRun StartColumnStatisticsTaskRunSchedule
        StopColumnStatisticsTaskRunSchedule StartMaterializedViewRefreshTaskRun
        StopMaterializedViewRefreshTaskRun CreateSession DeleteSession StopSession
        CancelStatement StartJobUpgradeAnalysis StopJobUpgradeAnalysis CreateScript
        PutSchemaVersionMetadata RemoveSchemaVersionMetadata ImportCatalogToGlue""",
    ),
    ops(
        GLUE,
        "catalog assets, glossaries, form types and attachments, connection types, integration "
        "properties, Identity Center and export configurations, data quality evaluation "
        "configurations (2025) have no IaC type yet",
        """PutAsset UpdateAsset DeleteAsset PutAssetType DeleteAssetType PutAttachment
        DeleteAttachment CreateGlossary UpdateGlossary DeleteGlossary CreateGlossaryTerm
        UpdateGlossaryTerm DeleteGlossaryTerm AssociateGlossaryTerms DisassociateGlossaryTerms
        PutFormType DeleteFormType RegisterConnectionType DeleteConnectionType
        CreateIntegrationResourceProperty UpdateIntegrationResourceProperty
        DeleteIntegrationResourceProperty CreateIntegrationTableProperties
        UpdateIntegrationTableProperties DeleteIntegrationTableProperties
        CreateGlueIdentityCenterConfiguration UpdateGlueIdentityCenterConfiguration
        DeleteGlueIdentityCenterConfiguration PutDataCatalogExportConfiguration
        CreateDataQualityEvaluationConfig UpdateDataQualityEvaluationConfig
        DeleteDataQualityEvaluationConfig""",
    ),
    ops(GLUE, "a workflow run resumed", "ResumeWorkflowRun"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("glue",),
    unreachable={
        DATA_CATALOG_ENCRYPTION_SETTINGS: "a setting of the account's Data Catalog: it always "
        "exists, PutDataCatalogEncryptionSettings changes it",
    },
)
