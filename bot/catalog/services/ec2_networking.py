"""More EC2 networking: IPAM pools and scopes, Verified Access, EC2 Instance Connect endpoints,
VPC route servers, more of transit gateways (peering, Connect, multicast, policy tables),
Outposts local gateways, Reachability Analyzer, VPC Block Public Access, and the calls that
name a resource only through an association or attachment id.

These calls came after 2019 and log the PascalCase `…Request` / `…Response` wrappers; the few
classic ones log flat camelCase keys. `ec2_param` / `ec2_result` read both (API reference).

A few calls carry only an association or attachment id (`DisassociateRouteTable` with
`rtbassoc-…`, `DetachNetworkInterface` with `eni-attach-…`, `DisassociateAddress` with
`eipassoc-…`). That id is learned from the call that made the association, or from the IaC
state (`aws_route_table_association.id`), and resolved to the table, interface or address.
"""

from __future__ import annotations

from bot.catalog.arns import kinds_from_prefixes
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import (
    CREATE,
    DELETE,
    UPDATE,
    On,
    by_name,
    ec2_param,
    ec2_result,
    on,
)
from bot.catalog.service import Service
from bot.catalog.services.ec2 import SG
from bot.catalog.services.vpc import (
    EIP,
    ENDPOINT,
    ENI,
    IPAM,
    NAT,
    NETWORK_INSIGHTS_PATH,
    PEERING,
    ROUTE_TABLE,
    SUBNET,
    TGW,
    TGW_ATTACHMENT,
    TRANSIT_GATEWAY_ROUTE_TABLE,
    VPC,
    VPC_ENDPOINT_SERVICE,
)
from bot.catalog.terraform_types import STATE_ACCOUNT, children, part_of, tf

EC2 = "ec2.amazonaws.com"

IPAM_POOL = "AWS::EC2::IPAMPool"
IPAM_SCOPE = "AWS::EC2::IPAMScope"
IPAM_DISCOVERY = "AWS::EC2::IPAMResourceDiscovery"
IPAM_DISCOVERY_ASSOCIATION = "AWS::EC2::IPAMResourceDiscoveryAssociation"
IPAM_ADMIN = "AWS::EC2::IPAMOrganizationAdminAccount"
IPAM_POLICY = "AWS::EC2::IPAMPolicy"
IPAM_PREFIX_LIST_RESOLVER = "AWS::EC2::IPAMPrefixListResolver"
IPAM_PREFIX_LIST_RESOLVER_TARGET = "AWS::EC2::IPAMPrefixListResolverTarget"
VA_INSTANCE = "AWS::EC2::VerifiedAccessInstance"
VA_GROUP = "AWS::EC2::VerifiedAccessGroup"
VA_ENDPOINT = "AWS::EC2::VerifiedAccessEndpoint"
VA_TRUST_PROVIDER = "AWS::EC2::VerifiedAccessTrustProvider"
CONNECT_ENDPOINT = "AWS::EC2::InstanceConnectEndpoint"
ROUTE_SERVER = "AWS::EC2::RouteServer"
ROUTE_SERVER_ENDPOINT = "AWS::EC2::RouteServerEndpoint"
ROUTE_SERVER_PEER = "AWS::EC2::RouteServerPeer"
TGW_CONNECT_PEER = "AWS::EC2::TransitGatewayConnectPeer"
TGW_MULTICAST = "AWS::EC2::TransitGatewayMulticastDomain"
TGW_POLICY_TABLE = "AWS::EC2::TransitGatewayPolicyTable"
TGW_ANNOUNCEMENT = "AWS::EC2::TransitGatewayRouteTableAnnouncement"
TGW_METERING_POLICY = "AWS::EC2::TransitGatewayMeteringPolicy"
LGW_ROUTE_TABLE = "AWS::EC2::LocalGatewayRouteTable"
LGW_VPC_ASSOCIATION = "AWS::EC2::LocalGatewayRouteTableVPCAssociation"
LGW_VIF_GROUP_ASSOCIATION = "AWS::EC2::LocalGatewayRouteTableVirtualInterfaceGroupAssociation"
LGW_VIF = "AWS::EC2::LocalGatewayVirtualInterface"
LGW_VIF_GROUP = "AWS::EC2::LocalGatewayVirtualInterfaceGroup"
COIP_POOL = "AWS::EC2::CoipPool"
PUBLIC_IPV4_POOL = "AWS::EC2::PublicIpv4Pool"
INSIGHTS_ANALYSIS = "AWS::EC2::NetworkInsightsAnalysis"
INSIGHTS_SCOPE = "AWS::EC2::NetworkInsightsAccessScope"
INSIGHTS_SCOPE_ANALYSIS = "AWS::EC2::NetworkInsightsAccessScopeAnalysis"
ENI_PERMISSION = "AWS::EC2::NetworkInterfacePermission"
ENDPOINT_NOTIFICATION = "AWS::EC2::VPCEndpointConnectionNotification"
BPA_OPTIONS = "AWS::EC2::VPCBlockPublicAccessOptions"
BPA_EXCLUSION = "AWS::EC2::VPCBlockPublicAccessExclusion"
ENCRYPTION_CONTROL = "AWS::EC2::VPCEncryptionControl"
ACCOUNT_ENCRYPTION_CONTROL = "AWS::EC2::AccountVpcEncryptionControl"
SECONDARY_NETWORK = "AWS::EC2::SecondaryNetwork"
SECONDARY_SUBNET = "AWS::EC2::SecondarySubnet"
VPN_CONCENTRATOR = "AWS::EC2::VpnConcentrator"

