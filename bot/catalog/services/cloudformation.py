"""CloudFormation stacks as resources (AWS::CloudFormation::Stack, keyed by stack ARN).

The resources a stack creates show up as their own calls made by cloudformation.amazonaws.com.
Create and Update return the stack ARN; other calls may name the stack by name only.
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

CFN = "cloudformation.amazonaws.com"
STACK = "AWS::CloudFormation::Stack"
STACK_ID = "responseElements.stackId || requestParameters.stackName"

# awsdocs aws-cloudformation-user-guide cfn-api-logging-cloudtrail records; API reference.
on(CFN, "CreateStack", STACK, CREATE, STACK_ID)
on(
    CFN,
    ("UpdateStack", "UpdateTerminationProtection", "SetStackPolicy", "ExecuteChangeSet"),
    STACK,
    UPDATE,
    STACK_ID,
)
on(CFN, "DeleteStack", STACK, DELETE, "requestParameters.stackName")
