"""Systems Manager: Parameter Store, documents, associations, maintenance windows, patch
baselines and service settings.

Sessions, commands, automation runs and agent check-ins (StartSession, SendCommand,
UpdateInstanceInformation …) change nothing IaC manages: no rules.
"""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

SSM = "ssm.amazonaws.com"

PARAM = "AWS::SSM::Parameter"
DOC = "AWS::SSM::Document"
ASSOC = "AWS::SSM::Association"
WINDOW = "AWS::SSM::MaintenanceWindow"
BASELINE = "AWS::SSM::PatchBaseline"
SERVICE_SETTING = "AWS::SSM::ServiceSetting"
DATA_SYNC = "AWS::SSM::ResourceDataSync"
ACTIVATION = "AWS::SSM::Activation"
OPS_METADATA = "AWS::SSM::OpsMetadata"
DEFAULT_HOST_MANAGEMENT = "AWS::SSM::DefaultHostManagement"


def _parameter_name(arn: Arn) -> str:
    """`parameter/a/b` is `/a/b`: hierarchical names start with a slash, which the ARN drops."""
    return "/" + arn.resource if "/" in arn.resource else arn.resource


TYPES = (
    ResourceType(PARAM, "name", "parameter/", id_from_arn=_parameter_name),
    ResourceType(DOC, "name", "document/"),
    ResourceType(ASSOC, "id", "association/"),
    ResourceType(WINDOW, "id", "maintenancewindow/"),
    ResourceType(BASELINE, "id", "patchbaseline/"),
    ResourceType(SERVICE_SETTING, "name", "servicesetting/", cfn=False),
    ResourceType(DATA_SYNC, "name", "resource-data-sync/"),
    ResourceType(ACTIVATION, "id", cfn=False),
    ResourceType(OPS_METADATA, "arn"),
    ResourceType(DEFAULT_HOST_MANAGEMENT, "account", cfn=False),
)
ARN_KINDS = {
    ("ssm", "parameter"): PARAM,
    ("ssm", "document"): DOC,
}

TAGS = ("AddTagsToResource", "RemoveTagsFromResource")


def _tagged(kind: str) -> str:
    """JMESPath: the tagged resource's id when the tag call names `kind` in `resourceType`."""
    return f"requestParameters.resourceType == '{kind}' && requestParameters.resourceId"


