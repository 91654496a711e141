"""EC2 networking: VPCs, subnets, route tables, network ACLs, gateways, elastic IPs, network
interfaces, peering, endpoints, flow logs, DHCP options, transit gateways, traffic mirroring.

Same two request shapes as in `ec2.py`: classic camelCase keys, or (newer calls) a PascalCase
`…Request` wrapper and a `…Response` wrapper. Routes, ACL entries and associations are parts
of the table / ACL they change, so those calls update the parent.
"""

from __future__ import annotations

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

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
FLOW_LOG = "AWS::EC2::FlowLog"
DHCP = "AWS::EC2::DHCPOptions"
TGW = "AWS::EC2::TransitGateway"
TGW_ATTACHMENT = "AWS::EC2::TransitGatewayAttachment"
TM_FILTER = "AWS::EC2::TrafficMirrorFilter"
TM_FILTER_RULE = "AWS::EC2::TrafficMirrorFilterRule"
TM_SESSION = "AWS::EC2::TrafficMirrorSession"
TM_TARGET = "AWS::EC2::TrafficMirrorTarget"

# --- VPCs ---------------------------------------------------------------------------------------
# CreateVpc: real record (panther-analysis); the rest: API_DeleteVpc, API_ModifyVpcAttribute,
# API_AssociateDhcpOptions (changes the VPC's options set), API_*VpcCidrBlock (vpcId in the
# request / response; the wrapper alternative covers PascalCase logging, no sample seen).
on(EC2, "CreateVpc", VPC, CREATE, "responseElements.vpc.vpcId")
on(EC2, "DeleteVpc", VPC, DELETE, "requestParameters.vpcId")
on(EC2, ("ModifyVpcAttribute", "AssociateDhcpOptions"), VPC, UPDATE, "requestParameters.vpcId")
on(
    EC2,
    "AssociateVpcCidrBlock",
    VPC,
    UPDATE,
    "requestParameters.vpcId || requestParameters.AssociateVpcCidrBlockRequest.VpcId",
)
on(
    EC2,
    "DisassociateVpcCidrBlock",
    VPC,
    UPDATE,
    "responseElements.vpcId || responseElements.DisassociateVpcCidrBlockResponse.vpcId",
)

# --- Subnets ------------------------------------------------------------------------------------
on(EC2, "CreateSubnet", SUBNET, CREATE, "responseElements.subnet.subnetId")
on(EC2, "DeleteSubnet", SUBNET, DELETE, "requestParameters.subnetId")
on(EC2, "ModifySubnetAttribute", SUBNET, UPDATE, "requestParameters.subnetId")

# --- Route tables: routes and subnet associations update the table -----------------------------
# CreateRoute: real record (panther-analysis). DisassociateRouteTable is not here: its record
# holds only the association id (rtbassoc-…), no table id.
on(EC2, "CreateRouteTable", ROUTE_TABLE, CREATE, "responseElements.routeTable.routeTableId")
on(EC2, "DeleteRouteTable", ROUTE_TABLE, DELETE, "requestParameters.routeTableId")
on(
    EC2,
    (
        "CreateRoute",
        "ReplaceRoute",
        "DeleteRoute",
        "AssociateRouteTable",
        "ReplaceRouteTableAssociation",
    ),
    ROUTE_TABLE,
    UPDATE,
    "requestParameters.routeTableId",
)

# --- Network ACLs: entries and associations update the ACL ------------------------------------
# CreateNetworkAclEntry: real records (panther-analysis).
on(EC2, "CreateNetworkAcl", NACL, CREATE, "responseElements.networkAcl.networkAclId")
on(EC2, "DeleteNetworkAcl", NACL, DELETE, "requestParameters.networkAclId")
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
)

