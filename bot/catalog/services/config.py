"""AWS Config: recorders, delivery channels, rules, conformance packs and aggregators.

The Put* calls create or replace and the record does not say which: they are updates.
PutEvaluations (rule results) changes no configuration: no rule.
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import part_of, tf

CONFIG = "config.amazonaws.com"

RECORDER = "AWS::Config::ConfigurationRecorder"
CHANNEL = "AWS::Config::DeliveryChannel"
RULE = "AWS::Config::ConfigRule"
PACK = "AWS::Config::ConformancePack"
AGGREGATOR = "AWS::Config::ConfigurationAggregator"
ORG_RULE = "AWS::Config::OrganizationConfigRule"
ORG_PACK = "AWS::Config::OrganizationConformancePack"
AUTHORIZATION = "AWS::Config::AggregationAuthorization"
RETENTION = "AWS::Config::RetentionConfiguration"
STORED_QUERY = "AWS::Config::StoredQuery"

TYPES = (
    ResourceType(RECORDER, "name"),
    ResourceType(CHANNEL, "name"),
    ResourceType(RULE, "name", "config-rule/"),
    ResourceType(PACK, "name"),
    ResourceType(AGGREGATOR, "name"),
    ResourceType(ORG_RULE, "name"),
    ResourceType(ORG_PACK, "name"),
    # `ACCOUNT:REGION`, as Terraform keys aws_config_aggregate_authorization.
    ResourceType(AUTHORIZATION, "id"),
    ResourceType(RETENTION, "name", cfn=False),
    ResourceType(STORED_QUERY, "name"),
)

# awsdocs aws-config-developer-guide cloudtrail-log-files-for-aws-config records and
# streamalert critical-api-calls (StopConfigurationRecorder). Put* create or replace: they count
# as creates (there is no other create call).
RULES = [
    on(
        CONFIG,
        "PutConfigurationRecorder",
        RECORDER,
        CREATE,
        "requestParameters.configurationRecorder.name",
    ),
    on(
        CONFIG,
        ("StartConfigurationRecorder", "StopConfigurationRecorder"),
        RECORDER,
        UPDATE,
        "requestParameters.configurationRecorderName",
    ),
    on(
        CONFIG,
        "DeleteConfigurationRecorder",
        RECORDER,
        DELETE,
        "requestParameters.configurationRecorderName",
    ),
    on(CONFIG, "PutDeliveryChannel", CHANNEL, CREATE, "requestParameters.deliveryChannel.name"),
    on(CONFIG, "DeleteDeliveryChannel", CHANNEL, DELETE, "requestParameters.deliveryChannelName"),
    # Rules, conformance packs, aggregators (AWS Config API reference).
    on(CONFIG, "PutConfigRule", RULE, CREATE, "requestParameters.configRule.configRuleName"),
    on(CONFIG, "DeleteConfigRule", RULE, DELETE, "requestParameters.configRuleName"),
    on(CONFIG, "PutConformancePack", PACK, CREATE, "requestParameters.conformancePackName"),
    on(CONFIG, "DeleteConformancePack", PACK, DELETE, "requestParameters.conformancePackName"),
    on(
        CONFIG,
        "PutConfigurationAggregator",
        AGGREGATOR,
        CREATE,
        "requestParameters.configurationAggregatorName",
    ),
    on(
        CONFIG,
        "DeleteConfigurationAggregator",
        AGGREGATOR,
        DELETE,
        "requestParameters.configurationAggregatorName",
    ),
    # Organization rules and conformance packs, aggregation authorizations, remediation of a
    # rule, retention, stored queries, service-linked recorders (API reference).
    on(
        CONFIG,
        "PutOrganizationConfigRule",
        ORG_RULE,
        CREATE,
        "requestParameters.organizationConfigRuleName",
    ),
    on(
        CONFIG,
        "DeleteOrganizationConfigRule",
        ORG_RULE,
        DELETE,
        "requestParameters.organizationConfigRuleName",
    ),
    on(
        CONFIG,
        "PutOrganizationConformancePack",
        ORG_PACK,
        CREATE,
        "requestParameters.organizationConformancePackName",
    ),
    on(
        CONFIG,
        "DeleteOrganizationConformancePack",
        ORG_PACK,
        DELETE,
        "requestParameters.organizationConformancePackName",
    ),
    on(
        CONFIG,
        "PutAggregationAuthorization",
        AUTHORIZATION,
        CREATE,
        "join(':', [requestParameters.authorizedAccountId, requestParameters.authorizedAwsRegion])",
    ),
    on(
        CONFIG,
        "DeleteAggregationAuthorization",
        AUTHORIZATION,
        DELETE,
        "join(':', [requestParameters.authorizedAccountId, requestParameters.authorizedAwsRegion])",
    ),
    on(
        CONFIG,
        "PutRemediationConfigurations",
        RULE,
        UPDATE,
        "requestParameters.remediationConfigurations[].configRuleName",
    ),
    on(
        CONFIG,
        (
            "DeleteRemediationConfiguration",
            "PutRemediationExceptions",
            "DeleteRemediationExceptions",
        ),
        RULE,
        UPDATE,
        "requestParameters.configRuleName",
    ),
    on(
        CONFIG,
        "PutRetentionConfiguration",
        RETENTION,
        CREATE,
        "responseElements.retentionConfiguration.name",
    ),
    on(
        CONFIG,
        "DeleteRetentionConfiguration",
        RETENTION,
        DELETE,
        "requestParameters.retentionConfigurationName",
    ),
    on(CONFIG, "PutStoredQuery", STORED_QUERY, CREATE, "requestParameters.storedQuery.queryName"),
    on(CONFIG, "DeleteStoredQuery", STORED_QUERY, DELETE, "requestParameters.queryName"),
    on(
        CONFIG,
        (
            "PutServiceLinkedConfigurationRecorder",
            "PutThirdPartyServiceLinkedConfigurationRecorder",
        ),
        RECORDER,
        CREATE,
        "responseElements.name",
    ),
    on(
        CONFIG,
        "DeleteServiceLinkedConfigurationRecorder",
        RECORDER,
        DELETE,
        "responseElements.name",
    ),
    on(
        CONFIG,
        ("AssociateResourceTypes", "DisassociateResourceTypes"),
        RECORDER,
        UPDATE,
        "responseElements.configurationRecorder.name",
    ),
]

TERRAFORM = [
    tf("aws_config_configuration_recorder", RECORDER, "name", "id"),
    part_of("aws_config_configuration_recorder_status", RECORDER, "name"),
    tf("aws_config_delivery_channel", CHANNEL, "name", "id"),
    tf("aws_config_config_rule", RULE, "name", "arn"),
    part_of("aws_config_remediation_configuration", RULE, "config_rule_name"),
    tf("aws_config_conformance_pack", PACK, "name", "id"),
    tf("aws_config_configuration_aggregator", AGGREGATOR, "name", "id"),
    tf("aws_config_organization_managed_rule", ORG_RULE, "name", "id"),
    tf("aws_config_organization_custom_rule", ORG_RULE, "name", "id"),
    tf("aws_config_organization_custom_policy_rule", ORG_RULE, "name", "id"),
    tf("aws_config_organization_conformance_pack", ORG_PACK, "name", "id"),
    tf("aws_config_aggregate_authorization", AUTHORIZATION, "id"),
    tf("aws_config_retention_configuration", RETENTION, "name", "id"),
]

OPERATIONAL = [
    ops(
        CONFIG,
        "evaluations and remediation runs, configuration items recorded for third-party "
        "resources, pending aggregation requests, third-party connectors: data Config keeps, "
        "not its configuration",
        """StartRemediationExecution DeleteEvaluationResults PutExternalEvaluation
        StartResourceEvaluation PutResourceConfig DeleteResourceConfig
        DeletePendingAggregationRequest PutConnector DeleteConnector""",
    ),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, operational=OPERATIONAL, models=("config",))
