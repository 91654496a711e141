"""EC2 VPNs: Site-to-Site VPN (customer gateways, virtual private gateways and VPN connections)
and Client VPN endpoints, by the ids EC2 makes.

A gateway's attachment to a VPC and its route propagation into a route table are parts of the
gateway (the route table's propagation is the table's); a VPN connection's static routes and
tunnel options are parts of the connection; a Client VPN endpoint's target networks,
authorization rules, routes and revocation list are parts of the endpoint. Classic calls log
camelCase keys; Client VPN calls (2018 on) a `…Request` / `…Response` wrapper, so both shapes
are read.
"""

from __future__ import annotations

from bot.catalog.arns import kinds_from_prefixes
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.services.vpc import ROUTE_TABLE
from bot.catalog.terraform_types import children, part_of, tf

EC2 = "ec2.amazonaws.com"

CUSTOMER_GATEWAY = "AWS::EC2::CustomerGateway"
VPN_GATEWAY = "AWS::EC2::VPNGateway"
VPN_CONNECTION = "AWS::EC2::VPNConnection"
CLIENT_VPN_ENDPOINT = "AWS::EC2::ClientVpnEndpoint"

TYPES = (
    ResourceType(CUSTOMER_GATEWAY, "id", "customer-gateway/"),
    ResourceType(VPN_GATEWAY, "id", "vpn-gateway/"),
    ResourceType(VPN_CONNECTION, "id", "vpn-connection/"),
    ResourceType(CLIENT_VPN_ENDPOINT, "id", "client-vpn-endpoint/"),
)
ARN_KINDS = kinds_from_prefixes("ec2", TYPES)
EC2_ID_PREFIXES = {
    "cgw-": CUSTOMER_GATEWAY,
    "vgw-": VPN_GATEWAY,
    "vpn-": VPN_CONNECTION,
    "cvpn-endpoint-": CLIENT_VPN_ENDPOINT,
}


def _either(call: str, member: str) -> str:
    """The request member, in the classic camelCase shape or under the call's wrapper."""
    lower = member[0].lower() + member[1:]
    return f"requestParameters.{lower} || requestParameters.{call}Request.{member}"


CLIENT_VPN_CALLS = (
    "ModifyClientVpnEndpoint",
    "AssociateClientVpnTargetNetwork",
    "DisassociateClientVpnTargetNetwork",
    "AuthorizeClientVpnIngress",
    "RevokeClientVpnIngress",
    "CreateClientVpnRoute",
    "DeleteClientVpnRoute",
    "ApplySecurityGroupsToClientVpnTargetNetwork",
    "ImportClientVpnClientCertificateRevocationList",
)

# EC2 API reference for each call (API_CreateVpnGateway, API_CreateCustomerGateway,
# API_CreateVpnConnection, API_CreateClientVpnEndpoint …); documented shapes.
RULES = [
    on(
        EC2,
        "CreateCustomerGateway",
        CUSTOMER_GATEWAY,
        CREATE,
        "responseElements.customerGateway.customerGatewayId"
        " || responseElements.CreateCustomerGatewayResponse.customerGateway.customerGatewayId",
    ),
    on(
        EC2,
        "DeleteCustomerGateway",
        CUSTOMER_GATEWAY,
        DELETE,
        _either("DeleteCustomerGateway", "CustomerGatewayId"),
    ),
    on(
        EC2,
        "CreateVpnGateway",
        VPN_GATEWAY,
        CREATE,
        "responseElements.vpnGateway.vpnGatewayId"
        " || responseElements.CreateVpnGatewayResponse.vpnGateway.vpnGatewayId",
    ),
    on(
        EC2,
        ("AttachVpnGateway", "DetachVpnGateway"),
        VPN_GATEWAY,
        UPDATE,
        "requestParameters.vpnGatewayId",
    ),
    on(EC2, "DeleteVpnGateway", VPN_GATEWAY, DELETE, _either("DeleteVpnGateway", "VpnGatewayId")),
    on(
        EC2,
        ("EnableVgwRoutePropagation", "DisableVgwRoutePropagation"),
        ROUTE_TABLE,
        UPDATE,
        "requestParameters.routeTableId",
    ),
    on(
        EC2,
        "CreateVpnConnection",
        VPN_CONNECTION,
        CREATE,
        "responseElements.vpnConnection.vpnConnectionId"
        " || responseElements.CreateVpnConnectionResponse.vpnConnection.vpnConnectionId",
    ),
    on(
        EC2,
        (
            "ModifyVpnConnection",
            "ModifyVpnConnectionOptions",
            "ModifyVpnTunnelOptions",
            "ModifyVpnTunnelCertificate",
            "CreateVpnConnectionRoute",
            "DeleteVpnConnectionRoute",
            "ReplaceVpnTunnel",
        ),
        VPN_CONNECTION,
        UPDATE,
        "requestParameters.vpnConnectionId",
    ),
    on(
        EC2,
        "DeleteVpnConnection",
        VPN_CONNECTION,
        DELETE,
        _either("DeleteVpnConnection", "VpnConnectionId"),
    ),
    on(
        EC2,
        "CreateClientVpnEndpoint",
        CLIENT_VPN_ENDPOINT,
        CREATE,
        "responseElements.CreateClientVpnEndpointResponse.clientVpnEndpointId"
        " || responseElements.clientVpnEndpointId",
    ),
    *(
        on(
            EC2,
            call,
            CLIENT_VPN_ENDPOINT,
            UPDATE,
            f"requestParameters.{call}Request.ClientVpnEndpointId"
            " || requestParameters.clientVpnEndpointId",
        )
        for call in CLIENT_VPN_CALLS
    ),
    on(
        EC2,
        "DeleteClientVpnEndpoint",
        CLIENT_VPN_ENDPOINT,
        DELETE,
        "requestParameters.DeleteClientVpnEndpointRequest.ClientVpnEndpointId"
        " || requestParameters.clientVpnEndpointId",
    ),
]

TERRAFORM = [
    tf("aws_customer_gateway", CUSTOMER_GATEWAY, "id", "arn"),
    tf("aws_vpn_gateway", VPN_GATEWAY, "id", "arn"),
    part_of("aws_vpn_gateway_attachment", VPN_GATEWAY, "vpn_gateway_id"),
    tf("aws_vpn_connection", VPN_CONNECTION, "id", "arn"),
    part_of("aws_vpn_connection_route", VPN_CONNECTION, "vpn_connection_id"),
    tf("aws_ec2_client_vpn_endpoint", CLIENT_VPN_ENDPOINT, "id", "arn"),
    *children(
        CLIENT_VPN_ENDPOINT,
        "client_vpn_endpoint_id",
        "aws_ec2_client_vpn_network_association",
        "aws_ec2_client_vpn_authorization_rule",
        "aws_ec2_client_vpn_route",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    ec2_id_prefixes=EC2_ID_PREFIXES,
    models=("ec2",),
    casing="ec2",
)
