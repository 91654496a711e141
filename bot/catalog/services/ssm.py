"""Systems Manager: Parameter Store, documents, associations, maintenance windows, patch
baselines and service settings.

Sessions, commands, automation runs and agent check-ins (StartSession, SendCommand,
UpdateInstanceInformation …) change nothing IaC manages: no rules.
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

SSM = "ssm.amazonaws.com"
PARAM = "AWS::SSM::Parameter"
DOC = "AWS::SSM::Document"
ASSOC = "AWS::SSM::Association"
WINDOW = "AWS::SSM::MaintenanceWindow"
BASELINE = "AWS::SSM::PatchBaseline"

# Parameters (SSM API reference). PutParameter creates a parameter unless it overwrites one.
on(SSM, "PutParameter", PARAM, UPDATE, "requestParameters.overwrite && requestParameters.name")
on(SSM, "PutParameter", PARAM, CREATE, "!(requestParameters.overwrite) && requestParameters.name")
on(
    SSM,
    ("LabelParameterVersion", "UnlabelParameterVersion"),
    PARAM,
    UPDATE,
    "requestParameters.name",
)
on(SSM, "DeleteParameter", PARAM, DELETE, "requestParameters.name")
on(SSM, "DeleteParameters", PARAM, DELETE, "requestParameters.names")

# Tags name the kind of resource in `resourceType`.
TAGS = ("AddTagsToResource", "RemoveTagsFromResource")
for kind, rtype in (
    ("Parameter", PARAM),
    ("Document", DOC),
    ("MaintenanceWindow", WINDOW),
    ("PatchBaseline", BASELINE),
):
    on(
        SSM,
        TAGS,
        rtype,
        UPDATE,
        f"requestParameters.resourceType == '{kind}' && requestParameters.resourceId",
    )

# Documents: awsdocs aws-systems-manager-user-guide monitoring-cloudtrail-logs (DeleteDocument).
on(SSM, "CreateDocument", DOC, CREATE, "requestParameters.name")
on(
    SSM,
    ("UpdateDocument", "UpdateDocumentDefaultVersion", "ModifyDocumentPermission"),
    DOC,
    UPDATE,
    "requestParameters.name",
)
on(SSM, "DeleteDocument", DOC, DELETE, "requestParameters.name")

# Associations (State Manager): the id is made by the server.
on(SSM, "CreateAssociation", ASSOC, CREATE, "responseElements.associationDescription.associationId")
on(
    SSM,
    "CreateAssociationBatch",
    ASSOC,
    CREATE,
    "responseElements.successful[].associationId",
)
on(SSM, "UpdateAssociation", ASSOC, UPDATE, "requestParameters.associationId")
on(SSM, "DeleteAssociation", ASSOC, DELETE, "requestParameters.associationId")

# Maintenance windows; their targets and tasks are changes of the window.
on(SSM, "CreateMaintenanceWindow", WINDOW, CREATE, "responseElements.windowId")
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
)
on(SSM, "DeleteMaintenanceWindow", WINDOW, DELETE, "requestParameters.windowId")

# Patch baselines, and which baseline is the default or serves a patch group.
on(SSM, "CreatePatchBaseline", BASELINE, CREATE, "responseElements.baselineId")
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
)
on(SSM, "DeletePatchBaseline", BASELINE, DELETE, "requestParameters.baselineId")

# Account-level service settings (`settingId` is a path such as /ssm/… or its ARN).
on(
    SSM,
    ("UpdateServiceSetting", "ResetServiceSetting"),
    "AWS::SSM::ServiceSetting",
    UPDATE,
    "requestParameters.settingId",
)
