"""EC2 Auto Scaling: groups and launch configurations, both named by the caller.

Policies, scheduled actions, lifecycle hooks, notifications, warm pools, attached load
balancers and tags are managed as parts of their group (Terraform keeps several of them in
`aws_autoscaling_group` itself), so those calls update the group they name.
"""

from __future__ import annotations

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

AUTOSCALING = "autoscaling.amazonaws.com"

ASG = "AWS::AutoScaling::AutoScalingGroup"
LAUNCH_CONFIGURATION = "AWS::AutoScaling::LaunchConfiguration"

_GROUP_NAME = "requestParameters.autoScalingGroupName"

# CreateLaunchConfiguration: real record (awsdocs Auto Scaling guide). The rest: the Auto
# Scaling API reference (request members logged in camelCase, as in that record).
on(
    AUTOSCALING,
    "CreateLaunchConfiguration",
    LAUNCH_CONFIGURATION,
    CREATE,
    "requestParameters.launchConfigurationName",
)
on(
    AUTOSCALING,
    "DeleteLaunchConfiguration",
    LAUNCH_CONFIGURATION,
    DELETE,
    "requestParameters.launchConfigurationName",
)

on(AUTOSCALING, "CreateAutoScalingGroup", ASG, CREATE, _GROUP_NAME)
on(AUTOSCALING, "DeleteAutoScalingGroup", ASG, DELETE, _GROUP_NAME)
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
)
# Tags name their group in each tag: tags[].resourceId with resourceType auto-scaling-group.
on(
    AUTOSCALING,
    ("CreateOrUpdateTags", "DeleteTags"),
    ASG,
    UPDATE,
    "requestParameters.tags[].resourceId",
)
