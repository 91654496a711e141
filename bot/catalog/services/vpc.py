"""EC2 networking: VPCs, subnets, route tables, network ACLs, gateways, elastic IPs, network
interfaces, peering, endpoints, flow logs, DHCP options, transit gateways, traffic mirroring,
prefix lists, IPAM, carrier gateways. VPNs are in `vpn.py`, newer networking in
`ec2_networking.py`.

Same two request shapes as in `ec2.py`: classic camelCase keys, or (newer calls) a PascalCase
`…Request` wrapper and a `…Response` wrapper. Routes, ACL entries and associations are parts
of the table / ACL they change, so those calls update the parent.
"""

from __future__ import annotations

from bot.catalog.arns import kinds_from_prefixes
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

EC2 = "ec2.amazonaws.com"

VPC = "AWS::EC2::VPC"
SUBNET = "AWS::EC2::Subnet"
ROUTE_TABLE = "AWS::EC2::RouteTable"
NACL = "AWS::EC2::NetworkAcl"
IGW = "AWS::EC2::InternetGateway"
EIGW = "AWS::EC2::EgressOnlyInternetGateway"
NAT = "AWS::EC2::NatGateway"
EIP = "AWS::EC2::EIP"
ENI = "AWS::EC2::NetworkInterface"
PEERING = "AWS::EC2::VPCPeeringConnection"
ENDPOINT = "AWS::EC2::VPCEndpoint"
VPC_ENDPOINT_SERVICE = "AWS::EC2::VPCEndpointService"
FLOW_LOG = "AWS::EC2::FlowLog"
DHCP = "AWS::EC2::DHCPOptions"
TGW = "AWS::EC2::TransitGateway"
TGW_ATTACHMENT = "AWS::EC2::TransitGatewayAttachment"
TRANSIT_GATEWAY_ROUTE_TABLE = "AWS::EC2::TransitGatewayRouteTable"
PREFIX_LIST = "AWS::EC2::PrefixList"
TM_FILTER = "AWS::EC2::TrafficMirrorFilter"
TM_FILTER_RULE = "AWS::EC2::TrafficMirrorFilterRule"
TM_SESSION = "AWS::EC2::TrafficMirrorSession"
TM_TARGET = "AWS::EC2::TrafficMirrorTarget"
NETWORK_INSIGHTS_PATH = "AWS::EC2::NetworkInsightsPath"
IPAM = "AWS::EC2::IPAM"
CARRIER_GATEWAY = "AWS::EC2::CarrierGateway"

TYPES = (
    ResourceType(VPC, "id", "vpc/"),
    ResourceType(SUBNET, "id", "subnet/"),
    ResourceType(ROUTE_TABLE, "id", "route-table/"),
    ResourceType(NACL, "id", "network-acl/"),
    ResourceType(IGW, "id", "internet-gateway/"),
    ResourceType(EIGW, "id", "egress-only-internet-gateway/"),
    ResourceType(NAT, "id", "natgateway/"),
    ResourceType(EIP, "id", "elastic-ip/"),
    ResourceType(ENI, "id", "network-interface/"),
    ResourceType(PEERING, "id", "vpc-peering-connection/"),
    ResourceType(ENDPOINT, "id", "vpc-endpoint/"),
    ResourceType(VPC_ENDPOINT_SERVICE, "id", "vpc-endpoint-service/"),
    ResourceType(FLOW_LOG, "id", "vpc-flow-log/"),
    ResourceType(DHCP, "id", "dhcp-options/"),
    ResourceType(TGW, "id", "transit-gateway/"),
    ResourceType(TGW_ATTACHMENT, "id", "transit-gateway-attachment/"),
    ResourceType(TRANSIT_GATEWAY_ROUTE_TABLE, "id", "transit-gateway-route-table/"),
    ResourceType(PREFIX_LIST, "id", "prefix-list/"),
    ResourceType(TM_FILTER, "id", "traffic-mirror-filter/"),
    ResourceType(TM_FILTER_RULE, "id", "traffic-mirror-filter-rule/"),
    ResourceType(TM_SESSION, "id", "traffic-mirror-session/"),
    ResourceType(TM_TARGET, "id", "traffic-mirror-target/"),
    ResourceType(NETWORK_INSIGHTS_PATH, "id", "network-insights-path/"),
    ResourceType(IPAM, "id", "ipam/"),
    ResourceType(CARRIER_GATEWAY, "id", "carrier-gateway/"),
)
# EC2 ARNs read ec2:REGION:ACCOUNT:KIND/ID, the kind being the type's ARN prefix.
ARN_KINDS = kinds_from_prefixes("ec2", TYPES)
# The prefix of an EC2 id tells its type (the longest prefix wins: vpce-svc- before vpce-).
EC2_ID_PREFIXES = {
    "vpc-": VPC,
    "subnet-": SUBNET,
    "rtb-": ROUTE_TABLE,
    "acl-": NACL,
    "igw-": IGW,
    "eigw-": EIGW,
    "nat-": NAT,
    "eipalloc-": EIP,
    "eni-": ENI,
    "pcx-": PEERING,
    "vpce-svc-": VPC_ENDPOINT_SERVICE,
    "vpce-": ENDPOINT,
    "fl-": FLOW_LOG,
    "dopt-": DHCP,
    "tgw-attach-": TGW_ATTACHMENT,
    "tgw-rtb-": TRANSIT_GATEWAY_ROUTE_TABLE,
    "tgw-": TGW,
    "pl-": PREFIX_LIST,
    "tmf-": TM_FILTER,
    "tmfr-": TM_FILTER_RULE,
    "tms-": TM_SESSION,
    "tmt-": TM_TARGET,
}

