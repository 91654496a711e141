"""Kinesis Data Streams and Data Firehose delivery streams, by name."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

KINESIS = "kinesis.amazonaws.com"
FIREHOSE = "firehose.amazonaws.com"
STREAM = "AWS::Kinesis::Stream"
DELIVERY = "AWS::KinesisFirehose::DeliveryStream"

# Kinesis API reference: calls take `streamName` or (newer clients) `streamARN`.
STREAM_ID = "requestParameters.streamName || requestParameters.streamARN"
on(KINESIS, "CreateStream", STREAM, CREATE, "requestParameters.streamName")
on(
    KINESIS,
    (
        "UpdateShardCount",
        "UpdateStreamMode",
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
)
on(KINESIS, "DeleteStream", STREAM, DELETE, STREAM_ID)

# Firehose API reference.
NAME = "requestParameters.deliveryStreamName"
on(FIREHOSE, "CreateDeliveryStream", DELIVERY, CREATE, NAME)
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
)
on(FIREHOSE, "DeleteDeliveryStream", DELIVERY, DELETE, NAME)
