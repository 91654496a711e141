"""RESOURCE_TYPES: the canonical resource types (CloudFormation names) and their ids. No I/O.

Every catalog speaks these names: CloudTrail rules map calls onto them and IaC backends map
their own type names onto them. Each type knows the form of its physical id (what CloudFormation
calls the physical id: a name, a server-made id, an ARN or a URL) and how to turn the other forms
AWS logs (usually ARNs) into it, so ids from CloudTrail and from state compare equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.registry import Registry

IdForm = Literal["id", "name", "arn", "url", "account"]


@dataclass(frozen=True)
class ResourceType:
    """One canonical resource type.

    Attributes:
        name: CloudFormation type name, e.g. `AWS::EC2::SecurityGroup`.
        id_form: what the physical id is: `id` (server-made, `sg-…`), `name`, `arn`, `url`
            (SQS queues) or `account` (account-level settings keyed by account id).
        arn_prefix: the start of the ARN's resource part before the id (`security-group/`,
            `function:`), used to turn ARNs into names/ids. Empty when the id is the whole part.
        is_global: IAM, CloudFront, Route 53…: one resource per account, not per region.
        cfn: False for the few types CloudFormation has no name for; we then use the
            `AWS::Service::Thing` form AWS Config and Cloud Control use, marked here.
    """

    name: str
    id_form: IdForm
    arn_prefix: str = ""
    is_global: bool = False
    cfn: bool = True

    def normalize_id(self, value: str) -> str:
        """The physical id for `value`, which may be the id itself, an ARN or a URL."""
        value = value.strip()
        if self.id_form == "arn" or not value.startswith("arn:"):
            if self.name == "AWS::SQS::Queue":
                return normalize_queue_url(value)
            if self.name == "AWS::Route53::HostedZone":
                return value.rsplit("/", 1)[-1]
            return value
        return self._from_arn(value)

    def _from_arn(self, arn: str) -> str:
        parts = arn.split(":", 5)
        if len(parts) < 6:
            return arn
        service, region, account, resource = parts[2], parts[3], parts[4], parts[5]
        if self.name == "AWS::SQS::Queue":
            return f"https://sqs.{region}.amazonaws.com/{account}/{resource}"
        if self.arn_prefix and resource.startswith(self.arn_prefix):
            resource = resource[len(self.arn_prefix) :]
        elif self.arn_prefix:
            return arn  # an ARN of another kind of resource: leave it as it is
        if service == "iam" or self.name == "AWS::Lambda::Function":
            # IAM paths (role/path/name) and Lambda qualifiers (function:name:alias)
            resource = resource.split(":", 1)[0].rsplit("/", 1)[-1]
        elif service == "autoscaling" and "Name/" in resource:
            # autoScalingGroup:UUID:autoScalingGroupName/NAME (and launch configurations)
            resource = resource.rsplit("Name/", 1)[-1]
        elif service == "eks" and resource.count("/") == 2:
            resource = resource.rsplit("/", 1)[0]  # CLUSTER/NAME/UUID → CLUSTER/NAME
        elif service == "apigateway":
            resource = resource.split("/", 1)[0]  # /restapis/ID/stages/NAME → ID
        elif self.name == "AWS::Logs::LogGroup":
            resource = resource.removesuffix(":*")
        elif self.name == "AWS::SSM::Parameter" and "/" in resource:
            resource = "/" + resource  # hierarchical names start with a slash
        return resource


def normalize_queue_url(url: str) -> str:
    """SQS queue URLs in their current form: https://sqs.REGION.amazonaws.com/ACCOUNT/NAME."""
    prefix = "https://"
    if not url.startswith(prefix):
        return url
    host, _, path = url[len(prefix) :].partition("/")
    if host == "queue.amazonaws.com":
        region = "us-east-1"
    elif host.endswith(".queue.amazonaws.com"):
        region = host.split(".", 1)[0]
    elif host.startswith("sqs.") and host.endswith(".amazonaws.com"):
        return url
    else:
        return url
    return f"https://sqs.{region}.amazonaws.com/{path}"


RESOURCE_TYPES: Registry[ResourceType] = Registry("resource type")


def _add(
    name: str,
    id_form: IdForm,
    arn_prefix: str = "",
    *,
    is_global: bool = False,
    cfn: bool = True,
) -> None:
    RESOURCE_TYPES.add(name, ResourceType(name, id_form, arn_prefix, is_global, cfn))


