"""CloudFormation stacks as resources (AWS::CloudFormation::Stack, keyed by stack ARN).

The resources a stack creates show up as their own calls made by cloudformation.amazonaws.com.
Create and Update return the stack ARN; other calls may name the stack by name only.
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service

CFN = "cloudformation.amazonaws.com"

STACK = "AWS::CloudFormation::Stack"

TYPES = (ResourceType(STACK, "arn"),)

# Types that stand for nothing in AWS: custom resources (their "physical id" is whatever the
# handler returned) and CloudFormation's own bookkeeping. Templates may hold them; the catalog
# has no type for them.
NOT_AWS = frozenset(
    {
        "AWS::CloudFormation::CustomResource",
        "AWS::CloudFormation::WaitCondition",
        "AWS::CloudFormation::WaitConditionHandle",
        "AWS::CloudFormation::Macro",
        "AWS::CDK::Metadata",
    }
)

STACK_ID = "responseElements.stackId || requestParameters.stackName"

# awsdocs aws-cloudformation-user-guide cfn-api-logging-cloudtrail records; API reference.
RULES = [
    on(CFN, "CreateStack", STACK, CREATE, STACK_ID),
    on(CFN, ("UpdateStack", "UpdateTerminationProtection"), STACK, UPDATE, STACK_ID),
    # These answer nothing: the stack is the request's name or id.
    on(CFN, ("SetStackPolicy", "ExecuteChangeSet"), STACK, UPDATE, "requestParameters.stackName"),
    on(CFN, "DeleteStack", STACK, DELETE, "requestParameters.stackName"),
]

SERVICE = Service(TYPES, RULES, models=("cloudformation",))
