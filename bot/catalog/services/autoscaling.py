"""EC2 Auto Scaling: groups and launch configurations, both named by the caller.

Policies, scheduled actions, lifecycle hooks, notifications, warm pools, attached load
balancers and tags are managed as parts of their group (Terraform keeps several of them in
`aws_autoscaling_group` itself), so those calls update the group they name.
"""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

AUTOSCALING = "autoscaling.amazonaws.com"

ASG = "AWS::AutoScaling::AutoScalingGroup"
LAUNCH_CONFIGURATION = "AWS::AutoScaling::LaunchConfiguration"
WARM_POOL = "AWS::AutoScaling::WarmPool"


def _name(arn: Arn) -> str:
    """`autoScalingGroup:UUID:autoScalingGroupName/NAME` (and launch configurations): NAME."""
    return arn.resource.rsplit("Name/", 1)[-1] if "Name/" in arn.resource else arn.resource


TYPES = (
    ResourceType(ASG, "name", "autoScalingGroup:"),
    ResourceType(LAUNCH_CONFIGURATION, "name", "launchConfiguration:"),
    ResourceType(WARM_POOL, "name", cfn=False),
)

_GROUP_NAME = "requestParameters.autoScalingGroupName"

# CreateLaunchConfiguration: real record (awsdocs Auto Scaling guide). The rest: the Auto
# Scaling API reference (request members logged in camelCase, as in that record).
RULES = [
    on(
        AUTOSCALING,
        "CreateLaunchConfiguration",
        LAUNCH_CONFIGURATION,
        CREATE,
        "requestParameters.launchConfigurationName",
    ),
    on(
        AUTOSCALING,
        "DeleteLaunchConfiguration",
        LAUNCH_CONFIGURATION,
        DELETE,
        "requestParameters.launchConfigurationName",
    ),
    on(AUTOSCALING, "CreateAutoScalingGroup", ASG, CREATE, _GROUP_NAME),
    on(AUTOSCALING, "DeleteAutoScalingGroup", ASG, DELETE, _GROUP_NAME),
    on(
        AUTOSCALING,
        (
            "UpdateAutoScalingGroup",
            "SetDesiredCapacity",
            "SuspendProcesses",
            "ResumeProcesses",
            "EnableMetricsCollection",
            "DisableMetricsCollection",
            "PutScalingPolicy",
            "DeletePolicy",
            "PutScheduledUpdateGroupAction",
            "DeleteScheduledAction",
            "PutLifecycleHook",
            "DeleteLifecycleHook",
            "PutNotificationConfiguration",
            "DeleteNotificationConfiguration",
            "PutWarmPool",
            "DeleteWarmPool",
            "AttachLoadBalancers",
            "DetachLoadBalancers",
            "AttachLoadBalancerTargetGroups",
            "DetachLoadBalancerTargetGroups",
            "AttachTrafficSources",
            "DetachTrafficSources",
        ),
        ASG,
        UPDATE,
        _GROUP_NAME,
    ),
    # Tags name their group in each tag: tags[].resourceId with resourceType auto-scaling-group.
    on(
        AUTOSCALING,
        ("CreateOrUpdateTags", "DeleteTags"),
        ASG,
        UPDATE,
        "requestParameters.tags[].resourceId",
    ),
    # Instances attached to or detached from the group, scale-in protection, instance refresh
    # (API reference).
    on(
        AUTOSCALING,
        (
            "AttachInstances",
            "DetachInstances",
            "SetInstanceProtection",
            "StartInstanceRefresh",
            "CancelInstanceRefresh",
            "RollbackInstanceRefresh",
        ),
        ASG,
        UPDATE,
        _GROUP_NAME,
    ),
]

TERRAFORM = [
    tf("aws_autoscaling_group", ASG, "name", "id", "arn"),
    tf("aws_launch_configuration", LAUNCH_CONFIGURATION, "name", "id", "arn"),
    *children(
        ASG,
        "autoscaling_group_name",
        "aws_autoscaling_policy",
        "aws_autoscaling_schedule",
        "aws_autoscaling_lifecycle_hook",
        "aws_autoscaling_attachment",
        "aws_autoscaling_traffic_source_attachment",
        "aws_autoscaling_group_tag",
    ),
    part_of("aws_autoscaling_notification", ASG, "group_names"),
    part_of(
        "aws_autoscaling_warm_pool",
        ASG,
        "autoscaling_group_name",
        also=((WARM_POOL, "autoscaling_group_name"),),
    ),
]

OPERATIONAL = [
    ops(
        AUTOSCALING,
        "one instance's health or termination, and the account's instance-maintenance "
        "preference: the group's configuration stays as it was",
        "SetInstanceHealth TerminateInstanceInAutoScalingGroup PutAccountSetting",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_ids={"autoscaling": _name},
    operational=OPERATIONAL,
    models=("autoscaling",),
)
