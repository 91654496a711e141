"""TF_TYPES: Terraform `aws_*` resource types -> canonical types and identifying attributes.

Data only, no I/O. A child resource (`aws_security_group_rule`, `aws_s3_bucket_policy`) names
its parent's type and the attribute that holds the parent's id: changing the child by hand is a
change of the parent (the rules of a security group, the policy of a bucket).

Identifiers were chosen against the real states copied under `tests/data/tfstate/` (driftctl,
tfdrift-falco, tfstate-lookup) and the provider's documentation (`website/docs/r/*.markdown` of
hashicorp/terraform-provider-aws): the attribute that holds the physical id CloudFormation uses
(a name, a server-made id, an ARN or a queue URL) comes first; `id` and `arn` follow where they
hold the same thing in another form (ARNs are normalised by the canonical type).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.catalog.resource_types import RESOURCE_TYPES
from bot.registry import Registry

# Pseudo-attribute: the AWS account the state's provider works in, read from the ARNs and
# account ids recorded in the same state. For account-wide settings whose state keeps no
# account id (`aws_ebs_encryption_by_default` has only a made-up `id`).
STATE_ACCOUNT = "@account"


@dataclass(frozen=True)
class TfType:
    """How one Terraform type maps onto a canonical type.

    Attributes:
        tf_type: `aws_db_instance`.
        resource_type: the canonical type it manages, or for a child, its parent's type.
        identifiers: attributes holding that resource's id, best first; every value found is
            indexed (after normalising ARNs), the first is the physical id. An attribute may
            hold a list (`aws_iam_policy_attachment.roles`); STATE_ACCOUNT stands for the
            state's account.
        child: True when it manages part of the resource its identifiers name.
        alias_for: (type, attribute) when this resource's id is also a name for another
            resource's id (`aws_kms_alias`: its name stands for the key in `target_key_id`).
        also: further (canonical type, attribute) pairs of resources it manages part of, for
            children with more than one kind of parent (`aws_iam_policy_attachment` attaches
            a policy to `roles`, `users` and `groups`).
    """

    tf_type: str
    resource_type: str
    identifiers: tuple[str, ...]
    child: bool = False
    alias_for: tuple[str, str] | None = None
    also: tuple[tuple[str, str], ...] = ()


TF_TYPES: Registry[TfType] = Registry("Terraform resource type")


def tf(
    tf_type: str,
    resource_type: str,
    *identifiers: str,
    child: bool = False,
    alias_for: tuple[str, str] | None = None,
    also: tuple[tuple[str, str], ...] = (),
) -> None:
    """Declare a Terraform type; the canonical type must exist (fails at import otherwise)."""
    RESOURCE_TYPES.get(resource_type)
    if alias_for is not None:
        RESOURCE_TYPES.get(alias_for[0])
    for other_type, _ in also:
        RESOURCE_TYPES.get(other_type)
    TF_TYPES.add(
        tf_type,
        TfType(tf_type, resource_type, identifiers or ("id",), child, alias_for, also),
    )


def part_of(
    tf_type: str,
    parent_type: str,
    *parent_id_attrs: str,
    also: tuple[tuple[str, str], ...] = (),
) -> None:
    """Declare a child type whose `parent_id_attrs` name the parent resource it changes."""
    tf(tf_type, parent_type, *parent_id_attrs, child=True, also=also)


def _children(parent_type: str, parent_id_attr: str, *tf_types: str) -> None:
    for tf_type in tf_types:
        part_of(tf_type, parent_type, parent_id_attr)


# --- EC2: security groups ---------------------------------------------------------------------
SG = "AWS::EC2::SecurityGroup"
tf("aws_security_group", SG, "id", "arn")
tf("aws_default_security_group", SG, "id", "arn")
_children(
    SG,
    "security_group_id",
    "aws_security_group_rule",
    "aws_vpc_security_group_ingress_rule",
    "aws_vpc_security_group_egress_rule",
)
part_of("aws_network_interface_sg_attachment", "AWS::EC2::NetworkInterface", "network_interface_id")

# --- EC2: instances, volumes, addresses, images, key pairs -------------------------------------
tf("aws_instance", "AWS::EC2::Instance", "id", "arn")
tf("aws_spot_instance_request", "AWS::EC2::Instance", "spot_instance_id")
tf("aws_ebs_volume", "AWS::EC2::Volume", "id", "arn")
part_of("aws_volume_attachment", "AWS::EC2::Volume", "volume_id")
tf("aws_eip", "AWS::EC2::EIP", "allocation_id", "id")
part_of("aws_eip_association", "AWS::EC2::EIP", "allocation_id")
tf("aws_network_interface", "AWS::EC2::NetworkInterface", "id", "arn")
part_of("aws_network_interface_attachment", "AWS::EC2::NetworkInterface", "network_interface_id")
tf("aws_launch_template", "AWS::EC2::LaunchTemplate", "id", "arn")
# The key name is what CloudFormation and most calls use; newer calls log the key-… id.
tf("aws_key_pair", "AWS::EC2::KeyPair", "key_name", "key_pair_id", "id")
tf("aws_placement_group", "AWS::EC2::PlacementGroup", "name", "placement_group_id")
tf("aws_ami", "AWS::EC2::Image", "id", "arn")
tf("aws_ami_copy", "AWS::EC2::Image", "id", "arn")
tf("aws_ami_from_instance", "AWS::EC2::Image", "id", "arn")
part_of("aws_ami_launch_permission", "AWS::EC2::Image", "image_id")
tf("aws_ebs_snapshot", "AWS::EC2::Snapshot", "id", "arn")
tf("aws_ebs_snapshot_copy", "AWS::EC2::Snapshot", "id", "arn")
part_of("aws_snapshot_create_volume_permission", "AWS::EC2::Snapshot", "snapshot_id")
tf("aws_ec2_host", "AWS::EC2::Host", "id", "arn")
tf("aws_ec2_capacity_reservation", "AWS::EC2::CapacityReservation", "id", "arn")
tf("aws_ec2_fleet", "AWS::EC2::EC2Fleet", "id")
tf("aws_spot_fleet_request", "AWS::EC2::SpotFleet", "id")

# --- EC2: account-wide settings (no account id in the state: STATE_ACCOUNT) --------------------
tf("aws_ebs_encryption_by_default", "AWS::EC2::EBSEncryptionByDefault", STATE_ACCOUNT)
tf("aws_ebs_default_kms_key", "AWS::EC2::EBSEncryptionByDefault", STATE_ACCOUNT)
tf("aws_ec2_serial_console_access", "AWS::EC2::SerialConsoleAccess", STATE_ACCOUNT)
tf("aws_ec2_image_block_public_access", "AWS::EC2::ImageBlockPublicAccess", STATE_ACCOUNT)
tf("aws_ebs_snapshot_block_public_access", "AWS::EC2::SnapshotBlockPublicAccess", STATE_ACCOUNT)
tf("aws_ec2_instance_metadata_defaults", "AWS::EC2::InstanceMetadataDefaults", STATE_ACCOUNT)

# --- VPC --------------------------------------------------------------------------------------
tf("aws_vpc", "AWS::EC2::VPC", "id", "arn")
tf("aws_default_vpc", "AWS::EC2::VPC", "id", "arn")
part_of("aws_vpc_ipv4_cidr_block_association", "AWS::EC2::VPC", "vpc_id")
part_of("aws_vpc_ipv6_cidr_block_association", "AWS::EC2::VPC", "vpc_id")
part_of("aws_vpc_dhcp_options_association", "AWS::EC2::VPC", "vpc_id")
tf("aws_vpc_dhcp_options", "AWS::EC2::DHCPOptions", "id", "arn")
tf("aws_subnet", "AWS::EC2::Subnet", "id", "arn")
tf("aws_default_subnet", "AWS::EC2::Subnet", "id", "arn")
tf("aws_route_table", "AWS::EC2::RouteTable", "id", "arn")
tf("aws_default_route_table", "AWS::EC2::RouteTable", "id", "arn")
_children(
    "AWS::EC2::RouteTable",
    "route_table_id",
    "aws_route",
    "aws_route_table_association",
    "aws_main_route_table_association",
)
tf("aws_network_acl", "AWS::EC2::NetworkAcl", "id", "arn")
tf("aws_default_network_acl", "AWS::EC2::NetworkAcl", "id", "arn")
_children(
    "AWS::EC2::NetworkAcl", "network_acl_id", "aws_network_acl_rule", "aws_network_acl_association"
)
tf("aws_internet_gateway", "AWS::EC2::InternetGateway", "id", "arn")
part_of("aws_internet_gateway_attachment", "AWS::EC2::InternetGateway", "internet_gateway_id")
tf("aws_egress_only_internet_gateway", "AWS::EC2::EgressOnlyInternetGateway", "id")
tf("aws_nat_gateway", "AWS::EC2::NatGateway", "id")
tf("aws_vpc_endpoint", "AWS::EC2::VPCEndpoint", "id", "arn")
_children(
    "AWS::EC2::VPCEndpoint",
    "vpc_endpoint_id",
    "aws_vpc_endpoint_route_table_association",
    "aws_vpc_endpoint_subnet_association",
    "aws_vpc_endpoint_security_group_association",
    "aws_vpc_endpoint_policy",
)
tf("aws_vpc_endpoint_service", "AWS::EC2::VPCEndpointService", "id", "arn")
tf("aws_vpc_peering_connection", "AWS::EC2::VPCPeeringConnection", "id")
_children(
    "AWS::EC2::VPCPeeringConnection",
    "vpc_peering_connection_id",
    "aws_vpc_peering_connection_accepter",
    "aws_vpc_peering_connection_options",
)
tf("aws_flow_log", "AWS::EC2::FlowLog", "id", "arn")
tf("aws_ec2_managed_prefix_list", "AWS::EC2::PrefixList", "id", "arn")
tf("aws_customer_gateway", "AWS::EC2::CustomerGateway", "id", "arn")
tf("aws_vpn_gateway", "AWS::EC2::VPNGateway", "id", "arn")
part_of("aws_vpn_gateway_attachment", "AWS::EC2::VPNGateway", "vpn_gateway_id")
part_of("aws_vpn_gateway_route_propagation", "AWS::EC2::RouteTable", "route_table_id")
tf("aws_vpn_connection", "AWS::EC2::VPNConnection", "id", "arn")
tf("aws_ec2_client_vpn_endpoint", "AWS::EC2::ClientVpnEndpoint", "id", "arn")
tf("aws_ec2_carrier_gateway", "AWS::EC2::CarrierGateway", "id", "arn")
tf("aws_vpc_ipam", "AWS::EC2::IPAM", "id", "arn")
tf("aws_ec2_traffic_mirror_filter", "AWS::EC2::TrafficMirrorFilter", "id", "arn")
tf("aws_ec2_traffic_mirror_filter_rule", "AWS::EC2::TrafficMirrorFilterRule", "id", "arn")
tf("aws_ec2_traffic_mirror_session", "AWS::EC2::TrafficMirrorSession", "id", "arn")
tf("aws_ec2_traffic_mirror_target", "AWS::EC2::TrafficMirrorTarget", "id", "arn")

# --- Transit gateways -------------------------------------------------------------------------
TGW_ATTACHMENT = "AWS::EC2::TransitGatewayAttachment"
TGW_ROUTE_TABLE = "AWS::EC2::TransitGatewayRouteTable"
tf("aws_ec2_transit_gateway", "AWS::EC2::TransitGateway", "id", "arn")
tf("aws_ec2_transit_gateway_vpc_attachment", TGW_ATTACHMENT, "id")
tf("aws_ec2_transit_gateway_peering_attachment", TGW_ATTACHMENT, "id", "arn")
part_of(
    "aws_ec2_transit_gateway_vpc_attachment_accepter",
    TGW_ATTACHMENT,
    "transit_gateway_attachment_id",
)
tf("aws_ec2_transit_gateway_route_table", TGW_ROUTE_TABLE, "id", "arn")
_children(
    TGW_ROUTE_TABLE,
    "transit_gateway_route_table_id",
    "aws_ec2_transit_gateway_route",
    "aws_ec2_transit_gateway_route_table_association",
    "aws_ec2_transit_gateway_route_table_propagation",
)

# --- S3 ---------------------------------------------------------------------------------------
# Every aws_s3_bucket_* resource configures part of its bucket (provider v4 split them out).
# aws_s3_bucket_object / aws_s3_object are left out on purpose: objects are data, not
# configuration, and an object in a state does not make its bucket managed.
tf("aws_s3_bucket", "AWS::S3::Bucket", "bucket", "id", "arn")
_children(
    "AWS::S3::Bucket",
    "bucket",
    "aws_s3_bucket_accelerate_configuration",
    "aws_s3_bucket_acl",
    "aws_s3_bucket_analytics_configuration",
    "aws_s3_bucket_cors_configuration",
    "aws_s3_bucket_intelligent_tiering_configuration",
    "aws_s3_bucket_inventory",
    "aws_s3_bucket_lifecycle_configuration",
    "aws_s3_bucket_logging",
    "aws_s3_bucket_metadata_configuration",
    "aws_s3_bucket_metric",
    "aws_s3_bucket_notification",
    "aws_s3_bucket_object_lock_configuration",
    "aws_s3_bucket_ownership_controls",
    "aws_s3_bucket_policy",
    "aws_s3_bucket_public_access_block",
    "aws_s3_bucket_replication_configuration",
    "aws_s3_bucket_request_payment_configuration",
    "aws_s3_bucket_server_side_encryption_configuration",
    "aws_s3_bucket_versioning",
    "aws_s3_bucket_website_configuration",
)
tf(
    "aws_s3_account_public_access_block",
    "AWS::S3::AccountPublicAccessBlock",
    "account_id",
    STATE_ACCOUNT,
)
tf("aws_s3_access_point", "AWS::S3::AccessPoint", "name", "arn")
tf("aws_s3control_storage_lens_configuration", "AWS::S3::StorageLens", "config_id")

# --- IAM --------------------------------------------------------------------------------------
ROLE, USER, GROUP = "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"
tf("aws_iam_role", ROLE, "name", "id", "arn")
_children(
    ROLE,
    "role",
    "aws_iam_role_policy",
    "aws_iam_role_policy_attachment",
)
_children(
    ROLE,
    "role_name",
    "aws_iam_role_policies_exclusive",
    "aws_iam_role_policy_attachments_exclusive",
)
tf("aws_iam_user", USER, "name", "id", "arn")
_children(
    USER,
    "user",
    "aws_iam_user_policy",
    "aws_iam_user_policy_attachment",
    "aws_iam_user_login_profile",
)
part_of("aws_iam_user_ssh_key", USER, "username")
part_of("aws_iam_user_group_membership", USER, "user", also=((GROUP, "groups"),))
tf("aws_iam_access_key", "AWS::IAM::AccessKey", "id")
tf("aws_iam_group", GROUP, "name", "id", "arn")
_children(
    GROUP,
    "group",
    "aws_iam_group_policy",
    "aws_iam_group_policy_attachment",
    "aws_iam_group_membership",
)
tf("aws_iam_policy", "AWS::IAM::ManagedPolicy", "arn", "id")
# Exclusive attachment of one policy to lists of roles, users and groups.
part_of("aws_iam_policy_attachment", ROLE, "roles", also=((USER, "users"), (GROUP, "groups")))
tf("aws_iam_instance_profile", "AWS::IAM::InstanceProfile", "name", "id", "arn")
tf("aws_iam_openid_connect_provider", "AWS::IAM::OIDCProvider", "arn", "id")
tf("aws_iam_saml_provider", "AWS::IAM::SAMLProvider", "arn", "id")
tf("aws_iam_virtual_mfa_device", "AWS::IAM::VirtualMFADevice", "arn", "id")
tf("aws_iam_server_certificate", "AWS::IAM::ServerCertificate", "arn")
# A service-linked role is a role: calls on it log the role name (DeleteServiceLinkedRole).
tf(
    "aws_iam_service_linked_role",
    "AWS::IAM::ServiceLinkedRole",
    "name",
    "arn",
    also=((ROLE, "name"),),
)
tf("aws_iam_account_alias", "AWS::IAM::AccountAlias", STATE_ACCOUNT)
tf("aws_iam_account_password_policy", "AWS::IAM::AccountPasswordPolicy", STATE_ACCOUNT)

# --- RDS (provider v5 keeps the `db-…` resource id in `id`; the name is `identifier`) ----------
DB_INSTANCE, DB_CLUSTER = "AWS::RDS::DBInstance", "AWS::RDS::DBCluster"
tf("aws_db_instance", DB_INSTANCE, "identifier", "arn")
tf("aws_rds_cluster_instance", DB_INSTANCE, "identifier", "id", "arn")
part_of("aws_db_instance_role_association", DB_INSTANCE, "db_instance_identifier")
tf("aws_rds_cluster", DB_CLUSTER, "cluster_identifier", "id", "arn")
part_of("aws_rds_cluster_role_association", DB_CLUSTER, "db_cluster_identifier")
tf("aws_rds_global_cluster", "AWS::RDS::GlobalCluster", "global_cluster_identifier", "id")
tf("aws_db_subnet_group", "AWS::RDS::DBSubnetGroup", "name", "id", "arn")
tf("aws_db_parameter_group", "AWS::RDS::DBParameterGroup", "name", "id", "arn")
tf("aws_rds_cluster_parameter_group", "AWS::RDS::DBClusterParameterGroup", "name", "id", "arn")
tf("aws_db_option_group", "AWS::RDS::OptionGroup", "name", "id", "arn")
tf("aws_db_event_subscription", "AWS::RDS::EventSubscription", "name", "id", "arn")
tf("aws_db_snapshot", "AWS::RDS::DBSnapshot", "db_snapshot_identifier", "db_snapshot_arn")
tf(
    "aws_db_cluster_snapshot",
    "AWS::RDS::DBClusterSnapshot",
    "db_cluster_snapshot_identifier",
    "db_cluster_snapshot_arn",
)
tf("aws_db_proxy", "AWS::RDS::DBProxy", "name", "id", "arn")
_children(
    "AWS::RDS::DBProxy",
    "db_proxy_name",
    "aws_db_proxy_default_target_group",
    "aws_db_proxy_target",
)

# --- Lambda -----------------------------------------------------------------------------------
FUNCTION = "AWS::Lambda::Function"
tf("aws_lambda_function", FUNCTION, "function_name", "id", "arn")
# `function_name` of these may be a name or an ARN (with a qualifier); both normalise to the name.
_children(
    FUNCTION,
    "function_name",
    "aws_lambda_permission",
    "aws_lambda_alias",
    "aws_lambda_function_url",
    "aws_lambda_function_event_invoke_config",
    "aws_lambda_provisioned_concurrency_config",
)
tf("aws_lambda_event_source_mapping", "AWS::Lambda::EventSourceMapping", "uuid", "id", "arn")
tf("aws_lambda_layer_version", "AWS::Lambda::LayerVersion", "arn", "id")
tf("aws_lambda_code_signing_config", "AWS::Lambda::CodeSigningConfig", "arn")

# --- KMS --------------------------------------------------------------------------------------
KEY = "AWS::KMS::Key"
tf("aws_kms_key", KEY, "key_id", "id", "arn")
tf("aws_kms_external_key", KEY, "id", "arn")
tf("aws_kms_replica_key", "AWS::KMS::ReplicaKey", "key_id", "id", "arn")
tf("aws_kms_alias", "AWS::KMS::Alias", "name", "id", "arn", alias_for=(KEY, "target_key_id"))
_children(KEY, "key_id", "aws_kms_grant", "aws_kms_key_policy")

# --- Load balancing: ELBv2 by ARN (`aws_alb*` are the old names), Classic ELB by name ---------
LB, LISTENER = "AWS::ElasticLoadBalancingV2::LoadBalancer", "AWS::ElasticLoadBalancingV2::Listener"
TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup"
RULE = "AWS::ElasticLoadBalancingV2::ListenerRule"
for _prefix in ("aws_lb", "aws_alb"):
    tf(_prefix, LB, "arn", "id")
    tf(f"{_prefix}_listener", LISTENER, "arn", "id")
    tf(f"{_prefix}_listener_rule", RULE, "arn", "id")
    tf(f"{_prefix}_target_group", TARGET_GROUP, "arn", "id")
    part_of(f"{_prefix}_target_group_attachment", TARGET_GROUP, "target_group_arn")
part_of("aws_lb_listener_certificate", LISTENER, "listener_arn")
tf("aws_lb_trust_store", "AWS::ElasticLoadBalancingV2::TrustStore", "arn", "id")
CLASSIC = "AWS::ElasticLoadBalancing::LoadBalancer"
tf("aws_elb", CLASSIC, "name", "id", "arn")
part_of("aws_elb_attachment", CLASSIC, "elb")
_children(
    CLASSIC,
    "load_balancer_name",
    "aws_load_balancer_policy",
    "aws_load_balancer_listener_policy",
    "aws_load_balancer_backend_server_policy",
)
_children(CLASSIC, "load_balancer", "aws_lb_cookie_stickiness_policy", "aws_proxy_protocol_policy")
part_of("aws_app_cookie_stickiness_policy", CLASSIC, "load_balancer")

# --- Auto Scaling -----------------------------------------------------------------------------
ASG = "AWS::AutoScaling::AutoScalingGroup"
tf("aws_autoscaling_group", ASG, "name", "id", "arn")
tf("aws_launch_configuration", "AWS::AutoScaling::LaunchConfiguration", "name", "id", "arn")
_children(
    ASG,
    "autoscaling_group_name",
    "aws_autoscaling_policy",
    "aws_autoscaling_schedule",
    "aws_autoscaling_lifecycle_hook",
    "aws_autoscaling_attachment",
    "aws_autoscaling_traffic_source_attachment",
    "aws_autoscaling_group_tag",
)
part_of("aws_autoscaling_notification", ASG, "group_names")
part_of(
    "aws_autoscaling_warm_pool",
    ASG,
    "autoscaling_group_name",
    also=(("AWS::AutoScaling::WarmPool", "autoscaling_group_name"),),
)

# --- DynamoDB ---------------------------------------------------------------------------------
TABLE = "AWS::DynamoDB::Table"
tf("aws_dynamodb_table", TABLE, "name", "id", "arn")
tf("aws_dynamodb_global_table", "AWS::DynamoDB::GlobalTable", "name", "id")
part_of("aws_dynamodb_table_replica", TABLE, "global_table_arn")
_children(
    TABLE,
    "table_name",
    "aws_dynamodb_contributor_insights",
    "aws_dynamodb_kinesis_streaming_destination",
)
part_of("aws_dynamodb_resource_policy", TABLE, "resource_arn")

# --- SNS, SQS ---------------------------------------------------------------------------------
TOPIC, QUEUE = "AWS::SNS::Topic", "AWS::SQS::Queue"
tf("aws_sns_topic", TOPIC, "arn", "id")
# The `arn` of these is the topic's ARN (the policy has no ARN of its own).
_children(TOPIC, "arn", "aws_sns_topic_policy", "aws_sns_topic_data_protection_policy")
tf("aws_sns_topic_subscription", "AWS::SNS::Subscription", "arn", "id")
tf("aws_sns_platform_application", "AWS::SNS::PlatformApplication", "arn", "id")
tf("aws_sqs_queue", QUEUE, "url", "id")
_children(
    QUEUE,
    "queue_url",
    "aws_sqs_queue_policy",
    "aws_sqs_queue_redrive_policy",
    "aws_sqs_queue_redrive_allow_policy",
)

# --- Route 53 ---------------------------------------------------------------------------------
ZONE = "AWS::Route53::HostedZone"
tf("aws_route53_zone", ZONE, "zone_id", "id", "arn")
_children(
    ZONE,
    "zone_id",
    "aws_route53_record",
    "aws_route53_zone_association",
    "aws_route53_vpc_association_authorization",
    "aws_route53_query_log",
)
_children(ZONE, "hosted_zone_id", "aws_route53_key_signing_key", "aws_route53_hosted_zone_dnssec")
tf("aws_route53_health_check", "AWS::Route53::HealthCheck", "id", "arn")
tf("aws_route53_cidr_collection", "AWS::Route53::CidrCollection", "id", "arn")
tf("aws_route53domains_registered_domain", "AWS::Route53Domains::Domain", "domain_name")
tf("aws_route53_resolver_endpoint", "AWS::Route53Resolver::ResolverEndpoint", "id", "arn")
tf("aws_route53_resolver_rule", "AWS::Route53Resolver::ResolverRule", "id", "arn")
part_of(
    "aws_route53_resolver_rule_association",
    "AWS::Route53Resolver::ResolverRule",
    "resolver_rule_id",
)
tf(
    "aws_route53_resolver_query_log_config",
    "AWS::Route53Resolver::ResolverQueryLoggingConfig",
    "id",
    "arn",
)
tf(
    "aws_route53_resolver_firewall_rule_group",
    "AWS::Route53Resolver::FirewallRuleGroup",
    "id",
    "arn",
)

# --- Containers -------------------------------------------------------------------------------
tf("aws_ecs_cluster", "AWS::ECS::Cluster", "name", "arn", "id")
part_of("aws_ecs_cluster_capacity_providers", "AWS::ECS::Cluster", "cluster_name")
tf("aws_ecs_service", "AWS::ECS::Service", "arn", "id")  # `id` is the ARN too
tf("aws_ecs_task_definition", "AWS::ECS::TaskDefinition", "arn")  # `id` is the family
tf("aws_ecs_capacity_provider", "AWS::ECS::CapacityProvider", "name", "arn", "id")
tf("aws_ecs_account_setting_default", "AWS::ECS::AccountSetting", STATE_ACCOUNT)
EKS = "AWS::EKS::Cluster"
tf("aws_eks_cluster", EKS, "name", "id", "arn")
tf("aws_eks_node_group", "AWS::EKS::Nodegroup", "arn")  # `id` is CLUSTER:NODEGROUP
tf("aws_eks_addon", "AWS::EKS::Addon", "arn")
tf("aws_eks_fargate_profile", "AWS::EKS::FargateProfile", "arn")
tf("aws_eks_identity_provider_config", "AWS::EKS::IdentityProviderConfig", "arn")
tf("aws_eks_access_entry", "AWS::EKS::AccessEntry", "access_entry_arn")
part_of("aws_eks_access_policy_association", EKS, "cluster_name")
tf("aws_eks_pod_identity_association", "AWS::EKS::PodIdentityAssociation", "association_arn")
REPOSITORY = "AWS::ECR::Repository"
tf("aws_ecr_repository", REPOSITORY, "name", "id", "arn")
_children(REPOSITORY, "repository", "aws_ecr_repository_policy", "aws_ecr_lifecycle_policy")
tf("aws_ecr_registry_policy", "AWS::ECR::RegistryPolicy", "registry_id", STATE_ACCOUNT)
tf(
    "aws_ecr_replication_configuration",
    "AWS::ECR::ReplicationConfiguration",
    "registry_id",
    STATE_ACCOUNT,
)

# --- CloudWatch Logs --------------------------------------------------------------------------
LOG_GROUP = "AWS::Logs::LogGroup"
tf("aws_cloudwatch_log_group", LOG_GROUP, "name", "id", "arn")
_children(
    LOG_GROUP,
    "log_group_name",
    "aws_cloudwatch_log_stream",
    "aws_cloudwatch_log_metric_filter",
    "aws_cloudwatch_log_subscription_filter",
    "aws_cloudwatch_log_data_protection_policy",
)
tf("aws_cloudwatch_log_destination", "AWS::Logs::Destination", "name", "id", "arn")
part_of("aws_cloudwatch_log_destination_policy", "AWS::Logs::Destination", "destination_name")
tf("aws_cloudwatch_log_resource_policy", "AWS::Logs::ResourcePolicy", "policy_name", "id")
tf("aws_cloudwatch_query_definition", "AWS::Logs::QueryDefinition", "query_definition_id")
tf("aws_cloudwatch_log_account_policy", "AWS::Logs::AccountPolicy", STATE_ACCOUNT)

# --- CloudWatch alarms, dashboards, metric streams --------------------------------------------
tf("aws_cloudwatch_metric_alarm", "AWS::CloudWatch::Alarm", "alarm_name", "id", "arn")
tf("aws_cloudwatch_composite_alarm", "AWS::CloudWatch::CompositeAlarm", "alarm_name", "arn")
tf("aws_cloudwatch_dashboard", "AWS::CloudWatch::Dashboard", "dashboard_name", "id")
tf("aws_cloudwatch_metric_stream", "AWS::CloudWatch::MetricStream", "name", "arn")

# --- EventBridge (rule ids are `BUS|NAME` on custom buses; the name comes first) ---------------
tf("aws_cloudwatch_event_rule", "AWS::Events::Rule", "name", "arn")
part_of("aws_cloudwatch_event_target", "AWS::Events::Rule", "rule")
BUS = "AWS::Events::EventBus"
tf("aws_cloudwatch_event_bus", BUS, "name", "arn")
_children(
    BUS, "event_bus_name", "aws_cloudwatch_event_bus_policy", "aws_cloudwatch_event_permission"
)
tf("aws_cloudwatch_event_archive", "AWS::Events::Archive", "name", "arn")
tf("aws_cloudwatch_event_connection", "AWS::Events::Connection", "name", "arn")
tf("aws_cloudwatch_event_api_destination", "AWS::Events::ApiDestination", "name", "arn")
tf("aws_scheduler_schedule", "AWS::Scheduler::Schedule", "name", "arn")

# --- Secrets Manager, SSM ---------------------------------------------------------------------
SM_SECRETS = "AWS::SecretsManager::Secret"
tf("aws_secretsmanager_secret", SM_SECRETS, "arn", "id")
_children(
    SM_SECRETS,
    "secret_id",
    "aws_secretsmanager_secret_version",
    "aws_secretsmanager_secret_rotation",
)
part_of("aws_secretsmanager_secret_policy", SM_SECRETS, "secret_arn")
tf("aws_ssm_parameter", "AWS::SSM::Parameter", "name", "id", "arn")
tf("aws_ssm_document", "AWS::SSM::Document", "name", "id", "arn")
tf("aws_ssm_association", "AWS::SSM::Association", "association_id", "id")
tf("aws_ssm_maintenance_window", "AWS::SSM::MaintenanceWindow", "id")
_children(
    "AWS::SSM::MaintenanceWindow",
    "window_id",
    "aws_ssm_maintenance_window_target",
    "aws_ssm_maintenance_window_task",
)
tf("aws_ssm_patch_baseline", "AWS::SSM::PatchBaseline", "id", "arn")
tf("aws_ssm_service_setting", "AWS::SSM::ServiceSetting", "setting_id", "arn")

# --- CloudFront -------------------------------------------------------------------------------
DISTRIBUTION = "AWS::CloudFront::Distribution"
tf("aws_cloudfront_distribution", DISTRIBUTION, "id", "arn")
part_of("aws_cloudfront_monitoring_subscription", DISTRIBUTION, "distribution_id")
tf(
    "aws_cloudfront_origin_access_identity",
    "AWS::CloudFront::CloudFrontOriginAccessIdentity",
    "id",
)
tf("aws_cloudfront_origin_access_control", "AWS::CloudFront::OriginAccessControl", "id")
tf("aws_cloudfront_cache_policy", "AWS::CloudFront::CachePolicy", "id")
tf("aws_cloudfront_origin_request_policy", "AWS::CloudFront::OriginRequestPolicy", "id")
tf("aws_cloudfront_response_headers_policy", "AWS::CloudFront::ResponseHeadersPolicy", "id")
tf("aws_cloudfront_key_group", "AWS::CloudFront::KeyGroup", "id")
tf("aws_cloudfront_public_key", "AWS::CloudFront::PublicKey", "id")
tf("aws_cloudfront_function", "AWS::CloudFront::Function", "name", "arn")

# --- API Gateway (REST: everything inside an API is part of it) --------------------------------
REST_API = "AWS::ApiGateway::RestApi"
tf("aws_api_gateway_rest_api", REST_API, "id", "arn")
_children(
    REST_API,
    "rest_api_id",
    "aws_api_gateway_rest_api_policy",
    "aws_api_gateway_resource",
    "aws_api_gateway_method",
    "aws_api_gateway_method_response",
    "aws_api_gateway_method_settings",
    "aws_api_gateway_integration",
    "aws_api_gateway_integration_response",
    "aws_api_gateway_model",
    "aws_api_gateway_authorizer",
    "aws_api_gateway_request_validator",
    "aws_api_gateway_gateway_response",
    "aws_api_gateway_deployment",
    "aws_api_gateway_stage",
    "aws_api_gateway_documentation_part",
)
tf("aws_api_gateway_api_key", "AWS::ApiGateway::ApiKey", "id", "arn")
tf("aws_api_gateway_usage_plan", "AWS::ApiGateway::UsagePlan", "id", "arn")
part_of("aws_api_gateway_usage_plan_key", "AWS::ApiGateway::UsagePlan", "usage_plan_id")
tf("aws_api_gateway_vpc_link", "AWS::ApiGateway::VpcLink", "id", "arn")
tf("aws_api_gateway_domain_name", "AWS::ApiGateway::DomainName", "domain_name", "id", "arn")
part_of("aws_api_gateway_base_path_mapping", "AWS::ApiGateway::DomainName", "domain_name")
tf("aws_api_gateway_client_certificate", "AWS::ApiGateway::ClientCertificate", "id", "arn")
tf("aws_api_gateway_account", "AWS::ApiGateway::Account", STATE_ACCOUNT)
HTTP_API = "AWS::ApiGatewayV2::Api"
tf("aws_apigatewayv2_api", HTTP_API, "id", "arn")
_children(
    HTTP_API,
    "api_id",
    "aws_apigatewayv2_authorizer",
    "aws_apigatewayv2_deployment",
    "aws_apigatewayv2_integration",
    "aws_apigatewayv2_integration_response",
    "aws_apigatewayv2_model",
    "aws_apigatewayv2_route",
    "aws_apigatewayv2_route_response",
    "aws_apigatewayv2_stage",
)
tf("aws_apigatewayv2_domain_name", "AWS::ApiGatewayV2::DomainName", "domain_name", "id", "arn")
part_of("aws_apigatewayv2_api_mapping", "AWS::ApiGatewayV2::DomainName", "domain_name")
tf("aws_apigatewayv2_vpc_link", "AWS::ApiGatewayV2::VpcLink", "id", "arn")

# --- CloudTrail, Config (provider v5 moved the trail's `id` from its name to its ARN) ----------
tf("aws_cloudtrail", "AWS::CloudTrail::Trail", "name", "arn", "id")
tf("aws_cloudtrail_event_data_store", "AWS::CloudTrail::EventDataStore", "arn", "id")
RECORDER = "AWS::Config::ConfigurationRecorder"
tf("aws_config_configuration_recorder", RECORDER, "name", "id")
part_of("aws_config_configuration_recorder_status", RECORDER, "name")
tf("aws_config_delivery_channel", "AWS::Config::DeliveryChannel", "name", "id")
tf("aws_config_config_rule", "AWS::Config::ConfigRule", "name", "arn")
part_of("aws_config_remediation_configuration", "AWS::Config::ConfigRule", "config_rule_name")
tf("aws_config_conformance_pack", "AWS::Config::ConformancePack", "name", "id")
tf(
    "aws_config_configuration_aggregator",
    "AWS::Config::ConfigurationAggregator",
    "name",
    "id",
)

# --- Certificates -----------------------------------------------------------------------------
CERTIFICATE = "AWS::CertificateManager::Certificate"
tf("aws_acm_certificate", CERTIFICATE, "arn", "id")
part_of("aws_acm_certificate_validation", CERTIFICATE, "certificate_arn")
tf("aws_acmpca_certificate_authority", "AWS::ACMPCA::CertificateAuthority", "arn", "id")

# --- WAFv2, GuardDuty and other security services ---------------------------------------------
tf("aws_wafv2_web_acl", "AWS::WAFv2::WebACL", "id")
tf("aws_wafv2_ip_set", "AWS::WAFv2::IPSet", "id")
tf("aws_wafv2_rule_group", "AWS::WAFv2::RuleGroup", "id")
tf("aws_wafv2_web_acl_association", "AWS::WAFv2::WebACLAssociation", "resource_arn")
tf(
    "aws_wafv2_web_acl_logging_configuration",
    "AWS::WAFv2::LoggingConfiguration",
    "resource_arn",
    "id",
)
DETECTOR = "AWS::GuardDuty::Detector"
tf("aws_guardduty_detector", DETECTOR, "id", "arn")
_children(
    DETECTOR,
    "detector_id",
    "aws_guardduty_detector_feature",
    "aws_guardduty_ipset",
    "aws_guardduty_threatintelset",
    "aws_guardduty_publishing_destination",
)
tf("aws_guardduty_filter", "AWS::GuardDuty::Filter", "name")
tf("aws_securityhub_account", "AWS::SecurityHub::Hub", "arn")
tf("aws_accessanalyzer_analyzer", "AWS::AccessAnalyzer::Analyzer", "arn")
tf("aws_macie2_account", "AWS::Macie::Session", "id", STATE_ACCOUNT)
tf("aws_inspector2_enabler", "AWS::Inspector2::Enabler", "account_ids", STATE_ACCOUNT)
tf("aws_networkfirewall_firewall", "AWS::NetworkFirewall::Firewall", "arn", "id")
tf("aws_networkfirewall_firewall_policy", "AWS::NetworkFirewall::FirewallPolicy", "arn", "id")
tf("aws_shield_protection", "AWS::Shield::Protection", "arn")

# --- EFS --------------------------------------------------------------------------------------
FILE_SYSTEM = "AWS::EFS::FileSystem"
tf("aws_efs_file_system", FILE_SYSTEM, "id", "arn")
_children(FILE_SYSTEM, "file_system_id", "aws_efs_file_system_policy", "aws_efs_backup_policy")
part_of("aws_efs_replication_configuration", FILE_SYSTEM, "source_file_system_id")
tf("aws_efs_mount_target", "AWS::EFS::MountTarget", "id")
tf("aws_efs_access_point", "AWS::EFS::AccessPoint", "id", "arn")

# --- ElastiCache, OpenSearch / Elasticsearch, Redshift, DAX, MSK -------------------------------
tf("aws_elasticache_cluster", "AWS::ElastiCache::CacheCluster", "cluster_id", "id", "arn")
tf(
    "aws_elasticache_replication_group",
    "AWS::ElastiCache::ReplicationGroup",
    "replication_group_id",
    "id",
    "arn",
)
tf("aws_elasticache_subnet_group", "AWS::ElastiCache::SubnetGroup", "name", "id", "arn")
tf("aws_elasticache_parameter_group", "AWS::ElastiCache::ParameterGroup", "name", "id", "arn")
tf("aws_elasticache_user", "AWS::ElastiCache::User", "user_id", "id", "arn")
OPENSEARCH, ELASTICSEARCH = "AWS::OpenSearchService::Domain", "AWS::Elasticsearch::Domain"
tf("aws_opensearch_domain", OPENSEARCH, "domain_name", "arn")
part_of("aws_opensearch_domain_policy", OPENSEARCH, "domain_name")
tf("aws_elasticsearch_domain", ELASTICSEARCH, "domain_name", "arn")
part_of("aws_elasticsearch_domain_policy", ELASTICSEARCH, "domain_name")
tf("aws_redshift_cluster", "AWS::Redshift::Cluster", "cluster_identifier", "id", "arn")
tf("aws_dax_cluster", "AWS::DAX::Cluster", "cluster_name", "id", "arn")
tf("aws_msk_cluster", "AWS::MSK::Cluster", "arn", "id")

# --- Step Functions, CodeBuild, Kinesis, Firehose ---------------------------------------------
tf("aws_sfn_state_machine", "AWS::StepFunctions::StateMachine", "arn", "id")
tf("aws_sfn_activity", "AWS::StepFunctions::Activity", "arn", "id")
tf("aws_codebuild_project", "AWS::CodeBuild::Project", "name", "arn")
part_of("aws_codebuild_webhook", "AWS::CodeBuild::Project", "project_name")
tf("aws_codepipeline", "AWS::CodePipeline::Pipeline", "name", "id")
tf("aws_codecommit_repository", "AWS::CodeCommit::Repository", "repository_name")
tf("aws_kinesis_stream", "AWS::Kinesis::Stream", "name", "arn")
tf("aws_kinesis_firehose_delivery_stream", "AWS::KinesisFirehose::DeliveryStream", "name", "arn")

# --- Glue, Athena -----------------------------------------------------------------------------
tf("aws_glue_catalog_database", "AWS::Glue::Database", "name")  # `id` is CATALOG:NAME
tf("aws_glue_catalog_table", "AWS::Glue::Table", "name")
tf("aws_glue_connection", "AWS::Glue::Connection", "name")
tf("aws_glue_crawler", "AWS::Glue::Crawler", "name", "id", "arn")
tf("aws_glue_job", "AWS::Glue::Job", "name", "id", "arn")
tf("aws_glue_trigger", "AWS::Glue::Trigger", "name", "id", "arn")
tf(
    "aws_glue_data_catalog_encryption_settings",
    "AWS::Glue::DataCatalogEncryptionSettings",
    "catalog_id",
    STATE_ACCOUNT,
)
tf("aws_glue_resource_policy", "AWS::Glue::ResourcePolicy", STATE_ACCOUNT)
tf("aws_athena_workgroup", "AWS::Athena::WorkGroup", "name", "id", "arn")

# --- Backup -----------------------------------------------------------------------------------
VAULT = "AWS::Backup::BackupVault"
tf("aws_backup_vault", VAULT, "name", "id", "arn")
_children(
    VAULT,
    "backup_vault_name",
    "aws_backup_vault_policy",
    "aws_backup_vault_notifications",
    "aws_backup_vault_lock_configuration",
)
tf("aws_backup_plan", "AWS::Backup::BackupPlan", "id", "arn")
part_of("aws_backup_selection", "AWS::Backup::BackupPlan", "plan_id")

# --- Other services with a canonical type -----------------------------------------------------
tf("aws_cognito_user_pool", "AWS::Cognito::UserPool", "id", "arn")
tf("aws_cognito_identity_pool", "AWS::Cognito::IdentityPool", "id", "arn")
tf("aws_sesv2_email_identity", "AWS::SES::EmailIdentity", "email_identity", "arn")
tf("aws_sesv2_configuration_set", "AWS::SES::ConfigurationSet", "configuration_set_name", "arn")
tf("aws_transfer_server", "AWS::Transfer::Server", "id", "arn")
tf("aws_sagemaker_notebook_instance", "AWS::SageMaker::NotebookInstance", "name", "id", "arn")
tf("aws_batch_compute_environment", "AWS::Batch::ComputeEnvironment", "arn")
tf("aws_batch_job_queue", "AWS::Batch::JobQueue", "arn")
tf("aws_synthetics_canary", "AWS::Synthetics::Canary", "name", "id", "arn")
tf("aws_glacier_vault", "AWS::Glacier::Vault", "name", "id", "arn")
tf("aws_rbin_rule", "AWS::Rbin::Rule", "id", "arn")
