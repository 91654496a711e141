"""AWS App Runner: services (custom domains are parts of them), auto-scaling and observability
configurations, connections, VPC connectors and VPC ingress connections, all by ARN.
Deployments and pauses are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

AR = "apprunner.amazonaws.com"

SERVICE_TYPE = "AWS::AppRunner::Service"
AUTO_SCALING = "AWS::AppRunner::AutoScalingConfiguration"
OBSERVABILITY = "AWS::AppRunner::ObservabilityConfiguration"
CONNECTION = "AWS::AppRunner::Connection"
VPC_CONNECTOR = "AWS::AppRunner::VpcConnector"
VPC_INGRESS = "AWS::AppRunner::VpcIngressConnection"

TYPES = (
    ResourceType(SERVICE_TYPE, "arn"),
    ResourceType(AUTO_SCALING, "arn"),
    ResourceType(OBSERVABILITY, "arn"),
    ResourceType(CONNECTION, "arn", cfn=False),
    ResourceType(VPC_CONNECTOR, "arn"),
    ResourceType(VPC_INGRESS, "arn"),
)
ARN_KINDS = {
    ("apprunner", "service"): SERVICE_TYPE,
    ("apprunner", "autoscalingconfiguration"): AUTO_SCALING,
    ("apprunner", "observabilityconfiguration"): OBSERVABILITY,
    ("apprunner", "connection"): CONNECTION,
    ("apprunner", "vpcconnector"): VPC_CONNECTOR,
    ("apprunner", "vpcingressconnection"): VPC_INGRESS,
}

# (type, noun): each created with Create<noun> (the ARN in the response's <noun>.<noun>Arn)
# and deleted with Delete<noun> (the ARN in the request's <noun>Arn).
_SIMPLE = (
    (AUTO_SCALING, "AutoScalingConfiguration"),
    (OBSERVABILITY, "ObservabilityConfiguration"),
    (CONNECTION, "Connection"),
    (VPC_CONNECTOR, "VpcConnector"),
    (VPC_INGRESS, "VpcIngressConnection"),
)


def _arn(noun: str) -> str:
    return noun[0].lower() + noun[1:] + "Arn"


# App Runner API reference (JSON: members lower-case first).
RULES = [
    on(AR, "CreateService", SERVICE_TYPE, CREATE, "responseElements.service.serviceArn"),
    on(
        AR,
        (
            "UpdateService",
            "AssociateCustomDomain",
            "DisassociateCustomDomain",
            "PauseService",
            "ResumeService",
        ),
        SERVICE_TYPE,
        UPDATE,
        "requestParameters.serviceArn",
    ),
    on(AR, "DeleteService", SERVICE_TYPE, DELETE, "requestParameters.serviceArn"),
    *(
        line
        for rtype, noun in _SIMPLE
        for line in (
            on(
                AR,
                f"Create{noun}",
                rtype,
                CREATE,
                f"responseElements.{noun[0].lower() + noun[1:]}.{_arn(noun)}",
            ),
            on(AR, f"Delete{noun}", rtype, DELETE, f"requestParameters.{_arn(noun)}"),
        )
    ),
    on(
        AR,
        "UpdateDefaultAutoScalingConfiguration",
        AUTO_SCALING,
        UPDATE,
        "requestParameters.autoScalingConfigurationArn",
    ),
    on(
        AR,
        "UpdateVpcIngressConnection",
        VPC_INGRESS,
        UPDATE,
        "requestParameters.vpcIngressConnectionArn",
    ),
    on(AR, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(AR, "deploying the service's current source again", "StartDeployment"),
]

TERRAFORM = [
    tf("aws_apprunner_service", SERVICE_TYPE, "arn", "id"),
    *children(SERVICE_TYPE, "service_arn", "aws_apprunner_custom_domain_association"),
    tf("aws_apprunner_auto_scaling_configuration_version", AUTO_SCALING, "arn", "id"),
    tf("aws_apprunner_observability_configuration", OBSERVABILITY, "arn", "id"),
    tf("aws_apprunner_connection", CONNECTION, "arn", "id"),
    tf("aws_apprunner_vpc_connector", VPC_CONNECTOR, "arn", "id"),
    tf("aws_apprunner_vpc_ingress_connection", VPC_INGRESS, "arn", "id"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("apprunner",)
)