def _many(id_form: IdForm, *specs: tuple[str, str], is_global: bool = False) -> None:
    for name, prefix in specs:
        _add(name, id_form, prefix, is_global=is_global)


# EC2 and VPC: server-made ids (sg-…, i-…), ARNs as ec2:REGION:ACCOUNT:TYPE/ID
_many(
    "id",
    ("AWS::EC2::SecurityGroup", "security-group/"),
    ("AWS::EC2::Instance", "instance/"),
    ("AWS::EC2::Volume", "volume/"),
    ("AWS::EC2::VPC", "vpc/"),
    ("AWS::EC2::Subnet", "subnet/"),
    ("AWS::EC2::RouteTable", "route-table/"),
    ("AWS::EC2::NetworkAcl", "network-acl/"),
    ("AWS::EC2::InternetGateway", "internet-gateway/"),
    ("AWS::EC2::EgressOnlyInternetGateway", "egress-only-internet-gateway/"),
    ("AWS::EC2::NatGateway", "natgateway/"),
    ("AWS::EC2::EIP", "elastic-ip/"),
    ("AWS::EC2::LaunchTemplate", "launch-template/"),
    ("AWS::EC2::NetworkInterface", "network-interface/"),
    ("AWS::EC2::VPCPeeringConnection", "vpc-peering-connection/"),
    ("AWS::EC2::VPCEndpoint", "vpc-endpoint/"),
    ("AWS::EC2::VPCEndpointService", "vpc-endpoint-service/"),
    ("AWS::EC2::FlowLog", "vpc-flow-log/"),
    ("AWS::EC2::DHCPOptions", "dhcp-options/"),
    ("AWS::EC2::TransitGateway", "transit-gateway/"),
    ("AWS::EC2::TransitGatewayAttachment", "transit-gateway-attachment/"),
    ("AWS::EC2::TransitGatewayRouteTable", "transit-gateway-route-table/"),
    ("AWS::EC2::CustomerGateway", "customer-gateway/"),
    ("AWS::EC2::VPNGateway", "vpn-gateway/"),
    ("AWS::EC2::VPNConnection", "vpn-connection/"),
    ("AWS::EC2::PrefixList", "prefix-list/"),
    ("AWS::EC2::TrafficMirrorFilter", "traffic-mirror-filter/"),
    ("AWS::EC2::TrafficMirrorFilterRule", "traffic-mirror-filter-rule/"),
    ("AWS::EC2::TrafficMirrorSession", "traffic-mirror-session/"),
    ("AWS::EC2::TrafficMirrorTarget", "traffic-mirror-target/"),
    ("AWS::EC2::Host", "dedicated-host/"),
    ("AWS::EC2::CapacityReservation", "capacity-reservation/"),
    ("AWS::EC2::EC2Fleet", "fleet/"),
    ("AWS::EC2::SpotFleet", "spot-fleet-request/"),
    ("AWS::EC2::NetworkInsightsPath", "network-insights-path/"),
    ("AWS::EC2::IPAM", "ipam/"),
    ("AWS::EC2::CarrierGateway", "carrier-gateway/"),
    ("AWS::EC2::LocalGatewayRoute", "local-gateway-route-table/"),
    ("AWS::EC2::ClientVpnEndpoint", "client-vpn-endpoint/"),
    ("AWS::EC2::PlacementGroup", "placement-group/"),
)
# Key pairs are named by their key name (CloudFormation's physical id); ARNs carry the key-… id.
_add("AWS::EC2::KeyPair", "name", "key-pair/")
# CloudFormation has no type for AMIs, snapshots or account-wide EC2 settings.
_add("AWS::EC2::Image", "id", "image/", cfn=False)
_add("AWS::EC2::Snapshot", "id", "snapshot/", cfn=False)
_add("AWS::EC2::EBSEncryptionByDefault", "account", cfn=False)
_add("AWS::EC2::SerialConsoleAccess", "account", cfn=False)
_add("AWS::EC2::ImageBlockPublicAccess", "account", cfn=False)
_add("AWS::EC2::SnapshotBlockPublicAccess", "account", cfn=False)
_add("AWS::EC2::InstanceMetadataDefaults", "account", cfn=False)

# S3
_add("AWS::S3::Bucket", "name")
_add("AWS::S3::AccessPoint", "name", "accesspoint/")
_add("AWS::S3::MultiRegionAccessPoint", "name", "accesspoint/", is_global=True)
_add("AWS::S3::StorageLens", "id", "storage-lens/")
_add("AWS::S3::AccountPublicAccessBlock", "account", cfn=False)

