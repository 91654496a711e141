"""Terraform AWS provider arguments that pair with a Cloud Control property, per type: the
whitelist of what the generic comparison reads from a state (`mapping.py`). Data.

Generated from the argument lists of the `aws` provider (hashicorp/terraform-provider-aws,
MPL-2.0) as published in @cdktf/provider-aws 21.22.1 (provider 6.x), kept where the generic rule
or an override (`overrides.py`) pairs the argument with an updatable property of the type's
CloudFormation schema (cfn-lint 1.58.0's bundle, us-east-1): the type driftbot's catalog gives
it, else the type named like it (`aws_sqs_queue` ↔ `AWS::SQS::Queue`). Kinds had to agree
(a list with an array, a block with an object…). `tags`/`tags_all` mean the tag property.
"""

from __future__ import annotations

TF_ARGUMENTS: dict[str, str] = {
    "aws_accessanalyzer_analyzer": "configuration tags tags_all",
    "aws_accessanalyzer_archive_rule": "filter",
    "aws_acm_certificate": "tags tags_all",
    "aws_acmpca_certificate_authority": "tags tags_all",
    "aws_alb": (
        "enforce_security_group_inbound_rules_on_private_link_traffic ip_address_type "
        "minimum_load_balancer_capacity security_groups subnets tags tags_all"
    ),
    "aws_alb_listener": "mutual_authentication port protocol ssl_policy tags tags_all",
    "aws_alb_listener_rule": "priority tags tags_all",
    "aws_alb_target_group": "tags tags_all target_control_port",
    "aws_amplify_app": (
        "build_spec cache_config compute_role_arn custom_headers description "
        "enable_branch_auto_deletion job_config name platform repository tags tags_all"
    ),
    "aws_amplify_branch": (
        "description enable_auto_build enable_performance_mode "
        "enable_pull_request_preview enable_skew_protection framework "
        "pull_request_environment_name stage tags tags_all"
    ),
    "aws_amplify_webhook": "branch_name description",
    "aws_api_gateway_account": "cloudwatch_role_arn",
    "aws_api_gateway_api_key": "customer_id description enabled tags tags_all",
    "aws_api_gateway_client_certificate": "description tags tags_all",
    "aws_api_gateway_documentation_version": "description",
    "aws_api_gateway_domain_name": (
        "certificate_arn endpoint_configuration mutual_tls_authentication "
        "ownership_verification_certificate_arn regional_certificate_arn security_policy "
        "tags tags_all"
    ),
    "aws_api_gateway_domain_name_access_association": "tags",
    "aws_api_gateway_rest_api": (
        "binary_media_types description disable_execute_api_endpoint "
        "endpoint_configuration minimum_compression_size name policy tags tags_all"
    ),
    "aws_api_gateway_rest_api_policy": "policy",
    "aws_api_gateway_usage_plan": "api_stages description name tags tags_all",
    "aws_api_gateway_vpc_link": "description name tags tags_all",
    "aws_apigatewayv2_api": (
        "api_key_selection_expression cors_configuration description "
        "disable_execute_api_endpoint ip_address_type name route_selection_expression "
        "tags tags_all version"
    ),
    "aws_apigatewayv2_domain_name": "mutual_tls_authentication tags tags_all",
    "aws_apigatewayv2_vpc_link": "name tags tags_all",
    "aws_appconfig_application": "description name tags tags_all",
    "aws_appconfig_configuration_profile": (
        "description kms_key_identifier name retrieval_role_arn tags tags_all"
    ),
    "aws_appconfig_deployment": "tags tags_all",
    "aws_appconfig_deployment_strategy": (
        "deployment_duration_in_minutes description final_bake_time_in_minutes "
        "growth_factor growth_type tags tags_all"
    ),
    "aws_appconfig_environment": "description name tags",
    "aws_appconfig_extension": "description tags tags_all",
    "aws_appconfig_extension_association": "parameters",
    "aws_appfabric_app_authorization": "tags tenant",
    "aws_appfabric_ingestion_destination": "destination_configuration tags",
    "aws_appflow_connector_profile": "connection_mode",
    "aws_appflow_flow": (
        "description metadata_catalog_config source_flow_config tags tags_all trigger_config"
    ),
    "aws_appintegrations_data_integration": "description name tags tags_all",
    "aws_appintegrations_event_integration": "description tags tags_all",
    "aws_applicationinsights_application": "cwe_monitor_enabled ops_center_enabled tags tags_all",
    "aws_apprunner_observability_configuration": "tags tags_all",
    "aws_apprunner_service": (
        "health_check_configuration instance_configuration network_configuration "
        "observability_configuration source_configuration tags tags_all"
    ),
    "aws_apprunner_vpc_connector": "tags tags_all",
    "aws_apprunner_vpc_ingress_connection": "ingress_vpc_configuration tags tags_all",
    "aws_appstream_directory_config": (
        "certificate_based_auth_properties organizational_unit_distinguished_names "
        "service_account_credentials"
    ),
    "aws_appstream_fleet": (
        "compute_capacity description disconnect_timeout_in_seconds display_name "
        "domain_join_info enable_default_internet_access iam_role_arn "
        "idle_disconnect_timeout_in_seconds image_arn image_name instance_type "
        "max_sessions_per_instance max_user_duration_in_seconds stream_view tags tags_all "
        "vpc_config"
    ),
    "aws_appstream_image_builder": (
        "appstream_agent_version description display_name domain_join_info "
        "enable_default_internet_access iam_role_arn image_arn instance_type tags "
        "tags_all vpc_config"
    ),
    "aws_appstream_stack": (
        "access_endpoints application_settings description display_name "
        "embed_host_domains feedback_url redirect_url storage_connectors "
        "streaming_experience_settings tags tags_all user_settings"
    ),
    "aws_appsync_api": "event_config name owner_contact tags",
    "aws_appsync_api_cache": "api_caching_behavior ttl type",
    "aws_appsync_api_key": "description expires",
    "aws_appsync_channel_namespace": "code_handlers handler_configs tags",
    "aws_appsync_datasource": (
        "description dynamodb_config elasticsearch_config event_bridge_config http_config "
        "lambda_config opensearchservice_config relational_database_config "
        "service_role_arn type"
    ),
    "aws_appsync_domain_name": "description",
    "aws_appsync_domain_name_api_association": "api_id",
    "aws_appsync_graphql_api": (
        "api_type authentication_type enhanced_metrics_config introspection_config "
        "lambda_authorizer_config log_config merged_api_execution_role_arn name "
        "openid_connect_config query_depth_limit resolver_count_limit tags tags_all "
        "user_pool_config visibility xray_enabled"
    ),
    "aws_appsync_resolver": (
        "caching_config code kind max_batch_size pipeline_config runtime sync_config"
    ),
    "aws_appsync_source_api_association": "description source_api_association_config",
    "aws_appsync_type": "definition format",
    "aws_athena_capacity_reservation": "tags target_dpus",
    "aws_athena_data_catalog": "description parameters tags tags_all type",
    "aws_athena_prepared_statement": "description query_statement",
    "aws_athena_workgroup": "configuration description state tags tags_all",
    "aws_auditmanager_assessment": "assessment_reports_destination roles scope tags",
    "aws_autoscaling_group": (
        "availability_zone_distribution availability_zones capacity_rebalance "
        "capacity_reservation_specification context default_instance_warmup "
        "desired_capacity desired_capacity_type health_check_grace_period "
        "health_check_type instance_maintenance_policy launch_template "
        "max_instance_lifetime max_size min_size mixed_instances_policy placement_group "
        "service_linked_role_arn target_group_arns termination_policies "
        "vpc_zone_identifier"
    ),
    "aws_autoscalingplans_scaling_plan": "application_source",
    "aws_backup_framework": "description tags tags_all",
    "aws_backup_plan": "tags tags_all",
    "aws_backup_report_plan": "description report_delivery_channel report_setting tags tags_all",
    "aws_backup_restore_testing_plan": (
        "recovery_point_selection schedule_expression schedule_expression_timezone "
        "start_window_hours tags"
    ),
    "aws_backup_restore_testing_selection": (
        "iam_role_arn protected_resource_arns protected_resource_conditions "
        "restore_metadata_overrides validation_window_hours"
    ),
    "aws_backup_vault": "tags tags_all",
    "aws_backup_vault_policy": "policy",
    "aws_batch_compute_environment": (
        "compute_resources eks_configuration service_role state tags tags_all"
    ),
    "aws_batch_job_definition": (
        "container_properties ecs_properties eks_properties node_properties parameters "
        "platform_capabilities propagate_tags retry_strategy scheduling_priority tags "
        "tags_all timeout type"
    ),
    "aws_batch_job_queue": "compute_environment_order priority scheduling_policy_arn state tags",
    "aws_batch_scheduling_policy": "fair_share_policy tags tags_all",
    "aws_bcmdataexports_export": "export tags",
    "aws_bedrock_guardrail": (
        "blocked_input_messaging blocked_outputs_messaging content_policy_config "
        "contextual_grounding_policy_config cross_region_config description kms_key_arn "
        "name sensitive_information_policy_config tags topic_policy_config "
        "word_policy_config"
    ),
    "aws_bedrockagentcore_gateway": (
        "authorizer_type description exception_level kms_key_arn name role_arn tags"
    ),
    "aws_bedrockagentcore_gateway_target": "description name",
    "aws_bedrockagentcore_memory": (
        "description event_expiry_duration memory_execution_role_arn tags"
    ),
    "aws_bedrockagentcore_workload_identity": "allowed_resource_oauth2_return_urls",
    "aws_budgets_budget": "tags tags_all",
    "aws_ce_anomaly_monitor": "tags tags_all",
    "aws_ce_anomaly_subscription": "frequency monitor_arn_list tags tags_all",
    "aws_ce_cost_category": "default_value rule_version tags tags_all",
    "aws_chatbot_slack_channel_configuration": (
        "iam_role_arn logging_level slack_channel_id sns_topic_arns tags"
    ),
    "aws_chime_voice_connector": "name require_encryption tags tags_all",
    "aws_cleanrooms_collaboration": "analytics_engine description name tags tags_all",
    "aws_cleanrooms_configured_table": (
        "allowed_columns analysis_method description name tags tags_all"
    ),
    "aws_cleanrooms_membership": (
        "default_result_configuration payment_configuration query_log_status tags"
    ),
    "aws_cloud9_environment_ec2": "description name tags tags_all",
    "aws_cloudformation_stack": "notification_arns parameters tags tags_all timeout_in_minutes",
    "aws_cloudformation_stack_set": (
        "administration_role_arn auto_deployment capabilities description "
        "execution_role_name managed_execution tags tags_all template_body"
    ),
    "aws_cloudfront_distribution": "tags tags_all",
    "aws_cloudfront_field_level_encryption_config": (
        "comment content_type_profile_config query_arg_profile_config"
    ),
    "aws_cloudfront_function": "code",
    "aws_cloudfront_key_value_store": "comment",
    "aws_cloudfront_realtime_log_config": "fields sampling_rate",
    "aws_cloudfront_vpc_origin": "tags vpc_origin_endpoint_config",
    "aws_cloudtrail": (
        "cloud_watch_logs_role_arn enable_log_file_validation "
        "include_global_service_events is_multi_region_trail is_organization_trail "
        "kms_key_id s3_bucket_name s3_key_prefix sns_topic_name tags tags_all"
    ),
    "aws_cloudtrail_event_data_store": (
        "billing_mode kms_key_id multi_region_enabled name organization_enabled "
        "retention_period tags tags_all termination_protection_enabled"
    ),
    "aws_cloudwatch_composite_alarm": (
        "actions_enabled alarm_actions alarm_description alarm_rule "
        "insufficient_data_actions ok_actions tags tags_all"
    ),
    "aws_cloudwatch_dashboard": "dashboard_body",
    "aws_cloudwatch_event_api_destination": (
        "connection_arn description http_method invocation_endpoint "
        "invocation_rate_limit_per_second"
    ),
    "aws_cloudwatch_event_archive": "description event_pattern kms_key_identifier retention_days",
    "aws_cloudwatch_event_bus": (
        "dead_letter_config description kms_key_identifier log_config tags tags_all"
    ),
    "aws_cloudwatch_event_bus_policy": "policy",
    "aws_cloudwatch_event_connection": (
        "auth_parameters authorization_type description "
        "invocation_connectivity_parameters kms_key_identifier"
    ),
    "aws_cloudwatch_event_rule": (
        "description event_bus_name event_pattern role_arn schedule_expression state tags tags_all"
    ),
    "aws_cloudwatch_log_account_policy": "policy_document scope selection_criteria",
    "aws_cloudwatch_log_destination": "role_arn tags tags_all target_arn",
    "aws_cloudwatch_log_group": (
        "deletion_protection_enabled kms_key_id log_group_class retention_in_days tags tags_all"
    ),
    "aws_cloudwatch_log_resource_policy": "policy_document",
    "aws_cloudwatch_metric_alarm": (
        "actions_enabled alarm_actions alarm_description comparison_operator "
        "datapoints_to_alarm evaluation_periods extended_statistic "
        "insufficient_data_actions metric_name namespace ok_actions period statistic tags "
        "tags_all threshold threshold_metric_id treat_missing_data unit"
    ),
    "aws_cloudwatch_metric_stream": (
        "firehose_arn include_linked_accounts_metrics output_format role_arn tags tags_all"
    ),
    "aws_cloudwatch_query_definition": "log_group_names name query_string",
    "aws_codeartifact_domain": "tags tags_all",
    "aws_codeartifact_repository": "description tags tags_all",
    "aws_codebuild_fleet": (
        "base_capacity compute_configuration compute_type environment_type "
        "fleet_service_role image_id overflow_behavior scaling_configuration tags "
        "tags_all vpc_config"
    ),
    "aws_codebuild_report_group": "export_config tags tags_all",
    "aws_codebuild_source_credential": "auth_type",
    "aws_codecommit_repository": "description kms_key_id repository_name tags tags_all",
    "aws_codeconnections_connection": "tags",
    "aws_codeconnections_host": "provider_endpoint tags vpc_configuration",
    "aws_codedeploy_deployment_group": (
        "alarm_configuration auto_rollback_configuration autoscaling_groups "
        "deployment_config_name deployment_style ec2_tag_set load_balancer_info "
        "outdated_instances_strategy service_role_arn tags tags_all "
        "termination_hook_enabled"
    ),
    "aws_codeguruprofiler_profiling_group": "tags",
    "aws_codegurureviewer_repository_association": "tags tags_all",
    "aws_codepipeline": "artifact_store execution_mode pipeline_type role_arn tags tags_all",
    "aws_codepipeline_custom_action_type": "tags tags_all",
    "aws_codepipeline_webhook": (
        "authentication authentication_configuration tags tags_all target_action target_pipeline"
    ),
    "aws_codestarconnections_connection": "tags tags_all",
    "aws_codestarnotifications_notification_rule": (
        "detail_type event_type_ids name status tags tags_all"
    ),
    "aws_cognito_identity_pool": (
        "allow_classic_flow allow_unauthenticated_identities cognito_identity_providers "
        "developer_provider_name identity_pool_name openid_connect_provider_arns "
        "saml_provider_arns supported_login_providers tags tags_all"
    ),
    "aws_cognito_log_delivery_configuration": "log_configurations",
    "aws_cognito_managed_login_branding": "settings use_cognito_provided_values",
    "aws_cognito_user_pool": (
        "account_recovery_setting admin_create_user_config alias_attributes "
        "auto_verified_attributes deletion_protection device_configuration "
        "email_configuration email_verification_message email_verification_subject "
        "lambda_config mfa_configuration name schema sms_authentication_message "
        "sms_configuration sms_verification_message tags tags_all "
        "user_attribute_update_settings user_pool_add_ons user_pool_tier "
        "username_attributes username_configuration verification_message_template"
    ),
    "aws_cognito_user_pool_client": (
        "access_token_validity allowed_oauth_flows allowed_oauth_flows_user_pool_client "
        "allowed_oauth_scopes analytics_configuration auth_session_validity callback_urls "
        "default_redirect_uri enable_propagate_additional_user_context_data "
        "enable_token_revocation explicit_auth_flows id_token_validity logout_urls "
        "prevent_user_existence_errors read_attributes refresh_token_rotation "
        "refresh_token_validity supported_identity_providers token_validity_units "
        "write_attributes"
    ),
    "aws_comprehend_document_classifier": "tags tags_all",
    "aws_comprehend_entity_recognizer": "tags tags_all",
    "aws_config_config_rule": (
        "description input_parameters maximum_execution_frequency scope source"
    ),
    "aws_config_configuration_aggregator": "organization_aggregation_source tags tags_all",
    "aws_config_configuration_recorder": "recording_group recording_mode role_arn",
    "aws_config_conformance_pack": "delivery_s3_bucket delivery_s3_key_prefix",
    "aws_config_delivery_channel": "s3_bucket_name s3_key_prefix s3_kms_key_arn sns_topic_arn",
    "aws_config_organization_conformance_pack": (
        "delivery_s3_bucket delivery_s3_key_prefix excluded_accounts"
    ),
    "aws_connect_contact_flow": "content description name tags tags_all",
    "aws_connect_contact_flow_module": "content description name tags tags_all",
    "aws_connect_hours_of_operation": "config description name tags tags_all time_zone",
    "aws_connect_instance": "tags tags_all",
    "aws_connect_phone_number": "description tags tags_all target_arn",
    "aws_connect_queue": (
        "description max_contacts name outbound_caller_config status tags tags_all"
    ),
    "aws_connect_quick_connect": "description name quick_connect_config tags tags_all",
    "aws_connect_routing_profile": (
        "description media_concurrencies name queue_configs tags tags_all"
    ),
    "aws_connect_security_profile": "description permissions tags tags_all",
    "aws_connect_user": "directory_user_id identity_info name phone_config tags tags_all",
    "aws_connect_user_hierarchy_group": "name tags tags_all",
    "aws_connect_user_hierarchy_structure": "hierarchy_structure",
    "aws_connect_vocabulary": "tags tags_all",
    "aws_controltower_landing_zone": "tags tags_all version",
    "aws_cur_report_definition": (
        "additional_artifacts compression format refresh_closed_reports s3_bucket "
        "s3_prefix s3_region tags tags_all"
    ),
    "aws_customer_gateway": "tags tags_all",
    "aws_customerprofiles_domain": (
        "dead_letter_queue_url default_encryption_key default_expiration_days matching "
        "rule_based_matching tags tags_all"
    ),
    "aws_dataexchange_data_set": "description name tags tags_all",
    "aws_dataexchange_event_action": "action",
    "aws_datapipeline_pipeline": "tags tags_all",
    "aws_datasync_agent": "name tags tags_all",
    "aws_datasync_location_azure_blob": "agent_arns tags tags_all",
    "aws_datasync_location_efs": (
        "access_point_arn file_system_access_role_arn in_transit_encryption tags tags_all"
    ),
    "aws_datasync_location_hdfs": (
        "agent_arns authentication_type block_size kerberos_principal "
        "kms_key_provider_uri qop_configuration replication_factor simple_user tags "
        "tags_all"
    ),
    "aws_datasync_location_nfs": "mount_options on_prem_config tags tags_all",
    "aws_datasync_location_object_storage": (
        "access_key agent_arns server_certificate server_port server_protocol tags tags_all"
    ),
    "aws_datasync_location_s3": "s3_config s3_storage_class tags tags_all",
    "aws_datasync_location_smb": "agent_arns domain mount_options tags tags_all user",
    "aws_datasync_task": (
        "cloudwatch_log_group_arn excludes includes name options schedule tags tags_all "
        "task_report_config"
    ),
    "aws_datazone_domain": "description domain_execution_role name single_sign_on tags",
    "aws_datazone_environment": "description glossary_terms name",
    "aws_datazone_environment_blueprint_configuration": (
        "enabled_regions manage_access_role_arn provisioning_role_arn"
    ),
    "aws_datazone_environment_profile": (
        "aws_account_id aws_account_region description name user_parameters"
    ),
    "aws_datazone_form_type": "description model owning_project_identifier status",
    "aws_datazone_project": "description glossary_terms name",
    "aws_datazone_user_profile": "status",
    "aws_dax_subnet_group": "description subnet_ids",
    "aws_db_event_subscription": "enabled event_categories source_ids source_type tags tags_all",
    "aws_db_instance": (
        "allocated_storage auto_minor_version_upgrade availability_zone "
        "backup_retention_period copy_tags_to_snapshot database_insights_mode "
        "dedicated_log_volume deletion_protection domain domain_auth_secret_arn "
        "domain_dns_ips domain_fqdn domain_iam_role_name domain_ou engine "
        "engine_lifecycle_support engine_version instance_class iops license_model "
        "manage_master_user_password max_allocated_storage monitoring_interval "
        "monitoring_role_arn multi_az network_type option_group_name parameter_group_name "
        "performance_insights_kms_key_id performance_insights_retention_period port "
        "publicly_accessible replica_mode storage_throughput storage_type tags tags_all "
        "vpc_security_group_ids"
    ),
    "aws_db_option_group": "tags tags_all",
    "aws_db_parameter_group": "tags tags_all",
    "aws_db_proxy": (
        "auth debug_logging default_auth_scheme idle_client_timeout require_tls role_arn "
        "tags tags_all vpc_security_group_ids"
    ),
    "aws_db_snapshot": "tags tags_all",
    "aws_db_subnet_group": "description subnet_ids tags tags_all",
    "aws_default_network_acl": "tags tags_all",
    "aws_default_route_table": "tags tags_all",
    "aws_default_security_group": "tags tags_all",
    "aws_default_subnet": (
        "assign_ipv6_address_on_creation enable_dns64 ipv6_cidr_block "
        "map_public_ip_on_launch tags tags_all"
    ),
    "aws_default_vpc": "enable_dns_hostnames enable_dns_support tags tags_all",
    "aws_detective_graph": "tags tags_all",
    "aws_dlm_lifecycle_policy": (
        "default_policy description execution_role_arn policy_details state tags tags_all"
    ),
    "aws_dms_endpoint": (
        "certificate_arn database_name elasticsearch_settings endpoint_type engine_name "
        "kafka_settings kinesis_settings mongodb_settings mysql_settings oracle_settings "
        "port redis_settings redshift_settings server_name ssl_mode tags tags_all "
        "username"
    ),
    "aws_dms_event_subscription": (
        "enabled event_categories sns_topic_arn source_type tags tags_all"
    ),
    "aws_dms_replication_config": (
        "compute_config replication_config_identifier replication_settings "
        "replication_type source_endpoint_arn supplemental_settings table_mappings tags "
        "tags_all target_endpoint_arn"
    ),
    "aws_dms_replication_subnet_group": (
        "replication_subnet_group_description subnet_ids tags tags_all"
    ),
    "aws_dms_replication_task": (
        "cdc_start_position replication_task_settings table_mappings tags tags_all"
    ),
    "aws_docdb_event_subscription": "enabled event_categories source_ids source_type",
    "aws_docdb_global_cluster": "deletion_protection",
    "aws_docdbelastic_cluster": (
        "backup_retention_period preferred_backup_window preferred_maintenance_window "
        "shard_capacity shard_count subnet_ids tags vpc_security_group_ids"
    ),
    "aws_drs_replication_configuration_template": (
        "associate_default_security_group auto_replicate_new_disks bandwidth_throttling "
        "create_public_ip data_plane_routing default_large_staging_disk_type "
        "ebs_encryption ebs_encryption_key_arn pit_policy "
        "replication_server_instance_type replication_servers_security_groups_ids "
        "staging_area_subnet_id staging_area_tags tags use_dedicated_replication_server"
    ),
    "aws_dsql_cluster": "deletion_protection_enabled multi_region_properties tags",
    "aws_dynamodb_table": (
        "billing_mode deletion_protection_enabled on_demand_throughput table_class tags "
        "tags_all warm_throughput"
    ),
    "aws_ebs_snapshot_block_public_access": "state",
    "aws_ebs_volume": (
        "availability_zone encrypted iops kms_key_id multi_attach_enabled size "
        "snapshot_id tags tags_all throughput type volume_initialization_rate"
    ),
    "aws_ec2_capacity_reservation": (
        "end_date end_date_type instance_count instance_match_criteria tags tags_all"
    ),
    "aws_ec2_carrier_gateway": "tags tags_all",
    "aws_ec2_fleet": "context excess_capacity_termination_policy target_capacity_specification",
    "aws_ec2_host": "auto_placement host_recovery tags tags_all",
    "aws_ec2_instance_connect_endpoint": "tags",
    "aws_ec2_local_gateway_route": "local_gateway_virtual_interface_group_id",
    "aws_ec2_local_gateway_route_table_vpc_association": "tags tags_all",
    "aws_ec2_managed_prefix_list": "address_family max_entries name tags tags_all",
    "aws_ec2_network_insights_analysis": "tags tags_all",
    "aws_ec2_network_insights_path": "tags tags_all",
    "aws_ec2_traffic_mirror_filter": "network_services tags tags_all",
    "aws_ec2_traffic_mirror_filter_rule": (
        "description destination_cidr_block destination_port_range protocol rule_action "
        "rule_number source_cidr_block source_port_range traffic_direction"
    ),
    "aws_ec2_traffic_mirror_session": (
        "description network_interface_id packet_length session_number tags tags_all "
        "traffic_mirror_filter_id traffic_mirror_target_id virtual_network_id"
    ),
    "aws_ec2_traffic_mirror_target": "tags tags_all",
    "aws_ec2_transit_gateway": (
        "auto_accept_shared_attachments default_route_table_association "
        "default_route_table_propagation description dns_support "
        "security_group_referencing_support tags tags_all transit_gateway_cidr_blocks "
        "vpn_ecmp_support"
    ),
    "aws_ec2_transit_gateway_connect": "tags tags_all",
    "aws_ec2_transit_gateway_connect_peer": "tags tags_all",
    "aws_ec2_transit_gateway_multicast_domain": "tags tags_all",
    "aws_ec2_transit_gateway_peering_attachment": "options tags tags_all",
    "aws_ec2_transit_gateway_policy_table": "tags tags_all",
    "aws_ec2_transit_gateway_route_table": "tags tags_all",
    "aws_ec2_transit_gateway_vpc_attachment": "subnet_ids tags tags_all",
    "aws_ec2_transit_gateway_vpc_attachment_accepter": "tags tags_all",
    "aws_ecr_lifecycle_policy": "policy",
    "aws_ecr_registry_scanning_configuration": "scan_type",
    "aws_ecr_replication_configuration": "replication_configuration",
    "aws_ecr_repository": "image_scanning_configuration image_tag_mutability tags tags_all",
    "aws_ecr_repository_creation_template": (
        "applied_for custom_role_arn description encryption_configuration "
        "image_tag_mutability lifecycle_policy repository_policy resource_tags"
    ),
    "aws_ecr_repository_policy": "policy",
    "aws_ecrpublic_repository": "tags tags_all",
    "aws_ecs_capacity_provider": (
        "auto_scaling_group_provider managed_instances_provider tags tags_all"
    ),
    "aws_ecs_cluster": "configuration tags tags_all",
    "aws_ecs_cluster_capacity_providers": "capacity_providers default_capacity_provider_strategy",
    "aws_ecs_express_gateway_service": "tags",
    "aws_ecs_service": (
        "availability_zone_rebalancing capacity_provider_strategy "
        "deployment_configuration deployment_controller desired_count "
        "enable_ecs_managed_tags enable_execute_command health_check_grace_period_seconds "
        "launch_type network_configuration placement_constraints platform_version "
        "propagate_tags service_registries tags tags_all task_definition "
        "vpc_lattice_configurations"
    ),
    "aws_ecs_task_definition": "tags tags_all",
    "aws_ecs_task_set": "scale tags tags_all",
    "aws_efs_access_point": "tags tags_all",
    "aws_efs_backup_policy": "backup_policy",
    "aws_efs_file_system": (
        "protection provisioned_throughput_in_mibps tags tags_all throughput_mode"
    ),
    "aws_efs_file_system_policy": "policy",
    "aws_efs_mount_target": "security_groups",
    "aws_egress_only_internet_gateway": "tags tags_all",
    "aws_eip": "domain public_ipv4_pool tags tags_all",
    "aws_eks_access_entry": "kubernetes_groups tags tags_all user_name",
    "aws_eks_addon": "addon_version configuration_values service_account_role_arn tags tags_all",
    "aws_eks_capability": "configuration delete_propagation_policy role_arn tags",
    "aws_eks_cluster": (
        "access_config compute_config control_plane_scaling_config deletion_protection "
        "kubernetes_network_config remote_network_config storage_config tags tags_all "
        "upgrade_policy version zonal_shift_config"
    ),
    "aws_eks_fargate_profile": "tags tags_all",
    "aws_eks_identity_provider_config": "tags tags_all",
    "aws_eks_node_group": (
        "labels launch_template node_repair_config release_version scaling_config tags "
        "tags_all update_config version"
    ),
    "aws_eks_pod_identity_association": "disable_session_tags role_arn tags target_role_arn",
    "aws_elastic_beanstalk_application": "description",
    "aws_elastic_beanstalk_application_version": "description",
    "aws_elastic_beanstalk_configuration_template": "description",
    "aws_elastic_beanstalk_environment": (
        "description platform_arn tags tags_all tier version_label"
    ),
    "aws_elasticache_cluster": (
        "auto_minor_version_upgrade az_mode engine_version ip_discovery node_type "
        "notification_topic_arn num_cache_nodes parameter_group_name "
        "preferred_availability_zones snapshot_retention_limit snapshot_window tags "
        "tags_all transit_encryption_enabled"
    ),
    "aws_elasticache_global_replication_group": "engine global_replication_group_description",
    "aws_elasticache_parameter_group": "description tags tags_all",
    "aws_elasticache_replication_group": (
        "auto_minor_version_upgrade automatic_failover_enabled cluster_mode description "
        "engine ip_discovery multi_az_enabled num_cache_clusters replicas_per_node_group "
        "snapshot_retention_limit snapshot_window tags tags_all "
        "transit_encryption_enabled transit_encryption_mode user_group_ids"
    ),
    "aws_elasticache_serverless_cache": (
        "cache_usage_limits daily_snapshot_time description engine major_engine_version "
        "security_group_ids snapshot_retention_limit tags user_group_id"
    ),
    "aws_elasticache_subnet_group": "description subnet_ids tags tags_all",
    "aws_elasticache_user": "engine tags tags_all",
    "aws_elasticache_user_group": "engine tags tags_all user_ids",
    "aws_elb": "availability_zones health_check instances security_groups subnets tags tags_all",
    "aws_emr_studio": (
        "default_s3_location description idp_auth_url idp_relay_state_parameter_name name "
        "subnet_ids tags tags_all"
    ),
    "aws_emr_studio_session_mapping": "session_policy_arn",
    "aws_emrcontainers_job_template": "tags tags_all",
    "aws_emrcontainers_virtual_cluster": "tags tags_all",
    "aws_emrserverless_application": (
        "architecture auto_start_configuration auto_stop_configuration "
        "image_configuration initial_capacity interactive_configuration maximum_capacity "
        "monitoring_configuration network_configuration release_label "
        "runtime_configuration scheduler_configuration tags tags_all"
    ),
    "aws_evidently_feature": (
        "default_variation description evaluation_strategy tags tags_all variations"
    ),
    "aws_evidently_launch": (
        "description groups metric_monitors randomization_salt scheduled_splits_config "
        "tags tags_all"
    ),
    "aws_evidently_project": "data_delivery description tags tags_all",
    "aws_evidently_segment": "description name pattern tags tags_all",
    "aws_fis_experiment_template": (
        "description experiment_options experiment_report_configuration log_configuration "
        "role_arn tags tags_all"
    ),
    "aws_fis_target_account_configuration": "description role_arn",
    "aws_flow_log": "tags tags_all",
    "aws_fms_policy": (
        "description exclude_map exclude_resource_tags include_map name "
        "remediation_enabled resource_set_ids resource_tag_logical_operator resource_tags "
        "resource_type resource_type_list security_service_policy_data tags tags_all"
    ),
    "aws_fms_resource_set": "tags",
    "aws_fsx_backup": "tags tags_all",
    "aws_fsx_data_repository_association": "imported_file_chunk_size s3 tags tags_all",
    "aws_fsx_file_cache": "lustre_configuration tags tags_all",
    "aws_gamelift_alias": "description name routing_strategy tags tags_all",
    "aws_gamelift_build": "name tags tags_all version",
    "aws_gamelift_fleet": (
        "description metric_groups name new_game_session_protection_policy "
        "resource_creation_limit_policy runtime_configuration tags tags_all"
    ),
    "aws_gamelift_game_server_group": (
        "balancing_strategy game_server_group_name game_server_protection_policy role_arn "
        "tags tags_all"
    ),
    "aws_gamelift_game_session_queue": (
        "custom_event_data notification_target tags tags_all timeout_in_seconds"
    ),
    "aws_gamelift_script": "name storage_location tags tags_all version",
    "aws_globalaccelerator_accelerator": "enabled ip_address_type ip_addresses name tags tags_all",
    "aws_globalaccelerator_cross_account_attachment": "name principals tags",
    "aws_globalaccelerator_endpoint_group": (
        "health_check_interval_seconds health_check_path health_check_port "
        "health_check_protocol threshold_count traffic_dial_percentage"
    ),
    "aws_globalaccelerator_listener": "client_affinity protocol",
    "aws_glue_catalog_database": "catalog_id",
    "aws_glue_classifier": "csv_classifier grok_classifier json_classifier xml_classifier",
    "aws_glue_connection": "tags tags_all",
    "aws_glue_crawler": (
        "classifiers configuration database_name description lake_formation_configuration "
        "recrawl_policy role schedule schema_change_policy security_configuration "
        "table_prefix tags tags_all"
    ),
    "aws_glue_data_catalog_encryption_settings": "data_catalog_encryption_settings",
    "aws_glue_data_quality_ruleset": "description ruleset tags tags_all target_table",
    "aws_glue_job": (
        "command default_arguments description execution_class execution_property "
        "glue_version job_mode job_run_queuing_enabled maintenance_window max_capacity "
        "max_retries non_overridable_arguments notification_property number_of_workers "
        "security_configuration tags tags_all timeout worker_type"
    ),
    "aws_glue_ml_transform": (
        "description glue_version max_capacity max_retries name number_of_workers tags "
        "tags_all timeout worker_type"
    ),
    "aws_glue_registry": "description tags tags_all",
    "aws_glue_schema": "compatibility description tags tags_all",
    "aws_glue_security_configuration": "encryption_configuration",
    "aws_glue_trigger": (
        "actions description event_batching_condition predicate schedule tags tags_all"
    ),
    "aws_glue_user_defined_function": "class_name owner_name owner_type resource_uris",
    "aws_glue_workflow": "default_run_properties description max_concurrent_runs tags tags_all",
    "aws_grafana_workspace": (
        "account_access_type authentication_providers data_sources description "
        "grafana_version name network_access_control notification_destinations "
        "organization_role_name organizational_units permission_type role_arn "
        "stack_set_name tags tags_all vpc_configuration"
    ),
    "aws_guardduty_detector": "datasources enable finding_publishing_frequency tags tags_all",
    "aws_guardduty_filter": "action description finding_criteria rank tags tags_all",
    "aws_guardduty_malware_protection_plan": "actions protected_resource role tags",
    "aws_guardduty_member": "email",
    "aws_iam_group": "path",
    "aws_iam_instance_profile": "tags tags_all",
    "aws_iam_openid_connect_provider": "client_id_list tags tags_all thumbprint_list",
    "aws_iam_role": (
        "assume_role_policy description max_session_duration permissions_boundary tags tags_all"
    ),
    "aws_iam_saml_provider": "saml_metadata_document tags tags_all",
    "aws_iam_server_certificate": "path tags tags_all",
    "aws_iam_service_linked_role": "description",
    "aws_iam_user": "path permissions_boundary tags tags_all",
    "aws_iam_virtual_mfa_device": "tags tags_all",
    "aws_identitystore_group": "description display_name",
    "aws_identitystore_user": (
        "display_name locale name nickname preferred_language profile_url timezone title user_type"
    ),
    "aws_imagebuilder_component": "tags tags_all",
    "aws_imagebuilder_container_recipe": "tags tags_all",
    "aws_imagebuilder_distribution_configuration": "description tags tags_all",
    "aws_imagebuilder_image": "execution_role tags tags_all",
    "aws_imagebuilder_image_pipeline": (
        "container_recipe_arn description distribution_configuration_arn "
        "enhanced_image_metadata_enabled execution_role image_recipe_arn "
        "image_scanning_configuration image_tests_configuration "
        "infrastructure_configuration_arn schedule status tags tags_all"
    ),
    "aws_imagebuilder_image_recipe": "tags tags_all",
    "aws_imagebuilder_infrastructure_configuration": (
        "description instance_metadata_options instance_profile_name instance_types "
        "key_pair logging placement resource_tags security_group_ids sns_topic_arn "
        "subnet_id tags tags_all terminate_instance_on_failure"
    ),
    "aws_imagebuilder_lifecycle_policy": (
        "description execution_role resource_selection resource_type status tags"
    ),
    "aws_imagebuilder_workflow": "tags tags_all",
    "aws_inspector_assessment_target": "resource_group_arn",
    "aws_instance": (
        "credit_specification disable_api_termination ebs_optimized host_id "
        "iam_instance_profile instance_initiated_shutdown_behavior instance_type "
        "metadata_options monitoring private_dns_name_options source_dest_check tags "
        "tags_all tenancy user_data vpc_security_group_ids"
    ),
    "aws_internet_gateway": "tags tags_all",
    "aws_internetmonitor_monitor": (
        "health_events_config internet_measurements_log_delivery "
        "max_city_networks_to_monitor resources status tags tags_all "
        "traffic_percentage_to_monitor"
    ),
    "aws_invoicing_invoice_unit": "description rule tags tax_inheritance_disabled",
    "aws_iot_authorizer": (
        "authorizer_function_arn enable_caching_for_http status tags tags_all "
        "token_key_name token_signing_public_keys"
    ),
    "aws_iot_billing_group": "properties tags",
    "aws_iot_ca_certificate": "registration_config tags tags_all",
    "aws_iot_domain_configuration": (
        "application_protocol authentication_type authorizer_config status tags tags_all tls_config"
    ),
    "aws_iot_policy": "tags tags_all",
    "aws_iot_provisioning_template": (
        "description enabled pre_provisioning_hook provisioning_role_arn tags tags_all "
        "template_body"
    ),
    "aws_iot_role_alias": "role_arn tags tags_all",
    "aws_iot_thing_group": "properties tags tags_all",
    "aws_iot_thing_type": "properties tags tags_all",
    "aws_iot_topic_rule": "tags tags_all",
    "aws_ivs_channel": (
        "authorized latency_mode name recording_configuration_arn tags tags_all type"
    ),
    "aws_ivs_playback_key_pair": "tags tags_all",
    "aws_ivs_recording_configuration": "tags tags_all",
    "aws_ivschat_logging_configuration": "destination_configuration name tags tags_all",
    "aws_ivschat_room": (
        "logging_configuration_identifiers maximum_message_length "
        "maximum_message_rate_per_second message_review_handler name tags tags_all"
    ),
    "aws_kendra_data_source": (
        "configuration custom_document_enrichment_configuration description language_code "
        "name role_arn schedule tags tags_all"
    ),
    "aws_kendra_faq": "language_code tags tags_all",
    "aws_kendra_index": (
        "capacity_units description name role_arn tags tags_all user_context_policy "
        "user_token_configurations"
    ),
    "aws_kendra_query_suggestions_block_list": (
        "description name role_arn source_s3_path tags tags_all"
    ),
    "aws_kendra_thesaurus": "description name role_arn source_s3_path tags tags_all",
    "aws_key_pair": "tags tags_all",
    "aws_kinesis_firehose_delivery_stream": "tags tags_all",
    "aws_kinesis_resource_policy": "policy",
    "aws_kinesis_stream": "max_record_size_in_kib shard_count stream_mode_details tags tags_all",
    "aws_kinesis_stream_consumer": "tags tags_all",
    "aws_kinesis_video_stream": (
        "data_retention_in_hours device_name kms_key_id media_type tags tags_all"
    ),
    "aws_kinesisanalyticsv2_application": (
        "application_configuration description runtime_environment service_execution_role "
        "tags tags_all"
    ),
    "aws_kms_alias": "target_key_id",
    "aws_kms_external_key": (
        "description enabled key_spec key_usage multi_region policy tags tags_all"
    ),
    "aws_kms_key": (
        "customer_master_key_spec description enable_key_rotation is_enabled key_usage "
        "multi_region policy tags tags_all"
    ),
    "aws_kms_key_policy": "policy",
    "aws_kms_replica_key": "description enabled tags tags_all",
    "aws_lambda_capacity_provider": "capacity_provider_scaling_config tags",
    "aws_lambda_code_signing_config": "allowed_publishers description policies tags tags_all",
    "aws_lambda_event_source_mapping": (
        "amazon_managed_kafka_event_source_config batch_size "
        "bisect_batch_on_function_error destination_config "
        "document_db_event_source_config enabled filter_criteria function_name "
        "function_response_types kms_key_arn maximum_batching_window_in_seconds "
        "maximum_record_age_in_seconds maximum_retry_attempts metrics_config "
        "parallelization_factor provisioned_poller_config queues scaling_config "
        "self_managed_kafka_event_source_config tags tags_all topics "
        "tumbling_window_in_seconds"
    ),
    "aws_lambda_function": (
        "architectures capacity_provider_config code_signing_config_arn "
        "dead_letter_config description durable_config environment ephemeral_storage "
        "handler image_config kms_key_arn layers logging_config memory_size "
        "reserved_concurrent_executions role runtime tags tags_all timeout tracing_config "
        "vpc_config"
    ),
    "aws_lb": (
        "enforce_security_group_inbound_rules_on_private_link_traffic ip_address_type "
        "minimum_load_balancer_capacity security_groups subnets tags tags_all"
    ),
    "aws_lb_listener": "mutual_authentication port protocol ssl_policy tags tags_all",
    "aws_lb_listener_rule": "priority tags tags_all",
    "aws_lb_target_group": "tags tags_all target_control_port",
    "aws_lb_trust_store": "tags tags_all",
    "aws_lex_bot": "description idle_session_ttl_in_seconds name",
    "aws_lex_bot_alias": "bot_version description name",
    "aws_licensemanager_grant": "license_arn name",
    "aws_licensemanager_license_configuration": (
        "description license_count license_count_hard_limit name tags tags_all"
    ),
    "aws_lightsail_bucket": "bundle_id tags tags_all",
    "aws_lightsail_certificate": "tags tags_all",
    "aws_lightsail_database": (
        "preferred_backup_window preferred_maintenance_window publicly_accessible tags tags_all"
    ),
    "aws_lightsail_disk": "tags tags_all",
    "aws_lightsail_distribution": (
        "bundle_id cache_behavior_settings certificate_name default_cache_behavior "
        "is_enabled origin tags tags_all"
    ),
    "aws_lightsail_instance": "key_pair_name tags tags_all",
    "aws_lightsail_key_pair": "tags tags_all",
    "aws_location_geofence_collection": "description tags tags_all",
    "aws_location_map": "description tags tags_all",
    "aws_location_place_index": "data_source_configuration description tags tags_all",
    "aws_location_route_calculator": "description tags tags_all",
    "aws_location_tracker": "description position_filtering tags tags_all",
    "aws_m2_application": "description tags",
    "aws_m2_deployment": "application_version",
    "aws_m2_environment": (
        "engine_version high_availability_config instance_type preferred_maintenance_window tags"
    ),
    "aws_macie2_account": "finding_publishing_frequency status",
    "aws_media_convert_queue": "concurrent_jobs description pricing_plan status tags tags_all",
    "aws_media_package_channel": "description tags tags_all",
    "aws_media_packagev2_channel_group": "description tags",
    "aws_medialive_input": (
        "destinations input_devices media_connect_flows name role_arn sources tags tags_all"
    ),
    "aws_medialive_input_security_group": "tags tags_all whitelist_rules",
    "aws_medialive_multiplex": "multiplex_settings name tags tags_all",
    "aws_medialive_multiplex_program": "multiplex_program_settings",
    "aws_memorydb_acl": "tags tags_all user_names",
    "aws_memorydb_cluster": (
        "acl_name auto_minor_version_upgrade description engine engine_version "
        "maintenance_window node_type num_replicas_per_shard num_shards "
        "parameter_group_name security_group_ids snapshot_retention_limit snapshot_window "
        "sns_topic_arn tags tags_all"
    ),
    "aws_memorydb_multi_region_cluster": "description engine node_type num_shards tags",
    "aws_memorydb_parameter_group": "tags tags_all",
    "aws_memorydb_snapshot": "tags tags_all",
    "aws_memorydb_subnet_group": "description subnet_ids tags tags_all",
    "aws_memorydb_user": "tags tags_all",
    "aws_msk_cluster": (
        "broker_node_group_info client_authentication configuration_info encryption_info "
        "enhanced_monitoring kafka_version logging_info number_of_broker_nodes "
        "open_monitoring rebalancing storage_mode tags tags_all"
    ),
    "aws_msk_cluster_policy": "policy",
    "aws_msk_configuration": "description",
    "aws_msk_replicator": "replication_info_list tags tags_all",
    "aws_msk_serverless_cluster": "tags tags_all",
    "aws_msk_vpc_connection": "tags tags_all",
    "aws_mwaa_environment": (
        "airflow_configuration_options airflow_version dag_s3_path environment_class "
        "execution_role_arn logging_configuration max_webservers max_workers "
        "min_webservers min_workers network_configuration plugins_s3_object_version "
        "plugins_s3_path requirements_s3_object_version requirements_s3_path schedulers "
        "source_bucket_arn startup_script_s3_object_version startup_script_s3_path tags "
        "tags_all webserver_access_mode weekly_maintenance_window_start"
    ),
    "aws_nat_gateway": (
        "secondary_allocation_ids secondary_private_ip_address_count "
        "secondary_private_ip_addresses tags tags_all"
    ),
    "aws_neptune_event_subscription": (
        "enabled event_categories source_ids source_type tags tags_all"
    ),
    "aws_neptune_global_cluster": "deletion_protection engine_version",
    "aws_neptunegraph_graph": "deletion_protection provisioned_memory public_connectivity tags",
    "aws_network_acl": "tags tags_all",
    "aws_network_interface": (
        "description enable_primary_ipv6 ipv4_prefix_count ipv6_address_count "
        "ipv6_prefix_count source_dest_check tags tags_all"
    ),
    "aws_networkfirewall_firewall": (
        "availability_zone_change_protection delete_protection description "
        "enabled_analysis_types firewall_policy_arn firewall_policy_change_protection "
        "subnet_change_protection tags tags_all transit_gateway_id"
    ),
    "aws_networkfirewall_firewall_policy": "description firewall_policy tags tags_all",
    "aws_networkfirewall_logging_configuration": (
        "enable_monitoring_dashboard logging_configuration"
    ),
    "aws_networkfirewall_rule_group": "description rule_group tags tags_all",
    "aws_networkfirewall_tls_inspection_configuration": (
        "description tags tls_inspection_configuration"
    ),
    "aws_networkfirewall_vpc_endpoint_association": "tags",
    "aws_networkflowmonitor_monitor": "tags",
    "aws_networkflowmonitor_scope": "tags",
    "aws_networkmanager_connect_attachment": "tags tags_all",
    "aws_networkmanager_connect_peer": "tags tags_all",
    "aws_networkmanager_core_network": "description tags tags_all",
    "aws_networkmanager_device": (
        "aws_location description location model serial_number site_id tags tags_all type vendor"
    ),
    "aws_networkmanager_global_network": "description tags tags_all",
    "aws_networkmanager_link": "bandwidth description tags tags_all type",
    "aws_networkmanager_site": "description location tags tags_all",
    "aws_networkmanager_site_to_site_vpn_attachment": "tags tags_all",
    "aws_networkmanager_transit_gateway_peering": "tags tags_all",
    "aws_networkmanager_transit_gateway_route_table_attachment": "tags tags_all",
    "aws_networkmanager_vpc_attachment": "options subnet_arns tags tags_all",
    "aws_networkmonitor_monitor": "aggregation_period tags",
    "aws_notifications_event_rule": "event_pattern regions",
    "aws_notifications_notification_configuration": "aggregation_duration description name tags",
    "aws_notificationscontacts_email_contact": "tags",
    "aws_oam_link": "link_configuration resource_types tags tags_all",
    "aws_oam_sink": "tags tags_all",
    "aws_odb_cloud_autonomous_vm_cluster": "tags",
    "aws_odb_cloud_exadata_infrastructure": "maintenance_window tags",
    "aws_odb_cloud_vm_cluster": "tags",
    "aws_opensearch_domain": (
        "access_policies advanced_options advanced_security_options aiml_options "
        "cluster_config cognito_options domain_endpoint_options ebs_options "
        "engine_version identity_center_options ip_address_type log_publishing_options "
        "off_peak_window_options snapshot_options software_update_options tags tags_all "
        "vpc_options"
    ),
    "aws_opensearch_domain_policy": "access_policies",
    "aws_opensearchserverless_access_policy": "description policy",
    "aws_opensearchserverless_collection": "description tags",
    "aws_opensearchserverless_lifecycle_policy": "description policy",
    "aws_opensearchserverless_security_config": "description saml_options",
    "aws_opensearchserverless_security_policy": "description policy",
    "aws_opensearchserverless_vpc_endpoint": "security_group_ids subnet_ids",
    "aws_organizations_account": "email name tags tags_all",
    "aws_organizations_organization": "feature_set",
    "aws_organizations_organizational_unit": "name tags tags_all",
    "aws_organizations_policy": "content description name tags tags_all",
    "aws_organizations_resource_policy": "content tags tags_all",
    "aws_osis_pipeline": (
        "buffer_options encryption_at_rest_options log_publishing_options max_units "
        "min_units pipeline_configuration_body tags"
    ),
    "aws_paymentcryptography_key": (
        "enabled exportable key_attributes key_check_value_algorithm tags"
    ),
    "aws_pipes_pipe": (
        "description desired_state enrichment enrichment_parameters kms_key_identifier "
        "log_configuration role_arn tags tags_all target"
    ),
    "aws_placement_group": "tags tags_all",
    "aws_qbusiness_application": "attachments_configuration description display_name tags",
    "aws_qldb_stream": "tags tags_all",
    "aws_quicksight_analysis": "name permissions tags tags_all theme_arn",
    "aws_quicksight_custom_permissions": "capabilities tags",
    "aws_quicksight_dashboard": "name permissions tags tags_all",
    "aws_quicksight_data_set": (
        "column_groups column_level_permission_rules data_set_usage_configuration "
        "import_mode logical_table_map name permissions physical_table_map "
        "refresh_properties row_level_permission_data_set "
        "row_level_permission_tag_configuration tags tags_all"
    ),
    "aws_quicksight_data_source": (
        "name parameters ssl_properties tags tags_all vpc_connection_properties"
    ),
    "aws_quicksight_folder": "name permissions tags tags_all",
    "aws_quicksight_group": "description",
    "aws_quicksight_refresh_schedule": "schedule",
    "aws_quicksight_template": "name permissions tags tags_all",
    "aws_quicksight_theme": (
        "base_theme_id configuration name permissions tags tags_all version_description"
    ),
    "aws_quicksight_vpc_connection": "dns_resolvers name role_arn security_group_ids tags",
    "aws_ram_resource_share": "allow_external_principals name tags tags_all",
    "aws_rbin_rule": (
        "description exclude_resource_tags resource_tags retention_period tags tags_all"
    ),
    "aws_rds_cluster": (
        "allocated_storage availability_zones backtrack_window backup_retention_period "
        "copy_tags_to_snapshot database_insights_mode db_cluster_instance_class "
        "db_cluster_parameter_group_name deletion_protection domain domain_iam_role_name "
        "enable_global_write_forwarding enable_http_endpoint "
        "enable_local_write_forwarding engine engine_lifecycle_support engine_version "
        "global_cluster_identifier iops manage_master_user_password master_username "
        "monitoring_interval monitoring_role_arn network_type "
        "performance_insights_enabled performance_insights_kms_key_id "
        "performance_insights_retention_period port preferred_backup_window "
        "preferred_maintenance_window replication_source_identifier scaling_configuration "
        "serverlessv2_scaling_configuration storage_type tags tags_all "
        "vpc_security_group_ids"
    ),
    "aws_rds_cluster_instance": (
        "auto_minor_version_upgrade availability_zone copy_tags_to_snapshot "
        "db_parameter_group_name engine engine_version instance_class monitoring_interval "
        "monitoring_role_arn performance_insights_kms_key_id "
        "performance_insights_retention_period preferred_backup_window "
        "preferred_maintenance_window promotion_tier publicly_accessible tags tags_all"
    ),
    "aws_rds_cluster_parameter_group": "tags tags_all",
    "aws_rds_custom_db_engine_version": "description status tags tags_all",
    "aws_rds_global_cluster": (
        "deletion_protection engine_lifecycle_support engine_version tags tags_all"
    ),
    "aws_rds_integration": "data_filter integration_name tags",
    "aws_redshift_cluster": (
        "allow_version_upgrade aqua_configuration_status "
        "automated_snapshot_retention_period availability_zone "
        "cluster_parameter_group_name cluster_type cluster_version elastic_ip encrypted "
        "enhanced_vpc_routing iam_roles kms_key_id maintenance_track_name "
        "manual_snapshot_retention_period master_password_secret_kms_key_id multi_az "
        "node_type number_of_nodes port preferred_maintenance_window publicly_accessible "
        "tags tags_all vpc_security_group_ids"
    ),
    "aws_redshift_endpoint_access": "vpc_security_group_ids",
    "aws_redshift_endpoint_authorization": "vpc_ids",
    "aws_redshift_event_subscription": (
        "enabled event_categories severity sns_topic_arn source_ids source_type tags tags_all"
    ),
    "aws_redshift_integration": "integration_name tags",
    "aws_redshift_scheduled_action": (
        "description enable end_time iam_role schedule start_time target_action"
    ),
    "aws_redshift_snapshot_copy_grant": "tags tags_all",
    "aws_redshift_snapshot_schedule": "tags tags_all",
    "aws_redshift_usage_limit": "amount breach_action tags tags_all",
    "aws_redshiftserverless_namespace": (
        "admin_password_secret_kms_key_id admin_username db_name default_iam_role_arn "
        "iam_roles kms_key_id log_exports tags tags_all"
    ),
    "aws_redshiftserverless_snapshot": "retention_period",
    "aws_redshiftserverless_workgroup": (
        "base_capacity enhanced_vpc_routing max_capacity port price_performance_target "
        "publicly_accessible tags tags_all track_name"
    ),
    "aws_rekognition_collection": "tags",
    "aws_rekognition_project": "tags",
    "aws_rekognition_stream_processor": "tags",
    "aws_resiliencehub_resiliency_policy": "data_location_constraint policy tags tier",
    "aws_resourceexplorer2_index": "tags type",
    "aws_resourceexplorer2_view": "filters tags",
    "aws_resourcegroups_group": "configuration description resource_query tags tags_all",
    "aws_rolesanywhere_profile": (
        "accept_role_session_name duration_seconds enabled managed_policy_arns name "
        "role_arns session_policy tags tags_all"
    ),
    "aws_rolesanywhere_trust_anchor": "enabled name notification_settings source tags tags_all",
    "aws_route53_health_check": "tags tags_all",
    "aws_route53_resolver_endpoint": "name protocols resolver_endpoint_type tags tags_all",
    "aws_route53_resolver_firewall_domain_list": "tags tags_all",
    "aws_route53_resolver_firewall_rule_group": "tags tags_all",
    "aws_route53_resolver_firewall_rule_group_association": (
        "mutation_protection name priority tags tags_all"
    ),
    "aws_route53_resolver_query_log_config": "tags tags_all",
    "aws_route53_resolver_rule": "domain_name name resolver_endpoint_id tags tags_all",
    "aws_route53_traffic_policy": "comment",
    "aws_route53_traffic_policy_instance": "traffic_policy_id traffic_policy_version ttl",
    "aws_route53_zone": "tags tags_all",
    "aws_route53profiles_profile": "tags",
    "aws_route53recoveryreadiness_cell": "cells tags tags_all",
    "aws_route53recoveryreadiness_readiness_check": "resource_set_name tags tags_all",
    "aws_route53recoveryreadiness_recovery_group": "cells tags tags_all",
    "aws_route53recoveryreadiness_resource_set": "resources tags tags_all",
    "aws_route_table": "tags tags_all",
    "aws_rum_app_monitor": (
        "app_monitor_configuration custom_events cw_log_enabled domain domain_list tags tags_all"
    ),
    "aws_s3_access_point": "policy public_access_block_configuration tags tags_all",
    "aws_s3_bucket": (
        "object_lock_configuration object_lock_enabled replication_configuration tags tags_all"
    ),
    "aws_s3_bucket_object_lock_configuration": "object_lock_enabled",
    "aws_s3_bucket_versioning": "versioning_configuration",
    "aws_s3control_storage_lens_configuration": "storage_lens_configuration tags tags_all",
    "aws_s3tables_table": "name namespace tags",
    "aws_s3tables_table_bucket": "encryption_configuration tags",
    "aws_s3tables_table_bucket_policy": "resource_policy",
    "aws_s3tables_table_policy": "resource_policy",
    "aws_s3vectors_index": "tags",
    "aws_s3vectors_vector_bucket": "tags",
    "aws_s3vectors_vector_bucket_policy": "policy",
    "aws_sagemaker_app": "tags tags_all",
    "aws_sagemaker_app_image_config": (
        "code_editor_app_image_config kernel_gateway_image_config tags tags_all"
    ),
    "aws_sagemaker_code_repository": "git_config tags tags_all",
    "aws_sagemaker_data_quality_job_definition": "tags tags_all",
    "aws_sagemaker_device": "device device_fleet_name",
    "aws_sagemaker_device_fleet": "description output_config role_arn tags tags_all",
    "aws_sagemaker_domain": (
        "app_network_access_type app_security_group_management default_space_settings "
        "default_user_settings domain_settings subnet_ids tag_propagation tags tags_all "
        "vpc_id"
    ),
    "aws_sagemaker_endpoint": "deployment_config endpoint_config_name tags tags_all",
    "aws_sagemaker_feature_group": "online_store_config tags tags_all throughput_config",
    "aws_sagemaker_hub": "hub_description hub_display_name hub_search_keywords tags tags_all",
    "aws_sagemaker_human_task_ui": "tags tags_all",
    "aws_sagemaker_image": "description display_name role_arn tags tags_all",
    "aws_sagemaker_image_version": (
        "horovod job_type ml_framework processor programming_lang release_notes vendor_guidance"
    ),
    "aws_sagemaker_mlflow_tracking_server": (
        "artifact_store_uri automatic_model_registration mlflow_version role_arn tags "
        "tags_all tracking_server_size weekly_maintenance_window_start"
    ),
    "aws_sagemaker_model": "tags tags_all",
    "aws_sagemaker_model_package_group": "tags tags_all",
    "aws_sagemaker_monitoring_schedule": "monitoring_schedule_config tags tags_all",
    "aws_sagemaker_notebook_instance": (
        "additional_code_repositories default_code_repository "
        "instance_metadata_service_configuration instance_type lifecycle_config_name "
        "role_arn root_access tags tags_all"
    ),
    "aws_sagemaker_pipeline": (
        "parallelism_configuration pipeline_definition pipeline_description "
        "pipeline_display_name role_arn tags tags_all"
    ),
    "aws_sagemaker_project": "tags tags_all",
    "aws_sagemaker_space": "space_display_name tags tags_all",
    "aws_sagemaker_studio_lifecycle_config": "tags tags_all",
    "aws_sagemaker_user_profile": "tags tags_all user_settings",
    "aws_sagemaker_workforce": "oidc_config source_ip_config workforce_vpc_config",
    "aws_sagemaker_workteam": "description notification_configuration tags tags_all",
    "aws_scheduler_schedule": (
        "description end_date flexible_time_window group_name kms_key_arn "
        "schedule_expression schedule_expression_timezone start_date state target"
    ),
    "aws_scheduler_schedule_group": "tags tags_all",
    "aws_secretsmanager_secret": "description kms_key_id tags tags_all",
    "aws_security_group": "tags tags_all",
    "aws_securityhub_account": "auto_enable_controls control_finding_generator",
    "aws_securityhub_action_target": "description name",
    "aws_securityhub_automation_rule": (
        "actions criteria description is_terminal rule_name rule_order rule_status tags"
    ),
    "aws_securityhub_configuration_policy": "configuration_policy description name",
    "aws_securityhub_insight": "filters group_by_attribute name",
    "aws_securityhub_organization_configuration": "auto_enable auto_enable_standards",
    "aws_securitylake_data_lake": "tags",
    "aws_securitylake_subscriber": (
        "subscriber_description subscriber_identity subscriber_name tags"
    ),
    "aws_service_discovery_http_namespace": "description tags tags_all",
    "aws_service_discovery_instance": "attributes",
    "aws_service_discovery_private_dns_namespace": "description tags tags_all",
    "aws_service_discovery_public_dns_namespace": "description tags tags_all",
    "aws_service_discovery_service": "description dns_config health_check_config tags tags_all",
    "aws_servicecatalog_portfolio": "description provider_name tags tags_all",
    "aws_servicecatalog_portfolio_share": "share_tag_options",
    "aws_servicecatalog_service_action": "definition description name",
    "aws_servicecatalog_tag_option": "active",
    "aws_servicecatalogappregistry_application": "description name tags",
    "aws_servicecatalogappregistry_attribute_group": "attributes description name tags",
    "aws_ses_configuration_set": "delivery_options tracking_options",
    "aws_sesv2_configuration_set": (
        "delivery_options reputation_options sending_options suppression_options tags "
        "tags_all tracking_options vdm_options"
    ),
    "aws_sesv2_email_identity": "dkim_signing_attributes tags tags_all",
    "aws_sfn_activity": "tags tags_all",
    "aws_sfn_state_machine": (
        "encryption_configuration logging_configuration role_arn tags tags_all "
        "tracing_configuration"
    ),
    "aws_shield_protection": "tags tags_all",
    "aws_shield_protection_group": "aggregation members pattern resource_type tags tags_all",
    "aws_signer_signing_profile": "tags tags_all",
    "aws_sns_topic": (
        "archive_policy content_based_deduplication display_name fifo_throughput_scope "
        "kms_master_key_id signature_version tags tags_all tracing_config"
    ),
    "aws_sns_topic_subscription": (
        "delivery_policy filter_policy filter_policy_scope raw_message_delivery "
        "redrive_policy replay_policy subscription_role_arn"
    ),
    "aws_spot_instance_request": (
        "credit_specification disable_api_termination ebs_optimized host_id "
        "iam_instance_profile instance_initiated_shutdown_behavior instance_type "
        "metadata_options monitoring private_dns_name_options source_dest_check tags "
        "tags_all tenancy user_data"
    ),
    "aws_sqs_queue": (
        "content_based_deduplication deduplication_scope delay_seconds "
        "fifo_throughput_limit kms_data_key_reuse_period_seconds kms_master_key_id "
        "max_message_size message_retention_seconds receive_wait_time_seconds "
        "redrive_allow_policy redrive_policy sqs_managed_sse_enabled tags tags_all "
        "visibility_timeout_seconds"
    ),
    "aws_sqs_queue_redrive_allow_policy": "redrive_allow_policy",
    "aws_sqs_queue_redrive_policy": "redrive_policy",
    "aws_ssm_association": (
        "apply_only_at_cron_interval association_name automation_target_parameter_name "
        "calendar_names compliance_severity document_version max_concurrency max_errors "
        "name output_location parameters schedule_expression sync_compliance tags "
        "tags_all targets"
    ),
    "aws_ssm_document": "content document_format tags tags_all target_type version_name",
    "aws_ssm_maintenance_window": (
        "allow_unassociated_targets cutoff description duration end_date name schedule "
        "schedule_offset schedule_timezone start_date tags tags_all"
    ),
    "aws_ssm_parameter": "data_type tags tags_all type value",
    "aws_ssm_patch_baseline": (
        "approved_patches approved_patches_compliance_level "
        "approved_patches_enable_non_security "
        "available_security_updates_compliance_status description name rejected_patches "
        "rejected_patches_action tags tags_all"
    ),
    "aws_ssm_service_setting": "setting_value",
    "aws_ssmcontacts_contact": "display_name tags tags_all",
    "aws_ssmcontacts_rotation": "contact_ids name recurrence start_time tags time_zone_id",
    "aws_ssmincidents_replication_set": "regions tags tags_all",
    "aws_ssmincidents_response_plan": "display_name engagements incident_template tags tags_all",
    "aws_ssmquicksetup_configuration_manager": "description name tags",
    "aws_storagegateway_nfs_file_share": (
        "audit_destination_arn cache_attributes client_list default_storage_class "
        "file_share_name guess_mime_type_enabled kms_encrypted nfs_file_share_defaults "
        "notification_policy object_acl read_only requester_pays squash tags tags_all"
    ),
    "aws_storagegateway_smb_file_share": (
        "access_based_enumeration admin_user_list audit_destination_arn cache_attributes "
        "case_sensitivity default_storage_class file_share_name guess_mime_type_enabled "
        "invalid_user_list kms_encrypted notification_policy object_acl oplocks_enabled "
        "read_only requester_pays smb_acl_enabled tags tags_all valid_user_list"
    ),
    "aws_storagegateway_tape_pool": "tags tags_all",
    "aws_subnet": (
        "assign_ipv6_address_on_creation enable_dns64 ipv6_cidr_block "
        "map_public_ip_on_launch tags tags_all"
    ),
    "aws_synthetics_canary": (
        "artifact_config artifact_s3_location execution_role_arn failure_retention_period "
        "run_config runtime_version schedule success_retention_period tags tags_all "
        "vpc_config"
    ),
    "aws_synthetics_group": "tags tags_all",
    "aws_transcribe_medical_vocabulary": "tags tags_all",
    "aws_transcribe_vocabulary": "tags tags_all",
    "aws_transcribe_vocabulary_filter": "tags tags_all",
    "aws_transfer_agreement": (
        "access_role base_directory description local_profile_id partner_profile_id tags tags_all"
    ),
    "aws_transfer_certificate": "description tags tags_all usage",
    "aws_transfer_connector": (
        "access_role as2_config egress_config logging_role security_policy_name "
        "sftp_config tags tags_all url"
    ),
    "aws_transfer_host_key": "description tags",
    "aws_transfer_profile": "as2_id certificate_ids tags tags_all",
    "aws_transfer_server": (
        "certificate endpoint_details endpoint_type identity_provider_type logging_role "
        "post_authentication_login_banner pre_authentication_login_banner "
        "protocol_details protocols s3_storage_options security_policy_name "
        "structured_log_destinations tags tags_all workflow_details"
    ),
    "aws_transfer_user": (
        "home_directory home_directory_mappings home_directory_type policy posix_profile "
        "role tags tags_all"
    ),
    "aws_transfer_web_app": "access_endpoint identity_provider_details tags",
    "aws_transfer_workflow": "tags tags_all",
    "aws_verifiedpermissions_identity_source": "principal_entity_type",
    "aws_verifiedpermissions_policy_store": (
        "deletion_protection description tags validation_settings"
    ),
    "aws_verifiedpermissions_policy_template": "description statement",
    "aws_vpc": "enable_dns_hostnames enable_dns_support instance_tenancy tags tags_all",
    "aws_vpc_dhcp_options": "tags tags_all",
    "aws_vpc_endpoint": (
        "dns_options ip_address_type private_dns_enabled route_table_ids "
        "security_group_ids subnet_ids tags tags_all"
    ),
    "aws_vpc_endpoint_service": (
        "acceptance_required gateway_load_balancer_arns network_load_balancer_arns "
        "private_dns_name supported_ip_address_types supported_regions tags tags_all"
    ),
    "aws_vpc_ipam": (
        "description enable_private_gua metered_account operating_regions tags tags_all tier"
    ),
    "aws_vpc_peering_connection": "tags tags_all",
    "aws_vpc_peering_connection_accepter": "tags tags_all",
    "aws_vpclattice_access_log_subscription": (
        "destination_arn service_network_log_type tags tags_all"
    ),
    "aws_vpclattice_auth_policy": "policy",
    "aws_vpclattice_domain_verification": "tags",
    "aws_vpclattice_listener": "default_action tags tags_all",
    "aws_vpclattice_resource_configuration": (
        "name port_ranges resource_configuration_definition tags"
    ),
    "aws_vpclattice_resource_gateway": "ipv4_addresses_per_eni security_group_ids tags",
    "aws_vpclattice_resource_policy": "policy",
    "aws_vpclattice_service": "auth_type certificate_arn tags tags_all",
    "aws_vpclattice_service_network": "auth_type tags tags_all",
    "aws_vpclattice_service_network_resource_association": "tags",
    "aws_vpclattice_service_network_service_association": "tags tags_all",
    "aws_vpclattice_service_network_vpc_association": "security_group_ids tags tags_all",
    "aws_vpclattice_target_group": "config tags tags_all",
    "aws_vpn_connection": (
        "customer_gateway_id tags tags_all transit_gateway_id tunnel_bandwidth vpn_gateway_id"
    ),
    "aws_vpn_gateway": "tags tags_all",
    "aws_wafv2_ip_set": "addresses description ip_address_version tags tags_all",
    "aws_wafv2_regex_pattern_set": "description tags tags_all",
    "aws_wafv2_rule_group": "capacity description tags tags_all visibility_config",
    "aws_wafv2_web_acl": (
        "association_config captcha_config challenge_config data_protection_config "
        "default_action description tags tags_all token_domains visibility_config"
    ),
    "aws_wafv2_web_acl_logging_configuration": (
        "log_destination_configs logging_filter redacted_fields"
    ),
    "aws_workspaces_connection_alias": "tags",
    "aws_workspaces_directory": (
        "certificate_based_auth_properties ip_group_ids saml_properties "
        "self_service_permissions tags tags_all workspace_access_properties "
        "workspace_creation_properties"
    ),
    "aws_workspaces_workspace": (
        "bundle_id root_volume_encryption_enabled tags tags_all "
        "user_volume_encryption_enabled volume_encryption_key workspace_properties"
    ),
    "aws_workspacesweb_browser_settings": "browser_policy tags",
    "aws_workspacesweb_data_protection_settings": (
        "description display_name inline_redaction_configuration tags"
    ),
    "aws_workspacesweb_identity_provider": (
        "identity_provider_details identity_provider_name identity_provider_type tags"
    ),
    "aws_workspacesweb_ip_access_settings": "description display_name tags",
    "aws_workspacesweb_network_settings": "security_group_ids subnet_ids tags vpc_id",
    "aws_workspacesweb_portal": (
        "authentication_type browser_settings_arn display_name instance_type "
        "max_concurrent_sessions tags"
    ),
    "aws_workspacesweb_session_logger": "display_name log_configuration tags",
    "aws_workspacesweb_trust_store": "tags",
    "aws_workspacesweb_user_access_logging_settings": "kinesis_stream_arn tags",
    "aws_workspacesweb_user_settings": (
        "additional_encryption_context cookie_synchronization_configuration copy_allowed "
        "customer_managed_key deep_link_allowed disconnect_timeout_in_minutes "
        "download_allowed idle_disconnect_timeout_in_minutes paste_allowed print_allowed "
        "tags toolbar_configuration upload_allowed"
    ),
    "aws_xray_group": "filter_expression group_name insights_configuration tags tags_all",
    "aws_xray_resource_policy": "policy_document",
    "aws_xray_sampling_rule": "rule_name tags tags_all",
}
