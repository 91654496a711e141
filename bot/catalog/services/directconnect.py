"""AWS Direct Connect: connections (`dxcon-…`; MACsec keys and LAG membership are parts of
them), LAGs (`dxlag-…`), interconnects, virtual interfaces (`dxvif-…`; BGP peers are parts of
them), Direct Connect gateways (their associations and proposals are parts of them) and
resiliency groups, by the ids Direct Connect makes."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

DX = "directconnect.amazonaws.com"

CONNECTION = "AWS::DirectConnect::Connection"
LAG = "AWS::DirectConnect::Lag"
INTERCONNECT = "AWS::DirectConnect::Interconnect"
VIF = "AWS::DirectConnect::VirtualInterface"
GATEWAY = "AWS::DirectConnect::DirectConnectGateway"

TYPES = (
    ResourceType(CONNECTION, "id", "dxcon/"),
    ResourceType(LAG, "id", "dxlag/"),
    ResourceType(INTERCONNECT, "id", "dxcon/", cfn=False),
    ResourceType(VIF, "id", "dxvif/"),
    ResourceType(GATEWAY, "id", "dx-gateway/"),
)
ARN_KINDS = {
    ("directconnect", "dxcon"): CONNECTION,
    ("directconnect", "dxlag"): LAG,
    ("directconnect", "dxvif"): VIF,
    ("directconnect", "dx-gateway"): GATEWAY,
}

CONN = "requestParameters.connectionId"
VIF_ID = "requestParameters.virtualInterfaceId"
GW = "requestParameters.directConnectGatewayId"

# Direct Connect API reference (members lower-case first).
RULES = [
    on(
        DX,
        ("CreateConnection", "AllocateConnectionOnInterconnect", "AllocateHostedConnection"),
        CONNECTION,
        CREATE,
        "responseElements.connectionId",
    ),
    on(
        DX,
        (
            "UpdateConnection",
            "AssociateMacSecKey",
            "DisassociateMacSecKey",
            "AssociateConnectionWithLag",
            "DisassociateConnectionFromLag",
            "AssociateHostedConnection",
            "ConfirmConnection",
        ),
        CONNECTION,
        UPDATE,
        CONN,
    ),
    on(DX, "DeleteConnection", CONNECTION, DELETE, CONN),
    on(DX, "CreateLag", LAG, CREATE, "responseElements.lagId"),
    on(DX, "UpdateLag", LAG, UPDATE, "requestParameters.lagId"),
    on(DX, "DeleteLag", LAG, DELETE, "requestParameters.lagId"),
    on(DX, "CreateInterconnect", INTERCONNECT, CREATE, "responseElements.interconnectId"),
    on(DX, "DeleteInterconnect", INTERCONNECT, DELETE, "requestParameters.interconnectId"),
    on(
        DX,
        (
            "CreatePrivateVirtualInterface",
            "CreatePublicVirtualInterface",
            "AllocatePrivateVirtualInterface",
            "AllocatePublicVirtualInterface",
        ),
        VIF,
        CREATE,
        "responseElements.virtualInterfaceId",
    ),
    # Transit ones answer the interface wrapped.
    on(
        DX,
        ("CreateTransitVirtualInterface", "AllocateTransitVirtualInterface"),
        VIF,
        CREATE,
        "responseElements.virtualInterface.virtualInterfaceId",
    ),
    on(
        DX,
        (
            "UpdateVirtualInterfaceAttributes",
            "AssociateVirtualInterface",
            "CreateBGPPeer",
            "DeleteBGPPeer",
            "ConfirmPrivateVirtualInterface",
            "ConfirmPublicVirtualInterface",
            "ConfirmTransitVirtualInterface",
        ),
        VIF,
        UPDATE,
        VIF_ID,
    ),
    on(DX, "DeleteVirtualInterface", VIF, DELETE, VIF_ID),
    on(
        DX,
        "CreateDirectConnectGateway",
        GATEWAY,
        CREATE,
        "responseElements.directConnectGateway.directConnectGatewayId",
    ),
    on(
        DX,
        (
            "UpdateDirectConnectGateway",
            "CreateDirectConnectGatewayAssociation",
            "DeleteDirectConnectGatewayAssociation",
            "CreateDirectConnectGatewayAssociationProposal",
            "AcceptDirectConnectGatewayAssociationProposal",
        ),
        GATEWAY,
        UPDATE,
        GW,
    ),
    on(
        DX,
        "UpdateDirectConnectGatewayAssociation",
        GATEWAY,
        UPDATE,
        "responseElements.directConnectGatewayAssociation.directConnectGatewayId",
    ),
    on(DX, "DeleteDirectConnectGateway", GATEWAY, DELETE, GW),
    on(DX, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_dx_connection", CONNECTION, "id", "arn"),
    *children(
        CONNECTION,
        "connection_id",
        "aws_dx_connection_association",
        "aws_dx_macsec_key_association",
        "aws_dx_connection_confirmation",
    ),
    tf("aws_dx_hosted_connection", CONNECTION, "id"),
    tf("aws_dx_lag", LAG, "id", "arn"),
    *(
        tf(f"aws_dx_{kind}_virtual_interface", VIF, "id", "arn")
        for kind in (
            "private",
            "public",
            "transit",
            "hosted_private",
            "hosted_public",
            "hosted_transit",
        )
    ),
    *children(VIF, "virtual_interface_id", "aws_dx_bgp_peer"),
    tf("aws_dx_gateway", GATEWAY, "id"),
    *children(
        GATEWAY,
        "dx_gateway_id",
        "aws_dx_gateway_association",
        "aws_dx_gateway_association_proposal",
    ),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("directconnect",))