RULES = [
    # VPCs
    # CreateVpc: real record (panther-analysis); the rest: API_DeleteVpc, API_ModifyVpcAttribute,
    # API_AssociateDhcpOptions (changes the VPC's options set), API_*VpcCidrBlock (vpcId in the
    # request / response; the wrapper alternative covers PascalCase logging, no sample seen).
    on(EC2, "CreateVpc", VPC, CREATE, "responseElements.vpc.vpcId"),
    on(EC2, "DeleteVpc", VPC, DELETE, "requestParameters.vpcId"),
    on(EC2, ("ModifyVpcAttribute", "AssociateDhcpOptions"), VPC, UPDATE, "requestParameters.vpcId"),
    on(
        EC2,
        "AssociateVpcCidrBlock",
        VPC,
        UPDATE,
        "requestParameters.vpcId || requestParameters.AssociateVpcCidrBlockRequest.VpcId",
    ),
    on(
        EC2,
        "DisassociateVpcCidrBlock",
        VPC,
        UPDATE,
        "responseElements.vpcId || responseElements.DisassociateVpcCidrBlockResponse.vpcId",
    ),
    # Subnets
    on(EC2, "CreateSubnet", SUBNET, CREATE, "responseElements.subnet.subnetId"),
    on(EC2, "DeleteSubnet", SUBNET, DELETE, "requestParameters.subnetId"),
    on(EC2, "ModifySubnetAttribute", SUBNET, UPDATE, "requestParameters.subnetId"),
    # Route tables: routes and subnet associations update the table
    # CreateRoute: real record (panther-analysis). AssociateRouteTable and DisassociateRouteTable
    # (whose record holds only the association id, rtbassoc-…) are in `ec2_networking.py`.
    on(EC2, "CreateRouteTable", ROUTE_TABLE, CREATE, "responseElements.routeTable.routeTableId"),
    on(EC2, "DeleteRouteTable", ROUTE_TABLE, DELETE, "requestParameters.routeTableId"),
    on(
        EC2,
        (
            "CreateRoute",
            "ReplaceRoute",
            "DeleteRoute",
            "ReplaceRouteTableAssociation",
        ),
        ROUTE_TABLE,
        UPDATE,
        "requestParameters.routeTableId",
    ),
    # Network ACLs: entries and associations update the ACL
    # CreateNetworkAclEntry: real records (panther-analysis).
    on(EC2, "CreateNetworkAcl", NACL, CREATE, "responseElements.networkAcl.networkAclId"),
    on(EC2, "DeleteNetworkAcl", NACL, DELETE, "requestParameters.networkAclId"),
    on(
        EC2,
        (
            "CreateNetworkAclEntry",
            "ReplaceNetworkAclEntry",
            "DeleteNetworkAclEntry",
            "ReplaceNetworkAclAssociation",
        ),
        NACL,
        UPDATE,
        "requestParameters.networkAclId",
    ),
    # Internet, egress-only and NAT gateways
    # AttachInternetGateway: real record (panther-analysis). CreateNatGateway logs
    # CreateNatGatewayResponse (EVENT-IDS.md #27); egress-only gateways and NAT deletes use the
    # same wrappers (API_CreateEgressOnlyInternetGateway, API_DeleteNatGateway).
    on(
        EC2,
        "CreateInternetGateway",
        IGW,
        CREATE,
        "responseElements.internetGateway.internetGatewayId",
    ),
    on(EC2, "DeleteInternetGateway", IGW, DELETE, "requestParameters.internetGatewayId"),
    on(
        EC2,
        ("AttachInternetGateway", "DetachInternetGateway"),
        IGW,
        UPDATE,
        "requestParameters.internetGatewayId",
    ),
    on(
        EC2,
        "CreateEgressOnlyInternetGateway",
        EIGW,
        CREATE,
        "responseElements.CreateEgressOnlyInternetGatewayResponse"
        ".egressOnlyInternetGateway.egressOnlyInternetGatewayId",
    ),
    on(
        EC2,
        "DeleteEgressOnlyInternetGateway",
        EIGW,
        DELETE,
        "requestParameters.DeleteEgressOnlyInternetGatewayRequest.EgressOnlyInternetGatewayId",
    ),
    on(
        EC2,
        "CreateNatGateway",
        NAT,
        CREATE,
        "responseElements.CreateNatGatewayResponse.natGateway.natGatewayId",
    ),
    on(
        EC2,
        "DeleteNatGateway",
        NAT,
        DELETE,
        "requestParameters.DeleteNatGatewayRequest.NatGatewayId"
        " || responseElements.DeleteNatGatewayResponse.natGatewayId",
    ),
    # Elastic IPs: the allocation id (eipalloc-…) is the id Terraform keeps
    # API_AllocateAddress / API_ReleaseAddress. AssociateAddress and DisassociateAddress (whose
    # record holds only the association id, eipassoc-…, or the public IP) are in
    # `ec2_networking.py`.
    on(EC2, "AllocateAddress", EIP, CREATE, "responseElements.allocationId"),
    on(EC2, "ReleaseAddress", EIP, DELETE, "requestParameters.allocationId"),
    # Network interfaces
    # API_CreateNetworkInterface (EVENT-IDS.md #11) and the classic calls naming networkInterfaceId.
    # AttachNetworkInterface and DetachNetworkInterface (whose record holds only the attachment
    # id, eni-attach-…) are in `ec2_networking.py`.
    on(
        EC2,
        "CreateNetworkInterface",
        ENI,
        CREATE,
        "responseElements.networkInterface.networkInterfaceId",
    ),
    on(EC2, "DeleteNetworkInterface", ENI, DELETE, "requestParameters.networkInterfaceId"),
    on(
        EC2,
        (
            "ModifyNetworkInterfaceAttribute",
            "AssignPrivateIpAddresses",
            "UnassignPrivateIpAddresses",
        ),
        ENI,
        UPDATE,
        "requestParameters.networkInterfaceId",
    ),
    # VPC peering
    # EVENT-IDS.md #30; API_AcceptVpcPeeringConnection, API_DeleteVpcPeeringConnection,
    # API_ModifyVpcPeeringConnectionOptions (wrapper alternative: no sample seen).
    on(
        EC2,
        "CreateVpcPeeringConnection",
        PEERING,
        CREATE,
        "responseElements.vpcPeeringConnection.vpcPeeringConnectionId",
    ),
    on(
        EC2,
        "AcceptVpcPeeringConnection",
        PEERING,
        UPDATE,
        "requestParameters.vpcPeeringConnectionId",
    ),
    on(
        EC2,
        "DeleteVpcPeeringConnection",
        PEERING,
        DELETE,
        "requestParameters.vpcPeeringConnectionId",
    ),
    on(
        EC2,
        "ModifyVpcPeeringConnectionOptions",
        PEERING,
        UPDATE,
        "requestParameters.vpcPeeringConnectionId"
        " || requestParameters.ModifyVpcPeeringConnectionOptionsRequest.VpcPeeringConnectionId",
    ),
    # VPC endpoints (PascalCase wrappers)
    # DeleteVpcEndpoints lists ids like DeleteFlowLogs: one id is an object {content, tag},
    # several are a list of them.
    on(
        EC2,
        "CreateVpcEndpoint",
        ENDPOINT,
        CREATE,
        "responseElements.CreateVpcEndpointResponse.vpcEndpoint.vpcEndpointId",
    ),
    on(
        EC2,
        "ModifyVpcEndpoint",
        ENDPOINT,
        UPDATE,
        "requestParameters.ModifyVpcEndpointRequest.VpcEndpointId",
    ),
    on(
        EC2,
        "DeleteVpcEndpoints",
        ENDPOINT,
        DELETE,
        "requestParameters.DeleteVpcEndpointsRequest.VpcEndpointId.content"
        " || requestParameters.DeleteVpcEndpointsRequest.VpcEndpointId[].content",
    ),
    # Flow logs
    # DeleteFlowLogs: real records with the DeleteFlowLogsRequest wrapper (panther-analysis,
    # stratus-red-team); older records list a flat flowLogId (streamalert). CreateFlowLogs returns
    # flowLogIdSet.item, a string for one id and a list for several.
    on(
        EC2,
        "CreateFlowLogs",
        FLOW_LOG,
        CREATE,
        "responseElements.CreateFlowLogsResponse.flowLogIdSet.item",
    ),
    on(
        EC2,
        "DeleteFlowLogs",
        FLOW_LOG,
        DELETE,
        "requestParameters.DeleteFlowLogsRequest.FlowLogId.content"
        " || requestParameters.DeleteFlowLogsRequest.FlowLogId[].content"
        " || requestParameters.flowLogId",
    ),
    # DHCP options sets
    on(EC2, "CreateDhcpOptions", DHCP, CREATE, "responseElements.dhcpOptions.dhcpOptionsId"),
    on(EC2, "DeleteDhcpOptions", DHCP, DELETE, "requestParameters.dhcpOptionsId"),
    # Transit gateways and their VPC attachments
    # DeleteTransitGatewayVpcAttachment: real record with the abbreviated DelTGwVpcAttachReq wrapper
    # (cloud-custodian); its response repeats the id under the full operation name, as the other
    # calls' responses do.
    on(
        EC2,
        "CreateTransitGateway",
        TGW,
        CREATE,
        "responseElements.CreateTransitGatewayResponse.transitGateway.transitGatewayId",
    ),
    on(
        EC2,
        "DeleteTransitGateway",
        TGW,
        DELETE,
        "responseElements.DeleteTransitGatewayResponse.transitGateway.transitGatewayId",
    ),
    on(
        EC2,
        "CreateTransitGatewayVpcAttachment",
        TGW_ATTACHMENT,
        CREATE,
        "responseElements.CreateTransitGatewayVpcAttachmentResponse"
        ".transitGatewayVpcAttachment.transitGatewayAttachmentId",
    ),
    on(
        EC2,
        "ModifyTransitGatewayVpcAttachment",
        TGW_ATTACHMENT,
        UPDATE,
        "responseElements.ModifyTransitGatewayVpcAttachmentResponse"
        ".transitGatewayVpcAttachment.transitGatewayAttachmentId",
    ),
    on(
        EC2,
        "DeleteTransitGatewayVpcAttachment",
        TGW_ATTACHMENT,
        DELETE,
        "requestParameters.DelTGwVpcAttachReq.TransitGatewayAttachmentId"
        " || responseElements.DeleteTransitGatewayVpcAttachmentResponse"
        ".transitGatewayVpcAttachment.transitGatewayAttachmentId",
    ),
    # Traffic mirroring (PascalCase wrappers)
    # Real records for CreateTrafficMirrorFilter, CreateTrafficMirrorFilterRule,
    # CreateTrafficMirrorTarget, DeleteTrafficMirrorTarget and ModifyTrafficMirrorSession
    # (panther-analysis); the corpus' CreateTrafficMirrorSession failed, so that fixture is written.
    # Creations: the id in <Call>Response.<member>.<Id>; the rest: the id in <Call>Request.<Id>.
    on(
        EC2,
        "CreateTrafficMirrorFilter",
        TM_FILTER,
        CREATE,
        "responseElements.CreateTrafficMirrorFilterResponse"
        ".trafficMirrorFilter.trafficMirrorFilterId",
    ),
    on(
        EC2,
        "CreateTrafficMirrorFilterRule",
        TM_FILTER_RULE,
        CREATE,
        "responseElements.CreateTrafficMirrorFilterRuleResponse"
        ".trafficMirrorFilterRule.trafficMirrorFilterRuleId",
    ),
    on(
        EC2,
        "CreateTrafficMirrorSession",
        TM_SESSION,
        CREATE,
        "responseElements.CreateTrafficMirrorSessionResponse"
        ".trafficMirrorSession.trafficMirrorSessionId",
    ),
    on(
        EC2,
        "CreateTrafficMirrorTarget",
        TM_TARGET,
        CREATE,
        "responseElements.CreateTrafficMirrorTargetResponse"
        ".trafficMirrorTarget.trafficMirrorTargetId",
    ),
    on(
        EC2,
        "ModifyTrafficMirrorFilterNetworkServices",
        TM_FILTER,
        UPDATE,
        "requestParameters.ModifyTrafficMirrorFilterNetworkServicesRequest.TrafficMirrorFilterId",
    ),
    on(
        EC2,
        "DeleteTrafficMirrorFilter",
        TM_FILTER,
        DELETE,
        "requestParameters.DeleteTrafficMirrorFilterRequest.TrafficMirrorFilterId",
    ),
    on(
        EC2,
        "ModifyTrafficMirrorFilterRule",
        TM_FILTER_RULE,
        UPDATE,
        "requestParameters.ModifyTrafficMirrorFilterRuleRequest.TrafficMirrorFilterRuleId",
    ),
    on(
        EC2,
        "DeleteTrafficMirrorFilterRule",
        TM_FILTER_RULE,
        DELETE,
        "requestParameters.DeleteTrafficMirrorFilterRuleRequest.TrafficMirrorFilterRuleId",
    ),
    on(
        EC2,
        "ModifyTrafficMirrorSession",
        TM_SESSION,
        UPDATE,
        "requestParameters.ModifyTrafficMirrorSessionRequest.TrafficMirrorSessionId",
    ),
    on(
        EC2,
        "DeleteTrafficMirrorSession",
        TM_SESSION,
        DELETE,
        "requestParameters.DeleteTrafficMirrorSessionRequest.TrafficMirrorSessionId",
    ),
    on(
        EC2,
        "DeleteTrafficMirrorTarget",
        TM_TARGET,
        DELETE,
        "requestParameters.DeleteTrafficMirrorTargetRequest.TrafficMirrorTargetId",
    ),
    # Transit gateway route tables (2018 on: `…Request` / `…Response` wrappers; the classic
    # spelling is read too). Routes, associations and propagations are parts of their table.
    on(
        EC2,
        "CreateTransitGatewayRouteTable",
        TRANSIT_GATEWAY_ROUTE_TABLE,
        CREATE,
        "responseElements.CreateTransitGatewayRouteTableResponse.transitGatewayRouteTable"
        ".transitGatewayRouteTableId"
        " || responseElements.transitGatewayRouteTable.transitGatewayRouteTableId",
    ),
    *(
        on(
            EC2,
            call,
            TRANSIT_GATEWAY_ROUTE_TABLE,
            UPDATE,
            f"requestParameters.{call}Request.TransitGatewayRouteTableId"
            " || requestParameters.transitGatewayRouteTableId",
        )
        for call in (
            "CreateTransitGatewayRoute",
            "DeleteTransitGatewayRoute",
            "ReplaceTransitGatewayRoute",
            "AssociateTransitGatewayRouteTable",
            "DisassociateTransitGatewayRouteTable",
            "EnableTransitGatewayRouteTablePropagation",
            "DisableTransitGatewayRouteTablePropagation",
        )
    ),
    on(
        EC2,
        "DeleteTransitGatewayRouteTable",
        TRANSIT_GATEWAY_ROUTE_TABLE,
        DELETE,
        "requestParameters.DeleteTransitGatewayRouteTableRequest.TransitGatewayRouteTableId"
        " || requestParameters.transitGatewayRouteTableId",
    ),
    # Managed prefix lists (2020 on, wrapped).
    on(
        EC2,
        "CreateManagedPrefixList",
        PREFIX_LIST,
        CREATE,
        "responseElements.CreateManagedPrefixListResponse.prefixList.prefixListId"
        " || responseElements.prefixList.prefixListId",
    ),
    *(
        on(
            EC2,
            call,
            PREFIX_LIST,
            UPDATE if call.startswith(("Modify", "Restore")) else DELETE,
            f"requestParameters.{call}Request.PrefixListId || requestParameters.prefixListId",
        )
        for call in (
            "ModifyManagedPrefixList",
            "RestoreManagedPrefixListVersion",
            "DeleteManagedPrefixList",
        )
    ),
    # IPAM (2021 on, wrapped).
    on(
        EC2,
        "CreateIpam",
        IPAM,
        CREATE,
        "responseElements.CreateIpamResponse.ipam.ipamId || responseElements.ipam.ipamId",
    ),
    on(
        EC2,
        "ModifyIpam",
        IPAM,
        UPDATE,
        "requestParameters.ModifyIpamRequest.IpamId || requestParameters.ipamId",
    ),
    on(
        EC2,
        "DeleteIpam",
        IPAM,
        DELETE,
        "requestParameters.DeleteIpamRequest.IpamId || requestParameters.ipamId",
    ),
    # Carrier gateways (Wavelength, 2020 on).
    on(
        EC2,
        "CreateCarrierGateway",
        CARRIER_GATEWAY,
        CREATE,
        "responseElements.CreateCarrierGatewayResponse.carrierGateway.carrierGatewayId"
        " || responseElements.carrierGateway.carrierGatewayId",
    ),
    on(
        EC2,
        "DeleteCarrierGateway",
        CARRIER_GATEWAY,
        DELETE,
        "requestParameters.DeleteCarrierGatewayRequest.CarrierGatewayId"
        " || requestParameters.carrierGatewayId",
    ),
    # Endpoint services (PrivateLink providers; permissions are part of the service).
    on(
        EC2,
        "CreateVpcEndpointServiceConfiguration",
        VPC_ENDPOINT_SERVICE,
        CREATE,
        "responseElements.CreateVpcEndpointServiceConfigurationResponse.serviceConfiguration"
        ".serviceId || responseElements.serviceConfiguration.serviceId",
    ),
    *(
        on(
            EC2,
            call,
            VPC_ENDPOINT_SERVICE,
            UPDATE,
            f"requestParameters.{call}Request.ServiceId || requestParameters.serviceId",
        )
        for call in (
            "ModifyVpcEndpointServiceConfiguration",
            "ModifyVpcEndpointServicePermissions",
            "ModifyVpcEndpointServicePayerResponsibility",
            "StartVpcEndpointServicePrivateDnsVerification",
        )
    ),
    on(
        EC2,
        "DeleteVpcEndpointServiceConfigurations",
        VPC_ENDPOINT_SERVICE,
        DELETE,
        "requestParameters.DeleteVpcEndpointServiceConfigurationsRequest.ServiceId.content"
        " || requestParameters.DeleteVpcEndpointServiceConfigurationsRequest.ServiceId[].content",
    ),
]