TYPES = (
    ResourceType(IPAM_POOL, "id", "ipam-pool/"),
    ResourceType(IPAM_SCOPE, "id", "ipam-scope/"),
    ResourceType(IPAM_DISCOVERY, "id", "ipam-resource-discovery/"),
    ResourceType(IPAM_DISCOVERY_ASSOCIATION, "id", "ipam-resource-discovery-association/"),
    ResourceType(IPAM_ADMIN, "account", cfn=False),
    ResourceType(IPAM_POLICY, "id", "ipam-policy/", cfn=False),
    ResourceType(IPAM_PREFIX_LIST_RESOLVER, "id", "ipam-prefix-list-resolver/", cfn=False),
    ResourceType(
        IPAM_PREFIX_LIST_RESOLVER_TARGET, "id", "ipam-prefix-list-resolver-target/", cfn=False
    ),
    ResourceType(VA_INSTANCE, "id", "verified-access-instance/"),
    ResourceType(VA_GROUP, "id", "verified-access-group/"),
    ResourceType(VA_ENDPOINT, "id", "verified-access-endpoint/"),
    ResourceType(VA_TRUST_PROVIDER, "id", "verified-access-trust-provider/"),
    ResourceType(CONNECT_ENDPOINT, "id", "instance-connect-endpoint/"),
    ResourceType(ROUTE_SERVER, "id", "route-server/"),
    ResourceType(ROUTE_SERVER_ENDPOINT, "id", "route-server-endpoint/"),
    ResourceType(ROUTE_SERVER_PEER, "id", "route-server-peer/"),
    ResourceType(TGW_CONNECT_PEER, "id", "transit-gateway-connect-peer/", cfn=False),
    ResourceType(TGW_MULTICAST, "id", "transit-gateway-multicast-domain/"),
    ResourceType(TGW_POLICY_TABLE, "id", "transit-gateway-policy-table/", cfn=False),
    ResourceType(TGW_ANNOUNCEMENT, "id", "transit-gateway-route-table-announcement/", cfn=False),
    ResourceType(TGW_METERING_POLICY, "id", "transit-gateway-metering-policy/", cfn=False),
    ResourceType(LGW_ROUTE_TABLE, "id", "local-gateway-route-table/"),
    ResourceType(LGW_VPC_ASSOCIATION, "id", "local-gateway-route-table-vpc-association/"),
    ResourceType(
        LGW_VIF_GROUP_ASSOCIATION,
        "id",
        "local-gateway-route-table-virtual-interface-group-association/",
    ),
    ResourceType(LGW_VIF, "id", "local-gateway-virtual-interface/"),
    ResourceType(LGW_VIF_GROUP, "id", "local-gateway-virtual-interface-group/"),
    ResourceType(COIP_POOL, "id", "coip-pool/", cfn=False),
    ResourceType(PUBLIC_IPV4_POOL, "id", "ipv4pool-ec2/", cfn=False),
    ResourceType(INSIGHTS_ANALYSIS, "id", "network-insights-analysis/"),
    ResourceType(INSIGHTS_SCOPE, "id", "network-insights-access-scope/"),
    ResourceType(INSIGHTS_SCOPE_ANALYSIS, "id", "network-insights-access-scope-analysis/"),
    ResourceType(ENI_PERMISSION, "id", "network-interface-permission/"),
    ResourceType(ENDPOINT_NOTIFICATION, "id", "vpc-endpoint-connection-notification/"),
    ResourceType(BPA_OPTIONS, "account", cfn=False),
    ResourceType(BPA_EXCLUSION, "id", "vpcbpa-exclude/"),
    ResourceType(ENCRYPTION_CONTROL, "id", "vpc-encryption-control/", cfn=False),
    ResourceType(ACCOUNT_ENCRYPTION_CONTROL, "account", cfn=False),
    ResourceType(SECONDARY_NETWORK, "id", "secondary-network/", cfn=False),
    ResourceType(SECONDARY_SUBNET, "id", "secondary-subnet/", cfn=False),
    ResourceType(VPN_CONCENTRATOR, "id", "vpn-concentrator/", cfn=False),
)
ARN_KINDS = kinds_from_prefixes("ec2", [t for t in TYPES if t.arn_prefix])
EC2_ID_PREFIXES = {
    "ipam-pool-": IPAM_POOL,
    "ipam-scope-": IPAM_SCOPE,
    "ipam-res-disco-": IPAM_DISCOVERY,
    "ipam-res-disco-assoc-": IPAM_DISCOVERY_ASSOCIATION,
    "vai-": VA_INSTANCE,
    "vagr-": VA_GROUP,
    "vae-": VA_ENDPOINT,
    "vatp-": VA_TRUST_PROVIDER,
    "eice-": CONNECT_ENDPOINT,
    "rs-": ROUTE_SERVER,
    "rse-": ROUTE_SERVER_ENDPOINT,
    "rsp-": ROUTE_SERVER_PEER,
    "tgw-connect-peer-": TGW_CONNECT_PEER,
    "tgw-mcast-domain-": TGW_MULTICAST,
    "tgw-ptb-": TGW_POLICY_TABLE,
    "lgw-rtb-": LGW_ROUTE_TABLE,
    "lgw-vpc-assoc-": LGW_VPC_ASSOCIATION,
    "lgw-vif-grp-assoc-": LGW_VIF_GROUP_ASSOCIATION,
    "lgw-vif-grp-": LGW_VIF_GROUP,
    "lgw-vif-": LGW_VIF,
    "nia-": INSIGHTS_ANALYSIS,
    "nis-": INSIGHTS_SCOPE,
    "nisa-": INSIGHTS_SCOPE_ANALYSIS,
    "eni-perm-": ENI_PERMISSION,
    "vpce-nfn-": ENDPOINT_NOTIFICATION,
    "vpcbpa-exclude-": BPA_EXCLUSION,
}

