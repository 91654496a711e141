"""Kinesis Data Streams and Data Firehose delivery streams, by name."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import part_of, tf

KINESIS = "kinesis.amazonaws.com"
FIREHOSE = "firehose.amazonaws.com"

STREAM = "AWS::Kinesis::Stream"
DELIVERY = "AWS::KinesisFirehose::DeliveryStream"
CONSUMER = "AWS::Kinesis::StreamConsumer"

TYPES = (
    ResourceType(STREAM, "name", "stream/"),
    ResourceType(DELIVERY, "name", "deliverystream/"),
    ResourceType(CONSUMER, "arn"),
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
    # Enhanced fan-out consumers, by ARN; stream settings and policies (API reference).
    on(
        KINESIS, "RegisterStreamConsumer", CONSUMER, CREATE, "responseElements.consumer.consumerARN"
    ),
    on(KINESIS, "DeregisterStreamConsumer", CONSUMER, DELETE, "requestParameters.consumerARN"),
    on(
        KINESIS,
        "UpdateStreamWarmThroughput",
        STREAM,
        UPDATE,
        STREAM_ID,
    ),
    on(
        KINESIS,
        ("UpdateMaxRecordSize", "UpdateStreamRecordDistributionStrategy"),
        STREAM,
        UPDATE,
        "requestParameters.streamARN",
    ),
    on(
        KINESIS,
        ("PutResourcePolicy", "DeleteResourcePolicy", "TagResource", "UntagResource"),
        STREAM,
        UPDATE,
        "requestParameters.resourceARN && contains(requestParameters.resourceARN, ':stream/')"
        " && !contains(requestParameters.resourceARN, '/consumer/')"
        " && requestParameters.resourceARN",
    ),
    # Resharding changes the stream's shard count.
    on(KINESIS, ("MergeShards", "SplitShard"), STREAM, UPDATE, STREAM_ID),
]

TERRAFORM = [
    tf("aws_kinesis_stream", STREAM, "name", "arn"),
    tf("aws_kinesis_firehose_delivery_stream", DELIVERY, "name", "arn"),
    tf("aws_kinesis_stream_consumer", CONSUMER, "arn", "id"),
    part_of("aws_kinesis_resource_policy", STREAM, "resource_arn"),
]

OPERATIONAL = [
    ops(
        KINESIS,
        "records written and read, shard subscriptions, dead-letter records restored or "
        "hidden, the account's settings",
        """PutRecord PutRecords SubscribeToShard RestoreDeadLetterQueueRecords
        UpdateDeadLetterQueueRecordsVisibility UpdateQueueRecordsVisibility
        UpdateAccountSettings""",
    ),
    ops(
        KINESIS,
        "Kinesis channels and queues (2025) have no IaC type yet",
        "CreateChannel UpdateChannel DeleteChannel CreateQueue UpdateQueue DeleteQueue",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("kinesis", "firehose"),
)
