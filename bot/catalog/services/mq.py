"""Amazon MQ: brokers (by the `b-…` id MQ makes; their users are parts of them) and
configurations (by their `c-…` id). Reboots are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

MQ = "mq.amazonaws.com"

BROKER = "AWS::AmazonMQ::Broker"
CONFIGURATION = "AWS::AmazonMQ::Configuration"

TYPES = (
    ResourceType(BROKER, "id", "broker:"),
    ResourceType(CONFIGURATION, "id", "configuration:"),
)
ARN_KINDS = {("mq", "broker"): BROKER, ("mq", "configuration"): CONFIGURATION}


BROKER_ID = "requestParameters.brokerId"
CONFIG_ID = "requestParameters.configurationId"

# Amazon MQ API reference (REST JSON; members logged lower-case first, ids as path parameters).
RULES = [
    *lifecycle(MQ, "Broker", BROKER, BROKER_ID, created="responseElements.brokerId"),
    on(MQ, ("CreateUser", "UpdateUser", "DeleteUser"), BROKER, UPDATE, BROKER_ID),
    *lifecycle(
        MQ,
        "Configuration",
        CONFIGURATION,
        CONFIG_ID,
        created="responseElements.id",
    ),
    on(MQ, ("CreateTags", "DeleteTags"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        MQ,
        "restarting a broker or promoting a replica changes no configuration",
        "RebootBroker Promote",
    ),
]

TERRAFORM = [
    tf("aws_mq_broker", BROKER, "id", "arn"),
    tf("aws_mq_configuration", CONFIGURATION, "id", "arn"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("mq",)
)