# IAM (global): roles, users and groups by name; managed policies and providers by ARN
_many(
    "name",
    ("AWS::IAM::Role", "role/"),
    ("AWS::IAM::User", "user/"),
    ("AWS::IAM::Group", "group/"),
    ("AWS::IAM::InstanceProfile", "instance-profile/"),
    ("AWS::IAM::ServiceLinkedRole", "role/"),
    is_global=True,
)
_many(
    "arn",
    ("AWS::IAM::ManagedPolicy", ""),
    ("AWS::IAM::OIDCProvider", ""),
    ("AWS::IAM::SAMLProvider", ""),
    ("AWS::IAM::VirtualMFADevice", ""),
    ("AWS::IAM::ServerCertificate", ""),
    is_global=True,
)
_add("AWS::IAM::AccessKey", "id", is_global=True)
_add("AWS::IAM::AccountPasswordPolicy", "account", is_global=True, cfn=False)
_add("AWS::IAM::AccountAlias", "account", is_global=True, cfn=False)

# RDS: identifiers (names); ARNs as rds:REGION:ACCOUNT:db:NAME
_many(
    "name",
    ("AWS::RDS::DBInstance", "db:"),
    ("AWS::RDS::DBCluster", "cluster:"),
    ("AWS::RDS::DBSubnetGroup", "subgrp:"),
    ("AWS::RDS::DBParameterGroup", "pg:"),
    ("AWS::RDS::DBClusterParameterGroup", "cluster-pg:"),
    ("AWS::RDS::OptionGroup", "og:"),
    ("AWS::RDS::EventSubscription", "es:"),
    ("AWS::RDS::DBProxy", "db-proxy:"),
    ("AWS::RDS::DBSecurityGroup", "secgrp:"),
)
_add("AWS::RDS::GlobalCluster", "name", "global-cluster:", is_global=True)
_add("AWS::RDS::DBSnapshot", "name", "snapshot:", cfn=False)
_add("AWS::RDS::DBClusterSnapshot", "name", "cluster-snapshot:", cfn=False)
_add("AWS::RDS::DBInstanceAutomatedBackup", "arn", cfn=False)
_add("AWS::RDS::DBClusterAutomatedBackup", "arn", cfn=False)

# Lambda
_add("AWS::Lambda::Function", "name", "function:")
_add("AWS::Lambda::LayerVersion", "arn")
_add("AWS::Lambda::EventSourceMapping", "id", "event-source-mapping:")
_add("AWS::Lambda::CodeSigningConfig", "arn")

# KMS
_add("AWS::KMS::Key", "id", "key/")
_add("AWS::KMS::Alias", "name", "")
_add("AWS::KMS::ReplicaKey", "id", "key/")
_add("AWS::KMS::CustomKeyStore", "id", cfn=False)

# Load balancing: ELBv2 by ARN, Classic ELB by name
_many(
    "arn",
    ("AWS::ElasticLoadBalancingV2::LoadBalancer", ""),
    ("AWS::ElasticLoadBalancingV2::Listener", ""),
    ("AWS::ElasticLoadBalancingV2::ListenerRule", ""),
    ("AWS::ElasticLoadBalancingV2::TargetGroup", ""),
    ("AWS::ElasticLoadBalancingV2::TrustStore", ""),
)
_add("AWS::ElasticLoadBalancing::LoadBalancer", "name", "loadbalancer/")

# Auto Scaling
_add("AWS::AutoScaling::AutoScalingGroup", "name", "autoScalingGroup:")
_add("AWS::AutoScaling::LaunchConfiguration", "name", "launchConfiguration:")
_add("AWS::AutoScaling::WarmPool", "name", cfn=False)

# DynamoDB
_add("AWS::DynamoDB::Table", "name", "table/")
_add("AWS::DynamoDB::GlobalTable", "name", "global-table/", is_global=True)

# SNS, SQS
_add("AWS::SNS::Topic", "arn")
_add("AWS::SNS::Subscription", "arn")
_add("AWS::SNS::PlatformApplication", "arn", cfn=False)
_add("AWS::SQS::Queue", "url")

