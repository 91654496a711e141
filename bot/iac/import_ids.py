"""IMPORT_IDS: the import id the Terraform AWS provider documents for each Terraform type that
codify may suggest (the primary type of every catalogued resource type), built from what a
finding knows: the resource's physical id (as the catalog normalises it), its account and its
region. A data table; pure.

The formats come from the "Import" section of each type's page in hashicorp/
terraform-provider-aws (`website/docs/r/<type>.html.markdown`); tests/data/
terraform_import_ids.tsv keeps the documented example of every row and
tests/unit/iac/test_import_ids.py checks each builder against it.

Not every import id can be built from a finding: a part the physical id does not hold (a
GuardDuty filter's detector, a WAFv2 web ACL's name and scope) is left as a `<placeholder>` for
the person to fill in (`ImportId.exact` is False), and two types cannot be imported at all
(their builder is None).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.catalog.arns import Arn


@dataclass(frozen=True)
class ImportTarget:
    """What an import id is built from."""

    resource_id: str
    account_id: str
    region: str

    @property
    def partition(self) -> str:
        if self.region.startswith("cn-"):
            return "aws-cn"
        if self.region.startswith("us-gov-"):
            return "aws-us-gov"
        return "aws"

    def arn(self, service: str, resource: str, *, regional: bool = True) -> str:
        region = self.region if regional else ""
        return f"arn:{self.partition}:{service}:{region}:{self.account_id}:{resource}"


@dataclass(frozen=True)
class ImportId:
    """An import id; `exact` False when it holds `<placeholders>` to fill in by hand."""

    value: str
    exact: bool = True

    @property
    def placeholders(self) -> list[str]:
        """The `<name>` parts left to fill in."""
        out, rest = [], self.value
        while "<" in rest and ">" in rest.split("<", 1)[1]:
            name, rest = rest.split("<", 1)[1].split(">", 1)
            out.append(f"<{name}>")
        return out


Builder = Callable[[ImportTarget], ImportId]


def _same(t: ImportTarget) -> ImportId:
    return ImportId(t.resource_id)


def _account(t: ImportTarget) -> ImportId:
    return ImportId(t.account_id)


def _literal(value: str) -> Builder:
    def build(t: ImportTarget) -> ImportId:
        return ImportId(value)

    return build


def _template(fmt: str) -> Builder:
    """A format with `{id}`, `{account}`, `{region}`, `{partition}` and `<placeholders>`."""

    def build(t: ImportTarget) -> ImportId:
        value = fmt.format(
            id=t.resource_id, account=t.account_id, region=t.region, partition=t.partition
        )
        return ImportId(value, exact="<" not in fmt)

    return build


def _arn_part(prefix: str, *, last: bool = False) -> Builder:
    """The name after `prefix` in the resource part of an ARN (`last`: its last `/` segment,
    past a path); an id that is not an ARN is taken as it is."""

    def build(t: ImportTarget) -> ImportId:
        arn = Arn.parse(t.resource_id)
        if arn is None or not arn.resource.startswith(prefix):
            return ImportId(t.resource_id)
        rest = arn.resource[len(prefix) :]
        return ImportId(rest.rsplit("/", 1)[-1] if last else rest)

    return build


def _to_arn(service: str, resource: str, *, regional: bool = True) -> Builder:
    """An ARN built around the physical id (a name); an ARN already is one."""

    def build(t: ImportTarget) -> ImportId:
        if t.resource_id.startswith("arn:"):
            return ImportId(t.resource_id)
        return ImportId(t.arn(service, resource.format(id=t.resource_id), regional=regional))

    return build


def _pair(sep: str) -> Builder:
    """`CLUSTER/NAME` (EKS node groups, add-ons, Fargate profiles) as `CLUSTER{sep}NAME`."""

    def build(t: ImportTarget) -> ImportId:
        cluster, slash, name = t.resource_id.partition("/")
        if not slash:
            return ImportId(f"<cluster_name>{sep}{t.resource_id}", exact=False)
        return ImportId(f"{cluster}{sep}{name}")

    return build


def _eks_arn(kind: str, sep: str, *, name_at: int) -> Builder:
    """An EKS ARN `KIND/CLUSTER/…` as `CLUSTER{sep}PART`, PART the `name_at`-th segment."""

    def build(t: ImportTarget) -> ImportId:
        arn = Arn.parse(t.resource_id)
        parts = arn.resource.split("/") if arn else []
        if len(parts) <= name_at or parts[0] != kind:
            return ImportId(f"<cluster_name>{sep}<name>", exact=False)
        return ImportId(f"{parts[1]}{sep}{parts[name_at]}")

    return build


def _ecs_service(t: ImportTarget) -> ImportId:
    """`service/CLUSTER/NAME` → `CLUSTER/NAME`; an old-style ARN lacks the cluster."""
    arn = Arn.parse(t.resource_id)
    rest = arn.resource.removeprefix("service/") if arn else t.resource_id
    if "/" in rest:
        return ImportId(rest)
    return ImportId(f"<cluster_name>/{rest}", exact=False)


def _eks_access_entry(t: ImportTarget) -> ImportId:
    arn = Arn.parse(t.resource_id)
    parts = arn.resource.split("/") if arn else []
    cluster = parts[1] if len(parts) > 1 and parts[0] == "access-entry" else "<cluster_name>"
    return ImportId(f"{cluster}:<principal_arn>", exact=False)


def _glue_table(t: ImportTarget) -> ImportId:
    database, slash, table = t.resource_id.partition("/")
    if not slash:
        return ImportId(f"{t.account_id}:<database_name>:{t.resource_id}", exact=False)
    return ImportId(f"{t.account_id}:{database}:{table}")


def _schedule(t: ImportTarget) -> ImportId:
    return ImportId(t.resource_id if "/" in t.resource_id else f"default/{t.resource_id}")


# tf type → builder; None: the provider cannot import the type.
IMPORT_IDS: dict[str, Builder | None] = {
    "aws_accessanalyzer_analyzer": _arn_part("analyzer/"),
    "aws_acm_certificate": _same,
    "aws_acmpca_certificate_authority": _same,
    "aws_ami": _same,
    "aws_api_gateway_account": _literal("api-gateway-account"),
    "aws_api_gateway_api_key": _same,
    "aws_api_gateway_client_certificate": _same,
    "aws_api_gateway_domain_name": _same,
    "aws_api_gateway_rest_api": _same,
    "aws_api_gateway_usage_plan": _same,
    "aws_api_gateway_vpc_link": _same,
    "aws_apigatewayv2_api": _same,
    "aws_apigatewayv2_domain_name": _same,
    "aws_apigatewayv2_vpc_link": _same,
    "aws_athena_workgroup": _same,
    "aws_autoscaling_group": _same,
    "aws_backup_plan": _same,
    "aws_backup_vault": _same,
    "aws_batch_compute_environment": _arn_part("compute-environment/"),
    "aws_batch_job_queue": _same,
    "aws_cloudfront_cache_policy": _same,
    "aws_cloudfront_distribution": _same,
    "aws_cloudfront_function": _same,
    "aws_cloudfront_key_group": _same,
    "aws_cloudfront_origin_access_control": _same,
    "aws_cloudfront_origin_access_identity": _same,
    "aws_cloudfront_origin_request_policy": _same,
    "aws_cloudfront_public_key": _same,
    "aws_cloudfront_response_headers_policy": _same,
    "aws_cloudtrail": _same,
    "aws_cloudtrail_event_data_store": _same,
    "aws_cloudwatch_composite_alarm": _same,
    "aws_cloudwatch_dashboard": _same,
    "aws_cloudwatch_event_api_destination": _same,
    "aws_cloudwatch_event_archive": _same,
    "aws_cloudwatch_event_bus": _same,
    "aws_cloudwatch_event_connection": _same,
    "aws_cloudwatch_event_rule": _same,  # `BUS/RULE`, or `RULE` on the default bus
    "aws_cloudwatch_log_account_policy": _template("<policy_name>:<policy_type>"),
    "aws_cloudwatch_log_destination": _same,
    "aws_cloudwatch_log_group": _same,
    "aws_cloudwatch_log_resource_policy": _same,
    "aws_cloudwatch_metric_alarm": _same,
    "aws_cloudwatch_metric_stream": _same,
    "aws_cloudwatch_query_definition": _template("<query_name>_{id}"),
    "aws_codebuild_project": _same,
    "aws_codecommit_repository": _same,
    "aws_codepipeline": _same,
    "aws_cognito_identity_pool": _same,
    "aws_cognito_user_pool": _same,
    "aws_config_config_rule": _same,
    "aws_config_configuration_aggregator": _same,
    "aws_config_configuration_recorder": _same,
    "aws_config_conformance_pack": _same,
    "aws_config_delivery_channel": _same,
    "aws_customer_gateway": _same,
    "aws_dax_cluster": _same,
    "aws_db_cluster_snapshot": _same,
    "aws_db_event_subscription": _same,
    "aws_db_instance": _same,
    "aws_db_option_group": _same,
    "aws_db_parameter_group": _same,
    "aws_db_proxy": _same,
    "aws_db_snapshot": _same,
    "aws_db_subnet_group": _same,
    "aws_dynamodb_global_table": _same,
    "aws_dynamodb_table": _same,
    "aws_ebs_encryption_by_default": _literal("default"),
    "aws_ebs_snapshot": _same,
    "aws_ebs_snapshot_block_public_access": _literal("default"),
    "aws_ebs_volume": _same,
    "aws_ec2_capacity_reservation": _same,
    "aws_ec2_carrier_gateway": _same,
    "aws_ec2_client_vpn_endpoint": _same,
    "aws_ec2_fleet": _same,
    "aws_ec2_host": _same,
    "aws_ec2_image_block_public_access": None,
    "aws_ec2_instance_metadata_defaults": None,
    "aws_ec2_managed_prefix_list": _same,
    "aws_ec2_serial_console_access": _literal("default"),
    "aws_ec2_traffic_mirror_filter": _same,
    "aws_ec2_traffic_mirror_filter_rule": _template("<traffic_mirror_filter_id>:{id}"),
    "aws_ec2_traffic_mirror_session": _same,
    "aws_ec2_traffic_mirror_target": _same,
    "aws_ec2_transit_gateway": _same,
    "aws_ec2_transit_gateway_route_table": _same,
    "aws_ec2_transit_gateway_vpc_attachment": _same,
    "aws_ecr_registry_policy": _account,
    "aws_ecr_replication_configuration": _account,
    "aws_ecr_repository": _same,
    "aws_ecs_account_setting_default": _template("<setting_name>"),
    "aws_ecs_capacity_provider": _to_arn("ecs", "capacity-provider/{id}"),
    "aws_ecs_cluster": _same,
    "aws_ecs_service": _ecs_service,
    "aws_ecs_task_definition": _same,
    "aws_efs_access_point": _same,
    "aws_efs_file_system": _same,
    "aws_efs_mount_target": _same,
    "aws_egress_only_internet_gateway": _same,
    "aws_eip": _same,
    "aws_eks_access_entry": _eks_access_entry,
    "aws_eks_addon": _pair(":"),
    "aws_eks_cluster": _same,
    "aws_eks_fargate_profile": _pair(":"),
    "aws_eks_identity_provider_config": _eks_arn("identityproviderconfig", ":", name_at=3),
    "aws_eks_node_group": _pair(":"),
    "aws_eks_pod_identity_association": _eks_arn("podidentityassociation", ",", name_at=2),
    "aws_elasticache_cluster": _same,
    "aws_elasticache_parameter_group": _same,
    "aws_elasticache_replication_group": _same,
    "aws_elasticache_subnet_group": _same,
    "aws_elasticache_user": _same,
    "aws_elasticsearch_domain": _same,
    "aws_elb": _same,
    "aws_flow_log": _same,
    "aws_glacier_vault": _same,
    "aws_glue_catalog_database": _template("{account}:{id}"),
    "aws_glue_catalog_table": _glue_table,
    "aws_glue_connection": _template("{account}:{id}"),
    "aws_glue_crawler": _same,
    "aws_glue_data_catalog_encryption_settings": _account,
    "aws_glue_job": _same,
    "aws_glue_resource_policy": _account,
    "aws_glue_trigger": _same,
    "aws_guardduty_detector": _same,
    "aws_guardduty_filter": _template("<detector_id>:{id}"),
    "aws_iam_access_key": _same,
    "aws_iam_account_alias": _template("<account_alias>"),
    "aws_iam_account_password_policy": _literal("iam-account-password-policy"),
    "aws_iam_group": _same,
    "aws_iam_instance_profile": _same,
    "aws_iam_openid_connect_provider": _same,
    "aws_iam_policy": _same,
    "aws_iam_role": _same,
    "aws_iam_saml_provider": _same,
    "aws_iam_server_certificate": _arn_part("server-certificate/", last=True),
    "aws_iam_service_linked_role": _template(
        "arn:{partition}:iam::{account}:role/aws-service-role/<service_name>/{id}"
    ),
    "aws_iam_user": _same,
    "aws_iam_virtual_mfa_device": _same,
    "aws_inspector2_enabler": _template("{account}-<resource_types>"),
    "aws_instance": _same,
    "aws_internet_gateway": _same,
    "aws_key_pair": _same,
    "aws_kinesis_firehose_delivery_stream": _to_arn("firehose", "deliverystream/{id}"),
    "aws_kinesis_stream": _same,
    "aws_kms_alias": _same,
    "aws_kms_key": _same,
    "aws_kms_replica_key": _same,
    "aws_lambda_code_signing_config": _same,
    "aws_lambda_event_source_mapping": _same,
    "aws_lambda_function": _same,
    "aws_lambda_layer_version": _same,
    "aws_launch_configuration": _same,
    "aws_launch_template": _same,
    "aws_lb": _same,
    "aws_lb_listener": _same,
    "aws_lb_listener_rule": _same,
    "aws_lb_target_group": _same,
    "aws_lb_trust_store": _same,
    "aws_macie2_account": _account,
    "aws_msk_cluster": _same,
    "aws_nat_gateway": _same,
    "aws_network_acl": _same,
    "aws_network_interface": _same,
    "aws_networkfirewall_firewall": _same,
    "aws_networkfirewall_firewall_policy": _same,
    "aws_opensearch_domain": _same,
    "aws_placement_group": _same,
    "aws_rbin_rule": _same,
    "aws_rds_cluster": _same,
    "aws_rds_cluster_parameter_group": _same,
    "aws_rds_global_cluster": _same,
    "aws_redshift_cluster": _same,
    "aws_route53_cidr_collection": _same,
    "aws_route53_health_check": _same,
    "aws_route53_resolver_endpoint": _same,
    "aws_route53_resolver_firewall_rule_group": _same,
    "aws_route53_resolver_query_log_config": _same,
    "aws_route53_resolver_rule": _same,
    "aws_route53_zone": _same,
    "aws_route53domains_registered_domain": _same,
    "aws_route_table": _same,
    "aws_s3_access_point": _template("{account}:{id}"),
    "aws_s3_account_public_access_block": _account,
    "aws_s3_bucket": _same,
    "aws_s3control_storage_lens_configuration": _template("{account}:{id}"),
    "aws_sagemaker_notebook_instance": _same,
    "aws_scheduler_schedule": _schedule,
    "aws_secretsmanager_secret": _same,
    "aws_security_group": _same,
    "aws_securityhub_account": _account,
    "aws_sesv2_configuration_set": _same,
    "aws_sesv2_email_identity": _same,
    "aws_sfn_activity": _same,
    "aws_sfn_state_machine": _same,
    "aws_shield_protection": _arn_part("protection/"),
    "aws_sns_platform_application": _same,
    "aws_sns_topic": _same,
    "aws_sns_topic_subscription": _same,
    "aws_spot_fleet_request": _same,
    "aws_sqs_queue": _same,
    "aws_ssm_association": _same,
    "aws_ssm_document": _same,
    "aws_ssm_maintenance_window": _same,
    "aws_ssm_parameter": _same,
    "aws_ssm_patch_baseline": _same,
    "aws_ssm_service_setting": _to_arn("ssm", "servicesetting{id}"),
    "aws_subnet": _same,
    "aws_synthetics_canary": _same,
    "aws_transfer_server": _same,
    "aws_vpc": _same,
    "aws_vpc_dhcp_options": _same,
    "aws_vpc_endpoint": _same,
    "aws_vpc_endpoint_service": _same,
    "aws_vpc_ipam": _same,
    "aws_vpc_peering_connection": _same,
    "aws_vpn_connection": _same,
    "aws_vpn_gateway": _same,
    "aws_wafv2_ip_set": _template("{id}/<name>/<scope>"),
    "aws_wafv2_rule_group": _template("{id}/<name>/<scope>"),
    "aws_wafv2_web_acl": _template("{id}/<name>/<scope>"),
    "aws_wafv2_web_acl_association": _template("<web_acl_arn>,{id}"),
    "aws_wafv2_web_acl_logging_configuration": _same,
}

# Composite import ids of child types (a rule, an attachment, an association), from their
# parts; the provider's documented formats (INTEGRATIONS.md §10).
CHILD_IMPORT_IDS: dict[str, str] = {
    "aws_security_group_rule": (
        "{security_group_id}_{type}_{protocol}_{from_port}_{to_port}_{source}"
    ),
    "aws_vpc_security_group_ingress_rule": "{security_group_rule_id}",
    "aws_vpc_security_group_egress_rule": "{security_group_rule_id}",
    "aws_iam_role_policy": "{role}:{name}",
    "aws_iam_role_policy_attachment": "{role}/{policy_arn}",
    "aws_iam_user_policy_attachment": "{user}/{policy_arn}",
    "aws_iam_group_policy_attachment": "{group}/{policy_arn}",
    "aws_route_table_association": "{subnet_or_gateway_id}/{route_table_id}",
    "aws_route": "{route_table_id}_{destination}",
    "aws_s3_bucket_policy": "{bucket}",
    "aws_s3_bucket_public_access_block": "{bucket}",
}


def child_import_id(tf_type: str, **parts: str) -> str:
    """The import id of a child resource from its parts (`aws_iam_role_policy_attachment`:
    role, policy_arn). KeyError for a type or a part the table does not have."""
    return CHILD_IMPORT_IDS[tf_type].format(**parts)
