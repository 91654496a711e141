"""Redshift provisioned clusters, by identifier."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, On, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import part_of, tf

RS = "redshift.amazonaws.com"

CLUSTER = "AWS::Redshift::Cluster"
PARAMETER_GROUP = "AWS::Redshift::ClusterParameterGroup"
SUBNET_GROUP = "AWS::Redshift::ClusterSubnetGroup"
SECURITY_GROUP = "AWS::Redshift::ClusterSecurityGroup"
EVENT_SUBSCRIPTION = "AWS::Redshift::EventSubscription"
SNAPSHOT_SCHEDULE = "AWS::Redshift::SnapshotSchedule"
SNAPSHOT_COPY_GRANT = "AWS::Redshift::SnapshotCopyGrant"
SCHEDULED_ACTION = "AWS::Redshift::ScheduledAction"
USAGE_LIMIT = "AWS::Redshift::UsageLimit"
HSM_CLIENT_CERTIFICATE = "AWS::Redshift::HsmClientCertificate"
HSM_CONFIGURATION = "AWS::Redshift::HsmConfiguration"
AUTHENTICATION_PROFILE = "AWS::Redshift::AuthenticationProfile"
ENDPOINT_ACCESS = "AWS::Redshift::EndpointAccess"
INTEGRATION = "AWS::Redshift::Integration"
CLUSTER_SNAPSHOT = "AWS::Redshift::ClusterSnapshot"
IDC_APPLICATION = "AWS::Redshift::IdcApplication"

TYPES = (
    ResourceType(CLUSTER, "name", "cluster:"),
    ResourceType(PARAMETER_GROUP, "name", "parametergroup:"),
    ResourceType(SUBNET_GROUP, "name", "subnetgroup:"),
    ResourceType(SECURITY_GROUP, "name", "securitygroup:", cfn=False),
    ResourceType(EVENT_SUBSCRIPTION, "name", "eventsubscription:"),
    ResourceType(SNAPSHOT_SCHEDULE, "name", "snapshotschedule:", cfn=False),
    ResourceType(SNAPSHOT_COPY_GRANT, "name", "snapshotcopygrant:", cfn=False),
    ResourceType(SCHEDULED_ACTION, "name", "scheduledaction:", cfn=False),
    ResourceType(USAGE_LIMIT, "id", "usagelimit:", cfn=False),
    ResourceType(HSM_CLIENT_CERTIFICATE, "name", "hsmclientcertificate:", cfn=False),
    ResourceType(HSM_CONFIGURATION, "name", "hsmconfiguration:", cfn=False),
    ResourceType(AUTHENTICATION_PROFILE, "name", cfn=False),
    ResourceType(ENDPOINT_ACCESS, "name"),
    ResourceType(INTEGRATION, "arn"),
    ResourceType(CLUSTER_SNAPSHOT, "name", "snapshot:", cfn=False),
    ResourceType(IDC_APPLICATION, "arn", cfn=False),
)
ARN_KINDS = {
    ("redshift", "cluster"): CLUSTER,
}


def _named(noun: str, rtype: str, key: str, *also_updates: str) -> list[On]:
    """Create{noun}, Modify{noun} (and `also_updates`) and Delete{noun}, naming the resource
    in the request's `key`."""
    ids = f"requestParameters.{key}"
    return [
        on(RS, f"Create{noun}", rtype, CREATE, ids),
        on(RS, (f"Modify{noun}", *also_updates), rtype, UPDATE, ids),
        on(RS, f"Delete{noun}", rtype, DELETE, ids),
    ]