# Route 53 (global)
_add("AWS::Route53::HostedZone", "id", "hostedzone/", is_global=True)
_add("AWS::Route53::HealthCheck", "id", "healthcheck/", is_global=True)
_add("AWS::Route53::KeySigningKey", "name", is_global=True)
_add("AWS::Route53::DNSSEC", "id", is_global=True)
_add("AWS::Route53::CidrCollection", "id", "cidrcollection/", is_global=True)
_add("AWS::Route53Resolver::ResolverEndpoint", "id", "resolver-endpoint/")
_add("AWS::Route53Resolver::ResolverRule", "id", "resolver-rule/")
_add("AWS::Route53Resolver::ResolverQueryLoggingConfig", "id", "resolver-query-log-config/")
_add("AWS::Route53Resolver::FirewallRuleGroup", "id", "firewall-rule-group/")
_add("AWS::Route53Domains::Domain", "name", is_global=True, cfn=False)

# Containers
_add("AWS::ECS::Cluster", "name", "cluster/")
_add("AWS::ECS::Service", "arn")
_add("AWS::ECS::TaskDefinition", "arn")
_add("AWS::ECS::CapacityProvider", "name", "capacity-provider/")
_add("AWS::ECS::AccountSetting", "account", cfn=False)
_add("AWS::EKS::Cluster", "name", "cluster/")
# Node groups, add-ons and Fargate profiles: `CLUSTER/NAME`, as CloudFormation names them; their
# ARNs (nodegroup/CLUSTER/NAME/UUID) are turned into that, so create and update calls agree.
_add("AWS::EKS::Nodegroup", "name", "nodegroup/")
_add("AWS::EKS::Addon", "name", "addon/")
_add("AWS::EKS::FargateProfile", "name", "fargateprofile/")
_add("AWS::EKS::IdentityProviderConfig", "arn")
_add("AWS::EKS::AccessEntry", "arn")
_add("AWS::EKS::PodIdentityAssociation", "arn")
_add("AWS::ECR::Repository", "name", "repository/")
_add("AWS::ECR::RegistryPolicy", "account")
_add("AWS::ECR::ReplicationConfiguration", "account")

# Logs, monitoring, events
_add("AWS::Logs::LogGroup", "name", "log-group:")
_add("AWS::Logs::Destination", "name", "destination:")
_add("AWS::Logs::ResourcePolicy", "name", cfn=True)
_add("AWS::Logs::QueryDefinition", "id")
_add("AWS::Logs::AccountPolicy", "account")
_add("AWS::CloudWatch::Alarm", "name", "alarm:")
_add("AWS::CloudWatch::CompositeAlarm", "name", "alarm:")
_add("AWS::CloudWatch::Dashboard", "name", "dashboard/", is_global=True)
_add("AWS::CloudWatch::MetricStream", "name", "metric-stream/")
_add("AWS::Events::Rule", "name", "rule/")
_add("AWS::Events::EventBus", "name", "event-bus/")
_add("AWS::Events::Archive", "name", "archive/")
_add("AWS::Events::Connection", "name", "connection/")
_add("AWS::Events::ApiDestination", "name", "api-destination/")
_add("AWS::Scheduler::Schedule", "name", "schedule/")
_add("AWS::CloudTrail::Trail", "name", "trail/")
_add("AWS::CloudTrail::EventDataStore", "arn")
_add("AWS::Config::ConfigurationRecorder", "name")
_add("AWS::Config::DeliveryChannel", "name")
_add("AWS::Config::ConfigRule", "name", "config-rule/")
_add("AWS::Config::ConformancePack", "name")
_add("AWS::Config::ConfigurationAggregator", "name")
_add("AWS::CloudFormation::Stack", "arn")

# Secrets and parameters
_add("AWS::SecretsManager::Secret", "arn")
_add("AWS::SSM::Parameter", "name", "parameter/")
_add("AWS::SSM::Document", "name", "document/")
_add("AWS::SSM::Association", "id", "association/")
_add("AWS::SSM::MaintenanceWindow", "id", "maintenancewindow/")
_add("AWS::SSM::PatchBaseline", "id", "patchbaseline/")
_add("AWS::SSM::ServiceSetting", "name", "servicesetting/", cfn=False)

# CloudFront (global)
_many(
    "id",
    ("AWS::CloudFront::Distribution", "distribution/"),
    ("AWS::CloudFront::CloudFrontOriginAccessIdentity", "origin-access-identity/"),
    ("AWS::CloudFront::OriginAccessControl", "origin-access-control/"),
    ("AWS::CloudFront::CachePolicy", "cache-policy/"),
    ("AWS::CloudFront::OriginRequestPolicy", "origin-request-policy/"),
    ("AWS::CloudFront::ResponseHeadersPolicy", "response-headers-policy/"),
    ("AWS::CloudFront::KeyGroup", "key-group/"),
    ("AWS::CloudFront::PublicKey", "public-key/"),
    is_global=True,
)
_add("AWS::CloudFront::Function", "name", "function/", is_global=True)

