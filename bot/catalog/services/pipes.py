"""Amazon EventBridge Pipes: pipes, by name. Starting and stopping a pipe changes its desired
state, which IaC declares."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

PIPES = "pipes.amazonaws.com"

PIPE = "AWS::Pipes::Pipe"

TYPES = (ResourceType(PIPE, "name", "pipe/"),)
ARN_KINDS = {("pipes", "pipe"): PIPE}

# EventBridge Pipes API reference (REST JSON; the name is a path parameter).
RULES = [
    *lifecycle(PIPES, "Pipe", PIPE, "requestParameters.name"),
    on(PIPES, ("StartPipe", "StopPipe"), PIPE, UPDATE, "requestParameters.name"),
    on(PIPES, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [tf("aws_pipes_pipe", PIPE, "name", "id", "arn")]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("pipes",))
