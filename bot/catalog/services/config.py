"""AWS Config: recorders, delivery channels, rules, conformance packs and aggregators.

The Put* calls create or replace and the record does not say which: they are updates.
PutEvaluations (rule results) changes no configuration: no rule.
"""

from __future__ import annotations

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

TYPES = (
    ResourceType(RECORDER, "name"),
    ResourceType(CHANNEL, "name"),
    ResourceType(RULE, "name", "config-rule/"),
    ResourceType(PACK, "name"),
    ResourceType(AGGREGATOR, "name"),
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
]

TERRAFORM = [
    tf("aws_config_configuration_recorder", RECORDER, "name", "id"),
    part_of("aws_config_configuration_recorder_status", RECORDER, "name"),
    tf("aws_config_delivery_channel", CHANNEL, "name", "id"),
    tf("aws_config_config_rule", RULE, "name", "arn"),
    part_of("aws_config_remediation_configuration", RULE, "config_rule_name"),
    tf("aws_config_conformance_pack", PACK, "name", "id"),
    tf("aws_config_configuration_aggregator", AGGREGATOR, "name", "id"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, models=("config",))
