"""AWS Config: recorders, delivery channels, rules, conformance packs and aggregators.

The Put* calls create or replace and the record does not say which: they are updates.
PutEvaluations (rule results) changes no configuration: no rule.
"""

from bot.catalog.rules import DELETE, UPDATE, on

CONFIG = "config.amazonaws.com"

# awsdocs aws-config-developer-guide cloudtrail-log-files-for-aws-config records and
# streamalert critical-api-calls (StopConfigurationRecorder).
RECORDER = "AWS::Config::ConfigurationRecorder"
on(
    CONFIG,
    "PutConfigurationRecorder",
    RECORDER,
    UPDATE,
    "requestParameters.configurationRecorder.name",
)
on(
    CONFIG,
    ("StartConfigurationRecorder", "StopConfigurationRecorder"),
    RECORDER,
    UPDATE,
    "requestParameters.configurationRecorderName",
)
on(
    CONFIG,
    "DeleteConfigurationRecorder",
    RECORDER,
    DELETE,
    "requestParameters.configurationRecorderName",
)

CHANNEL = "AWS::Config::DeliveryChannel"
on(CONFIG, "PutDeliveryChannel", CHANNEL, UPDATE, "requestParameters.deliveryChannel.name")
on(CONFIG, "DeleteDeliveryChannel", CHANNEL, DELETE, "requestParameters.deliveryChannelName")

# Rules, conformance packs, aggregators (AWS Config API reference).
RULE = "AWS::Config::ConfigRule"
on(CONFIG, "PutConfigRule", RULE, UPDATE, "requestParameters.configRule.configRuleName")
on(CONFIG, "DeleteConfigRule", RULE, DELETE, "requestParameters.configRuleName")

PACK = "AWS::Config::ConformancePack"
on(CONFIG, "PutConformancePack", PACK, UPDATE, "requestParameters.conformancePackName")
on(CONFIG, "DeleteConformancePack", PACK, DELETE, "requestParameters.conformancePackName")

AGGREGATOR = "AWS::Config::ConfigurationAggregator"
on(
    CONFIG,
    "PutConfigurationAggregator",
    AGGREGATOR,
    UPDATE,
    "requestParameters.configurationAggregatorName",
)
on(
    CONFIG,
    "DeleteConfigurationAggregator",
    AGGREGATOR,
    DELETE,
    "requestParameters.configurationAggregatorName",
)
