"""EC2 compute: security groups, instances, volumes, snapshots, images, launch templates, key
pairs, account-wide EC2 settings and tags. Networking (VPC and friends) is in `vpc.py`.

EC2 logs two request shapes. Calls of the classic Query API use camelCase keys with
`…Set.items[]` lists (`requestParameters.instancesSet.items[].instanceId`); calls added later
log a PascalCase wrapper named after the request (`ModifyInstanceMetadataOptionsRequest`) and a
`…Response` wrapper whose members keep the XML names (`iamInstanceProfileAssociation.instanceId`).
"""

from __future__ import annotations

from bot.catalog.rules import BY_EC2_ID, CREATE, DELETE, UPDATE, on

EC2 = "ec2.amazonaws.com"

SG = "AWS::EC2::SecurityGroup"
INSTANCE = "AWS::EC2::Instance"
VOLUME = "AWS::EC2::Volume"
SNAPSHOT = "AWS::EC2::Snapshot"
IMAGE = "AWS::EC2::Image"
LAUNCH_TEMPLATE = "AWS::EC2::LaunchTemplate"
KEY_PAIR = "AWS::EC2::KeyPair"

# --- Security groups: every rule change is an update of the group ----------------------------
# Create/Authorize*: real records (panther-analysis, stratus-red-team). Newer Authorize* responses
# also list the rules in securityGroupRuleSet, with the group id (stratus-red-team record).
on(EC2, "CreateSecurityGroup", SG, CREATE, "responseElements.groupId")
# API_DeleteSecurityGroup: the response now echoes groupId (the only id for by-name deletes).
on(EC2, "DeleteSecurityGroup", SG, DELETE, "requestParameters.groupId || responseElements.groupId")
on(
    EC2,
    (
        "AuthorizeSecurityGroupIngress",
        "AuthorizeSecurityGroupEgress",
        "RevokeSecurityGroupIngress",
        "RevokeSecurityGroupEgress",
    ),
    SG,
    UPDATE,
    "requestParameters.groupId || responseElements.securityGroupRuleSet.items[].groupId",
)
# PascalCase wrapper (EVENT-IDS.md #17; API_ModifySecurityGroupRules).
on(
    EC2,
    "ModifySecurityGroupRules",
    SG,
    UPDATE,
    "requestParameters.ModifySecurityGroupRulesRequest.GroupId",
)
# API_UpdateSecurityGroupRuleDescriptions*: the request shape is that of Authorize*; the
# wrapper alternative covers a PascalCase logging of the same call (no sample seen).
for _name in (
    "UpdateSecurityGroupRuleDescriptionsIngress",
    "UpdateSecurityGroupRuleDescriptionsEgress",
):
    on(
        EC2,
        _name,
        SG,
        UPDATE,
        f"requestParameters.groupId || requestParameters.{_name}Request.GroupId",
    )

# --- Instances ----------------------------------------------------------------------------------
# RunInstances: one call, several instances (cloud-custodian record with two). State changes:
# real records for Terminate/Stop/Start (awsdocs, panther-analysis, stratus-red-team).
on(EC2, "RunInstances", INSTANCE, CREATE, "responseElements.instancesSet.items[].instanceId")
on(EC2, "TerminateInstances", INSTANCE, DELETE, "requestParameters.instancesSet.items[].instanceId")
on(
    EC2,
    (
        "StopInstances",
        "StartInstances",
        "RebootInstances",
        "MonitorInstances",
        "UnmonitorInstances",
    ),
    INSTANCE,
    UPDATE,
    "requestParameters.instancesSet.items[].instanceId",
)
on(EC2, "ModifyInstanceAttribute", INSTANCE, UPDATE, "requestParameters.instanceId")
on(
    EC2,
    "ModifyInstanceMetadataOptions",
    INSTANCE,
    UPDATE,
    "requestParameters.ModifyInstanceMetadataOptionsRequest.InstanceId"
    " || responseElements.ModifyInstanceMetadataOptionsResponse.instanceId",
)
# Instance profiles: Associate names the instance; Replace/Disassociate only carry the
# association id (iip-assoc-…) in the request, the instance id is in the response.
on(
    EC2,
    "AssociateIamInstanceProfile",
    INSTANCE,
    UPDATE,
    "requestParameters.AssociateIamInstanceProfileRequest.InstanceId"
    " || responseElements.AssociateIamInstanceProfileResponse"
    ".iamInstanceProfileAssociation.instanceId",
)
for _name in ("ReplaceIamInstanceProfileAssociation", "DisassociateIamInstanceProfile"):
    on(
        EC2,
        _name,
        INSTANCE,
        UPDATE,
        f"responseElements.{_name}Response.iamInstanceProfileAssociation.instanceId",
    )

# --- Volumes ------------------------------------------------------------------------------------
# CreateVolume: real records (awsdocs KMS guide, cloud-custodian). Attach/Detach change the
# volume and the instance it is attached to (API_AttachVolume, API_DetachVolume).
on(EC2, "CreateVolume", VOLUME, CREATE, "responseElements.volumeId")
on(EC2, "DeleteVolume", VOLUME, DELETE, "requestParameters.volumeId")
on(EC2, ("AttachVolume", "DetachVolume"), VOLUME, UPDATE, "requestParameters.volumeId")
on(
    EC2,
    ("AttachVolume", "DetachVolume"),
    INSTANCE,
    UPDATE,
    "requestParameters.instanceId || responseElements.instanceId",
)
on(
    EC2,
    "ModifyVolume",
    VOLUME,
    UPDATE,
    "requestParameters.ModifyVolumeRequest.VolumeId"
    " || responseElements.ModifyVolumeResponse.volumeModification.volumeId",
)

