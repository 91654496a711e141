"""SQS queues, by queue URL (made by SQS on CreateQueue). Message calls (SendMessage,
ReceiveMessage, DeleteMessage, PurgeQueue ...) change no configuration and have no rule.
"""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

SQS = "sqs.amazonaws.com"

QUEUE = "AWS::SQS::Queue"


def normalize_queue_url(url: str) -> str:
    """SQS queue URLs in their current form: https://sqs.REGION.amazonaws.com/ACCOUNT/NAME."""
    prefix = "https://"
    if not url.startswith(prefix):
        return url
    host, _, path = url[len(prefix) :].partition("/")
    if host == "queue.amazonaws.com":
        region = "us-east-1"
    elif host.endswith(".queue.amazonaws.com"):
        region = host.split(".", 1)[0]
    else:
        return url  # already https://sqs.REGION.amazonaws.com/…, or not SQS's
    return f"https://sqs.{region}.amazonaws.com/{path}"


def _queue_url(arn: Arn) -> str:
    """`arn:aws:sqs:REGION:ACCOUNT:NAME` is the queue at https://sqs.REGION…/ACCOUNT/NAME."""
    return f"https://sqs.{arn.region}.amazonaws.com/{arn.account}/{arn.resource}"


# Queues are named by their URL, which SQS makes on CreateQueue.
TYPES = (ResourceType(QUEUE, "url", id_from_arn=_queue_url, id_from_value=normalize_queue_url),)
ARN_KINDS = {
    ("sqs", ""): QUEUE,
}

# CreateQueue, DeleteQueue, SetQueueAttributes, AddPermission and RemovePermission checked
# against the SQS developer guide's CloudTrail examples (and panther-analysis / streamalert
# SetQueueAttributes records); TagQueue/UntagQueue follow the SQS API reference.
RULES = [
    on(SQS, "CreateQueue", QUEUE, CREATE, "responseElements.queueUrl"),
    on(
        SQS,
        ("SetQueueAttributes", "AddPermission", "RemovePermission", "TagQueue", "UntagQueue"),
        QUEUE,
        UPDATE,
        "requestParameters.queueUrl",
    ),
    on(SQS, "DeleteQueue", QUEUE, DELETE, "requestParameters.queueUrl"),
]

TERRAFORM = [
    tf("aws_sqs_queue", QUEUE, "url", "id"),
    *children(
        QUEUE,
        "queue_url",
        "aws_sqs_queue_policy",
        "aws_sqs_queue_redrive_policy",
        "aws_sqs_queue_redrive_allow_policy",
    ),
]

OPERATIONAL = [
    ops(
        SQS,
        "messages deleted, queues purged, dead-letter messages moved back: data, not the "
        "queue's configuration",
        """DeleteMessage DeleteMessageBatch PurgeQueue StartMessageMoveTask
        CancelMessageMoveTask""",
    ),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("sqs",)
)
