"""Application Auto Scaling: scalable targets (an ECS service, a DynamoDB table, an Aurora
cluster… by the target's `resourceId`, e.g. `service/prod/web`); their scaling policies and
scheduled actions are parts of them.

The scaling itself is done by the service under its service-linked role: those calls are AWS
services' own (bot/trail/origin.py).
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

AAS = "application-autoscaling.amazonaws.com"

TARGET = "AWS::ApplicationAutoScaling::ScalableTarget"

TYPES = (ResourceType(TARGET, "id"),)
ARN_KINDS = {("application-autoscaling", "scalable-target"): TARGET}

RESOURCE = "requestParameters.resourceId"

# Application Auto Scaling API reference (members lower-case first).
RULES = [
    on(AAS, "RegisterScalableTarget", TARGET, CREATE, RESOURCE),
    on(
        AAS,
        ("PutScalingPolicy", "DeleteScalingPolicy", "PutScheduledAction", "DeleteScheduledAction"),
        TARGET,
        UPDATE,
        RESOURCE,
    ),
    on(AAS, "DeregisterScalableTarget", TARGET, DELETE, RESOURCE),
    on(AAS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN"),
]

TERRAFORM = [
    tf("aws_appautoscaling_target", TARGET, "resource_id", "id"),
    *children(
        TARGET,
        "resource_id",
        "aws_appautoscaling_policy",
        "aws_appautoscaling_scheduled_action",
    ),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("application-autoscaling",))