# Parameters (SSM API reference). PutParameter creates a parameter unless it overwrites one.
RULES = [
    on(SSM, "PutParameter", PARAM, UPDATE, "requestParameters.overwrite && requestParameters.name"),
    on(
        SSM,
        "PutParameter",
        PARAM,
        CREATE,
        "!(requestParameters.overwrite) && requestParameters.name",
    ),
    on(
        SSM,
        ("LabelParameterVersion", "UnlabelParameterVersion"),
        PARAM,
        UPDATE,
        "requestParameters.name",
    ),
    on(SSM, "DeleteParameter", PARAM, DELETE, "requestParameters.name"),
    on(SSM, "DeleteParameters", PARAM, DELETE, "requestParameters.names"),
    # Tags name the kind of resource in `resourceType`.
    on(SSM, TAGS, PARAM, UPDATE, _tagged("Parameter")),
    on(SSM, TAGS, DOC, UPDATE, _tagged("Document")),
    on(SSM, TAGS, WINDOW, UPDATE, _tagged("MaintenanceWindow")),
    on(SSM, TAGS, BASELINE, UPDATE, _tagged("PatchBaseline")),
    # Documents: awsdocs aws-systems-manager-user-guide monitoring-cloudtrail-logs
    # (DeleteDocument).
    on(SSM, "CreateDocument", DOC, CREATE, "requestParameters.name"),
    on(
        SSM,
        ("UpdateDocument", "UpdateDocumentDefaultVersion", "ModifyDocumentPermission"),
        DOC,
        UPDATE,
        "requestParameters.name",
    ),
    on(SSM, "DeleteDocument", DOC, DELETE, "requestParameters.name"),
    # Associations (State Manager): the id is made by the server.
    on(
        SSM,
        "CreateAssociation",
        ASSOC,
        CREATE,
        "responseElements.associationDescription.associationId",
    ),
    on(
        SSM,
        "CreateAssociationBatch",
        ASSOC,
        CREATE,
        "responseElements.successful[].associationId",
    ),
    on(SSM, "UpdateAssociation", ASSOC, UPDATE, "requestParameters.associationId"),
    on(SSM, "DeleteAssociation", ASSOC, DELETE, "requestParameters.associationId"),
    # Maintenance windows; their targets and tasks are changes of the window.
    on(SSM, "CreateMaintenanceWindow", WINDOW, CREATE, "responseElements.windowId"),
    on(
        SSM,
        (
            "UpdateMaintenanceWindow",
            "RegisterTargetWithMaintenanceWindow",
            "DeregisterTargetFromMaintenanceWindow",
            "UpdateMaintenanceWindowTarget",
            "RegisterTaskWithMaintenanceWindow",
            "DeregisterTaskFromMaintenanceWindow",
            "UpdateMaintenanceWindowTask",
        ),
        WINDOW,
        UPDATE,
        "requestParameters.windowId",
    ),
    on(SSM, "DeleteMaintenanceWindow", WINDOW, DELETE, "requestParameters.windowId"),
    # Patch baselines, and which baseline is the default or serves a patch group.
    on(SSM, "CreatePatchBaseline", BASELINE, CREATE, "responseElements.baselineId"),
    on(
        SSM,
        (
            "UpdatePatchBaseline",
            "RegisterDefaultPatchBaseline",
            "RegisterPatchBaselineForPatchGroup",
            "DeregisterPatchBaselineForPatchGroup",
        ),
        BASELINE,
        UPDATE,
        "requestParameters.baselineId",
    ),
    on(SSM, "DeletePatchBaseline", BASELINE, DELETE, "requestParameters.baselineId"),
    # Account-level service settings (`settingId` is a path such as /ssm/… or its ARN).
    on(
        SSM,
        ("UpdateServiceSetting", "ResetServiceSetting"),
        SERVICE_SETTING,
        UPDATE,
        "requestParameters.settingId",
    ),
    # Resource data syncs, hybrid activations, OpsMetadata, resource policies (on parameters
    # and OpsItem groups), Default Host Management (API reference).
    on(SSM, "CreateResourceDataSync", DATA_SYNC, CREATE, "requestParameters.syncName"),
    on(SSM, "UpdateResourceDataSync", DATA_SYNC, UPDATE, "requestParameters.syncName"),
    on(SSM, "DeleteResourceDataSync", DATA_SYNC, DELETE, "requestParameters.syncName"),
    on(SSM, "CreateActivation", ACTIVATION, CREATE, "responseElements.activationId"),
    on(SSM, "DeleteActivation", ACTIVATION, DELETE, "requestParameters.activationId"),
    on(SSM, "CreateOpsMetadata", OPS_METADATA, CREATE, "responseElements.opsMetadataArn"),
    on(SSM, "UpdateOpsMetadata", OPS_METADATA, UPDATE, "requestParameters.opsMetadataArn"),
    on(SSM, "DeleteOpsMetadata", OPS_METADATA, DELETE, "requestParameters.opsMetadataArn"),
    on(
        SSM,
        ("PutResourcePolicy", "DeleteResourcePolicy"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
    on(
        SSM,
        (
            "RegisterDefaultHostManagementConfiguration",
            "DeregisterDefaultHostManagementConfiguration",
        ),
        DEFAULT_HOST_MANAGEMENT,
        UPDATE,
        "recipientAccountId",
    ),
]

TERRAFORM = [
    tf("aws_ssm_parameter", PARAM, "name", "id", "arn"),
    tf("aws_ssm_document", DOC, "name", "id", "arn"),
    tf("aws_ssm_association", ASSOC, "association_id", "id"),
    tf("aws_ssm_maintenance_window", WINDOW, "id"),
    *children(
        WINDOW, "window_id", "aws_ssm_maintenance_window_target", "aws_ssm_maintenance_window_task"
    ),
    tf("aws_ssm_patch_baseline", BASELINE, "id", "arn"),
    tf("aws_ssm_service_setting", SERVICE_SETTING, "setting_id", "arn"),
    tf("aws_ssm_resource_data_sync", DATA_SYNC, "name", "id"),
    tf("aws_ssm_activation", ACTIVATION, "id"),
]

OPERATIONAL = [
    ops(
        SSM,
        "OpsCenter items and their links, change requests, access requests, execution "
        "previews, maintenance window runs, inventory deletions, managed instances leaving or "
        "changing role, documents' review metadata, association status reports: operations "
        "work, not configuration IaC holds",
        """CreateOpsItem UpdateOpsItem DeleteOpsItem AssociateOpsItemRelatedItem
        DisassociateOpsItemRelatedItem StartChangeRequestExecution StartAccessRequest
        StartExecutionPreview CancelMaintenanceWindowExecution DeleteInventory
        DeregisterManagedInstance UpdateManagedInstanceRole UpdateDocumentMetadata
        UpdateAssociationStatus""",
    ),
    ops(
        SSM,
        "cloud connectors (2025) have no IaC type yet",
        "CreateCloudConnector UpdateCloudConnector DeleteCloudConnector",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("ssm",),
    unreachable={
        SERVICE_SETTING: "service settings always exist: UpdateServiceSetting and "
        "ResetServiceSetting change them",
        DEFAULT_HOST_MANAGEMENT: "an account-wide setting of the region, changed by "
        "Register/DeregisterDefaultHostManagementConfiguration",
    },
)