ACCOUNT_ID = "recipientAccountId"


def _lower(name: str) -> str:
    return name[:1].lower() + name[1:]


def crud(
    noun: str,
    resource_type: str,
    key: str,
    *,
    created: str | None = None,
    updates: tuple[str, ...] = ("Modify",),
    create: str = "Create",
    delete: str = "Delete",
) -> list[On]:
    """`Create<noun>` (the id in the response's `<noun>.<key>`, or `created`), `<update><noun>`
    and `Delete<noun>` (the id in the request's `<key>`)."""
    made = created or f"{_lower(noun)}.{_lower(key)}"
    lines = [on(EC2, f"{create}{noun}", resource_type, CREATE, ec2_result(f"{create}{noun}", made))]
    lines += [
        on(EC2, f"{verb}{noun}", resource_type, UPDATE, ec2_param(f"{verb}{noun}", key))
        for verb in updates
    ]
    lines.append(
        on(EC2, f"{delete}{noun}", resource_type, DELETE, ec2_param(f"{delete}{noun}", key))
    )
    return lines


def updates(resource_type: str, key: str, *calls: str) -> list[On]:
    """Calls that each name the resource they change in the request's `key`."""
    return [on(EC2, call, resource_type, UPDATE, ec2_param(call, key)) for call in calls]


