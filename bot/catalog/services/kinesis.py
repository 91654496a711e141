"""Kinesis Data Streams and Data Firehose delivery streams, by name."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

KINESIS = "kinesis.amazonaws.com"
FIREHOSE = "firehose.amazonaws.com"

STREAM = "AWS::Kinesis::Stream"
DELIVERY = "AWS::KinesisFirehose::DeliveryStream"

TYPES = (
    ResourceType(STREAM, "name", "stream/"),
    ResourceType(DELIVERY, "name", "deliverystream/"),
)
ARN_KINDS = {
    ("kinesis", "stream"): STREAM,
    ("firehose", "deliverystream"): DELIVERY,
}

STREAM_ID = "requestParameters.streamName || requestParameters.streamARN"
NAME = "requestParameters.deliveryStreamName"

# Kinesis API reference: calls take `streamName` or (newer clients) `streamARN`.
RULES = [
    on(KINESIS, "CreateStream", STREAM, CREATE, "requestParameters.streamName"),
    on(
        KINESIS,
        (
            "UpdateShardCount",
            "IncreaseStreamRetentionPeriod",
            "DecreaseStreamRetentionPeriod",
            "StartStreamEncryption",
            "StopStreamEncryption",
            "EnableEnhancedMonitoring",
            "DisableEnhancedMonitoring",
            "AddTagsToStream",
            "RemoveTagsFromStream",
        ),
        STREAM,
        UPDATE,
        STREAM_ID,
    ),
    on(KINESIS, "DeleteStream", STREAM, DELETE, STREAM_ID),
    # UpdateStreamMode takes only the stream's ARN.
    on(KINESIS, "UpdateStreamMode", STREAM, UPDATE, "requestParameters.streamARN"),
    # Firehose API reference.
    on(FIREHOSE, "CreateDeliveryStream", DELIVERY, CREATE, NAME),
    on(
        FIREHOSE,
        (
            "UpdateDestination",
            "StartDeliveryStreamEncryption",
            "StopDeliveryStreamEncryption",
            "TagDeliveryStream",
            "UntagDeliveryStream",
        ),
        DELIVERY,
        UPDATE,
        NAME,
    ),
    on(FIREHOSE, "DeleteDeliveryStream", DELIVERY, DELETE, NAME),
]

TERRAFORM = [
    tf("aws_kinesis_stream", STREAM, "name", "arn"),
    tf("aws_kinesis_firehose_delivery_stream", DELIVERY, "name", "arn"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("kinesis", "firehose"))