# --- Internet, egress-only and NAT gateways -------------------------------------------------
# AttachInternetGateway: real record (panther-analysis). CreateNatGateway logs
# CreateNatGatewayResponse (EVENT-IDS.md #27); egress-only gateways and NAT deletes use the
# same wrappers (API_CreateEgressOnlyInternetGateway, API_DeleteNatGateway).
on(
    EC2,
    "CreateInternetGateway",
    IGW,
    CREATE,
    "responseElements.internetGateway.internetGatewayId",
)
on(EC2, "DeleteInternetGateway", IGW, DELETE, "requestParameters.internetGatewayId")
on(
    EC2,
    ("AttachInternetGateway", "DetachInternetGateway"),
    IGW,
    UPDATE,
    "requestParameters.internetGatewayId",
)
on(
    EC2,
    "CreateEgressOnlyInternetGateway",
    EIGW,
    CREATE,
    "responseElements.CreateEgressOnlyInternetGatewayResponse"
    ".egressOnlyInternetGateway.egressOnlyInternetGatewayId",
)
on(
    EC2,
    "DeleteEgressOnlyInternetGateway",
    EIGW,
    DELETE,
    "requestParameters.DeleteEgressOnlyInternetGatewayRequest.EgressOnlyInternetGatewayId",
)
on(
    EC2,
    "CreateNatGateway",
    NAT,
    CREATE,
    "responseElements.CreateNatGatewayResponse.natGateway.natGatewayId",
)
on(
    EC2,
    "DeleteNatGateway",
    NAT,
    DELETE,
    "requestParameters.DeleteNatGatewayRequest.NatGatewayId"
    " || responseElements.DeleteNatGatewayResponse.natGatewayId",
)

# --- Elastic IPs: the allocation id (eipalloc-…) is the id Terraform keeps ------------------
# API_AllocateAddress / API_ReleaseAddress / API_AssociateAddress. DisassociateAddress is not
# here: its record holds only the association id (eipassoc-…) or the public IP.
on(EC2, "AllocateAddress", EIP, CREATE, "responseElements.allocationId")
on(EC2, "ReleaseAddress", EIP, DELETE, "requestParameters.allocationId")
on(EC2, "AssociateAddress", EIP, UPDATE, "requestParameters.allocationId")

# --- Network interfaces -------------------------------------------------------------------------
# API_CreateNetworkInterface (EVENT-IDS.md #11) and the classic calls naming networkInterfaceId.
# DetachNetworkInterface is not here: its record holds only the attachment id (eni-attach-…).
on(
    EC2,
    "CreateNetworkInterface",
    ENI,
    CREATE,
    "responseElements.networkInterface.networkInterfaceId",
)
on(EC2, "DeleteNetworkInterface", ENI, DELETE, "requestParameters.networkInterfaceId")
on(
    EC2,
    (
        "ModifyNetworkInterfaceAttribute",
        "AttachNetworkInterface",
        "AssignPrivateIpAddresses",
        "UnassignPrivateIpAddresses",
    ),
    ENI,
    UPDATE,
    "requestParameters.networkInterfaceId",
)

# --- VPC peering --------------------------------------------------------------------------------
# EVENT-IDS.md #30; API_AcceptVpcPeeringConnection, API_DeleteVpcPeeringConnection,
# API_ModifyVpcPeeringConnectionOptions (wrapper alternative: no sample seen).
on(
    EC2,
    "CreateVpcPeeringConnection",
    PEERING,
    CREATE,
    "responseElements.vpcPeeringConnection.vpcPeeringConnectionId",
)
on(EC2, "AcceptVpcPeeringConnection", PEERING, UPDATE, "requestParameters.vpcPeeringConnectionId")
on(EC2, "DeleteVpcPeeringConnection", PEERING, DELETE, "requestParameters.vpcPeeringConnectionId")
on(
    EC2,
    "ModifyVpcPeeringConnectionOptions",
    PEERING,
    UPDATE,
    "requestParameters.vpcPeeringConnectionId"
    " || requestParameters.ModifyVpcPeeringConnectionOptionsRequest.VpcPeeringConnectionId",
)

# --- VPC endpoints (PascalCase wrappers) ----------------------------------------------------
# DeleteVpcEndpoints lists ids like DeleteFlowLogs: one id is an object {content, tag},
# several are a list of them.
on(
    EC2,
    "CreateVpcEndpoint",
    ENDPOINT,
    CREATE,
    "responseElements.CreateVpcEndpointResponse.vpcEndpoint.vpcEndpointId",
)
on(
    EC2,
    "ModifyVpcEndpoint",
    ENDPOINT,
    UPDATE,
    "requestParameters.ModifyVpcEndpointRequest.VpcEndpointId",
)
on(
    EC2,
    "DeleteVpcEndpoints",
    ENDPOINT,
    DELETE,
    "requestParameters.DeleteVpcEndpointsRequest.VpcEndpointId.content"
    " || requestParameters.DeleteVpcEndpointsRequest.VpcEndpointId[].content",
)

