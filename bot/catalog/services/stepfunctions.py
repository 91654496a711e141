"""Step Functions: state machines and activities, by ARN.

StartExecution/StopExecution run a state machine and change no configuration: no rules.
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

SFN = "states.amazonaws.com"

MACHINE = "AWS::StepFunctions::StateMachine"
ACTIVITY = "AWS::StepFunctions::Activity"

TYPES = (
    ResourceType(MACHINE, "arn"),
    ResourceType(ACTIVITY, "arn"),
)
ARN_KINDS = {
    ("states", "stateMachine"): MACHINE,
    ("states", "activity"): ACTIVITY,
}

# awsdocs aws-step-functions-developer-guide procedure-cloud-trail records; API reference.
RULES = [
    on(SFN, "CreateStateMachine", MACHINE, CREATE, "responseElements.stateMachineArn"),
    on(SFN, "UpdateStateMachine", MACHINE, UPDATE, "requestParameters.stateMachineArn"),
    on(SFN, "DeleteStateMachine", MACHINE, DELETE, "requestParameters.stateMachineArn"),
    on(SFN, "CreateActivity", ACTIVITY, CREATE, "responseElements.activityArn"),
    on(SFN, "DeleteActivity", ACTIVITY, DELETE, "requestParameters.activityArn"),
    on(SFN, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_sfn_state_machine", MACHINE, "arn", "id"),
    tf("aws_sfn_activity", ACTIVITY, "arn", "id"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("stepfunctions",))
