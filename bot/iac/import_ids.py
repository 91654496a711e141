"""IMPORT_IDS: the import id the Terraform AWS provider documents for each Terraform type that
codify may suggest (the primary type of every catalogued resource type), built from what a
finding knows: the resource's physical id (as the catalog normalises it), its account and its
region. A data table; pure.

The formats come from the "Import" section of each type's page in hashicorp/
terraform-provider-aws (`website/docs/r/<type>.html.markdown`); tests/data/
terraform/import_ids.tsv keeps the documented example of every row (import_ids_sources.tsv the
commit each row added with issue 10's catalog was read at), and tests/unit/iac/
test_import_ids.py checks each builder against it, from the physical id the catalog gives.

Not every import id can be built from a finding: a part the physical id does not hold (a
GuardDuty filter's detector, a WAFv2 web ACL's name and scope) is left as a `<placeholder>` for
the person to fill in (`ImportId.exact` is False), and the types the provider cannot import
have None for a builder.
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


def _arn_part(prefix: str, *, last: bool = False, stop: str = "") -> Builder:
    """The name after `prefix` in the resource part of an ARN (`last`: its last `/` segment,
    past a path; `stop`: up to that character, before a generated suffix); an id that is not
    an ARN is taken as it is."""

    def build(t: ImportTarget) -> ImportId:
        arn = Arn.parse(t.resource_id)
        if arn is None or not arn.resource.startswith(prefix):
            return ImportId(t.resource_id)
        rest = arn.resource[len(prefix) :]
        if stop:
            rest = rest.split(stop, 1)[0]
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


def _glue_table(t: ImportTarget) -> ImportId:
    database, slash, table = t.resource_id.partition("/")
    if not slash:
        return ImportId(f"{t.account_id}:<database_name>:{t.resource_id}", exact=False)
    return ImportId(f"{t.account_id}:{database}:{table}")


def _cfn_type(t: ImportTarget) -> ImportId:
    """A registry type's version ARN from its name (`Org::Service::Type`); the version is not
    in the name."""
    if t.resource_id.startswith("arn:"):
        return ImportId(t.resource_id)
    name = t.resource_id.replace("::", "-")
    return ImportId(t.arn("cloudformation", f"type/resource/{name}/<version>"), exact=False)


def _sso_permission_set(t: ImportTarget) -> ImportId:
    """`PERMISSION_SET_ARN,INSTANCE_ARN`: the instance is the ARN's first segment."""
    arn = Arn.parse(t.resource_id)
    parts = arn.resource.split("/") if arn else []
    if arn is None or len(parts) < 3 or parts[0] != "permissionSet":
        return ImportId(f"{t.resource_id},<instance_arn>", exact=False)
    return ImportId(f"{t.resource_id},arn:{arn.partition}:sso:::instance/{parts[1]}")


def _schedule(t: ImportTarget) -> ImportId:
    return ImportId(t.resource_id if "/" in t.resource_id else f"default/{t.resource_id}")