# API Gateway
_many(
    "id",
    ("AWS::ApiGateway::RestApi", "/restapis/"),
    ("AWS::ApiGateway::ApiKey", "/apikeys/"),
    ("AWS::ApiGateway::UsagePlan", "/usageplans/"),
    ("AWS::ApiGateway::VpcLink", "/vpclinks/"),
    ("AWS::ApiGatewayV2::Api", "/apis/"),
    ("AWS::ApiGatewayV2::VpcLink", "/vpclinks/"),
)
_add("AWS::ApiGateway::DomainName", "name", "/domainnames/")
_add("AWS::ApiGatewayV2::DomainName", "name", "/domainnames/")
_add("AWS::ApiGateway::ClientCertificate", "id", "/clientcertificates/")
_add("AWS::ApiGateway::Account", "account")

# Certificates, identity, organizations
_add("AWS::CertificateManager::Certificate", "arn")
_add("AWS::ACMPCA::CertificateAuthority", "arn")
_add("AWS::Organizations::Organization", "id", is_global=True)
_add("AWS::Organizations::Account", "id", is_global=True)
_add("AWS::Organizations::OrganizationalUnit", "id", is_global=True)
_add("AWS::Organizations::Policy", "id", is_global=True)
_add("AWS::Organizations::ResourcePolicy", "id", is_global=True)
_add("AWS::SSO::PermissionSet", "arn")
_add("AWS::SSO::Assignment", "id")
_add("AWS::Cognito::UserPool", "id", "userpool/")
_add("AWS::Cognito::IdentityPool", "id", "identitypool/")
_add("AWS::RolesAnywhere::TrustAnchor", "id", "trust-anchor/")
_add("AWS::RolesAnywhere::Profile", "id", "profile/")

# Data and analytics
_add("AWS::Glue::Database", "name", "database/")
_add("AWS::Glue::Table", "name", "table/")
_add("AWS::Glue::Connection", "name", "connection/")
_add("AWS::Glue::Crawler", "name", "crawler/")
_add("AWS::Glue::Job", "name", "job/")
_add("AWS::Glue::Trigger", "name", "trigger/")
_add("AWS::Glue::DataCatalogEncryptionSettings", "account")
_add("AWS::Glue::ResourcePolicy", "account", cfn=False)
_add("AWS::Athena::WorkGroup", "name", "workgroup/")
_add("AWS::Kinesis::Stream", "name", "stream/")
_add("AWS::KinesisFirehose::DeliveryStream", "name", "deliverystream/")
_add("AWS::Elasticsearch::Domain", "name", "domain/")
_add("AWS::OpenSearchService::Domain", "name", "domain/")
_add("AWS::Redshift::Cluster", "name", "cluster:")
_add("AWS::ElastiCache::CacheCluster", "name", "cluster:")
_add("AWS::ElastiCache::ReplicationGroup", "name", "replicationgroup:")
_add("AWS::ElastiCache::SubnetGroup", "name", "subnetgroup:")
_add("AWS::ElastiCache::ParameterGroup", "name", "parametergroup:")
_add("AWS::ElastiCache::User", "name", "user:")
_add("AWS::DAX::Cluster", "name", "cache/")
_add("AWS::MSK::Cluster", "arn")
_add("AWS::CloudHSM::Cluster", "id", "cluster/", cfn=False)
_add("AWS::CloudSearch::Domain", "name", "domain/", cfn=False)
_add("AWS::Glacier::Vault", "name", "vaults/", cfn=False)
_add("AWS::EFS::FileSystem", "id", "file-system/")
_add("AWS::EFS::MountTarget", "id", "mount-target/")
_add("AWS::EFS::AccessPoint", "id", "access-point/")
_add("AWS::Backup::BackupVault", "name", "backup-vault:")
_add("AWS::Backup::BackupPlan", "id", "backup-plan:")

