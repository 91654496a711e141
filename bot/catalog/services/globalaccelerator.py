"""AWS Global Accelerator (global; events land in us-west-2): accelerators (standard and custom
routing), their listeners and endpoint groups, and cross-account attachments, all by ARN.
Adding or removing endpoints changes the endpoint group."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

GA = "globalaccelerator.amazonaws.com"

ACCELERATOR = "AWS::GlobalAccelerator::Accelerator"
LISTENER = "AWS::GlobalAccelerator::Listener"
ENDPOINT_GROUP = "AWS::GlobalAccelerator::EndpointGroup"
ATTACHMENT = "AWS::GlobalAccelerator::CrossAccountAttachment"

TYPES = (
    ResourceType(ACCELERATOR, "arn", is_global=True),
    ResourceType(LISTENER, "arn", is_global=True),
    ResourceType(ENDPOINT_GROUP, "arn", is_global=True),
    ResourceType(ATTACHMENT, "arn", is_global=True),
)
ARN_KINDS = {
    ("globalaccelerator", "accelerator"): ACCELERATOR,
    ("globalaccelerator", "attachment"): ATTACHMENT,
}

# Global Accelerator API reference (members lower-case first). Custom routing calls mirror the
# standard ones.
RULES = [
    *(
        line
        for prefix in ("", "CustomRouting")
        for line in (
            on(
                GA,
                f"Create{prefix}Accelerator",
                ACCELERATOR,
                CREATE,
                "responseElements.accelerator.acceleratorArn",
            ),
            on(
                GA,
                (f"Update{prefix}Accelerator", f"Update{prefix}AcceleratorAttributes"),
                ACCELERATOR,
                UPDATE,
                "requestParameters.acceleratorArn",
            ),
            on(
                GA,
                f"Delete{prefix}Accelerator",
                ACCELERATOR,
                DELETE,
                "requestParameters.acceleratorArn",
            ),
            on(
                GA,
                f"Create{prefix}Listener",
                LISTENER,
                CREATE,
                "responseElements.listener.listenerArn",
            ),
            on(GA, f"Update{prefix}Listener", LISTENER, UPDATE, "requestParameters.listenerArn"),
            on(GA, f"Delete{prefix}Listener", LISTENER, DELETE, "requestParameters.listenerArn"),
            on(
                GA,
                f"Create{prefix}EndpointGroup",
                ENDPOINT_GROUP,
                CREATE,
                "responseElements.endpointGroup.endpointGroupArn",
            ),
            on(
                GA,
                f"Delete{prefix}EndpointGroup",
                ENDPOINT_GROUP,
                DELETE,
                "requestParameters.endpointGroupArn",
            ),
        )
    ),
    on(
        GA,
        (
            "UpdateEndpointGroup",
            "AddEndpoints",
            "RemoveEndpoints",
            "AddCustomRoutingEndpoints",
            "RemoveCustomRoutingEndpoints",
            "AllowCustomRoutingTraffic",
            "DenyCustomRoutingTraffic",
        ),
        ENDPOINT_GROUP,
        UPDATE,
        "requestParameters.endpointGroupArn",
    ),
    on(
        GA,
        "CreateCrossAccountAttachment",
        ATTACHMENT,
        CREATE,
        "responseElements.crossAccountAttachment.attachmentArn",
    ),
    on(GA, "UpdateCrossAccountAttachment", ATTACHMENT, UPDATE, "requestParameters.attachmentArn"),
    on(GA, "DeleteCrossAccountAttachment", ATTACHMENT, DELETE, "requestParameters.attachmentArn"),
    on(GA, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_globalaccelerator_accelerator", ACCELERATOR, "arn", "id"),
    tf("aws_globalaccelerator_custom_routing_accelerator", ACCELERATOR, "arn", "id"),
    tf("aws_globalaccelerator_listener", LISTENER, "arn", "id"),
    tf("aws_globalaccelerator_custom_routing_listener", LISTENER, "arn", "id"),
    tf("aws_globalaccelerator_endpoint_group", ENDPOINT_GROUP, "arn", "id"),
    tf("aws_globalaccelerator_custom_routing_endpoint_group", ENDPOINT_GROUP, "arn", "id"),
    tf("aws_globalaccelerator_cross_account_attachment", ATTACHMENT, "arn", "id"),
]

OPERATIONAL = [
    ops(
        GA,
        "BYOIP address ranges provisioned to or withdrawn from AWS",
        "ProvisionByoipCidr DeprovisionByoipCidr",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("globalaccelerator",),
)
