"""CloudFormation stacks, stack sets and registry extensions as resources.

The resources a stack creates show up as their own calls made by cloudformation.amazonaws.com.
Create and Update return the stack ARN; other calls may name the stack by its ARN or by its
name only, which is resolved through the stack's creation or the IaC state. Stack sets are kept
by name (their id is `name:uuid`); their stack instances are parts of the stack set.
"""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, by_name, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

CFN = "cloudformation.amazonaws.com"

STACK = "AWS::CloudFormation::Stack"
STACK_SET = "AWS::CloudFormation::StackSet"
EXTENSION = "AWS::CloudFormation::Type"


def _stack_set_name(value: str) -> str:
    """`name:uuid` (a stack set's id) → `name`; stack set names hold no colon."""
    return value.split(":", 1)[0]


def _extension_from_arn(arn: Arn) -> str:
    """`type/resource/Org-Svc-Thing[/version]` → `Org::Svc::Thing`: type names are letters and
    digits between `::`, which the ARN spells `-`."""
    parts = arn.resource.split("/")
    return parts[2].replace("-", "::") if len(parts) > 2 else arn.resource


TYPES = (
    ResourceType(STACK, "arn"),
    ResourceType(
        STACK_SET,
        "name",
        "stackset/",
        id_from_arn=lambda arn: _stack_set_name(arn.resource),
        id_from_value=_stack_set_name,
    ),
    # Registry extensions (resource types, modules, hooks) by type name; CloudFormation has no
    # type for the registration itself, so this is the `AWS::Service::Thing` form.
    ResourceType(EXTENSION, "name", cfn=False, id_from_arn=_extension_from_arn),
)

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

STACK_NAME = "requestParameters.stackName"
STACK_ARN = f"{STACK_NAME} && starts_with({STACK_NAME}, 'arn:') && {STACK_NAME}"
STACK_ID = f"responseElements.stackId || {STACK_ARN}"
BY_NAME = f"{STACK_NAME} && !starts_with({STACK_NAME}, 'arn:') && {STACK_NAME}"

# Calls that name the stack in `stackName` (its name or ARN) and answer nothing about it.
STACK_CALLS = (
    "SetStackPolicy",
    "ExecuteChangeSet",
    "CancelUpdateStack",
    "ContinueUpdateRollback",
    "RollbackStack",
    "SetAlias",
)

# awsdocs aws-cloudformation-user-guide cfn-api-logging-cloudtrail records; API reference.
RULES = [
    on(CFN, "CreateStack", STACK, CREATE, "responseElements.stackId", name=STACK_NAME),
    on(CFN, ("UpdateStack", "UpdateTerminationProtection"), STACK, UPDATE, STACK_ID),
    on(CFN, STACK_CALLS, STACK, UPDATE, STACK_ARN),
    by_name(
        CFN, ("UpdateStack", "UpdateTerminationProtection", *STACK_CALLS), STACK, UPDATE, BY_NAME
    ),
    on(CFN, "DeleteStack", STACK, DELETE, STACK_ARN),
    by_name(CFN, "DeleteStack", STACK, DELETE, BY_NAME),
    # Stack sets and their instances (API reference, documented shapes): every call names the
    # set in `stackSetName` (its name or `name:uuid` id).
    on(CFN, "CreateStackSet", STACK_SET, CREATE, "requestParameters.stackSetName"),
    on(
        CFN,
        (
            "UpdateStackSet",
            "CreateStackInstances",
            "UpdateStackInstances",
            "DeleteStackInstances",
            "ImportStacksToStackSet",
        ),
        STACK_SET,
        UPDATE,
        "requestParameters.stackSetName",
    ),
    on(CFN, "DeleteStackSet", STACK_SET, DELETE, "requestParameters.stackSetName"),
    # Registry extensions: private ones registered from a schema package, public ones
    # activated (under an alias when given).
    on(CFN, "RegisterType", EXTENSION, CREATE, "requestParameters.typeName"),
    on(
        CFN,
        "ActivateType",
        EXTENSION,
        CREATE,
        "requestParameters.typeNameAlias || requestParameters.typeName || responseElements.arn",
    ),
    on(
        CFN,
        ("SetTypeDefaultVersion", "PublishType"),
        EXTENSION,
        UPDATE,
        "requestParameters.typeName || requestParameters.arn",
    ),
    on(
        CFN,
        "SetTypeConfiguration",
        EXTENSION,
        UPDATE,
        "requestParameters.typeName || requestParameters.typeArn",
    ),
    on(
        CFN,
        ("DeregisterType", "DeactivateType"),
        EXTENSION,
        DELETE,
        "requestParameters.typeName || requestParameters.arn",
    ),
]

OPERATIONAL = [
    ops(
        CFN,
        "change sets and stack refactors are proposals: the stack changes when one is executed "
        "(ExecuteChangeSet, ExecuteStackRefactor, whose resources' calls are read)",
        "CreateChangeSet DeleteChangeSet CreateStackRefactor ExecuteStackRefactor",
    ),
    ops(
        CFN,
        "the IaC generator's scans and generated templates describe resources; they change none",
        "StartResourceScan CreateGeneratedTemplate UpdateGeneratedTemplate DeleteGeneratedTemplate",
    ),
    ops(
        CFN,
        "stack set operations in flight, stack aliases being removed, the registry's publisher "
        "profile and StackSets' trusted access in the organization",
        """StopStackSetOperation RemoveAlias RegisterPublisher ActivateOrganizationsAccess
        DeactivateOrganizationsAccess""",
    ),
]

TERRAFORM = [
    tf("aws_cloudformation_stack", STACK, "id", name="name"),
    tf("aws_cloudformation_stack_set", STACK_SET, "name", "id", "arn"),
    *children(
        STACK_SET,
        "stack_set_name",
        "aws_cloudformation_stack_set_instance",
        "aws_cloudformation_stack_instances",
    ),
    tf("aws_cloudformation_type", EXTENSION, "type_name"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, operational=OPERATIONAL, models=("cloudformation",))