# Integration and application services
_add("AWS::StepFunctions::StateMachine", "arn")
_add("AWS::StepFunctions::Activity", "arn")
_add("AWS::AppMesh::Mesh", "name", "mesh/")
_add("AWS::AppMesh::VirtualGateway", "arn")
_add("AWS::AppMesh::VirtualNode", "arn")
_add("AWS::CodeBuild::Project", "name", "project/")
_add("AWS::CodePipeline::Pipeline", "name")
_add("AWS::CodeCommit::Repository", "name")
_add("AWS::Synthetics::Canary", "name", "canary:")
_add("AWS::InternetMonitor::Monitor", "name", "monitor/")
_add("AWS::Bedrock::Guardrail", "id", "guardrail/")
_add("AWS::Bedrock::ModelInvocationLoggingConfiguration", "account", cfn=False)
_add("AWS::SES::EmailIdentity", "name", "identity/")
_add("AWS::SES::ConfigurationSet", "name", "configuration-set/")
_add("AWS::Transfer::Server", "id", "server/")
_add("AWS::SageMaker::NotebookInstance", "name", "notebook-instance/")
_add("AWS::SageMaker::Domain", "id", "domain/")
_add("AWS::Batch::ComputeEnvironment", "arn")
_add("AWS::Batch::JobQueue", "arn")
_add("AWS::Rbin::Rule", "id", "rule/")
_add("AWS::DataSync::Task", "arn")

# Security services
_add("AWS::WAFv2::WebACL", "id")
_add("AWS::WAFv2::IPSet", "id")
_add("AWS::WAFv2::RuleGroup", "id")
_add("AWS::WAFv2::WebACLAssociation", "arn")
_add("AWS::WAFv2::LoggingConfiguration", "arn")
_add("AWS::WAF::WebACL", "id", is_global=True)
_add("AWS::WAF::Rule", "id", is_global=True)
_add("AWS::WAF::IPSet", "id", is_global=True)
_add("AWS::WAFRegional::WebACL", "id")
_add("AWS::WAFRegional::Rule", "id")
_add("AWS::GuardDuty::Detector", "id", "detector/")
_add("AWS::GuardDuty::ThreatIntelSet", "id")
_add("AWS::GuardDuty::IPSet", "id")
_add("AWS::GuardDuty::Filter", "name")
_add("AWS::SecurityHub::Hub", "arn")
_add("AWS::SecurityHub::Insight", "arn")
_add("AWS::Macie::Session", "account")
_add("AWS::Shield::Protection", "arn", is_global=True)
_add("AWS::Shield::Subscription", "account", is_global=True, cfn=False)
_add("AWS::AccessAnalyzer::Analyzer", "arn")
_add("AWS::Detective::Graph", "arn")
_add("AWS::Inspector2::Enabler", "account", cfn=False)
_add("AWS::NetworkFirewall::Firewall", "arn")
_add("AWS::NetworkFirewall::FirewallPolicy", "arn")
_add("AWS::FMS::Policy", "id")


# ---- ids that name their own type ------------------------------------------------------------

# The prefix of an EC2 id tells its type; used for calls that touch many kinds (CreateTags).
EC2_ID_PREFIXES: dict[str, str] = {
    "sg-": "AWS::EC2::SecurityGroup",
    "i-": "AWS::EC2::Instance",
    "vol-": "AWS::EC2::Volume",
    "vpc-": "AWS::EC2::VPC",
    "subnet-": "AWS::EC2::Subnet",
    "rtb-": "AWS::EC2::RouteTable",
    "acl-": "AWS::EC2::NetworkAcl",
    "igw-": "AWS::EC2::InternetGateway",
    "eigw-": "AWS::EC2::EgressOnlyInternetGateway",
    "nat-": "AWS::EC2::NatGateway",
    "eipalloc-": "AWS::EC2::EIP",
    "lt-": "AWS::EC2::LaunchTemplate",
    "eni-": "AWS::EC2::NetworkInterface",
    "pcx-": "AWS::EC2::VPCPeeringConnection",
    "vpce-svc-": "AWS::EC2::VPCEndpointService",
    "vpce-": "AWS::EC2::VPCEndpoint",
    "fl-": "AWS::EC2::FlowLog",
    "dopt-": "AWS::EC2::DHCPOptions",
    "tgw-attach-": "AWS::EC2::TransitGatewayAttachment",
    "tgw-rtb-": "AWS::EC2::TransitGatewayRouteTable",
    "tgw-": "AWS::EC2::TransitGateway",
    "cgw-": "AWS::EC2::CustomerGateway",
    "vgw-": "AWS::EC2::VPNGateway",
    "vpn-": "AWS::EC2::VPNConnection",
    "pl-": "AWS::EC2::PrefixList",
    "tmf-": "AWS::EC2::TrafficMirrorFilter",
    "tmfr-": "AWS::EC2::TrafficMirrorFilterRule",
    "tms-": "AWS::EC2::TrafficMirrorSession",
    "tmt-": "AWS::EC2::TrafficMirrorTarget",
    "h-": "AWS::EC2::Host",
    "cr-": "AWS::EC2::CapacityReservation",
    "fleet-": "AWS::EC2::EC2Fleet",
    "sfr-": "AWS::EC2::SpotFleet",
    "key-": "AWS::EC2::KeyPair",
    "ami-": "AWS::EC2::Image",
    "snap-": "AWS::EC2::Snapshot",
    "cvpn-endpoint-": "AWS::EC2::ClientVpnEndpoint",
    "pg-": "AWS::EC2::PlacementGroup",
}
_EC2_PREFIXES_LONGEST_FIRST = sorted(EC2_ID_PREFIXES, key=len, reverse=True)