TERRAFORM = [
    part_of("aws_network_interface_sg_attachment", ENI, "network_interface_id"),
    tf("aws_eip", EIP, "allocation_id", "id", name="public_ip"),
    part_of("aws_eip_association", EIP, "allocation_id", name="id"),
    tf("aws_network_interface", ENI, "id", "arn"),
    part_of("aws_network_interface_attachment", ENI, "network_interface_id", name="attachment_id"),
    tf("aws_vpc", VPC, "id", "arn"),
    tf("aws_default_vpc", VPC, "id", "arn"),
    part_of("aws_vpc_ipv4_cidr_block_association", VPC, "vpc_id"),
    part_of("aws_vpc_ipv6_cidr_block_association", VPC, "vpc_id"),
    part_of("aws_vpc_dhcp_options_association", VPC, "vpc_id"),
    tf("aws_vpc_dhcp_options", DHCP, "id", "arn"),
    tf("aws_subnet", SUBNET, "id", "arn"),
    tf("aws_default_subnet", SUBNET, "id", "arn"),
    tf("aws_route_table", ROUTE_TABLE, "id", "arn"),
    tf("aws_default_route_table", ROUTE_TABLE, "id", "arn"),
    *children(ROUTE_TABLE, "route_table_id", "aws_route", "aws_main_route_table_association"),
    part_of("aws_route_table_association", ROUTE_TABLE, "route_table_id", name="id"),
    tf("aws_network_acl", NACL, "id", "arn"),
    tf("aws_default_network_acl", NACL, "id", "arn"),
    *children(NACL, "network_acl_id", "aws_network_acl_rule", "aws_network_acl_association"),
    tf("aws_internet_gateway", IGW, "id", "arn"),
    part_of("aws_internet_gateway_attachment", IGW, "internet_gateway_id"),
    tf("aws_egress_only_internet_gateway", EIGW, "id"),
    tf("aws_nat_gateway", NAT, "id"),
    tf("aws_vpc_endpoint", ENDPOINT, "id", "arn"),
    *children(
        ENDPOINT,
        "vpc_endpoint_id",
        "aws_vpc_endpoint_route_table_association",
        "aws_vpc_endpoint_subnet_association",
        "aws_vpc_endpoint_security_group_association",
        "aws_vpc_endpoint_policy",
    ),
    tf("aws_vpc_endpoint_service", VPC_ENDPOINT_SERVICE, "id", "arn"),
    tf("aws_vpc_peering_connection", PEERING, "id"),
    *children(
        PEERING,
        "vpc_peering_connection_id",
        "aws_vpc_peering_connection_accepter",
        "aws_vpc_peering_connection_options",
    ),
    tf("aws_flow_log", FLOW_LOG, "id", "arn"),
    tf("aws_ec2_managed_prefix_list", PREFIX_LIST, "id", "arn"),
    part_of("aws_vpn_gateway_route_propagation", ROUTE_TABLE, "route_table_id"),
    tf("aws_ec2_carrier_gateway", CARRIER_GATEWAY, "id", "arn"),
    tf("aws_vpc_ipam", IPAM, "id", "arn"),
    tf("aws_ec2_traffic_mirror_filter", TM_FILTER, "id", "arn"),
    tf("aws_ec2_traffic_mirror_filter_rule", TM_FILTER_RULE, "id", "arn"),
    tf("aws_ec2_traffic_mirror_session", TM_SESSION, "id", "arn"),
    tf("aws_ec2_traffic_mirror_target", TM_TARGET, "id", "arn"),
    tf("aws_ec2_transit_gateway", TGW, "id", "arn"),
    tf("aws_ec2_transit_gateway_vpc_attachment", TGW_ATTACHMENT, "id"),
    tf("aws_ec2_transit_gateway_peering_attachment", TGW_ATTACHMENT, "id", "arn"),
    part_of(
        "aws_ec2_transit_gateway_vpc_attachment_accepter",
        TGW_ATTACHMENT,
        "transit_gateway_attachment_id",
    ),
    tf("aws_ec2_transit_gateway_route_table", TRANSIT_GATEWAY_ROUTE_TABLE, "id", "arn"),
    *children(
        TRANSIT_GATEWAY_ROUTE_TABLE,
        "transit_gateway_route_table_id",
        "aws_ec2_transit_gateway_route",
        "aws_ec2_transit_gateway_route_table_association",
        "aws_ec2_transit_gateway_route_table_propagation",
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