RULES = [
    # IPAM: pools (and the CIDRs provisioned to and allocated from them), scopes, resource
    # discoveries, policies, prefix list resolvers, the organization's delegated admin.
    *crud("IpamPool", IPAM_POOL, "IpamPoolId"),
    *updates(
        IPAM_POOL,
        "IpamPoolId",
        "ProvisionIpamPoolCidr",
        "DeprovisionIpamPoolCidr",
        "AllocateIpamPoolCidr",
        "ReleaseIpamPoolAllocation",
        "MoveByoipCidrToIpam",
    ),
    *updates(IPAM, "IpamId", "ProvisionIpamByoasn", "DeprovisionIpamByoasn"),
    *crud("IpamScope", IPAM_SCOPE, "IpamScopeId"),
    *updates(IPAM_SCOPE, "CurrentIpamScopeId", "ModifyIpamResourceCidr"),
    *crud("IpamResourceDiscovery", IPAM_DISCOVERY, "IpamResourceDiscoveryId"),
    on(
        EC2,
        "AssociateIpamResourceDiscovery",
        IPAM_DISCOVERY_ASSOCIATION,
        CREATE,
        ec2_result(
            "AssociateIpamResourceDiscovery",
            "ipamResourceDiscoveryAssociation.ipamResourceDiscoveryAssociationId",
        ),
    ),
    *updates(IPAM, "IpamId", "AssociateIpamResourceDiscovery"),
    on(
        EC2,
        "DisassociateIpamResourceDiscovery",
        IPAM_DISCOVERY_ASSOCIATION,
        DELETE,
        ec2_param("DisassociateIpamResourceDiscovery", "IpamResourceDiscoveryAssociationId"),
    ),
    on(
        EC2,
        ("EnableIpamOrganizationAdminAccount", "DisableIpamOrganizationAdminAccount"),
        IPAM_ADMIN,
        UPDATE,
        ACCOUNT_ID,
    ),
    *crud("IpamPolicy", IPAM_POLICY, "IpamPolicyId", updates=()),
    *updates(
        IPAM_POLICY,
        "IpamPolicyId",
        "EnableIpamPolicy",
        "DisableIpamPolicy",
        "ModifyIpamPolicyAllocationRules",
    ),
    *crud("IpamPrefixListResolver", IPAM_PREFIX_LIST_RESOLVER, "IpamPrefixListResolverId"),
    *crud(
        "IpamPrefixListResolverTarget",
        IPAM_PREFIX_LIST_RESOLVER_TARGET,
        "IpamPrefixListResolverTargetId",
    ),
    # Verified Access: instances, groups, endpoints, trust providers (attached to instances).
    *crud(
        "VerifiedAccessInstance",
        VA_INSTANCE,
        "VerifiedAccessInstanceId",
        updates=("Modify",),
    ),
    *updates(
        VA_INSTANCE,
        "VerifiedAccessInstanceId",
        "ModifyVerifiedAccessInstanceLoggingConfiguration",
        "AttachVerifiedAccessTrustProvider",
        "DetachVerifiedAccessTrustProvider",
    ),
    *crud("VerifiedAccessGroup", VA_GROUP, "VerifiedAccessGroupId"),
    *updates(VA_GROUP, "VerifiedAccessGroupId", "ModifyVerifiedAccessGroupPolicy"),
    *crud("VerifiedAccessEndpoint", VA_ENDPOINT, "VerifiedAccessEndpointId"),
    *updates(VA_ENDPOINT, "VerifiedAccessEndpointId", "ModifyVerifiedAccessEndpointPolicy"),
    *crud("VerifiedAccessTrustProvider", VA_TRUST_PROVIDER, "VerifiedAccessTrustProviderId"),
    # EC2 Instance Connect endpoints.
    *crud("InstanceConnectEndpoint", CONNECT_ENDPOINT, "InstanceConnectEndpointId"),
    # VPC route servers, their endpoints and BGP peers; propagation into route tables and the
    # association with a VPC change the server.
    *crud("RouteServer", ROUTE_SERVER, "RouteServerId"),
    *updates(
        ROUTE_SERVER,
        "RouteServerId",
        "AssociateRouteServer",
        "DisassociateRouteServer",
        "EnableRouteServerPropagation",
        "DisableRouteServerPropagation",
    ),
    *updates(
        ROUTE_TABLE,
        "RouteTableId",
        "EnableRouteServerPropagation",
        "DisableRouteServerPropagation",
    ),
    *crud("RouteServerEndpoint", ROUTE_SERVER_ENDPOINT, "RouteServerEndpointId", updates=()),
    *crud("RouteServerPeer", ROUTE_SERVER_PEER, "RouteServerPeerId", updates=()),
    # Transit gateways: the gateway itself, peering and Connect attachments, Connect peers,
    # multicast domains, policy tables, prefix list references, route table announcements.
    *updates(TGW, "TransitGatewayId", "ModifyTransitGateway"),
    on(
        EC2,
        "CreateTransitGatewayPeeringAttachment",
        TGW_ATTACHMENT,
        CREATE,
        ec2_result(
            "CreateTransitGatewayPeeringAttachment",
            "transitGatewayPeeringAttachment.transitGatewayAttachmentId",
        ),
    ),
    on(
        EC2,
        "CreateTransitGatewayConnect",
        TGW_ATTACHMENT,
        CREATE,
        ec2_result(
            "CreateTransitGatewayConnect", "transitGatewayConnect.transitGatewayAttachmentId"
        ),
    ),
    on(
        EC2,
        "CreateTransitGatewayNetworkFunctionAttachment",
        TGW_ATTACHMENT,
        CREATE,
        ec2_result(
            "CreateTransitGatewayNetworkFunctionAttachment",
            "transitGatewayNetworkFunctionAttachment.transitGatewayAttachmentId",
        ),
    ),
    *updates(
        TGW_ATTACHMENT,
        "TransitGatewayAttachmentId",
        "AcceptTransitGatewayPeeringAttachment",
        "AcceptTransitGatewayVpcAttachment",
        "AcceptTransitGatewayClientVpnAttachment",
        "ModifyTransitGatewayPeeringAttachment",
        "ModifyTransitGatewayAttachmentNatConfiguration",
        "ModifyTransitGatewayNetworkFunctionAttachment",
    ),
    *(
        on(EC2, call, TGW_ATTACHMENT, DELETE, ec2_param(call, "TransitGatewayAttachmentId"))
        for call in (
            "RejectTransitGatewayPeeringAttachment",
            "RejectTransitGatewayVpcAttachment",
            "RejectTransitGatewayClientVpnAttachment",
            "DeleteTransitGatewayPeeringAttachment",
            "DeleteTransitGatewayConnect",
            "DeleteTransitGatewayClientVpnAttachment",
            "DeleteTransitGatewayNetworkFunctionAttachment",
        )
    ),
    *crud(
        "TransitGatewayConnectPeer",
        TGW_CONNECT_PEER,
        "TransitGatewayConnectPeerId",
        updates=(),
    ),
    *crud(
        "TransitGatewayMulticastDomain",
        TGW_MULTICAST,
        "TransitGatewayMulticastDomainId",
        updates=(),
    ),
    *updates(
        TGW_MULTICAST,
        "TransitGatewayMulticastDomainId",
        "AssociateTransitGatewayMulticastDomain",
        "DisassociateTransitGatewayMulticastDomain",
        "AcceptTransitGatewayMulticastDomainAssociations",
        "RejectTransitGatewayMulticastDomainAssociations",
        "RegisterTransitGatewayMulticastGroupMembers",
        "RegisterTransitGatewayMulticastGroupSources",
        "DeregisterTransitGatewayMulticastGroupMembers",
        "DeregisterTransitGatewayMulticastGroupSources",
    ),
    *crud("TransitGatewayPolicyTable", TGW_POLICY_TABLE, "TransitGatewayPolicyTableId", updates=()),
    *updates(
        TGW_POLICY_TABLE,
        "TransitGatewayPolicyTableId",
        "AssociateTransitGatewayPolicyTable",
        "DisassociateTransitGatewayPolicyTable",
        "CreateTransitGatewayPolicyTableEntry",
        "ModifyTransitGatewayPolicyTableEntry",
        "DeleteTransitGatewayPolicyTableEntry",
    ),
    *updates(
        TRANSIT_GATEWAY_ROUTE_TABLE,
        "TransitGatewayRouteTableId",
        "CreateTransitGatewayPrefixListReference",
        "ModifyTransitGatewayPrefixListReference",
        "DeleteTransitGatewayPrefixListReference",
        "CreateTransitGatewayRouteTableAnnouncement",
    ),
    on(
        EC2,
        "CreateTransitGatewayRouteTableAnnouncement",
        TGW_ANNOUNCEMENT,
        CREATE,
        ec2_result(
            "CreateTransitGatewayRouteTableAnnouncement",
            "transitGatewayRouteTableAnnouncement.transitGatewayRouteTableAnnouncementId",
        ),
    ),
    on(
        EC2,
        "DeleteTransitGatewayRouteTableAnnouncement",
        TGW_ANNOUNCEMENT,
        DELETE,
        ec2_param(
            "DeleteTransitGatewayRouteTableAnnouncement", "TransitGatewayRouteTableAnnouncementId"
        ),
    ),
    *crud("TransitGatewayMeteringPolicy", TGW_METERING_POLICY, "TransitGatewayMeteringPolicyId"),
    *updates(
        TGW_METERING_POLICY,
        "TransitGatewayMeteringPolicyId",
        "CreateTransitGatewayMeteringPolicyEntry",
        "DeleteTransitGatewayMeteringPolicyEntry",
    ),
    # Outposts local gateways: route tables and their routes, VPC and virtual interface group
    # associations, virtual interfaces and their groups, customer-owned IP pools.
    *crud("LocalGatewayRouteTable", LGW_ROUTE_TABLE, "LocalGatewayRouteTableId", updates=()),
    *updates(
        LGW_ROUTE_TABLE,
        "LocalGatewayRouteTableId",
        "CreateLocalGatewayRoute",
        "ModifyLocalGatewayRoute",
        "DeleteLocalGatewayRoute",
    ),
    *crud(
        "LocalGatewayRouteTableVpcAssociation",
        LGW_VPC_ASSOCIATION,
        "LocalGatewayRouteTableVpcAssociationId",
        updates=(),
    ),
    *crud(
        "LocalGatewayRouteTableVirtualInterfaceGroupAssociation",
        LGW_VIF_GROUP_ASSOCIATION,
        "LocalGatewayRouteTableVirtualInterfaceGroupAssociationId",
        updates=(),
    ),
    *crud(
        "LocalGatewayVirtualInterface",
        LGW_VIF,
        "LocalGatewayVirtualInterfaceId",
        updates=(),
    ),
    *crud(
        "LocalGatewayVirtualInterfaceGroup",
        LGW_VIF_GROUP,
        "LocalGatewayVirtualInterfaceGroupId",
        updates=(),
    ),
    *crud("CoipPool", COIP_POOL, "CoipPoolId", created="coipPool.poolId", updates=()),
    *updates(COIP_POOL, "CoipPoolId", "CreateCoipCidr", "DeleteCoipCidr"),
    *crud("PublicIpv4Pool", PUBLIC_IPV4_POOL, "PoolId", created="poolId", updates=()),
    # Reachability Analyzer: paths and access scopes, and the analyses run on them.
    *crud("NetworkInsightsPath", NETWORK_INSIGHTS_PATH, "NetworkInsightsPathId", updates=()),
    *crud("NetworkInsightsAccessScope", INSIGHTS_SCOPE, "NetworkInsightsAccessScopeId", updates=()),
    on(
        EC2,
        "StartNetworkInsightsAnalysis",
        INSIGHTS_ANALYSIS,
        CREATE,
        ec2_result(
            "StartNetworkInsightsAnalysis", "networkInsightsAnalysis.networkInsightsAnalysisId"
        ),
    ),
    on(
        EC2,
        "DeleteNetworkInsightsAnalysis",
        INSIGHTS_ANALYSIS,
        DELETE,
        ec2_param("DeleteNetworkInsightsAnalysis", "NetworkInsightsAnalysisId"),
    ),
    on(
        EC2,
        "StartNetworkInsightsAccessScopeAnalysis",
        INSIGHTS_SCOPE_ANALYSIS,
        CREATE,
        ec2_result(
            "StartNetworkInsightsAccessScopeAnalysis",
            "networkInsightsAccessScopeAnalysis.networkInsightsAccessScopeAnalysisId",
        ),
    ),
    on(
        EC2,
        "DeleteNetworkInsightsAccessScopeAnalysis",
        INSIGHTS_SCOPE_ANALYSIS,
        DELETE,
        ec2_param(
            "DeleteNetworkInsightsAccessScopeAnalysis", "NetworkInsightsAccessScopeAnalysisId"
        ),
    ),
    # VPCs and subnets: defaults, tenancy, ClassicLink, IPv6 CIDR blocks, CIDR reservations,
    # security groups shared with other VPCs.
    on(EC2, "CreateDefaultVpc", VPC, CREATE, ec2_result("CreateDefaultVpc", "vpc.vpcId")),
    on(
        EC2,
        "CreateDefaultSubnet",
        SUBNET,
        CREATE,
        ec2_result("CreateDefaultSubnet", "subnet.subnetId"),
    ),
    *updates(
        VPC,
        "VpcId",
        "ModifyVpcTenancy",
        "EnableVpcClassicLink",
        "DisableVpcClassicLink",
        "EnableVpcClassicLinkDnsSupport",
        "DisableVpcClassicLinkDnsSupport",
    ),
    *updates(SUBNET, "SubnetId", "AssociateSubnetCidrBlock", "CreateSubnetCidrReservation"),
    on(
        EC2,
        "DisassociateSubnetCidrBlock",
        SUBNET,
        UPDATE,
        ec2_result("DisassociateSubnetCidrBlock", "subnetId"),
    ),
    on(
        EC2,
        "DeleteSubnetCidrReservation",
        SUBNET,
        UPDATE,
        ec2_result("DeleteSubnetCidrReservation", "deletedSubnetCidrReservation.subnetId"),
    ),
    *updates(SG, "GroupId", "AssociateSecurityGroupVpc", "DisassociateSecurityGroupVpc"),
    *updates(PEERING, "VpcPeeringConnectionId", "RejectVpcPeeringConnection"),
    # Route tables: a subnet association is dropped by its id alone (learned when made).
    on(
        EC2,
        "AssociateRouteTable",
        ROUTE_TABLE,
        UPDATE,
        "requestParameters.routeTableId",
        name="responseElements.associationId",
    ),
    by_name(EC2, "DisassociateRouteTable", ROUTE_TABLE, UPDATE, "requestParameters.associationId"),
    # Elastic IPs: disassociated by association id or public IP; transfers between accounts;
    # reverse DNS; EC2-Classic moves.
    on(
        EC2,
        "AssociateAddress",
        EIP,
        UPDATE,
        "requestParameters.allocationId",
        name="responseElements.associationId",
    ),
    by_name(
        EC2,
        "DisassociateAddress",
        EIP,
        UPDATE,
        "requestParameters.associationId || requestParameters.publicIp",
    ),
    *updates(
        EIP,
        "AllocationId",
        "ModifyAddressAttribute",
        "ResetAddressAttribute",
        "EnableAddressTransfer",
        "DisableAddressTransfer",
    ),
    on(
        EC2,
        "AcceptAddressTransfer",
        EIP,
        CREATE,
        ec2_result("AcceptAddressTransfer", "addressTransfer.allocationId"),
    ),
    on(EC2, "MoveAddressToVpc", EIP, CREATE, ec2_result("MoveAddressToVpc", "allocationId")),
    # Network interfaces: detached by attachment id (learned when attached); IPv6 addresses,
    # permissions for other accounts, trunk (VLAN) associations.
    on(
        EC2,
        "AttachNetworkInterface",
        ENI,
        UPDATE,
        "requestParameters.networkInterfaceId",
        name="responseElements.attachmentId",
    ),
    by_name(EC2, "DetachNetworkInterface", ENI, UPDATE, "requestParameters.attachmentId"),
    *updates(
        ENI,
        "NetworkInterfaceId",
        "AssignIpv6Addresses",
        "UnassignIpv6Addresses",
        "ResetNetworkInterfaceAttribute",
        "ModifyPublicIpDnsNameOptions",
        "CreateNetworkInterfacePermission",
    ),
    on(
        EC2,
        "CreateNetworkInterfacePermission",
        ENI_PERMISSION,
        CREATE,
        ec2_result(
            "CreateNetworkInterfacePermission", "interfacePermission.networkInterfacePermissionId"
        ),
    ),
    on(
        EC2,
        "DeleteNetworkInterfacePermission",
        ENI_PERMISSION,
        DELETE,
        ec2_param("DeleteNetworkInterfacePermission", "NetworkInterfacePermissionId"),
    ),
    on(
        EC2,
        "AssociateTrunkInterface",
        ENI,
        UPDATE,
        ec2_param("AssociateTrunkInterface", "TrunkInterfaceId"),
        name=ec2_result("AssociateTrunkInterface", "interfaceAssociation.associationId"),
    ),
    *updates(ENI, "BranchInterfaceId", "AssociateTrunkInterface"),
    by_name(
        EC2,
        "DisassociateTrunkInterface",
        ENI,
        UPDATE,
        ec2_param("DisassociateTrunkInterface", "AssociationId"),
    ),
    # NAT gateways: secondary public and private addresses.
    *updates(
        NAT,
        "NatGatewayId",
        "AssociateNatGatewayAddress",
        "DisassociateNatGatewayAddress",
        "AssignPrivateNatGatewayAddress",
        "UnassignPrivateNatGatewayAddress",
    ),
    # Endpoint services accept or reject endpoint connections; connection notifications.
    *updates(
        VPC_ENDPOINT_SERVICE,
        "ServiceId",
        "AcceptVpcEndpointConnections",
        "RejectVpcEndpointConnections",
    ),
    *updates(ENDPOINT, "VpcEndpointId", "ModifyVpcEndpointPayerResponsibility"),
    on(
        EC2,
        "CreateVpcEndpointConnectionNotification",
        ENDPOINT_NOTIFICATION,
        CREATE,
        ec2_result(
            "CreateVpcEndpointConnectionNotification",
            "connectionNotification.connectionNotificationId",
        ),
    ),
    *updates(
        ENDPOINT_NOTIFICATION, "ConnectionNotificationId", "ModifyVpcEndpointConnectionNotification"
    ),
    on(
        EC2,
        "DeleteVpcEndpointConnectionNotifications",
        ENDPOINT_NOTIFICATION,
        DELETE,
        "requestParameters.DeleteVpcEndpointConnectionNotificationsRequest"
        ".ConnectionNotificationId.content"
        " || requestParameters.DeleteVpcEndpointConnectionNotificationsRequest"
        ".ConnectionNotificationId[].content",
    ),
    # VPC Block Public Access: the region's setting and its exclusions.
    on(EC2, "ModifyVpcBlockPublicAccessOptions", BPA_OPTIONS, UPDATE, ACCOUNT_ID),
    *crud(
        "VpcBlockPublicAccessExclusion",
        BPA_EXCLUSION,
        "ExclusionId",
        created="vpcBlockPublicAccessExclusion.exclusionId",
    ),
    # VPC encryption controls, per VPC and for the account.
    *crud("VpcEncryptionControl", ENCRYPTION_CONTROL, "VpcEncryptionControlId"),
    on(EC2, "ModifyAccountVpcEncryptionControl", ACCOUNT_ENCRYPTION_CONTROL, UPDATE, ACCOUNT_ID),
    # Secondary networks and subnets, VPN concentrators (2025 on).
    *crud("SecondaryNetwork", SECONDARY_NETWORK, "SecondaryNetworkId", updates=()),
    *crud("SecondarySubnet", SECONDARY_SUBNET, "SecondarySubnetId", updates=()),
    *crud("VpnConcentrator", VPN_CONCENTRATOR, "VpnConcentratorId", updates=()),
]

