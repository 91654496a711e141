"""SQS queues, by queue URL (made by SQS on CreateQueue). Message calls (SendMessage,
ReceiveMessage, DeleteMessage, PurgeQueue ...) change no configuration and have no rule.
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

SQS = "sqs.amazonaws.com"
QUEUE = "AWS::SQS::Queue"

# CreateQueue, DeleteQueue, SetQueueAttributes, AddPermission and RemovePermission checked
# against the SQS developer guide's CloudTrail examples (and panther-analysis / streamalert
# SetQueueAttributes records); TagQueue/UntagQueue follow the SQS API reference.
on(SQS, "CreateQueue", QUEUE, CREATE, "responseElements.queueUrl")
on(
    SQS,
    ("SetQueueAttributes", "AddPermission", "RemovePermission", "TagQueue", "UntagQueue"),
    QUEUE,
    UPDATE,
    "requestParameters.queueUrl",
)
on(SQS, "DeleteQueue", QUEUE, DELETE, "requestParameters.queueUrl")