# Redshift API reference (query protocol); Cloud Custodian's CreateCluster shortcut uses
# `requestParameters.clusterIdentifier` too.
RULES = [
    on(RS, "CreateCluster", CLUSTER, CREATE, "requestParameters.clusterIdentifier"),
    on(
        RS,
        (
            "ModifyCluster",
            "ResizeCluster",
            "ModifyClusterIamRoles",
            "ModifyClusterMaintenance",
            "EnableLogging",
            "DisableLogging",
        ),
        CLUSTER,
        UPDATE,
        "requestParameters.clusterIdentifier",
    ),
    on(RS, "DeleteCluster", CLUSTER, DELETE, "requestParameters.clusterIdentifier"),
    on(RS, ("CreateTags", "DeleteTags"), BY_ARN, UPDATE, "requestParameters.resourceName"),
    on(
        RS,
        ("PauseCluster", "ResumeCluster"),
        CLUSTER,
        UPDATE,
        "requestParameters.clusterIdentifier",
    ),
    # More cluster settings: snapshot copy, AQUA, revision, snapshot schedule, lakehouse,
    # custom domains, partners, encryption key, restores into it (API reference).
    on(
        RS,
        (
            "EnableSnapshotCopy",
            "DisableSnapshotCopy",
            "ModifySnapshotCopyRetentionPeriod",
            "ModifyAquaConfiguration",
            "ModifyClusterDbRevision",
            "ModifyClusterSnapshotSchedule",
            "ModifyLakehouseConfiguration",
            "CreateCustomDomainAssociation",
            "ModifyCustomDomainAssociation",
            "DeleteCustomDomainAssociation",
            "AddPartner",
            "DeletePartner",
            "UpdatePartnerStatus",
            "RotateEncryptionKey",
            "CancelResize",
            "FailoverPrimaryCompute",
        ),
        CLUSTER,
        UPDATE,
        "requestParameters.clusterIdentifier",
    ),
    on(RS, "RestoreFromClusterSnapshot", CLUSTER, CREATE, "requestParameters.clusterIdentifier"),
    *_named(
        "ClusterParameterGroup", PARAMETER_GROUP, "parameterGroupName", "ResetClusterParameterGroup"
    ),
    *_named("ClusterSubnetGroup", SUBNET_GROUP, "clusterSubnetGroupName"),
    on(
        RS,
        "CreateClusterSecurityGroup",
        SECURITY_GROUP,
        CREATE,
        "requestParameters.clusterSecurityGroupName",
    ),
    on(
        RS,
        ("AuthorizeClusterSecurityGroupIngress", "RevokeClusterSecurityGroupIngress"),
        SECURITY_GROUP,
        UPDATE,
        "requestParameters.clusterSecurityGroupName",
    ),
    on(
        RS,
        "DeleteClusterSecurityGroup",
        SECURITY_GROUP,
        DELETE,
        "requestParameters.clusterSecurityGroupName",
    ),
    *_named("EventSubscription", EVENT_SUBSCRIPTION, "subscriptionName"),
    *_named("SnapshotSchedule", SNAPSHOT_SCHEDULE, "scheduleIdentifier"),
    on(
        RS,
        "CreateSnapshotCopyGrant",
        SNAPSHOT_COPY_GRANT,
        CREATE,
        "requestParameters.snapshotCopyGrantName",
    ),
    on(
        RS,
        "DeleteSnapshotCopyGrant",
        SNAPSHOT_COPY_GRANT,
        DELETE,
        "requestParameters.snapshotCopyGrantName",
    ),
    *_named("ScheduledAction", SCHEDULED_ACTION, "scheduledActionName"),
    on(RS, "CreateUsageLimit", USAGE_LIMIT, CREATE, "responseElements.usageLimitId"),
    on(RS, "ModifyUsageLimit", USAGE_LIMIT, UPDATE, "requestParameters.usageLimitId"),
    on(RS, "DeleteUsageLimit", USAGE_LIMIT, DELETE, "requestParameters.usageLimitId"),
    on(
        RS,
        "CreateHsmClientCertificate",
        HSM_CLIENT_CERTIFICATE,
        CREATE,
        "requestParameters.hsmClientCertificateIdentifier",
    ),
    on(
        RS,
        "DeleteHsmClientCertificate",
        HSM_CLIENT_CERTIFICATE,
        DELETE,
        "requestParameters.hsmClientCertificateIdentifier",
    ),
    on(
        RS,
        "CreateHsmConfiguration",
        HSM_CONFIGURATION,
        CREATE,
        "requestParameters.hsmConfigurationIdentifier",
    ),
    on(
        RS,
        "DeleteHsmConfiguration",
        HSM_CONFIGURATION,
        DELETE,
        "requestParameters.hsmConfigurationIdentifier",
    ),
    *_named("AuthenticationProfile", AUTHENTICATION_PROFILE, "authenticationProfileName"),
    *_named("EndpointAccess", ENDPOINT_ACCESS, "endpointName"),
    on(
        RS,
        ("AuthorizeEndpointAccess", "RevokeEndpointAccess"),
        CLUSTER,
        UPDATE,
        "requestParameters.clusterIdentifier",
    ),
    on(RS, "CreateIntegration", INTEGRATION, CREATE, "responseElements.integrationArn"),
    on(RS, "ModifyIntegration", INTEGRATION, UPDATE, "requestParameters.integrationArn"),
    on(RS, "DeleteIntegration", INTEGRATION, DELETE, "requestParameters.integrationArn"),
    on(
        RS,
        "CreateClusterSnapshot",
        CLUSTER_SNAPSHOT,
        CREATE,
        "requestParameters.snapshotIdentifier",
    ),
    on(
        RS,
        "CopyClusterSnapshot",
        CLUSTER_SNAPSHOT,
        CREATE,
        "requestParameters.targetSnapshotIdentifier",
    ),
    on(
        RS,
        ("ModifyClusterSnapshot", "AuthorizeSnapshotAccess", "RevokeSnapshotAccess"),
        CLUSTER_SNAPSHOT,
        UPDATE,
        "requestParameters.snapshotIdentifier",
    ),
    on(
        RS,
        "DeleteClusterSnapshot",
        CLUSTER_SNAPSHOT,
        DELETE,
        "requestParameters.snapshotIdentifier",
    ),
    on(
        RS,
        "CreateRedshiftIdcApplication",
        IDC_APPLICATION,
        CREATE,
        "responseElements.redshiftIdcApplication.redshiftIdcApplicationArn",
    ),
    on(
        RS,
        "CreateQev2IdcApplication",
        IDC_APPLICATION,
        CREATE,
        "responseElements.qev2IdcApplication.qev2IdcApplicationArn",
    ),
    on(
        RS,
        "ModifyRedshiftIdcApplication",
        IDC_APPLICATION,
        UPDATE,
        "requestParameters.redshiftIdcApplicationArn",
    ),
    on(
        RS,
        "DeleteRedshiftIdcApplication",
        IDC_APPLICATION,
        DELETE,
        "requestParameters.redshiftIdcApplicationArn",
    ),
    on(
        RS,
        "ModifyQev2IdcApplication",
        IDC_APPLICATION,
        UPDATE,
        "requestParameters.qev2IdcApplicationArn",
    ),
    on(
        RS,
        "DeleteQev2IdcApplication",
        IDC_APPLICATION,
        DELETE,
        "requestParameters.qev2IdcApplicationArn",
    ),
    on(
        RS,
        ("PutResourcePolicy", "DeleteResourcePolicy"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
]

TERRAFORM = [
    tf("aws_redshift_cluster", CLUSTER, "cluster_identifier", "id", "arn"),
    tf("aws_redshift_parameter_group", PARAMETER_GROUP, "name", "id", "arn"),
    tf("aws_redshift_subnet_group", SUBNET_GROUP, "name", "id", "arn"),
    tf("aws_redshift_event_subscription", EVENT_SUBSCRIPTION, "name", "id", "arn"),
    tf("aws_redshift_snapshot_schedule", SNAPSHOT_SCHEDULE, "identifier", "id", "arn"),
    part_of("aws_redshift_snapshot_schedule_association", CLUSTER, "cluster_identifier"),
    tf(
        "aws_redshift_snapshot_copy_grant",
        SNAPSHOT_COPY_GRANT,
        "snapshot_copy_grant_name",
        "id",
        "arn",
    ),
    part_of("aws_redshift_snapshot_copy", CLUSTER, "cluster_identifier"),
    tf("aws_redshift_scheduled_action", SCHEDULED_ACTION, "name", "id"),
    tf("aws_redshift_usage_limit", USAGE_LIMIT, "id", "arn"),
    tf(
        "aws_redshift_hsm_client_certificate",
        HSM_CLIENT_CERTIFICATE,
        "hsm_client_certificate_identifier",
        "id",
        "arn",
    ),
    tf(
        "aws_redshift_hsm_configuration",
        HSM_CONFIGURATION,
        "hsm_configuration_identifier",
        "id",
        "arn",
    ),
    tf(
        "aws_redshift_authentication_profile",
        AUTHENTICATION_PROFILE,
        "authentication_profile_name",
        "id",
    ),
    tf("aws_redshift_endpoint_access", ENDPOINT_ACCESS, "endpoint_name", "id"),
    part_of("aws_redshift_endpoint_authorization", CLUSTER, "cluster_identifier"),
    tf("aws_redshift_integration", INTEGRATION, "arn", "id"),
    tf("aws_redshift_cluster_snapshot", CLUSTER_SNAPSHOT, "snapshot_identifier", "id", "arn"),
    part_of("aws_redshift_partner", CLUSTER, "cluster_identifier"),
    part_of("aws_redshift_logging", CLUSTER, "cluster_identifier"),
    tf("aws_redshift_idc_application", IDC_APPLICATION, "redshift_idc_application_arn", "id"),
]

OPERATIONAL = [
    ops(RS, "reserved nodes bought: billing", "PurchaseReservedNodeOffering"),
    ops(
        RS,
        "reboots, table restores, reserved node exchanges, data shares offered, accepted or "
        "refused between accounts, namespaces registered for data sharing",
        """RebootCluster RestoreTableFromClusterSnapshot AcceptReservedNodeExchange
        AuthorizeDataShare DeauthorizeDataShare AssociateDataShareConsumer
        DisassociateDataShareConsumer RejectDataShare RegisterNamespace DeregisterNamespace""",
    ),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("redshift",)
)