OPERATIONAL = [
    ops(
        EC2,
        "BYOIP proofs and registrations: verification tokens, internet registry associations, "
        "routing policy registrations and BYOASN associations prove and announce address "
        "ownership; no IaC type holds them",
        """CreateIpamExternalResourceVerificationToken DeleteIpamExternalResourceVerificationToken
        CreateIpamInternetRegistryAssociation DeleteIpamInternetRegistryAssociation
        EnableIpamInternetRegistryAssociation CreateIpamRoutingPolicyRegistration
        DeleteIpamRoutingPolicyRegistration ModifyIpamRoutingPolicyRegistration
        AssociateIpamByoasn DisassociateIpamByoasn ModifyIpamPoolAllocation""",
    ),
    ops(
        EC2,
        "sessions and legacy moves: Client VPN connections ended, EC2-Classic addresses, "
        "Reachability Analyzer sharing in the organization, cost allocation of flexible "
        "networking",
        """TerminateClientVpnConnections RestoreAddressToClassic
        EnableReachabilityAnalyzerOrganizationSharing CreateNetworkingFlexCostAllocationPolicy
        ModifyNetworkingFlexCostAllocationPolicy DeleteNetworkingFlexCostAllocationPolicies
        AssociateNetworkingFlexCostAllocationPolicy
        DisassociateNetworkingFlexCostAllocationPolicy""",
    ),
]