# --- Flow logs ----------------------------------------------------------------------------------
# DeleteFlowLogs: real records with the DeleteFlowLogsRequest wrapper (panther-analysis,
# stratus-red-team); older records list a flat flowLogId (streamalert). CreateFlowLogs returns
# flowLogIdSet.item, a string for one id and a list for several.
on(
    EC2,
    "CreateFlowLogs",
    FLOW_LOG,
    CREATE,
    "responseElements.CreateFlowLogsResponse.flowLogIdSet.item",
)
on(
    EC2,
    "DeleteFlowLogs",
    FLOW_LOG,
    DELETE,
    "requestParameters.DeleteFlowLogsRequest.FlowLogId.content"
    " || requestParameters.DeleteFlowLogsRequest.FlowLogId[].content"
    " || requestParameters.flowLogId",
)

# --- DHCP options sets --------------------------------------------------------------------------
on(EC2, "CreateDhcpOptions", DHCP, CREATE, "responseElements.dhcpOptions.dhcpOptionsId")
on(EC2, "DeleteDhcpOptions", DHCP, DELETE, "requestParameters.dhcpOptionsId")

# --- Transit gateways and their VPC attachments ---------------------------------------------
# DeleteTransitGatewayVpcAttachment: real record with the abbreviated DelTGwVpcAttachReq wrapper
# (cloud-custodian); its response repeats the id under the full operation name, as the other
# calls' responses do.
on(
    EC2,
    "CreateTransitGateway",
    TGW,
    CREATE,
    "responseElements.CreateTransitGatewayResponse.transitGateway.transitGatewayId",
)
on(
    EC2,
    "DeleteTransitGateway",
    TGW,
    DELETE,
    "responseElements.DeleteTransitGatewayResponse.transitGateway.transitGatewayId",
)
on(
    EC2,
    "CreateTransitGatewayVpcAttachment",
    TGW_ATTACHMENT,
    CREATE,
    "responseElements.CreateTransitGatewayVpcAttachmentResponse"
    ".transitGatewayVpcAttachment.transitGatewayAttachmentId",
)
on(
    EC2,
    "ModifyTransitGatewayVpcAttachment",
    TGW_ATTACHMENT,
    UPDATE,
    "responseElements.ModifyTransitGatewayVpcAttachmentResponse"
    ".transitGatewayVpcAttachment.transitGatewayAttachmentId",
)
on(
    EC2,
    "DeleteTransitGatewayVpcAttachment",
    TGW_ATTACHMENT,
    DELETE,
    "requestParameters.DelTGwVpcAttachReq.TransitGatewayAttachmentId"
    " || responseElements.DeleteTransitGatewayVpcAttachmentResponse"
    ".transitGatewayVpcAttachment.transitGatewayAttachmentId",
)

# --- Traffic mirroring (PascalCase wrappers) ------------------------------------------------
# Real records for CreateTrafficMirrorFilter, CreateTrafficMirrorFilterRule,
# CreateTrafficMirrorTarget, DeleteTrafficMirrorTarget and ModifyTrafficMirrorSession
# (panther-analysis); the corpus' CreateTrafficMirrorSession failed, so that fixture is written.
# Creations: the id in <Call>Response.<member>.<Id>; the rest: the id in <Call>Request.<Id>.
for _name, _type, _member in (
    ("CreateTrafficMirrorFilter", TM_FILTER, "trafficMirrorFilter"),
    ("CreateTrafficMirrorFilterRule", TM_FILTER_RULE, "trafficMirrorFilterRule"),
    ("CreateTrafficMirrorSession", TM_SESSION, "trafficMirrorSession"),
    ("CreateTrafficMirrorTarget", TM_TARGET, "trafficMirrorTarget"),
):
    on(EC2, _name, _type, CREATE, f"responseElements.{_name}Response.{_member}.{_member}Id")
for _name, _type, _change, _field in (
    ("ModifyTrafficMirrorFilterNetworkServices", TM_FILTER, UPDATE, "TrafficMirrorFilterId"),
    ("DeleteTrafficMirrorFilter", TM_FILTER, DELETE, "TrafficMirrorFilterId"),
    ("ModifyTrafficMirrorFilterRule", TM_FILTER_RULE, UPDATE, "TrafficMirrorFilterRuleId"),
    ("DeleteTrafficMirrorFilterRule", TM_FILTER_RULE, DELETE, "TrafficMirrorFilterRuleId"),
    ("ModifyTrafficMirrorSession", TM_SESSION, UPDATE, "TrafficMirrorSessionId"),
    ("DeleteTrafficMirrorSession", TM_SESSION, DELETE, "TrafficMirrorSessionId"),
    ("DeleteTrafficMirrorTarget", TM_TARGET, DELETE, "TrafficMirrorTargetId"),
):
    on(EC2, _name, _type, _change, f"requestParameters.{_name}Request.{_field}")
