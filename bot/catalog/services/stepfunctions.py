"""Step Functions: state machines and activities, by ARN.

StartExecution/StopExecution run a state machine and change no configuration: no rules.
"""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

SFN = "states.amazonaws.com"
MACHINE = "AWS::StepFunctions::StateMachine"
ACTIVITY = "AWS::StepFunctions::Activity"

# awsdocs aws-step-functions-developer-guide procedure-cloud-trail records; API reference.
on(SFN, "CreateStateMachine", MACHINE, CREATE, "responseElements.stateMachineArn")
on(SFN, "UpdateStateMachine", MACHINE, UPDATE, "requestParameters.stateMachineArn")
on(SFN, "DeleteStateMachine", MACHINE, DELETE, "requestParameters.stateMachineArn")
on(SFN, "CreateActivity", ACTIVITY, CREATE, "responseElements.activityArn")
on(SFN, "DeleteActivity", ACTIVITY, DELETE, "requestParameters.activityArn")
on(SFN, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn")