# tf type → builder; None: the provider cannot import the type.
IMPORT_IDS: dict[str, Builder | None] = {
    "aws_accessanalyzer_analyzer": _arn_part("analyzer/"),
    "aws_account_alternate_contact": _same,
    "aws_account_primary_contact": _account,
    "aws_acm_certificate": _same,
    "aws_acmpca_certificate_authority": _same,
    "aws_ami": _same,
    "aws_amplify_app": _same,
    "aws_amplify_webhook": _same,
    "aws_api_gateway_account": _literal("api-gateway-account"),
    "aws_api_gateway_api_key": _same,
    "aws_api_gateway_client_certificate": _same,
    "aws_api_gateway_domain_name": _same,
    "aws_api_gateway_domain_name_access_association": _same,
    "aws_api_gateway_rest_api": _same,
    "aws_api_gateway_usage_plan": _same,
    "aws_api_gateway_vpc_link": _same,
    "aws_apigatewayv2_api": _same,
    "aws_apigatewayv2_vpc_link": _same,
    "aws_appautoscaling_target": _template("<service_namespace>/{id}/<scalable_dimension>"),
    "aws_appconfig_application": _same,
    "aws_appconfig_deployment_strategy": _same,
    "aws_appconfig_extension": _same,
    "aws_appconfig_extension_association": _same,
    "aws_apprunner_auto_scaling_configuration_version": _same,
    "aws_apprunner_connection": _arn_part("connection/", stop="/"),
    "aws_apprunner_observability_configuration": _same,
    "aws_apprunner_service": _same,
    "aws_apprunner_vpc_connector": _same,
    "aws_apprunner_vpc_ingress_connection": _same,
    "aws_appsync_domain_name": _same,
    "aws_appsync_graphql_api": _same,
    "aws_athena_capacity_reservation": _same,
    "aws_athena_data_catalog": _same,
    "aws_athena_named_query": _same,
    "aws_athena_prepared_statement": _same,
    "aws_athena_workgroup": _same,
    "aws_autoscaling_group": _same,
    "aws_backup_framework": _same,
    "aws_backup_global_settings": _account,
    "aws_backup_plan": _same,
    "aws_backup_report_plan": _same,
    "aws_backup_restore_testing_plan": _same,
    "aws_backup_vault": _same,
    "aws_batch_compute_environment": _arn_part("compute-environment/"),
    "aws_batch_job_definition": _to_arn("batch", "job-definition/{id}"),
    "aws_batch_job_queue": _to_arn("batch", "job-queue/{id}"),
    "aws_batch_scheduling_policy": _to_arn("batch", "scheduling-policy/{id}"),
    "aws_bedrock_custom_model": _same,
    "aws_bedrock_guardrail": _template("{id},DRAFT"),
    "aws_bedrock_inference_profile": _arn_part("application-inference-profile/"),
    "aws_bedrock_model_invocation_logging_configuration": _template("{region}"),
    "aws_bedrock_provisioned_model_throughput": _same,
    "aws_bedrockagent_agent": _same,
    "aws_bedrockagent_flow": _same,
    "aws_bedrockagent_knowledge_base": _same,
    "aws_bedrockagent_prompt": _same,
    "aws_budgets_budget": _template("{account}:{id}"),
    "aws_ce_anomaly_monitor": _same,
    "aws_ce_anomaly_subscription": _same,
    "aws_ce_cost_allocation_tag": _template("<tag_key>"),
    "aws_ce_cost_category": _same,
    "aws_cloudformation_stack": _arn_part("stack/", stop="/"),
    "aws_cloudformation_stack_set": _same,
    "aws_cloudformation_type": _cfn_type,
    "aws_cloudfront_cache_policy": _same,
    "aws_cloudfront_continuous_deployment_policy": _same,
    "aws_cloudfront_distribution": _same,
    "aws_cloudfront_field_level_encryption_config": _same,
    "aws_cloudfront_field_level_encryption_profile": _same,
    "aws_cloudfront_function": _same,
    "aws_cloudfront_key_group": _same,
    "aws_cloudfront_key_value_store": _same,
    "aws_cloudfront_origin_access_control": _same,
    "aws_cloudfront_origin_access_identity": _same,
    "aws_cloudfront_origin_request_policy": _same,
    "aws_cloudfront_public_key": _same,
    "aws_cloudfront_realtime_log_config": _same,
    "aws_cloudfront_response_headers_policy": _same,
    "aws_cloudfront_vpc_origin": _same,
    "aws_cloudtrail": _same,
    "aws_cloudtrail_event_data_store": _same,
    "aws_cloudtrail_organization_delegated_admin_account": _account,
    "aws_cloudwatch_composite_alarm": _same,
    "aws_cloudwatch_contributor_insight_rule": _same,
    "aws_cloudwatch_dashboard": _same,
    "aws_cloudwatch_event_api_destination": _same,
    "aws_cloudwatch_event_archive": _same,
    "aws_cloudwatch_event_bus": _same,
    "aws_cloudwatch_event_connection": _same,
    "aws_cloudwatch_event_endpoint": _same,
    "aws_cloudwatch_event_rule": _same,  # `BUS/RULE`, or `RULE` on the default bus
    "aws_cloudwatch_log_account_policy": _template("<policy_name>:<policy_type>"),
    "aws_cloudwatch_log_anomaly_detector": _same,
    "aws_cloudwatch_log_delivery": _same,
    "aws_cloudwatch_log_delivery_destination": _same,
    "aws_cloudwatch_log_delivery_source": _same,
    "aws_cloudwatch_log_destination": _same,
    "aws_cloudwatch_log_group": _same,
    "aws_cloudwatch_log_resource_policy": _same,
    "aws_cloudwatch_metric_alarm": _same,
    "aws_cloudwatch_metric_stream": _same,
    "aws_cloudwatch_query_definition": _template("<query_name>_{id}"),
    "aws_codeartifact_domain": _to_arn("codeartifact", "domain/{id}"),
    "aws_codebuild_fleet": _arn_part("fleet/", stop=":"),
    "aws_codebuild_project": _same,
    "aws_codebuild_report_group": _same,
    "aws_codebuild_source_credential": _same,
    "aws_codecommit_approval_rule_template": _same,
    "aws_codecommit_repository": _same,
    "aws_codedeploy_app": _same,
    "aws_codedeploy_deployment_config": _same,
    "aws_codepipeline": _same,
    "aws_codepipeline_webhook": _to_arn("codepipeline", "webhook:{id}"),
    "aws_codestarconnections_connection": _same,
    "aws_codestarconnections_host": _same,
    "aws_cognito_identity_pool": _same,
    "aws_cognito_user_pool": _same,
    "aws_computeoptimizer_enrollment_status": _account,
    "aws_computeoptimizer_recommendation_preferences": _template("<recommendation_preferences_id>"),
    "aws_config_aggregate_authorization": _same,
    "aws_config_config_rule": _same,
    "aws_config_configuration_aggregator": _same,
    "aws_config_configuration_recorder": _same,
    "aws_config_conformance_pack": _same,
    "aws_config_delivery_channel": _same,
    "aws_config_organization_conformance_pack": _same,
    "aws_config_organization_managed_rule": _same,
    "aws_config_retention_configuration": _same,
    "aws_costoptimizationhub_enrollment_status": _account,
    "aws_costoptimizationhub_preferences": _account,
    "aws_customer_gateway": _same,
    "aws_datasync_agent": _same,
    "aws_datasync_location_s3": _same,
    "aws_datasync_task": _same,
    "aws_dax_cluster": _same,
    "aws_db_cluster_snapshot": _same,
    "aws_db_event_subscription": _same,
    "aws_db_instance": _same,
    "aws_db_option_group": _same,
    "aws_db_parameter_group": _same,
    "aws_db_proxy": _same,
    "aws_db_proxy_endpoint": _template("<db_proxy_name>/{id}"),
    "aws_db_snapshot": _same,
    "aws_db_subnet_group": _same,
    "aws_detective_graph": _same,
    "aws_detective_organization_admin_account": _account,
    "aws_directory_service_directory": _same,
    "aws_directory_service_trust": _template("<directory_id>/<remote_domain_name>"),
    "aws_dlm_lifecycle_policy": _same,
    "aws_dms_certificate": _template("<certificate_id>"),
    "aws_dms_endpoint": _template("<endpoint_id>"),
    "aws_dms_event_subscription": _same,
    "aws_dms_replication_config": _same,
    "aws_dms_replication_instance": _template("<replication_instance_id>"),
    "aws_dms_replication_subnet_group": _same,
    "aws_dms_replication_task": _template("<replication_task_id>"),
    "aws_dx_connection": _same,
    "aws_dx_gateway": _same,
    "aws_dx_lag": _same,
    "aws_dx_private_virtual_interface": _same,
    "aws_dynamodb_global_table": _same,
    "aws_dynamodb_table": _same,
    "aws_ebs_encryption_by_default": _literal("default"),
    "aws_ebs_snapshot": _same,
    "aws_ebs_snapshot_block_public_access": _literal("default"),
    "aws_ebs_volume": _same,
    "aws_ec2_allowed_images_settings": _literal("not-used"),
    "aws_ec2_capacity_reservation": _same,
    "aws_ec2_carrier_gateway": _same,
    "aws_ec2_client_vpn_endpoint": _same,
    "aws_ec2_default_credit_specification": _template("<instance_family>"),
    "aws_ec2_fleet": _same,
    "aws_ec2_host": _same,
    "aws_ec2_image_block_public_access": None,
    "aws_ec2_instance_connect_endpoint": _same,
    "aws_ec2_instance_metadata_defaults": None,
    "aws_ec2_local_gateway_route_table_vpc_association": _same,
    "aws_ec2_managed_prefix_list": _same,
    "aws_ec2_network_insights_analysis": _same,
    "aws_ec2_network_insights_path": _same,
    "aws_ec2_serial_console_access": _literal("default"),
    "aws_ec2_traffic_mirror_filter": _same,
    "aws_ec2_traffic_mirror_filter_rule": _template("<traffic_mirror_filter_id>:{id}"),
    "aws_ec2_traffic_mirror_session": _same,
    "aws_ec2_traffic_mirror_target": _same,
    "aws_ec2_transit_gateway": _same,
    "aws_ec2_transit_gateway_connect_peer": _same,
    "aws_ec2_transit_gateway_multicast_domain": _same,
    "aws_ec2_transit_gateway_policy_table": _same,
    "aws_ec2_transit_gateway_route_table": _same,
    "aws_ec2_transit_gateway_vpc_attachment": _same,
    "aws_ecr_account_setting": _template("<setting_name>"),
    "aws_ecr_pull_through_cache_rule": _same,
    "aws_ecr_registry_policy": _account,
    "aws_ecr_registry_scanning_configuration": _account,
    "aws_ecr_replication_configuration": _account,
    "aws_ecr_repository": _same,
    "aws_ecr_repository_creation_template": _same,
    "aws_ecrpublic_repository": _same,
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
    "aws_eks_addon": _pair(":"),
    "aws_eks_cluster": _same,
    "aws_eks_fargate_profile": _pair(":"),
    "aws_eks_node_group": _pair(":"),
    "aws_eks_pod_identity_association": _eks_arn("podidentityassociation", ",", name_at=2),
    "aws_elastic_beanstalk_application": _same,
    "aws_elastic_beanstalk_environment": _same,
    "aws_elasticache_cluster": _same,
    "aws_elasticache_global_replication_group": _same,
    "aws_elasticache_parameter_group": _same,
    "aws_elasticache_replication_group": _same,
    "aws_elasticache_serverless_cache": _same,
    "aws_elasticache_subnet_group": _same,
    "aws_elasticache_user": _same,
    "aws_elasticache_user_group": _same,
    "aws_elasticsearch_domain": _same,
    "aws_elb": _same,
    "aws_emr_block_public_access_configuration": _literal("current"),
    "aws_emr_cluster": _same,
    "aws_emr_security_configuration": _same,
    "aws_emr_studio": _same,
    "aws_emrserverless_application": _same,
    "aws_flow_log": _same,
    "aws_fms_admin_account": _account,
    "aws_fms_policy": _same,
    "aws_fms_resource_set": _same,
    "aws_fsx_backup": _same,
    "aws_fsx_data_repository_association": _same,
    "aws_fsx_file_cache": _same,
    "aws_fsx_lustre_file_system": _same,
    "aws_fsx_ontap_storage_virtual_machine": _same,
    "aws_fsx_ontap_volume": _same,
    "aws_fsx_openzfs_snapshot": _same,
    "aws_glacier_vault": _same,
    "aws_globalaccelerator_accelerator": _same,
    "aws_globalaccelerator_cross_account_attachment": _same,
    "aws_globalaccelerator_endpoint_group": _same,
    "aws_globalaccelerator_listener": _same,
    "aws_glue_catalog_database": _template("{account}:{id}"),
    "aws_glue_catalog_table": _glue_table,
    "aws_glue_classifier": _same,
    "aws_glue_connection": _template("{account}:{id}"),
    "aws_glue_crawler": _same,
    "aws_glue_data_catalog_encryption_settings": _account,
    "aws_glue_data_quality_ruleset": _same,
    "aws_glue_dev_endpoint": _same,
    "aws_glue_job": _same,
    "aws_glue_ml_transform": _same,
    "aws_glue_registry": _to_arn("glue", "registry/{id}"),
    "aws_glue_resource_policy": _account,
    "aws_glue_schema": _same,
    "aws_glue_security_configuration": _same,
    "aws_glue_trigger": _same,
    "aws_glue_user_defined_function": _template("{account}:<database_name>:{id}"),
    "aws_glue_workflow": _same,
    "aws_grafana_workspace": _same,
    "aws_guardduty_detector": _same,
    "aws_guardduty_filter": _template("<detector_id>:{id}"),
    "aws_guardduty_malware_protection_plan": _same,
    "aws_guardduty_organization_admin_account": _same,
    "aws_iam_access_key": _same,
    "aws_iam_account_alias": _template("<account_alias>"),
    "aws_iam_account_password_policy": _literal("iam-account-password-policy"),
    "aws_iam_group": _same,
    "aws_iam_instance_profile": _same,
    "aws_iam_openid_connect_provider": _same,
    "aws_iam_organizations_features": _template("<organization_id>"),
    "aws_iam_policy": _same,
    "aws_iam_role": _same,
    "aws_iam_saml_provider": _same,
    "aws_iam_security_token_service_preferences": None,
    "aws_iam_server_certificate": _arn_part("server-certificate/", last=True),
    "aws_iam_service_linked_role": _template(
        "arn:{partition}:iam::{account}:role/aws-service-role/<service_name>/{id}"
    ),
    "aws_iam_user": _same,
    "aws_iam_virtual_mfa_device": _same,
    "aws_identitystore_group": _template("<identity_store_id>/{id}"),
    "aws_identitystore_group_membership": _template("<identity_store_id>/{id}"),
    "aws_identitystore_user": _template("<identity_store_id>/{id}"),
    "aws_imagebuilder_component": _same,
    "aws_imagebuilder_container_recipe": _same,
    "aws_imagebuilder_distribution_configuration": _same,
    "aws_imagebuilder_image_pipeline": _same,
    "aws_imagebuilder_image_recipe": _same,
    "aws_imagebuilder_infrastructure_configuration": _same,
    "aws_imagebuilder_lifecycle_policy": _same,
    "aws_imagebuilder_workflow": _same,
    "aws_inspector2_delegated_admin_account": _account,
    "aws_inspector2_enabler": _template("{account}-<resource_types>"),
    "aws_inspector2_filter": _template("<filter_id>"),
    "aws_inspector2_member_association": _same,
    "aws_inspector2_organization_configuration": None,
    "aws_instance": _same,
    "aws_internet_gateway": _same,
    "aws_key_pair": _same,
    "aws_keyspaces_keyspace": _same,
    "aws_keyspaces_table": _same,
    "aws_kinesis_firehose_delivery_stream": _to_arn("firehose", "deliverystream/{id}"),
    "aws_kinesis_stream": _same,
    "aws_kinesis_stream_consumer": _same,
    "aws_kinesisanalyticsv2_application": _to_arn("kinesisanalytics", "application/{id}"),
    "aws_kms_alias": _same,
    "aws_kms_key": _same,
    "aws_kms_replica_key": _same,
    "aws_lakeformation_data_cells_filter": _template(
        "<database_name>,{id},<table_catalog_id>,<table_name>"
    ),
    "aws_lakeformation_data_lake_settings": None,
    "aws_lakeformation_lf_tag": _template("{account}:{id}"),
    "aws_lakeformation_permissions": None,
    "aws_lakeformation_resource": None,
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
    "aws_memorydb_acl": _same,
    "aws_memorydb_cluster": _same,
    "aws_memorydb_multi_region_cluster": _same,
    "aws_memorydb_parameter_group": _same,
    "aws_memorydb_snapshot": _same,
    "aws_memorydb_subnet_group": _same,
    "aws_memorydb_user": _same,
    "aws_mq_broker": _same,
    "aws_mq_configuration": _same,
    "aws_msk_cluster": _same,
    "aws_msk_configuration": _same,
    "aws_msk_replicator": _same,
    "aws_msk_vpc_connection": _same,
    "aws_mwaa_environment": _same,
    "aws_nat_gateway": _same,
    "aws_network_acl": _same,
    "aws_network_interface": _same,
    "aws_network_interface_permission": _same,
    "aws_networkfirewall_firewall": _to_arn("network-firewall", "firewall/{id}"),
    "aws_networkfirewall_firewall_policy": _to_arn("network-firewall", "firewall-policy/{id}"),
    "aws_networkfirewall_rule_group": _to_arn("network-firewall", "stateful-rulegroup/{id}"),
    "aws_networkfirewall_tls_inspection_configuration": _to_arn(
        "network-firewall", "tls-configuration/{id}"
    ),
    "aws_opensearch_domain": _same,
    "aws_opensearch_outbound_connection": _same,
    "aws_opensearch_package": _same,
    "aws_opensearch_vpc_endpoint": _same,
    "aws_opensearchserverless_access_policy": _template("{id}/data"),
    "aws_opensearchserverless_collection": _same,
    "aws_opensearchserverless_lifecycle_policy": _template("{id}/retention"),
    "aws_opensearchserverless_security_config": _same,
    "aws_opensearchserverless_security_policy": _template("{id}/<type>"),
    "aws_opensearchserverless_vpc_endpoint": _same,
    "aws_organizations_account": _same,
    "aws_organizations_organization": _same,
    "aws_organizations_organizational_unit": _same,
    "aws_organizations_policy": _same,
    "aws_pipes_pipe": _same,
    "aws_placement_group": _same,
    "aws_prometheus_scraper": _same,
    "aws_prometheus_workspace": _same,
    "aws_ram_resource_share": _same,
    "aws_ram_sharing_with_organization": _account,
    "aws_rbin_rule": _same,
    "aws_rds_certificate": _template("{region}"),
    "aws_rds_cluster": _same,
    "aws_rds_cluster_endpoint": _same,
    "aws_rds_cluster_parameter_group": _same,
    "aws_rds_custom_db_engine_version": _same,
    "aws_rds_global_cluster": _same,
    "aws_rds_integration": _same,
    "aws_rds_shard_group": _same,
    "aws_redshift_authentication_profile": _same,
    "aws_redshift_cluster": _same,
    "aws_redshift_cluster_snapshot": _same,
    "aws_redshift_endpoint_access": _same,
    "aws_redshift_event_subscription": _same,
    "aws_redshift_hsm_client_certificate": _same,
    "aws_redshift_hsm_configuration": _same,
    "aws_redshift_idc_application": _same,
    "aws_redshift_integration": _same,
    "aws_redshift_parameter_group": _same,
    "aws_redshift_scheduled_action": _same,
    "aws_redshift_snapshot_copy_grant": _same,
    "aws_redshift_snapshot_schedule": _same,
    "aws_redshift_subnet_group": _same,
    "aws_redshift_usage_limit": _same,
    "aws_redshiftserverless_endpoint_access": _same,
    "aws_redshiftserverless_namespace": _same,
    "aws_redshiftserverless_snapshot": _same,
    "aws_redshiftserverless_usage_limit": _same,
    "aws_redshiftserverless_workgroup": _same,
    "aws_resourcegroups_group": _same,
    "aws_route53_cidr_collection": _same,
    "aws_route53_delegation_set": _same,
    "aws_route53_health_check": _same,
    "aws_route53_resolver_config": _same,
    "aws_route53_resolver_dnssec_config": _same,
    "aws_route53_resolver_endpoint": _same,
    "aws_route53_resolver_firewall_config": _same,
    "aws_route53_resolver_firewall_domain_list": _same,
    "aws_route53_resolver_firewall_rule_group": _same,
    "aws_route53_resolver_firewall_rule_group_association": _same,
    "aws_route53_resolver_query_log_config": _same,
    "aws_route53_resolver_rule": _same,
    "aws_route53_traffic_policy": _template("{id}/<version>"),
    "aws_route53_traffic_policy_instance": _same,
    "aws_route53_zone": _same,
    "aws_route53domains_registered_domain": _same,
    "aws_route_table": _same,
    "aws_s3_access_point": _template("{account}:{id}"),
    "aws_s3_account_public_access_block": _account,
    "aws_s3_bucket": _same,
    "aws_s3control_access_grant": _template("{account},{id}"),
    "aws_s3control_access_grants_instance": _account,
    "aws_s3control_access_grants_location": _template("{account},{id}"),
    "aws_s3control_object_lambda_access_point": _template("{account}:{id}"),
    "aws_s3control_storage_lens_configuration": _template("{account}:{id}"),
    "aws_sagemaker_app_image_config": _same,
    "aws_sagemaker_code_repository": _same,
    "aws_sagemaker_data_quality_job_definition": _same,
    "aws_sagemaker_device_fleet": _same,
    "aws_sagemaker_domain": _same,
    "aws_sagemaker_endpoint": _same,
    "aws_sagemaker_endpoint_configuration": _same,
    "aws_sagemaker_feature_group": _same,
    "aws_sagemaker_flow_definition": _same,
    "aws_sagemaker_human_task_ui": _same,
    "aws_sagemaker_image": _same,
    "aws_sagemaker_mlflow_tracking_server": _same,
    "aws_sagemaker_model": _same,
    "aws_sagemaker_model_package_group": _same,
    "aws_sagemaker_monitoring_schedule": _same,
    "aws_sagemaker_notebook_instance": _same,
    "aws_sagemaker_notebook_instance_lifecycle_configuration": _same,
    "aws_sagemaker_pipeline": _same,
    "aws_sagemaker_project": _same,
    "aws_sagemaker_studio_lifecycle_config": _same,
    "aws_sagemaker_workforce": _same,
    "aws_sagemaker_workteam": _same,
    "aws_scheduler_schedule": _schedule,
    "aws_schemas_discoverer": _same,
    "aws_schemas_registry": _same,
    "aws_secretsmanager_secret": _same,
    "aws_security_group": _same,
    "aws_securityhub_account": _account,
    "aws_securityhub_action_target": _same,
    "aws_securityhub_automation_rule": _same,
    "aws_securityhub_configuration_policy": _arn_part("configuration-policy/"),
    "aws_securityhub_finding_aggregator": _same,
    "aws_securityhub_member": _same,
    "aws_securityhub_organization_admin_account": _same,
    "aws_securityhub_organization_configuration": _account,
    "aws_securityhub_product_subscription": _template("<product_arn>,{id}"),
    "aws_securityhub_standards_subscription": _same,
    "aws_service_discovery_http_namespace": _same,
    "aws_service_discovery_service": _same,
    "aws_servicecatalog_constraint": _same,
    "aws_servicecatalog_organizations_access": None,
    "aws_servicecatalog_portfolio": _same,
    "aws_servicecatalog_product": _same,
    "aws_servicecatalog_provisioned_product": _same,
    "aws_servicecatalog_service_action": _same,
    "aws_servicecatalog_tag_option": _same,
    "aws_servicequotas_service_quota": _same,
    "aws_servicequotas_template_association": _account,
    "aws_ses_receipt_filter": _same,
    "aws_ses_receipt_rule_set": _same,
    "aws_ses_template": _same,
    "aws_sesv2_account_suppression_attributes": _account,
    "aws_sesv2_configuration_set": _same,
    "aws_sesv2_contact_list": _same,
    "aws_sesv2_dedicated_ip_pool": _same,
    "aws_sesv2_email_identity": _same,
    "aws_sfn_activity": _same,
    "aws_sfn_state_machine": _same,
    "aws_shield_protection": _arn_part("protection/"),
    "aws_sns_platform_application": _same,
    "aws_sns_sms_preferences": None,
    "aws_sns_topic": _same,
    "aws_sns_topic_subscription": _same,
    "aws_spot_datafeed_subscription": _literal("spot-datafeed-subscription"),
    "aws_spot_fleet_request": _same,
    "aws_spot_instance_request": None,
    "aws_sqs_queue": _same,
    "aws_ssm_activation": _same,
    "aws_ssm_association": _same,
    "aws_ssm_document": _same,
    "aws_ssm_maintenance_window": _same,
    "aws_ssm_parameter": _same,
    "aws_ssm_patch_baseline": _same,
    "aws_ssm_resource_data_sync": _same,
    "aws_ssm_service_setting": _to_arn("ssm", "servicesetting{id}"),
    "aws_ssoadmin_application": _same,
    "aws_ssoadmin_permission_set": _sso_permission_set,
    "aws_ssoadmin_trusted_token_issuer": _same,
    "aws_subnet": _same,
    "aws_synthetics_canary": _same,
    "aws_transfer_certificate": _same,
    "aws_transfer_connector": _same,
    "aws_transfer_profile": _same,
    "aws_transfer_server": _same,
    "aws_transfer_web_app": _same,
    "aws_transfer_workflow": _same,
    "aws_verifiedaccess_endpoint": _same,
    "aws_verifiedaccess_group": _same,
    "aws_verifiedaccess_instance": _same,
    "aws_verifiedaccess_trust_provider": _same,
    "aws_vpc": _same,
    "aws_vpc_block_public_access_exclusion": _same,
    "aws_vpc_block_public_access_options": _template("{region}"),
    "aws_vpc_dhcp_options": _same,
    "aws_vpc_endpoint": _same,
    "aws_vpc_endpoint_connection_notification": _same,
    "aws_vpc_endpoint_service": _same,
    "aws_vpc_ipam": _same,
    "aws_vpc_ipam_organization_admin_account": _account,
    "aws_vpc_ipam_pool": _same,
    "aws_vpc_ipam_resource_discovery": _same,
    "aws_vpc_ipam_resource_discovery_association": _same,
    "aws_vpc_ipam_scope": _same,
    "aws_vpc_peering_connection": _same,
    "aws_vpc_route_server": _same,
    "aws_vpc_route_server_endpoint": _same,
    "aws_vpc_route_server_peer": _same,
    "aws_vpn_connection": _same,
    "aws_vpn_gateway": _same,
    "aws_waf_byte_match_set": _same,
    "aws_waf_geo_match_set": _same,
    "aws_waf_ipset": _same,
    "aws_waf_rate_based_rule": _same,
    "aws_waf_regex_match_set": _same,
    "aws_waf_regex_pattern_set": _same,
    "aws_waf_rule": _same,
    "aws_waf_rule_group": _same,
    "aws_waf_size_constraint_set": _same,
    "aws_waf_sql_injection_match_set": _same,
    "aws_waf_web_acl": _same,
    "aws_waf_xss_match_set": _same,
    "aws_wafregional_byte_match_set": _same,
    "aws_wafregional_geo_match_set": _same,
    "aws_wafregional_ipset": _same,
    "aws_wafregional_rate_based_rule": _same,
    "aws_wafregional_regex_match_set": _same,
    "aws_wafregional_regex_pattern_set": _same,
    "aws_wafregional_rule": _same,
    "aws_wafregional_rule_group": _same,
    "aws_wafregional_size_constraint_set": _same,
    "aws_wafregional_sql_injection_match_set": _same,
    "aws_wafregional_web_acl": _same,
    "aws_wafregional_web_acl_association": _template("<web_acl_id>:{id}"),
    "aws_wafregional_xss_match_set": _same,
    "aws_wafv2_ip_set": _template("{id}/<name>/<scope>"),
    "aws_wafv2_regex_pattern_set": _same,
    "aws_wafv2_rule_group": _template("{id}/<name>/<scope>"),
    "aws_wafv2_web_acl": _template("{id}/<name>/<scope>"),
    "aws_wafv2_web_acl_association": _template("<web_acl_arn>,{id}"),
    "aws_wafv2_web_acl_logging_configuration": _same,
    "aws_xray_encryption_config": _template("{region}"),
    "aws_xray_group": _template("arn:{partition}:xray:{region}:{account}:group/{id}/<group_id>"),
    "aws_xray_resource_policy": _same,
    "aws_xray_sampling_rule": _same,
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
    "aws_eks_access_entry": "{cluster_name}:{principal_arn}",
    "aws_eks_identity_provider_config": "{cluster_name}:{identity_provider_config_name}",
    "aws_route": "{route_table_id}_{destination}",
    "aws_s3_bucket_policy": "{bucket}",
    "aws_s3_bucket_public_access_block": "{bucket}",
}


def child_import_id(tf_type: str, **parts: str) -> str:
    """The import id of a child resource from its parts (`aws_iam_role_policy_attachment`:
    role, policy_arn). KeyError for a type or a part the table does not have."""
    return CHILD_IMPORT_IDS[tf_type].format(**parts)