# --- Snapshots and images -------------------------------------------------------------------
# ModifySnapshotAttribute / ModifyImageAttribute / CreateImage: real records (panther-analysis,
# stratus-red-team, streamalert). The rest: API_CreateSnapshot, API_CopySnapshot, API_CopyImage,
# API_RegisterImage (new ids in the response), API_DeleteSnapshot, API_DeregisterImage.
on(EC2, ("CreateSnapshot", "CopySnapshot"), SNAPSHOT, CREATE, "responseElements.snapshotId")
on(EC2, "DeleteSnapshot", SNAPSHOT, DELETE, "requestParameters.snapshotId")
on(EC2, "ModifySnapshotAttribute", SNAPSHOT, UPDATE, "requestParameters.snapshotId")
on(EC2, ("CreateImage", "RegisterImage", "CopyImage"), IMAGE, CREATE, "responseElements.imageId")
on(EC2, "DeregisterImage", IMAGE, DELETE, "requestParameters.imageId")
on(EC2, "ModifyImageAttribute", IMAGE, UPDATE, "requestParameters.imageId")

# --- Launch templates (PascalCase wrappers; the response names the template by id) ------------
on(
    EC2,
    "CreateLaunchTemplate",
    LAUNCH_TEMPLATE,
    CREATE,
    "responseElements.CreateLaunchTemplateResponse.launchTemplate.launchTemplateId",
)
on(
    EC2,
    "CreateLaunchTemplateVersion",
    LAUNCH_TEMPLATE,
    UPDATE,
    "responseElements.CreateLaunchTemplateVersionResponse.launchTemplateVersion.launchTemplateId"
    " || requestParameters.CreateLaunchTemplateVersionRequest.LaunchTemplateId",
)
on(
    EC2,
    "ModifyLaunchTemplate",
    LAUNCH_TEMPLATE,
    UPDATE,
    "responseElements.ModifyLaunchTemplateResponse.launchTemplate.launchTemplateId"
    " || requestParameters.ModifyLaunchTemplateRequest.LaunchTemplateId",
)
on(
    EC2,
    "DeleteLaunchTemplate",
    LAUNCH_TEMPLATE,
    DELETE,
    "responseElements.DeleteLaunchTemplateResponse.launchTemplate.launchTemplateId"
    " || requestParameters.DeleteLaunchTemplateRequest.LaunchTemplateId",
)
# One deleted version logs `item` as an object, several as a list.
on(
    EC2,
    "DeleteLaunchTemplateVersions",
    LAUNCH_TEMPLATE,
    UPDATE,
    "responseElements.DeleteLaunchTemplateVersionsResponse"
    ".successfullyDeletedLaunchTemplateVersionSet.item.launchTemplateId"
    " || responseElements.DeleteLaunchTemplateVersionsResponse"
    ".successfullyDeletedLaunchTemplateVersionSet.item[].launchTemplateId"
    " || requestParameters.DeleteLaunchTemplateVersionsRequest.LaunchTemplateId",
)

# --- Key pairs: Terraform and CloudFormation name them by key name ---------------------------
# CreateKeyPair: real record (awsdocs CloudTrail user guide). API_ImportKeyPair, API_DeleteKeyPair
# (deletes may give the key-… id instead of the name).
on(EC2, ("CreateKeyPair", "ImportKeyPair"), KEY_PAIR, CREATE, "requestParameters.keyName")
on(
    EC2,
    "DeleteKeyPair",
    KEY_PAIR,
    DELETE,
    "requestParameters.keyName || requestParameters.keyPairId",
)

# --- Account-wide settings, keyed by account id ---------------------------------------------
# DisableEbsEncryptionByDefault (panther-analysis) and EnableSerialConsoleAccess
# (stratus-red-team): real records. The others: their API reference pages.
_ACCOUNT_SETTINGS = {
    "AWS::EC2::EBSEncryptionByDefault": (
        "EnableEbsEncryptionByDefault",
        "DisableEbsEncryptionByDefault",
        "ModifyEbsDefaultKmsKeyId",
        "ResetEbsDefaultKmsKeyId",
    ),
    "AWS::EC2::SerialConsoleAccess": ("EnableSerialConsoleAccess", "DisableSerialConsoleAccess"),
    "AWS::EC2::ImageBlockPublicAccess": (
        "EnableImageBlockPublicAccess",
        "DisableImageBlockPublicAccess",
    ),
    "AWS::EC2::SnapshotBlockPublicAccess": (
        "EnableSnapshotBlockPublicAccess",
        "DisableSnapshotBlockPublicAccess",
    ),
    "AWS::EC2::InstanceMetadataDefaults": ("ModifyInstanceMetadataDefaults",),
}
for _type, _names in _ACCOUNT_SETTINGS.items():
    on(EC2, _names, _type, UPDATE, "recipientAccountId")

# --- Tags on any EC2 resource: the id prefix names the type (EVENT-IDS.md #12) ---------------
on(
    EC2,
    ("CreateTags", "DeleteTags"),
    BY_EC2_ID,
    UPDATE,
    "requestParameters.resourcesSet.items[].resourceId",
)