def resolve_ec2_id_type(resource_id: str) -> str | None:
    """The canonical type of an EC2 id from its prefix (`sg-0a1…` → SecurityGroup)."""
    for prefix in _EC2_PREFIXES_LONGEST_FIRST:
        if resource_id.startswith(prefix):
            return EC2_ID_PREFIXES[prefix]
    return None


# ARN (service, resource kind) → canonical type; for tag calls that take any ARN.
ARN_KINDS: dict[tuple[str, str], str] = {
    ("ec2", kind.rstrip("/")): rt.name
    for _, rt in RESOURCE_TYPES
    if rt.name.startswith("AWS::EC2::") and rt.arn_prefix
    for kind in (rt.arn_prefix,)
}
ARN_KINDS.update(
    {
        ("s3", ""): "AWS::S3::Bucket",
        ("s3", "accesspoint"): "AWS::S3::AccessPoint",
        ("iam", "role"): "AWS::IAM::Role",
        ("iam", "user"): "AWS::IAM::User",
        ("iam", "group"): "AWS::IAM::Group",
        ("iam", "policy"): "AWS::IAM::ManagedPolicy",
        ("iam", "instance-profile"): "AWS::IAM::InstanceProfile",
        ("iam", "oidc-provider"): "AWS::IAM::OIDCProvider",
        ("iam", "saml-provider"): "AWS::IAM::SAMLProvider",
        ("rds", "db"): "AWS::RDS::DBInstance",
        ("rds", "cluster"): "AWS::RDS::DBCluster",
        ("rds", "subgrp"): "AWS::RDS::DBSubnetGroup",
        ("rds", "pg"): "AWS::RDS::DBParameterGroup",
        ("rds", "cluster-pg"): "AWS::RDS::DBClusterParameterGroup",
        ("rds", "og"): "AWS::RDS::OptionGroup",
        ("rds", "snapshot"): "AWS::RDS::DBSnapshot",
        ("rds", "cluster-snapshot"): "AWS::RDS::DBClusterSnapshot",
        ("rds", "es"): "AWS::RDS::EventSubscription",
        ("rds", "db-proxy"): "AWS::RDS::DBProxy",
        ("rds", "secgrp"): "AWS::RDS::DBSecurityGroup",
        ("rds", "global-cluster"): "AWS::RDS::GlobalCluster",
        ("lambda", "function"): "AWS::Lambda::Function",
        ("lambda", "event-source-mapping"): "AWS::Lambda::EventSourceMapping",
        ("lambda", "layer"): "AWS::Lambda::LayerVersion",
        ("kms", "key"): "AWS::KMS::Key",
        ("kms", "alias"): "AWS::KMS::Alias",
        ("elasticloadbalancing", "loadbalancer/app"): "AWS::ElasticLoadBalancingV2::LoadBalancer",
        ("elasticloadbalancing", "loadbalancer/net"): "AWS::ElasticLoadBalancingV2::LoadBalancer",
        ("elasticloadbalancing", "loadbalancer/gwy"): "AWS::ElasticLoadBalancingV2::LoadBalancer",
        ("elasticloadbalancing", "loadbalancer"): "AWS::ElasticLoadBalancing::LoadBalancer",
        ("elasticloadbalancing", "listener"): "AWS::ElasticLoadBalancingV2::Listener",
        ("elasticloadbalancing", "listener-rule"): "AWS::ElasticLoadBalancingV2::ListenerRule",
        ("elasticloadbalancing", "targetgroup"): "AWS::ElasticLoadBalancingV2::TargetGroup",
        ("dynamodb", "table"): "AWS::DynamoDB::Table",
        ("sns", ""): "AWS::SNS::Topic",
        ("sqs", ""): "AWS::SQS::Queue",
        ("ecs", "cluster"): "AWS::ECS::Cluster",
        ("ecs", "service"): "AWS::ECS::Service",
        ("ecs", "task-definition"): "AWS::ECS::TaskDefinition",
        ("ecs", "capacity-provider"): "AWS::ECS::CapacityProvider",
        ("eks", "cluster"): "AWS::EKS::Cluster",
        ("eks", "nodegroup"): "AWS::EKS::Nodegroup",
        ("eks", "addon"): "AWS::EKS::Addon",
        ("eks", "fargateprofile"): "AWS::EKS::FargateProfile",
        ("ecr", "repository"): "AWS::ECR::Repository",
        ("logs", "log-group"): "AWS::Logs::LogGroup",
        ("logs", "destination"): "AWS::Logs::Destination",
        ("cloudwatch", "alarm"): "AWS::CloudWatch::Alarm",
        ("events", "rule"): "AWS::Events::Rule",
        ("events", "event-bus"): "AWS::Events::EventBus",
        ("secretsmanager", "secret"): "AWS::SecretsManager::Secret",
        ("ssm", "parameter"): "AWS::SSM::Parameter",
        ("ssm", "document"): "AWS::SSM::Document",
        ("cloudfront", "distribution"): "AWS::CloudFront::Distribution",
        ("cloudfront", "function"): "AWS::CloudFront::Function",
        ("apigateway", "/restapis"): "AWS::ApiGateway::RestApi",
        ("apigateway", "/apis"): "AWS::ApiGatewayV2::Api",
        ("acm", "certificate"): "AWS::CertificateManager::Certificate",
        ("cloudtrail", "trail"): "AWS::CloudTrail::Trail",
        ("states", "stateMachine"): "AWS::StepFunctions::StateMachine",
        ("states", "activity"): "AWS::StepFunctions::Activity",
        ("glue", "connection"): "AWS::Glue::Connection",
        ("glue", "crawler"): "AWS::Glue::Crawler",
        ("glue", "database"): "AWS::Glue::Database",
        ("glue", "job"): "AWS::Glue::Job",
        ("kinesis", "stream"): "AWS::Kinesis::Stream",
        ("firehose", "deliverystream"): "AWS::KinesisFirehose::DeliveryStream",
        ("es", "domain"): "AWS::Elasticsearch::Domain",
        ("elasticache", "cluster"): "AWS::ElastiCache::CacheCluster",
        ("elasticache", "replicationgroup"): "AWS::ElastiCache::ReplicationGroup",
        ("elasticfilesystem", "file-system"): "AWS::EFS::FileSystem",
        ("elasticfilesystem", "access-point"): "AWS::EFS::AccessPoint",
        ("codebuild", "project"): "AWS::CodeBuild::Project",
        ("rbin", "rule"): "AWS::Rbin::Rule",
        ("guardduty", "detector"): "AWS::GuardDuty::Detector",
        ("route53", "hostedzone"): "AWS::Route53::HostedZone",
        ("route53", "healthcheck"): "AWS::Route53::HealthCheck",
        ("synthetics", "canary"): "AWS::Synthetics::Canary",
        ("bedrock", "guardrail"): "AWS::Bedrock::Guardrail",
        ("rolesanywhere", "trust-anchor"): "AWS::RolesAnywhere::TrustAnchor",
        ("rolesanywhere", "profile"): "AWS::RolesAnywhere::Profile",
        ("backup", "backup-vault"): "AWS::Backup::BackupVault",
        ("redshift", "cluster"): "AWS::Redshift::Cluster",
        ("athena", "workgroup"): "AWS::Athena::WorkGroup",
    }
)


def resolve_arn_type(arn: str) -> str | None:
    """The canonical type an ARN names, from its service and resource kind, if we know it."""
    parts = arn.split(":", 5)
    if len(parts) < 6 or parts[0] != "arn":
        return None
    service, resource = parts[2], parts[5]
    # Try the longest kind first: "loadbalancer/app/…" before "loadbalancer/…".
    pieces = resource.replace(":", "/").split("/")
    for n in (2, 1):
        kind = "/".join(pieces[:n])
        if service == "apigateway":
            kind = "/" + pieces[1] if len(pieces) > 1 else ""
        found = ARN_KINDS.get((service, kind))
        if found and (n == 1 or len(pieces) > n):
            return found
    return ARN_KINDS.get((service, ""))