TERRAFORM = [
    tf("aws_vpc_ipam_pool", IPAM_POOL, "id", "arn"),
    *children(
        IPAM_POOL,
        "ipam_pool_id",
        "aws_vpc_ipam_pool_cidr",
        "aws_vpc_ipam_pool_cidr_allocation",
    ),
    tf("aws_vpc_ipam_scope", IPAM_SCOPE, "id", "arn"),
    tf("aws_vpc_ipam_resource_discovery", IPAM_DISCOVERY, "id", "arn"),
    tf("aws_vpc_ipam_resource_discovery_association", IPAM_DISCOVERY_ASSOCIATION, "id", "arn"),
    tf("aws_vpc_ipam_organization_admin_account", IPAM_ADMIN, STATE_ACCOUNT),
    tf("aws_verifiedaccess_instance", VA_INSTANCE, "id"),
    *children(
        VA_INSTANCE,
        "verifiedaccess_instance_id",
        "aws_verifiedaccess_instance_logging_configuration",
        "aws_verifiedaccess_instance_trust_provider_attachment",
    ),
    tf("aws_verifiedaccess_group", VA_GROUP, "verifiedaccess_group_id", "id"),
    tf("aws_verifiedaccess_endpoint", VA_ENDPOINT, "id"),
    tf("aws_verifiedaccess_trust_provider", VA_TRUST_PROVIDER, "id"),
    tf("aws_ec2_instance_connect_endpoint", CONNECT_ENDPOINT, "id", "arn"),
    tf("aws_vpc_route_server", ROUTE_SERVER, "route_server_id", "id", "arn"),
    *children(
        ROUTE_SERVER,
        "route_server_id",
        "aws_vpc_route_server_propagation",
        "aws_vpc_route_server_vpc_association",
    ),
    tf("aws_vpc_route_server_endpoint", ROUTE_SERVER_ENDPOINT, "route_server_endpoint_id", "id"),
    tf("aws_vpc_route_server_peer", ROUTE_SERVER_PEER, "route_server_peer_id", "id"),
    tf("aws_ec2_transit_gateway_connect", TGW_ATTACHMENT, "id"),
    tf("aws_ec2_transit_gateway_connect_peer", TGW_CONNECT_PEER, "id", "arn"),
    part_of(
        "aws_ec2_transit_gateway_peering_attachment_accepter",
        TGW_ATTACHMENT,
        "transit_gateway_attachment_id",
    ),
    tf("aws_ec2_transit_gateway_multicast_domain", TGW_MULTICAST, "id", "arn"),
    *children(
        TGW_MULTICAST,
        "transit_gateway_multicast_domain_id",
        "aws_ec2_transit_gateway_multicast_domain_association",
        "aws_ec2_transit_gateway_multicast_group_member",
        "aws_ec2_transit_gateway_multicast_group_source",
    ),
    tf("aws_ec2_transit_gateway_policy_table", TGW_POLICY_TABLE, "id", "arn"),
    part_of(
        "aws_ec2_transit_gateway_policy_table_association",
        TGW_POLICY_TABLE,
        "transit_gateway_policy_table_id",
    ),
    part_of(
        "aws_ec2_transit_gateway_prefix_list_reference",
        TRANSIT_GATEWAY_ROUTE_TABLE,
        "transit_gateway_route_table_id",
    ),
    part_of("aws_ec2_local_gateway_route", LGW_ROUTE_TABLE, "local_gateway_route_table_id"),
    tf(
        "aws_ec2_local_gateway_route_table_vpc_association",
        LGW_VPC_ASSOCIATION,
        "id",
    ),
    tf("aws_ec2_network_insights_path", NETWORK_INSIGHTS_PATH, "id", "arn"),
    tf("aws_ec2_network_insights_analysis", INSIGHTS_ANALYSIS, "id", "arn"),
    tf("aws_network_interface_permission", ENI_PERMISSION, "network_interface_permission_id", "id"),
    tf("aws_vpc_endpoint_connection_notification", ENDPOINT_NOTIFICATION, "id"),
    part_of(
        "aws_vpc_endpoint_connection_accepter", VPC_ENDPOINT_SERVICE, "vpc_endpoint_service_id"
    ),
    part_of("aws_ec2_subnet_cidr_reservation", SUBNET, "subnet_id"),
    part_of("aws_vpc_security_group_vpc_association", SG, "security_group_id"),
    tf("aws_vpc_block_public_access_options", BPA_OPTIONS, STATE_ACCOUNT),
    tf("aws_vpc_block_public_access_exclusion", BPA_EXCLUSION, "id"),
    part_of("aws_nat_gateway_eip_association", NAT, "nat_gateway_id"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    ec2_id_prefixes=EC2_ID_PREFIXES,
    operational=OPERATIONAL,
    models=("ec2",),
    casing="ec2",
    unreachable={
        IPAM_ADMIN: "the organization's delegated IPAM admin: a setting of the management "
        "account, changed by Enable/DisableIpamOrganizationAdminAccount",
        BPA_OPTIONS: "an account-wide setting of the region: it always exists, "
        "ModifyVpcBlockPublicAccessOptions changes it",
        ACCOUNT_ENCRYPTION_CONTROL: "an account-wide setting of the region: it always exists, "
        "ModifyAccountVpcEncryptionControl changes it",
    },
)
